package org.mailshelf.protocol.lmtp;

import java.util.List;
import java.util.Locale;

/**
 * The argument of MAIL and RCPT: {@code FROM:<path> params} or {@code TO:<path> params} (RFC 5321 4.1.2).
 * Tolerates spaces after the colon, as real clients send them. A {@code >} or space inside a quoted local
 * part does not end the path.
 *
 * @param address    the path without brackets and without a source route ({@code @a,@b:}), empty for {@code <>}
 * @param wellFormed false if the address holds control characters or unquoted spaces
 * @param parameters the ESMTP parameters after the path, as given
 */
record PathArgument(String address, boolean wellFormed, List<String> parameters) {

    static PathArgument parse(String arguments, String keyword, String usage) throws SyntaxException {
        String prefix = keyword + ":";
        if (!arguments.toUpperCase(Locale.ROOT).startsWith(prefix)) {
            throw SyntaxException.usage(usage);
        }
        String rest = arguments.substring(prefix.length()).stripLeading();
        if (!rest.startsWith("<")) {
            throw SyntaxException.usage(usage);
        }
        int close = closingBracket(rest);
        if (close < 0 || (close + 1 < rest.length() && rest.charAt(close + 1) != ' ')) {
            throw SyntaxException.usage(usage);
        }
        String path = rest.substring(1, close);
        String params = rest.substring(close + 1).strip();
        return new PathArgument(withoutSourceRoute(path), wellFormed(path),
                params.isEmpty() ? List.of() : List.of(params.split(" +")));
    }

    /** The index of the {@code >} that ends the path, or -1. */
    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean wellFormed(String path) {
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < ' ' || c == 0x7f || (c == ' ' && !quoted) || (c == '<' && !quoted)) {
                return false;
            }
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        // a source route needs its colon
        return !path.startsWith("@") || path.indexOf(':') > 0;
    }

    /** RFC 5321 4.1.1.3: servers must accept source routes and should ignore them. */
    private static String withoutSourceRoute(String path) {
        int colon = path.indexOf(':');
        return path.startsWith("@") && colon > 0 ? path.substring(colon + 1) : path;
    }
}
