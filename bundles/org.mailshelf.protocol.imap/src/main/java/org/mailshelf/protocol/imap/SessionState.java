package org.mailshelf.protocol.imap;

/** Where a session is (RFC 3501 section 3); each state carries only what is valid in it. */
sealed interface SessionState {

    /** The phase the command table checks against. */
    Phase phase();

    record NotAuthenticated() implements SessionState {
        @Override
        public Phase phase() {
            return Phase.NOT_AUTHENTICATED;
        }
    }

    record Authenticated(String account) implements SessionState {
        @Override
        public Phase phase() {
            return Phase.AUTHENTICATED;
        }
    }

    record Selected(String account, SelectedMailbox mailbox, boolean readOnly) implements SessionState {
        @Override
        public Phase phase() {
            return Phase.SELECTED;
        }
    }

    /** LOGOUT done, or the connection is gone: input is ignored. */
    record Logout() implements SessionState {
        @Override
        public Phase phase() {
            return Phase.LOGOUT;
        }
    }
}
