package org.mailshelf.benchmark;

import java.util.HashMap;
import java.util.Map;

/** Command line options as {@code --name value}, with defaults. */
record Options(String host, int lmtpPort, int pop3Port, int httpPort, String adminPassword, int users,
        int messagesPerUser, int concurrency, int rounds, int messageSize, String password, int warmups) {

    static Options parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return new Options(m.getOrDefault("host", "127.0.0.1"), intOf(m, "lmtp-port", 10024),
                intOf(m, "pop3-port", 10110), intOf(m, "http-port", 8080), m.get("admin-password"),
                intOf(m, "users", 40), intOf(m, "messages", 20), intOf(m, "concurrency", 4),
                intOf(m, "rounds", 5), intOf(m, "size", 4096), m.getOrDefault("password", "bench-pw"),
                intOf(m, "warmups", 1));
    }

    private static int intOf(Map<String, String> m, String key, int fallback) {
        return m.containsKey(key) ? Integer.parseInt(m.get(key)) : fallback;
    }
}
