package org.mailshelf.protocol.imap.search;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.store.memory.MemoryMailStore;

/**
 * The search index must give exactly the answers of reading every message: each key on Subject, the address
 * fields, the body and the text is evaluated on a varied corpus with and without the index and compared, for
 * needles that are whole words, parts of words, several words, punctuation, non-ASCII and empty.
 */
public class SearchIndexesTest {

    private static final List<String> CORPUS = List.of(
            Mail.MIXED, Mail.LATIN1_NO_DATE, Mail.UTF8_RAW,
            Mail.crlf("From: Foo Bar <foo.bar@example.com>\nTo: a@b.example, \"Zed, Z\" <zed@example.net>\n"
                    + "Subject: foo-bar baz\n\nThe foo-bar baz, quux! 42 apples; e-mail me.\n"),
            Mail.crlf("Subject: first\nSubject: Second   subject\n  folded\nBcc: hidden@example.org\n\n"
                    + "apple pie and applesauce\n"),
            Mail.crlf("To: nobody@example.com\n\n"),
            Mail.crlf("From: =?UTF-8?Q?J=C3=BCrgen?= <jurgen@example.de>\nSubject: =?UTF-8?B?w4l0w6k=?=\n"
                    + "Content-Type: text/html; charset=utf-8\n\n<p>Gr\u00c3\u00bc\u00c3\u009fe aus K\u00c3\u00b6ln</p>\n"),
            Mail.crlf("Subject: attachment only\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n"
                    + "YXBwbGUgcGll\n"),
            Mail.crlf("Subject: tabs\tand  spaces\n\nword1\tword2  word3\n--\nsignature-line\n"));

    private static final List<String> NEEDLES = List.of("", "e", "foo", "FOO-bar", "o-b", "bar baz", " baz",
            "baz ", "baz,", "apple", "apples", "pple", "pie and app", "42", "e-mail", "\u00e9t\u00e9", "K\u00f6ln",
            "gr\u00fc\u00dfe aus", "--", "!", "example.com", "<zed@", "zed, z", "second subject", "subject folded",
            "word2  word3", "signature", "nested needle", "inner", "hidden", "Andr\u00e9", "absent-everywhere");

    private static final long UID_VALIDITY = 17;
    /** Counts what searches read from the store, to tell a kept index from a rebuilt one. */
    private final AtomicInteger structureReads = new AtomicInteger();
    private final MailStore store = new MemoryMailStore() {
        @Override
        public Map<Long, byte[]> structures(long mailboxId, Collection<Long> uids) {
            structureReads.incrementAndGet();
            return super.structures(mailboxId, uids);
        }
    };

    @Test
    public void indexedAnswersAreThoseOfReadingEveryMessage() {
        long mailbox = store.createMailbox("u", "INBOX").id();
        List<TestMessage> messages = deliver(mailbox, CORPUS);
        assertSameAnswers(new SearchIndexes(0, Long.MAX_VALUE), mailbox, messages);
    }

    @Test
    public void messagesArrivingLaterAreIndexedByTheNextSearch() {
        long mailbox = store.createMailbox("u", "INBOX").id();
        SearchIndexes indexes = new SearchIndexes(0, Long.MAX_VALUE);
        List<TestMessage> messages = deliver(mailbox, CORPUS.subList(0, 4));
        assertSameAnswers(indexes, mailbox, messages);
        messages.addAll(deliver(mailbox, CORPUS.subList(4, CORPUS.size())));
        assertSameAnswers(indexes, mailbox, messages);
    }

    @Test
    public void aWordNeedleIsAnsweredWithoutReadingMessages() {
        long mailbox = store.createMailbox("u", "INBOX").id();
        List<TestMessage> messages = deliver(mailbox, CORPUS);
        SearchIndexes indexes = new SearchIndexes(0, Long.MAX_VALUE);
        for (SearchKey key : List.of(new SearchKey.Body("pple"), new SearchKey.Header("Subject", "baz"),
                new SearchKey.Address("From", "example"))) {
            SearchHints hints = prepare(indexes, key, mailbox, messages);
            for (TestMessage m : messages) {
                m.forbidLoading = false;
                boolean read = SearchEvaluator.matches(key, m, context(messages));
                m.forbidLoading = true;
                assertEquals(key + " on message " + m.uid, read,
                        SearchEvaluator.matches(key, m, context(messages), hints));
            }
        }
    }

    @Test
    public void anIndexDroppedForTheBudgetIsRebuilt() {
        long first = store.createMailbox("u", "INBOX").id();
        long second = store.createMailbox("u", "Other").id();
        List<TestMessage> a = deliver(first, CORPUS);
        List<TestMessage> b = deliver(second, CORPUS.subList(3, 6));
        SearchIndexes tiny = new SearchIndexes(0, 1);
        SearchHints before = prepare(tiny, new SearchKey.Body("x"), first, a);
        assertSameAnswers(tiny, second, b);
        assertNotSame(before, prepare(tiny, new SearchKey.Body("x"), first, a));
        assertSameAnswers(tiny, first, a);
    }

    @Test
    public void anIndexKeptByTheStoreServesTheNextStartWithoutReadingTheMessages() {
        long mailbox = store.createMailbox("u", "INBOX").id();
        List<TestMessage> messages = deliver(mailbox, CORPUS);
        SearchIndexes before = new SearchIndexes(0, Long.MAX_VALUE);
        prepare(before, new SearchKey.Body("apple"), mailbox, messages);
        before.keepAll(store);
        assertTrue(store.derived(mailbox, KeptIndex.KIND).isPresent());

        SearchIndexes restarted = new SearchIndexes(0, Long.MAX_VALUE);
        structureReads.set(0);
        prepare(restarted, new SearchKey.Body("apple"), mailbox, messages);
        assertEquals("read back, not rebuilt", 0, structureReads.get());
        assertSameAnswers(restarted, mailbox, messages);

        messages.addAll(deliver(mailbox, CORPUS.subList(0, 2))); // arrived after the index was kept
        assertSameAnswers(restarted, mailbox, messages);
    }

    @Test
    public void aPreloadReadsTheKeptIndexInTheBackground() throws Exception {
        long mailbox = store.createMailbox("u", "INBOX").id();
        List<TestMessage> messages = deliver(mailbox, CORPUS);
        SearchIndexes before = new SearchIndexes(0, Long.MAX_VALUE);
        prepare(before, new SearchKey.Body("apple"), mailbox, messages);
        before.keepAll(store);

        SearchIndexes restarted = new SearchIndexes(0, Long.MAX_VALUE);
        structureReads.set(0);
        restarted.preload(store, mailbox, UID_VALIDITY, messages.size());
        assertSameAnswers(restarted, mailbox, messages); // waits for the read under way, if it still is
        assertEquals("read back, not rebuilt", 0, structureReads.get());
    }

    @Test
    public void aKeptIndexOfAnotherUidValidityOrDamagedIsNotUsed() {
        long mailbox = store.createMailbox("u", "INBOX").id();
        List<TestMessage> messages = deliver(mailbox, CORPUS);
        SearchIndexes before = new SearchIndexes(0, Long.MAX_VALUE);
        prepare(before, new SearchKey.Body("apple"), mailbox, messages);
        before.keepAll(store);
        byte[] kept = store.derived(mailbox, KeptIndex.KIND).orElseThrow();
        assertEquals(null, KeptIndex.read(kept, UID_VALIDITY + 1));
        kept[kept.length / 2] ^= 1;
        assertEquals(null, KeptIndex.read(kept, UID_VALIDITY));
        store.keepDerived(mailbox, KeptIndex.KIND, kept);

        SearchIndexes restarted = new SearchIndexes(0, Long.MAX_VALUE);
        structureReads.set(0);
        assertSameAnswers(restarted, mailbox, messages);
        assertTrue("rebuilt from the messages", structureReads.get() > 0);
    }

    @Test
    public void smallMailboxesAreNotIndexed() {
        long mailbox = store.createMailbox("u", "INBOX").id();
        List<TestMessage> messages = deliver(mailbox, CORPUS);
        assertEquals(SearchHints.NONE, prepare(new SearchIndexes(messages.size() + 1, Long.MAX_VALUE),
                new SearchKey.Body("apple"), mailbox, messages));
    }

    private void assertSameAnswers(SearchIndexes indexes, long mailbox, List<TestMessage> messages) {
        SearchContext context = context(messages);
        for (String needle : NEEDLES) {
            for (SearchKey key : List.of(new SearchKey.Body(needle), new SearchKey.Text(needle),
                    new SearchKey.Header("Subject", needle), new SearchKey.Header("SUBJECT", needle),
                    new SearchKey.Address("From", needle), new SearchKey.Address("To", needle),
                    new SearchKey.Address("Cc", needle), new SearchKey.Address("Bcc", needle))) {
                SearchHints hints = prepare(indexes, key, mailbox, messages);
                assertTrue(hints != SearchHints.NONE);
                for (TestMessage m : messages) {
                    m.forbidLoading = false;
                    assertEquals(key + " on message " + m.uid, SearchEvaluator.matches(key, m, context),
                            SearchEvaluator.matches(key, m, context, hints));
                }
            }
        }
    }

    private SearchHints prepare(SearchIndexes indexes, SearchKey key, long mailbox, List<TestMessage> messages) {
        return indexes.prepare(key, store, mailbox, UID_VALIDITY, messages.size(), msn -> messages.get(msn - 1).uid);
    }

    private static SearchContext context(List<TestMessage> messages) {
        return new SearchContext(messages.size(), messages.get(messages.size() - 1).uid);
    }

    private List<TestMessage> deliver(long mailbox, List<String> texts) {
        List<TestMessage> views = new ArrayList<>();
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            TestMessage view = new TestMessage(bytes);
            view.uid = store.append(mailbox, bytes, Flags.NONE, Instant.now()).uid();
            views.add(view);
        }
        return views;
    }
}
