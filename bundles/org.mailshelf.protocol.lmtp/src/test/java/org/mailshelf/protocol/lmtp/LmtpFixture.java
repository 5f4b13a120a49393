package org.mailshelf.protocol.lmtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.StoreException;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.protocol.Transcript;
import org.mailshelf.store.memory.MemoryMailStore;

/** An LMTP server over a memory store with users alice and bob; any user's appends can be made to fail. */
final class LmtpFixture {

    static final String CAPABILITIES = """
            S: 250-localhost
            S: 250-PIPELINING
            S: 250-ENHANCEDSTATUSCODES
            S: 250-8BITMIME
            S: 250 SIZE 52428800
            """;

    /** The LHLO reply where the connection can start TLS. */
    static final String CAPABILITIES_WITH_STARTTLS = """
            S: 250-localhost
            S: 250-PIPELINING
            S: 250-ENHANCEDSTATUSCODES
            S: 250-8BITMIME
            S: 250-SIZE 52428800
            S: 250 STARTTLS
            """;

    final FailingStore store = new FailingStore();
    final TestAuthenticator authenticator = new TestAuthenticator("alice", "bob");
    final LmtpProtocol protocol;

    LmtpFixture() {
        this(LmtpConfig.defaults());
    }

    LmtpFixture(LmtpConfig config) {
        protocol = new LmtpProtocol(config, store, authenticator);
    }

    RecordingConnection transcript(String script) {
        return Transcript.run(protocol::create, script);
    }

    /** As {@link #transcript(String)} on a connection the test has set up (remote address, TLS). */
    RecordingConnection transcript(RecordingConnection connection, String script) {
        return Transcript.run(protocol::create, connection, script);
    }

    /** Every message in the user's INBOX, oldest first; empty when there is no INBOX. */
    List<String> inbox(String user) {
        return inboxBytes(user).stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
    }

    List<byte[]> inboxBytes(String user) {
        return store.mailbox(user, MailboxInfo.INBOX)
                .map(box -> store.messages(box.id()).stream().map(m -> store.content(box.id(), m.uid())).toList())
                .orElse(List.of());
    }

    /** A handler driven by raw bytes, for input the line-based transcript cannot express. */
    static final class RawSession {
        final RecordingConnection connection;
        final ProtocolHandler handler;

        RawSession(LmtpProtocol protocol, RecordingConnection connection) {
            this.connection = connection;
            handler = protocol.create(connection);
            handler.start();
        }

        RawSession send(byte[] bytes) {
            handler.received(ByteBuffer.wrap(bytes));
            return this;
        }

        RawSession send(String ascii) {
            return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        String output() {
            return connection.take();
        }
    }

    RawSession raw() {
        return raw(new RecordingConnection());
    }

    RawSession raw(RecordingConnection connection) {
        return new RawSession(protocol, connection);
    }

    static final class FailingStore extends MemoryMailStore {
        final Set<String> failingUsers = new HashSet<>();

        @Override
        public MessageMeta append(long mailboxId, byte[] content, Flags flags, Instant internalDate) {
            for (String user : failingUsers) {
                if (mailbox(user, MailboxInfo.INBOX).map(MailboxInfo::id).orElse(-1L) == mailboxId) {
                    throw new StoreException("disk full");
                }
            }
            return super.append(mailboxId, content, flags, internalDate);
        }
    }
}
