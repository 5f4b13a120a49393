package org.mailshelf.protocol.pop3;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;

import org.mailshelf.protocol.Ascii;
import org.mailshelf.protocol.CommandRate;
import org.mailshelf.protocol.Connection;
import org.mailshelf.protocol.LineReader;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.pop3.SessionState.Authorization;
import org.mailshelf.protocol.pop3.SessionState.AwaitingSaslResponse;
import org.mailshelf.protocol.pop3.SessionState.Closed;
import org.mailshelf.protocol.pop3.SessionState.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 connection: frames lines, checks each command against {@link CommandTable} and runs it. Input is
 * processed strictly in order; while a failed login is being delayed, buffered lines wait in the reader.
 */
final class Pop3Session implements ProtocolHandler {

    /**
     * Consecutive unknown or malformed commands tolerated before login; the next one closes the connection, so
     * a peer that does not speak POP3 (or probes) cannot keep a connection busy for free.
     */
    static final int MAX_BAD_COMMANDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Pop3Session.class);

    private final Connection connection;
    private final Pop3Services services;
    private final LineReader reader;
    private final CommandRate rate;
    private SessionState state = Authorization.START;
    private boolean paused;
    private boolean draining;
    private boolean slowedDown;
    private int badCommands;

    Pop3Session(Connection connection, Pop3Services services) {
        this.connection = connection;
        this.services = services;
        this.reader = new LineReader(services.config().maxLineLength());
        this.rate = new CommandRate(services.config().commandsPerSecond());
    }

    @Override
    public void start() {
        // no APOP timestamp: APOP is not offered
        reply(Reply.ok(services.config().hostname() + " POP3 ready"));
    }

    @Override
    public void received(ByteBuffer data) {
        if (state instanceof Closed) {
            return;
        }
        reader.feed(data);
        drain();
    }

    /** The connection is gone: nothing is deleted (RFC 1939 §6: no UPDATE without QUIT), the lock is released. */
    @Override
    public void closed() {
        if (state instanceof Transaction t) {
            services.locks().unlock(t.maildrop().account());
        }
        state = new Closed();
    }

    /** The server is stopping: like a dropped connection nothing is deleted, but the client is told why. */
    @Override
    public void shutdown() {
        goodbye("[SYS/TEMP] Server shutting down");
    }

    /** RFC 1939 3: the autologout timer; nothing is deleted, as after any drop without QUIT. */
    @Override
    public void idleTimeout() {
        goodbye("Disconnected for inactivity");
    }

    private void goodbye(String text) {
        if (!(state instanceof Closed)) {
            reply(Reply.err(text));
            closed();
        }
    }

    Pop3Services services() {
        return services;
    }

    SessionState state() {
        return state;
    }

    void become(SessionState next) {
        state = next;
    }

    /** The maildrop of a TRANSACTION-only command; the command table guarantees the state. */
    Maildrop maildrop() {
        return ((Transaction) state).maildrop();
    }

    /** The client's address; null when the transport does not know it. */
    InetAddress remoteAddress() {
        return connection.clientAddress();
    }

    boolean isSecure() {
        return connection.isSecure();
    }

    boolean canStartTls() {
        return connection.canStartTls();
    }

    /** Whether a password may be sent here: over TLS, from this host, or where the listener allows it. */
    boolean loginAllowed() {
        return connection.isPrivate() || services.config().plaintextLogin();
    }

    /** Refuses USER, PASS and AUTH where the password would travel in the clear. */
    void requirePrivacy() {
        if (!loginAllowed()) {
            throw new Pop3Error("[AUTH] Passwords are not accepted before STLS");
        }
    }

    /** Answers STLS and switches to TLS; lines the client sent after STLS in the clear are dropped. */
    void startTls() {
        reader.discardBuffered();
        connection.startTls(Reply.ok("Begin TLS negotiation now"));
    }

    /** Writes one complete response in one write. */
    void reply(byte[] response) {
        connection.write(response);
    }

    /** Holds back the failure answer and all later input for the configured delay. */
    void loginFailed(Duration delay) {
        paused = true;
        connection.pause(delay, () -> resume(() -> reply(Reply.err("[AUTH] Authentication failed"))));
    }

    /** After a pause: does what waited for it, then goes on with the input that arrived meanwhile. */
    private void resume(Runnable first) {
        paused = false;
        if (state instanceof Closed) {
            return;
        }
        first.run();
        drain();
    }

    /**
     * Over the commands-per-second limit: runs the line when its turn comes and reads nothing meanwhile, so the
     * client is slowed down rather than refused (POP3 has no way to tell it).
     */
    private boolean heldBack(byte[] line) {
        Duration wait = rate.admit();
        if (wait.isZero()) {
            return false;
        }
        if (!slowedDown) {
            slowedDown = true;
            LOG.warn("POP3 client {} sends more than {} commands per second: "
                    + "slowing it down", connection.clientAddress(), rate.perSecond());
        }
        paused = true;
        connection.pause(wait, () -> resume(() -> handle(line)));
        return true;
    }

    /** Ends the session after the last response: later input is ignored. */
    void end() {
        state = new Closed();
        connection.close();
    }

    private void drain() {
        if (draining) {
            return; // a pause resumed at once, inside a command: the loop below carries on
        }
        draining = true;
        try {
            byte[] line;
            while (!paused && !(state instanceof Closed) && (line = reader.next()) != null) {
                if (!heldBack(line)) {
                    handle(line); // a held-back line is handled when the pause ends
                }
            }
        } finally {
            draining = false;
        }
    }

    private void handle(byte[] line) {
        try {
            if (line == LineReader.TOO_LONG) {
                if (state instanceof AwaitingSaslResponse) {
                    state = Authorization.START;
                }
                LOG.info("POP3 client {}: refused a line over {} bytes", connection.clientAddress(),
                        services.config().maxLineLength());
                throw new Pop3Error("Line too long");
            }
            if (state instanceof AwaitingSaslResponse) {
                AuthCommand.continueExchange(this, line);
            } else {
                dispatch(CommandLine.parse(Ascii.text(line)));
            }
            badCommands = 0;
        } catch (Pop3Error e) {
            protocolError(e.getMessage());
        }
    }

    private void dispatch(CommandLine line) {
        if (line.verb().isEmpty()) {
            throw new Pop3Error(line.argument().isEmpty() ? "Empty command" : "Unknown command");
        }
        CommandTable.Entry entry = CommandTable.lookup(line.verb());
        if (entry == null) {
            throw new Pop3Error("Unknown command");
        }
        Phase phase = state instanceof Transaction ? Phase.TRANSACTION : Phase.AUTHORIZATION;
        if (!entry.phases().contains(phase)) {
            throw new Pop3Error(line.verb() + " is not valid in the " + phase + " state");
        }
        entry.command().execute(this, line.argument());
    }

    private void protocolError(String text) {
        if (state instanceof Authorization && ++badCommands >= MAX_BAD_COMMANDS) {
            reply(Reply.err("Too many bad commands, closing connection"));
            end();
            return;
        }
        reply(Reply.err(text));
    }
}
