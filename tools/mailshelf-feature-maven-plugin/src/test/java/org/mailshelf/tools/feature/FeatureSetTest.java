package org.mailshelf.tools.feature;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FeatureSetTest {

    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    private Path feature(String name, String bundles) throws IOException {
        Path file = dir.getRoot().toPath().resolve(name + ".json");
        Files.writeString(file, "{\"feature-resource-version\": \"1.0\", \"id\": \"org.mailshelf:" + name
                + ":osgifeature:1.0\", \"bundles\": [" + bundles + "]}");
        return file;
    }

    @Test
    public void readsBundlesInOrderWithStartLevelsAndPlaceholders() throws IOException {
        FeatureSet set = new FeatureSet();
        set.read(feature("core", "{\"id\": \"org.example:a:1.0\", \"start-order\": 1}, {\"id\": \"org.example:b:${v}\"}"),
                Map.of("v", "2.0"));
        set.read(feature("extra", "{\"id\": \"org.example:a:1.0\"}, {\"id\": \"org.example:c:3.0\", \"start-order\": 30}"),
                Map.of());
        assertEquals(3, set.bundles().size());
        assertEquals("a", set.bundles().get(0).id().getArtifactId());
        assertEquals(1, set.bundles().get(0).startLevel());
        assertEquals("2.0", set.bundles().get(1).id().getVersion());
        assertEquals(FeatureSet.DEFAULT_START_LEVEL, set.bundles().get(1).startLevel());
        assertEquals(30, set.bundles().get(2).startLevel());
        assertTrue(set.featureIds().get(0).contains("core"));
    }

    @Test
    public void refusesTwoVersionsOfOneBundle() throws IOException {
        FeatureSet set = new FeatureSet();
        set.read(feature("one", "{\"id\": \"org.example:a:1.0\"}"), Map.of());
        try {
            set.read(feature("two", "{\"id\": \"org.example:a:1.1\"}"), Map.of());
            fail("two versions of one bundle accepted");
        } catch (IOException expected) {
            assertTrue(expected.getMessage().contains("org.example:a:1.0"));
        }
    }

    @Test(expected = Exception.class)
    public void rejectsMalformedJson() throws IOException {
        Path bad = dir.getRoot().toPath().resolve("bad.json");
        Files.writeString(bad, "{\"id\": ");
        new FeatureSet().read(bad, Map.of());
    }
}
