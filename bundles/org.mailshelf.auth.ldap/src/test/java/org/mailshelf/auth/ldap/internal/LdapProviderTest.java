package org.mailshelf.auth.ldap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.mailshelf.api.auth.AuthResult;

public class LdapProviderTest {

    private TestDirectory directory;
    private LdapProvider provider;

    @Before
    public void start() throws Exception {
        directory = TestDirectory.plain();
        provider = directory.config().provider();
    }

    @After
    public void stop() {
        provider.deactivate();
        directory.close();
    }

    private AuthResult login(String user, String password) {
        return provider.authenticate(user, password.toCharArray());
    }

    @Test
    public void rightPasswordLogsInAsTheLowerCaseAccount() {
        assertEquals(AuthResult.success("ada"), login("ada", "ada-secret"));
        assertTrue(directory.bindDns.contains(TestDirectory.ADA_DN));
    }

    @Test
    public void wrongPasswordFails() {
        assertEquals(AuthResult.failure(), login("ada", "ada-secret-not"));
        assertEquals(AuthResult.failure(), login("ada", "grace-secret"));
    }

    @Test
    public void unknownUserIsLeftToTheNextProvider() {
        assertEquals(AuthResult.unknownUser(), login("nobody", "ada-secret"));
    }

    @Test
    public void emptyPasswordFailsWithoutAskingTheDirectory() {
        // RFC 4513 5.1.2: a DN with an empty password is an anonymous bind, which a server answers "success"
        assertEquals(AuthResult.failure(), login("ada", ""));
        assertEquals(AuthResult.failure(), login("nobody", ""));

        assertEquals(0, directory.searches.get());
        assertFalse(directory.bindDns.contains(TestDirectory.ADA_DN));
    }

    @Test
    public void filterMetacharactersInTheLoginAreEscaped() {
        for (String attack : List.of("*", "ada*", "a*a", "ada)(uid=*", "*)(|(uid=*", "*)(uid=*))(|(uid=*",
                "ada\\2a", "ada\u0000")) {
            assertEquals(attack, AuthResult.unknownUser(), login(attack, "ada-secret"));
            assertFalse(attack, provider.exists(attack));
        }
        assertFalse(directory.bindDns.contains(TestDirectory.ADA_DN));
    }

    @Test
    public void twoEntriesForOneLoginFail() {
        assertEquals(AuthResult.failure(), login("twin", "twin-secret"));
        assertFalse(provider.exists("twin"));
        assertTrue(directory.bindDns.stream().noneMatch(dn -> dn.startsWith("uid=twin")));
    }

    @Test
    public void filterMatchingManyEntriesFails() {
        // more entries than the size limit of 2: the server stops with sizeLimitExceeded
        provider.modified(directory.config().set("user.filter", "(|(uid={0})(objectClass=inetOrgPerson))").build());

        assertEquals(AuthResult.failure(), login("ada", "ada-secret"));
        assertFalse(provider.exists("ada"));
    }

    @Test
    public void existsIsTrueForExactlyOneEntry() {
        assertTrue(provider.exists("ada"));
        assertTrue(provider.exists("grace"));
        assertFalse(provider.exists("nobody"));
        assertFalse(provider.exists(""));
        assertFalse(directory.bindDns.contains(TestDirectory.ADA_DN));
    }

    @Test
    public void theServiceAccountSearches() {
        login("ada", "ada-secret");
        assertTrue(directory.bindDns.contains(TestDirectory.SERVICE_DN));
    }

    @Test
    public void anonymousSearchRefusedIsNoVerdict() {
        // this directory requires a bind to search: without the service account it cannot say who exists
        provider.modified(new TestConfig(directory.url(), TestDirectory.BASE).build());

        assertThrows(DirectoryUnavailableException.class, () -> login("ada", "ada-secret"));
    }

    @Test
    public void modifiedBaseDnTakesEffect() {
        assertEquals(AuthResult.success("grace"), login("grace", "grace-secret"));

        provider.modified(directory.config().set("base.dn", TestDirectory.PEOPLE).build());
        assertEquals(AuthResult.unknownUser(), login("grace", "grace-secret"));
        assertEquals(AuthResult.success("ada"), login("ada", "ada-secret"));

        provider.modified(directory.config().set("base.dn", TestDirectory.STAFF).build());
        assertEquals(AuthResult.success("grace"), login("grace", "grace-secret"));
        assertEquals(AuthResult.unknownUser(), login("ada", "ada-secret"));
    }

    @Test
    public void accountAttributeNamesTheAccount() throws Exception {
        directory.person("uid=alan," + TestDirectory.PEOPLE, "alan", "Turing", "alan-secret");
        provider.modified(directory.config().set("account.attribute", "cn").build());
        assertEquals(AuthResult.success("turing"), login("alan", "alan-secret"));
    }

    @Test
    public void unusableAccountNameFails() {
        // "ada lovelace" has a space: no mail account can have that name
        provider.modified(directory.config().set("account.attribute", "cn").build());
        assertEquals(AuthResult.failure(), login("ada", "ada-secret"));
    }

    @Test
    public void callersPasswordArrayIsLeftAlone() {
        char[] password = "ada-secret".toCharArray();
        provider.authenticate("ada", password);
        assertEquals("ada-secret", new String(password));
    }

    @Test
    public void deactivatedProviderNoLongerAsks() {
        assertEquals(AuthResult.success("ada"), login("ada", "ada-secret"));
        provider.deactivate();
        assertThrows(DirectoryUnavailableException.class, () -> login("ada", "ada-secret"));
    }
}
