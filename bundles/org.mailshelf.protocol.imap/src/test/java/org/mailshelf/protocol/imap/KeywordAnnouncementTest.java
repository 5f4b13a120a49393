package org.mailshelf.protocol.imap;

import static org.junit.Assert.assertEquals;
import static org.mailshelf.protocol.imap.ImapFixture.message;

import org.junit.Test;

/**
 * A FETCH never shows a keyword the last FLAGS response did not list (RFC 3501 section 7.2.6; imaptest:
 * "Keyword used without being in FLAGS").
 */
public class KeywordAnnouncementTest {

    private static final String SYSTEM = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

    private final ImapFixture f = new ImapFixture();

    private static String flags(String keywords) {
        return "* FLAGS (" + SYSTEM + " " + keywords + ")\r\n* OK [PERMANENTFLAGS (" + SYSTEM + " " + keywords
                + " \\*)] Flags permitted\r\n";
    }

    @Test
    public void ownStoreAnnouncesANewKeywordBeforeTheFetch() {
        f.deliver(message("1"));
        ImapFixture.Client a = f.client().login().select("INBOX");
        assertEquals(flags("$keyword1") + "* 1 FETCH (FLAGS (\\Flagged $keyword1 \\Recent))\r\n"
                + "1 OK STORE completed\r\n", a.send("1 STORE 1 FLAGS (\\Flagged $keyword1)"));
        // once announced, a keyword is not announced again, not even after it went out of use
        assertEquals("* 1 FETCH (FLAGS (\\Recent))\r\n2 OK STORE completed\r\n", a.send("2 STORE 1 FLAGS ()"));
        assertEquals("* 1 FETCH (FLAGS ($keyword1 \\Recent))\r\n3 OK STORE completed\r\n",
                a.send("3 STORE 1 +FLAGS ($keyword1)"));
        assertEquals(flags("$keyword1 $keyword2") + "4 OK STORE completed\r\n",
                a.send("4 STORE 1 +FLAGS.SILENT ($keyword2)"));
    }

    @Test
    public void anotherSessionsStoreAnnouncesTheKeywordBeforeTheFetch() {
        f.deliver(message("1"));
        ImapFixture.Client a = f.client().login().select("INBOX");
        ImapFixture.Client examine = f.client().login();
        examine.send("e EXAMINE INBOX");
        ImapFixture.Client b = f.client().login().select("INBOX");
        b.send("1 STORE 1 +FLAGS.SILENT (\\Flagged $keyword1)");
        assertEquals(flags("$keyword1") + "* 1 FETCH (FLAGS (\\Flagged $keyword1 \\Recent))\r\nn OK Completed\r\n",
                a.send("n NOOP"));
        // read-only: FLAGS only, no flag is permitted
        assertEquals("* FLAGS (" + SYSTEM + " $keyword1)\r\n* 1 FETCH (FLAGS (\\Flagged $keyword1))\r\n"
                + "n OK Completed\r\n", examine.send("n NOOP"));
    }

    @Test
    public void anAppendedMessagesKeywordIsAnnouncedBeforeFetchFlags() {
        f.deliver(message("1"));
        ImapFixture.Client a = f.client().login().select("INBOX");
        ImapFixture.Client b = f.client().login();
        b.send("1 APPEND INBOX (\\Seen $new) {5+}\r\nHello");
        assertEquals(flags("$new") + "* 2 EXISTS\r\n* 2 RECENT\r\nn OK Completed\r\n", a.send("n NOOP"));
        assertEquals("* 2 FETCH (FLAGS (\\Seen \\Recent $new))\r\nf OK FETCH completed\r\n", a.send("f FETCH 2 FLAGS"));
    }
}
