package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/** LOGIN (RFC 3501 section 6.2.3). */
final class LoginCommand implements ImapCommand {

    /** The parsed command; {@code toString} leaves the password out. */
    record Request(String user, char[] password) {
        static Request parse(ArgumentReader args) throws ParseException {
            String user = args.astring();
            byte[] password = args.astringBytes();
            args.end();
            return new Request(user, Login.chars(password, 0));
        }

        @Override
        public String toString() {
            return "LOGIN " + user;
        }
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        Login.requirePrivacy(session);
        Request r = Request.parse(args);
        Login.attempt(session, tag, r.user(), r.password());
    }
}
