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
     * @param forms    opens forms that carry the anti-forgery token
     */
    static String render(List<Row> rows, String message, String action, ConsoleForms forms) {
        StringBuilder html = new StringBuilder(Html.statusLine(message));
        html.append("<table class='nicetable'>\n<thead><tr><th>User</th><th>Mailboxes (messages)</th><th></th>")
                .append("</tr></thead>\n<tbody>\n");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan='3'>No users yet.</td></tr>\n");
        }
        for (Row row : rows) {
            String boxes = row.mailboxes().stream()
                    .map(b -> Html.escape(b.name()) + " (" + b.messages() + ")")
                    .collect(Collectors.joining(", "));
            html.append("<tr><td>").append(Html.escape(row.name())).append("</td><td>").append(boxes)
                    .append("</td><td>")
                    .append(forms.formStart(action, "delete"))
                    .append("<input type='hidden' name='name' value='").append(Html.escape(row.name())).append("'>")
                    .append("<button type='submit' ")
                    .append("onclick=\"return confirm('Delete this user and all of their mail?')\">Delete</button>")
                    .append("</form></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");

        html.append("<h2>Add a user</h2>\n").append(forms.formStart(action, "create"))
                .append("<label>Name <input type='text' name='name' required autocomplete='off'></label> ")
                .append("<label>Password <input type='password' name='password' required ")
                .append("autocomplete='new-password'></label> ")
                .append("<button type='submit'>Add</button></form>\n");

        if (!rows.isEmpty()) {
            html.append("<h2>Change a password</h2>\n").append(forms.formStart(action, "password"))
                    .append("<label>User <select name='name'>");
            for (Row row : rows) {
                html.append("<option>").append(Html.escape(row.name())).append("</option>");
            }
            html.append("</select></label> ")
                    .append("<label>New password <input type='password' name='password' required ")
                    .append("autocomplete='new-password'></label> ")
                    .append("<button type='submit'>Change</button></form>\n");
        }
        return html.toString();
    }
}
