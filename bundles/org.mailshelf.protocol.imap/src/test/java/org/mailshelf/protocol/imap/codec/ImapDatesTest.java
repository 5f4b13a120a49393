package org.mailshelf.protocol.imap.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.Test;

public class ImapDatesTest {

    @Test
    public void parsesDateTime() throws ParseException {
        assertEquals(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)),
                ImapDates.parseDateTime("17-Jul-1996 02:44:25 -0700"));
        OffsetDateTime first = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
        assertEquals(first, ImapDates.parseDateTime(" 1-Jan-2024 00:00:00 +0530"));
        assertEquals(first, ImapDates.parseDateTime("01-Jan-2024 00:00:00 +0530"));
        assertEquals(first, ImapDates.parseDateTime("1-jan-2024 00:00:00 +0530"));
        assertEquals(OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-9, -30)),
                ImapDates.parseDateTime("29-FEB-2024 23:59:59 -0930"));
    }

    @Test
    public void rejectsBadDateTimes() {
        for (String s : List.of("", "17-Jul-1996 02:44:25", "17-Jul-1996 02:44:25 0700", "17-Jul-96 02:44:25 -0700",
                "17-July-1996 02:44:25 -0700", "17 Jul 1996 02:44:25 -0700", "32-Jul-1996 02:44:25 -0700",
                "29-Feb-2023 02:44:25 -0700", "17-Jul-1996 24:00:00 -0700", "17-Jul-1996 02:60:25 -0700",
                "17-Jul-1996 02:44:60 -0700", "17-Jul-1996 2:44:25 -0700", "17-Jul-1996 02:44:25 -0760",
                "17-Jul-1996 02:44:25 +1900", "17-Jul-1996 02:44:25 -0700 ", "  1-Jan-2024 00:00:00 +0000",
                "001-Jan-2024 00:00:00 +0000", "\"17-Jul-1996 02:44:25 -0700\"", "17-Jul-1996  02:44:25 -0700")) {
            try {
                ImapDates.parseDateTime(s);
                fail("accepted " + s);
            } catch (ParseException e) {
                assertEquals("Invalid date-time", e.getMessage());
            }
        }
    }

    @Test
    public void formatsDateTimeWhateverTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("02-Mar-2024 09:05:07 -0930", ImapDates.formatDateTime(
                    OffsetDateTime.of(2024, 3, 2, 9, 5, 7, 999, ZoneOffset.ofHoursMinutes(-9, -30))));
            assertEquals("17-Dec-1996 02:44:25 +0000", ImapDates.formatDateTime(
                    OffsetDateTime.of(1996, 12, 17, 2, 44, 25, 0, ZoneOffset.UTC)));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    public void dateTimeRoundTrip() throws ParseException {
        String s = "05-May-2021 13:14:15 +0200";
        assertEquals(s, ImapDates.formatDateTime(ImapDates.parseDateTime(s)));
    }

    @Test
    public void searchDates() throws ParseException {
        assertEquals(LocalDate.of(1994, 2, 1), ImapDates.parseDate("1-Feb-1994"));
        assertEquals(LocalDate.of(1994, 2, 1), ImapDates.parseDate("01-feb-1994"));
        assertEquals("1-Feb-1994", ImapDates.formatDate(LocalDate.of(1994, 2, 1)));
        assertEquals("31-Dec-2020", ImapDates.formatDate(LocalDate.of(2020, 12, 31)));
        for (String s : List.of("", "1-Feb-94", "1-Feb-1994 ", " 1-Feb-1994", "001-Feb-1994", "30-Feb-1994",
                "1/Feb/1994", "1-Febr-1994", "0-Feb-1994")) {
            try {
                ImapDates.parseDate(s);
                fail("accepted " + s);
            } catch (ParseException e) {
                assertEquals("Invalid date", e.getMessage());
            }
        }
    }
}
