package org.mailshelf.protocol.imap.search;

/** Sample messages for the evaluator and body text tests; lines end in CRLF, 8-bit bytes as ISO-8859-1 chars. */
final class Mail {

    private Mail() {
    }

    static String crlf(String s) {
        return s.replace("\n", "\r\n");
    }

    /**
     * multipart/mixed: a UTF-8 base64 text part, an ISO-8859-1 quoted-printable text part, a base64 attachment
     * that is not text, and an attached message with a text body. Encoded-word Subject and From, a folded Cc, a
     * raw UTF-8 header, a Date late in the evening west of UTC.
     */
    static final String MIXED = crlf("""
            From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.org>
            To: bob@example.com
            Cc: carol@example.com,
             dave@example.com
            Subject: =?UTF-8?B?w4l0w6kgZMOpamV1bmVy?=
            Date: Mon, 1 Jan 2024 23:30:00 -0500
            Message-ID: <mixed@example.org>
            X-Priority: 1
            X-Note: na\u00c3\u00afve
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            preamble is not searched
            --b1
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: base64

            R3LDvMOfZSBhdXMgS8O2bG4sIHNjaMO2bmUgU3RyYcOfZQ0K
            --b1
            Content-Type: text/plain; charset="ISO-8859-1"
            Content-Transfer-Encoding: quoted-printable

            =C7a co=FBte tr=E8s cher =E0 Gen=E8ve, a soft=
             break
            --b1
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: base64

            c2VjcmV0IGF0dGFjaG1lbnQ=
            --b1
            Content-Type: message/rfc822

            Subject: inner subject
            X-Inner: yes

            nested needle
            --b1--
            epilogue
            """);

    /** Single part, no Date header, no charset, 8-bit ISO-8859-1 body. */
    static final String LATIN1_NO_DATE = crlf("""
            Subject: plain
            From: x@example.org

            caf\u00e9 cr\u00e8me
            """);

    /** Single part, no charset, raw UTF-8 body, Date in a far-east zone just after midnight. */
    static final String UTF8_RAW = crlf("""
            Subject: utf8
            Date: Tue, 2 Jan 2024 00:00:00 +1400

            caf\u00c3\u00a9 cr\u00c3\u00a8me, decomposed: cafe\u00cc\u0081
            """);
}
