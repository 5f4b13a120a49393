package org.mailshelf.protocol.imap.codec;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The two date forms of RFC 3501: date-time {@code "17-Jul-1996 02:44:25 -0700"} (INTERNALDATE, APPEND) and
 * date {@code 1-Feb-1994} (SEARCH BEFORE/ON/SINCE...). English month names, whatever the JVM's locale;
 * strict about everything else, lenient only where clients differ: a date-time day may be {@code " 1"},
 * {@code "01"} or {@code "1"}, month names are case-insensitive (ABNF strings are).
 */
public final class ImapDates {

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private ImapDates() {
    }

    /** Parses a date-time without its quotes. */
    public static OffsetDateTime parseDateTime(String s) throws ParseException {
        Cursor c = new Cursor(s, "Invalid date-time");
        int day;
        if (c.peek() == ' ') {
            c.skip(' ');
            day = c.digits(1, 1);
        } else {
            day = c.digits(1, 2);
        }
        c.skip('-');
        int month = c.month();
        c.skip('-');
        int year = c.digits(4, 4);
        c.skip(' ');
        int hour = c.digits(2, 2);
        c.skip(':');
        int minute = c.digits(2, 2);
        c.skip(':');
        int second = c.digits(2, 2);
        c.skip(' ');
        char sign = c.peek();
        if (sign != '+' && sign != '-') {
            throw c.error();
        }
        c.skip(sign);
        int zone = c.digits(4, 4);
        c.end();
        try {
            int zoneMinutes = (zone / 100) * 60 + zone % 100;
            if (zone % 100 >= 60) {
                throw c.error();
            }
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((sign == '-' ? -zoneMinutes : zoneMinutes) * 60);
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (DateTimeException e) {
            throw c.error();
        }
    }

    /** Formats as a date-time without quotes: {@code 02-Jan-2024 09:05:00 +0100}. Seconds are truncated. */
    public static String formatDateTime(OffsetDateTime t) {
        int offsetMinutes = t.getOffset().getTotalSeconds() / 60;
        int abs = Math.abs(offsetMinutes);
        return String.format("%02d-%s-%04d %02d:%02d:%02d %c%02d%02d", t.getDayOfMonth(),
                MONTHS[t.getMonthValue() - 1], t.getYear(), t.getHour(), t.getMinute(), t.getSecond(),
                offsetMinutes < 0 ? '-' : '+', abs / 60, abs % 60);
    }

    /** Parses a SEARCH date (date-text, without quotes): {@code 1-Feb-1994} or {@code 01-Feb-1994}. */
    public static LocalDate parseDate(String s) throws ParseException {
        Cursor c = new Cursor(s, "Invalid date");
        int day = c.digits(1, 2);
        c.skip('-');
        int month = c.month();
        c.skip('-');
        int year = c.digits(4, 4);
        c.end();
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw c.error();
        }
    }

    public static String formatDate(LocalDate d) {
        return d.getDayOfMonth() + "-" + MONTHS[d.getMonthValue() - 1] + "-" + String.format("%04d", d.getYear());
    }

    private static final class Cursor {
        private final String s;
        private final String message;
        private int pos;

        Cursor(String s, String message) {
            this.s = s;
            this.message = message;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        void skip(char expected) throws ParseException {
            if (peek() != expected) {
                throw error();
            }
            pos++;
        }

        int digits(int min, int max) throws ParseException {
            int start = pos;
            while (pos - start < max && ImapChars.isDigit(peek())) {
                pos++;
            }
            if (pos - start < min) {
                throw error();
            }
            return Integer.parseInt(s.substring(start, pos));
        }

        int month() throws ParseException {
            if (pos + 3 <= s.length()) {
                String name = s.substring(pos, pos + 3);
                for (int i = 0; i < MONTHS.length; i++) {
                    if (MONTHS[i].equalsIgnoreCase(name)) {
                        pos += 3;
                        return i + 1;
                    }
                }
            }
            throw error();
        }

        void end() throws ParseException {
            if (pos != s.length()) {
                throw error();
            }
        }

        ParseException error() {
            return new ParseException(message);
        }
    }
}
