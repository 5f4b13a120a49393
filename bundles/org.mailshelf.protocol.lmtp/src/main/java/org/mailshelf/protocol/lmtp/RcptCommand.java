package org.mailshelf.protocol.lmtp;

import java.util.Optional;

import org.mailshelf.protocol.lmtp.SessionState.MailTransaction;

/**
 * RCPT TO:&lt;forward-path&gt;: adds a recipient if the authenticator knows whose mail it is. Each accepted
 * RCPT gets its own reply after DATA (RFC 2033 4.2).
 *
 * @param address the recipient, {@code user} or {@code user@domain}; the authenticator decides the domains
 */
record RcptCommand(String address) implements LmtpCommand<MailTransaction> {

    private static final String USAGE = "RCPT TO:<address>";

    static RcptCommand parse(String arguments) throws SyntaxException {
        PathArgument path = PathArgument.parse(arguments, "TO", USAGE);
        if (path.address().isEmpty() || !path.wellFormed()) {
            throw new SyntaxException(501, "5.1.3 Bad recipient address syntax");
        }
        if (!path.parameters().isEmpty()) {
            throw new SyntaxException(555, "5.5.4 Unsupported parameter");
        }
        return new RcptCommand(path.address());
    }

    @Override
    public Outcome execute(MailTransaction state, LmtpContext context) {
        if (state.recipients().size() >= context.config().maxRecipients()) {
            return new Outcome(Reply.of(452, "4.5.3 Too many recipients"), state);
        }
        Optional<String> account;
        try {
            account = context.authenticator().resolveRecipient(address);
        } catch (RuntimeException e) {
            // the user directory is unreachable: the client should try this recipient again later
            return new Outcome(Reply.of(451, "4.3.0 <" + address + "> Temporary failure"), state);
        }
        if (account.isEmpty()) {
            return new Outcome(Reply.of(550, "5.1.1 <" + address + "> User unknown"), state);
        }
        return new Outcome(Reply.of(250, "2.1.5 OK"), state.with(new Recipient(address, account.get())));
    }
}
