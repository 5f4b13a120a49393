package org.mailshelf.api.auth;

/**
 * What one provider says of a login.
 *
 * @param status  the verdict
 * @param account the canonical account name on {@link Status#SUCCESS}, else null
 */
public record AuthResult(Status status, String account) {

    public enum Status {
        /** The password is right. */
        SUCCESS,
        /** The provider knows the user, and the password is wrong: no other provider is asked. */
        FAILURE,
        /** The provider does not know the user: the next provider is asked. */
        UNKNOWN_USER
    }

    public static AuthResult success(String account) {
        return new AuthResult(Status.SUCCESS, account);
    }

    public static AuthResult failure() {
        return new AuthResult(Status.FAILURE, null);
    }

    public static AuthResult unknownUser() {
        return new AuthResult(Status.UNKNOWN_USER, null);
    }
}
