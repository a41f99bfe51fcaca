package io.chaoscast.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides, with Spring Boot's own environment-variable mapping, which property an environment
 * variable sets. Known properties come from the configuration metadata that Spring Boot's modules
 * ship (the same the IDE completes from), so a misspelt or wrongly split name is caught here
 * instead of being silently ignored by a running service.
 */
final class SpringEnvironmentBinding {

    private static final Set<String> KNOWN_PROPERTIES = loadMetadata();
    private static final List<ConfigurationPropertyName> KNOWN_NAMES =
            KNOWN_PROPERTIES.stream()
                    .filter(ConfigurationPropertyName::isValid)
                    .map(ConfigurationPropertyName::of)
                    .toList();
    private static final Map<String, Set<String>> BOUND = new ConcurrentHashMap<>();

    private SpringEnvironmentBinding() {}

    /** True when Boot maps the environment variable onto this property. */
    static boolean binds(String environmentVariable, String property) {
        return binds(sourceOf(environmentVariable), property);
    }

    /** The Spring Boot properties (from metadata) this variable sets; empty when none. */
    static Set<String> boundProperties(String environmentVariable) {
        return BOUND.computeIfAbsent(
                environmentVariable,
                name -> {
                    Set<String> bound = new TreeSet<>();
                    ConfigurationPropertySource source = sourceOf(name);
                    // Only properties under the variable's first segment (SPRING_ -> spring.*)
                    // can match; skipping the rest keeps the scan fast.
                    String root = name.split("_")[0].toLowerCase(Locale.ROOT);
                    for (ConfigurationPropertyName property : KNOWN_NAMES) {
                        if (property.getElement(0, ConfigurationPropertyName.Form.UNIFORM).equals(root)
                                && source.getConfigurationProperty(property) != null) {
                            bound.add(property.toString());
                        }
                    }
                    return Collections.unmodifiableSet(bound);
                });
    }

    private static boolean binds(ConfigurationPropertySource source, String property) {
        return ConfigurationPropertyName.isValid(property)
                && source.getConfigurationProperty(ConfigurationPropertyName.of(property)) != null;
    }

    private static ConfigurationPropertySource sourceOf(String environmentVariable) {
        return ConfigurationPropertySource.from(
                new SystemEnvironmentPropertySource(
                        // Boot applies its environment-variable mapping only to a source with
                        // this name, as it does to the real process environment.
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(environmentVariable, "value")));
    }

    static int knownPropertyCount() {
        return KNOWN_PROPERTIES.size();
    }

    private static Set<String> loadMetadata() {
        Set<String> names = new TreeSet<>();
        JsonMapper mapper = JsonMapper.builder().build();
        try {
            for (URL url :
                    Collections.list(
                            SpringEnvironmentBinding.class
                                    .getClassLoader()
                                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    JsonNode properties = mapper.readTree(in).path("properties");
                    for (JsonNode property : properties) {
                        names.add(property.path("name").asString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableSet(names);
    }
}
