package org.mailshelf.protocol.lmtp;

import java.util.Locale;
import java.util.Map;

import org.mailshelf.protocol.lmtp.LmtpCommand.Outcome;
import org.mailshelf.protocol.lmtp.SessionState.CommandState;
import org.mailshelf.protocol.lmtp.SessionState.MailTransaction;
import org.mailshelf.protocol.lmtp.SessionState.Ready;

/** Every command the server knows, the state type it is valid in and its parser: the one place saying so. */
final class CommandTable {

    private static final Reply UNRECOGNIZED = Reply.of(500, "5.5.2 Command unrecognized");

    @FunctionalInterface
    interface Parser<S extends CommandState> {
        LmtpCommand<S> parse(String arguments) throws SyntaxException;
    }

    record Verb<S extends CommandState>(Class<S> validIn, Parser<S> parser) {
    }

    private static final Map<String, Verb<?>> VERBS = Map.ofEntries(
            Map.entry("LHLO", new Verb<>(CommandState.class, LhloCommand::parse)),
            Map.entry("MAIL", new Verb<>(Ready.class, MailCommand::parse)),
            // after LHLO, which announces it, and outside a transaction, so no envelope is in flight
            Map.entry("STARTTLS", new Verb<>(Ready.class, StartTlsCommand::parse)),
            Map.entry("RCPT", new Verb<>(MailTransaction.class, RcptCommand::parse)),
            Map.entry("DATA", new Verb<>(MailTransaction.class, DataCommand::parse)),
            Map.entry("RSET", new Verb<>(CommandState.class, RsetCommand::parse)),
            Map.entry("NOOP", new Verb<>(CommandState.class, NoopCommand::parse)),
            Map.entry("QUIT", new Verb<>(CommandState.class, QuitCommand::parse)),
            Map.entry("VRFY", new Verb<>(CommandState.class, VrfyCommand::parse)),
            Map.entry("HELP", new Verb<>(CommandState.class, HelpCommand::parse)),
            Map.entry("HELO", new Verb<>(CommandState.class, HeloCommand::parse)),
            Map.entry("EHLO", new Verb<>(CommandState.class, HeloCommand::parse)));

    private CommandTable() {
    }

    /** Runs one command line in the given state. */
    static Outcome dispatch(String line, CommandState state, LmtpContext context) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        // lenient about extra spaces: clients that send "DATA " mean DATA
        String arguments = space < 0 ? "" : line.substring(space + 1).strip();
        String upper = name.toUpperCase(Locale.ROOT);
        Verb<?> verb = VERBS.get(upper);
        if (verb == null) {
            return new Outcome(UNRECOGNIZED, state);
        }
        return run(upper, verb, arguments, state, context);
    }

    private static <S extends CommandState> Outcome run(String name, Verb<S> verb, String arguments,
            CommandState state, LmtpContext context) {
        // sequence before syntax, as SMTP servers answer: MAIL before LHLO is 503 whatever follows it
        if (!verb.validIn().isInstance(state)) {
            return new Outcome(state.refusal(name), state);
        }
        LmtpCommand<S> command;
        try {
            command = verb.parser().parse(arguments);
        } catch (SyntaxException e) {
            return new Outcome(e.reply(), state);
        }
        return command.execute(verb.validIn().cast(state), context);
    }
}
