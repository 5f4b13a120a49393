package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * change is reflected in this session's view at once. Every stored message gets a FETCH: with its flags unless
 * {@code .SILENT}; with UID for UID STORE; once CONDSTORE is on, with UID and MODSEQ always, and then even for
 * {@code .SILENT} (MODSEQ alone), so the client's cache learns the new mod-sequences.
 *
 * <p>UNCHANGEDSINCE is checked against the store's current mod-sequences, not this session's view (which may
 * not yet know of another session's change); messages that fail are left alone and listed in
 * {@code OK [MODIFIED set]}. The store has no conditional update, so a change landing between the check and
 * the update is not detected: the window is one store call wide.
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
                unchangedSince = ModSequences.read(modifiers, "UNCHANGEDSINCE");
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
        boolean conditional = r.unchangedSince() >= 0;
        if (conditional) {
            session.enableCondstore();
        }
        SelectedMailbox mailbox = s.mailbox();
        int[] msns = mailbox.resolve(r.set(), byUid);
        Set<Long> changedMeanwhile = conditional && msns.length > 0
                ? changedSince(session, mailbox, r.unchangedSince()) : Set.of();
        List<Long> uids = new ArrayList<>(msns.length);
        List<Long> modified = new ArrayList<>();
        BitSet skipped = new BitSet(msns.length);
        for (int i = 0; i < msns.length; i++) {
            int msn = msns[i];
            long uid = mailbox.uid(msn);
            if (changedMeanwhile.contains(uid)) {
                modified.add(byUid ? uid : (long) msn);
                skipped.set(i);
            } else {
                uids.add(uid);
            }
        }
        if (!uids.isEmpty()) {
            List<MessageMeta> changed = session.services().store().updateFlags(mailbox.id(), uids, r.update(),
                    r.flags());
            mailbox.updated(changed);
        }
        boolean condstore = session.isEnabled(Extension.CONDSTORE);
        if (!r.silent()) {
            mailbox.announceKeywords(session::untagged, false);
        }
        if (!r.silent() || condstore) {
            for (int i = 0; i < msns.length; i++) {
                if (!skipped.get(i)) {
                    session.untagged(mailbox.fetchResponse(msns[i], !r.silent(), byUid || condstore, condstore));
                }
            }
        }
        String code = modified.isEmpty() ? null
                : "MODIFIED " + SequenceSet.of(modified.stream().mapToLong(Long::longValue).toArray());
        session.ok(tag, code, "STORE completed");
    }

    /** The UIDs whose current mod-sequence in the store is above {@code modSeq}. */
    private static Set<Long> changedSince(ImapSession session, SelectedMailbox mailbox, long modSeq) {
        Set<Long> uids = new HashSet<>();
        for (MessageMeta meta : session.services().store().changedSince(mailbox.id(), modSeq)) {
            uids.add(meta.uid());
        }
        return uids;
    }
}
