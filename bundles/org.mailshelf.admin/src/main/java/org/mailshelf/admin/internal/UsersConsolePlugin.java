package org.mailshelf.admin.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.mailshelf.api.auth.UserAdmin;
import org.mailshelf.api.store.MailStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console page "Mail users" (a plain servlet the console wraps as a plugin; the console authenticates).
 * GET renders the inner content; POST performs one action and redirects back (303), so a reload repeats nothing.
 */
@Component(name = "org.mailshelf.admin.console.users", service = Servlet.class, property = {
    "felix.webconsole.label=" + UsersConsolePlugin.LABEL,
    "felix.webconsole.title=Mail users",
    "felix.webconsole.category=Mailshelf"
})
public class UsersConsolePlugin extends HttpServlet {

    static final String LABEL = "mailshelf-users";
    private static final String PLUGIN_ROOT = "felix.webconsole.pluginRoot";
    private static final long serialVersionUID = 1L;

    private final transient Logger log = LoggerFactory.getLogger(UsersConsolePlugin.class);
    private final transient MailUsers users;
    /**
     * Browsers resend cached Basic credentials with any cross-site form post; a token only our own page knows
     * tells our forms from forged ones. One per component instance is enough: there are no sessions.
     */
    private final String token;

    @Activate
    public UsersConsolePlugin(@Reference(name = "userAdmin") UserAdmin userAdmin,
            @Reference(name = "mailStore") MailStore mailStore) {
        this(new MailUsers(userAdmin, mailStore), newToken());
    }

    UsersConsolePlugin(MailUsers users, String token) {
        this.users = users;
        this.token = token;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the console has set the content type and written the page head already
        List<UsersPage.Row> rows = users.names().stream()
                .map(name -> new UsersPage.Row(name, users.mailboxes(name).orElse(List.of())))
                .toList();
        resp.getWriter().write(UsersPage.render(rows, req.getParameter("message"), pluginRoot(req), token));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8"); // our forms post UTF-8
        String message;
        if (!validToken(req.getParameter("token"))) {
            message = "The form was out of date or not from this page; nothing was changed.";
        } else {
            message = perform(req.getParameter("action"), req.getParameter("name"), req.getParameter("password"));
        }
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", pluginRoot(req) + "?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
    }

    boolean validToken(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** Carries out one form action and says what happened, in words for the page. */
    String perform(String action, String name, String password) {
        if (action == null || name == null || name.isEmpty()) {
            return "Nothing to do: the form was incomplete.";
        }
        try {
            switch (action) {
                case "create" -> {
                    users.create(name, chars(password));
                    log.info("Console: created user {}", name);
                    return "Created user " + name + ".";
                }
                case "delete" -> {
                    return users.delete(name) ? "Deleted user " + name + " and their mail." : "No such user: " + name;
                }
                case "password" -> {
                    return users.changePassword(name, chars(password))
                            ? "Changed the password of " + name + "."
                            : "No such user: " + name;
                }
                default -> {
                    return "Unknown action.";
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    private static String pluginRoot(HttpServletRequest req) {
        Object root = req.getAttribute(PLUGIN_ROOT);
        return root instanceof String s ? s : req.getRequestURI();
    }
}
