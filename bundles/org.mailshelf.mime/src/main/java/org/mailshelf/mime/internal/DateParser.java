package org.mailshelf.mime.internal;

import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient RFC 5322 date parser (section 3.3 plus the obsolete forms of 4.3 and common breakage: missing day name
 * or seconds, two-digit years, named or missing zones, asctime order). Returns empty instead of failing.
 */
public final class DateParser {

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("UT", 0), Map.entry("UTC", 0),
            Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("EST", -5), Map.entry("EDT", -4),
            Map.entry("CST", -6), Map.entry("CDT", -5), Map.entry("MST", -7), Map.entry("MDT", -6),
            Map.entry("PST", -8), Map.entry("PDT", -7));

    private DateParser() {
    }

    public static Optional<ZonedDateTime> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int day = -1;
        int month = -1;
        int year = -1;
        int[] time = null;
        ZoneOffset zone = null;
        for (String token : stripComments(value).split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            char c = token.charAt(0);
            if (token.indexOf(':') > 0 && time == null) {
                time = parseTime(token);
            } else if ((c == '+' || c == '-') && token.length() == 5 && time != null) {
                zone = offset(token);
            } else if (Character.isDigit(c)) {
                int n = digits(token);
                if (n < 0) {
                    continue;
                } else if (day < 0 && token.length() <= 2 && n >= 1 && n <= 31 && year < 0) {
                    day = n;
                } else if (year < 0) {
                    year = token.length() <= 2 ? (n < 50 ? 2000 + n : 1900 + n) : token.length() == 3 ? 1900 + n : n;
                }
            } else if (Character.isLetter(c)) {
                int m = token.length() >= 3 ? MONTHS.indexOf(token.substring(0, 3).toLowerCase(Locale.ROOT)) : -1;
                if (m >= 0 && m % 3 == 0 && month < 0) {
                    month = m / 3 + 1;
                } else if (time != null && zone == null && ZONES.containsKey(token.toUpperCase(Locale.ROOT))) {
                    zone = ZoneOffset.ofHours(ZONES.get(token.toUpperCase(Locale.ROOT)));
                }
            }
        }
        if (day < 0 || month < 0 || year < 0) {
            return Optional.empty();
        }
        try {
            int[] t = time == null ? new int[3] : time;
            return Optional.of(ZonedDateTime.of(year, month, day, t[0], t[1], t[2], 0,
                    zone == null ? ZoneOffset.UTC : zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String stripComments(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int[] parseTime(String token) {
        String[] hms = token.split(":");
        int[] t = new int[3];
        for (int i = 0; i < 3 && i < hms.length; i++) {
            t[i] = digits(hms[i]);
            if (t[i] < 0) {
                return null;
            }
        }
        return t;
    }

    private static ZoneOffset offset(String token) {
        int hhmm = digits(token.substring(1));
        if (hhmm < 0 || hhmm / 100 > 18 || hhmm % 100 > 59) {
            return null;
        }
        int seconds = (hhmm / 100 * 3600 + hhmm % 100 * 60) * (token.charAt(0) == '-' ? -1 : 1);
        return ZoneOffset.ofTotalSeconds(seconds);
    }

    /** The token's value if it is all ASCII digits (at most 9), else -1. */
    private static int digits(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
