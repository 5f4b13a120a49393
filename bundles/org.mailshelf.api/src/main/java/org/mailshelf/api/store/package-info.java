/**
 * The store SPI: what a mailbox backend (Derby, memory, ...) implements, and the events it publishes so that
 * every session on a mailbox sees changes made by another.
 *
 * <p>1.2 adds {@link MailStore#structure} and {@link MailStore#structures}: each message's MIME analysis,
 * computed once when the message is stored.
 */
@Version("1.6.0")
@Export
package org.mailshelf.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
