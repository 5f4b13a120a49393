/** A complete store kept in memory: serves protocol tests, and demos that need no disk. */
@Version("1.3.0")
@Export
package org.mailshelf.store.memory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
