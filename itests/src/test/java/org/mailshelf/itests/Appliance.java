package org.mailshelf.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A copy of the assembled appliance, started the way the README says, with its own free ports. */
final class Appliance implements AutoCloseable {
    final Path home;
    final int pop3 = Ports.free();
    final int lmtp = Ports.free();
    final int imap = Ports.free();
    final int http = Ports.free();
    final int https = Ports.free();
    final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    Appliance(Path assembled, Path workDir) throws IOException {
        home = workDir.resolve("mailshelf");
        copy(assembled, home);
        Files.writeString(home.resolve("config/org.mailshelf.pop3-default.cfg"),
                "host = 127.0.0.1\nport = " + pop3 + "\n");
        Files.writeString(home.resolve("config/org.mailshelf.lmtp-default.cfg"),
                "host = 127.0.0.1\nport = " + lmtp + "\n");
        Files.writeString(home.resolve("config/org.mailshelf.imap-default.cfg"),
                "host = 127.0.0.1\nport = " + imap + "\n");
        Files.writeString(home.resolve("config/org.mailshelf.admin.https.cfg"),
                "host = 127.0.0.1\nport = " + https + "\n");
    }

    /** Starts bin/mailshelf in the foreground, as the README's first command does. */
    void start(String adminPassword) throws IOException {
        output.clear();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/mailshelf").toString())
                .redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", "-Dorg.osgi.service.http.port=" + http);
        pb.environment().remove("MAILSHELF_DATA");
        if (adminPassword != null) {
            pb.environment().put("MAILSHELF_ADMIN_PASSWORD", adminPassword);
        } else {
            pb.environment().remove("MAILSHELF_ADMIN_PASSWORD");
        }
        process = pb.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    /** Milliseconds until IMAP, POP3, LMTP, HTTP and HTTPS all accept, measured from now. */
    long awaitReady(long timeoutMillis) throws InterruptedException {
        long t0 = System.nanoTime();
        for (int port : new int[] {imap, pop3, lmtp, http, https}) {
            Ports.awaitAccepting(port, timeoutMillis);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** Sends SIGTERM and returns how long the process took to exit. */
    long terminate() throws InterruptedException {
        long t0 = System.nanoTime();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no exit 30 s after SIGTERM");
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!from.relativize(source).startsWith("data")) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
