/** The auth SPI (providers an integrator may add) and the services protocols and admin tools use. */
@Version("1.2.0")
@Export
package org.mailshelf.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
