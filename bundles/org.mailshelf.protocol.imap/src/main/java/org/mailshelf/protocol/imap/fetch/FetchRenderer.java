package org.mailshelf.protocol.imap.fetch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mailshelf.api.MessageMeta;
import org.mailshelf.mime.MessageStructure;
import org.mailshelf.protocol.imap.codec.ImapDates;
import org.mailshelf.protocol.imap.message.MessageView;

/**
 * Renders the untagged {@code * <msn> FETCH (...)} response for one message (RFC 3501 section 7.4.2),
 * byte-exact and in one array:
 * <ul>
 * <li>items in the order requested; UID first when the command is UID FETCH and UID was not asked for, then
 * MODSEQ when CONDSTORE is on for the session or CHANGEDSINCE was given and MODSEQ was not asked for (RFC 7162
 * section 3.1.4.1); FLAGS last when the fetch changed them and FLAGS was not asked for;</li>
 * <li>section data always as literals ({@code {0}} when empty), as Dovecot does, NUL octets sent as 0x80
 * (literals must not carry NUL; Dovecot does the same);</li>
 * <li>ENVELOPE, BODY and BODYSTRUCTURE as {@link MessageStructure} stored them.</li>
 * </ul>
 * The session applies the \Seen side effect first and renders the updated view. Stateless and thread-safe.
 */
public final class FetchRenderer {

    private static final BodySection RFC822_ALL = new BodySection(false, List.of(), BodySection.Kind.CONTENT,
            List.of(), -1, -1);
    private static final BodySection RFC822_HEADER = new BodySection(true, List.of(), BodySection.Kind.HEADER,
            List.of(), -1, -1);
    private static final BodySection RFC822_TEXT = new BodySection(false, List.of(), BodySection.Kind.TEXT,
            List.of(), -1, -1);

    private final ZoneId zone;

    /** @param zone the zone INTERNALDATE is written in (the server's, usually) */
    public FetchRenderer(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
    }

    /** {@link #render(FetchRequest, MessageView, boolean, boolean, boolean)} when the flags did not change. */
    public byte[] render(FetchRequest request, MessageView view, boolean uidCommand, boolean condstoreEnabled) {
        return render(request, view, uidCommand, condstoreEnabled, false);
    }

    /**
     * @param uidCommand       UID FETCH: UID is always included
     * @param condstoreEnabled CONDSTORE is enabled in this session: MODSEQ is always included
     * @param flagsChanged     this fetch set \Seen on the message ({@code view} already shows it): FLAGS is
     *                         always included
     */
    public byte[] render(FetchRequest request, MessageView view, boolean uidCommand, boolean condstoreEnabled,
            boolean flagsChanged) {
        List<FetchItem> items = new ArrayList<>(request.items().size() + 3);
        if (uidCommand && !request.contains(FetchAttribute.UID)) {
            items.add(FetchAttribute.UID);
        }
        if ((condstoreEnabled || request.hasChangedSince()) && !request.contains(FetchAttribute.MODSEQ)) {
            items.add(FetchAttribute.MODSEQ);
        }
        items.addAll(request.items());
        if (flagsChanged && !request.contains(FetchAttribute.FLAGS)) {
            items.add(FetchAttribute.FLAGS);
        }
        Out out = new Out();
        out.ascii("* " + view.msn() + " FETCH (");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(' ');
            }
            FetchItem item = items.get(i);
            out.ascii(item.responseName());
            out.write(' ');
            if (item instanceof BodySection s) {
                out.literal(partial(s, SectionReader.read(s, s.needsStructure() ? view.structure() : null,
                        view.content())));
            } else {
                attribute((FetchAttribute) item, view, out);
            }
        }
        out.ascii(")\r\n");
        return out.toByteArray();
    }

    private void attribute(FetchAttribute a, MessageView view, Out out) {
        MessageMeta meta = view.meta();
        switch (a) {
            case UID -> out.ascii(Long.toString(view.uid()));
            case MODSEQ -> out.ascii("(" + meta.modSeq() + ")");
            case FLAGS -> out.ascii("(" + String.join(" ", FlagNames.of(meta.flags(), view.recent())) + ")");
            case INTERNALDATE -> out.ascii('"' + ImapDates.formatDateTime(meta.internalDate().atZone(zone)
                    .toOffsetDateTime()) + '"');
            case RFC822_SIZE -> out.ascii(Long.toString(meta.size()));
            case ENVELOPE -> out.writeBytes(view.structure().envelope());
            case BODY -> out.writeBytes(view.structure().bodyStructure(false));
            case BODYSTRUCTURE -> out.writeBytes(view.structure().bodyStructure(true));
            case RFC822 -> out.literal(SectionReader.read(RFC822_ALL, null, view.content()));
            case RFC822_HEADER -> out.literal(SectionReader.read(RFC822_HEADER, view.structure(), view.content()));
            case RFC822_TEXT -> out.literal(SectionReader.read(RFC822_TEXT, view.structure(), view.content()));
        }
    }

    /** {@code <o.n>}: n octets from o, fewer at the end, none when o is beyond it. */
    private static byte[] partial(BodySection s, byte[] data) {
        if (!s.hasPartial()) {
            return data;
        }
        if (s.partialOffset() >= data.length) {
            return new byte[0];
        }
        long end = Math.min(data.length, s.partialOffset() + s.partialLength());
        return SectionReader.slice(data, (int) s.partialOffset(), (int) end);
    }

    /** The response being built. */
    private static final class Out extends ByteArrayOutputStream {
        Out() {
            super(256);
        }

        void ascii(String s) {
            writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        }

        /** {@code {n}\r\n} and the bytes, NUL written as 0x80. */
        void literal(byte[] data) {
            ascii("{" + data.length + "}\r\n");
            int from = count;
            writeBytes(data);
            for (int i = from; i < count; i++) {
                if (buf[i] == 0) {
                    buf[i] = (byte) 0x80;
                }
            }
        }
    }
}
