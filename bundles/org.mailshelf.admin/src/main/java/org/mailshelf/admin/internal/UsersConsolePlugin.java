package org.mailshelf.admin.internal;

import java.io.IOException;
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
    private static final long serialVersionUID = 1L;

    private final transient Logger log = LoggerFactory.getLogger(UsersConsolePlugin.class);
    private final transient MailUsers users;
    private final transient ConsoleForms forms;

    @Activate
    public UsersConsolePlugin(@Reference(name = "userAdmin") UserAdmin userAdmin,
            @Reference(name = "mailStore") MailStore mailStore) {
        this(new MailUsers(userAdmin, mailStore), ConsoleForms.withNewToken());
    }

    UsersConsolePlugin(MailUsers users, ConsoleForms forms) {
        this.users = users;
        this.forms = forms;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the console has set the content type and written the page head already
        List<UsersPage.Row> rows = users.names().stream()
                .map(name -> new UsersPage.Row(name, users.mailboxes(name).orElse(List.of())))
                .toList();
        resp.getWriter().write(UsersPage.render(rows, req.getParameter("message"), ConsoleForms.pluginRoot(req),
                forms));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8"); // our forms post UTF-8
        String message = forms.validToken(req.getParameter("token"))
                ? perform(req.getParameter("action"), req.getParameter("name"), req.getParameter("password"))
                : ConsoleForms.OUT_OF_DATE;
        req.setAttribute(AuditLog.OUTCOME, message);
        ConsoleForms.redirectWithMessage(req, resp, message);
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
}
