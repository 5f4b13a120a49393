/**
 * One-pass MIME analysis of a stored message for IMAP: {@link org.mailshelf.mime.MessageAnalyzer} turns the
 * message bytes into a {@link org.mailshelf.mime.MessageStructure} (ENVELOPE, BODY/BODYSTRUCTURE, part offsets for
 * BODY[section], decoded header values and parsed addresses ({@link org.mailshelf.mime.MailAddress}) for SEARCH)
 * that a store keeps beside the message in serialized form.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.mailshelf.mime;
