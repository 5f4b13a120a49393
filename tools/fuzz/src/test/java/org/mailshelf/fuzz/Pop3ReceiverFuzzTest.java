package org.mailshelf.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.protocol.pop3.MaildropLocks;
import org.mailshelf.protocol.pop3.Pop3Config;
import org.mailshelf.protocol.pop3.Pop3Protocol;

/** Arbitrary client bytes, in arbitrary chunks, against a POP3 session over an in-memory store. */
class Pop3ReceiverFuzzTest {

    static final String PREFIX = "USER user\r\nPASS pass\r\n";
    static final Pop3Config CONFIG = new Pop3Config("mail.test", 512, "Mailshelf");

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    // one line each, no quotes or backslashes: Jazzer 0.24.0 writes them to its dictionary file unescaped
    @DictionaryEntries({"USER ", "PASS ", "AUTH PLAIN", "AUTH ", "=", "*", "STAT", "LIST", "LIST 1",
            "RETR ", "TOP ", " 0", " -1", " 4294967296", "DELE ", "NOOP", "RSET", "UIDL", "CAPA", "STLS", "QUIT",
            "APOP "})
    void fuzz(byte[] data) {
        FuzzInput input = FuzzInput.parse(data);
        RecordingConnection connection = new RecordingConnection();
        ProtocolHandler handler = new Pop3Protocol(CONFIG, Mailboxes.withMessages(), new FixedAuthenticator(),
                new MaildropLocks()).create(connection);
        handler.start();
        assertFalse(FuzzInput.checkedOutput(connection, new byte[0]).isEmpty(), "no greeting");

        String out = input.feed(handler, connection, PREFIX)
                + FuzzInput.endLine(handler, connection, input.payload());
        if (connection.isClosed()) {
            return;
        }
        // ends a partial line, then asks; in AUTHORIZATION the answer is -ERR, in TRANSACTION +OK, and inside an
        // AUTH exchange (AUTH LOGIN asks twice) the line is SASL data, answered by the next "+ " challenge
        StringBuilder last = new StringBuilder();
        FuzzInput.send(handler, connection, "NOOP\r\n".getBytes(StandardCharsets.US_ASCII), last,
                input.payload());
        String line = FuzzInput.lastLine(last.toString());
        assertTrue(connection.isClosed() || line.startsWith("+OK") || line.startsWith("-ERR")
                || line.startsWith("+ "),
                () -> "no answer to NOOP after the input; the server wrote: " + FuzzInput.tail(out + last));
    }
}
