package io.chaoscast.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a fresh database on the shared real PostgreSQL server. Use it
 * through {@link PostgresIntegrationTest}. Also configures the test token ({@link TestTokens}).
 */
public final class PostgresTestInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabaseServer server = TestDatabaseServer.get();
        String url = server.newDatabase();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(
                        new MapPropertySource(
                                "chaoscast-test-database",
                                Map.of(
                                        "spring.datasource.url", url,
                                        "spring.datasource.username", server.username(),
                                        "spring.datasource.password", server.password())));
        // Below test properties (@SpringBootTest(properties=...)) so that a test may override them.
        context.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource("chaoscast-test-tokens", TestTokens.properties()));
    }
}
