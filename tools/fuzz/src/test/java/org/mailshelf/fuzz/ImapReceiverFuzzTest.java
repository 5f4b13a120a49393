package org.mailshelf.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.protocol.imap.ImapConfig;
import org.mailshelf.protocol.imap.ImapProtocol;
import org.mailshelf.protocol.imap.codec.ReceiverLimits;

/** Arbitrary client bytes, in arbitrary chunks, against an IMAP session over an in-memory store. */
class ImapReceiverFuzzTest {

    static final String PREFIX = "a LOGIN user pass\r\nb SELECT INBOX\r\n";
    static final Pattern SERVER_BUG = Pattern.compile("(?m)^[^ \r\n]+ NO \\[SERVERBUG\\]");
    static final ImapConfig CONFIG = new ImapConfig("mail.test", ReceiverLimits.defaults(), 1 << 20);

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    // one line each, no quotes or backslashes: Jazzer 0.24.0 writes them to its dictionary file unescaped
    @DictionaryEntries({" LOGIN ", " SELECT ", " EXAMINE ", " FETCH ", " UID ",
            " STORE ", " SEARCH ", " COPY ", " MOVE ", " EXPUNGE", " APPEND ", " LIST ", " LSUB ", " STATUS ",
            " CREATE ", " DELETE ", " RENAME ", " IDLE", "DONE", " AUTHENTICATE PLAIN", " ENABLE ", " CONDSTORE",
            " QRESYNC", " NOOP", " CHECK", " CLOSE", " UNSELECT", " NAMESPACE", " CAPABILITY", " LOGOUT",
            " STARTTLS", "BODY[", "BODY.PEEK[HEADER.FIELDS (", "BODYSTRUCTURE", "ENVELOPE", "FLAGS", "RFC822.SIZE", "{1}", "{3+}",
            "INTERNALDATE", "BINARY[", "<0.10>", "1:*", "*", "(CHANGEDSINCE 1)", "MODSEQ", "+FLAGS.SILENT (", "Seen", "Deleted",
            "SINCE 1-Jan-2020", "CHARSET UTF-8", " OR ", " NOT ", "RETURN (", "&AOQ-"})
    void fuzz(byte[] data) {
        FuzzInput input = FuzzInput.parse(data);
        RecordingConnection connection = new RecordingConnection();
        ProtocolHandler handler = new ImapProtocol(CONFIG, Mailboxes.withMessages(), new FixedAuthenticator())
                .create(connection);
        handler.start();
        assertFalse(FuzzInput.checkedOutput(connection, new byte[0]).isEmpty(), "no greeting");

        String out = input.feed(handler, connection, PREFIX)
                + FuzzInput.endLine(handler, connection, input.payload());
        // a tagged NO [SERVERBUG] is a RuntimeException caught in ImapSession.runGuarded (a tag has no space,
        // so the client cannot forge the line)
        assertFalse(SERVER_BUG.matcher(out).find(), () -> "a command failed inside: " + FuzzInput.tail(out));
        if (connection.isClosed() || waitingForClient(out, input.payload())) {
            return;
        }
        StringBuilder last = new StringBuilder();
        FuzzInput.send(handler, connection, "zz NOOP\r\n".getBytes(StandardCharsets.US_ASCII), last,
                input.payload());
        assertTrue(connection.isClosed() || last.toString().startsWith("zz ") || last.indexOf("\r\nzz ") >= 0,
                () -> "no answer to NOOP after the input; the server wrote: " + FuzzInput.tail(out + last));
    }

    /**
     * Whether the session may rightly be swallowing input: it asked for more with a continuation request (a
     * synchronizing literal, IDLE, AUTHENTICATE), or the input holds a non-synchronizing literal, whose bytes
     * are taken without asking.
     */
    private static boolean waitingForClient(String out, byte[] payload) {
        return FuzzInput.lastLine(out).startsWith("+") || FuzzInput.contains(payload, "+}")
                || FuzzInput.contains(payload, "-}");
    }
}
