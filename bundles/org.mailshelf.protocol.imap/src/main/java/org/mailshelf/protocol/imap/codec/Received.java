package org.mailshelf.protocol.imap.codec;

/**
 * What a {@link CommandReceiver} hands back for the bytes fed so far: a complete {@link Command}, a
 * {@link LiteralContinuation} the session must answer with {@code "+ ..."}, a {@link CommandError} it must answer
 * with a tagged or untagged {@code BAD}/{@code NO}, or a {@link RawLine} it asked for. "Need more data" is
 * {@code null}.
 */
public sealed interface Received permits Command, LiteralContinuation, CommandError, RawLine {
}
