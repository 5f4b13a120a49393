package org.mailshelf.protocol.lmtp;

import java.util.ArrayList;
import java.util.List;

/** Where an LMTP session is; each state carries only what is valid in it. */
sealed interface SessionState {

    /** States that read command lines. */
    sealed interface CommandState extends SessionState {
        /**
         * The reply to a command that is not valid in this state (RFC 5321 503, "bad sequence").
         *
         * @param verb the command's name, upper case
         */
        Reply refusal(String verb);
    }

    /** Greeted, waiting for LHLO. */
    record Greeted() implements CommandState {
        @Override
        public Reply refusal(String verb) {
            return Reply.of(503, "5.5.1 Send LHLO first");
        }
    }

    /** After LHLO, no transaction open. */
    record Ready() implements CommandState {
        @Override
        public Reply refusal(String verb) {
            return Reply.of(503, "5.5.1 Send MAIL first");
        }
    }

    /**
     * After MAIL: collecting recipients.
     *
     * @param reversePath the sender, empty for the null path {@code <>}
     * @param recipients  the accepted recipients in RCPT order
     */
    record MailTransaction(String reversePath, List<Recipient> recipients) implements CommandState {
        public MailTransaction {
            recipients = List.copyOf(recipients);
        }

        public MailTransaction with(Recipient recipient) {
            List<Recipient> more = new ArrayList<>(recipients);
            more.add(recipient);
            return new MailTransaction(reversePath, more);
        }

        @Override
        public Reply refusal(String verb) {
            // MAIL and STARTTLS are the commands a transaction does not allow
            return Reply.of(503, verb.equals("MAIL") ? "5.5.1 Nested MAIL command"
                    : "5.5.1 " + verb + " not allowed in a mail transaction");
        }
    }

    /** After DATA's 354: every line is message content until the lone dot. */
    record ReceivingData(MailTransaction transaction, IncomingMessage message) implements SessionState {
    }

    /** After QUIT or a dropped connection: input is ignored. */
    record Closed() implements SessionState {
    }
}
