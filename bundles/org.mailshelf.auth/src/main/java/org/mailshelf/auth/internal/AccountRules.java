package org.mailshelf.auth.internal;

import java.util.regex.Pattern;

/** What a local account name and password may look like. */
final class AccountRules {

    /** Longest password accepted (chars); protocol lines are limited anyway, this bounds the hashing work. */
    static final int MAX_PASSWORD_CHARS = 1024;

    // lower-case only: logins are lower-cased before providers see them, so "Alice" could never log in
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private AccountRules() {
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static void checkName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("Invalid account name '" + name + "': use 1 to 64 characters "
                    + "a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length == 0 || isBlank(password)) {
            throw new IllegalArgumentException("The password must not be empty");
        }
        if (password.length > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("The password must not be longer than " + MAX_PASSWORD_CHARS
                    + " characters");
        }
    }

    private static boolean isBlank(char[] password) {
        for (char c : password) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
