package io.chaoscast.web.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own refusals (an encoded slash or a malformed URI, refused before any servlet runs) as
 * catalogue problems instead of Tomcat's HTML page, so that every 4xx of a service is {@code
 * application/problem+json}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode code = ProblemDetailsAdvice.forStatus(status);
        String message = response.getMessage();
        String detail = status < 500 && message != null && !message.isBlank() ? message : code.title();
        // Tomcat's refusals of a path (an encoded '/' or '\\', a malformed escape) read "Invalid URI…":
        // the field at fault is the path.
        String field = status == 400 && detail.startsWith("Invalid URI") ? "path" : null;
        ProblemDetail p = Problems.problem(code, field, detail);
        p.setStatus(status);
        String uri = request.getRequestURI();
        if (uri != null && !uri.isBlank()) {
            p.setInstance(Problems.instance(uri));
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problems.members(p)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer already started: nothing more can be sent.
        }
    }
}
