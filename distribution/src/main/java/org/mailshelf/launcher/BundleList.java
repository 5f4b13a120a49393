package org.mailshelf.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundles the appliance ships, as the feature assembly wrote them to etc/bundles.list. */
record BundleList(List<Entry> entries) {

    record Entry(int startLevel, Path jar) {
    }

    static BundleList read(Path home) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(home.resolve("etc/bundles.list"))) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            entries.add(new Entry(Integer.parseInt(parts[0]), home.resolve(parts[1])));
        }
        return new BundleList(List.copyOf(entries));
    }

    int highestStartLevel() {
        return entries.stream().mapToInt(Entry::startLevel).max().orElse(1);
    }
}
