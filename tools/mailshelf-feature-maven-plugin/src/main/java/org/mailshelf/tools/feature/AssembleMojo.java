package org.mailshelf.tools.feature;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.osgi.service.feature.ID;

/**
 * Resolves every bundle of the given features (through Maven, so reactor modules and remote artifacts alike),
 * copies them into {@code bundle/} and writes {@code etc/bundles.list}, which the launcher and the integration
 * tests read: one {@code <start level> <relative path>} line per bundle.
 */
@Mojo(name = "assemble", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class AssembleMojo extends AbstractMojo {

    @Parameter(required = true)
    private List<File> features;

    @Parameter(defaultValue = "${project.build.directory}/mailshelf", required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession session;

    @Component
    private RepositorySystem repositories;

    @Override
    public void execute() throws MojoExecutionException {
        try {
            FeatureSet set = new FeatureSet();
            Map<String, String> properties = Map.of("project.version", project.getVersion());
            for (File feature : features) {
                set.read(feature.toPath(), properties);
            }
            Path bundleDir = outputDirectory.toPath().resolve("bundle");
            Files.createDirectories(bundleDir);
            List<String> lines = new ArrayList<>();
            lines.add("# Generated from " + String.join(", ", set.featureIds()));
            for (FeatureSet.BundleEntry entry : set.bundles()) {
                Path jar = resolve(entry.id());
                String name = entry.id().getArtifactId() + "-" + entry.id().getVersion() + ".jar";
                Files.copy(jar, bundleDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                lines.add(entry.startLevel() + " bundle/" + name);
            }
            Path list = outputDirectory.toPath().resolve("etc/bundles.list");
            Files.createDirectories(list.getParent());
            Files.write(list, lines, StandardCharsets.UTF_8);
            getLog().info("Assembled " + set.bundles().size() + " bundles from " + features.size() + " features");
        } catch (IOException | ArtifactResolutionException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private Path resolve(ID id) throws ArtifactResolutionException {
        DefaultArtifact artifact = new DefaultArtifact(id.getGroupId(), id.getArtifactId(),
                id.getClassifier().orElse(""), id.getType().orElse("jar"), id.getVersion());
        ArtifactRequest request = new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null);
        return repositories.resolveArtifact(session, request).getArtifact().getFile().toPath();
    }
}
