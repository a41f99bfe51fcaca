package io.chaoscast.web.limits;

import io.chaoscast.web.problem.CommonError;
import io.chaoscast.web.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over {@link WebLimitsProperties#maxBodySize()} with {@code 413
 * payload-too-large}: at once when {@code Content-Length} says so, and while reading for chunked
 * bodies (the stream throws {@link PayloadTooLargeException}), so that no service buffers an
 * unbounded body. Also refuses a {@code Content-Type} that is no concrete media type (415).
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long maxBytes;
    private final List<String> ownLimitPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public BodySizeLimitFilter(WebLimitsProperties limits) {
        this.maxBytes = limits.maxBodySize().toBytes();
        this.ownLimitPaths = List.copyOf(limits.ownBodyLimitPaths());
    }

    private boolean ownLimit(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ownLimitPaths.stream().anyMatch(p -> matcher.match(p, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !concrete(contentType)) {
            // Spring MVC would fail on it deep inside argument resolution (a 500): refuse it here.
            refuse(response, Problems.problem(CommonError.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                    "Content-Type must be a concrete media type such as application/json, found '" + contentType + "'"));
            return;
        }
        if (ownLimit(request)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, Problems.problem(CommonError.PAYLOAD_TOO_LARGE, "body",
                    "the request body is larger than the limit of " + maxBytes + " bytes"));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, ProblemDetail p) throws IOException {
        response.setStatus(p.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The body is not read: ask the client not to send it on this connection.
        response.setHeader("Connection", "close");
        JSON.writeValue(response.getOutputStream(), Problems.members(p));
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        private void count(long n) throws PayloadTooLargeException {
            if (n > 0) {
                read += n;
                if (read > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
