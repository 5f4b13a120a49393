package org.mailshelf.auth.ldap.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class UserFilterTest {

    private static String filter(String template, String user) {
        return new UserFilter(template).forUser(user).toString();
    }

    @Test
    public void plainNameGoesIn() {
        assertEquals("(uid=ada)", filter("(uid={0})", "ada"));
        assertEquals("(&(objectClass=inetOrgPerson)(|(uid=ada)(mail=ada)))",
                filter("(&(objectClass=inetOrgPerson)(|(uid={0})(mail={0})))", "ada"));
    }

    @Test
    public void metacharactersAreEscaped() {
        assertEquals("(uid=\\2a)", filter("(uid={0})", "*"));
        assertEquals("(uid=ada\\29\\28uid=\\2a)", filter("(uid={0})", "ada)(uid=*"));
        assertEquals("(uid=\\2a\\29\\28|\\28uid=\\2a)", filter("(uid={0})", "*)(|(uid=*"));
        assertEquals("(uid=a\\5cb\\00)", filter("(uid={0})", "a\\b\u0000"));
    }

    @Test
    public void dollarAndBracesAreLiteral() {
        assertEquals("(uid=$1{0})", filter("(uid={0})", "$1{0}"));
    }
}
