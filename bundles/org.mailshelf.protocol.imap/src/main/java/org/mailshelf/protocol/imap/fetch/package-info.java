/**
 * FETCH and UID FETCH (RFC 3501 sections 6.4.5 and 7.4.2; MODSEQ, CHANGEDSINCE and VANISHED of RFC 7162) as
 * pure components, with no session or storage in them:
 *
 * <ol>
 * <li>{@link org.mailshelf.protocol.imap.fetch.FetchParser#parse} reads the attributes after the sequence set
 * into an immutable {@link org.mailshelf.protocol.imap.fetch.FetchRequest} (or throws the
 * {@code ParseException} whose message is the BAD text);</li>
 * <li>the request says what the session must do and load: {@code setsSeen()}, {@code needsStructure()},
 * {@code needsContent()}, {@code selects(modSeq)} for CHANGEDSINCE;</li>
 * <li>{@link org.mailshelf.protocol.imap.fetch.FetchRenderer#render} turns one
 * {@link org.mailshelf.protocol.imap.message.MessageView} into the complete untagged FETCH response.</li>
 * </ol>
 *
 * Section semantics follow Dovecot where RFC 3501 leaves room: missing parts and HEADER/TEXT of parts that are not
 * message/rfc822 are empty ({@code {0}}), HEADER.FIELDS names are echoed upper-cased, section data is always a
 * literal.
 */
package org.mailshelf.protocol.imap.fetch;
