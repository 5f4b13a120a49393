package org.mailshelf.protocol.lmtp;

import java.nio.ByteBuffer;
import java.util.List;

import org.mailshelf.protocol.Ascii;
import org.mailshelf.protocol.Connection;
import org.mailshelf.protocol.LineReader;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.lmtp.LmtpCommand.Outcome;
import org.mailshelf.protocol.lmtp.SessionState.Closed;
import org.mailshelf.protocol.lmtp.SessionState.CommandState;
import org.mailshelf.protocol.lmtp.SessionState.Greeted;
import org.mailshelf.protocol.lmtp.SessionState.Ready;
import org.mailshelf.protocol.lmtp.SessionState.ReceivingData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LMTP connection: splits input into lines and hands each to the command table or, during DATA, to the
 * message being received. Lines are taken one at a time, so pipelined commands and message data that arrive
 * together are read in order, each in the state the line before left; after STARTTLS the rest is dropped.
 */
final class LmtpSession implements ProtocolHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LmtpSession.class);
    private static final Reply LINE_TOO_LONG = Reply.of(500, "5.5.2 Line too long");
    private static final Reply EMPTY_LINE = Reply.of(500, "5.5.2 Syntax error");

    private final Connection connection;
    private final LmtpContext context;
    private final Delivery delivery;
    private final LineReader lines;
    private SessionState state = new Greeted();

    LmtpSession(LmtpContext context, Delivery delivery) {
        this.connection = context.connection();
        this.context = context;
        this.delivery = delivery;
        this.lines = new LineReader(context.config().maxLineLength());
    }

    @Override
    public void start() {
        // RFC 2034: no enhanced status code in the greeting
        connection.write(Reply.of(220, context.config().hostname() + " LMTP ready").bytes());
    }

    @Override
    public void received(ByteBuffer data) {
        if (state instanceof Closed) {
            return;
        }
        lines.feed(data);
        byte[] line;
        while (!(state instanceof Closed) && (line = lines.next()) != null) {
            if (state instanceof ReceivingData receiving) {
                dataLine(receiving, line);
            } else {
                commandLine((CommandState) state, line);
            }
        }
    }

    @Override
    public void closed() {
        // drops a message still being received: nothing is stored before its final dot
        state = new Closed();
    }

    @Override
    public void shutdown() {
        goodbye("4.3.2 " + context.config().hostname() + " Service shutting down");
    }

    @Override
    public void idleTimeout() {
        goodbye("4.4.2 " + context.config().hostname() + " Idle for too long, closing the connection");
    }

    /** RFC 5321 4.2.3: 421, the client tries again later; a message not yet ended with its dot is not stored. */
    private void goodbye(String text) {
        if (!(state instanceof Closed)) {
            connection.write(Reply.of(421, text).bytes());
            state = new Closed();
        }
    }

    private void commandLine(CommandState current, byte[] line) {
        if (line == LineReader.TOO_LONG) {
            LOG.info("LMTP client {}: refused a line over {} bytes", connection.clientAddress(),
                    context.config().maxLineLength());
            connection.write(LINE_TOO_LONG.bytes());
            return;
        }
        if (line.length == 0) {
            connection.write(EMPTY_LINE.bytes());
            return;
        }
        Outcome outcome = CommandTable.dispatch(Ascii.text(line), current, context);
        if (outcome.startsTls()) {
            // lines pipelined after STARTTLS came in the clear: never read them as commands (RFC 3207 section 6)
            lines.discardBuffered();
            connection.startTls(outcome.reply().bytes());
        } else {
            connection.write(outcome.reply().bytes());
        }
        enter(outcome.next());
    }

    private void dataLine(ReceivingData receiving, byte[] line) {
        if (!receiving.message().take(line)) {
            return;
        }
        List<Reply> replies = delivery.deliver(receiving.transaction(), receiving.message());
        connection.write(Reply.bytes(replies));
        enter(new Ready());
    }

    private void enter(SessionState next) {
        state = next;
        if (next instanceof ReceivingData receiving) {
            lines.setMaxLineLength(receiving.message().lineLimit());
        } else {
            lines.setMaxLineLength(context.config().maxLineLength());
        }
        if (next instanceof Closed) {
            connection.close();
        }
    }
}
