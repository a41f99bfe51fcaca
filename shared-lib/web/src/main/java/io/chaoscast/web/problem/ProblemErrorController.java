package io.chaoscast.web.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page (errors raised outside Spring MVC: filters, {@code sendError}) as a
 * catalogue problem, so that no answer of a service is an HTML or ad-hoc JSON error.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly (not forwarded by the container with an error): there is nothing here.
        int status = code instanceof Integer i ? i : HttpStatus.NOT_FOUND.value();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorCode errorCode = ProblemDetailsAdvice.forStatus(status);
        String detail = message instanceof String m && !m.isBlank() && status < 500
                ? m
                : errorCode.title() + (uri == null ? "" : ": " + uri);
        ProblemDetail p = Problems.problem(errorCode, null, detail);
        p.setStatus(status);
        // the request that failed, not this error page
        if (uri instanceof String u && !u.isBlank()) {
            p.setInstance(Problems.instance(u));
        }
        return Problems.respond(p, null);
    }
}
