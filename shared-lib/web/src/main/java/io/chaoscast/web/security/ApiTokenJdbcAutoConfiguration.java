package io.chaoscast.web.security;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API tokens in the database, for every service that has one: the {@code auth} schema is migrated
 * by each such service (its own Flyway history in that schema; PostgreSQL's advisory lock makes
 * concurrent starts safe), and {@code /api/v1/auth/tokens} is served by each of them.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
@ConditionalOnClass({JdbcTemplate.class, Flyway.class})
@ConditionalOnBean(DataSource.class)
public class ApiTokenJdbcAutoConfiguration {

    /** Migration locations of the shared {@code auth} schema. */
    public static final String AUTH_MIGRATIONS = "classpath:db/migration/auth";

    @Bean
    JdbcTokenStore jdbcTokenStore(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("auth")
                .defaultSchema("auth")
                .locations(AUTH_MIGRATIONS)
                .load()
                .migrate();
        return new JdbcTokenStore(new JdbcTemplate(dataSource));
    }

    @Bean
    TokenController tokenController(JdbcTokenStore store) {
        return new TokenController(store);
    }
}
