package org.mailshelf.protocol.imap.search;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.mailshelf.api.MessageMeta;
import org.mailshelf.mime.MailAddress;
import org.mailshelf.protocol.imap.message.MessageView;

/**
 * Decides whether one message matches a {@link SearchKey}. Keys on metadata are tried first (AND children are
 * kept in cost order, OR tries its cheaper side first) and evaluation stops as soon as the answer is known, so
 * {@code SEARCH SEEN} never calls {@link MessageView#structure()} or {@link MessageView#content()}, and
 * {@code SEARCH UNSEEN BODY x} reads the content of unseen messages only. Within one call the decoded body and
 * header text are computed at most once.
 *
 * <p>Strings match as case-insensitive substrings ({@link Fold}) of decoded values; the empty string matches
 * every message that has the field (HEADER), and every message (BODY, TEXT).
 */
public final class SearchEvaluator {

    private final MessageView message;
    private final SearchContext context;
    private final SearchHints hints;
    private String foldedBody;
    private String foldedHeader;

    private SearchEvaluator(MessageView message, SearchContext context, SearchHints hints) {
        this.message = message;
        this.context = context;
        this.hints = hints;
    }

    public static boolean matches(SearchKey key, MessageView message, SearchContext context) {
        return matches(key, message, context, SearchHints.NONE);
    }

    /** As {@link #matches(SearchKey, MessageView, SearchContext)}, taking what it can from a search index. */
    public static boolean matches(SearchKey key, MessageView message, SearchContext context, SearchHints hints) {
        return new SearchEvaluator(message, context, hints).test(key);
    }

    private boolean test(SearchKey key) {
        MessageMeta meta = message.meta();
        if (key instanceof SearchKey.All) {
            return true;
        } else if (key instanceof SearchKey.SystemFlag f) {
            return meta.flags().has(f.bit());
        } else if (key instanceof SearchKey.Keyword k) {
            return hasKeyword(meta, k.name());
        } else if (key instanceof SearchKey.Recent) {
            return message.recent();
        } else if (key instanceof SearchKey.Larger l) {
            return meta.size() > l.size();
        } else if (key instanceof SearchKey.Smaller s) {
            return meta.size() < s.size();
        } else if (key instanceof SearchKey.InternalDate d) {
            return d.comparison().test(internalDate(), d.date());
        } else if (key instanceof SearchKey.SentDate d) {
            return d.comparison().test(sentDate(), d.date());
        } else if (key instanceof SearchKey.Sequence s) {
            return s.set().contains(message.msn(), context.highestMsn());
        } else if (key instanceof SearchKey.Uid u) {
            return u.set().contains(message.uid(), context.highestUid());
        } else if (key instanceof SearchKey.ModSeq m) {
            return meta.modSeq() >= m.modSeq();
        } else if (key instanceof SearchKey.Header h) {
            return header(h);
        } else if (key instanceof SearchKey.Address a) {
            return address(a);
        } else if (key instanceof SearchKey.Body b) {
            return bodyContains(Fold.fold(b.value()));
        } else if (key instanceof SearchKey.Text t) {
            String needle = Fold.fold(t.value());
            SearchHints.Answer indexed = hints.body(message.uid(), needle);
            return indexed == SearchHints.Answer.YES || headerText().contains(needle)
                    || indexed == SearchHints.Answer.UNKNOWN && body().contains(needle);
        } else if (key instanceof SearchKey.Not n) {
            return !test(n.key());
        } else if (key instanceof SearchKey.Or o) {
            boolean leftFirst = o.left().cost().compareTo(o.right().cost()) <= 0;
            SearchKey first = leftFirst ? o.left() : o.right();
            SearchKey second = leftFirst ? o.right() : o.left();
            return test(first) || test(second);
        } else if (key instanceof SearchKey.And a) {
            for (SearchKey k : a.keys()) {
                if (!test(k)) {
                    return false;
                }
            }
            return true;
        }
        throw new IllegalArgumentException("unknown search key " + key);
    }

    private static boolean hasKeyword(MessageMeta meta, String name) {
        for (String k : meta.flags().keywords()) {
            if (k.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private LocalDate internalDate() {
        return LocalDate.ofInstant(message.meta().internalDate(), context.zone());
    }

    /** The Date header's own local date; INTERNALDATE's when the header is missing or unparseable. */
    private LocalDate sentDate() {
        Optional<ZonedDateTime> date = message.structure().date();
        return date.isPresent() ? date.get().toLocalDate() : internalDate();
    }

    private boolean bodyContains(String needle) {
        SearchHints.Answer indexed = hints.body(message.uid(), needle);
        return indexed == SearchHints.Answer.UNKNOWN ? body().contains(needle) : indexed == SearchHints.Answer.YES;
    }

    private boolean header(SearchKey.Header h) {
        if (h.name().equalsIgnoreCase("subject")) {
            SearchHints.Answer indexed = hints.subject(message.uid(), Fold.fold(h.value()));
            if (indexed != SearchHints.Answer.UNKNOWN) {
                return indexed == SearchHints.Answer.YES;
            }
        }
        List<String> values = message.structure().headerValues(h.name());
        if (h.value().isEmpty()) {
            return !values.isEmpty();
        }
        String needle = Fold.fold(h.value());
        for (String value : values) {
            if (Fold.fold(Fold.unfold(value)).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Dovecot's address search: the field's addresses written as {@code Name <mailbox@host>, ...} (see
     * {@link MailAddress#toString()}), so a value matches within a display name, a local part, a domain or a whole
     * address, whatever comments, quoting and encoded words the field had.
     */
    private boolean address(SearchKey.Address a) {
        SearchHints.Answer indexed = hints.address(a.field(), message.uid(), Fold.fold(a.value()));
        if (indexed != SearchHints.Answer.UNKNOWN) {
            return indexed == SearchHints.Answer.YES;
        }
        if (a.value().isEmpty()) {
            return !message.structure().headerValues(a.field()).isEmpty();
        }
        return Fold.fold(written(message.structure().addresses(a.field()))).contains(Fold.fold(a.value()));
    }

    /** A field's addresses as address search sees them: {@code Name <mailbox@host>, ...}. */
    static String written(List<MailAddress> addresses) {
        StringBuilder written = new StringBuilder();
        for (MailAddress address : addresses) {
            written.append(written.length() == 0 ? "" : ", ").append(address);
        }
        return written.toString();
    }

    private String body() {
        if (foldedBody == null) {
            foldedBody = Fold.fold(BodyText.extract(message));
        }
        return foldedBody;
    }

    private String headerText() {
        if (foldedHeader == null) {
            foldedHeader = Fold.fold(BodyText.header(message));
        }
        return foldedHeader;
    }
}
