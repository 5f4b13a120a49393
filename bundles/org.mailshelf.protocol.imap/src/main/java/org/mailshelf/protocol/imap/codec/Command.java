package org.mailshelf.protocol.imap.codec;

import java.util.List;

/**
 * One complete command: its tag, its name upper-cased, and its arguments as tokens. {@code UID FETCH} arrives as
 * name {@code UID} with {@code FETCH} as first argument; the command layer dispatches on it.
 * {@code toString} leaves the arguments out: they may be a password.
 */
public record Command(String tag, String name, List<Token> arguments) implements Received {

    public Command {
        arguments = List.copyOf(arguments);
    }

    /** A fresh cursor over the arguments. */
    public ArgumentReader reader() {
        return new ArgumentReader(arguments);
    }

    @Override
    public String toString() {
        return tag + " " + name + (arguments.isEmpty() ? "" : " <" + arguments.size() + " arguments>");
    }
}
