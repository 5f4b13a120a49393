package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore.FlagUpdate;
import org.mailshelf.protocol.imap.ImapSession.Extension;
import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.SequenceSet;

/**
 * STORE / UID STORE (RFC 3501 section 6.4.6) with CONDSTORE's UNCHANGEDSINCE (RFC 7162 section 3.1.3). The
 * change is reflected in this session's view at once; unless {@code .SILENT}, every addressed message gets a
 * FETCH with its flags (and UID for UID STORE, MODSEQ once CONDSTORE is on).
 */
final class StoreCommand implements ImapCommand {

    private final boolean byUid;

    StoreCommand(boolean byUid) {
        this.byUid = byUid;
    }

    /** @param unchangedSince -1 when not given */
    record Request(SequenceSet set, long unchangedSince, FlagUpdate update, boolean silent, Flags flags) {
        static Request parse(ArgumentReader args) throws ParseException {
            SequenceSet set = args.sequenceSet();
            long unchangedSince = -1;
            if (args.nextIsList()) {
                ArgumentReader modifiers = args.list();
                if (!modifiers.tryAtom("UNCHANGEDSINCE")) {
                    throw new ParseException("Unknown STORE modifier");
                }
                unchangedSince = modifiers.number();
                modifiers.end();
            }
            String item = args.keyword();
            boolean silent = item.endsWith(".SILENT");
            String base = silent ? item.substring(0, item.length() - 7) : item;
            FlagUpdate update = switch (base) {
                case "FLAGS" -> FlagUpdate.REPLACE;
                case "+FLAGS" -> FlagUpdate.ADD;
                case "-FLAGS" -> FlagUpdate.REMOVE;
                default -> throw new ParseException("Unknown STORE item");
            };
            List<String> names = new ArrayList<>();
            if (args.nextIsList()) {
                names.addAll(args.flagList());
            } else {
                do {
                    names.add(args.flag());
                } while (!args.atEnd());
            }
            args.end();
            try {
                return new Request(set, unchangedSince, update, silent, Flags.parse(names));
            } catch (IllegalArgumentException e) {
                throw new ParseException("Invalid flag");
            }
        }
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        Request r = Request.parse(args);
        Selected s = session.selected();
        if (s.readOnly()) {
            throw ImapFailure.no("READ-ONLY", "Mailbox is read-only");
        }
        SelectedMailbox mailbox = s.mailbox();
        int[] msns = mailbox.resolve(r.set(), byUid);
        List<Long> uids = new ArrayList<>(msns.length);
        List<Long> modified = new ArrayList<>();
        BitSet skipped = new BitSet(msns.length);
        for (int i = 0; i < msns.length; i++) {
            int msn = msns[i];
            if (r.unchangedSince() >= 0 && mailbox.meta(msn).modSeq() > r.unchangedSince()) {
                modified.add(byUid ? mailbox.uid(msn) : (long) msn);
                skipped.set(i);
            } else {
                uids.add(mailbox.uid(msn));
            }
        }
        if (r.unchangedSince() >= 0) {
            session.enable(Extension.CONDSTORE);
        }
        if (!uids.isEmpty()) {
            List<MessageMeta> changed = session.services().store().updateFlags(mailbox.id(), uids, r.update(),
                    r.flags());
            mailbox.updated(changed);
        }
        if (!r.silent()) {
            boolean condstore = session.isEnabled(Extension.CONDSTORE);
            for (int i = 0; i < msns.length; i++) {
                if (!skipped.get(i)) {
                    session.untagged(mailbox.flagsResponse(msns[i], byUid, condstore));
                }
            }
        }
        String code = modified.isEmpty() ? null : "MODIFIED " + UidSets.format(modified);
        session.ok(tag, code, "STORE completed");
    }
}
