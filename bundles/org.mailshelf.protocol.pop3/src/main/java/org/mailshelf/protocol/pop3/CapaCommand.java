package org.mailshelf.protocol.pop3;

import java.util.ArrayList;
import java.util.List;

/**
 * CAPA (RFC 2449); AUTH-RESP-CODE (RFC 3206) because failed logins carry [AUTH]. STLS before login where the
 * connection can switch to TLS; USER and SASL only where a password may be sent (RFC 2595 section 4).
 */
final class CapaCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        Arguments.none(argument);
        boolean login = session.loginAllowed();
        List<String> capabilities = new ArrayList<>(List.of("TOP", "UIDL"));
        if (login) {
            capabilities.add("USER");
        }
        capabilities.addAll(List.of("RESP-CODES", "AUTH-RESP-CODE", "PIPELINING"));
        if (session.state() instanceof SessionState.Authorization && session.canStartTls()) {
            capabilities.add("STLS");
        }
        if (login) {
            capabilities.add("SASL " + String.join(" ", AuthCommand.MECHANISMS));
        }
        capabilities.add("IMPLEMENTATION " + session.services().config().implementation());
        session.reply(Reply.multiLine("Capability list follows", capabilities));
    }
}
