package org.mailshelf.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable set of message flags: the IMAP system flags as bits (cheap to store and compare on 100,000
 * messages) plus user keywords. {@code \Recent} is per session and therefore not a stored flag.
 */
public final class Flags {
    public static final int SEEN = 1;
    public static final int ANSWERED = 1 << 1;
    public static final int FLAGGED = 1 << 2;
    public static final int DELETED = 1 << 3;
    public static final int DRAFT = 1 << 4;

    private static final String[] SYSTEM_NAMES = {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft"};
    private static final int ALL_SYSTEM = (1 << SYSTEM_NAMES.length) - 1;

    public static final Flags NONE = new Flags(0, Set.of());

    private final int system;
    private final Set<String> keywords;

    private Flags(int system, Set<String> keywords) {
        this.system = system & ALL_SYSTEM;
        this.keywords = keywords;
    }

    public static Flags of(int systemFlags) {
        return systemFlags == 0 ? NONE : new Flags(systemFlags, Set.of());
    }

    public static Flags of(int systemFlags, Collection<String> keywords) {
        if (keywords.isEmpty()) {
            return of(systemFlags);
        }
        return new Flags(systemFlags, Collections.unmodifiableSet(new TreeSet<>(keywords)));
    }

    /**
     * Parses flag names as IMAP writes them ({@code \Seen}, {@code $Forwarded}); system flag names are
     * case-insensitive. Unknown backslash names other than {@code \Recent} are rejected.
     */
    public static Flags parse(Collection<String> names) {
        int system = 0;
        List<String> keywords = new ArrayList<>();
        for (String name : names) {
            int bit = systemBit(name);
            if (bit != 0) {
                system |= bit;
            } else if (name.startsWith("\\")) {
                if (!name.equalsIgnoreCase("\\Recent")) {
                    throw new IllegalArgumentException("Unknown system flag " + name);
                }
            } else {
                keywords.add(name);
            }
        }
        return of(system, keywords);
    }

    /** The bit of a system flag name, or 0 when the name is not a system flag. */
    public static int systemBit(String name) {
        for (int i = 0; i < SYSTEM_NAMES.length; i++) {
            if (SYSTEM_NAMES[i].equalsIgnoreCase(name)) {
                return 1 << i;
            }
        }
        return 0;
    }

    public int system() {
        return system;
    }

    public Set<String> keywords() {
        return keywords;
    }

    public boolean has(int systemFlag) {
        return (system & systemFlag) == systemFlag;
    }

    public boolean isEmpty() {
        return system == 0 && keywords.isEmpty();
    }

    public Flags add(Flags other) {
        Set<String> k = new TreeSet<>(keywords);
        k.addAll(other.keywords);
        return of(system | other.system, k);
    }

    public Flags remove(Flags other) {
        Set<String> k = new TreeSet<>(keywords);
        k.removeAll(other.keywords);
        return of(system & ~other.system, k);
    }

    /** Names in IMAP order: system flags first, then keywords. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < SYSTEM_NAMES.length; i++) {
            if ((system & (1 << i)) != 0) {
                names.add(SYSTEM_NAMES[i]);
            }
        }
        names.addAll(keywords);
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Flags f && f.system == system && f.keywords.equals(keywords);
    }

    @Override
    public int hashCode() {
        return Objects.hash(system, keywords);
    }

    @Override
    public String toString() {
        return String.join(" ", names());
    }
}
