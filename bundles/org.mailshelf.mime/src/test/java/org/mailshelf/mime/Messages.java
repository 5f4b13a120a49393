package org.mailshelf.mime;

import java.nio.charset.StandardCharsets;

/** Hand-written test messages and small helpers. */
final class Messages {

    private Messages() {
    }

    /** Lines joined with CRLF, each line terminated. Chars are octets (ISO-8859-1), so 8-bit bytes can be written. */
    static byte[] crlf(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 octets written as ISO-8859-1 chars, to put raw UTF-8 into {@link #crlf}. */
    static String utf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static String slice(byte[] message, int from, int to) {
        return new String(message, from, to - from, StandardCharsets.ISO_8859_1);
    }

    static String body(byte[] message, MessageStructure s, String path) {
        Part p = s.part(path).orElseThrow(() -> new AssertionError("no part " + path));
        return slice(message, p.bodyStart(), p.bodyEnd());
    }

    static String header(byte[] message, MessageStructure s, String path) {
        Part p = s.part(path).orElseThrow(() -> new AssertionError("no part " + path));
        return slice(message, p.headerStart(), p.headerEnd());
    }

    static final byte[] RFC3501_EXAMPLE = crlf(
            "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)",
            "From: Terry Gray <gray@cac.washington.edu>",
            "Subject: IMAP4rev1 WG mtg summary and minutes",
            "To: imap@cac.washington.edu",
            "cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>",
            "Message-Id: <B27397-0100000@cac.washington.edu>",
            "MIME-Version: 1.0",
            "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII",
            "",
            "Hello Joe, do you think we can meet at 3:30 tomorrow?");

    static final byte[] ALTERNATIVE = crlf(
            "From: a@example.com",
            "To: b@example.com",
            "Subject: alt",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"XX\"",
            "",
            "preamble",
            "--XX",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Caf=C3=A9",
            "--XX",
            "Content-Type: text/html; charset=utf-8",
            "",
            utf8("<p>Café</p>"),
            "--XX--",
            "epilogue");

    static final byte[] MIXED = crlf(
            "From: \"Doe, John\" <john@example.com>",
            "To: Team: alice@example.com, Bob <bob@example.com>;, carol@example.org",
            "Cc: undisclosed-recipients:;",
            "Subject: =?UTF-8?B?R3LDvMOfZQ==?= and =?ISO-8859-1?Q?caf=E9?=",
            "Date: 1 Feb 2024 10:00 +0100",
            "Message-ID: <m1@example.com>",
            "In-Reply-To: <m0@example.com>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=outer",
            "",
            "--outer",
            "Content-Type: text/plain",
            "",
            "See attached.",
            "--outer",
            "Content-Type: application/pdf; name=\"doc.pdf\"",
            "Content-Disposition: attachment; filename=\"doc.pdf\"",
            "Content-Transfer-Encoding: base64",
            "Content-ID: <pdf1@example.com>",
            "Content-Description: A document",
            "Content-Language: en",
            "",
            "JVBERi0xLjQK",
            "JSVFT0YK",
            "--outer",
            "Content-Type: message/rfc822",
            "",
            "From: Inner <inner@example.net>",
            "Subject: inner",
            "Content-Type: multipart/alternative; boundary=inner",
            "",
            "--inner",
            "Content-Type: text/plain",
            "",
            "inner text",
            "--inner",
            "Content-Type: text/html",
            "",
            "<b>inner</b>",
            "--inner--",
            "",
            "--outer--");
}
