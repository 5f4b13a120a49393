package org.mailshelf.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The framework configuration of the appliance; any key may be overridden with -D in JAVA_OPTS. */
final class FrameworkProperties {

    private FrameworkProperties() {
    }

    static Map<String, String> build(Path home, Path data, String adminHash, boolean interactive) {
        Map<String, String> p = new HashMap<>();
        p.put("org.osgi.framework.storage", data.resolve("cache").toString());
        // never wipe the cache: bundles installed at runtime and their data live there
        p.put("org.osgi.framework.storage.clean", "none");
        p.put("felix.log.level", "1");
        p.put("felix.fileinstall.dir", home.resolve("config").toString());
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.log.level", "2");
        // config/ belongs to the admin: File Install's write-back races its own directory scan at boot and can
        // leave a .cfg file empty (FELIX-6515). Console edits persist in Configuration Admin's store instead.
        p.put("felix.fileinstall.enableConfigSave", "false");
        // console and API are for the admin on this machine unless configured otherwise
        p.put("org.apache.felix.http.host", "127.0.0.1");
        p.put("org.osgi.service.http.port", "8080");
        // one admin password for the console and the REST API (org.mailshelf.admin reads mailshelf.admin.hash)
        p.put("mailshelf.admin.hash", adminHash);
        p.put("felix.webconsole.username", "admin");
        p.put("felix.webconsole.password", adminHash);
        p.put("felix.webconsole.manager.root", "/system/console");
        // the console waits for Mailshelf's login (shared password throttle) instead of using its own check
        p.put("felix.webconsole.security.providers", "mailshelf");
        if (!interactive) {
            p.put("gosh.args", "--nointeractive");
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (p.containsKey(key) || key.startsWith("org.osgi.") || key.startsWith("felix.")
                    || key.startsWith("org.apache.felix.")) {
                p.put(key, System.getProperty(key));
            }
        }
        return p;
    }
}
