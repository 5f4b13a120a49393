package org.mailshelf.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory an idle IMAP connection costs the server: opens K connections that LOGIN and SELECT INBOX of a
 * small mailbox, leaves them idle, and compares the server's RSS and Java heap before, with them open, and
 * after closing them.
 */
final class IdleConnections {
    private final ImapOptions o;

    IdleConnections(ImapOptions options) {
        this.o = options;
    }

    void run(String user) throws Exception {
        int k = o.idleConnections();
        ServerMemory memory = new ServerMemory(o.serverPid(), o.serverGc());
        // one connection first, so the login cache, the mailbox and the code paths are warm before "before"
        try (ImapClient warm = ImapClient.login(o.host(), o.imapPort(), user, o.password())) {
            warm.ok("SELECT INBOX");
            warm.ok("LOGOUT");
        }
        ServerMemory.Sample before = memory.sample();
        List<ImapClient> clients = new ArrayList<>(k);
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < k; i++) {
                ImapClient c = ImapClient.login(o.host(), o.imapPort(), user, o.password());
                clients.add(c);
                c.ok("SELECT INBOX");
            }
            double openSeconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(2000);
            ServerMemory.Sample open = memory.sample();
            for (ImapClient c : clients) {
                c.ok("NOOP"); // all still alive
            }
            for (ImapClient c : clients) {
                c.ok("LOGOUT");
                c.close();
            }
            clients.clear();
            Thread.sleep(2000);
            ServerMemory.Sample closed = memory.sample();
            System.out.printf("Idle connections: %d opened (LOGIN + SELECT INBOX) in %.2f s%n", k, openSeconds);
            print("before", before, before, k);
            print("with them open", open, before, k);
            print("after closing", closed, before, k);
            System.out.printf("  freed by closing them: RSS %+.1f KiB/connection, heap %+.1f KiB/connection%n",
                    (open.rssKib() - closed.rssKib()) / (double) k,
                    (open.heapUsedKib() - closed.heapUsedKib()) / (double) k);
            System.out.println("  (" + (o.serverGc() ? "each sample after a full GC via jcmd GC.run; "
                    : "no GC forced before the samples (--server-gc false), heap numbers include garbage; ")
                    + "RSS also moves with the JVM's heap sizing and malloc arenas, so the heap delta is the"
                    + " per-connection Java object cost and the RSS delta an upper bound incl. native buffers)");
        } finally {
            for (ImapClient c : clients) {
                c.close();
            }
        }
    }

    private static void print(String what, ServerMemory.Sample s, ServerMemory.Sample base, int k) {
        System.out.printf("  %-15s RSS %,d KiB (%+.1f KiB/connection), heap used %s%n", what, s.rssKib(),
                (s.rssKib() - base.rssKib()) / (double) k, s.heapUsedKib() < 0 ? "unknown (no jcmd)"
                        : String.format("%,d KiB (%+.1f KiB/connection)", s.heapUsedKib(),
                                (s.heapUsedKib() - base.heapUsedKib()) / (double) k));
    }
}
