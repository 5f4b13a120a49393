package org.mailshelf.auth.ldap.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link LdapProviderConfig} the way DS makes one: keys are the dotted property names ({@code user.filter},
 * {@code .bind.password}), missing ones take the annotation's default.
 */
final class TestConfig {

    private final Map<String, Object> properties = new HashMap<>();

    TestConfig(String url, String baseDn) {
        set("url", url).set("base.dn", baseDn);
    }

    /** A null value leaves the key out, as a configuration without it. */
    TestConfig set(String key, Object value) {
        if (value == null) {
            properties.remove(key);
        } else {
            properties.put(key, value);
        }
        return this;
    }

    /** A provider activated with this configuration; a relative trust file is found under target/. */
    LdapProvider provider() {
        return new LdapProvider(Path.of("target"), build());
    }

    LdapProviderConfig build() {
        Map<String, Object> snapshot = Map.copyOf(properties);
        return (LdapProviderConfig) Proxy.newProxyInstance(LdapProviderConfig.class.getClassLoader(),
                new Class<?>[] {LdapProviderConfig.class}, (proxy, method, args) -> value(snapshot, method));
    }

    private static Object value(Map<String, Object> properties, Method method) {
        return switch (method.getName()) {
            case "annotationType" -> LdapProviderConfig.class;
            case "toString" -> "LdapProviderConfig" + properties.keySet();
            case "hashCode" -> properties.hashCode();
            case "equals" -> false;
            default -> {
                // DS: a single '_' becomes '.'
                Object value = properties.get(method.getName().replace('_', '.'));
                yield value != null ? value : method.getDefaultValue();
            }
        };
    }
}
