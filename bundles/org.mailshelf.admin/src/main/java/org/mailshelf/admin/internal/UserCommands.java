package org.mailshelf.admin.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.mailshelf.api.auth.UserAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands {@code mailshelf:users|useradd|userdel|passwd}. Each returns the line the shell prints; a refused
 * operation is reported as a message, not a stack trace.
 */
@Component(name = "org.mailshelf.admin.gogo", service = UserCommands.class, property = {
    "osgi.command.scope=mailshelf",
    "osgi.command.function=users",
    "osgi.command.function=useradd",
    "osgi.command.function=userdel",
    "osgi.command.function=passwd"
})
public class UserCommands {

    private final UserAdmin userAdmin;

    @Activate
    public UserCommands(@Reference(name = "userAdmin") UserAdmin userAdmin) {
        this.userAdmin = userAdmin;
    }

    @Descriptor("lists the mail users")
    public String users() {
        List<String> names = userAdmin.list();
        return names.isEmpty() ? "No users." : String.join(System.lineSeparator(), names);
    }

    @Descriptor("creates a mail user with INBOX, Drafts, Sent, Trash, Junk and Archive")
    public String useradd(@Descriptor("user name") String name, @Descriptor("password") String password) {
        char[] secret = chars(password);
        try {
            userAdmin.create(name, secret);
            return "Created user " + name + ".";
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "Error: " + e.getMessage();
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @Descriptor("deletes a mail user and all of their mail")
    public String userdel(@Descriptor("user name") String name) {
        return userAdmin.delete(name) ? "Deleted user " + name + " and their mail." : "Error: no such user: " + name;
    }

    @Descriptor("sets the password of a mail user")
    public String passwd(@Descriptor("user name") String name, @Descriptor("new password") String password) {
        char[] secret = chars(password);
        try {
            return userAdmin.changePassword(name, secret)
                    ? "Changed the password of " + name + "."
                    : "Error: no such user: " + name;
        } catch (IllegalArgumentException e) {
            return "Error: " + e.getMessage();
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
