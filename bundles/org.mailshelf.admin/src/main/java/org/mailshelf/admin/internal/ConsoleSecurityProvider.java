package org.mailshelf.admin.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.mailshelf.admin.internal.AdminAuth.Verdict;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console's login. A person logs in with a form and gets a session cookie that a page from another site
 * cannot make the browser send (SameSite=Strict); the console never answers with a Basic challenge, so browsers
 * never cache credentials a forged form could carry. Scripts may still send Basic credentials with each request.
 * Password check and throttle are the REST API's. The launcher names this provider in
 * {@code felix.webconsole.security.providers}, so the console stays closed while this bundle is stopped.
 */
@Component(service = SecurityProvider.class, configurationPid = ConsoleSecurityProvider.PID, property = {
    SecurityProvider.PROPERTY_ID + "=" + ConsoleSecurityProvider.ID,
    "service.ranking:Integer=100"
})
@Designate(ocd = ConsoleLoginConfig.class)
public class ConsoleSecurityProvider implements SecurityProvider {

    static final String PID = "org.mailshelf.admin.console";
    static final String ID = "mailshelf";
    static final String COOKIE = "mailshelf-console";
    static final String LOGIN = "/login";
    static final String REMOTE_USER = "org.osgi.service.http.authentication.remote.user";
    static final String AUTH_TYPE = "org.osgi.service.http.authentication.type";
    private static final String LOGGED_OUT = "logged-out";
    private static final String DEFAULT_ROOT = "/system/console";

    private final Logger log = LoggerFactory.getLogger(ConsoleSecurityProvider.class);
    private final AdminLogin login;
    private final AdminSessions sessions;
    private final String root;

    @Activate
    public ConsoleSecurityProvider(@Reference AdminLogin login, BundleContext context, ConsoleLoginConfig config) {
        this(login, new AdminSessions(idleTimeout(config), System::nanoTime),
                consoleRoot(context));
    }

    /** Where the Web Console is served, as the launcher configured it. */
    static String consoleRoot(BundleContext context) {
        return Optional.ofNullable(context.getProperty("felix.webconsole.manager.root")).orElse(DEFAULT_ROOT);
    }

    ConsoleSecurityProvider(AdminLogin login, AdminSessions sessions, String root) {
        this.login = login;
        this.sessions = sessions;
        this.root = root;
    }

    @Modified
    void modified(ConsoleLoginConfig config) {
        sessions.idleTimeout(idleTimeout(config)); // keeps everyone logged in
    }

    private static Duration idleTimeout(ConsoleLoginConfig config) {
        return Duration.ofSeconds(Math.max(1, config.session_idle_timeout()));
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (request.getAttribute(RequestGuard.GUARDED) == null) {
                // fail closed: without the guard nothing checks where a request comes from
                log.warn("Console request {} refused: the admin request guard is not running",
                        request.getRequestURI());
                text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The console is starting or stopping.");
                return null;
            }
            boolean loginPage = (root + LOGIN).equals(request.getRequestURI());
            Optional<String> user = sessions.use(cookie(request));
            if (loginPage) {
                loginPage(request, response, user.isPresent());
                return null;
            }
            if (user.isPresent()) {
                return granted(request, user.get(), "FORM");
            }
            String authorization = request.getHeader("Authorization");
            if (authorization != null) {
                return basic(request, response, authorization);
            }
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                redirect(response, loginUrl(pathAndQuery(request), null));
            } else {
                text(response, HttpServletResponse.SC_UNAUTHORIZED, "Log in first.");
            }
        } catch (IOException e) {
            log.debug("Console {} {}: the browser went away before the answer", request.getMethod(),
                    request.getRequestURI(), e);
        }
        return null;
    }

    /** A script's Basic credentials; a wrong one gets a 401 without a challenge, so no browser asks for one. */
    private Object basic(HttpServletRequest request, HttpServletResponse response, String authorization)
            throws IOException {
        Verdict verdict = login.attempt(authorization, request.getRemoteAddr(), "the console");
        switch (verdict) {
            case GRANTED -> {
                return granted(request, AdminAuth.USER, "BASIC");
            }
            case DISABLED -> text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, disabled());
            default -> text(response, HttpServletResponse.SC_UNAUTHORIZED, "Wrong admin credentials.");
        }
        return null;
    }

    private void loginPage(HttpServletRequest request, HttpServletResponse response, boolean loggedIn)
            throws IOException {
        request.setCharacterEncoding("UTF-8");
        String target = safeTarget(request.getParameter("target"));
        if (!"POST".equals(request.getMethod())) {
            if (loggedIn) {
                redirect(response, target);
            } else {
                // only our own words: a link from elsewhere must not put its text on the login page
                String message = LOGGED_OUT.equals(request.getParameter("message")) ? "Logged out." : null;
                page(response, HttpServletResponse.SC_OK, target, message);
            }
            return;
        }
        String password = request.getParameter("password");
        Verdict verdict = login.attempt(request.getParameter("user"),
                password == null ? new char[0] : password.toCharArray(), request.getRemoteAddr(),
                "the console login form");
        switch (verdict) {
            case GRANTED -> {
                end(request); // a new token for every login: nobody can plant one beforehand
                String token = sessions.start(AdminAuth.USER);
                response.addHeader("Set-Cookie", cookieHeader(token, request.isSecure(), false));
                granted(request, AdminAuth.USER, "FORM");
                redirect(response, target);
            }
            case DISABLED -> page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, target, disabled());
            default -> {
                request.setAttribute(AuditLog.OUTCOME, "denied");
                page(response, HttpServletResponse.SC_UNAUTHORIZED, target, "Wrong user name or password.");
            }
        }
    }

    private static String disabled() {
        return "No admin password is set: the console is closed.";
    }

    private static Object granted(HttpServletRequest request, String user, String type) {
        // what the Servlet Whiteboard reports as the remote user and authentication type; the audit reads it
        request.setAttribute(REMOTE_USER, user);
        request.setAttribute(AUTH_TYPE, type);
        return user;
    }

    /** One admin, allowed everything the console offers. */
    @Override
    public boolean authorize(Object user, String role) {
        return AdminAuth.USER.equals(user);
    }

    /** Ends the session for good and sends the browser to the login form. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        sessions.use(cookie(request)).ifPresent(user -> request.setAttribute(REMOTE_USER, user)); // for the audit
        end(request);
        response.addHeader("Set-Cookie", cookieHeader("", request.isSecure(), true));
        try {
            redirect(response, loginUrl(root, LOGGED_OUT));
        } catch (IOException e) {
            log.debug("Console logout: the browser went away before the answer", e);
        }
    }

    private void end(HttpServletRequest request) {
        sessions.end(cookie(request));
    }

    private String cookieHeader(String token, boolean secure, boolean expire) {
        return COOKIE + "=" + token + "; Path=" + root + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }

    static String cookie(HttpServletRequest request) {
        String header = request.getHeader("Cookie");
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            String p = pair.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    /** Only a console page of this server: never another host, so the form cannot be an open redirect. */
    String safeTarget(String target) {
        boolean ours = target != null && (target.equals(root) || target.startsWith(root + "/"))
                && !target.startsWith(root + LOGIN) && target.indexOf('\\') < 0 && !target.contains("//")
                && target.chars().noneMatch(c -> c < 0x21 || c > 0x7e);
        return ours ? target : root;
    }

    private String loginUrl(String target, String message) {
        return root + LOGIN + "?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + (message == null ? "" : "&message=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private void page(HttpServletResponse response, int status, String target, String message) throws IOException {
        byte[] body = LoginPage.render(root + LOGIN, target, message).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static void redirect(HttpServletResponse response, String location) throws IOException {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setContentLength(0);
        response.flushBuffer();
    }

    private static void text(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
