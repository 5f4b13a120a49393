package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.Test;
import org.mailshelf.admin.internal.AdminAuth.Verdict;

public class AdminAuthTest {

    private static final String PASSWORD = "s3cret:with colon \u00e9";
    private final AdminAuth auth = AdminAuth.fromHash(hash(PASSWORD));

    /** The unsalted form the launcher writes: {sha-256} + base64(SHA-256(UTF-8 password)). */
    static String hash(String password) {
        return "{sha-256}" + Base64.getEncoder().encodeToString(sha256(password.getBytes(StandardCharsets.UTF_8)));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void grantsTheRightCredentials() {
        assertEquals(Verdict.GRANTED, auth.check(basic("admin", PASSWORD)));
        assertEquals(Verdict.GRANTED, auth.check("basic   " + basic("admin", PASSWORD).substring(6) + " "));
        String upperCaseAlgorithm = "{SHA-256}" + hash("x").substring("{sha-256}".length());
        assertEquals(Verdict.GRANTED, AdminAuth.fromHash(upperCaseAlgorithm).check(basic("admin", "x")));
    }

    @Test
    public void deniesWrongCredentials() {
        assertEquals(Verdict.DENIED, auth.check(basic("admin", "wrong")));
        assertEquals(Verdict.DENIED, auth.check(basic("admin", PASSWORD + " ")));
        assertEquals(Verdict.DENIED, auth.check(basic("root", PASSWORD)));
        assertEquals(Verdict.DENIED, auth.check(basic("Admin", PASSWORD)));
        assertEquals(Verdict.DENIED, auth.check(basic("", PASSWORD)));
        assertEquals(Verdict.DENIED, auth.check(basic("admin", "")));
    }

    @Test
    public void tellsMissingFromMalformedCredentials() {
        assertEquals(Verdict.MISSING, auth.check(null));
        assertEquals(Verdict.MISSING, auth.check(""));
        assertEquals(Verdict.MISSING, auth.check("  "));
        String noColon = Base64.getEncoder().encodeToString("admin".getBytes(StandardCharsets.UTF_8));
        String badUtf8 = Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xC3});
        for (String header : new String[] {"Basic", "Basic ", "Basic !!!notbase64", "Bearer abc", "Digest x",
            "Basic " + noColon, "Basic " + badUtf8, "Basicx " + basic("admin", PASSWORD).substring(6)}) {
            assertEquals(header, Verdict.DENIED, auth.check(header));
        }
    }

    @Test
    public void refusesEverythingWithoutAUsableHash() {
        for (String hash : new String[] {null, "", "admin", "{sha-256}", "{sha-256}!!!", "{md5}abc",
            "{sha-256}" + Base64.getEncoder().encodeToString(new byte[16]), "{sha-256}a-b-c-d",
            "{sha-256}salt-x-" + hash("x").substring(9), "{sha-256}salt-0-" + hash("x").substring(9)}) {
            AdminAuth disabled = AdminAuth.fromHash(hash);
            assertFalse(String.valueOf(hash), disabled.isEnabled());
            assertEquals(Verdict.DISABLED, disabled.check(basic("admin", "x")));
            assertEquals(Verdict.DISABLED, disabled.check(null));
        }
        assertTrue(auth.isEnabled());
    }

    @Test
    public void acceptsTheConsolesSaltedForm() {
        String salt = "0a1b2c3d4e5f6a7b";
        byte[] digest = (salt + PASSWORD).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1000; i++) {
            digest = sha256(digest);
        }
        String salted = "{sha-256}" + salt + "-1000-" + Base64.getEncoder().encodeToString(digest);
        AdminAuth saltedAuth = AdminAuth.fromHash(salted);
        assertEquals(Verdict.GRANTED, saltedAuth.check(basic("admin", PASSWORD)));
        assertEquals(Verdict.DENIED, saltedAuth.check(basic("admin", "wrong")));

        String once = "{sha-256}" + salt + "-"
                + Base64.getEncoder().encodeToString(sha256((salt + "pw").getBytes(StandardCharsets.UTF_8)));
        assertEquals(Verdict.GRANTED, AdminAuth.fromHash(once).check(basic("admin", "pw")));
    }
}
