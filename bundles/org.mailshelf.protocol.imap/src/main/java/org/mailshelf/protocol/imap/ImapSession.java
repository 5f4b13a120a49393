package org.mailshelf.protocol.imap;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.mailshelf.api.store.MailboxNotFoundException;
import org.mailshelf.protocol.CommandRate;
import org.mailshelf.protocol.Connection;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.imap.SessionState.Authenticated;
import org.mailshelf.protocol.imap.SessionState.Logout;
import org.mailshelf.protocol.imap.SessionState.NotAuthenticated;
import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.Command;
import org.mailshelf.protocol.imap.codec.CommandError;
import org.mailshelf.protocol.imap.codec.CommandReceiver;
import org.mailshelf.protocol.imap.codec.LiteralContinuation;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.RawLine;
import org.mailshelf.protocol.imap.codec.Received;
import org.mailshelf.protocol.imap.codec.ResponseWriter;
import org.mailshelf.protocol.imap.codec.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP connection: feeds the {@link CommandReceiver}, checks each command against {@link CommandTable} and
 * runs it. Untagged responses a command produces are collected and go out with its tagged completion in one
 * write; changes other sessions made to the selected mailbox are announced just before the completion, as
 * far as the command allows (see {@link SelectedMailbox}). Input is processed strictly in order; while a
 * failed login is being delayed, unread input waits in {@link #input}.
 *
 * <p>Calls from the transport are serialised, but store listeners run on other sessions' threads: they only
 * enqueue, and wake an idling session with {@link #wakeup()}, which never blocks (a {@code tryLock}), so two
 * sessions changing each other's mailboxes cannot deadlock.
 */
final class ImapSession implements ProtocolHandler {

    /** Consecutive bad commands tolerated before login; the next one closes the connection. */
    static final int MAX_BAD_COMMANDS = 10;
    /** The largest synchronizing literal accepted before login (LOGIN arguments, nothing more). */
    static final long PRE_AUTH_LITERAL_MAX = 8192;
    private static final Logger LOG = LoggerFactory.getLogger(ImapSession.class);

    /** What receives the line asked for with {@link #awaitRawLine}. */
    @FunctionalInterface
    interface RawLineHandler {
        void line(ImapSession session, byte[] line) throws ParseException;
    }

    private final Connection connection;
    private final ImapServices services;
    private final CommandReceiver receiver;
    private final CommandRate rate;
    private final ReentrantLock lock = new ReentrantLock();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Set<Extension> enabled = EnumSet.noneOf(Extension.class);
    private ByteBuffer input = ByteBuffer.allocate(0);
    private volatile SessionState state = new NotAuthenticated();
    private CommandTable.Entry current;
    private RawLineHandler rawLineHandler;
    private String rawLineTag;
    private volatile String idleTag;
    private boolean paused;
    private boolean draining;
    private boolean slowedDown;
    private int badCommands;

    /** Extensions a client can ENABLE (RFC 5161). */
    enum Extension {
        CONDSTORE, QRESYNC
    }

    ImapSession(Connection connection, ImapServices services) {
        this.connection = connection;
        this.services = services;
        this.receiver = new CommandReceiver(services.config().limits());
        this.rate = new CommandRate(services.config().commandsPerSecond());
    }

    @Override
    public void start() {
        lock.lock();
        try {
            write(ResponseWriter.status(null, Status.OK, Capabilities.line(this),
                    services.config().hostname() + " IMAP4rev1 ready"));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void received(ByteBuffer data) {
        lock.lock();
        try {
            if (state instanceof Logout) {
                return;
            }
            append(data);
            drain();
        } finally {
            lock.unlock();
        }
        if (idleTag != null && state instanceof Selected s && s.mailbox().hasPendingEvents()) {
            wakeup(); // an event arrived while we held the lock and could not be announced
        }
    }

    @Override
    public void closed() {
        lock.lock();
        try {
            if (state instanceof Selected s) {
                s.mailbox().close();
            }
            idleTag = null;
            state = new Logout();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdown() {
        goodbye("Server shutting down");
    }

    /** RFC 3501 5.4: the autologout timer, announced with BYE. */
    @Override
    public void idleTimeout() {
        goodbye("Autologout; idle for too long");
    }

    private void goodbye(String text) {
        lock.lock();
        try {
            if (!(state instanceof Logout)) {
                write(ResponseWriter.status(null, Status.BYE, null, text));
                closed();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- for commands

    ImapServices services() {
        return services;
    }

    SessionState state() {
        return state;
    }

    void become(SessionState next) {
        state = next;
    }

    /** The logged-in account; the command table guarantees the state. */
    String account() {
        SessionState s = state;
        return s instanceof Selected sel ? sel.account() : ((Authenticated) s).account();
    }

    /** The selected state of a SELECTED-only command. */
    Selected selected() {
        return (Selected) state;
    }

    /** Leaves the selected state, if in it, without expunging; quiet. */
    void deselect() {
        if (state instanceof Selected s) {
            s.mailbox().close();
            state = new Authenticated(s.account());
        }
    }

    boolean isEnabled(Extension e) {
        return enabled.contains(e);
    }

    /** @return whether it was newly enabled */
    boolean enable(Extension e) {
        return enabled.add(e);
    }

    /**
     * For a CONDSTORE enabling command other than SELECT / EXAMINE and ENABLE (RFC 7162 section 3.1): FETCH of
     * MODSEQ or with CHANGEDSINCE, SEARCH MODSEQ, STORE UNCHANGEDSINCE, STATUS HIGHESTMODSEQ. The first one
     * issued with a mailbox selected tells the mailbox's HIGHESTMODSEQ, which the client did not hear on SELECT.
     */
    void enableCondstore() {
        if (enable(Extension.CONDSTORE)) {
            reportHighestModSeq();
        }
    }

    /** {@code * OK [HIGHESTMODSEQ n]} for the selected mailbox, if one is selected. */
    void reportHighestModSeq() {
        if (state instanceof Selected s) {
            long highest = services.store().counts(s.mailbox().id()).highestModSeq();
            untagged(ResponseWriter.status(null, Status.OK, "HIGHESTMODSEQ " + highest, "Highest"));
        }
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

    /**
     * Ends STARTTLS: what was collected and the tagged OK go out in the clear, then TLS begins. Input the client
     * sent after the command is dropped, so an attacker cannot slip commands in ahead of the handshake.
     */
    void startTls(String tag) {
        flush();
        input = ByteBuffer.allocate(0);
        connection.startTls(ResponseWriter.status(tag, Status.OK, null, "Begin TLS negotiation now"));
    }

    /** Adds an untagged response to the answer of the command in progress. */
    void untagged(byte[] response) {
        out.writeBytes(response);
    }

    /**
     * Ends the command in progress: announces pending mailbox changes (unless BAD) and sends everything
     * collected with the tagged status line in one write.
     */
    void complete(String tag, Status status, String code, String text) {
        boolean alive = true;
        if (status != Status.BAD && state instanceof Selected s) {
            alive = announce(s, current == null || !current.usesSequenceNumbers());
        }
        out.writeBytes(ResponseWriter.status(tag, status, code, text));
        flush();
        if (!alive) {
            end();
        }
    }

    void ok(String tag, String code, String text) {
        complete(tag, Status.OK, code, text);
    }

    /** Sends a continuation request at once, with whatever is collected. */
    void continuation(String text) {
        out.writeBytes(ResponseWriter.continuationRequest(text));
        flush();
    }

    /** Makes the next input line go to {@code handler} instead of being read as a command. */
    void awaitRawLine(String tag, RawLineHandler handler) {
        rawLineHandler = handler;
        rawLineTag = tag;
        receiver.expectRawLine();
    }

    /** IDLE has begun: changes are pushed as they arrive until {@link #endIdle()}. */
    void startIdle(String tag) {
        if (state instanceof Selected s) {
            boolean alive = announce(s, true);
            flush();
            if (!alive) {
                end();
                return;
            }
        }
        idleTag = tag;
    }

    void endIdle() {
        idleTag = null;
    }

    /** Holds back the failure answer and all later input for the configured delay. */
    void loginFailed(String tag, Duration delay) {
        paused = true;
        connection.pause(delay, () -> resume(() -> complete(tag, Status.NO, "AUTHENTICATIONFAILED",
                "Authentication failed")));
    }

    /** After a pause: does what waited for it, then goes on with the input that arrived meanwhile. */
    private void resume(Runnable first) {
        lock.lock();
        try {
            paused = false;
            if (state instanceof Logout) {
                return;
            }
            first.run();
            drain();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Over the commands-per-second limit: runs the command when its turn comes and reads nothing meanwhile, so
     * the client is slowed down rather than refused. It is told once, in an untagged OK.
     */
    private boolean heldBack(Command command) {
        Duration wait = rate.admit();
        if (wait.isZero()) {
            return false;
        }
        if (!slowedDown) {
            slowedDown = true;
            LOG.warn("IMAP client {} sends more than {} commands per second: "
                    + "slowing it down", connection.clientAddress(), rate.perSecond());
            write(ResponseWriter.status(null, Status.OK, null,
                    "Slowing down: more than " + rate.perSecond() + " commands per second"));
        }
        paused = true;
        connection.pause(wait, () -> resume(() -> handle(command)));
        return true;
    }

    /** Ends the session after the last response: later input is ignored. */
    void end() {
        if (state instanceof Selected s) {
            s.mailbox().close();
        }
        idleTag = null;
        state = new Logout();
        connection.close();
    }

    /** Called by the selected mailbox's listener, on any thread, after it queued an event. */
    void wakeup() {
        if (idleTag == null || !lock.tryLock()) {
            return;
        }
        try {
            if (idleTag != null && state instanceof Selected s) {
                boolean alive = announce(s, true);
                flush();
                if (!alive) {
                    end();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- input

    private void append(ByteBuffer data) {
        if (input.hasRemaining()) {
            ByteBuffer joined = ByteBuffer.allocate(input.remaining() + data.remaining());
            joined.put(input).put(data).flip();
            input = joined;
        } else {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data).flip();
            input = copy;
        }
    }

    private void drain() {
        if (draining) {
            return; // a pause resumed at once, inside a command: the loop below carries on
        }
        draining = true;
        try {
            Received r;
            while (!paused && !(state instanceof Logout) && (r = receiver.receive(input)) != null) {
                if (!(r instanceof Command c && heldBack(c))) {
                    handle(r); // a held-back command is handled when the pause ends
                }
            }
        } finally {
            draining = false;
        }
    }

    private void handle(Received r) {
        if (r instanceof Command c) {
            dispatch(c);
        } else if (r instanceof LiteralContinuation l) {
            literalContinuation(l);
        } else if (r instanceof CommandError e) {
            commandError(e);
        } else if (r instanceof RawLine l) {
            RawLineHandler handler = rawLineHandler;
            rawLineHandler = null;
            if (handler != null) {
                runGuarded(rawLineTag, "a continuation line", () -> handler.line(this, l.bytes()));
            }
        }
    }

    private void literalContinuation(LiteralContinuation l) {
        if (state instanceof NotAuthenticated && l.size() > PRE_AUTH_LITERAL_MAX) {
            receiver.abandonCommand();
            LOG.info("IMAP client {}: refused a {}-byte literal before login", connection.clientAddress(), l.size());
            bad(l.tag(), "TOOBIG", "Literal too big before login");
            return;
        }
        continuation("Ready for literal");
    }

    private void commandError(CommandError e) {
        if (e.tooBig()) {
            LOG.info("IMAP client {}: refused a command over the size limits: {}", connection.clientAddress(),
                    e.message());
        }
        bad(e.tag(), e.tooBig() ? "TOOBIG" : null, e.message());
    }

    private void dispatch(Command c) {
        current = null;
        String tag = c.tag();
        runGuarded(tag, c.name(), () -> {
            ArgumentReader args = c.reader();
            String name = c.name().equals("UID") ? "UID " + args.keyword() : c.name();
            CommandTable.Entry entry = CommandTable.lookup(name);
            if (entry == null) {
                throw new ParseException("Unknown command");
            }
            if (!entry.phases().contains(state.phase())) {
                throw ImapFailure.bad(name + " is not valid in this state");
            }
            current = entry;
            entry.command().execute(this, tag, args);
            if (!(state instanceof NotAuthenticated)) {
                badCommands = 0;
            }
        });
    }

    @FunctionalInterface
    private interface Step {
        void run() throws ParseException;
    }

    /** Runs a command step, turning its failures into tagged responses. */
    private void runGuarded(String tag, String command, Step step) {
        try {
            step.run();
        } catch (ParseException e) {
            bad(tag, null, e.getMessage());
        } catch (ImapFailure f) {
            if (f.status() == Status.BAD) {
                bad(tag, f.code(), f.getMessage());
            } else {
                complete(tag, f.status(), f.code(), f.getMessage());
            }
        } catch (MailboxNotFoundException e) {
            complete(tag, Status.NO, "NONEXISTENT", "No such mailbox");
        } catch (RuntimeException e) {
            LOG.error("IMAP client {}: {} {} failed; answered NO [SERVERBUG]", connection.clientAddress(), tag,
                    command, e);
            complete(tag, Status.NO, "SERVERBUG", "Internal error, try again later");
        }
    }

    private void bad(String tag, String code, String text) {
        if (state instanceof NotAuthenticated && ++badCommands >= MAX_BAD_COMMANDS) {
            out.writeBytes(ResponseWriter.status(null, Status.BYE, null, "Too many invalid commands"));
            flush();
            end();
            return;
        }
        if (tag == null) {
            out.writeBytes(ResponseWriter.status(null, Status.BAD, code, text));
            flush();
        } else {
            complete(tag, Status.BAD, code, text);
        }
    }

    private boolean announce(Selected s, boolean expungesAllowed) {
        boolean alive = s.mailbox().announce(this::untagged, s.readOnly(), expungesAllowed,
                isEnabled(Extension.CONDSTORE), isEnabled(Extension.QRESYNC));
        if (!alive) {
            untagged(ResponseWriter.status(null, Status.BYE, null, "Selected mailbox was deleted"));
        }
        return alive;
    }

    private void flush() {
        if (out.size() > 0) {
            write(out.toByteArray());
            out.reset();
        }
    }

    private void write(byte[] response) {
        connection.write(response);
    }
}
