/**
 * The store SPI: what a mailbox backend (Derby, memory, ...) implements, and the events it publishes so that
 * every session on a mailbox sees changes made by another.
 */
@Version("1.1.0")
@Export
package org.mailshelf.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
