package org.mailshelf.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.protocol.lmtp.LmtpConfig;
import org.mailshelf.protocol.lmtp.LmtpProtocol;

/** Arbitrary client bytes, in arbitrary chunks, against an LMTP session delivering into an in-memory store. */
class LmtpReceiverFuzzTest {

    static final String PREFIX = "LHLO client.test\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<user@example.com>\r\n";

    @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
    // one line each, no quotes or backslashes: Jazzer 0.24.0 writes them to its dictionary file unescaped
    @DictionaryEntries({"..", "LHLO ", "HELO ", "EHLO ", "MAIL FROM:<", "RCPT TO:<", ">",
            "<>", " SIZE=", " BODY=8BITMIME", " BODY=7BIT", "DATA", "RSET", "NOOP", "VRFY ", "HELP", "QUIT",
            "user@example.com", "@relay:", "postmaster"})
    void fuzz(byte[] data) {
        FuzzInput input = FuzzInput.parse(data);
        RecordingConnection connection = new RecordingConnection();
        ProtocolHandler handler = new LmtpProtocol(LmtpConfig.defaults(), Mailboxes.withMessages(),
                new FixedAuthenticator()).create(connection);
        handler.start();
        assertFalse(FuzzInput.checkedOutput(connection, new byte[0]).isEmpty(), "no greeting");

        String out = input.feed(handler, connection, PREFIX)
                + FuzzInput.endLine(handler, connection, input.payload());
        // 354: inside DATA, where NOOP is message text
        if (connection.isClosed() || FuzzInput.lastLine(out).startsWith("354")) {
            return;
        }
        StringBuilder last = new StringBuilder();
        FuzzInput.send(handler, connection, "NOOP\r\n".getBytes(StandardCharsets.US_ASCII), last,
                input.payload());
        assertTrue(connection.isClosed() || FuzzInput.lastLine(last.toString()).startsWith("250"),
                () -> "no 250 to NOOP after the input; the server wrote: " + FuzzInput.tail(out + last));
    }
}
