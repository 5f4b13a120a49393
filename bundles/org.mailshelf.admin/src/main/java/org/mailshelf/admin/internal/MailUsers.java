package org.mailshelf.admin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.auth.UserAdmin;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxNotFoundException;

/**
 * The one service layer behind the REST API, the Gogo commands and the console page, so the three agree on
 * what a user operation does. Passwords handed in are wiped once used.
 */
final class MailUsers {

    record Mailbox(String name, int messages) {
    }

    private final UserAdmin userAdmin;
    private final MailStore mailStore;

    MailUsers(UserAdmin userAdmin, MailStore mailStore) {
        this.userAdmin = userAdmin;
        this.mailStore = mailStore;
    }

    List<String> names() {
        return userAdmin.list();
    }

    /** @return empty if there is no such user */
    Optional<List<Mailbox>> mailboxes(String name) {
        if (!userAdmin.exists(name)) {
            return Optional.empty();
        }
        List<Mailbox> result = new ArrayList<>();
        for (MailboxInfo box : mailStore.mailboxes(name)) {
            try {
                result.add(new Mailbox(box.name(), mailStore.counts(box.id()).messages()));
            } catch (MailboxNotFoundException deletedMeanwhile) {
                // a concurrent delete: the mailbox is simply no longer there
            }
        }
        return Optional.of(result);
    }

    /** @see UserAdmin#create */
    void create(String name, char[] password) {
        try {
            userAdmin.create(name, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    boolean delete(String name) {
        return userAdmin.delete(name);
    }

    /** @see UserAdmin#changePassword */
    boolean changePassword(String name, char[] password) {
        try {
            return userAdmin.changePassword(name, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
