package org.mailshelf.admin.internal;

import java.util.List;
import java.util.stream.Collectors;

/** Renders the inner HTML of the "Mail users" console page; the console adds the frame around it. */
final class UsersPage {

    record Row(String name, List<MailUsers.Mailbox> mailboxes) {
    }

    private UsersPage() {
    }

    /**
     * @param message  the outcome of the last action, or null
     * @param action   the URL the forms post to
     * @param token    the anti-forgery token every form carries
     */
    static String render(List<Row> rows, String message, String action, String token) {
        StringBuilder html = new StringBuilder();
        if (message != null && !message.isEmpty()) {
            html.append("<p class='statline'>").append(escape(message)).append("</p>\n");
        }
        html.append("<table class='nicetable'>\n<thead><tr><th>User</th><th>Mailboxes (messages)</th><th></th>")
                .append("</tr></thead>\n<tbody>\n");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan='3'>No users yet.</td></tr>\n");
        }
        for (Row row : rows) {
            String boxes = row.mailboxes().stream()
                    .map(b -> escape(b.name()) + " (" + b.messages() + ")")
                    .collect(Collectors.joining(", "));
            html.append("<tr><td>").append(escape(row.name())).append("</td><td>").append(boxes).append("</td><td>")
                    .append(formStart(action, token, "delete"))
                    .append("<input type='hidden' name='name' value='").append(escape(row.name())).append("'>")
                    .append("<button type='submit' ")
                    .append("onclick=\"return confirm('Delete this user and all of their mail?')\">Delete</button>")
                    .append("</form></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");

        html.append("<h2>Add a user</h2>\n").append(formStart(action, token, "create"))
                .append("<label>Name <input type='text' name='name' required autocomplete='off'></label> ")
                .append("<label>Password <input type='password' name='password' required ")
                .append("autocomplete='new-password'></label> ")
                .append("<button type='submit'>Add</button></form>\n");

        if (!rows.isEmpty()) {
            html.append("<h2>Change a password</h2>\n").append(formStart(action, token, "password"))
                    .append("<label>User <select name='name'>");
            for (Row row : rows) {
                html.append("<option>").append(escape(row.name())).append("</option>");
            }
            html.append("</select></label> ")
                    .append("<label>New password <input type='password' name='password' required ")
                    .append("autocomplete='new-password'></label> ")
                    .append("<button type='submit'>Change</button></form>\n");
        }
        return html.toString();
    }

    private static String formStart(String action, String token, String what) {
        return "<form method='post' accept-charset='UTF-8' action='" + escape(action) + "'>"
                + "<input type='hidden' name='action' value='" + escape(what) + "'>"
                + "<input type='hidden' name='token' value='" + escape(token) + "'>";
    }

    /**
     * Escapes text for HTML element content and quoted attributes. '$' too: the console expands
     * {@code ${name}} in plugin output, and a user name must not be able to pull in a console variable.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '$' -> out.append("&#36;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
