package org.mailshelf.protocol.imap.codec;

/**
 * The command in progress announced a synchronizing literal that fits the limits: the session sends a
 * continuation request ({@code "+ ..."}) and keeps feeding; the client then sends the literal. Reported exactly
 * once per literal. A session that wants to refuse the command instead (e.g. APPEND to a missing mailbox)
 * answers with a tagged {@code NO} and calls {@link CommandReceiver#abandonCommand()}: the client will not send
 * the literal.
 *
 * @param tag  the command's tag, or null if the line does not start with a valid one
 * @param size the literal's announced size in bytes
 */
public record LiteralContinuation(String tag, long size) implements Received {
}
