package org.mailshelf.protocol.imap.codec;

/**
 * A command the receiver refused or could not parse; it has been consumed completely (an oversized
 * non-synchronizing literal skipped, the rest of the command discarded), so the next bytes are the next command.
 * The session answers {@code tag BAD message} (or {@code NO} for a synchronizing literal it simply will not
 * take), with the {@code [TOOBIG]} code when {@link #tooBig()}; without a tag it answers {@code * BAD message}.
 *
 * @param tag     the command's tag, or null when none could be read
 * @param kind    why it was refused
 * @param message text for the response; never contains argument values
 */
public record CommandError(String tag, Kind kind, String message) implements Received {

    public enum Kind {
        /** The command does not follow the grammar. */
        SYNTAX,
        /** The command's text (without literal data) exceeds {@link ReceiverLimits#maxLineLength()}. */
        LINE_TOO_LONG,
        /** A literal exceeds {@link ReceiverLimits#maxLiteralSize()} or, for LITERAL-, 4096 bytes. */
        LITERAL_TOO_BIG,
        /** Text and literals together exceed {@link ReceiverLimits#maxCommandSize()}. */
        COMMAND_TOO_BIG,
        /** A binary literal ({@code ~{n}}) while they are not accepted. */
        BINARY_LITERAL
    }

    /** Whether the response should carry the {@code [TOOBIG]} code (RFC 7888, RFC 4469). */
    public boolean tooBig() {
        return kind == Kind.LINE_TOO_LONG || kind == Kind.LITERAL_TOO_BIG || kind == Kind.COMMAND_TOO_BIG;
    }
}
