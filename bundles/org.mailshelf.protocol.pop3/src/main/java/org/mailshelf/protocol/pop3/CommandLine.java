package org.mailshelf.protocol.pop3;

import java.util.Locale;

/** A command line split into its verb (upper-cased) and raw argument. */
record CommandLine(String verb, String argument) {

    static CommandLine parse(String line) {
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        return new CommandLine(verb.toUpperCase(Locale.ROOT), space < 0 ? "" : line.substring(space + 1));
    }

    /** Leaves out the argument of commands that carry credentials. */
    @Override
    public String toString() {
        boolean secret = verb.equals("PASS") || verb.equals("AUTH") || verb.equals("APOP");
        return secret && !argument.isEmpty() ? verb + " <hidden>" : (verb + " " + argument).strip();
    }
}
