package org.mailshelf.protocol.pop3;

import static java.util.Map.entry;
import static org.mailshelf.protocol.pop3.Phase.AUTHORIZATION;
import static org.mailshelf.protocol.pop3.Phase.TRANSACTION;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Every command and the states it is valid in (RFC 1939 §4-6, RFC 2449, RFC 5034): the one place this is decided. */
final class CommandTable {

    record Entry(Command command, Set<Phase> phases) {
    }

    private static final Map<String, Entry> COMMANDS = Map.ofEntries(
            command("USER", new UserCommand(), AUTHORIZATION),
            command("PASS", new PassCommand(), AUTHORIZATION),
            command("AUTH", new AuthCommand(), AUTHORIZATION),
            command("STLS", new StlsCommand(), AUTHORIZATION),
            command("CAPA", new CapaCommand(), AUTHORIZATION, TRANSACTION),
            command("QUIT", new QuitCommand(), AUTHORIZATION, TRANSACTION),
            command("STAT", new StatCommand(), TRANSACTION),
            command("LIST", new ListCommand(), TRANSACTION),
            command("RETR", new RetrCommand(), TRANSACTION),
            command("DELE", new DeleCommand(), TRANSACTION),
            command("NOOP", new NoopCommand(), TRANSACTION),
            command("RSET", new RsetCommand(), TRANSACTION),
            command("TOP", new TopCommand(), TRANSACTION),
            command("UIDL", new UidlCommand(), TRANSACTION));

    private CommandTable() {
    }

    /** @param verb upper case; @return null for an unknown command */
    static Entry lookup(String verb) {
        return COMMANDS.get(verb);
    }

    private static Map.Entry<String, Entry> command(String verb, Command command, Phase first, Phase... rest) {
        return entry(verb, new Entry(command, Set.copyOf(EnumSet.of(first, rest))));
    }
}
