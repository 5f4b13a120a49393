package org.mailshelf.admin.internal;

/** HTML pieces the console pages share. */
final class Html {

    private Html() {
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

    /** The outcome of the last action as a status line, or nothing. */
    static String statusLine(String message) {
        return message == null || message.isEmpty() ? "" : "<p class='statline'>" + escape(message) + "</p>\n";
    }
}
