package org.mailshelf.protocol.pop3;

import java.util.List;

/** Parses the space-separated arguments of TRANSACTION commands; every failure is a clear -ERR. */
final class Arguments {

    private Arguments() {
    }

    static List<String> split(String argument) {
        String s = argument.strip();
        return s.isEmpty() ? List.of() : List.of(s.split(" +"));
    }

    static void none(String argument) {
        if (!split(argument).isEmpty()) {
            throw new Pop3Error("No arguments allowed");
        }
    }

    /** Exactly {@code count} arguments. */
    static List<String> exactly(String argument, int count, String usage) {
        List<String> args = split(argument);
        if (args.size() != count) {
            throw new Pop3Error((args.size() < count ? "Missing argument, usage: " : "Too many arguments, usage: ")
                    + usage);
        }
        return args;
    }

    /** At most one argument; null when there is none. */
    static String optional(String argument, String usage) {
        List<String> args = split(argument);
        if (args.size() > 1) {
            throw new Pop3Error("Too many arguments, usage: " + usage);
        }
        return args.isEmpty() ? null : args.get(0);
    }

    /** A message number as written; range and deletion are the maildrop's to check. */
    static int messageNumber(String token) {
        return (int) Math.min(number(token, "Invalid message number"), Integer.MAX_VALUE);
    }

    static int lineCount(String token) {
        return (int) Math.min(number(token, "Invalid number of lines"), Integer.MAX_VALUE);
    }

    /** Decimal digits only; values too large for a long are clamped (they are out of range anyway). */
    private static long number(String token, String error) {
        if (token.isEmpty() || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Pop3Error(error);
        }
        String digits = token.replaceFirst("^0+(?=.)", "");
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
