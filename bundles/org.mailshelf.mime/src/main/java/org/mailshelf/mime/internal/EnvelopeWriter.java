package org.mailshelf.mime.internal;

import java.util.List;

/**
 * ENVELOPE (RFC 3501 7.4.2): date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id, taken
 * from the first occurrence of each field, raw (not decoded). Sender and Reply-To fall back to From when absent or
 * empty; an address field without any address is NIL.
 */
public final class EnvelopeWriter {

    private EnvelopeWriter() {
    }

    public static byte[] write(List<HeaderField> fields) {
        ImapWriter w = new ImapWriter();
        write(w, fields);
        return w.toByteArray();
    }

    static void write(ImapWriter w, List<HeaderField> fields) {
        List<Address> from = AddressParser.parse(ContentInfo.first(fields, "From"));
        List<Address> sender = AddressParser.parse(ContentInfo.first(fields, "Sender"));
        List<Address> replyTo = AddressParser.parse(ContentInfo.first(fields, "Reply-To"));
        w.open();
        w.nstring(ContentInfo.first(fields, "Date"));
        w.nstring(ContentInfo.first(fields, "Subject"));
        addresses(w, from);
        addresses(w, sender.isEmpty() ? from : sender);
        addresses(w, replyTo.isEmpty() ? from : replyTo);
        addresses(w, AddressParser.parse(ContentInfo.first(fields, "To")));
        addresses(w, AddressParser.parse(ContentInfo.first(fields, "Cc")));
        addresses(w, AddressParser.parse(ContentInfo.first(fields, "Bcc")));
        w.nstring(ContentInfo.first(fields, "In-Reply-To"));
        w.nstring(ContentInfo.first(fields, "Message-ID"));
        w.close();
    }

    private static void addresses(ImapWriter w, List<Address> list) {
        if (list.isEmpty()) {
            w.nil();
            return;
        }
        w.open();
        for (Address a : list) {
            w.noSpace().open();
            w.nstring(a.name()).nstring(a.route()).nstring(a.mailbox()).nstring(a.host());
            w.close();
        }
        w.close();
    }
}
