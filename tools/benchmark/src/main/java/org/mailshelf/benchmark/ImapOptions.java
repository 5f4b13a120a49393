package org.mailshelf.benchmark;

import java.util.HashMap;
import java.util.Map;

/** Command line options of {@link ImapBenchmark} as {@code --name value}, with defaults. */
record ImapOptions(String host, int imapPort, int lmtpPort, int httpPort, String adminPassword, String user,
        String password, int messages, boolean fill, int fillConnections, int repetitions, int idleConnections,
        long serverPid, boolean serverGc) {

    static ImapOptions parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return new ImapOptions(m.getOrDefault("host", "127.0.0.1"), intOf(m, "imap-port", 10143),
                intOf(m, "lmtp-port", 10024), intOf(m, "http-port", 8080), m.get("admin-password"),
                m.getOrDefault("user", "imapbench"), m.getOrDefault("password", "bench-pw"),
                intOf(m, "messages", 100_000), Boolean.parseBoolean(m.getOrDefault("fill", "true")),
                intOf(m, "fill-connections", 4), intOf(m, "repetitions", 10), intOf(m, "idle-connections", 500),
                Long.parseLong(m.getOrDefault("server-pid", "0")),
                Boolean.parseBoolean(m.getOrDefault("server-gc", "true")));
    }

    private static int intOf(Map<String, String> m, String key, int fallback) {
        return m.containsKey(key) ? Integer.parseInt(m.get(key)) : fallback;
    }
}
