package org.mailshelf.protocol.lmtp;

import java.util.List;
import java.util.Locale;

import org.mailshelf.protocol.lmtp.SessionState.MailTransaction;
import org.mailshelf.protocol.lmtp.SessionState.Ready;

/**
 * MAIL FROM:&lt;reverse-path&gt; [SIZE=n] [BODY=7BIT|8BITMIME]: opens a transaction. BODY changes nothing
 * because the message is stored byte for byte whatever it declares.
 *
 * @param reversePath  the sender, empty for the null path
 * @param declaredSize the SIZE parameter (RFC 1870), or -1 when absent
 */
record MailCommand(String reversePath, long declaredSize) implements LmtpCommand<Ready> {

    private static final String USAGE = "MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]";

    static MailCommand parse(String arguments) throws SyntaxException {
        PathArgument path = PathArgument.parse(arguments, "FROM", USAGE);
        if (!path.wellFormed()) {
            throw new SyntaxException(501, "5.1.7 Bad sender address syntax");
        }
        long size = -1;
        boolean bodySeen = false;
        for (String parameter : path.parameters()) {
            String upper = parameter.toUpperCase(Locale.ROOT);
            if (upper.startsWith("SIZE=") && size < 0) {
                size = size(parameter.substring(5));
            } else if ((upper.equals("BODY=7BIT") || upper.equals("BODY=8BITMIME")) && !bodySeen) {
                bodySeen = true;
            } else if (upper.startsWith("SIZE=") || upper.startsWith("BODY=")) {
                throw SyntaxException.usage(USAGE);
            } else {
                throw new SyntaxException(555, "5.5.4 Unsupported parameter");
            }
        }
        return new MailCommand(path.address(), size);
    }

    /** RFC 1870: 1*20DIGIT. A number too large for a long is certainly too big to accept. */
    private static long size(String digits) throws SyntaxException {
        if (digits.isEmpty() || digits.length() > 20 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SyntaxException.usage(USAGE);
        }
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    @Override
    public Outcome execute(Ready state, LmtpContext context) {
        if (context.tlsMissing()) {
            // RFC 3207 4 allows 530 to more commands, but refusing MAIL is enough: no transaction, no delivery
            return new Outcome(Reply.of(530, "5.7.0 Must issue a STARTTLS command first"), state);
        }
        if (declaredSize > context.config().maxMessageSize()) {
            return new Outcome(Reply.of(552, "5.3.4 Message size exceeds fixed maximum message size"), state);
        }
        return new Outcome(Reply.of(250, "2.1.0 OK"), new MailTransaction(reversePath, List.of()));
    }
}
