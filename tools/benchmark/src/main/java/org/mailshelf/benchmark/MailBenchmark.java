package org.mailshelf.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers users x messages over LMTP with C connections, then downloads every mailbox over POP3 with C
 * concurrent clients for several rounds (leaving mail on the server), and prints throughput and latency
 * percentiles. Run it against a started appliance; see README.md beside this module.
 */
public final class MailBenchmark {
    private final Options o;

    private MailBenchmark(Options options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.adminPassword() == null) {
            System.err.println("usage: java -jar mailshelf-benchmark.jar --admin-password P [--users 40]"
                    + " [--messages 20] [--concurrency 4] [--rounds 5] [--size 4096] [--host 127.0.0.1]"
                    + " [--lmtp-port 10024] [--pop3-port 10110] [--http-port 8080] [--warmups 1]");
            System.exit(2);
        }
        new MailBenchmark(options).run();
    }

    private void run() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100000, 36);
        byte[] message = message(o.messageSize());
        System.out.printf("%d users x %d messages of %d bytes, %d concurrent clients%n", o.users(),
                o.messagesPerUser(), message.length, o.concurrency());
        for (int w = 0; w < o.warmups(); w++) {
            // the same work on other accounts, untimed: the server's JIT and caches warm up as in a long run
            cycle(users(run + "w" + w), message, false);
        }
        cycle(users(run + "x"), message, true);
    }

    private List<String> users(String prefix) throws IOException, InterruptedException {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < o.users(); i++) {
            users.add("bench" + prefix + i);
        }
        createUsers(users);
        return users;
    }

    /** Delivers every user's messages over LMTP, then downloads every mailbox over POP3 for some rounds. */
    private void cycle(List<String> users, byte[] message, boolean print) throws Exception {
        Latencies delivery = new Latencies();
        long elapsed = parallel(o.concurrency(), worker -> deliver(users, worker, message, delivery));
        // one untimed round first: each user's first login pays for a bcrypt check, later ones hit the cache
        download(users, 1, new Latencies(), new AtomicInteger());
        Latencies sessions = new Latencies();
        AtomicInteger downloaded = new AtomicInteger();
        long downloadElapsed = download(users, o.rounds(), sessions, downloaded);
        if (print) {
            report("LMTP delivery", delivery.count(), elapsed, delivery);
            report("POP3 download", downloaded.get(), downloadElapsed, sessions);
            System.out.printf("POP3 sessions: %d, session latency %s%n", sessions.count(), sessions.summary());
        }
    }

    private void deliver(List<String> users, int worker, byte[] message, Latencies delivery) throws IOException {
        try (LineClient lmtp = new LineClient(o.host(), o.lmtpPort())) {
            lmtp.expect("220");
            lmtp.send("LHLO bench\r\n");
            while (!lmtp.readLine().startsWith("250 ")) {
                // capabilities
            }
            for (int u = worker; u < users.size(); u += o.concurrency()) {
                for (int m = 0; m < o.messagesPerUser(); m++) {
                    long t0 = System.nanoTime();
                    // MAIL, RCPT and DATA pipelined, as an MTA does
                    lmtp.send("MAIL FROM:<bench@example.org>\r\nRCPT TO:<" + users.get(u) + ">\r\nDATA\r\n");
                    lmtp.expect("250");
                    lmtp.expect("250");
                    lmtp.expect("354");
                    lmtp.send(message);
                    lmtp.expect("250");
                    delivery.add(System.nanoTime() - t0);
                }
            }
            lmtp.send("QUIT\r\n");
        }
    }

    private long download(List<String> users, int rounds, Latencies sessions, AtomicInteger downloaded)
            throws Exception {
        return parallel(o.concurrency(), worker -> {
            for (int round = 0; round < rounds; round++) {
                for (int u = worker; u < users.size(); u += o.concurrency()) {
                    long t0 = System.nanoTime();
                    try (LineClient pop = new LineClient(o.host(), o.pop3Port())) {
                        pop.expect("+OK");
                        pop.send("USER " + users.get(u) + "\r\n");
                        pop.expect("+OK");
                        pop.send("PASS " + o.password() + "\r\n");
                        pop.expect("+OK");
                        pop.send("STAT\r\n");
                        int count = Integer.parseInt(pop.expect("+OK").split(" ")[1]);
                        for (int i = 1; i <= count; i++) {
                            pop.send("RETR " + i + "\r\n");
                            pop.expect("+OK");
                            pop.readDotTerminated();
                            downloaded.incrementAndGet();
                        }
                        pop.send("QUIT\r\n");
                        pop.expect("+OK");
                    }
                    sessions.add(System.nanoTime() - t0);
                }
            }
        });
    }

    private static void report(String what, int messages, long elapsedNanos, Latencies latencies) {
        double seconds = elapsedNanos / 1e9;
        System.out.printf("%s: %d messages in %.2f s = %.0f messages/s; latency %s%n", what, messages, seconds,
                messages / seconds, latencies.summary());
    }

    private interface Work {
        void run(int worker) throws Exception;
    }

    private static long parallel(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                futures.add(pool.submit(() -> {
                    work.run(worker);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return System.nanoTime() - t0;
        } finally {
            pool.shutdownNow();
        }
    }

    private void createUsers(List<String> users) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + o.adminPassword()).getBytes(StandardCharsets.UTF_8));
        for (String user : users) {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://" + o.host() + ":" + o.httpPort() + "/api/v1/users"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"" + user + "\",\"password\":\"" + o.password() + "\"}"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IOException("creating " + user + ": " + response.statusCode() + " " + response.body());
            }
        }
    }

    /** A plain text message of about the given size, dot-terminated for DATA. */
    private static byte[] message(int size) {
        StringBuilder sb = new StringBuilder("From: bench@example.org\r\nTo: someone@example.com\r\n"
                + "Subject: benchmark message\r\nMessage-ID: <bench@example.org>\r\n\r\n");
        while (sb.length() < size) {
            sb.append("The quick brown fox jumps over the lazy dog, again and again and again.\r\n");
        }
        return sb.append(".\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
