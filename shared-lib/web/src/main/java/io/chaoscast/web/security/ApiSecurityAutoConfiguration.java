package io.chaoscast.web.security;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The security of every service, configured once (docs/security.md): bearer tokens only (API
 * tokens or, with an issuer configured, JWTs), no sessions and no cookies, so no request can be
 * made cross-site with the user's rights; scopes per {@link RequestRules}; 401/403 as problem
 * details; strict security headers and Content-Security-Policy on every answer.
 */
@AutoConfiguration(
        before = org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
        beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        after = ApiTokenJdbcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityAutoConfiguration {

    /**
     * No inline script or style anywhere, nothing from another origin, no framing, no plugins, forms
     * post only to this origin.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    WhoAmIController whoAmIController() {
        return new WhoAmIController();
    }

    /** Picked up by Spring Security's filter chain proxy for the paths its firewall refuses. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new SecurityProblems();
    }

    @Bean
    ConfiguredTokens configuredTokens(ApiSecurityProperties properties) {
        return new ConfiguredTokens(properties);
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            ApiSecurityProperties properties,
            ConfiguredTokens configured,
            ObjectProvider<JdbcTokenStore> database,
            ObjectProvider<JwtDecoder> jwtDecoder)
            throws Exception {
        List<TokenStore> stores = new ArrayList<>();
        stores.add(configured);
        database.ifAvailable(stores::add);
        if (properties.introspectionUri() != null) {
            stores.add(new IntrospectingTokenStore(properties.introspectionUri(), properties.introspectionCacheTtl()));
        }
        SecurityProblems problems = new SecurityProblems();
        BearerTokenFilter bearer =
                new BearerTokenFilter(stores, jwtDecoder.getIfAvailable(), new JwtScopes(properties.jwtScopeClaim()));
        http.csrf(c -> c.disable()) // no cookie or session authenticates anything: nothing to forge
                .cors(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .authorizeHttpRequests(a -> a
                        // An error dispatch renders the answer to a request already judged here.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, RequestRules.OPEN_GET)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, RequestRules.OPEN_GET)
                        .permitAll()
                        .requestMatchers(RequestRules.TOKENS_PATH, RequestRules.TOKENS_PATH + "/**")
                        .hasAuthority(Scope.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET)
                        .hasAuthority(Scope.READ.authority())
                        .requestMatchers(HttpMethod.HEAD)
                        .hasAuthority(Scope.READ.authority())
                        .anyRequest()
                        .hasAuthority(Scope.WRITE.authority()));
        return http.build();
    }
}
