package org.mailshelf.admin.internal;

import java.io.IOException;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console's login: the admin password and throttle of the REST API instead of the console's own Basic
 * check, which answers every wrong guess at once. The launcher names this provider in
 * {@code felix.webconsole.security.providers}, so the console stays closed rather than falling back to its own
 * check while this bundle is stopped.
 */
@Component(service = SecurityProvider.class, property = {
    SecurityProvider.PROPERTY_ID + "=" + ConsoleSecurityProvider.ID,
    "service.ranking:Integer=100"
})
public class ConsoleSecurityProvider implements SecurityProvider {

    static final String ID = "mailshelf";
    private static final String CHALLENGE = "Basic realm=\"Mailshelf console\"";

    private final AdminLogin login;

    @Activate
    public ConsoleSecurityProvider(@Reference AdminLogin login) {
        this.login = login;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        try {
            switch (login.attempt(request.getHeader("Authorization"), request.getRemoteAddr(), "the console")) {
                case GRANTED -> {
                    // what the Servlet Whiteboard reports as the remote user and authentication type
                    request.setAttribute("org.osgi.service.http.authentication.remote.user", AdminAuth.USER);
                    request.setAttribute("org.osgi.service.http.authentication.type", "BASIC");
                    return AdminAuth.USER;
                }
                case DISABLED -> answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null);
                default -> answer(response, HttpServletResponse.SC_UNAUTHORIZED, CHALLENGE);
            }
        } catch (IOException e) {
            // the browser went away; nothing to answer
        }
        return null;
    }

    private static void answer(HttpServletResponse response, int status, String challenge) throws IOException {
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setStatus(status);
        response.setContentLength(0);
        response.flushBuffer();
    }

    /** One admin, allowed everything the console offers. */
    @Override
    public boolean authorize(Object user, String role) {
        return AdminAuth.USER.equals(user);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // Basic authentication has nothing to forget on the server; the browser drops its credentials itself
    }
}
