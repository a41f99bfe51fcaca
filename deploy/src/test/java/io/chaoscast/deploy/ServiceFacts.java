package io.chaoscast.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own code says about how it is deployed: the jar its pom builds, the port and
 * Flyway schema in its application.yml, and the source text that declares its {@code chaoscast.*}
 * properties. For a service that is not on this branch yet, and for a fact its code does not state
 * (no server.port yet), the contract stands in.
 */
record ServiceFacts(
        ServiceContract contract,
        boolean fromCode,
        int port,
        Optional<String> schema,
        String jar,
        Map<String, Object> applicationProperties,
        String sourceText) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    static List<ServiceFacts> all() {
        return ServiceContract.ALL.stream().map(ServiceFacts::of).toList();
    }

    static ServiceFacts of(String name) {
        return of(ServiceContract.named(name));
    }

    static ServiceFacts of(ServiceContract contract) {
        Path dir = RepositoryFiles.path("services/" + contract.name());
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return new ServiceFacts(
                    contract,
                    false,
                    contract.port(),
                    contract.schema(),
                    contract.jar(),
                    Map.of(),
                    "");
        }
        Map<String, Object> properties = applicationProperties(dir.resolve("src/main/resources"));
        int port =
                Optional.ofNullable(properties.get("server.port"))
                        .map(value -> Integer.parseInt(resolveDefault(String.valueOf(value))))
                        .orElse(contract.port());
        Optional<String> schema =
                Optional.ofNullable(properties.get("spring.flyway.schemas"))
                        .map(ServiceFacts::firstOfList)
                        .or(contract::schema);
        String sourceText =
                sourceText(dir.resolve("src/main"))
                        + sourceText(RepositoryFiles.path("shared-lib/contracts/src/main"));
        return new ServiceFacts(
                contract, true, port, schema, jarOf(pom), properties, sourceText);
    }

    /** True when the contract or a relative {@code .chaoscast/...} path in its config says so. */
    boolean keepsLocalState() {
        return contract.keepsLocalState()
                || applicationProperties.values().stream()
                        .anyMatch(value -> String.valueOf(value).startsWith(".chaoscast/"));
    }

    /** Whether this service's code (or the shared contracts it uses) declares the property. */
    /**
     * Whether the shared web layer (shared-lib/web, in every service) declares the property: its
     * {@code @ConfigurationProperties} prefix and the leaf (a map key counts as the map's leaf).
     */
    static boolean webLayerDeclares(String property) {
        if (!property.startsWith(EnvironmentRules.SECURITY_PREFIX)) {
            return false;
        }
        String text = sourceText(RepositoryFiles.path("shared-lib/web/src/main"));
        String rest = property.substring(EnvironmentRules.SECURITY_PREFIX.length());
        String leaf = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        return text.contains("\"chaoscast.security\"") && text.contains(camelCase(leaf));
    }

    boolean declaresProperty(String property) {
        if (applicationProperties.containsKey(property)) {
            return true;
        }
        int lastDot = property.lastIndexOf('.');
        String prefix = property.substring(0, lastDot);
        String leaf = property.substring(lastDot + 1);
        return sourceText.contains("\"" + prefix + "\"")
                && (sourceText.contains(leaf) || sourceText.contains(camelCase(leaf)));
    }

    private static String jarOf(Path pom) {
        String text = RepositoryFiles.read(pom);
        int parentEnd = text.indexOf("</parent>");
        String artifactId = between(text.substring(Math.max(parentEnd, 0)), "artifactId");
        String finalName = Optional.ofNullable(between(text, "finalName")).orElse(artifactId);
        finalName = finalName.replace("${project.artifactId}", artifactId);
        String dir = pom.getParent().getFileName().toString();
        return "services/" + dir + "/target/" + finalName + runnableClassifier() + ".jar";
    }

    /** The root pom gives Spring Boot's repackaged (runnable) jar a classifier; "" when it does not. */
    static String runnableClassifier() {
        String root = RepositoryFiles.read(RepositoryFiles.path("pom.xml"));
        int plugin = root.indexOf("<artifactId>spring-boot-maven-plugin</artifactId>");
        if (plugin < 0) {
            return "";
        }
        String classifier = between(root.substring(plugin), "classifier");
        return classifier == null ? "" : "-" + classifier;
    }

    private static String between(String text, String tag) {
        int start = text.indexOf("<" + tag + ">");
        if (start < 0) {
            return null;
        }
        start += tag.length() + 2;
        return text.substring(start, text.indexOf("</" + tag + ">", start)).trim();
    }

    private static Map<String, Object> applicationProperties(Path resources) {
        Map<String, Object> flat = new LinkedHashMap<>();
        Path yml = resources.resolve("application.yml");
        Path yaml = resources.resolve("application.yaml");
        Path props = resources.resolve("application.properties");
        for (Path file : List.of(yml, yaml)) {
            if (Files.isRegularFile(file)) {
                // Profile-specific documents do not describe the default deployment.
                for (Map<String, Object> document :
                        RepositoryFiles.yamlDocuments(RepositoryFiles.read(file))) {
                    Map<String, Object> flatDocument = Trees.flatten(document);
                    if (!flatDocument.containsKey("spring.config.activate.on-profile")) {
                        flat.putAll(flatDocument);
                    }
                }
            }
        }
        if (Files.isRegularFile(props)) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(RepositoryFiles.read(props)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.forEach((key, value) -> flat.put(String.valueOf(key), value));
        }
        return flat;
    }

    private static String sourceText(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sources =
                    new ArrayList<>(
                            files.filter(Files::isRegularFile)
                                    .filter(
                                            file -> {
                                                String name = file.getFileName().toString();
                                                return name.endsWith(".java")
                                                        || name.endsWith(".yml")
                                                        || name.endsWith(".yaml")
                                                        || name.endsWith(".properties")
                                                        || name.endsWith(".json");
                                            })
                                    .toList());
            for (Path source : sources) {
                text.append(RepositoryFiles.read(source)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String resolveDefault(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value.trim());
        return matcher.matches() ? matcher.group(1) : value.trim();
    }

    private static String firstOfList(Object value) {
        if (value instanceof List<?> list) {
            return String.valueOf(list.get(0));
        }
        return resolveDefault(String.valueOf(value)).split(",")[0].trim();
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
