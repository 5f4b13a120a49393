package org.mailshelf.protocol.imap.search;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mailshelf.protocol.imap.search.TestMessage.args;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.Test;
import org.mailshelf.api.Flags;

public class SearchEvaluatorTest {

    private static final SearchContext CONTEXT = new SearchContext(5, 100);

    private static boolean matches(String criteria, TestMessage m, SearchContext context) throws Exception {
        // 8-bit text goes as UTF-8 in quoted strings, as clients do
        byte[] line = ("t SEARCH " + criteria + "\r\n").getBytes(StandardCharsets.UTF_8);
        return SearchEvaluator.matches(SearchParser.parse(args(line)).key(), m, context);
    }

    private static boolean matches(String criteria, TestMessage m) throws Exception {
        return matches(criteria, m, CONTEXT);
    }

    private static void yes(TestMessage m, String... criteria) throws Exception {
        for (String c : criteria) {
            assertTrue("should match: " + c, matches(c, m));
        }
    }

    private static void no(TestMessage m, String... criteria) throws Exception {
        for (String c : criteria) {
            assertFalse("should not match: " + c, matches(c, m));
        }
    }

    @Test
    public void systemFlags() throws Exception {
        TestMessage m = TestMessage.plain().flags(Flags.SEEN | Flags.FLAGGED);
        yes(m, "ALL", "SEEN", "FLAGGED", "UNANSWERED", "UNDELETED", "UNDRAFT", "SEEN FLAGGED", "OR DRAFT SEEN");
        no(m, "UNSEEN", "UNFLAGGED", "ANSWERED", "DELETED", "DRAFT", "NOT SEEN", "SEEN DRAFT", "OR DRAFT DELETED");
        m.flags(Flags.ANSWERED | Flags.DELETED | Flags.DRAFT);
        yes(m, "ANSWERED", "DELETED", "DRAFT", "UNSEEN", "UNFLAGGED");
    }

    @Test
    public void keywordsIgnoreCase() throws Exception {
        TestMessage m = TestMessage.plain().flags(0, "$Forwarded", "Junk");
        yes(m, "KEYWORD $Forwarded", "KEYWORD $forwarded", "KEYWORD JUNK", "UNKEYWORD $Label1");
        no(m, "KEYWORD $Label1", "UNKEYWORD junk", "KEYWORD Junk2");
    }

    @Test
    public void recentNewOld() throws Exception {
        TestMessage m = TestMessage.plain();
        m.recent = true;
        yes(m, "RECENT", "NEW");
        no(m, "OLD");
        m.flags(Flags.SEEN);
        yes(m, "RECENT");
        no(m, "NEW", "OLD");
        m.recent = false;
        yes(m, "OLD");
        no(m, "RECENT", "NEW");
    }

    @Test
    public void sizeIsRfc822Size() throws Exception {
        TestMessage m = TestMessage.plain();
        long size = m.meta().size();
        yes(m, "LARGER " + (size - 1), "SMALLER " + (size + 1), "NOT LARGER " + size);
        no(m, "LARGER " + size, "SMALLER " + size, "SMALLER 0");
    }

    @Test
    public void sequenceNumbersAndUidsWithStar() throws Exception {
        TestMessage m = TestMessage.plain();
        m.msn = 5;
        m.uid = 100;
        yes(m, "5", "*", "1:*", "4:5", "1,3,5", "UID 100", "UID *", "UID 50:*", "UID 1:99,100", "5 UID 100");
        no(m, "1:4", "4", "UID 99", "UID 1:99", "UID 101", "NOT *");
        // "*" is the highest number in use, so 7:* is 5:7 when 5 is the highest
        yes(m, "7:*", "UID 150:*");
        m.msn = 3;
        no(m, "*", "4:*");
        yes(m, "2:3");
    }

    @Test
    public void modSeq() throws Exception {
        TestMessage m = TestMessage.plain();
        m.modSeq = 10;
        yes(m, "MODSEQ 0", "MODSEQ 9", "MODSEQ 10", "MODSEQ \"/flags/\\\\seen\" all 10");
        no(m, "MODSEQ 11", "MODSEQ \"/flags/$Junk\" priv 11");
    }

    @Test
    public void internalDateInUtcByDefault() throws Exception {
        TestMessage m = TestMessage.plain();
        m.internalDate = Instant.parse("2024-01-01T23:59:59Z");
        yes(m, "ON 1-Jan-2024", "BEFORE 2-Jan-2024", "SINCE 1-Jan-2024", "SINCE 31-Dec-2023");
        no(m, "ON 2-Jan-2024", "BEFORE 1-Jan-2024", "SINCE 2-Jan-2024", "ON 31-Dec-2023");
        m.internalDate = Instant.parse("2024-01-02T00:00:00Z");
        yes(m, "ON 2-Jan-2024", "SINCE 2-Jan-2024", "BEFORE 3-Jan-2024");
        no(m, "BEFORE 2-Jan-2024", "ON 1-Jan-2024");
    }

    @Test
    public void internalDateInAConfiguredZone() throws Exception {
        TestMessage m = TestMessage.plain();
        m.internalDate = Instant.parse("2024-01-01T23:30:00Z");
        SearchContext berlin = new SearchContext(1, 1, ZoneOffset.ofHours(1));
        assertTrue(matches("ON 2-Jan-2024", m, berlin));
        assertFalse(matches("ON 1-Jan-2024", m, berlin));
        SearchContext newYork = new SearchContext(1, 1, ZoneOffset.ofHours(-5));
        m.internalDate = Instant.parse("2024-01-02T04:59:59Z");
        assertTrue(matches("ON 1-Jan-2024", m, newYork));
        assertTrue(matches("BEFORE 2-Jan-2024", m, newYork));
    }

    @Test
    public void sentDateIsTheDateHeadersOwnDate() throws Exception {
        // Mon, 1 Jan 2024 23:30:00 -0500 is already 2 January in UTC; SENT* keys take 1 January
        TestMessage m = new TestMessage(Mail.MIXED);
        m.internalDate = Instant.parse("2024-02-01T10:00:00Z");
        yes(m, "SENTON 1-Jan-2024", "SENTBEFORE 2-Jan-2024", "SENTSINCE 1-Jan-2024", "SENTSINCE 31-Dec-2023");
        no(m, "SENTON 2-Jan-2024", "SENTBEFORE 1-Jan-2024", "SENTSINCE 2-Jan-2024");
        // Tue, 2 Jan 2024 00:00:00 +1400 is still 1 January in UTC; SENT* keys take 2 January
        TestMessage east = new TestMessage(Mail.UTF8_RAW);
        yes(east, "SENTON 2-Jan-2024", "SENTSINCE 2-Jan-2024", "SENTBEFORE 3-Jan-2024");
        no(east, "SENTON 1-Jan-2024", "SENTBEFORE 2-Jan-2024");
    }

    @Test
    public void sentDateFallsBackToInternalDate() throws Exception {
        TestMessage m = new TestMessage(Mail.LATIN1_NO_DATE);
        m.internalDate = Instant.parse("2024-03-10T12:00:00Z");
        yes(m, "SENTON 10-Mar-2024", "SENTSINCE 10-Mar-2024", "SENTBEFORE 11-Mar-2024");
        no(m, "SENTON 9-Mar-2024", "SENTBEFORE 10-Mar-2024");
        TestMessage broken = new TestMessage(Mail.crlf("Date: not a date at all\nSubject: x\n\nbody\n"));
        broken.internalDate = Instant.parse("2024-03-10T12:00:00Z");
        yes(broken, "SENTON 10-Mar-2024");
    }

    @Test
    public void addressAndSubjectKeysSearchDecodedValues() throws Exception {
        TestMessage m = new TestMessage(Mail.MIXED);
        yes(m, "FROM andre@example", "FROM \"ANDRÉ\"", "FROM {6+}\r\nandré", "TO BOB",
                "CC \"carol@example.com, dave\"", "CC DAVE", "SUBJECT \"ÉTÉ DÉJEUNER\"", "SUBJECT \"\"",
                "NOT BCC \"\"");
        no(m, "FROM bob", "TO andre", "BCC bob", "SUBJECT inner", "SUBJECT \"=?UTF-8?B\"", "FROM =E9");
    }

    /** imaptest "search-addresses": comments go, the address is assembled from its parts. */
    @Test
    public void addressKeysMatchParsedAddressesNotHeaderText() throws Exception {
        TestMessage m = new TestMessage(Mail.crlf("""
                From: <user-from (comment)@ (comment) domain.org>
                To: "Real Name" <user-to@domain.org>
                Cc: Other (a comment) <"quoted local"@[127.0.0.1]>
                Bcc: <@route.example,@other.example:user-bcc@domain.org>
                Subject: addresses

                body
                """));
        yes(m, "FROM user-from@domain.org", "FROM USER-FROM@DOMAIN.ORG", "FROM user-from", "FROM domain.org",
                "FROM m@do", "TO \"real name\"", "TO \"Real Name <user-to@domain.org>\"", "TO user-to@domain.org",
                "CC \"quoted local@[127.0.0.1]\"", "CC other", "BCC user-bcc@domain.org", "NOT FROM comment");
        no(m, "FROM comment", "FROM \"user-from (comment)\"", "CC \"a comment\"", "CC \"\\\"quoted\"",
                "BCC route.example", "TO \"\\\"Real\"");
    }

    @Test
    public void addressKeysDecodeEncodedWordNamesAndMatchGroupsByNameAndMembers() throws Exception {
        TestMessage m = new TestMessage(Mail.crlf("""
                From: =?UTF-8?Q?M=C3=BCller=2C_J=C3=BCrgen?= <jm@example.de>, x@example.org (Xavier Comment)
                To: Friends: anna@example.com, "Ben B." <ben@example.net>;, solo@example.com
                Cc: undisclosed-recipients:;
                Subject: names

                body
                """));
        yes(m, "FROM \"müller, jürgen\"", "FROM \"MÜLLER, JÜRGEN <jm@example.de>\"", "FROM \"xavier comment\"",
                "FROM x@example.org", "TO anna@example.com", "TO \"ben b.\"", "TO \"Ben B. <ben@example.net>\"",
                "TO solo@example.com", "TO \"anna@example.com, Ben\"", "CC \"\"", "TO friends",
                "CC undisclosed");
        no(m, "FROM =?UTF-8", "FROM M=C3", "TO enemies", "BCC \"\"");
    }

    @Test
    public void headerKey() throws Exception {
        TestMessage m = new TestMessage(Mail.MIXED);
        yes(m, "HEADER X-Priority \"\"", "HEADER x-priority 1", "HEADER Message-ID <MIXED@", "HEADER X-Note \"NAÏVE\"",
                "HEADER Content-Type boundary", "HEADER Subject \"été\"");
        no(m, "HEADER X-Missing \"\"", "HEADER X-Priority 2", "HEADER X-Inner \"\"", "HEADER Received \"\"");
    }

    @Test
    public void bodySearchesDecodedTextParts() throws Exception {
        TestMessage m = new TestMessage(Mail.MIXED);
        yes(m, "BODY \"straße\"", "BODY \"SCHÖNE STRAßE\"", "BODY \"genève\"", "BODY \"soft break\"",
                "BODY \"nested needle\"", "BODY \"\"", "BODY \"çA\"", "BODY \"grüße aus\"");
        no(m, "BODY \"secret attachment\"", "BODY preamble", "BODY epilogue", "BODY Subject", "BODY X-Priority",
                "BODY R3LDvMOfZSBhdXMg", "BODY =C7a", "BODY \"inner subject\"");
    }

    @Test
    public void bodyCharsetFallbackAndNormalization() throws Exception {
        yes(new TestMessage(Mail.LATIN1_NO_DATE), "BODY \"CAFÉ\"", "BODY \"crème\"");
        TestMessage raw = new TestMessage(Mail.UTF8_RAW);
        yes(raw, "BODY \"crème\"");
        // "decomposed: cafe" + U+0301 is found by the composed é
        yes(raw, "BODY \"decomposed: café\"");
    }

    @Test
    public void textSearchesHeaderAndBody() throws Exception {
        TestMessage m = new TestMessage(Mail.MIXED);
        yes(m, "TEXT \"déjeuner\"", "TEXT x-priority", "TEXT \"Message-ID: <mixed\"", "TEXT andre",
                "TEXT \"andré\"", "TEXT \"köln\"", "TEXT \"nested needle\"", "TEXT \"\"",
                "TEXT \"inner subject\"");
        no(m, "TEXT \"secret attachment\"", "TEXT preamble", "TEXT nowhere");
    }

    @Test
    public void foldingIsContextFreeAndLocaleIndependent() {
        assertEquals("ὀδυσσεύσ", Fold.fold("ὈΔΥΣΣΕΎΣ"));
        assertEquals("ὀδυσσεύσ", Fold.fold("ὀδυσσεύς"));
        assertEquals(Fold.fold("ΟΔΟΣ"), Fold.fold("οδοσ"));
        assertEquals(Fold.fold("οδος"), Fold.fold("ΟΔΟΣ"));
        assertEquals("title", Fold.fold("TITLE"));
        assertEquals("i", Fold.fold("I"));  // not the Turkish dotless i, whatever the default locale
        assertTrue(Fold.contains("Caf\u0065\u0301", "CAFÉ"));
    }

    @Test
    public void metadataSearchesNeverLoadStructureOrContent() throws Exception {
        TestMessage m = TestMessage.plain().flags(Flags.SEEN, "$Junk");
        m.forbidLoading = true;
        m.recent = true;
        for (String c : new String[] {"SEEN", "UNSEEN", "ALL", "NEW", "OLD", "RECENT", "KEYWORD $junk",
                "UNKEYWORD x", "LARGER 1", "SMALLER 5", "BEFORE 1-Jan-2030", "ON 1-Jan-2020", "SINCE 1-Jan-2020",
                "UID 1:*", "1", "*", "MODSEQ 1", "NOT (DRAFT FLAGGED) OR DELETED ANSWERED",
                // decided by a cheap key before the expensive one is needed
                "UNSEEN SUBJECT x", "SUBJECT x UNSEEN", "BODY x DELETED", "TEXT x NOT SEEN",
                "OR SEEN BODY x", "OR BODY x SEEN", "OR SENTON 1-Jan-2024 RECENT", "NOT (UNSEEN HEADER a b)"}) {
            matches(c, m);
        }
    }

    @Test
    public void bodyTextIsDecodedOncePerMessage() throws Exception {
        TestMessage m = new TestMessage(Mail.MIXED);
        assertTrue(matches("BODY \"köln\" BODY \"genève\" TEXT andre TEXT needle", m));
        assertEquals(2, m.contentCalls);  // once for the body text, once for the header text
    }

    @Test
    public void nestedLogic() throws Exception {
        TestMessage m = new TestMessage(Mail.MIXED).flags(Flags.SEEN);
        m.msn = 2;
        yes(m, "OR (FROM nobody) (SUBJECT \"été\" SEEN)", "NOT (FROM nobody)",
                "(2 (UID 1) (OR UNSEEN NOT DRAFT))", "OR OR 1 3 OR 4 2", "NOT NOT SEEN");
        no(m, "OR (FROM nobody) (SUBJECT x SEEN)", "NOT (SEEN BODY needle)", "(SEEN (UNSEEN))");
    }
}
