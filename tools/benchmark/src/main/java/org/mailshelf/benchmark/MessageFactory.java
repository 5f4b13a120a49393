package org.mailshelf.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Random;

/**
 * Deterministic, varied test messages: distinct subjects of a few common words, From/To/Date/Message-ID
 * headers, text bodies of 300 bytes to about 4 KB, and every tenth message multipart/mixed with a small base64
 * attachment. Message i (from 0) has {@link #SUBJECT_WORD} in its subject when i % 100 == 0 and
 * {@link #BODY_WORD} in its body when i % 100 == 50, so each is in 1% of the messages and nowhere else.
 */
final class MessageFactory {
    static final String SUBJECT_WORD = "kumquat";
    static final String BODY_WORD = "platypus";

    private static final String[] WORDS = ("meeting report budget review project release draft schedule team "
            + "quarter update plan status minutes agenda invoice contract customer order shipping delivery "
            + "server backup network storage database migration upgrade ticket support request question answer "
            + "holiday travel hotel flight lunch dinner coffee office building parking weekend monday friday "
            + "notes slides proposal feedback design prototype testing results metrics dashboard report summary "
            + "the a of and to in for on with at by from about this that please thanks regards could would "
            + "should will can need let know soon today tomorrow next last week month year new old final "
            + "important urgent quick small large first second third open closed pending done ready").split(" ");
    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"};
    private static final String[] DOMAINS = {"example.com", "example.org", "example.net", "corp.example"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    private final String recipient;
    private final int total;

    MessageFactory(String recipient, int total) {
        this.recipient = recipient;
        this.total = Math.max(1, total);
    }

    /** Message i as RFC 5322 text with CRLF line ends. */
    String message(int i) {
        Random r = new Random(i * 7919L + 17);
        String from = NAMES[r.nextInt(NAMES.length)];
        StringBuilder subject = new StringBuilder(r.nextInt(5) == 0 ? "Re: " : "");
        int words = 3 + r.nextInt(5);
        for (int w = 0; w < words; w++) {
            String word = WORDS[r.nextInt(WORDS.length)];
            subject.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
            if (w == 1 && i % 100 == 0) {
                subject.append(SUBJECT_WORD).append(' ');
            }
        }
        subject.append('#').append(i);
        long date = START + (long) i * (365L * 86400 / total) + r.nextInt(3600);
        StringBuilder m = new StringBuilder(4096);
        m.append("Return-Path: <").append(from).append("@").append(DOMAINS[i % DOMAINS.length]).append(">\r\n")
                .append("From: \"").append(Character.toUpperCase(from.charAt(0))).append(from.substring(1))
                .append(" Example\" <").append(from).append('@').append(DOMAINS[i % DOMAINS.length]).append(">\r\n")
                .append("To: <").append(recipient).append(">\r\n")
                .append("Subject: ").append(subject).append("\r\n")
                .append("Date: ").append(DATE.format(Instant.ofEpochSecond(date))).append("\r\n")
                .append("Message-ID: <").append(i).append('.').append(r.nextInt(1 << 30)).append("@bench.example>\r\n")
                .append("MIME-Version: 1.0\r\n");
        String body = body(r, i);
        if (i % 10 == 5) {
            String boundary = "=_bench_" + i;
            byte[] attachment = new byte[500 + r.nextInt(2500)];
            r.nextBytes(attachment);
            m.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
                    .append("This is a multi-part message in MIME format.\r\n")
                    .append("--").append(boundary).append("\r\n")
                    .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n").append(body)
                    .append("--").append(boundary).append("\r\n")
                    .append("Content-Type: application/octet-stream; name=\"data").append(i).append(".bin\"\r\n")
                    .append("Content-Disposition: attachment; filename=\"data").append(i).append(".bin\"\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(attachment)).append("\r\n")
                    .append("--").append(boundary).append("--\r\n");
        } else {
            m.append("Content-Type: text/plain; charset=us-ascii\r\n\r\n").append(body);
        }
        return m.toString();
    }

    /** Message i for LMTP DATA: dot-stuffed and terminated by a lone dot line. */
    byte[] lmtpData(int i) {
        String text = message(i).replace("\r\n.", "\r\n..");
        return (text + ".\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String body(Random r, int i) {
        int size = 300 + (int) Math.min(3800, Math.abs(r.nextGaussian()) * 1200);
        StringBuilder b = new StringBuilder(size + 100).append("Hello,\r\n\r\n");
        int column = 0;
        boolean marked = i % 100 != 50;
        while (b.length() < size) {
            String word = !marked && b.length() > size / 2 ? BODY_WORD : WORDS[r.nextInt(WORDS.length)];
            marked |= word == BODY_WORD;
            b.append(word);
            column += word.length() + 1;
            if (column > 68) {
                b.append("\r\n");
                column = 0;
            } else {
                b.append(' ');
            }
        }
        return b.append("\r\n\r\n-- \r\nsent by the Mailshelf benchmark\r\n").toString();
    }
}
