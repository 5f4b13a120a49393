package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class JsonTest {

    @Test
    public void parsesEveryKindOfValue() {
        Object value = Json.parse(" {\"s\":\"x\", \"i\":-12, \"d\":1.5e2, \"t\":true, \"f\":false, \"n\":null,"
                + "\n\t\"a\":[1,[],{}], \"o\":{\"k\":\"v\"}}\r\n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "x");
        expected.put("i", -12L);
        expected.put("d", new BigDecimal("1.5e2"));
        expected.put("t", true);
        expected.put("f", false);
        expected.put("n", null);
        expected.put("a", List.of(1L, List.of(), Map.of()));
        expected.put("o", Map.of("k", "v"));
        assertEquals(expected, value);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(((Map<?, ?>) value).keySet()));
    }

    @Test
    public void parsesNumbers() {
        assertEquals(0L, Json.parse("0"));
        assertEquals(0L, Json.parse("-0"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(new BigDecimal("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(new BigDecimal("0.25"), Json.parse("0.25"));
        assertEquals(new BigDecimal("-1E-7"), Json.parse("-1E-7"));
        assertEquals(new BigDecimal("2e+3"), Json.parse("2e+3"));
    }

    @Test
    public void decodesEscapes() {
        assertEquals("\" \\ / \b \f \n \r \t \u00e9 \uD83D\uDE00",
                Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00E9 \\ud83d\\ude00\""));
        assertEquals("caf\u00e9 \uD83D\uDE00", Json.parse("\"caf\u00e9 \uD83D\uDE00\"")); // raw non-ASCII is fine
    }

    @Test
    public void escapesWhatMustBeEscaped() {
        assertEquals("\"a\\\"b\\\\c/\\n\\t\\r\\b\\f\\u0000\\u001f\\u2028\\u2029\"",
                Json.write("a\"b\\c/\n\t\r\b\f\u0000\u001f\u2028\u2029"));
        assertEquals("\"\uD83D\uDE00 caf\u00e9\"", Json.write("\uD83D\uDE00 caf\u00e9"));
        assertEquals("\"\\ud800x\\udc00\"", Json.write("\uD800x\uDC00")); // lone surrogates have no UTF-8 form
    }

    @Test
    public void roundTripsEveryCharacterClass() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("\u00e9\u2028\u2029\uFEFF\uD83D\uDE00\uD800\uDFFF\uDFFF\uD800");
        String s = all.toString();
        assertEquals(s, Json.parse(Json.write(s)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(s, List.of(s, 1L, true, Map.of("n", -3L)));
        doc.put("nothing", null);
        assertEquals(doc, Json.parse(Json.write(doc)));
    }

    @Test
    public void writesCompactJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "alice");
        doc.put("n", 3L);
        doc.put("i", 4);
        doc.put("l", Arrays.asList(true, false, null, new BigDecimal("1.5")));
        doc.put("e", new ArrayList<>());
        assertEquals("{\"name\":\"alice\",\"n\":3,\"i\":4,\"l\":[true,false,null,1.5],\"e\":[]}", Json.write(doc));
    }

    @Test
    public void writerRefusesWhatJsonCannotSay() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    public void rejectsMalformedInput() {
        String[] bad = {
            "", " ", "{", "}", "[", "]", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{,}", "{'a':1}", "{a:1}",
            "{\"a\" 1}", "{\"a\":}", "{\"a\":1}}", "[1]]", "1 2", "01", "-01", "1.", ".5", "-", "1e", "1e+", "+1",
            "0x10", "tru", "nul", "falsey", "True", "NaN", "Infinity", "\"abc", "\"\\x\"", "\"\\u12\"",
            "\"\\u12g4\"", "\"\\", "\"tab\there\"", "\"line\nbreak\"", "\"\u0000\"", "\uFEFF{}", "{\"a\":1,\"a\":2}",
            "/* c */ 1", "[1,\u00a02]"
        };
        for (String text : bad) {
            try {
                Object parsed = Json.parse(text);
                fail("accepted " + text + " as " + parsed);
            } catch (JsonException expected) {
                // the message says where, for the client
                if (!expected.getMessage().contains("position")) {
                    fail("no position in: " + expected.getMessage());
                }
            }
        }
    }

    @Test
    public void boundsNesting() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Json.parse(ok);
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(JsonException.class, () -> Json.parse(deep));
        String deepObjects = "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000);
        assertThrows(JsonException.class, () -> Json.parse(deepObjects));
    }

    @Test
    public void nullLiteralIsJavaNull() {
        assertNull(Json.parse(" null "));
    }
}
