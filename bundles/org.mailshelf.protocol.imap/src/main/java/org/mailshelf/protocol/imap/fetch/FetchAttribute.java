package org.mailshelf.protocol.imap.fetch;

/** The fetch-atts without a section; RFC822, RFC822.HEADER and RFC822.TEXT keep their own response names. */
public enum FetchAttribute implements FetchItem {
    ENVELOPE("ENVELOPE"),
    FLAGS("FLAGS"),
    INTERNALDATE("INTERNALDATE"),
    RFC822("RFC822"),
    RFC822_HEADER("RFC822.HEADER"),
    RFC822_SIZE("RFC822.SIZE"),
    RFC822_TEXT("RFC822.TEXT"),
    /** The non-extensible BODYSTRUCTURE. */
    BODY("BODY"),
    BODYSTRUCTURE("BODYSTRUCTURE"),
    UID("UID"),
    /** RFC 7162 section 3.1.4.1. */
    MODSEQ("MODSEQ");

    private final String name;

    FetchAttribute(String name) {
        this.name = name;
    }

    @Override
    public String responseName() {
        return name;
    }

    /** The attribute with this (upper-cased) name, or null. */
    static FetchAttribute byName(String upperCaseName) {
        for (FetchAttribute a : values()) {
            if (a.name.equals(upperCaseName)) {
                return a;
            }
        }
        return null;
    }
}
