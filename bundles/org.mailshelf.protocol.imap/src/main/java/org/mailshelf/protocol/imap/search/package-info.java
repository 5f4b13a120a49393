/**
 * IMAP SEARCH (RFC 3501 section 6.4.4), its extended results (RFC 4731 ESEARCH) and MODSEQ (RFC 7162), with no
 * session or storage in it. The command layer uses it in four steps:
 *
 * <ol>
 * <li>{@link org.mailshelf.protocol.imap.search.SearchParser#parse} reads the arguments (after {@code UID}) into
 * a {@link org.mailshelf.protocol.imap.search.SearchRequest}; a
 * {@link org.mailshelf.protocol.imap.codec.ParseException} means BAD, a
 * {@link org.mailshelf.protocol.imap.search.BadCharsetException} means {@code NO [BADCHARSET (US-ASCII UTF-8)]}.
 * </li>
 * <li>{@link org.mailshelf.protocol.imap.search.SearchIndexes#prepare} brings the listener's index of the
 * mailbox up to date when the key asks about Subject, an address field or the body of a large mailbox, and
 * returns the {@link org.mailshelf.protocol.imap.search.SearchHints} the evaluator may take answers from.</li>
 * <li>For each message of the session's view,
 * {@link org.mailshelf.protocol.imap.search.SearchEvaluator#matches} with a
 * {@link org.mailshelf.protocol.imap.search.SearchContext} (highest sequence number and UID, the zone for
 * INTERNALDATE). {@link org.mailshelf.protocol.imap.search.SearchRequest#needsStructure()} and
 * {@code needsContent()} tell whether loading can be batched up front; the evaluator itself touches structure
 * and content only when a cheaper key has not already decided.</li>
 * <li>The results (sequence numbers, or UIDs for UID SEARCH), ascending, and when
 * {@link org.mailshelf.protocol.imap.search.SearchRequest#usesModSeq()} the highest mod-sequence among them
 * (for ESEARCH among {@link org.mailshelf.protocol.imap.search.ReturnOptions#modSeqBasis}).</li>
 * <li>{@link org.mailshelf.protocol.imap.search.SearchResponse#searchLine} or, when
 * {@link org.mailshelf.protocol.imap.search.SearchRequest#extended()},
 * {@link org.mailshelf.protocol.imap.search.SearchResponse#esearchLine}; then {@code tag OK SEARCH completed}.
 * </li>
 * </ol>
 */
package org.mailshelf.protocol.imap.search;
