package org.mailshelf.protocol.imap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.protocol.Transcript;
import org.mailshelf.protocol.imap.codec.ReceiverLimits;
import org.mailshelf.store.memory.MemoryMailStore;

/** An IMAP listener over an in-memory store with two accounts: alice/secret and bob/hunter 2 (with a space). */
class ImapFixture {

    static final ImapConfig CONFIG = new ImapConfig("mail.test", ReceiverLimits.defaults(), 1000);
    static final String GREETING = "S~ \\* OK \\[CAPABILITY IMAP4rev1 .*AUTH=PLAIN AUTH=LOGIN\\] mail.test IMAP4rev1 ready\n";
    static final String LOGIN = "C: a LOGIN alice secret\nS~ a OK \\[CAPABILITY IMAP4rev1 .*\\] Logged in\n";
    static final String HELLO = GREETING + LOGIN;
    /** Selecting an INBOX that holds nothing. */
    static final String SELECT_EMPTY = """
            C: s SELECT INBOX
            S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
            S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted
            S: * 0 EXISTS
            S: * 0 RECENT
            S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
            S: * OK [UIDNEXT 1] Predicted next UID
            S~ \\* OK \\[HIGHESTMODSEQ \\d+\\] Highest
            S: s OK [READ-WRITE] SELECT completed
            """;

    final MemoryMailStore store = new MemoryMailStore();
    final TestAuthenticator authenticator = new TestAuthenticator().add("alice", "secret").add("bob", "hunter 2");
    final ImapProtocol protocol = new ImapProtocol(CONFIG, store, authenticator);

    RecordingConnection run(String script) {
        return Transcript.run(protocol::create, script);
    }

    RecordingConnection run(RecordingConnection connection, String script) {
        return Transcript.run(protocol::create, connection, script);
    }

    /** A session driven by hand, for tests with several sessions at once. */
    Client client() {
        return new Client();
    }

    long deliver(String user, String mailbox, String content, int flags) {
        MailboxInfo box = mailbox(user, mailbox);
        return store.append(box.id(), content.getBytes(StandardCharsets.UTF_8), Flags.of(flags), Instant.now())
                .uid();
    }

    long deliver(String content) {
        return deliver("alice", MailboxInfo.INBOX, content, 0);
    }

    MailboxInfo mailbox(String user, String name) {
        return store.mailbox(user, name).orElseGet(() -> store.createMailbox(user, name));
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String message(String subject) {
        return "From: a@example.org\r\nSubject: " + subject + "\r\n\r\nHello\r\n";
    }

    /** One session with its own connection; {@link #send} returns what the server answered. */
    final class Client {
        final RecordingConnection connection = new RecordingConnection();
        final ProtocolHandler handler = protocol.create(connection);

        Client() {
            handler.start();
            connection.take();
        }

        String send(String lines) {
            handler.received(ByteBuffer.wrap((lines + "\r\n").getBytes(StandardCharsets.UTF_8)));
            return connection.take();
        }

        /** What arrived without a command (IDLE pushes). */
        String take() {
            return connection.take();
        }

        Client login() {
            send("a LOGIN alice secret");
            return this;
        }

        Client select(String mailbox) {
            send("s SELECT " + mailbox);
            return this;
        }
    }
}
