package org.mailshelf.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the appliance in the foreground: Felix with the bundles of etc/bundles.list, state in the data
 * directory. SIGTERM (or Ctrl-C) stops the framework, which deactivates every component cleanly.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path home = Path.of(System.getProperty("mailshelf.home", ".")).toAbsolutePath().normalize();
        String dataEnv = System.getenv("MAILSHELF_DATA");
        Path data = (dataEnv == null || dataEnv.isBlank() ? home.resolve("data") : Path.of(dataEnv))
                .toAbsolutePath().normalize();
        Files.createDirectories(data.resolve("logs"));

        // read by etc/logback.xml and by bundles that keep files (the Derby store, later the TLS keys)
        System.setProperty("mailshelf.home", home.toString());
        System.setProperty("mailshelf.data", data.toString());
        System.setProperty("logback.configurationFile", home.resolve("etc/logback.xml").toString());

        AdminPassword admin = AdminPassword.ensure(data, System.getenv("MAILSHELF_ADMIN_PASSWORD"));
        admin.announceIfNew(System.out);

        Map<String, String> properties = FrameworkProperties.build(home, data, admin.consoleHash(),
                System.console() != null);
        Appliance appliance = new Appliance(properties, BundleList.read(home));
        Runtime.getRuntime().addShutdownHook(new Thread(appliance::stop, "mailshelf-shutdown"));
        appliance.start();
        System.out.printf("Mailshelf started in %d ms (data: %s)%n", (System.nanoTime() - started) / 1_000_000,
                data);
        appliance.awaitStop();
    }
}
