package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.List;

import org.mailshelf.api.store.MessageNotFoundException;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.search.BadCharsetException;
import org.mailshelf.protocol.imap.search.SearchContext;
import org.mailshelf.protocol.imap.search.SearchEvaluator;
import org.mailshelf.protocol.imap.search.SearchHints;
import org.mailshelf.protocol.imap.search.SearchParser;
import org.mailshelf.protocol.imap.search.SearchRequest;
import org.mailshelf.protocol.imap.search.SearchResponse;

/**
 * SEARCH / UID SEARCH (RFC 3501 section 6.4.4, ESEARCH of RFC 4731, MODSEQ of RFC 7162). Each message is
 * tested on its metadata first; structure and content are read only for the keys that need them, and not at
 * all where the listener's search index of the mailbox answers (Subject, addresses, body words). A message
 * another session expunged does not match.
 */
final class SearchCommand implements ImapCommand {

    private final boolean byUid;

    SearchCommand(boolean byUid) {
        this.byUid = byUid;
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        SearchRequest request;
        try {
            request = SearchParser.parse(args);
        } catch (BadCharsetException e) {
            throw ImapFailure.no(e.responseCode(), e.getMessage());
        }
        if (request.usesModSeq()) {
            session.enableCondstore();
        }
        SelectedMailbox mailbox = session.selected().mailbox();
        SearchContext context = new SearchContext(mailbox.size(), mailbox.size() == 0 ? 0 : mailbox.uid(mailbox.size()));
        SearchHints hints = session.services().searchIndexes().prepare(request.key(), session.services().store(),
                mailbox.id(), mailbox.uidValidity(), mailbox.size(), mailbox::uid);
        List<Long> results = new ArrayList<>();
        for (int msn = 1; msn <= mailbox.size(); msn++) {
            SelectedMessage message = new SelectedMessage(session.services().store(), mailbox, msn);
            try {
                if (SearchEvaluator.matches(request.key(), message, context, hints)) {
                    results.add(byUid ? mailbox.uid(msn) : msn);
                }
            } catch (MessageNotFoundException e) {
                // expunged meanwhile: does not match
            }
        }
        Long modSeq = request.usesModSeq() ? highestModSeq(mailbox, request.extended()
                ? request.returnOptions().modSeqBasis(results) : results) : null;
        session.untagged(request.extended()
                ? SearchResponse.esearchLine(tag, byUid, results, request.returnOptions(), modSeq)
                : SearchResponse.searchLine(results, modSeq));
        session.ok(tag, null, "SEARCH completed");
    }

    private Long highestModSeq(SelectedMailbox mailbox, List<Long> results) {
        long highest = 0;
        for (long n : results) {
            int msn = byUid ? mailbox.msn(n) : (int) n;
            highest = Math.max(highest, mailbox.meta(msn).modSeq());
        }
        return results.isEmpty() ? null : highest;
    }
}
