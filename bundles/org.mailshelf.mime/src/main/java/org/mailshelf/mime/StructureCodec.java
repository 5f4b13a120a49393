package org.mailshelf.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailshelf.mime.internal.HeaderField;

/**
 * Binary form of {@link MessageStructure}: a version byte, then varint-length-prefixed fields. Offsets are stored
 * as deltas so typical values fit in one or two bytes. A new layout gets a new version byte; old versions stay
 * readable.
 */
final class StructureCodec {

    /** 2 added the parsed addresses after the header fields; 1 is still read, its addresses parsed from those. */
    static final int VERSION = 2;

    private StructureCodec() {
    }

    static byte[] encode(MessageStructure s) {
        Writer w = new Writer();
        w.out.write(VERSION);
        w.bytes(s.rawEnvelope());
        w.bytes(s.rawBody(true));
        w.bytes(s.rawBody(false));
        ZonedDateTime date = s.date().orElse(null);
        if (date == null) {
            w.varint(0);
        } else {
            w.varint(1);
            w.signed(date.toEpochSecond());
            w.signed(date.getOffset().getTotalSeconds());
        }
        w.varint(s.headers().size());
        for (HeaderField f : s.headers()) {
            w.string(f.name());
            w.string(f.value());
        }
        w.varint(s.addressMap().size());
        for (Map.Entry<String, List<MailAddress>> e : s.addressMap().entrySet()) {
            w.string(e.getKey());
            w.varint(e.getValue().size());
            for (MailAddress a : e.getValue()) {
                w.string(a.name());
                w.string(a.mailbox());
                w.string(a.host());
            }
        }
        w.varint(s.partMap().size());
        for (Part p : s.partMap().values()) {
            w.part(p);
        }
        return w.out.toByteArray();
    }

    static MessageStructure decode(byte[] data) {
        if (data == null || data.length == 0 || data[0] != VERSION && data[0] != 1) {
            throw new IllegalArgumentException("not a message structure of format version 1 or " + VERSION);
        }
        try {
            Reader r = new Reader(data);
            byte[] envelope = r.bytes();
            byte[] bodyStructure = r.bytes();
            byte[] body = r.bytes();
            ZonedDateTime date = null;
            if (r.varint() == 1) {
                long epoch = r.signed();
                ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) r.signed());
                date = ZonedDateTime.ofInstant(Instant.ofEpochSecond(epoch), offset);
            }
            int headerCount = r.count();
            List<HeaderField> headers = new ArrayList<>(headerCount);
            for (int i = 0; i < headerCount; i++) {
                headers.add(new HeaderField(r.string(), r.string()));
            }
            Map<String, List<MailAddress>> addresses = null;
            if (data[0] >= 2) {
                addresses = new LinkedHashMap<>();
                int fieldCount = r.count();
                for (int i = 0; i < fieldCount; i++) {
                    String name = r.string();
                    int n = r.count();
                    List<MailAddress> list = new ArrayList<>(n);
                    for (int j = 0; j < n; j++) {
                        list.add(new MailAddress(r.string(), r.string(), r.string()));
                    }
                    addresses.put(name, List.copyOf(list));
                }
            }
            int partCount = r.count();
            Map<String, Part> parts = new LinkedHashMap<>();
            for (int i = 0; i < partCount; i++) {
                Part p = r.part();
                parts.put(p.path(), p);
            }
            if (!parts.containsKey("") || r.pos != data.length) {
                throw new IllegalArgumentException("corrupt message structure");
            }
            return new MessageStructure(envelope, bodyStructure, body, parts, headers, date, addresses);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("corrupt message structure", e);
        }
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        void signed(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void bytes(byte[] b) {
            varint(b.length);
            out.write(b, 0, b.length);
        }

        /** null is length 0, a string of n bytes is n + 1. */
        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1L);
            out.write(b, 0, b.length);
        }

        void part(Part p) {
            string(p.path());
            varint(p.headerStart());
            varint(p.headerEnd() - p.headerStart());
            varint(p.bodyStart() - p.headerEnd());
            varint(p.bodyEnd() - p.bodyStart());
            string(p.mediaType());
            string(p.mediaSubtype());
            string(p.charset().orElse(null));
            string(p.transferEncoding());
            Part nested = p.message().orElse(null);
            varint(nested == null ? 0 : 1);
            if (nested != null) {
                part(nested);
            }
        }
    }

    private static final class Reader {
        final byte[] in;
        int pos = 1;

        Reader(byte[] in) {
            this.in = in;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = in[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        long signed() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        int count() {
            long n = varint();
            if (n < 0 || n > in.length - pos) {
                throw new IllegalArgumentException("bad length");
            }
            return (int) n;
        }

        byte[] bytes() {
            int n = count();
            byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
            pos += n;
            return b;
        }

        String string() {
            long n = varint();
            if (n == 0) {
                return null;
            }
            if (n - 1 > in.length - pos) {
                throw new IllegalArgumentException("bad length");
            }
            String s = new String(in, pos, (int) (n - 1), StandardCharsets.UTF_8);
            pos += (int) (n - 1);
            return s;
        }

        int offset() {
            long v = varint();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad offset");
            }
            return (int) v;
        }

        Part part() {
            String path = string();
            int headerStart = offset();
            int headerEnd = headerStart + offset();
            int bodyStart = headerEnd + offset();
            int bodyEnd = bodyStart + offset();
            String type = string();
            String subtype = string();
            String charset = string();
            String encoding = string();
            Part nested = varint() == 1 ? part() : null;
            return new Part(path, headerStart, headerEnd, bodyStart, bodyEnd, type, subtype, charset, encoding,
                    nested);
        }
    }
}
