package org.mailshelf.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Brings the shipped bundles into the framework and runs it. Bundles are matched by symbolic name, so a new
 * release (or a rebuilt snapshot) updates them in place, while bundles an admin installed at runtime stay.
 */
final class Appliance {
    private static final long STOP_TIMEOUT_MS = 10_000;

    private final Framework framework;
    private final BundleList bundles;

    Appliance(Map<String, String> frameworkProperties, BundleList bundles) {
        Map<String, String> properties = new HashMap<>(frameworkProperties);
        // the framework climbs to this level once started; every shipped bundle is at or below it
        properties.putIfAbsent(Constants.FRAMEWORK_BEGINNING_STARTLEVEL,
                Integer.toString(bundles.highestStartLevel()));
        this.framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi framework on the class path"))
                .newFramework(properties);
        this.bundles = bundles;
    }

    void start() throws BundleException, IOException {
        framework.init();
        BundleContext context = framework.getBundleContext();
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            installed.put(b.getSymbolicName(), b);
        }
        List<Bundle> updated = new ArrayList<>();
        for (BundleList.Entry entry : bundles.entries()) {
            Bundle bundle = provision(context, installed, entry, updated);
            bundle.adapt(BundleStartLevel.class).setStartLevel(entry.startLevel());
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        framework.start();
        if (!updated.isEmpty()) {
            // let importers of an updated bundle wire to its new revision
            framework.adapt(FrameworkWiring.class).refreshBundles(updated);
        }
    }

    private static Bundle provision(BundleContext context, Map<String, Bundle> installed, BundleList.Entry entry,
            List<Bundle> updated) throws IOException, BundleException {
        String symbolicName;
        String version;
        try (JarFile jar = new JarFile(entry.jar().toFile())) {
            symbolicName = jar.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME)
                    .split(";")[0].trim();
            version = jar.getManifest().getMainAttributes().getValue(Constants.BUNDLE_VERSION);
        }
        Bundle existing = installed.get(symbolicName);
        if (existing == null) {
            try (InputStream in = Files.newInputStream(entry.jar())) {
                return context.installBundle("mailshelf:" + entry.jar().getFileName(), in);
            }
        }
        boolean changed = !existing.getVersion().equals(Version.parseVersion(version))
                || Files.getLastModifiedTime(entry.jar()).toMillis() > existing.getLastModified();
        if (changed) {
            try (InputStream in = Files.newInputStream(entry.jar())) {
                existing.update(in);
            }
            updated.add(existing);
        }
        return existing;
    }

    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    void stop() {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException | InterruptedException e) {
            System.err.println("Mailshelf did not stop cleanly: " + e);
        }
    }
}
