package org.mailshelf.protocol.lmtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.Test;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.protocol.lmtp.LmtpFixture.RawSession;

/** STARTTLS (RFC 3207) and the listener that requires it; the recording connection stands in for TLS. */
public class LmtpStartTlsTest {

    private static final String HELLO_WITH_STARTTLS = """
            S: 220 localhost LMTP ready
            C: LHLO client.example.org
            """ + LmtpFixture.CAPABILITIES_WITH_STARTTLS;

    private final LmtpFixture lmtp = new LmtpFixture();

    private static RecordingConnection fromAnotherHost() {
        return new RecordingConnection(new InetSocketAddress("192.0.2.10", 50000));
    }

    @Test
    public void advertisedUntilTlsIsOnThenTheSessionStartsOverAndDelivers() {
        RecordingConnection connection = lmtp.transcript(new RecordingConnection().offerTls(),
                HELLO_WITH_STARTTLS + """
                C: STARTTLS
                S: 220 2.0.0 Ready to start TLS
                C: MAIL FROM:<a@remote.org>
                S: 503 5.5.1 Send LHLO first
                C: LHLO client.example.org
                """ + LmtpFixture.CAPABILITIES + """
                C: STARTTLS
                S: 503 5.5.1 TLS already active
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<alice>
                C: DATA
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                C: private words
                C: .
                S: 250 2.0.0 <alice> Delivered
                """);
        assertTrue(connection.isSecure());
        assertEquals(List.of("Return-Path: <a@remote.org>\r\nprivate words\r\n"), lmtp.inbox("alice"));
    }

    /** The STARTTLS command injection (CVE-2011-0411): what a man in the middle appends must not be delivered. */
    @Test
    public void commandsPipelinedAfterStartTlsAreDropped() {
        lmtp.transcript(new RecordingConnection().offerTls(), HELLO_WITH_STARTTLS + """
                C: STARTTLS
                C: LHLO injected
                C: MAIL FROM:<injected@remote.org>
                C: RCPT TO:<alice>
                C: DATA
                C: injected
                C: .
                S: 220 2.0.0 Ready to start TLS
                C: RCPT TO:<alice>
                S: 503 5.5.1 Send LHLO first
                """);
        assertEquals(List.of(), lmtp.inbox("alice"));
    }

    @Test
    public void aPartLinePipelinedAfterStartTlsIsDroppedToo() {
        RawSession session = lmtp.raw(new RecordingConnection().offerTls());
        session.send("LHLO c\r\nSTARTTLS\r\nMAIL FROM:<injec").output();
        // read together with the rest of the line it would be "MAIL FROM:<injecLHLO c", a syntax error
        assertTrue(session.send("LHLO c\r\n").output().startsWith("250-localhost\r\n"));
    }

    @Test
    public void notAdvertisedAndRefusedWhereTheConnectionCannotStartTls() {
        lmtp.transcript("""
                S: 220 localhost LMTP ready
                C: LHLO client.example.org
                """ + LmtpFixture.CAPABILITIES + """
                C: STARTTLS
                S: 454 4.7.0 TLS not available
                C: MAIL FROM:<a@remote.org>
                S: 250 2.1.0 OK
                """);
    }

    @Test
    public void overImplicitTlsNotAdvertisedAndRefused() {
        lmtp.transcript(new RecordingConnection().secure(), """
                S: 220 localhost LMTP ready
                C: LHLO client.example.org
                """ + LmtpFixture.CAPABILITIES + """
                C: STARTTLS
                S: 503 5.5.1 TLS already active
                """);
    }

    @Test
    public void onlyAfterLhloOutsideATransactionAndWithoutParameters() {
        lmtp.transcript(new RecordingConnection().offerTls(), """
                S: 220 localhost LMTP ready
                C: STARTTLS
                S: 503 5.5.1 Send LHLO first
                C: LHLO client.example.org
                """ + LmtpFixture.CAPABILITIES_WITH_STARTTLS + """
                C: STARTTLS now
                S: 501 5.5.4 Syntax: STARTTLS
                C: MAIL FROM:<a@remote.org>
                C: STARTTLS
                S: 250 2.1.0 OK
                S: 503 5.5.1 STARTTLS not allowed in a mail transaction
                C: RSET
                C: starttls
                S: 250 2.0.0 OK
                S: 220 2.0.0 Ready to start TLS
                """);
    }

    @Test
    public void requiredTlsRefusesMailFromAnotherHostUntilStartTls() {
        LmtpFixture required = new LmtpFixture(new LmtpConfig("localhost", 52428800, 100, 4096, true));
        required.transcript(fromAnotherHost().offerTls(), HELLO_WITH_STARTTLS + """
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<alice>
                S: 530 5.7.0 Must issue a STARTTLS command first
                S: 503 5.5.1 Send MAIL first
                C: STARTTLS
                S: 220 2.0.0 Ready to start TLS
                C: LHLO client.example.org
                """ + LmtpFixture.CAPABILITIES + """
                C: MAIL FROM:<a@remote.org>
                S: 250 2.1.0 OK
                """);
    }

    @Test
    public void requiredTlsWithoutACertificateDefersTheClient() {
        LmtpFixture required = new LmtpFixture(new LmtpConfig("localhost", 52428800, 100, 4096, true));
        required.transcript(fromAnotherHost(), """
                S: *
                C: LHLO client.example.org
                """ + LmtpFixture.CAPABILITIES + """
                C: MAIL FROM:<a@remote.org>
                S: 530 5.7.0 Must issue a STARTTLS command first
                C: STARTTLS
                S: 454 4.7.0 TLS not available
                """);
    }

    @Test
    public void requiredTlsIsMetByImplicitTlsAndNotAskedOfThisHost() {
        LmtpFixture required = new LmtpFixture(new LmtpConfig("localhost", 52428800, 100, 4096, true));
        String mail = """
                S: *
                C: LHLO client.example.org
                """ + LmtpFixture.CAPABILITIES + """
                C: MAIL FROM:<a@remote.org>
                S: 250 2.1.0 OK
                """;
        required.transcript(fromAnotherHost().secure(), mail);
        required.transcript(new RecordingConnection(), mail);
    }
}
