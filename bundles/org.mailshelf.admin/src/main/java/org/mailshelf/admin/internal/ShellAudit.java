package org.mailshelf.admin.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.osgi.service.component.annotations.Component;

/**
 * Writes the Gogo shell's state-changing commands to the audit log, whoever defined them: the framework's
 * install/start/stop/update/uninstall, ours, and an integrator's. Passwords given to our user commands are left
 * out. The shell is the local terminal of whoever started the appliance, so that is who the line names.
 */
@Component(service = CommandSessionListener.class)
public class ShellAudit implements CommandSessionListener {

    /** Command names (without scope) that change bundles, configuration, the framework or users. */
    static final Set<String> CHANGING = Set.of("install", "uninstall", "start", "stop", "update", "refresh",
            "resolve", "frameworklevel", "bundlelevel", "shutdown", "useradd", "userdel", "passwd");
    private static final Pattern WORD = Pattern.compile("(?<![\\w.:$-])(?:[\\w.-]+:)?([a-z]+)(?![\\w.:-])");
    /** {@code useradd NAME PASSWORD} and {@code passwd NAME PASSWORD}: everything after the name is secret. */
    private static final Pattern SECRET = Pattern.compile("((?:useradd|passwd)\\s+\\S+)\\s+.*");

    @Override
    public void beforeExecute(CommandSession session, CharSequence commandline) {
        // recorded afterwards, with how it ended
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence commandline, Exception exception) {
        record(commandline, "failed: " + exception.getClass().getSimpleName());
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence commandline, Object result) {
        String said = result == null ? "" : result.toString();
        record(commandline, said.startsWith("Error:") ? "refused: " + said : "ok");
    }

    private static void record(CharSequence commandline, String result) {
        String line = commandline.toString().trim();
        if (changes(line)) {
            AuditLog.record(new AuditLog.Entry(System.getProperty("user.name"), "local", "shell",
                    "shell.command", withoutSecrets(line), result));
        }
    }

    static boolean changes(String line) {
        Matcher m = WORD.matcher(line);
        while (m.find()) {
            if (CHANGING.contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    static String withoutSecrets(String line) {
        return SECRET.matcher(line).replaceAll("$1 ***");
    }
}
