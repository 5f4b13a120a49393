package org.mailshelf.admin.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per admin action: who, from where, through what, did what to what, and how it ended. Written to the
 * logger {@value #LOGGER}, which the appliance's logback.xml sends to {@code data/logs/audit.log} (kept across
 * restarts, rolled daily and by size) and nowhere else.
 */
final class AuditLog {

    static final String LOGGER = "mailshelf.audit";
    /** A request attribute a handler may set to say how an action ended, where the HTTP status cannot. */
    static final String OUTCOME = "org.mailshelf.audit.outcome";
    static final String FILE = "logs/audit.log";
    /** How far back the console page reads: plenty for the page's few hundred lines. */
    private static final int TAIL_BYTES = 256 * 1024;

    /** One entry, before it becomes a line. */
    record Entry(String admin, String address, String channel, String action, String target, String result) {
    }

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    private AuditLog() {
    }

    static void record(Entry e) {
        AUDIT.info("{}", line(e));
    }

    static String line(Entry e) {
        return "admin=" + value(e.admin()) + " from=" + value(e.address()) + " via=" + value(e.channel())
                + " action=" + value(e.action()) + " target=" + value(e.target()) + " result=" + value(e.result());
    }

    /** Quoted when it holds a space; control characters and quotes replaced, so no value can forge a line. */
    static String value(String v) {
        if (v == null || v.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(v.length());
        boolean quote = false;
        for (int i = 0; i < v.length() && out.length() < 300; i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                out.append('_');
            } else {
                quote |= c == ' ' || c == '=';
                out.append(c);
            }
        }
        return quote ? '"' + out.toString() + '"' : out.toString();
    }

    /** The newest lines of the audit file, newest first; empty if there is none yet. */
    static List<String> latest(Path file, int max) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        byte[] tail;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            tail = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(tail);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(new String(tail, StandardCharsets.UTF_8).split("\n")));
        if (tail.length == TAIL_BYTES && !lines.isEmpty()) {
            lines.remove(0); // began mid-line
        }
        lines.removeIf(String::isBlank);
        List<String> newestFirst = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && newestFirst.size() < max; i--) {
            newestFirst.add(lines.get(i));
        }
        return newestFirst;
    }
}
