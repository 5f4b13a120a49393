package org.mailshelf.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples a local server process's memory: VmRSS from /proc/PID/status and, through jcmd (same user as the
 * server), the Java heap in use, optionally right after a full GC (jcmd PID GC.run, what System.gc() does).
 */
final class ServerMemory {
    /** One sample in KiB; -1 where unknown. */
    record Sample(long rssKib, long heapUsedKib) {
    }

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final long pid;
    private final boolean gc;

    ServerMemory(long pid, boolean gc) {
        this.pid = pid;
        this.gc = gc;
    }

    Sample sample() throws IOException, InterruptedException {
        if (gc) {
            jcmd("GC.run");
            Thread.sleep(500);
        }
        long rss = -1;
        Matcher m = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
        if (m.find()) {
            rss = Long.parseLong(m.group(1));
        }
        long heap = -1;
        Matcher h = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (h.find()) {
            heap = Long.parseLong(h.group(1));
        }
        return new Sample(rss, heap);
    }

    private String jcmd(String command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(output);
        } catch (IOException e) {
            return ""; // no jcmd: the heap stays unknown
        }
    }
}
