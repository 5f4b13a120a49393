package org.mailshelf.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.Test;

public class AdminPasswordTest {

    @Test
    public void storesASaltedIteratedDigest() throws Exception {
        String stored = AdminPassword.hash("s3cret");
        assertTrue(stored, stored.matches("\\{sha-256\\}[A-Za-z0-9]{16}-10000-[A-Za-z0-9+/]{43}="));
        String[] parts = stored.substring("{sha-256}".length()).split("-");
        byte[] digest = (parts[0] + "s3cret").getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 10_000; i++) {
            digest = sha256.digest(digest);
        }
        assertEquals(Base64.getEncoder().encodeToString(digest), parts[2]);
        assertNotEquals("a new salt each time", stored, AdminPassword.hash("s3cret"));
    }

    @Test
    public void oneIterationWithoutSaltIsThePlainDigest() throws Exception {
        byte[] plain = MessageDigest.getInstance("SHA-256").digest("pw".getBytes(StandardCharsets.UTF_8));
        assertEquals("{sha-256}-1-" + Base64.getEncoder().encodeToString(plain), AdminPassword.hash("pw", "", 1));
    }
}
