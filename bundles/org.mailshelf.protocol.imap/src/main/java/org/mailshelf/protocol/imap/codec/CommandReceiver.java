package org.mailshelf.protocol.imap.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mailshelf.protocol.imap.codec.CommandError.Kind;

/**
 * Turns a client's byte stream into commands without ever blocking (the design of Stalwart's imap-proto
 * receiver). The session calls {@link #receive(ByteBuffer)} with what arrived, again and again, until it
 * answers null ("need more data"):
 *
 * <pre>{@code
 * for (Received r; (r = receiver.receive(data)) != null; ) {
 *     switch (r) { ... }   // Command, LiteralContinuation, CommandError, RawLine
 * }
 * }</pre>
 *
 * <p>Each call consumes input only up to the end of the result it returns; pipelined bytes after it stay in the
 * caller's buffer (so after STARTTLS the session sees exactly what was sent in the clear). The receiver keeps
 * only the command in progress, bounded by {@link ReceiverLimits}: an over-long line or oversized literal is
 * discarded as it arrives, never buffered, and reported once the client's command has ended, so the next bytes
 * are the next command.
 */
public final class CommandReceiver {

    private static final int INITIAL_LINE = 256;
    private static final int FIRST_LITERAL_CHUNK = 8192;

    private enum Mode {
        /** Reading and keeping a line of command text. */
        LINE,
        /** Reading and keeping literal data. */
        LITERAL,
        /** Dropping the data of a refused non-synchronizing literal. */
        SKIP_LITERAL,
        /** Dropping the rest of a refused command, still watching for literals so as to stay in step. */
        DISCARD
    }

    private final ReceiverLimits limits;
    private final LiteralMarker marker = new LiteralMarker();

    private Mode mode = Mode.LINE;
    private boolean rawLineWanted;
    private byte[] line = new byte[INITIAL_LINE];
    private int lineLength;
    private final List<byte[]> segments = new ArrayList<>();
    private final List<Token.Literal> literals = new ArrayList<>();
    private long textBytes;
    private long literalBytes;
    private String tag;
    private CommandError pending;

    private byte[] literal;
    private int literalFill;
    private long literalSize;
    private boolean literalBinary;
    private long toSkip;

    public CommandReceiver(ReceiverLimits limits) {
        this.limits = limits;
    }

    /**
     * Consumes bytes from {@code in} until a result is complete and returns it, or consumes all of {@code in}
     * and returns null. Never blocks, never throws for anything the client sends.
     */
    public Received receive(ByteBuffer in) {
        while (true) {
            switch (mode) {
                case LITERAL -> {
                    if (literalFill == literalSize) {
                        endOfLiteral();
                        continue;
                    }
                    if (!in.hasRemaining()) {
                        return null;
                    }
                    readLiteral(in);
                }
                case SKIP_LITERAL -> {
                    if (toSkip == 0) {
                        mode = Mode.DISCARD;
                        continue;
                    }
                    if (!in.hasRemaining()) {
                        return null;
                    }
                    int n = (int) Math.min(toSkip, in.remaining());
                    in.position(in.position() + n);
                    toSkip -= n;
                }
                case LINE, DISCARD -> {
                    if (!in.hasRemaining()) {
                        return null;
                    }
                    byte b = in.get();
                    if (b == '\n') {
                        Received r = endOfLine();
                        if (r != null) {
                            return r;
                        }
                    } else {
                        lineByte(b);
                    }
                }
            }
        }
    }

    /**
     * Makes the next result a {@link RawLine} instead of a command: for AUTHENTICATE responses and the
     * {@code DONE} that ends IDLE. Call between commands.
     */
    public void expectRawLine() {
        rawLineWanted = true;
    }

    /**
     * Drops the command in progress. For a session that answered a {@link LiteralContinuation} with a tagged
     * NO instead of {@code "+"}: the client will not send the literal, its next bytes are a new command.
     */
    public void abandonCommand() {
        reset();
    }

    /** Capacity of the receiver's own buffers, for tests that check a flood is not buffered. */
    long bufferedCapacity() {
        return line.length + (literal == null ? 0 : literal.length);
    }

    private void lineByte(byte b) {
        if (!rawLineWanted) {
            marker.accept(b, lineLength);
        }
        if (mode == Mode.DISCARD) {
            return;
        }
        // one byte beyond the limit is allowed: it may be the CR of a line exactly at the limit
        if (textBytes + lineLength > limits.maxLineLength()) {
            if (segments.isEmpty() && !rawLineWanted) {
                tag = Tags.find(line, lineLength, false);
            }
            refuse(Kind.LINE_TOO_LONG, "Line too long");
            lineLength = 0;
            mode = Mode.DISCARD;
            return;
        }
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, (int) Math.min(line.length * 2L, limits.maxLineLength() + 2L));
        }
        line[lineLength++] = b;
    }

    private Received endOfLine() {
        boolean announced = !rawLineWanted && marker.announced();
        marker.reset();
        if (mode == Mode.DISCARD) {
            return endOfDiscardedLine(announced);
        }
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        if (segments.isEmpty() && tag == null && !rawLineWanted) {
            tag = Tags.find(line, length, true);
        }
        if (textBytes + length > limits.maxLineLength()) {
            refuse(Kind.LINE_TOO_LONG, "Line too long");
            return endOfDiscardedLine(announced);
        }
        if (rawLineWanted) {
            byte[] bytes = Arrays.copyOf(line, length);
            reset();
            return new RawLine(bytes);
        }
        if (length == 0 && segments.isEmpty()) {
            lineLength = 0; // tolerate stray empty lines between commands
            return null;
        }
        textBytes += length;
        if (!announced) {
            segments.add(Arrays.copyOf(line, length));
            return complete();
        }
        segments.add(Arrays.copyOf(line, marker.start()));
        lineLength = 0;
        return startLiteral();
    }

    private Received startLiteral() {
        long size = marker.size();
        boolean nonSync = marker.nonSync();
        if (marker.binary() && !limits.acceptBinaryLiterals()) {
            refuse(Kind.BINARY_LITERAL, "Binary literals are not supported");
        } else if (size > limits.maxLiteralSize()
                || (nonSync && limits.literalMinus() && size > ReceiverLimits.LITERAL_MINUS_MAX)) {
            refuse(Kind.LITERAL_TOO_BIG, "Literal too big");
        } else if (textBytes + literalBytes + size > limits.maxCommandSize()) {
            refuse(Kind.COMMAND_TOO_BIG, "Command too big");
        }
        if (pending != null) {
            return endOfDiscardedLine(true);
        }
        literalSize = size;
        literalBinary = marker.binary();
        literal = new byte[(int) Math.min(size, FIRST_LITERAL_CHUNK)];
        literalFill = 0;
        mode = Mode.LITERAL;
        return nonSync ? null : new LiteralContinuation(tag, size);
    }

    private void readLiteral(ByteBuffer in) {
        int n = (int) Math.min(literalSize - literalFill, in.remaining());
        if (literalFill + n > literal.length) {
            // grow as data arrives, so an announced size alone does not claim memory
            long wanted = Math.max(literal.length * 2L, literalFill + n);
            literal = Arrays.copyOf(literal, (int) Math.min(wanted, literalSize));
        }
        in.get(literal, literalFill, n);
        literalFill += n;
    }

    private void endOfLiteral() {
        literals.add(new Token.Literal(literal, literalBinary));
        literalBytes += literalSize;
        literal = null;
        mode = Mode.LINE;
    }

    /** The end of a line of a refused command: skip an announced non-synchronizing literal, else report. */
    private Received endOfDiscardedLine(boolean announced) {
        if (announced && marker.nonSync()) {
            toSkip = marker.size();
            mode = Mode.SKIP_LITERAL;
            lineLength = 0;
            return null;
        }
        // a synchronizing literal is never sent: the client waits for "+" and gets our answer instead
        CommandError error = pending;
        reset();
        return error;
    }

    private void refuse(Kind kind, String message) {
        if (pending == null) {
            pending = new CommandError(tag, kind, message);
        }
    }

    private Received complete() {
        String commandTag = tag;
        try {
            return CommandLexer.lex(segments, literals);
        } catch (ParseException e) {
            return new CommandError(commandTag, Kind.SYNTAX, e.getMessage());
        } finally {
            reset();
        }
    }

    private void reset() {
        mode = Mode.LINE;
        rawLineWanted = false;
        marker.reset();
        if (line.length > 4 * INITIAL_LINE) {
            line = new byte[INITIAL_LINE];
        }
        lineLength = 0;
        segments.clear();
        literals.clear();
        textBytes = 0;
        literalBytes = 0;
        tag = null;
        pending = null;
        literal = null;
        toSkip = 0;
    }
}
