package io.chaoscast.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The checked-out repository the deploy module sits in, and YAML read from it. */
final class RepositoryFiles {

    private static final Path ROOT = findRoot();

    private RepositoryFiles() {}

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML stream, empty documents dropped. */
    static List<Map<String, Object>> yamlDocuments(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : newYaml().loadAll(text)) {
            if (document != null) {
                documents.add(Trees.map(document));
            }
        }
        return documents;
    }

    static Object yaml(String text) {
        return newYaml().load(text);
    }

    static String projectVersion() {
        String pom = read("pom.xml");
        int parentEnd = pom.indexOf("</parent>");
        int start = pom.indexOf("<version>", parentEnd) + "<version>".length();
        return pom.substring(start, pom.indexOf("</version>", start)).trim();
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    private static Path findRoot() {
        // Surefire runs in deploy/; an IDE may run in the repository root.
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
                    && Files.isDirectory(dir.resolve("deploy/k8s"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "No repository root (docker-compose.yml + deploy/k8s) above "
                        + Path.of("").toAbsolutePath());
    }
}
