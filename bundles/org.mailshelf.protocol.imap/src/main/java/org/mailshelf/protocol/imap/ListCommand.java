package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxNotFoundException;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;

/**
 * LIST with LIST-EXTENDED (RFC 5258), SPECIAL-USE (RFC 6154) and LIST-STATUS (RFC 5819); LSUB (RFC 3501
 * section 6.3.9). An empty pattern in a basic LIST asks for the hierarchy separator.
 *
 * <p>As Dovecot does, a basic LIST returns the CHILDREN attributes (RFC 3348) and the special-use attributes
 * unasked; an extended one only what its RETURN options ask for. A name that is not a mailbox but the
 * superior of one (CREATE and RENAME make superiors, so only the store itself makes these) is {@code \Noselect}
 * in a basic LIST and {@code \NonExistent} in an extended one, as is a subscribed name without a mailbox.
 * Attributes come in Dovecot's order: {@code \Subscribed}, {@code \Noselect}/{@code \NonExistent}, children,
 * special use.
 */
final class ListCommand implements ImapCommand {

    private static final String CHILDINFO = "CHILDINFO";

    private final boolean lsub;

    ListCommand(boolean lsub) {
        this.lsub = lsub;
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        if (lsub) {
            lsub(session, tag, args);
            return;
        }
        ListRequest r = ListRequest.parse(args);
        if (r.statusItems() != null && r.statusItems().contains("HIGHESTMODSEQ")) {
            session.enableCondstore(); // as STATUS HIGHESTMODSEQ does (RFC 7162 section 3.1)
        }
        if (!r.extended() && r.patterns().get(0).isEmpty()) {
            separator(session, "LIST");
            session.ok(tag, null, "LIST completed");
            return;
        }
        list(session, r);
        session.ok(tag, null, "LIST completed");
    }

    private static void list(ImapSession session, ListRequest r) {
        MailStore store = session.services().store();
        SpecialUse specialUse = SpecialUse.DEFAULT;
        Map<String, MailboxInfo> existing = new HashMap<>();
        for (MailboxInfo info : store.mailboxes(session.account())) {
            existing.put(info.name(), info);
        }
        Set<String> subscribed = r.selectSubscribed() || r.returnSubscribed()
                ? store.subscriptions(session.account()) : Set.of();
        Set<String> withChildren = ancestors(existing.keySet());

        Predicate<String> selection = name -> (r.selectSubscribed() ? subscribed.contains(name)
                : existing.containsKey(name) || withChildren.contains(name))
                && (!r.selectSpecialUse() || existing.containsKey(name) && specialUse.attribute(name) != null);
        List<Pattern> patterns = new ArrayList<>();
        for (String p : r.patterns()) {
            if (!p.isEmpty()) {
                patterns.add(MailboxNames.pattern(r.reference(), p));
            }
        }
        Predicate<String> matchesPattern = name -> patterns.stream().anyMatch(p -> p.matcher(name).matches());

        Set<String> candidates = new TreeSet<>(MailboxNames::compare);
        if (r.selectSubscribed()) {
            candidates.addAll(subscribed);
        } else {
            candidates.addAll(existing.keySet());
            candidates.addAll(withChildren);
        }
        // RFC 5258 section 3.5: CHILDINFO tells of matching descendants the pattern leaves out
        Set<String> withChildInfo = r.recursiveMatch() ? ancestors(candidates.stream()
                .filter(selection.and(matchesPattern.negate())).toList()) : Set.of();
        candidates.addAll(withChildInfo);

        for (String name : candidates) {
            if (!matchesPattern.test(name)) {
                continue;
            }
            boolean selected = selection.test(name);
            boolean childInfo = withChildInfo.contains(name);
            if (!selected && !childInfo) {
                continue;
            }
            MailboxInfo info = existing.get(name);
            ResponseWriter w = ResponseWriter.untagged().atom("LIST").beginList();
            if (r.returnSubscribed() && subscribed.contains(name)) {
                w.atom("\\Subscribed");
            }
            if (info == null) {
                w.atom(r.extended() ? "\\NonExistent" : "\\Noselect");
            }
            if (!r.extended() || r.returnChildren()) {
                w.atom(withChildren.contains(name) ? "\\HasChildren" : "\\HasNoChildren");
            }
            String use = info == null ? null : specialUse.attribute(name);
            if (use != null && (!r.extended() || r.returnSpecialUse())) {
                w.atom(use);
            }
            w.endList().string(String.valueOf(MailboxNames.SEPARATOR)).astring(MailboxNames.toWire(name));
            if (childInfo) {
                w.beginList().string(CHILDINFO).beginList().string("SUBSCRIBED").endList().endList();
            }
            session.untagged(w.toBytes());
            if (r.statusItems() != null && info != null && selected) {
                status(session, info, r.statusItems());
            }
        }
    }

    /** RFC 5819: the STATUS of a mailbox deleted meanwhile is left out. */
    private static void status(ImapSession session, MailboxInfo info, List<String> items) {
        byte[] line;
        try {
            line = StatusCommand.response(session, info, items);
        } catch (MailboxNotFoundException e) {
            return;
        }
        session.untagged(line);
    }

    /**
     * LSUB as RFC 3501 has it: a subscribed name without a mailbox is {@code \Noselect}, and so is an
     * unsubscribed superior of a subscribed name when the pattern matches the superior but not the name
     * ({@code %} stopping at its level), as Dovecot does.
     */
    private static void lsub(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        String reference = args.astring();
        String wirePattern = args.listMailbox();
        args.end();
        if (wirePattern.isEmpty()) {
            separator(session, "LSUB");
            session.ok(tag, null, "LSUB completed");
            return;
        }
        Pattern pattern = MailboxNames.pattern(reference, wirePattern);
        Set<String> all = new HashSet<>();
        for (MailboxInfo info : session.services().store().mailboxes(session.account())) {
            all.add(info.name());
        }
        Set<String> subscribed = session.services().store().subscriptions(session.account());
        Set<String> names = new TreeSet<>(MailboxNames::compare);
        for (String name : subscribed) {
            if (pattern.matcher(name).matches()) {
                names.add(name);
                continue;
            }
            // RFC 3501 section 6.3.9: where "%" stops above a subscribed name, its unsubscribed superior at
            // that level is returned as \Noselect
            for (String parent : MailboxNames.parents(name)) {
                if (!subscribed.contains(parent) && pattern.matcher(parent).matches()) {
                    names.add(parent);
                }
            }
        }
        for (String name : names) {
            ResponseWriter w = ResponseWriter.untagged().atom("LSUB").beginList();
            if (!subscribed.contains(name) || !all.contains(name)) {
                w.atom("\\Noselect");
            }
            session.untagged(w.endList().string("/").astring(MailboxNames.toWire(name)).toBytes());
        }
        session.ok(tag, null, "LSUB completed");
    }

    private static void separator(ImapSession session, String verb) {
        session.untagged(ResponseWriter.untagged().atom(verb).beginList().atom("\\Noselect").endList()
                .string(String.valueOf(MailboxNames.SEPARATOR)).string("").toBytes());
    }

    /** Every proper superior of the given names: {@code a/b/c} gives {@code a} and {@code a/b}. */
    private static Set<String> ancestors(Iterable<String> names) {
        Set<String> ancestors = new HashSet<>();
        for (String name : names) {
            ancestors.addAll(MailboxNames.parents(name));
        }
        return ancestors;
    }
}
