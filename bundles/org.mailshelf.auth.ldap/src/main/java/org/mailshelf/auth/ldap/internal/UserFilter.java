package org.mailshelf.auth.ldap.internal;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * The configured search filter with {@code {0}} standing for the login name. The name is escaped as an assertion
 * value (RFC 4515: {@code * ( ) \ NUL} and non-ASCII as {@code \xx}) before it goes in, so a login like
 * {@code *)(uid=*} matches nobody instead of everybody.
 */
final class UserFilter {

    static final String PLACEHOLDER = "{0}";

    private final String template;

    /** @throws IllegalArgumentException when the template has no placeholder or is not a filter */
    UserFilter(String template) {
        if (template == null || !template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("user.filter must contain " + PLACEHOLDER + ": " + template);
        }
        this.template = template.trim();
        forUser("probe"); // fail now on a malformed filter, not at the first login
    }

    Filter forUser(String user) {
        // String.replace is literal: no regex or '$' group handling of the escaped value
        String text = template.replace(PLACEHOLDER, Filter.encodeValue(user));
        try {
            return Filter.create(text);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("user.filter is not a valid LDAP filter: " + template, e);
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
