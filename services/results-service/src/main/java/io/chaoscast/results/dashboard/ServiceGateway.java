package io.chaoscast.results.dashboard;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.CommonError;
import io.chaoscast.web.security.ApiSecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Same-origin gateway from the dashboard page to the dataset-, training- and inference-service.
 *
 * <p>Why a gateway and not CORS on every service: the browser then needs to reach only this
 * service (one port to publish in docker-compose, one ingress in Kubernetes), the other services
 * keep no browser-facing configuration, and a service that is down shows up as one clear 503
 * problem instead of an opaque CORS/network failure in the page. Only {@code GET} and {@code POST}
 * under {@code /api/v1/} are forwarded, to the three configured base URLs and nowhere else.
 */
@RestController
public class ServiceGateway {

    static final String PREFIX = "/api/v1/dashboard/services/";

    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Idempotency-Key");
    private static final List<String> RESPONSE_HEADERS =
            List.of("Content-Type", "Retry-After", "Content-Disposition", "X-Dataset-Checksum", "X-Dataset-Shape");

    /** The services reachable through the gateway. */
    enum Upstream {
        DATASET,
        TRAINING,
        INFERENCE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Upstream of(String wire) {
            for (Upstream u : values()) {
                if (u.wire().equals(wire)) {
                    return u;
                }
            }
            throw ApiException.invalidValue("service", "must be one of dataset, training, inference; found '" + wire + "'");
        }
    }

    private final DashboardProperties properties;
    private final HttpClient http;
    private final String token;

    /**
     * @param security the gateway calls with results-service's own token; the caller's scope was
     *     already checked here by the same method rule the upstream applies (GET read, POST write)
     */
    public ServiceGateway(DashboardProperties properties, ApiSecurityProperties security) {
        this.properties = properties;
        this.token = security.clientToken();
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @RequestMapping(
            path = PREFIX + "{service}/**",
            method = {RequestMethod.GET, RequestMethod.POST})
    public void forward(@PathVariable String service, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Upstream upstream = Upstream.of(service);
        String path = normalisedPath(
                request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length() + service.length()));
        URI base = switch (upstream) {
            case DATASET -> properties.datasetUrl();
            case TRAINING -> properties.trainingUrl();
            case INFERENCE -> properties.inferenceUrl();
        };
        String query = request.getQueryString();
        URI target = URI.create(stripSlash(base.toString()) + path + (query == null ? "" : "?" + query));

        long limit = properties.maxBodySize().toBytes();
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(properties.timeout());
        if (token != null) {
            out.header("Authorization", "Bearer " + token);
        }
        for (String h : REQUEST_HEADERS) {
            String v = request.getHeader(h);
            if (v != null) {
                out.header(h, v);
            }
        }
        if ("POST".equals(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new ApiException(CommonError.PAYLOAD_TOO_LARGE, null,
                        "request body is larger than the gateway's limit of " + limit + " bytes");
            }
            out.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            out.GET();
        }

        HttpResponse<InputStream> answer;
        try {
            answer = http.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unavailable(upstream, base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(upstream, base, e);
        }
        response.setStatus(answer.statusCode());
        for (String h : RESPONSE_HEADERS) {
            answer.headers().firstValue(h).ifPresent(v -> response.setHeader(h, v));
        }
        // Relayed as it arrives (no buffering of a whole dataset); an answer over the limit is cut off.
        try (InputStream in = answer.body()) {
            OutputStream os = response.getOutputStream();
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new IOException("answer of " + upstream.wire() + "-service exceeds the gateway's limit of " + limit + " bytes");
                }
                os.write(buf, 0, n);
            }
        }
    }

    /**
     * The path to forward, decoded once and encoded again segment by segment. Why so strict: the
     * raw URI is what reaches the upstream, and a check on it alone lets {@code %2e%2e} (an encoded
     * {@code ..}), an encoded slash or a doubly encoded segment pass and climb out of {@code
     * /api/v1/} there. Every segment must be non-empty, not a dot segment, and free of {@code %},
     * {@code \\} and {@code ;} once decoded.
     */
    static String normalisedPath(String raw) {
        String decoded;
        try {
            decoded = UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refusedPath(raw);
        }
        if (!decoded.startsWith("/api/v1/") || raw.toLowerCase(Locale.ROOT).contains("%2f")) {
            throw refusedPath(raw);
        }
        StringBuilder out = new StringBuilder();
        for (String segment : decoded.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.indexOf('%') >= 0 || segment.indexOf('\\') >= 0 || segment.indexOf(';') >= 0
                    || segment.chars().anyMatch(Character::isISOControl)) {
                throw refusedPath(raw);
            }
            out.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static ApiException refusedPath(String raw) {
        return ApiException.invalidValue("path", "must start with /api/v1/ and consist of plain segments (no empty,"
                + " '.' or '..' segments, encoded or not, no encoded '/', '%', '\\' or ';'); found '" + raw + "'");
    }

    private static ApiException unavailable(Upstream upstream, URI base, Exception e) {
        return new ApiException(CommonError.UPSTREAM_UNAVAILABLE, null,
                upstream.wire() + "-service at " + base + " did not answer (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
