package org.mailshelf.mime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * The MIME fields of one entity as IMAP reports them: values keep the case and octets found in the message, with
 * RFC 3501's defaults ("TEXT" "PLAIN" ("CHARSET" "US-ASCII"), "7BIT") only where a field is absent or unusable.
 * Parameter syntax is parsed by mime4j's {@link RawFieldParser}.
 */
public record ContentInfo(String type, String subtype, List<NameValuePair> params, String id, String description,
        String encoding, String md5, String disposition, List<NameValuePair> dispositionParams,
        List<String> languages, String location) {

    /** Default content type of a part: text/plain, or message/rfc822 inside multipart/digest (RFC 2046 5.1.5). */
    public enum Default {
        TEXT, MESSAGE
    }

    public static ContentInfo of(List<HeaderField> fields, Default fallback) {
        String type;
        String subtype;
        List<NameValuePair> params;
        RawBody contentType = parse(first(fields, "Content-Type"));
        String[] mediaType = contentType == null ? null : splitType(contentType.getValue());
        if (mediaType != null) {
            type = mediaType[0];
            subtype = mediaType[1];
            params = withDefaultCharset(type, contentType.getParams());
        } else if (fallback == Default.MESSAGE) {
            type = "MESSAGE";
            subtype = "RFC822";
            params = List.of();
        } else {
            type = "TEXT";
            subtype = "PLAIN";
            params = List.of(new NameValuePair("CHARSET", "US-ASCII"));
        }
        String encoding = first(fields, "Content-Transfer-Encoding");
        RawBody disposition = parse(first(fields, "Content-Disposition"));
        String dispositionType = disposition == null || disposition.getValue().isEmpty() ? null
                : disposition.getValue();
        return new ContentInfo(type, subtype, params, first(fields, "Content-ID"),
                first(fields, "Content-Description"),
                encoding == null || encoding.isEmpty() ? "7BIT" : encoding,
                first(fields, "Content-MD5"), dispositionType,
                dispositionType == null ? List.of() : List.copyOf(disposition.getParams()),
                languages(first(fields, "Content-Language")), first(fields, "Content-Location"));
    }

    /** A text part without charset is US-ASCII (RFC 2045 5.2); Dovecot and James say so explicitly. */
    private static List<NameValuePair> withDefaultCharset(String type, List<NameValuePair> params) {
        if (!type.equalsIgnoreCase("text")) {
            return List.copyOf(params);
        }
        for (NameValuePair p : params) {
            if (p.getName().equalsIgnoreCase("charset")) {
                return List.copyOf(params);
            }
        }
        List<NameValuePair> withCharset = new ArrayList<>(params);
        withCharset.add(new NameValuePair("CHARSET", "US-ASCII"));
        return List.copyOf(withCharset);
    }

    public boolean isMultipart() {
        return type.equalsIgnoreCase("multipart");
    }

    public boolean isMessageRfc822() {
        return type.equalsIgnoreCase("message") && subtype.equalsIgnoreCase("rfc822");
    }

    public boolean isText() {
        return type.equalsIgnoreCase("text");
    }

    /** Only identity encodings leave a nested multipart or message parseable in place (RFC 2045 6.4). */
    public boolean hasIdentityEncoding() {
        String e = encoding.toLowerCase(Locale.ROOT);
        return e.equals("7bit") || e.equals("8bit") || e.equals("binary");
    }

    public String param(String name) {
        for (NameValuePair p : params) {
            if (p.getName().equalsIgnoreCase(name)) {
                return p.getValue();
            }
        }
        return null;
    }

    /** First value of the named field, or null. */
    public static String first(List<HeaderField> fields, String name) {
        for (HeaderField f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f.value();
            }
        }
        return null;
    }

    private static RawBody parse(String value) {
        if (value == null) {
            return null;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayBuffer seq = new ByteArrayBuffer(bytes, bytes.length, false);
        return RawFieldParser.DEFAULT.parseRawBody(seq, new ParserCursor(0, bytes.length));
    }

    /** "type/subtype" into its two tokens, or null when either is missing (then the default applies). */
    private static String[] splitType(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return null;
        }
        String type = value.substring(0, slash).strip();
        String subtype = value.substring(slash + 1).strip();
        if (type.isEmpty() || subtype.isEmpty() || subtype.indexOf('/') >= 0) {
            return null;
        }
        return new String[] {type, subtype};
    }

    private static List<String> languages(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String tag : value.split(",")) {
            String t = tag.strip();
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        return List.copyOf(tags);
    }
}
