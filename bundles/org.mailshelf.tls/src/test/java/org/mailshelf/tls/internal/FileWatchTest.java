package org.mailshelf.tls.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.tls.internal.FileWatch.Outcome;

/** The checks themselves, called directly; one test lets the thread run them. */
public class FileWatchTest {

    /** Long enough that the scheduled checks never run while a test calls check. */
    private static final Duration NEVER = Duration.ofHours(1);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private Path chain;
    private Path key;
    private final AtomicInteger reloads = new AtomicInteger();
    private volatile String failure;
    private FileWatch watch;

    @Before
    public void setUp() throws IOException {
        chain = TestPki.write(folder.getRoot().toPath().resolve("chain.pem"), "chain 1");
        key = TestPki.write(folder.getRoot().toPath().resolve("key.pem"), "key 1");
    }

    @After
    public void tearDown() {
        if (watch != null) {
            watch.close();
        }
    }

    @Test
    public void reloadsWhenEitherFileChanges() throws Exception {
        watch(true);
        assertEquals(Outcome.UNCHANGED, watch.check());

        TestPki.write(key, "key 22");
        assertEquals(Outcome.LOADED, watch.check());
        assertEquals(Outcome.UNCHANGED, watch.check());
        TestPki.write(chain, "chain 333");
        assertEquals(Outcome.LOADED, watch.check());
        assertEquals(2, reloads.get());
    }

    @Test
    public void followsSymbolicLinksToTheirNewTarget() throws Exception {
        Path archive = Files.createDirectory(folder.getRoot().toPath().resolve("archive"));
        Path live = Files.createDirectory(folder.getRoot().toPath().resolve("live"));
        chain = symlink(live.resolve("fullchain.pem"), TestPki.write(archive.resolve("fullchain1.pem"), "chain 1"));
        key = symlink(live.resolve("privkey.pem"), TestPki.write(archive.resolve("privkey1.pem"), "key 1"));
        watch(true);

        // as certbot renews: new files in the archive, the links pointed at them; same sizes, other files
        TestPki.write(archive.resolve("fullchain2.pem"), "chain 2");
        TestPki.write(archive.resolve("privkey2.pem"), "key 2");
        Files.delete(chain);
        Files.createSymbolicLink(chain, archive.resolve("fullchain2.pem"));
        Files.delete(key);
        Files.createSymbolicLink(key, archive.resolve("privkey2.pem"));
        assertEquals(Outcome.LOADED, watch.check());
    }

    @Test
    public void warnsOncePerChangeThatDoesNotLoadAndRetriesAtEachCheck() throws Exception {
        watch(true);
        failure = "the key does not belong to the certificate";

        TestPki.write(key, "key 22");
        assertEquals(Outcome.FAILED_AND_WARNED, watch.check());
        assertEquals(Outcome.FAILED_AGAIN, watch.check());
        TestPki.write(chain, "chain 333");
        assertEquals("another change", Outcome.FAILED_AND_WARNED, watch.check());
        Files.delete(chain);
        assertEquals("a file gone", Outcome.FAILED_AND_WARNED, watch.check());
        assertEquals(Outcome.FAILED_AGAIN, watch.check());
        assertEquals("tried at each check", 5, reloads.get());

        failure = null; // say, the admin fixed a file's mode: nothing about the files that a check sees changes
        assertEquals(Outcome.LOADED, watch.check());
        assertEquals(Outcome.UNCHANGED, watch.check());
    }

    @Test
    public void filesThatFailedToLoadAtStartAreRetriedWithoutAnotherWarning() throws Exception {
        failure = "no permission to read";
        watch(false);
        assertEquals(Outcome.FAILED_AGAIN, watch.check());
        TestPki.write(key, "key 22");
        assertEquals(Outcome.FAILED_AND_WARNED, watch.check());
        failure = null;
        assertEquals(Outcome.LOADED, watch.check());
    }

    @Test
    public void aChangeWhileTheCallerLoadsIsSeenAtTheFirstCheck() throws Exception {
        watch = new FileWatch(List.of(chain, key), reloads::incrementAndGet);
        TestPki.write(chain, "chain 22"); // after the files were noted, before start
        watch.start(NEVER, true);
        assertEquals(Outcome.LOADED, watch.check());
    }

    @Test
    public void aDaemonThreadChecksAtTheIntervalUntilClosed() throws Exception {
        long before = watchThreads();
        watch = new FileWatch(List.of(chain, key), reloads::incrementAndGet);
        watch.start(Duration.ofMillis(20), true);
        assertEquals(before + 1, watchThreads());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> FileWatch.THREAD_NAME.equals(t.getName())).allMatch(Thread::isDaemon));

        TestPki.write(key, "key 22");
        Eventually.await(Duration.ofSeconds(5), "a reload", () -> reloads.get() == 1);
        watch.close();
        Eventually.await(Duration.ofSeconds(5), "the thread ends", () -> watchThreads() == before);
    }

    /** The threads of all watches alive now. */
    static long watchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && FileWatch.THREAD_NAME.equals(t.getName())).count();
    }

    private void watch(boolean loadedAtStart) {
        watch = new FileWatch(List.of(chain, key), () -> {
            reloads.incrementAndGet();
            if (failure != null) {
                throw new IOException(failure);
            }
        });
        watch.start(NEVER, loadedAtStart);
    }

    private static Path symlink(Path link, Path target) throws IOException {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue("symbolic links: " + e, false);
            throw e;
        }
    }
}
