package org.mailshelf.tls.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The configuration in the form the component works with: clean host names and resolved paths. */
record TlsSettings(List<String> hostNames, Optional<Path> certificateFile, Optional<Path> keyFile) {

    TlsSettings {
        hostNames = List.copyOf(hostNames);
    }

    static TlsSettings from(TlsConfig config, Path dataDir) {
        return new TlsSettings(HostNames.clean(config.host_names()), resolve(config.certificate_file(), dataDir),
                resolve(config.key_file(), dataDir));
    }

    /** Only both files together make a usable pair; one alone is ignored (and reported by the component). */
    boolean adminSupplied() {
        return certificateFile.isPresent() && keyFile.isPresent();
    }

    boolean halfConfigured() {
        return certificateFile.isPresent() != keyFile.isPresent();
    }

    private static Optional<Path> resolve(String file, Path dataDir) {
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(dataDir.resolve(file.strip()).toAbsolutePath().normalize());
    }
}
