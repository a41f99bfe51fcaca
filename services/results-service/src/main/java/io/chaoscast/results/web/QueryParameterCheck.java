package io.chaoscast.results.web;

import io.chaoscast.web.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter that holds the NUL character ({@code ?experiment=%00}), naming it, for
 * every endpoint at once: query values end up in SQL parameters, and PostgreSQL would refuse the
 * statement without saying which one. Only the query string is read (never a form body).
 */
@Configuration(proxyBeanMethods = false)
class QueryParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        // A NUL cannot appear raw in a request line; encoded it is %00.
        if (query == null || !query.contains("%00")) {
            return true;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            // Only values are read by the controllers; a parameter they do not know is ignored, whatever its name.
            if (eq >= 0 && pair.indexOf("%00", eq) >= 0) {
                throw ApiException.invalidValue(decode(pair.substring(0, eq)), Fields.NO_NUL);
            }
        }
        return true;
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name; // a malformed escape elsewhere in the name: the name as sent
        }
    }
}
