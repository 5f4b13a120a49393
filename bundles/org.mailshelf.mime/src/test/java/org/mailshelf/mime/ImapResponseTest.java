package org.mailshelf.mime;

import static org.junit.Assert.assertEquals;
import static org.mailshelf.mime.Messages.crlf;
import static org.mailshelf.mime.Messages.str;
import static org.mailshelf.mime.Messages.utf8;

import org.junit.Test;

/** Exact ENVELOPE / BODY / BODYSTRUCTURE strings, written by hand from RFC 3501 7.4.2 and Dovecot's output. */
public class ImapResponseTest {

    private static final String TERRY = "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"))";

    @Test
    public void rfc3501ExampleEnvelope() {
        MessageStructure s = MessageAnalyzer.analyze(Messages.RFC3501_EXAMPLE);
        assertEquals("(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
                + TERRY + " " + TERRY + " " + TERRY + " ((NIL NIL \"imap\" \"cac.washington.edu\")) "
                + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) "
                + "NIL NIL \"<B27397-0100000@cac.washington.edu>\")", str(s.envelope()));
    }

    @Test
    public void rfc3501ExampleBody() {
        MessageStructure s = MessageAnalyzer.analyze(Messages.RFC3501_EXAMPLE);
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1)",
                str(s.bodyStructure(false)));
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1 NIL NIL NIL NIL)",
                str(s.bodyStructure(true)));
    }

    @Test
    public void defaultsWhenNoMimeHeaders() {
        MessageStructure s = MessageAnalyzer.analyze(crlf("Subject: hi", "", "one", "two"));
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 10 2)",
                str(s.bodyStructure(false)));
        assertEquals("(NIL \"hi\" NIL NIL NIL NIL NIL NIL NIL NIL)", str(s.envelope()));
    }

    @Test
    public void multipartAlternative() {
        MessageStructure s = MessageAnalyzer.analyze(Messages.ALTERNATIVE);
        assertEquals("((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 9 0)"
                + "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7BIT\" 12 0) \"alternative\")",
                str(s.bodyStructure(false)));
        assertEquals("((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 9 0 NIL NIL NIL NIL)"
                + "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7BIT\" 12 0 NIL NIL NIL NIL)"
                + " \"alternative\" (\"boundary\" \"XX\") NIL NIL NIL)", str(s.bodyStructure(true)));
    }

    @Test
    public void mixedWithAttachmentAndNestedMessage() {
        MessageStructure s = MessageAnalyzer.analyze(Messages.MIXED);
        String innerEnvelope = "(NIL \"inner\" ((\"Inner\" NIL \"inner\" \"example.net\")) "
                + "((\"Inner\" NIL \"inner\" \"example.net\")) ((\"Inner\" NIL \"inner\" \"example.net\")) "
                + "NIL NIL NIL NIL NIL)";
        String innerBody = "((\"text\" \"plain\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 10 0 NIL NIL NIL NIL)"
                + "(\"text\" \"html\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 12 0 NIL NIL NIL NIL)"
                + " \"alternative\" (\"boundary\" \"inner\") NIL NIL NIL)";
        assertEquals("((\"text\" \"plain\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 13 0 NIL NIL NIL NIL)"
                + "(\"application\" \"pdf\" (\"name\" \"doc.pdf\") \"<pdf1@example.com>\" \"A document\" \"base64\""
                + " 22 NIL (\"attachment\" (\"filename\" \"doc.pdf\")) (\"en\") NIL)"
                + "(\"message\" \"rfc822\" NIL NIL NIL \"7BIT\" 214 " + innerEnvelope + " " + innerBody
                + " 13 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"outer\") NIL NIL NIL)",
                str(s.bodyStructure(true)));
    }

    @Test
    public void envelopeWithGroupsAndMissingHeaders() {
        MessageStructure s = MessageAnalyzer.analyze(Messages.MIXED);
        String doe = "((\"Doe, John\" NIL \"john\" \"example.com\"))";
        assertEquals("(\"1 Feb 2024 10:00 +0100\" \"=?UTF-8?B?R3LDvMOfZQ==?= and =?ISO-8859-1?Q?caf=E9?=\" "
                + doe + " " + doe + " " + doe + " "
                + "((NIL NIL \"Team\" NIL)(NIL NIL \"alice\" \"example.com\")(\"Bob\" NIL \"bob\" \"example.com\")"
                + "(NIL NIL NIL NIL)(NIL NIL \"carol\" \"example.org\")) "
                + "((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) "
                + "NIL \"<m0@example.com>\" \"<m1@example.com>\")", str(s.envelope()));
    }

    @Test
    public void senderAndReplyToAndRouteAndCommentName() {
        MessageStructure s = MessageAnalyzer.analyze(crlf(
                "From: joe@example.com (Joe Q. Public)",
                "Sender: <@relay.example,@gw.example:sec@example.com>",
                "Reply-To: list@example.com",
                "To: nobody",
                "Subject: say \"hi\" \\ bye",
                "", "x"));
        assertEquals("(NIL \"say \\\"hi\\\" \\\\ bye\" ((\"Joe Q. Public\" NIL \"joe\" \"example.com\")) "
                + "((NIL \"@relay.example,@gw.example\" \"sec\" \"example.com\")) "
                + "((NIL NIL \"list\" \"example.com\")) ((NIL NIL \"nobody\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL)",
                str(s.envelope()));
    }

    @Test
    public void eightBitHeaderBytesBecomeLiterals() {
        String subject = utf8("Grüße");
        MessageStructure s = MessageAnalyzer.analyze(crlf("Subject: " + subject, "From: " + utf8("Jörg")
                + " <j@example.de>", "", "body"));
        assertEquals("(NIL {7}\r\n" + subject + " ((" + "{5}\r\n" + utf8("Jörg") + " NIL \"j\" \"example.de\")) "
                + "((" + "{5}\r\n" + utf8("Jörg") + " NIL \"j\" \"example.de\")) "
                + "((" + "{5}\r\n" + utf8("Jörg") + " NIL \"j\" \"example.de\")) NIL NIL NIL NIL NIL)",
                str(s.envelope()));
    }

    @Test
    public void digestPartsDefaultToMessage() {
        MessageStructure s = MessageAnalyzer.analyze(crlf(
                "Content-Type: multipart/digest; boundary=d",
                "",
                "--d",
                "",
                "Subject: one",
                "",
                "1",
                "--d--"));
        assertEquals("((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 17 "
                + "(NIL \"one\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1 0) 2) \"digest\")",
                str(s.bodyStructure(false)));
    }

    @Test
    public void multipartWithoutPartsGetsEmptyTextPart() {
        MessageStructure s = MessageAnalyzer.analyze(crlf(
                "Content-Type: multipart/mixed; boundary=nothere", "", "just text"));
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0) \"mixed\")",
                str(s.bodyStructure(false)));
    }
}
