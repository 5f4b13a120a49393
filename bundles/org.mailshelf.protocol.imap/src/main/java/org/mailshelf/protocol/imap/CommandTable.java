package org.mailshelf.protocol.imap;

import static java.util.Map.entry;
import static org.mailshelf.protocol.imap.Phase.AUTHENTICATED;
import static org.mailshelf.protocol.imap.Phase.NOT_AUTHENTICATED;
import static org.mailshelf.protocol.imap.Phase.SELECTED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every command, the states it is valid in (RFC 3501 section 6) and whether it addresses messages by sequence
 * number: the one place this is decided. After a command that uses sequence numbers no EXPUNGE may be sent
 * (RFC 3501 section 7.4.1), since the client could no longer tell which message its numbers meant.
 */
final class CommandTable {

    /**
     * @param usesSequenceNumbers whether pending expunges must wait until a later command
     */
    record Entry(ImapCommand command, Set<Phase> phases, boolean usesSequenceNumbers) {
    }

    private static final Set<Phase> ANY = Set.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    private static final Set<Phase> NOT_AUTH = Set.of(NOT_AUTHENTICATED);
    private static final Set<Phase> AUTH = Set.of(AUTHENTICATED, SELECTED);
    private static final Set<Phase> SEL = Set.of(SELECTED);

    private static final Map<String, Entry> COMMANDS = Map.ofEntries(
            command("CAPABILITY", new CapabilityCommand(), ANY),
            command("NOOP", new NoopCommand(), ANY),
            command("LOGOUT", new LogoutCommand(), ANY),
            command("ID", new IdCommand(), ANY),
            command("STARTTLS", new StartTlsCommand(), NOT_AUTH),
            command("LOGIN", new LoginCommand(), NOT_AUTH),
            command("AUTHENTICATE", new AuthenticateCommand(), NOT_AUTH),
            command("SELECT", new SelectCommand(false), AUTH),
            command("EXAMINE", new SelectCommand(true), AUTH),
            command("CREATE", new CreateCommand(), AUTH),
            command("DELETE", new DeleteCommand(), AUTH),
            command("RENAME", new RenameCommand(), AUTH),
            command("SUBSCRIBE", new SubscribeCommand(true), AUTH),
            command("UNSUBSCRIBE", new SubscribeCommand(false), AUTH),
            command("LIST", new ListCommand(false), AUTH),
            command("LSUB", new ListCommand(true), AUTH),
            command("STATUS", new StatusCommand(), AUTH),
            command("APPEND", new AppendCommand(), AUTH),
            command("ENABLE", new EnableCommand(), AUTH),
            command("NAMESPACE", new NamespaceCommand(), AUTH),
            command("IDLE", new IdleCommand(), AUTH),
            command("CHECK", new NoopCommand(), SEL),
            command("CLOSE", new CloseCommand(true), SEL),
            command("UNSELECT", new CloseCommand(false), SEL),
            command("EXPUNGE", new ExpungeCommand(false), SEL),
            command("UID EXPUNGE", new ExpungeCommand(true), SEL),
            bySequenceNumber("FETCH", new FetchCommand(false)),
            command("UID FETCH", new FetchCommand(true), SEL),
            bySequenceNumber("SEARCH", new SearchCommand(false)),
            command("UID SEARCH", new SearchCommand(true), SEL),
            bySequenceNumber("STORE", new StoreCommand(false)),
            command("UID STORE", new StoreCommand(true), SEL),
            bySequenceNumber("COPY", new CopyCommand(false, false)),
            command("UID COPY", new CopyCommand(true, false), SEL),
            // MOVE sends the EXPUNGEs of the moved messages itself (RFC 6851 section 4.3)
            command("MOVE", new CopyCommand(false, true), SEL),
            command("UID MOVE", new CopyCommand(true, true), SEL));

    private CommandTable() {
    }

    /** @param name upper case, {@code "UID FETCH"} for UID commands; @return null for an unknown command */
    static Entry lookup(String name) {
        return COMMANDS.get(name);
    }

    private static Map.Entry<String, Entry> command(String name, ImapCommand command, Set<Phase> phases) {
        return entry(name, new Entry(command, Set.copyOf(EnumSet.copyOf(phases)), false));
    }

    private static Map.Entry<String, Entry> bySequenceNumber(String name, ImapCommand command) {
        return entry(name, new Entry(command, SEL, true));
    }
}
