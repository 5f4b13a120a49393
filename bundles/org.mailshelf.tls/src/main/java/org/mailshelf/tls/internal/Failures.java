package org.mailshelf.tls.internal;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Failures in words an admin can act on: file system exceptions carry little more than a path. */
final class Failures {

    private Failures() {
    }

    static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return "no file " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "no permission to read " + denied.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
