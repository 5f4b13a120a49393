package org.mailshelf.mime;

import static org.junit.Assert.assertEquals;
import static org.mailshelf.mime.Messages.crlf;

import java.util.List;

import org.junit.Test;

/** {@link MessageStructure#addresses(String)}: parsed from the raw field, for SEARCH FROM/TO/CC/BCC. */
public class AddressesTest {

    private static final byte[] MESSAGE = crlf(
            "From: <user-from (comment)@ (comment) domain.org>",
            "To: =?UTF-8?Q?M=C3=BCller=2C_J=C3=BCrgen?= <jm@example.de>, x@example.org (Xavier)",
            "Cc: Friends: \"Ann \\\"A\\\"\" <\"ann b\"@example.com>, <@route.example:ben@example.net>;,",
            " broken@",
            "Bcc: undisclosed-recipients:;",
            "X-Also: Someone <someone@example.com>",
            "Subject: addresses",
            "",
            "body");

    @Test
    public void parsesCommentsEncodedNamesGroupsRoutesAndQuoting() {
        MessageStructure s = MessageAnalyzer.analyzeEntities(MESSAGE);
        assertEquals(List.of(new MailAddress(null, "user-from", "domain.org")), s.addresses("FROM"));
        assertEquals("user-from@domain.org", s.addresses("from").get(0).toString());
        assertEquals(List.of(new MailAddress("Müller, Jürgen", "jm", "example.de"),
                new MailAddress("Xavier", "x", "example.org")), s.addresses("To"));
        assertEquals(List.of(MailAddress.group("Friends"), new MailAddress("Ann \"A\"", "ann b", "example.com"),
                new MailAddress(null, "ben", "example.net"), new MailAddress(null, "broken", null)),
                s.addresses("Cc"));
        assertEquals("Friends:", s.addresses("Cc").get(0).toString());
        assertEquals("Ann \"A\" <ann b@example.com>", s.addresses("Cc").get(1).toString());
        assertEquals(List.of(MailAddress.group("undisclosed-recipients")), s.addresses("Bcc"));
        assertEquals(List.of(), s.addresses("Reply-To"));
        assertEquals(List.of(new MailAddress("Someone", "someone", "example.com")), s.addresses("x-also"));
    }

    @Test
    public void survivesSerialization() {
        MessageStructure s = MessageAnalyzer.analyzeEntities(MESSAGE);
        MessageStructure back = MessageStructure.fromBytes(s.toBytes());
        for (String field : List.of("From", "To", "Cc", "Bcc", "X-Also")) {
            assertEquals(s.addresses(field), back.addresses(field));
        }
    }
}
