package org.mailshelf.benchmark;

import java.io.IOException;

/**
 * IMAP on a large mailbox: fills a user's INBOX over LMTP (skippable), then times SELECT, UID FETCH 1:* (FLAGS),
 * SEARCH SUBJECT/BODY, FETCH ENVELOPE BODYSTRUCTURE and UID SEARCH UNSEEN from the command to its tagged
 * completion, and the server memory of idle connections. See README.md beside this module.
 */
public final class ImapBenchmark {
    private final ImapOptions o;

    private ImapBenchmark(ImapOptions options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        ImapOptions options = ImapOptions.parse(args);
        if (options.adminPassword() == null && (options.fill() || options.idleConnections() > 0)) {
            System.err.println("usage: java -cp mailshelf-benchmark.jar org.mailshelf.benchmark.ImapBenchmark"
                    + " --admin-password P [--user imapbench] [--password bench-pw] [--messages 100000]"
                    + " [--fill true] [--fill-connections 4] [--repetitions 10] [--idle-connections 500]"
                    + " [--server-pid PID] [--server-gc true] [--host 127.0.0.1] [--imap-port 10143]"
                    + " [--lmtp-port 10024] [--http-port 8080]");
            System.exit(2);
        }
        new ImapBenchmark(options).run();
    }

    private void run() throws Exception {
        MailboxFiller filler = new MailboxFiller(o);
        if (o.fill()) {
            filler.createUser(o.user());
            System.out.printf("Filling %s's INBOX with %d messages over %d LMTP connections%n", o.user(),
                    o.messages(), o.fillConnections());
            long nanos = filler.fill(o.user(), o.messages(), o.fillConnections(), true);
            System.out.printf("Fill: %d messages in %.1f s = %.0f messages/s%n", o.messages(), nanos / 1e9,
                    o.messages() / (nanos / 1e9));
            try (ImapClient imap = login()) {
                long t0 = System.nanoTime();
                int exists = exists(imap.ok("SELECT INBOX", true));
                System.out.printf("SELECT INBOX, the first after the fill: %.2f ms%n", (System.nanoTime() - t0) / 1e6);
                long seen = filler.markSeen(imap, exists);
                System.out.printf("STORE +FLAGS.SILENT (\\Seen) on all but the newest 2%% of %d: %.1f s%n", exists,
                        seen / 1e9);
            }
        }
        measure();
        if (o.idleConnections() > 0) {
            if (o.serverPid() <= 0) {
                System.out.println("Idle connections: skipped, no --server-pid");
            } else {
                String small = o.user() + "idle";
                filler.createUser(small);
                try (ImapClient imap = login(small)) {
                    int exists = exists(imap.ok("SELECT INBOX", true));
                    if (exists < 20) {
                        filler.fill(small, 20 - exists, 1, false);
                    }
                }
                new IdleConnections(o).run(small);
            }
        }
    }

    private void measure() throws IOException {
        int reps = o.repetitions();
        Latencies fresh = new Latencies();
        Latencies warm = new Latencies();
        int exists = 0;
        for (int r = 0; r < reps; r++) {
            try (ImapClient imap = login()) {
                long t0 = System.nanoTime();
                ImapClient.Reply reply = imap.ok("SELECT INBOX", true);
                fresh.add(System.nanoTime() - t0);
                exists = exists(reply);
                if (r == 0) {
                    System.out.printf("INBOX of %s: %d messages%n", o.user(), exists);
                    System.out.printf("SELECT INBOX, first of the measurements (after the STORE of the fill, or the first"
                            + " of this run with --fill false): %.2f ms"
                            + "   [goal < 60 ms cold; Dovecot 58 ms cold, 0.3 ms warm]%n", fresh.percentileMs(0));
                }
                t0 = System.nanoTime();
                imap.ok("SELECT INBOX");
                warm.add(System.nanoTime() - t0);
                imap.ok("LOGOUT");
            }
        }
        System.out.println("SELECT INBOX, first on a fresh connection: " + fresh.minMedianMax());
        System.out.println("SELECT INBOX, warm (again on the same connection): " + warm.minMedianMax());
        try (ImapClient imap = login()) {
            imap.ok("SELECT INBOX");
            time(imap, "UID FETCH 1:* (FLAGS)", "goal < 50 ms; Dovecot 50 ms");
            time(imap, "SEARCH SUBJECT " + MessageFactory.SUBJECT_WORD, "goal < 170 ms; Dovecot 164 ms");
            time(imap, "SEARCH BODY " + MessageFactory.BODY_WORD, "goal < 500 ms; Dovecot 2.5 s");
            time(imap, "FETCH 1:" + Math.min(100, Math.max(1, exists)) + " (ENVELOPE BODYSTRUCTURE)", "");
            time(imap, "UID SEARCH UNSEEN", "");
            imap.ok("LOGOUT");
        }
    }

    /** Runs the command the given number of times on one connection and prints its latencies. */
    private void time(ImapClient imap, String command, String goal) throws IOException {
        Latencies latencies = new Latencies();
        ImapClient.Reply last = null;
        double first = 0;
        boolean search = command.contains("SEARCH");
        for (int r = 0; r < o.repetitions(); r++) {
            long t0 = System.nanoTime();
            last = imap.ok(command, search);
            long nanos = System.nanoTime() - t0;
            latencies.add(nanos);
            if (r == 0) {
                first = nanos / 1e6;
            }
        }
        String result = search ? searchCount(last) + " matches" : last.untagged() + " responses";
        System.out.printf("%s: first %.2f ms; %s; %s, %,d bytes%s%n", command, first, latencies.minMedianMax(),
                result, last.bytes(), goal.isEmpty() ? "" : "   [" + goal + "]");
    }

    private static int searchCount(ImapClient.Reply reply) {
        int n = 0;
        for (String line : reply.lines()) {
            if (line.startsWith("* SEARCH")) {
                String rest = line.substring("* SEARCH".length()).trim();
                n += rest.isEmpty() ? 0 : rest.split(" +").length;
            }
        }
        return n;
    }

    private static int exists(ImapClient.Reply select) {
        for (String line : select.lines()) {
            if (line.startsWith("* ") && line.endsWith(" EXISTS")) {
                return Integer.parseInt(line.substring(2, line.length() - " EXISTS".length()));
            }
        }
        return 0;
    }

    private ImapClient login() throws IOException {
        return login(o.user());
    }

    private ImapClient login(String user) throws IOException {
        return ImapClient.login(o.host(), o.imapPort(), user, o.password());
    }
}
