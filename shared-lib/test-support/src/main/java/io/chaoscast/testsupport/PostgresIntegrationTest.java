package io.chaoscast.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Marks a Spring Boot test that runs against a real PostgreSQL (never H2, never a mock): a fresh
 * database on the server chosen by {@link TestDatabaseServer}. Combine with
 * {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = PostgresTestInitializer.class)
public @interface PostgresIntegrationTest {}
