package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.List;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * A LIST command as RFC 5258 (LIST-EXTENDED) extends it, with the SPECIAL-USE options of RFC 6154 section 5.1
 * and the STATUS return option of RFC 5819:
 *
 * <pre>
 * list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
 * list-select-opts = "(" [(*(list-select-mod-opt SP) list-select-base-opt *(SP list-select-opt))
 *                    / (list-select-independent-opt *(SP list-select-independent-opt))] ")"
 * base: SUBSCRIBED    independent: REMOTE, SPECIAL-USE    mod: RECURSIVEMATCH
 * mbox-or-pat = list-mailbox / "(" list-mailbox *(SP list-mailbox) ")"
 * list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"
 * return-option = "SUBSCRIBED" / "CHILDREN" / "SPECIAL-USE" / "STATUS" SP "(" status-att *(SP status-att) ")"
 * </pre>
 *
 * So RECURSIVEMATCH needs SUBSCRIBED beside it: alone, with REMOTE or with SPECIAL-USE only it is a BAD, as are
 * unknown options, an empty pattern list and a second STATUS. REMOTE is accepted and changes nothing: there are
 * no remote mailboxes. The SUBSCRIBED selection option implies the SUBSCRIBED return option, the SPECIAL-USE
 * selection option the SPECIAL-USE return option.
 *
 * @param extended         whether any RFC 5258 syntax was used (selection options, a pattern list or RETURN);
 *                         a basic LIST keeps its RFC 3501 meaning
 * @param selectSubscribed only subscribed names
 * @param recursiveMatch   also parents whose descendants match the selection, with CHILDINFO
 * @param selectSpecialUse only mailboxes with a special use
 * @param patterns         at least one; an empty one matches nothing in the extended form
 * @param statusItems      the STATUS items to send after each selectable mailbox, or null for none
 */
record ListRequest(boolean extended, boolean selectSubscribed, boolean recursiveMatch, boolean selectSpecialUse,
        String reference, List<String> patterns, boolean returnSubscribed, boolean returnChildren,
        boolean returnSpecialUse, List<String> statusItems) {

    static ListRequest parse(ArgumentReader args) throws ParseException {
        boolean extended = false;
        boolean subscribed = false;
        boolean recursive = false;
        boolean specialUse = false;
        if (args.nextIsList()) {
            extended = true;
            ArgumentReader options = args.list();
            while (!options.atEnd()) {
                switch (options.keyword()) {
                    case "SUBSCRIBED" -> subscribed = true;
                    case "RECURSIVEMATCH" -> recursive = true;
                    case "SPECIAL-USE" -> specialUse = true;
                    case "REMOTE" -> {
                        // no remote mailboxes here
                    }
                    default -> throw new ParseException("Unknown LIST selection option");
                }
            }
            if (recursive && !subscribed) {
                throw new ParseException("RECURSIVEMATCH needs the SUBSCRIBED selection option");
            }
        }
        String reference = args.astring();
        List<String> patterns = new ArrayList<>();
        if (args.nextIsList()) {
            extended = true;
            ArgumentReader list = args.list();
            while (!list.atEnd()) {
                patterns.add(list.listMailbox());
            }
            if (patterns.isEmpty()) {
                throw new ParseException("Expected at least one mailbox pattern");
            }
        } else {
            patterns.add(args.listMailbox());
        }
        boolean returnSubscribed = subscribed;
        boolean children = false;
        boolean returnSpecialUse = specialUse;
        List<String> status = null;
        if (args.tryAtom("RETURN")) {
            extended = true;
            ArgumentReader options = args.list();
            while (!options.atEnd()) {
                switch (options.keyword()) {
                    case "SUBSCRIBED" -> returnSubscribed = true;
                    case "CHILDREN" -> children = true;
                    case "SPECIAL-USE" -> returnSpecialUse = true;
                    case "STATUS" -> {
                        if (status != null) {
                            throw new ParseException("STATUS given twice");
                        }
                        status = StatusCommand.parseItems(options.list());
                    }
                    default -> throw new ParseException("Unknown LIST return option");
                }
            }
        }
        args.end();
        return new ListRequest(extended, subscribed, recursive, specialUse, reference, List.copyOf(patterns),
                returnSubscribed, children, returnSpecialUse, status);
    }
}
