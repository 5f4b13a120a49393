/**
 * The IMAP4rev1 codec (RFC 3501, with LITERAL+ / LITERAL- of RFC 7888): bytes to commands and responses to
 * bytes, with no transport, storage or session state in it. The session and command layers sit on top:
 *
 * <ol>
 * <li><b>Framing.</b> {@link org.mailshelf.protocol.imap.codec.CommandReceiver} is fed the bytes that arrived
 * and, without blocking, returns one {@link org.mailshelf.protocol.imap.codec.Received} at a time or null for
 * "need more data":
 * <ul>
 * <li>{@link org.mailshelf.protocol.imap.codec.Command}: a complete command: tag, upper-cased name, tokens;</li>
 * <li>{@link org.mailshelf.protocol.imap.codec.LiteralContinuation}: a synchronizing literal was announced; send
 * {@code "+ Ready"} (or refuse with a tagged NO and call {@code abandonCommand()});</li>
 * <li>{@link org.mailshelf.protocol.imap.codec.CommandError}: answer {@code tag BAD text} (or {@code * BAD} when
 * the tag is null), adding {@code [TOOBIG]} when {@code tooBig()}; the command has been consumed;</li>
 * <li>{@link org.mailshelf.protocol.imap.codec.RawLine}: the line asked for with {@code expectRawLine()}
 * (AUTHENTICATE responses, IDLE's DONE).</li>
 * </ul>
 * Limits come from {@link org.mailshelf.protocol.imap.codec.ReceiverLimits}; nothing beyond them is buffered.
 * The receiver consumes input only up to the end of the result it returns, so a session that must stop
 * (STARTTLS, a pause) still holds the unread rest in its own buffer.</li>
 * <li><b>Arguments.</b> One parser per command reads {@link org.mailshelf.protocol.imap.codec.Command#reader()}
 * with the {@link org.mailshelf.protocol.imap.codec.ArgumentReader} cursor ({@code astring()},
 * {@code sequenceSet()}, {@code list()}, {@code section()}, ...) into an immutable request; every grammar error
 * is a {@link org.mailshelf.protocol.imap.codec.ParseException} whose message is the text of the BAD response.
 * Atoms stay text until a parser interprets them, so NIL, numbers, flags, sequence sets
 * ({@link org.mailshelf.protocol.imap.codec.SequenceSet}) and FETCH sections
 * ({@link org.mailshelf.protocol.imap.codec.SectionSpec}) are read as what the command expects.</li>
 * <li><b>Responses.</b> {@link org.mailshelf.protocol.imap.codec.ResponseWriter} builds one response into one
 * byte array (one write), choosing atom, quoted or literal form for strings.</li>
 * <li><b>Values.</b> {@link org.mailshelf.protocol.imap.codec.ModifiedUtf7} for mailbox names,
 * {@link org.mailshelf.protocol.imap.codec.ImapDates} for INTERNALDATE, APPEND and SEARCH dates.</li>
 * </ol>
 *
 * Nothing here logs, and {@code toString} of commands and raw lines leaves arguments out: they may be
 * credentials.
 */
package org.mailshelf.protocol.imap.codec;
