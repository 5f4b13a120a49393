package org.mailshelf.mime.internal;

import java.util.List;

import org.apache.james.mime4j.stream.NameValuePair;

/**
 * BODY and BODYSTRUCTURE (RFC 3501 7.4.2) of an entity tree. Sizes are octets of the body as stored and "lines"
 * counts LF octets, both over the stored bytes; the extension data written with BODYSTRUCTURE is always the full
 * set (MD5, disposition, language, location for single parts; parameters, disposition, language, location for
 * multiparts), as Dovecot and James do.
 */
public final class BodyStructureWriter {

    private final byte[] message;
    private final boolean extensible;

    private BodyStructureWriter(byte[] message, boolean extensible) {
        this.message = message;
        this.extensible = extensible;
    }

    public static byte[] write(byte[] message, Entity root, boolean extensible) {
        ImapWriter w = new ImapWriter();
        new BodyStructureWriter(message, extensible).body(w, root);
        return w.toByteArray();
    }

    private void body(ImapWriter w, Entity e) {
        ContentInfo c = e.content();
        w.open();
        if (e.isMultipart()) {
            for (Entity child : e.children()) {
                w.noSpace();
                body(w, child);
            }
            w.string(c.subtype());
            if (extensible) {
                params(w, c.params());
                disposition(w, c);
                language(w, c.languages());
                w.nstring(c.location());
            }
        } else {
            w.string(c.type()).string(c.subtype());
            params(w, c.params());
            w.nstring(c.id()).nstring(c.description()).string(c.encoding());
            w.number(e.bodyEnd() - e.bodyStart());
            if (e.message() != null) {
                EnvelopeWriter.write(w, e.message().fields());
                body(w, e.message());
                w.number(Lines.count(message, e.bodyStart(), e.bodyEnd()));
            } else if (c.isText()) {
                w.number(Lines.count(message, e.bodyStart(), e.bodyEnd()));
            }
            if (extensible) {
                w.nstring(c.md5());
                disposition(w, c);
                language(w, c.languages());
                w.nstring(c.location());
            }
        }
        w.close();
    }

    private static void params(ImapWriter w, List<NameValuePair> params) {
        if (params.isEmpty()) {
            w.nil();
            return;
        }
        w.open();
        for (NameValuePair p : params) {
            w.string(p.getName()).string(p.getValue() == null ? "" : p.getValue());
        }
        w.close();
    }

    private static void disposition(ImapWriter w, ContentInfo c) {
        if (c.disposition() == null) {
            w.nil();
            return;
        }
        w.open().string(c.disposition());
        params(w, c.dispositionParams());
        w.close();
    }

    /** Always the list form, as Dovecot writes it; RFC 3501 allows a single string too. */
    private static void language(ImapWriter w, List<String> languages) {
        if (languages.isEmpty()) {
            w.nil();
            return;
        }
        w.open();
        languages.forEach(w::string);
        w.close();
    }
}
