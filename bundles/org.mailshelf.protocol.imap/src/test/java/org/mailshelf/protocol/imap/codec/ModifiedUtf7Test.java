package org.mailshelf.protocol.imap.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

public class ModifiedUtf7Test {

    private static void both(String decoded, String encoded) throws ParseException {
        assertEquals(encoded, ModifiedUtf7.encode(decoded));
        assertEquals(decoded, ModifiedUtf7.decode(encoded));
    }

    @Test
    public void rfc3501Examples() throws ParseException {
        both("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e", "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    }

    @Test
    public void roundTrips() throws ParseException {
        both("INBOX", "INBOX");
        both("", "");
        both("&", "&-");
        both("Tom & Jerry", "Tom &- Jerry");
        both("&&", "&-&-");
        both("Entw\u00fcrfe", "Entw&APw-rfe");
        both("\u00e9", "&AOk-");
        both("\u00e9\u00e9", "&AOkA6Q-");
        both("\u00e9\u00e9\u00e9", "&AOkA6QDp-");
        both("Gel\u00f6scht/\u00fc", "Gel&APY-scht/&APw-");
        both("tab\there", "tab&AAk-here");
        both("\ud83d\ude00 smile", "&2D3eAA- smile");
        both("&\u00e9", "&-&AOk-");
        both("~/?*%\"\\", "~/?*%\"\\");
    }

    @Test
    public void rejectsInvalid() {
        for (String s : List.of(
                "&Jjo", // no closing "-"
                "&AGE-", // encodes "a", printable ASCII
                "&ACY-", // encodes "&"
                "&AOk", "&AO-", // too few bits
                "&AOkA-", // non-shortest: 6 extra bits
                "&AOl-", // non-zero padding bits
                "&AOk-&AOk-", // adjacent runs
                "&2D0-", // lone high surrogate
                "&3gA-", // lone low surrogate
                "&AOk/-", // "/" is not modified BASE64
                "&AOk=-", // no padding
                "caf\u00e9", // raw non-ASCII
                "a\tb" // raw control
        )) {
            try {
                fail("accepted " + s + " as " + ModifiedUtf7.decode(s));
            } catch (ParseException expected) {
                // fine
            }
        }
    }

    @Test
    public void everyDecodedNameReEncodesToTheSameForm() throws ParseException {
        for (String s : List.of("&U,BTFw-", "&ZeVnLIqe-", "a&-b", "&AOkA6QDp-x&APw-", "&2D3eAA-")) {
            assertEquals(s, ModifiedUtf7.encode(ModifiedUtf7.decode(s)));
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void encodeRefusesLoneSurrogate() {
        ModifiedUtf7.encode("a\ud83d");
    }
}
