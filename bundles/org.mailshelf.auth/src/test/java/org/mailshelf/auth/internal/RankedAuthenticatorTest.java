package org.mailshelf.auth.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

/** The DS component's own part: rankings from service properties and reconfiguration. */
public class RankedAuthenticatorTest {

    private static AuthenticatorConfig config(boolean any, String... domains) {
        return new AuthenticatorConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AuthenticatorConfig.class;
            }

            @Override
            public String[] domains() {
                return domains;
            }

            @Override
            public boolean accept_any_domain() {
                return any;
            }
        };
    }

    @Test
    public void bindsByRankingAndUnbinds() {
        RankedAuthenticator auth = new RankedAuthenticator(config(false, "localhost"));
        var low = new ProviderChainTest.FakeProvider(Map.of("alice", "low"));
        var high = new ProviderChainTest.FakeProvider(Map.of("alice", "high"));
        auth.addProvider(low, Map.of("service.id", 1L));
        auth.addProvider(high, Map.of("service.id", 2L, "service.ranking", 5));

        assertEquals(Optional.of("alice"), auth.authenticate("alice@localhost", "high".toCharArray()));
        auth.updatedProvider(high, Map.of("service.id", 2L, "service.ranking", -5));
        assertEquals(Optional.of("alice"), auth.authenticate("alice", "low".toCharArray()));
        auth.removeProvider(low, Map.of("service.id", 1L));
        assertEquals(Optional.of("alice"), auth.authenticate("alice", "high".toCharArray()));
    }

    @Test
    public void modifiedDomainsApplyInPlace() {
        RankedAuthenticator auth = new RankedAuthenticator(config(false, "localhost"));
        auth.addProvider(new ProviderChainTest.FakeProvider(Map.of("alice", "a")), Map.of("service.id", 1L));
        assertEquals(Optional.empty(), auth.resolveRecipient("alice@mail.example"));

        auth.modified(config(false, "mail.example"));
        assertEquals(Optional.of("alice"), auth.resolveRecipient("alice@mail.example"));
        auth.modified(config(true));
        assertEquals(Optional.of("alice"), auth.resolveRecipient("alice@anything.example"));
    }

    @Test
    public void rankingAcceptsIntegersAndNumericStrings() {
        assertEquals(7, RankedAuthenticator.ranking(Map.of("service.ranking", 7)));
        assertEquals(7, RankedAuthenticator.ranking(Map.of("service.ranking", " 7")));
        assertEquals(0, RankedAuthenticator.ranking(Map.of("service.ranking", "high")));
        assertEquals(0, RankedAuthenticator.ranking(Map.of()));
    }
}
