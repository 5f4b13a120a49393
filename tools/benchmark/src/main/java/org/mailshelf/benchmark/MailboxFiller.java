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

/** Creates users over the REST API and fills their INBOX over LMTP with several pipelined connections. */
final class MailboxFiller {
    private final ImapOptions o;

    MailboxFiller(ImapOptions options) {
        this.o = options;
    }

    /** Creates the user (an existing one, 409, is fine). */
    void createUser(String user) throws IOException, InterruptedException {
        String auth = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + o.adminPassword()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://" + o.host() + ":" + o.httpPort() + "/api/v1/users"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + user + "\",\"password\":\"" + o.password() + "\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IOException("creating " + user + ": " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Delivers messages [0, count) of the factory to the user over LMTP with {@code connections} connections;
     * returns the elapsed nanoseconds. Each message takes one round trip: its content is sent together with the
     * next transaction's MAIL, RCPT and DATA (RFC 2920 allows commands after the content in one group).
     */
    long fill(String user, int count, int connections, boolean progress) throws Exception {
        MessageFactory factory = new MessageFactory(user + "@localhost", count);
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, count / 10);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < connections; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    deliver(user, factory, worker, connections, count, () -> {
                        int n = done.incrementAndGet();
                        if (progress && n % step == 0) {
                            double s = (System.nanoTime() - t0) / 1e9;
                            System.out.printf("  filled %d/%d in %.1f s (%.0f messages/s)%n", n, count, s, n / s);
                        }
                    });
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

    private void deliver(String user, MessageFactory factory, int first, int stride, int count, Runnable delivered)
            throws IOException {
        if (first >= count) {
            return;
        }
        String envelope = "MAIL FROM:<bench@example.org>\r\nRCPT TO:<" + user + ">\r\nDATA\r\n";
        byte[] envelopeBytes = envelope.getBytes(StandardCharsets.US_ASCII);
        try (LineClient lmtp = new LineClient(o.host(), o.lmtpPort())) {
            lmtp.expect("220");
            lmtp.send("LHLO bench\r\n");
            while (!lmtp.readLine().startsWith("250 ")) {
                // capabilities
            }
            lmtp.send(envelopeBytes);
            for (int i = first; i < count; i += stride) {
                lmtp.expect("250");
                lmtp.expect("250");
                lmtp.expect("354");
                byte[] data = factory.lmtpData(i);
                if (i + stride < count) {
                    byte[] both = new byte[data.length + envelopeBytes.length];
                    System.arraycopy(data, 0, both, 0, data.length);
                    System.arraycopy(envelopeBytes, 0, both, data.length, envelopeBytes.length);
                    data = both;
                }
                lmtp.send(data);
                lmtp.expect("250");
                delivered.run();
            }
            lmtp.send("QUIT\r\n");
        }
    }

    /** Marks all but the newest count/50 messages \Seen, in chunks; returns the elapsed nanoseconds. */
    long markSeen(ImapClient imap, int exists) throws IOException {
        long t0 = System.nanoTime();
        int last = exists - Math.max(1, exists / 50);
        for (int from = 1; from <= last; from += 10_000) {
            imap.ok("STORE " + from + ":" + Math.min(last, from + 9_999) + " +FLAGS.SILENT (\\Seen)");
        }
        return System.nanoTime() - t0;
    }
}
