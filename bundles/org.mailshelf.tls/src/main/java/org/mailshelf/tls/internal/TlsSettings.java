package org.mailshelf.tls.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The configuration in the form the component works with: clean host names, resolved paths, a duration. */
record TlsSettings(List<String> hostNames, Optional<Path> certificateFile, Optional<Path> keyFile,
        Duration filesCheck) {

    TlsSettings {
        hostNames = List.copyOf(hostNames);
    }

    static TlsSettings from(TlsConfig config, Path dataDir) {
        return new TlsSettings(HostNames.clean(config.host_names()), resolve(config.certificate_file(), dataDir),
                resolve(config.key_file(), dataDir), Duration.ofSeconds(Math.max(0, config.files_check_seconds())));
    }

    /** Only both files together make a usable pair; one alone is ignored (and reported by the component). */
    boolean adminSupplied() {
        return certificateFile.isPresent() && keyFile.isPresent();
    }

    boolean halfConfigured() {
        return certificateFile.isPresent() != keyFile.isPresent();
    }

    /** Whether the admin's files are checked for changes: configured, and the check not turned off. */
    boolean watchesFiles() {
        return adminSupplied() && !filesCheck.isZero();
    }

    /** The admin's files, even one alone: never written by us. */
    Set<Path> adminFiles() {
        Set<Path> files = new HashSet<>();
        certificateFile.ifPresent(files::add);
        keyFile.ifPresent(files::add);
        return files;
    }

    private static Optional<Path> resolve(String file, Path dataDir) {
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(dataDir.resolve(file.strip()).toAbsolutePath().normalize());
    }
}
