package io.chaoscast.testsupport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another ChaosCast service, really started in the test JVM on a free port against its own fresh
 * database on the shared test PostgreSQL, so that a service's integration tests talk to the real
 * services it depends on over real HTTP.
 *
 * <p>Every service is on the test classpath together, so {@code classpath:application.yml} would
 * be whichever comes first. The service's own {@code application.yml} (the one in the jar or
 * folder its application class was loaded from) is therefore copied out and named explicitly, and
 * the database, schema and port are passed on top of it.
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final URI baseUri;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        this.baseUri = URI.create("http://localhost:" + port);
    }

    /**
     * @param application the service's {@code @SpringBootApplication} class
     * @param schema its database schema, or null for a stateless service
     * @param extra further properties
     */
    public static RunningService start(Class<?> application, String schema, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", 0);
        props.put("spring.application.name", application.getSimpleName());
        props.put("spring.jmx.enabled", false);
        if (schema != null) {
            TestDatabaseServer server = TestDatabaseServer.get();
            props.put("spring.datasource.url", server.newDatabase());
            props.put("spring.datasource.username", server.username());
            props.put("spring.datasource.password", server.password());
            props.put("spring.flyway.schemas", schema);
            props.put("spring.flyway.default-schema", schema);
            props.put("spring.flyway.locations", "classpath:db/migration/" + schema);
        }
        props.put("spring.config.location", "optional:file:" + ownConfig(application));
        props.putAll(TestTokens.properties());
        props.putAll(extra);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application)
                .properties(props)
                // Command-line style arguments outrank every application.yml on the classpath.
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        return new RunningService(ctx);
    }

    /** Copies the {@code application.yml} that sits beside {@code application} to a temp file. */
    private static String ownConfig(Class<?> application) {
        try {
            String home = application.getProtectionDomain().getCodeSource().getLocation().toString();
            var resources = application.getClassLoader().getResources("application.yml");
            while (resources.hasMoreElements()) {
                java.net.URL url = resources.nextElement();
                String u = url.toString();
                if (u.startsWith(home) || u.startsWith("jar:" + home)) {
                    java.nio.file.Path copy = java.nio.file.Files.createTempFile(application.getSimpleName(), ".yml");
                    copy.toFile().deleteOnExit();
                    try (var in = url.openStream()) {
                        java.nio.file.Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    return copy.toString();
                }
            }
            return "/nonexistent/application.yml";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
