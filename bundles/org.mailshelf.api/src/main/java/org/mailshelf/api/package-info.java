/** The mail model shared by every Mailshelf bundle: mailboxes, messages, flags. */
@Version("1.0.0")
@Export
package org.mailshelf.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
