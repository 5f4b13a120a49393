package org.mailshelf.protocol.lmtp;

import org.mailshelf.api.auth.Authenticator;

/** What commands may consult besides the session state: the listener's settings and who receives mail. */
record LmtpContext(LmtpConfig config, Authenticator authenticator) {
}
