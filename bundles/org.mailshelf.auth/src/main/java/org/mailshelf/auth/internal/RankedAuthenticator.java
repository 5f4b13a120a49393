package org.mailshelf.auth.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailshelf.api.auth.AuthProvider;
import org.mailshelf.api.auth.Authenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link Authenticator} service: collects every {@link AuthProvider} dynamically, so installing or stopping a
 * provider bundle takes effect for the next login. The logic lives in {@link ProviderChain}.
 * <p>
 * It waits for its configuration: with built-in defaults it would be up during boot before the configured
 * domains are read, and LMTP would meanwhile refuse mail for them with a permanent 550, which an MTA bounces.
 */
@Component(name = RankedAuthenticator.PID, configurationPid = RankedAuthenticator.PID, service = Authenticator.class,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AuthenticatorConfig.class)
public class RankedAuthenticator implements Authenticator {

    static final String PID = "org.mailshelf.auth";

    private final RankedProviders providers = new RankedProviders();
    private final ProviderChain chain;

    @Activate
    public RankedAuthenticator(AuthenticatorConfig config) {
        chain = new ProviderChain(providers::inOrder, names(config));
    }

    /** Domains change in place: reactivating would drop and rebind every provider, failing logins meanwhile. */
    @Modified
    void modified(AuthenticatorConfig config) {
        chain.setNames(names(config));
    }

    @Reference(name = "providers", service = AuthProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedProvider", unbind = "removeProvider")
    void addProvider(AuthProvider provider, Map<String, Object> properties) {
        providers.put(serviceId(properties), ranking(properties), provider);
    }

    void updatedProvider(AuthProvider provider, Map<String, Object> properties) {
        providers.put(serviceId(properties), ranking(properties), provider);
    }

    void removeProvider(AuthProvider provider, Map<String, Object> properties) {
        providers.remove(serviceId(properties));
    }

    @Override
    public Optional<String> authenticate(String login, char[] password) {
        return chain.authenticate(login, password);
    }

    @Override
    public Optional<String> resolveRecipient(String address) {
        return chain.resolveRecipient(address);
    }

    private static LoginNames names(AuthenticatorConfig config) {
        String[] domains = config.domains();
        return new LoginNames(domains == null ? List.of() : Arrays.asList(domains), config.accept_any_domain());
    }

    private static long serviceId(Map<String, Object> properties) {
        return ((Number) properties.get("service.id")).longValue();
    }

    /**
     * The OSGi rule counts only an Integer ranking; a .cfg file read by FileInstall yields a String, so a
     * numeric string is honoured too rather than silently ranking 0.
     */
    static int ranking(Map<String, Object> properties) {
        Object value = properties.get("service.ranking");
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
