package org.mailshelf.auth.ldap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.Test;
import org.mailshelf.api.auth.AuthResult;

/** A directory that is down, slow or one of several: no verdict is invented, and recovery needs no restart. */
public class LdapProviderOutageTest {

    @Test
    public void stoppedDirectoryThrowsAndRecovers() throws Exception {
        try (TestDirectory directory = TestDirectory.plain()) {
            LdapProvider provider = directory.config().provider();
            try {
                assertEquals(AuthResult.success("ada"), provider.authenticate("ada", "ada-secret".toCharArray()));

                directory.stop();
                assertThrows(DirectoryUnavailableException.class,
                        () -> provider.authenticate("ada", "ada-secret".toCharArray()));
                assertThrows(DirectoryUnavailableException.class, () -> provider.exists("ada"));

                directory.start();
                assertEquals(AuthResult.success("ada"), provider.authenticate("ada", "ada-secret".toCharArray()));
            } finally {
                provider.deactivate();
            }
        }
    }

    @Test
    public void activatesWhileTheDirectoryIsDown() throws Exception {
        try (TestDirectory directory = TestDirectory.plain()) {
            directory.stop();
            LdapProvider provider = directory.config().provider();
            try {
                assertThrows(DirectoryUnavailableException.class,
                        () -> provider.authenticate("ada", "ada-secret".toCharArray()));

                directory.start();
                assertEquals(AuthResult.success("ada"), provider.authenticate("ada", "ada-secret".toCharArray()));
                assertTrue(provider.exists("grace"));
            } finally {
                provider.deactivate();
            }
        }
    }

    @Test
    public void silentDirectoryTimesOut() throws Exception {
        // the kernel completes the TCP handshake, nobody ever answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            LdapProvider provider = new TestConfig("ldap://127.0.0.1:" + silent.getLocalPort(),
                    TestDirectory.BASE).set("response.timeout.ms", 300).provider();
            try {
                long start = System.nanoTime();
                assertThrows(DirectoryUnavailableException.class,
                        () -> provider.authenticate("ada", "ada-secret".toCharArray()));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue("took " + millis + " ms", millis < 3000);
            } finally {
                provider.deactivate();
            }
        }
    }

    @Test
    public void failsOverToTheNextUrl() throws Exception {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            deadPort = probe.getLocalPort();
        }
        try (TestDirectory directory = TestDirectory.plain()) {
            String urls = "ldap://127.0.0.1:" + deadPort + "  " + directory.url();
            LdapProvider provider = directory.config().set("url", urls).provider();
            try {
                assertEquals(AuthResult.success("ada"), provider.authenticate("ada", "ada-secret".toCharArray()));
            } finally {
                provider.deactivate();
            }
        }
    }
}
