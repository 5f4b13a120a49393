package org.mailshelf.protocol.pop3;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.protocol.Transcript;
import org.mailshelf.store.memory.MemoryMailStore;

/** A POP3 listener over an in-memory store with two accounts: alice/secret and bob/hunter 2 (with a space). */
class Pop3Fixture {

    static final Pop3Config CONFIG = new Pop3Config("mail.test", 512, "Mailshelf");
    static final String LOGIN_ALICE = "C: USER alice\nS: +OK Send PASS\nC: PASS secret\n";

    final MemoryMailStore memory = new MemoryMailStore();
    final TestAuthenticator authenticator = new TestAuthenticator().add("alice", "secret").add("bob", "hunter 2");
    final MaildropLocks locks = new MaildropLocks();
    final Pop3Protocol protocol;
    /** The handler of the last {@link #run}, e.g. to drop its connection. */
    final AtomicReference<ProtocolHandler> lastHandler = new AtomicReference<>();
    RecordingConnection lastConnection;

    Pop3Fixture() {
        this(null);
    }

    /** @param store a store to use instead of the in-memory one (e.g. one that fails), or null */
    Pop3Fixture(MailStore store) {
        protocol = new Pop3Protocol(CONFIG, store == null ? memory : store, authenticator, locks);
    }

    RecordingConnection run(String script) {
        return run(new RecordingConnection(), script);
    }

    /** As {@link #run(String)} on a connection the test has set up (remote address, TLS). */
    RecordingConnection run(RecordingConnection prepared, String script) {
        lastConnection = Transcript.run(connection -> {
            ProtocolHandler handler = protocol.create(connection);
            lastHandler.set(handler);
            return handler;
        }, prepared, script);
        return lastConnection;
    }

    /** Sends raw bytes to the session of the last {@link #run} and returns what it answered. */
    String send(String input) {
        lastHandler.get().received(ByteBuffer.wrap(input.getBytes(StandardCharsets.UTF_8)));
        return lastConnection.take();
    }

    long deliver(String user, String content) {
        MailboxInfo inbox = inbox(user);
        return memory.append(inbox.id(), content.getBytes(StandardCharsets.UTF_8), Flags.NONE, Instant.now()).uid();
    }

    MailboxInfo inbox(String user) {
        return memory.mailbox(user, MailboxInfo.INBOX).orElseGet(() -> memory.createMailbox(user, MailboxInfo.INBOX));
    }

    int messageCount(String user) {
        return memory.messages(inbox(user).id()).size();
    }

    String uid(String user, long uid) {
        return inbox(user).uidValidity() + "." + uid;
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
