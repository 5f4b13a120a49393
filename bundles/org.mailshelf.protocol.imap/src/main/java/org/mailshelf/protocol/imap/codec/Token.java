package org.mailshelf.protocol.imap.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One argument of a command as the lexer saw it. Atoms are kept as written: numbers, NIL, flags, sequence sets
 * and FETCH sections ({@code BODY[HEADER.FIELDS (A B)]<0.100>}) are all atoms, and {@link ArgumentReader}
 * interprets them the way the command expects. {@code toString} gives the IMAP form, for tests and debugging;
 * never log the tokens of a command that may carry credentials.
 */
public sealed interface Token permits Token.Atom, Token.Quoted, Token.Literal, Token.ParenList {

    /** A bare word: 7-bit printable, no SP or parentheses outside {@code [...]}. */
    record Atom(String text) implements Token {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A quoted string, escapes removed. */
    record Quoted(byte[] bytes) implements Token {
        @Override
        public boolean equals(Object o) {
            return o instanceof Quoted other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            String s = new String(bytes, StandardCharsets.UTF_8);
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    /** A literal's bytes, exactly as sent; {@code binary} for a literal8 ({@code ~{n}}). */
    record Literal(byte[] bytes, boolean binary) implements Token {
        @Override
        public boolean equals(Object o) {
            return o instanceof Literal other && binary == other.binary && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(binary);
        }

        @Override
        public String toString() {
            return (binary ? "~{" : "{") + bytes.length + "}" + new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** A parenthesized list, possibly empty or nested. */
    record ParenList(List<Token> items) implements Token {
        public ParenList {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                b.append(i == 0 ? "" : " ").append(items.get(i));
            }
            return b.append(')').toString();
        }
    }
}
