package org.mailshelf.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.mailshelf.api.auth.AuthProvider;
import org.mailshelf.api.auth.AuthResult;
import org.mailshelf.api.auth.AuthUnavailableException;

public class ProviderChainTest {

    /** Knows fixed users and passwords; records who asked it. */
    static final class FakeProvider implements AuthProvider {
        final Map<String, String> users;
        final List<String> asked = new ArrayList<>();

        FakeProvider(Map<String, String> users) {
            this.users = users;
        }

        @Override
        public AuthResult authenticate(String user, char[] password) {
            asked.add(user);
            String expected = users.get(user);
            AuthResult result = expected == null ? AuthResult.unknownUser()
                    : expected.equals(new String(password)) ? AuthResult.success(user) : AuthResult.failure();
            Arrays.fill(password, 'x'); // a careless provider: the chain must not pass this on
            return result;
        }

        @Override
        public boolean exists(String user) {
            return users.containsKey(user);
        }
    }

    static final class BrokenProvider implements AuthProvider {
        @Override
        public AuthResult authenticate(String user, char[] password) {
            throw new IllegalStateException("LDAP down");
        }

        @Override
        public boolean exists(String user) {
            throw new IllegalStateException("LDAP down");
        }
    }

    private final RankedProviders providers = new RankedProviders();
    private final ProviderChain chain = new ProviderChain(providers::inOrder,
            new LoginNames(List.of("localhost"), false));

    private Optional<String> login(String user, String password) {
        return chain.authenticate(user, password.toCharArray());
    }

    @Test
    public void higherRankingIsAskedFirst() {
        FakeProvider low = new FakeProvider(Map.of("alice", "low"));
        FakeProvider high = new FakeProvider(Map.of("alice", "high"));
        providers.put(1, 0, low);
        providers.put(2, 100, high);

        assertEquals(Optional.of("alice"), login("alice", "high"));
        // the high one knows alice and says no: the low one is never asked
        assertEquals(Optional.empty(), login("alice", "low"));
        assertTrue(low.asked.isEmpty());
    }

    @Test
    public void equalRankingsGoByServiceId() {
        FakeProvider first = new FakeProvider(Map.of("alice", "first"));
        FakeProvider second = new FakeProvider(Map.of("alice", "second"));
        providers.put(7, 5, second);
        providers.put(3, 5, first);
        assertEquals(List.of(first, second), providers.inOrder());
    }

    @Test
    public void unknownUserFallsThrough() {
        FakeProvider high = new FakeProvider(Map.of("bob", "b"));
        FakeProvider low = new FakeProvider(Map.of("alice", "secret"));
        providers.put(1, 10, high);
        providers.put(2, 0, low);

        assertEquals(Optional.of("alice"), login("alice@localhost", "secret"));
        assertEquals(List.of("alice"), high.asked);
        assertEquals(Optional.empty(), login("carol", "x"));
    }

    @Test
    public void failureStops() {
        FakeProvider high = new FakeProvider(Map.of("alice", "right"));
        FakeProvider low = new FakeProvider(Map.of("alice", "wrong"));
        providers.put(1, 10, high);
        providers.put(2, 0, low);

        assertEquals(Optional.empty(), login("alice", "wrong"));
        assertTrue(low.asked.isEmpty());
    }

    @Test
    public void aProviderThatCannotAnswerFailsLoginsAndUnknownRecipientsTemporarily() {
        FakeProvider ok = new FakeProvider(Map.of("alice", "secret"));
        providers.put(1, 100, new BrokenProvider());
        providers.put(2, 0, ok);

        // not "wrong password", and not a lower provider's answer for a name the broken one may own
        assertThrows(AuthUnavailableException.class, () -> login("alice", "secret"));
        // a recipient another provider knows is accepted; one nobody can vouch for is refused for now, not bounced
        assertEquals(Optional.of("alice"), chain.resolveRecipient("<alice@localhost>"));
        assertThrows(AuthUnavailableException.class, () -> chain.resolveRecipient("<carol@localhost>"));
    }

    @Test
    public void aProviderWhoseBundleLeftIsSkipped() {
        providers.put(1, 100, new AuthProvider() {
            @Override
            public AuthResult authenticate(String user, char[] password) {
                throw new NoClassDefFoundError("org/example/Gone");
            }

            @Override
            public boolean exists(String user) {
                throw new NoClassDefFoundError("org/example/Gone");
            }
        });
        providers.put(2, 0, new FakeProvider(Map.of("alice", "secret")));
        assertEquals(Optional.of("alice"), login("alice", "secret"));
        assertEquals(Optional.empty(), chain.resolveRecipient("<carol@localhost>"));
    }

    @Test
    public void eachProviderSeesTheOriginalPassword() {
        FakeProvider first = new FakeProvider(Map.of("bob", "b"));
        FakeProvider second = new FakeProvider(Map.of("alice", "secret"));
        providers.put(1, 10, first);
        providers.put(2, 0, second);
        char[] password = "secret".toCharArray();

        assertEquals(Optional.of("alice"), chain.authenticate("alice", password));
        assertEquals("secret", new String(password));
    }

    @Test
    public void providersComeAndGo() {
        FakeProvider local = new FakeProvider(Map.of("alice", "local"));
        FakeProvider ldap = new FakeProvider(Map.of("alice", "ldap"));
        assertEquals(Optional.empty(), login("alice", "local"));

        providers.put(1, 0, local);
        assertEquals(Optional.of("alice"), login("alice", "local"));

        providers.put(2, 50, ldap);
        assertEquals(Optional.empty(), login("alice", "local"));
        assertEquals(Optional.of("alice"), login("alice", "ldap"));

        providers.put(2, -50, ldap); // ranking changed
        assertEquals(Optional.of("alice"), login("alice", "local"));

        providers.remove(1);
        assertEquals(Optional.of("alice"), login("alice", "ldap"));
        providers.remove(2);
        assertEquals(Optional.empty(), login("alice", "ldap"));
    }

    @Test
    public void domainsAreChecked() {
        providers.put(1, 0, new FakeProvider(Map.of("alice", "secret")));
        assertEquals(Optional.of("alice"), login("Alice@LOCALHOST", "secret"));
        assertEquals(Optional.empty(), login("alice@other.org", "secret"));

        chain.setNames(new LoginNames(List.of("other.org"), false));
        assertEquals(Optional.of("alice"), login("alice@other.org", "secret"));
        assertEquals(Optional.empty(), login("alice@localhost", "secret"));
    }

    @Test
    public void recipientsResolveThroughAnyProvider() {
        providers.put(1, 10, new FakeProvider(Map.of("bob", "b")));
        providers.put(2, 0, new FakeProvider(Map.of("alice", "a")));
        assertEquals(Optional.of("alice"), chain.resolveRecipient("<ALICE@localhost>"));
        assertEquals(Optional.of("bob"), chain.resolveRecipient("bob"));
        assertEquals(Optional.empty(), chain.resolveRecipient("carol@localhost"));
        assertEquals(Optional.empty(), chain.resolveRecipient("alice@other.org"));
    }
}
