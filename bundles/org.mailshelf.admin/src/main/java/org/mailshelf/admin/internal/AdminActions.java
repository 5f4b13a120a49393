package org.mailshelf.admin.internal;

import java.util.Locale;
import java.util.function.LongFunction;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Names what an HTTP request to the console or the API did, for the audit log: {@code bundle.stop} of
 * {@code org.mailshelf.imap (id 12)} rather than a bare POST. Read after the request was handled, so the handler
 * parsed its form with its own character set first, and never from a multipart body (an upload).
 */
final class AdminActions {

    /** What one request did, in audit terms. */
    record Action(String channel, String name, String target) {
    }

    private final String consoleRoot;
    private final LongFunction<String> bundleName;

    /** @param bundleName a bundle's symbolic name by id, or null if there is no such bundle */
    AdminActions(String consoleRoot, LongFunction<String> bundleName) {
        this.consoleRoot = consoleRoot;
        this.bundleName = bundleName;
    }

    Action describe(HttpServletRequest request, String location) {
        String path = request.getRequestURI();
        String method = request.getMethod();
        if (path.startsWith(RestApiServlet.API_ROOT + "/")) {
            return api(method, path.substring(RestApiServlet.API_ROOT.length()), location);
        }
        if (path.equals(consoleRoot) || path.startsWith(consoleRoot + "/")) {
            return console(request, method, path.substring(consoleRoot.length()));
        }
        return new Action("http", method.toLowerCase(Locale.ROOT), path);
    }

    private static Action api(String method, String path, String location) {
        String[] s = path.substring(1).split("/", -1);
        if (s[0].equals("users")) {
            if (s.length == 1 && method.equals("POST")) {
                String created = location == null ? null : location.substring(location.lastIndexOf('/') + 1);
                return new Action("api", "user.create", created);
            }
            if (s.length == 2 && method.equals("DELETE")) {
                return new Action("api", "user.delete", s[1]);
            }
            if (s.length == 3 && s[2].equals("password")) {
                return new Action("api", "user.password", s[1]);
            }
        }
        if (path.equals("/tls/certificate")) {
            return new Action("api", method.equals("DELETE") ? "certificate.uninstall" : "certificate.install",
                    "server certificate");
        }
        return new Action("api", method.toLowerCase(Locale.ROOT), path);
    }

    private Action console(HttpServletRequest request, String method, String path) {
        String[] s = path.isEmpty() ? new String[] {""} : path.substring(1).split("/", -1);
        String page = s[0];
        switch (page) {
            case "login" -> {
                return new Action("console", "console.login", AdminAuth.USER);
            }
            case "logout" -> {
                return new Action("console", "console.logout", AdminAuth.USER);
            }
            case "bundles" -> {
                if (s.length > 1 && !s[1].isEmpty()) {
                    return new Action("console", "bundle." + param(request, "action", "change"), bundle(s[1]));
                }
                return new Action("console", "bundle.install", isUpload(request) ? "uploaded file"
                        : param(request, "bundleurl", "-"));
            }
            case "configMgr" -> {
                String pid = s.length > 1 ? s[1] : "-";
                String what = param(request, "delete", null) != null ? "config.delete"
                        : param(request, "apply", null) != null ? "config.update" : "config.change";
                return new Action("console", what, pid);
            }
            case "vmstat" -> {
                return new Action("console", "framework." + param(request, "shutdown_type", "shutdown")
                        .toLowerCase(Locale.ROOT), "framework");
            }
            case UsersConsolePlugin.LABEL -> {
                return new Action("console", "user." + param(request, "action", "change"),
                        param(request, "name", "-"));
            }
            case TlsConsolePlugin.LABEL -> {
                return new Action("console", "certificate." + param(request, "action", "change"),
                        "server certificate");
            }
            default -> {
                String action = param(request, "action", method.toLowerCase(Locale.ROOT));
                return new Action("console", page + "." + action, path);
            }
        }
    }

    private String bundle(String id) {
        try {
            String name = bundleName.apply(Long.parseLong(id));
            return name == null ? "bundle " + id : name + " (id " + id + ")";
        } catch (NumberFormatException e) {
            return id; // the console also takes symbolic names
        }
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** A form field, only from a urlencoded body or the query: never parses a multipart upload. */
    private static String param(HttpServletRequest request, String name, String otherwise) {
        if (isUpload(request)) {
            return otherwise;
        }
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
