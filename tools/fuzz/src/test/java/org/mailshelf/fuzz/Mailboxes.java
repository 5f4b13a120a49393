package org.mailshelf.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.store.memory.MemoryMailStore;

/** A fresh in-memory store: the user's INBOX with three messages (one multipart), and an empty "Archive". */
final class Mailboxes {

    private Mailboxes() {
    }

    static MemoryMailStore withMessages() {
        MemoryMailStore store = new MemoryMailStore();
        MailboxInfo inbox = store.createMailbox(FixedAuthenticator.USER, MailboxInfo.INBOX);
        store.createMailbox(FixedAuthenticator.USER, "Archive");
        Instant date = Instant.parse("2024-05-01T10:00:00Z");
        append(store, inbox, "From: a@example.org\r\nTo: user@example.com\r\nSubject: first\r\n"
                + "Date: Wed, 1 May 2024 10:00:00 +0000\r\n\r\nHello\r\n.dot\r\n", date);
        append(store, inbox, "From: b@example.org\r\nSubject: =?UTF-8?B?w6TDtsO8?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "part one\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "PGI+aGk8L2I+\r\n--b--\r\n", date.plusSeconds(60));
        append(store, inbox, "Subject: third\r\n\r\nno from\r\n", date.plusSeconds(120));
        return store;
    }

    private static void append(MemoryMailStore store, MailboxInfo box, String content, Instant date) {
        store.append(box.id(), content.getBytes(StandardCharsets.UTF_8), Flags.NONE, date);
    }
}
