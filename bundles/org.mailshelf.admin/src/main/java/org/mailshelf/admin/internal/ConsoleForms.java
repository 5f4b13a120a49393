package org.mailshelf.admin.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every Mailshelf console page does with its forms. Browsers resend cached Basic credentials with any
 * cross-site form post; a token only our own pages know tells our forms from forged ones. One per page instance
 * is enough: there are no sessions.
 */
final class ConsoleForms {

    static final String OUT_OF_DATE = "The form was out of date or not from this page; nothing was changed.";
    private static final String PLUGIN_ROOT = "felix.webconsole.pluginRoot";

    private final String token;

    ConsoleForms(String token) {
        this.token = token;
    }

    static ConsoleForms withNewToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new ConsoleForms(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String token() {
        return token;
    }

    boolean validToken(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** The page's own URL, where its forms post to. */
    static String pluginRoot(HttpServletRequest req) {
        Object root = req.getAttribute(PLUGIN_ROOT);
        return root instanceof String s ? s : req.getRequestURI();
    }

    /** Back to the page with the outcome (303), so a reload repeats nothing. */
    static void redirectWithMessage(HttpServletRequest req, HttpServletResponse resp, String message) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", pluginRoot(req) + "?message=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
    }

    /** Opens a form that posts one action with the token. */
    String formStart(String action, String what) {
        return "<form method='post' accept-charset='UTF-8' action='" + Html.escape(action) + "'>"
                + "<input type='hidden' name='action' value='" + Html.escape(what) + "'>"
                + "<input type='hidden' name='token' value='" + Html.escape(token) + "'>";
    }
}
