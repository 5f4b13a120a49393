package org.mailshelf.protocol.imap.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class ResponseWriterTest {

    private static String text(byte[] response) {
        return new String(response, StandardCharsets.ISO_8859_1);
    }

    private static String astring(String s) {
        return text(ResponseWriter.untagged().astring(s).toBytes());
    }

    private static String string(byte[] s) {
        return text(ResponseWriter.untagged().string(s).toBytes());
    }

    @Test
    public void statusResponses() {
        assertEquals("a1 OK [READ-WRITE] SELECT completed\r\n",
                text(ResponseWriter.status("a1", Status.OK, "READ-WRITE", "SELECT completed")));
        assertEquals("* BAD Line too long\r\n", text(ResponseWriter.status(null, Status.BAD, null, "Line too long")));
        assertEquals("a2 NO [TOOBIG] Literal too big\r\n",
                text(ResponseWriter.status("a2", Status.NO, "TOOBIG", "Literal too big")));
        assertEquals("+ Ready\r\n", text(ResponseWriter.continuationRequest("Ready")));
        assertEquals("* BYE\r\n", text(ResponseWriter.status(null, Status.BYE, null, "")));
    }

    @Test
    public void textCannotForgeALine() {
        assertEquals("a1 NO bad  * OK x?\r\n", text(ResponseWriter.status("a1", Status.NO, null, "bad\r\n* OK x\u00e9")));
    }

    @Test
    public void astringChoosesAtomQuotedOrLiteral() {
        assertEquals("* INBOX\r\n", astring("INBOX"));
        assertEquals("* [Gmail]/Sent\r\n", astring("[Gmail]/Sent"));
        assertEquals("* \"\"\r\n", astring(""));
        assertEquals("* \"NIL\"\r\n", astring("NIL"));
        assertEquals("* \"nil\"\r\n", astring("nil"));
        assertEquals("* \"a b\"\r\n", astring("a b"));
        assertEquals("* \"50%\"\r\n", astring("50%"));
        assertEquals("* \"a*\"\r\n", astring("a*"));
        assertEquals("* \"say \\\"hi\\\" \\\\o/\"\r\n", astring("say \"hi\" \\o/"));
        assertEquals("* {2}\r\n\u00c3\u00a9\r\n", astring("\u00e9"));
    }

    @Test
    public void stringIsNeverAnAtom() {
        assertEquals("* \"abc\"\r\n", string("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("* {3}\r\na\rb\r\n", string(new byte[] {'a', '\r', 'b'}));
        assertEquals("* {3}\r\na\nb\r\n", string(new byte[] {'a', '\n', 'b'}));
        assertEquals("* {3}\r\na\0b\r\n", string(new byte[] {'a', 0, 'b'}));
        assertEquals("* {1}\r\n\u00ff\r\n", string(new byte[] {(byte) 0xff}));
        assertEquals("* \"tab\there\"\r\n", string("tab\there".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    public void nstringAndNil() {
        assertEquals("* NIL \"x\" NIL\r\n",
                text(ResponseWriter.untagged().nstring((String) null).nstring("x").nstring((byte[]) null).toBytes()));
    }

    @Test
    public void fetchResponseWithListsAndLiteral() {
        byte[] r = ResponseWriter.untagged().number(12).atom("FETCH").beginList()
                .atom("FLAGS").flags(List.of("\\Seen", "$Forwarded"))
                .atom("UID").number(4827313)
                .raw("BODY[HEADER.FIELDS (SUBJECT)]").literal("Subject: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                .atom("ENVELOPE").beginList().nil().string("hi").beginList().endList().endList()
                .endList().toBytes();
        assertEquals("* 12 FETCH (FLAGS (\\Seen $Forwarded) UID 4827313 BODY[HEADER.FIELDS (SUBJECT)]"
                + " {14}\r\nSubject: x\r\n\r\n ENVELOPE (NIL \"hi\" ()))\r\n", text(r));
    }

    @Test
    public void responseCodesWithElements() {
        byte[] r = ResponseWriter.untagged().atom("OK").beginCode("PERMANENTFLAGS")
                .flags(List.of("\\Deleted", "\\Seen", "\\*")).endCode().text("Limited").toBytes();
        assertEquals("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n", text(r));
        assertEquals("* OK [UIDNEXT 4392] Predicted next UID\r\n", text(ResponseWriter.untagged().atom("OK")
                .code("UIDNEXT 4392").text("Predicted next UID").toBytes()));
        assertEquals("* FLAGS ()\r\n", text(ResponseWriter.untagged().atom("FLAGS").flags(List.of()).toBytes()));
    }

    @Test
    public void refusesWhatWouldBreakTheResponse() {
        for (Runnable bad : List.<Runnable>of(
                () -> ResponseWriter.untagged().atom("a b"),
                () -> ResponseWriter.untagged().atom(""),
                () -> ResponseWriter.untagged().atom("a\r\n"),
                () -> ResponseWriter.untagged().number(-1),
                () -> ResponseWriter.untagged().raw("a\r\nb"),
                () -> ResponseWriter.untagged().code("A]B"),
                () -> ResponseWriter.tagged("a+b"),
                () -> ResponseWriter.tagged("")
        )) {
            try {
                bad.run();
                fail();
            } catch (IllegalArgumentException expected) {
                // fine
            }
        }
    }
}
