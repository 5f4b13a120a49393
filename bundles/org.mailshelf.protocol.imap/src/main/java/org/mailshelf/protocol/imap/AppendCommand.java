package org.mailshelf.protocol.imap;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * APPEND (RFC 3501 section 6.3.11) with APPENDUID (RFC 4315) and APPENDLIMIT (RFC 7889). A missing mailbox is
 * {@code NO [TRYCREATE]}. The literal is taken before the mailbox is checked (the continuation is answered
 * before the command is known); the receiver's limits bound it.
 */
final class AppendCommand implements ImapCommand {

    /** The parsed command; {@code date} null means now. */
    record Request(String mailbox, Flags flags, OffsetDateTime date, byte[] message) {
        static Request parse(ArgumentReader args) throws ParseException {
            String mailbox = args.mailbox();
            Flags flags = Flags.NONE;
            if (args.nextIsList()) {
                try {
                    flags = Flags.parse(args.flagList());
                } catch (IllegalArgumentException e) {
                    throw new ParseException("Invalid flag");
                }
            }
            OffsetDateTime date = args.peek() instanceof org.mailshelf.protocol.imap.codec.Token.Quoted
                    ? args.dateTime() : null;
            byte[] message = args.literal().bytes();
            args.end();
            return new Request(mailbox, flags, date, message);
        }

        @Override
        public String toString() {
            return "APPEND " + mailbox + " (" + message.length + " bytes)";
        }
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        Request r = Request.parse(args);
        if (r.message().length > session.services().config().appendLimit()) {
            throw ImapFailure.no("TOOBIG", "Message exceeds the APPENDLIMIT");
        }
        if (r.message().length == 0) {
            throw ImapFailure.no("CANNOT", "Empty message");
        }
        MailboxInfo info = session.services().store().mailbox(session.account(), MailboxNames.fromWire(r.mailbox()))
                .orElseThrow(() -> ImapFailure.no("TRYCREATE", "No such mailbox"));
        Instant date = r.date() == null ? Instant.now() : r.date().toInstant();
        MessageMeta meta = session.services().store().append(info.id(), r.message(), r.flags(), date);
        session.ok(tag, "APPENDUID " + info.uidValidity() + " " + meta.uid(), "APPEND completed");
    }
}
