package io.chaoscast.web.security;

import io.chaoscast.web.problem.CommonError;
import io.chaoscast.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 401, 403, token-check 503 and firewall 400 answers: RFC 7807 problems like every other
 * error of the platform.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(request, response, "a bearer token is required: send 'Authorization: Bearer <token>'");
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"chaoscast\"");
        write(request, response, CommonError.UNAUTHORIZED, detail);
    }

    /** The token could not be checked now: retry, the token itself may well be valid. */
    static void unavailable(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("Retry-After", Long.toString(Problems.DEFAULT_RETRY_AFTER_SECONDS));
        write(request, response, CommonError.UPSTREAM_UNAVAILABLE, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String needed = RequestRules.requiredScope(request).wire();
        write(request, response, CommonError.FORBIDDEN,
                "this token lacks the scope '" + needed + "' that " + request.getMethod() + " "
                        + request.getRequestURI() + " needs");
    }

    /**
     * A path the firewall refuses (an encoded '.', '%' or '/', ';', '//', a '.' or '..' segment):
     * a 400 naming the path, where the default handler left an anonymous error page.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        write(request, response, CommonError.INVALID_FIELD, "path", "the request path was refused (" + e.getMessage()
                + "); send a plain path: no encoded '.', '%' or '/', no ';', no empty, '.' or '..' segments");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, CommonError code, String detail)
            throws IOException {
        write(request, response, code, null, detail);
    }

    /** Written by hand: these answers leave from Spring Security's filters, outside MVC's converters. */
    private static void write(HttpServletRequest request, HttpServletResponse response, CommonError code, String field, String detail)
            throws IOException {
        ProblemDetail p = Problems.problem(code, field, detail);
        p.setInstance(Problems.instance(request.getRequestURI()));
        response.setStatus(code.status().value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Problems.members(p));
    }
}
