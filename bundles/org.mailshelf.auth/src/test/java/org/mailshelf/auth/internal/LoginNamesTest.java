package org.mailshelf.auth.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class LoginNamesTest {

    private final LoginNames names = new LoginNames(List.of("localhost", "Example.ORG"), false);

    @Test
    public void plainNameIsTrimmedAndLowerCased() {
        assertEquals(Optional.of("alice"), names.fromLogin("  Alice "));
    }

    @Test
    public void configuredDomainIsDroppedCaseInsensitively() {
        assertEquals(Optional.of("alice"), names.fromLogin("alice@localhost"));
        assertEquals(Optional.of("alice"), names.fromLogin("ALICE@LocalHost"));
        assertEquals(Optional.of("bob"), names.fromLogin("bob@example.org"));
    }

    @Test
    public void otherDomainIsRefused() {
        assertEquals(Optional.empty(), names.fromLogin("alice@other.org"));
        assertEquals(Optional.empty(), names.fromLogin("alice@"));
        assertEquals(Optional.empty(), names.fromLogin("alice@localhost.evil.org"));
    }

    @Test
    public void emptyLoginsAreRefused() {
        assertEquals(Optional.empty(), names.fromLogin(null));
        assertEquals(Optional.empty(), names.fromLogin("   "));
        assertEquals(Optional.empty(), names.fromLogin("@localhost"));
    }

    @Test
    public void acceptAnyDomain() {
        LoginNames any = new LoginNames(List.of(), true);
        assertEquals(Optional.of("alice"), any.fromLogin("Alice@anywhere.example"));
        assertEquals(Optional.empty(), any.fromLogin("alice@"));
    }

    @Test
    public void addressesLoseAngleBracketsAndSourceRoutes() {
        assertEquals(Optional.of("alice"), names.fromAddress("<Alice@localhost>"));
        assertEquals(Optional.of("alice"), names.fromAddress("<@relay.example,@b.example:alice@localhost>"));
        assertEquals(Optional.of("alice"), names.fromAddress("alice"));
        assertEquals(Optional.empty(), names.fromAddress("<>"));
        assertEquals(Optional.empty(), names.fromAddress("<alice@other.org>"));
    }
}
