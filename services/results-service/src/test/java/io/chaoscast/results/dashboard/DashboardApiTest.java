package io.chaoscast.results.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.chaoscast.results.ResultsServiceTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's static page, its WebJar, its config and the same-origin gateway, against a real
 * HTTP upstream (a JDK server standing in for the dataset-service) and a port where nothing listens
 * (the inference-service down).
 */
class DashboardApiTest extends ResultsServiceTest {

    private static HttpServer upstream;
    private static final AtomicReference<String> lastRequest = new AtomicReference<>();
    private static int deadPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        if (upstream == null) {
            upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            upstream.createContext("/", exchange -> {
                byte[] in = exchange.getRequestBody().readAllBytes();
                lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " " + new String(in, StandardCharsets.UTF_8));
                boolean missing = exchange.getRequestURI().getPath().endsWith("/missing");
                byte[] out = (missing ? "{\"status\":404,\"code\":\"unknown-system\"}" : "{\"echo\":true}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", missing ? "application/problem+json" : "application/json");
                exchange.getResponseHeaders().set("X-Dataset-Shape", "2,3");
                exchange.sendResponseHeaders(missing ? 404 : 200, out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            upstream.start();
            try (ServerSocket s = new ServerSocket(0)) {
                deadPort = s.getLocalPort();
            }
        }
        registry.add("chaoscast.services.dataset-url", () -> "http://127.0.0.1:" + upstream.getAddress().getPort());
        registry.add("chaoscast.services.inference-url", () -> "http://127.0.0.1:" + deadPort);
        registry.add("chaoscast.services.timeout", () -> "5s");
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void rootServesTheDashboardWithItsScriptsAndTheChartLibraryFromTheJar() {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("ChaosCast").contains("webjars/echarts/dist/echarts.min.js").contains("js/app.js");
        HttpResponse<String> echarts = get("/webjars/echarts/dist/echarts.min.js");
        assertThat(echarts.statusCode()).as("version-less WebJar path (webjars-locator-lite)").isEqualTo(200);
        assertThat(echarts.body()).contains("echarts").hasSizeGreaterThan(500_000);
        for (String module : new String[] {"app", "api", "ui", "pages/systems", "pages/runs", "pages/run", "pages/compare",
                "pages/leaderboard", "pages/models", "pages/model", "pages/forecast"}) {
            HttpResponse<String> js = get("/js/" + module + ".js");
            assertThat(js.statusCode()).as(module).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("javascript"));
        }
    }

    @Test
    void configNamesEveryServiceAndItsGatewayPath() {
        JsonNode c = body(get("/api/v1/dashboard/config"));
        assertThat(c.path("datasetUrl").asString()).isEqualTo("http://127.0.0.1:" + upstream.getAddress().getPort());
        assertThat(c.path("trainingUrl").asString()).isEqualTo("http://localhost:8082");
        assertThat(c.path("inferenceUrl").asString()).isEqualTo("http://127.0.0.1:" + deadPort);
        assertThat(c.path("gateway").path("inference").asString()).isEqualTo("/api/v1/dashboard/services/inference");
    }

    @Test
    void gatewayForwardsPathQueryBodyAndRelaysStatusAndHeaders() {
        HttpResponse<String> r = get("/api/v1/dashboard/services/dataset/api/v1/systems?q=lorenz&kind=flow");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"echo\":true}");
        assertThat(r.headers().firstValue("X-Dataset-Shape")).hasValue("2,3");
        assertThat(lastRequest.get()).startsWith("GET /api/v1/systems?q=lorenz&kind=flow ");

        HttpResponse<String> p = post("/api/v1/dashboard/services/dataset/api/v1/datasets", "{\"system\":\"Lorenz\"}");
        assertThat(p.statusCode()).isEqualTo(200);
        assertThat(lastRequest.get()).isEqualTo("POST /api/v1/datasets application/json {\"system\":\"Lorenz\"}");

        HttpResponse<String> missing = get("/api/v1/dashboard/services/dataset/api/v1/systems/missing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("unknown-system");
    }

    @Test
    void serviceThatDoesNotAnswerIsA503ProblemNamingIt() {
        JsonNode p = assertProblem(get("/api/v1/dashboard/services/inference/api/v1/models"), 503, null);
        assertThat(p.path("code").asString()).isEqualTo("upstream-unavailable");
        assertThat(p.path("detail").asString()).contains("inference-service").contains(String.valueOf(deadPort));
    }

    @Test
    void gatewayRefusesUnknownServicesPathsOutsideTheApiAndOtherMethods() {
        assertThat(assertProblem(get("/api/v1/dashboard/services/results/api/v1/runs"), 400, "service")
                .path("detail").asString()).contains("dataset, training, inference");
        assertProblem(get("/api/v1/dashboard/services/dataset/actuator/env"), 400, "path");
        assertThat(send("DELETE", "/api/v1/dashboard/services/dataset/api/v1/datasets/x", null).statusCode()).isEqualTo(405);
    }

    @Test
    void gatewayRefusesDotSegmentsEncodedOrNotAndNeverForwardsThem() {
        lastRequest.set(null);
        for (String trick : new String[] {"/api/v1/%2e%2e/actuator/env", "/api/v1/%2E%2e/%2e%2E/actuator",
                "/api/v1/.%2e/actuator", "/api/v1/systems%2f..%2f..%2factuator", "/api/v1/%252e%252e/actuator",
                "/api/v1//systems", "/api/v1/systems/;x=1", "/api/v1/systems%5c..%5c..%5cactuator"}) {
            HttpResponse<String> r = get("/api/v1/dashboard/services/dataset" + trick);
            assertThat(r.statusCode()).as(trick).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type")).as(trick)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            // refused by Spring Security's firewall or by Tomcat itself: either way the path is named
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.path("field").asString()).as(trick + ": " + r.body()).isEqualTo("path");
            assertThat(problem.path("instance").asString()).as(trick).startsWith("/api/v1/dashboard/services/dataset");
        }
        assertThat(lastRequest.get()).as("nothing reached the upstream").isNull();
    }
}
