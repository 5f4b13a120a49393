package org.mailshelf.tls.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the admin's certificate and key when either file changes: ACME clients such as certbot replace them in
 * place or point a symbolic link at new files, and tell no one. Polled rather than watched with a WatchService,
 * which watches directories, not the file a link leads to.
 *
 * <p>A change that does not load (a copy half done, the key written before its certificate) is warned about once
 * and tried again at each check, so the pair is taken as soon as it is whole; the certificate in use stays.
 */
final class FileWatch {

    static final String THREAD_NAME = "mailshelf-tls-files";

    /** Loads and uses the files, or throws saying why they cannot be used. */
    interface Reload {
        void run() throws Exception;
    }

    /** What a check did; the scheduled checks ignore it, tests read it. */
    enum Outcome {
        UNCHANGED, LOADED, FAILED_AND_WARNED, FAILED_AGAIN
    }

    /** A file as a check sees it, through any links: which file, when written, how long; all null when missing. */
    private record Stamp(Object fileKey, FileTime modified, Long size) {
    }

    private final Logger log = LoggerFactory.getLogger(FileWatch.class);
    private final List<Path> files;
    private final Reload reload;
    private final List<Stamp> noted;
    /** Its thread starts with the first check scheduled. */
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, THREAD_NAME);
        thread.setDaemon(true); // never what keeps the JVM from exiting
        return thread;
    });
    // the two below belong to the watch thread once started (or to a test calling check)
    private List<Stamp> loaded;
    private List<Stamp> warned;

    /** Notes the files as they are now, before the caller loads them, so a change while it does is not missed. */
    FileWatch(List<Path> files, Reload reload) {
        this.files = List.copyOf(files);
        this.reload = reload;
        this.noted = stamps();
    }

    /**
     * @param loadedAsNoted whether the caller's load succeeded; if not, it has said why, and the files are tried
     *                      again at each check without another warning until they change
     */
    void start(Duration interval, boolean loadedAsNoted) {
        if (loadedAsNoted) {
            loaded = noted;
        } else {
            warned = noted;
        }
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One look at the files: reloads them when they differ from what was last loaded. */
    Outcome check() {
        List<Stamp> now = stamps();
        if (now.equals(loaded)) {
            return Outcome.UNCHANGED;
        }
        try {
            reload.run();
            loaded = now;
            return Outcome.LOADED;
        } catch (Exception e) { // whatever it is, the next check must still run
            if (now.equals(warned)) {
                return Outcome.FAILED_AGAIN;
            }
            log.warn("{} changed but cannot be used: {}. The certificate in use stays; trying again at each check",
                    files, Failures.describe(e));
            warned = now;
            return Outcome.FAILED_AND_WARNED;
        }
    }

    /** Ends the checks without waiting: a check under way finishes on its own. */
    void stop() {
        executor.shutdownNow();
    }

    /** Ends the checks and waits a moment for a check under way, so none runs after this returns. */
    void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("A check of {} did not end within 5 s", files);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller's to handle; the check ends on its own
        }
    }

    private List<Stamp> stamps() {
        List<Stamp> stamps = new ArrayList<>();
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamps.add(new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size()));
            } catch (IOException e) {
                stamps.add(new Stamp(null, null, null)); // loading says why
            }
        }
        return stamps;
    }
}
