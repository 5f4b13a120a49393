package org.mailshelf.tools.feature;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.feature.impl.FeatureServiceImpl;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * The bundles of a set of OSGi features, in the order the features list them, each once. The start level of a
 * bundle comes from its {@value #START_ORDER} metadata (default {@value #DEFAULT_START_LEVEL}).
 */
public final class FeatureSet {

    public static final String START_ORDER = "start-order";
    public static final int DEFAULT_START_LEVEL = 20;

    /** A bundle to install: its Maven coordinates and start level. */
    public record BundleEntry(ID id, int startLevel, String feature) {
    }

    private final FeatureService features = new FeatureServiceImpl();
    private final Map<String, BundleEntry> bundles = new LinkedHashMap<>();
    private final List<String> featureIds = new ArrayList<>();

    /**
     * Reads one feature file. {@code ${name}} placeholders are replaced from {@code properties} first, so a
     * feature can name reactor bundles by {@code ${project.version}}.
     */
    public void read(Path file, Map<String, String> properties) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> p : properties.entrySet()) {
            json = json.replace("${" + p.getKey() + "}", p.getValue());
        }
        Feature feature = features.readFeature(new StringReader(json));
        featureIds.add(feature.getID().toString());
        for (FeatureBundle bundle : feature.getBundles()) {
            ID id = bundle.getID();
            String key = id.getGroupId() + ":" + id.getArtifactId();
            BundleEntry existing = bundles.get(key);
            if (existing != null && !existing.id().getVersion().equals(id.getVersion())) {
                throw new IOException(file.getFileName() + " wants " + id + " but " + existing.feature()
                        + " already has " + existing.id());
            }
            bundles.putIfAbsent(key, new BundleEntry(id, startLevel(bundle), feature.getID().toString()));
        }
    }

    private static int startLevel(FeatureBundle bundle) throws IOException {
        Object value = bundle.getMetadata().get(START_ORDER);
        if (value == null) {
            return DEFAULT_START_LEVEL;
        }
        if (value instanceof Number n && n.intValue() > 0) {
            return n.intValue();
        }
        throw new IOException("Bad " + START_ORDER + " for " + bundle.getID() + ": " + value);
    }

    public List<BundleEntry> bundles() {
        return List.copyOf(bundles.values());
    }

    public List<String> featureIds() {
        return List.copyOf(featureIds);
    }
}
