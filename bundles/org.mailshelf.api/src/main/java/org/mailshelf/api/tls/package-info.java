/** The server's TLS identity, as the TLS bundle offers it to listeners and the admin console. */
@Version("1.1.0")
@Export
package org.mailshelf.api.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
