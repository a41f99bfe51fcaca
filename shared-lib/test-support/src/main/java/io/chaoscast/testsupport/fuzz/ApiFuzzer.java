package io.chaoscast.testsupport.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A property-based fuzzer driven by a service's own OpenAPI document ({@code /v3/api-docs}): for
 * every operation it generates requests from the declared schemas, then breaks them one way at a
 * time (a field out of range, of the wrong type, NaN or Infinity, an unknown field, a malformed or
 * huge body, a path segment with dot segments or encoded slashes, a wrong content type). The
 * property: every answer is a success or a 4xx {@code application/problem+json}; never a 5xx,
 * never a hang. Runs are reproducible from their seed.
 */
public final class ApiFuzzer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NASTY = "__chaoscast_fuzz_nasty__";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** JSON fragments put in place of one field: out of range, wrong type, non-finite, huge. */
    private static final List<String> NASTY_JSON = List.of(
            "null", "-1", "0", "-2147483649", "2147483648", "9223372036854775808", "-9223372036854775809",
            "1e308", "-1e308", "1e999", "4.9e-324", "1.5", "-0.0", "NaN", "Infinity", "-Infinity",
            "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e999\"", "true", "\"\"", "\" \"", "\"x\"",
            "\"" + "x".repeat(20_000) + "\"", "\"\\u0000\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"",
            "\"2026-13-45T99:99:99Z\"", "\"00000000-0000-0000-0000-000000000000\"", "[]", "[null]", "[[]]",
            "[1e999]", "[\"NaN\"]", "{}", "{\"a\":1}", "[" + "1,".repeat(5000) + "1]",
            "[".repeat(1500) + "]".repeat(1500), "{\"a\":".repeat(300) + "1" + "}".repeat(300));

    /** Whole bodies that are not what any operation wants. */
    private static final List<String> MALFORMED_BODIES = List.of(
            "", " ", "null", "[]", "{}", "{", "}", "{\"a\":", "[1,2", "\"text\"", "123", "NaN", "{'a':1}",
            "{\"a\":1,}", "{\"a\" 1}", "\u0000\u0001\u0002", "<xml/>", "{\"a\":1}{\"b\":2}", "[{}]",
            "{\"a\":\"\\ud800\"}", "\uFEFF{}");

    /** Already-encoded path segments that try to climb out, confuse decoding or overflow. */
    private static final List<String> PATH_TRICKS = List.of(
            "..", ".", "%2e%2e", "%2E%2E", ".%2e", "%2f", "%2F..%2F..%2Factuator", "%252e%252e", "%00", "%25",
            "a%20b", "%C3%A4", "%E2%80%AE", "%5c..%5c", "x;y=1", "-1", "0", "NaN", "1e999", "null",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "x".repeat(3000), "%F0%9F%92%A5");

    private static final List<String> NASTY_QUERY = List.of(
            "-1", "0", "2147483648", "-2147483649", "9223372036854775808", "1e999", "NaN", "Infinity", "", " ",
            "abc", "true", "x".repeat(5000), "../..", "%00", "\u0000", "<b>", "1,2", "2026-99-99");

    private final String service;
    private final URI base;
    private final JsonNode api;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, List<String>> knownValues = new HashMap<>();
    private final Map<String, JsonNode> examples = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private long maxBodyBytes = 1 << 20;

    private record Parameter(String name, String in, boolean required, JsonNode schema) {}

    private record Operation(String method, String path, List<Parameter> parameters, String contentType, JsonNode body) {}

    private ApiFuzzer(String service, URI base, JsonNode api) {
        this.service = service;
        this.base = base;
        this.api = api;
        JsonNode paths = api.path("paths");
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            for (String method : item.propertyNames()) {
                String m = method.toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m)) {
                    continue;
                }
                JsonNode op = item.get(method);
                List<Parameter> params = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode r = resolve(p);
                    params.add(new Parameter(r.path("name").asString(), r.path("in").asString(),
                            r.path("required").asBoolean(false), resolve(r.path("schema"))));
                }
                String contentType = null;
                JsonNode body = null;
                JsonNode content = resolve(op.path("requestBody")).path("content");
                if (!content.isMissingNode() && !content.isEmpty()) {
                    contentType = content.propertyNames().iterator().next();
                    if (content.has("application/json")) {
                        contentType = "application/json";
                    }
                    body = content.path(contentType).path("schema");
                }
                operations.add(new Operation(m, path, params, contentType, body));
            }
        }
        if (operations.isEmpty()) {
            throw new IllegalStateException(service + " declares no operations at " + base + "/v3/api-docs");
        }
    }

    /** Reads the service's OpenAPI document from {@code base/v3/api-docs}. */
    public static ApiFuzzer of(String service, URI base) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            HttpResponse<String> r = client.send(
                    FuzzHeaders.apply(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /v3/api-docs of " + service + " answered " + r.statusCode());
            }
            return new ApiFuzzer(service, base, JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Values that exist (e.g. a run id) used for a parameter or field of this name half of the time. */
    public ApiFuzzer known(String name, String... values) {
        knownValues.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    /**
     * A valid body of {@code operation} (e.g. {@code POST /api/v1/datasets}): half of that
     * operation's requests start from it instead of from the schema, so that one broken field is
     * met on an otherwise valid request and the checks behind the first one are reached too.
     */
    public ApiFuzzer example(String operation, String json) {
        if (operations.stream().noneMatch(op -> (op.method + " " + op.path).equals(operation))) {
            throw new IllegalArgumentException(service + " has no operation " + operation);
        }
        examples.put(operation, JSON.readTree(json));
        return this;
    }

    /** The service's request-body limit: over-limit bodies are sent just above it. */
    public ApiFuzzer maxBodyBytes(long bytes) {
        this.maxBodyBytes = bytes;
        return this;
    }

    public int operationCount() {
        return operations.size();
    }

    /**
     * Sends {@code requests} requests (every operation in turn, each generated and broken from
     * {@code seed}), or as many as fit in {@code budget}, then two over-limit bodies.
     */
    public FuzzResult run(long seed, int requests, Duration budget) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> byOperation = new LinkedHashMap<>();
        List<FuzzResult.Failure> failures = new ArrayList<>();
        int[] closed = {0};
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        int sent = 0;
        for (; sent < requests && System.nanoTime() < deadline; sent++) {
            Operation op = operations.get(sent % operations.size());
            Request r = generate(op, random.split());
            send(r, false, statuses, byOperation, failures, closed);
        }
        for (Request r : overLimit()) {
            send(r, true, statuses, byOperation, failures, closed);
            sent++;
        }
        return new FuzzResult(service, seed, sent, statuses, byOperation, closed[0], failures, (System.nanoTime() - start) / 1e9);
    }

    private record Request(String operation, String method, String target, String contentType, byte[] body, boolean chunked) {}

    private Request generate(Operation op, SplittableRandom random) {
        int mode = random.nextInt(100);
        // Which single thing to break: 0-34 nothing (valid-ish), 35-59 one body field, 60-69 one
        // parameter, 70-77 an unknown field, 78-89 a malformed body, 90-95 the content type, 96-99 a path trick.
        String path = op.path;
        StringBuilder query = new StringBuilder();
        List<Parameter> params = op.parameters;
        int brokenParam = mode >= 60 && mode < 70 && !params.isEmpty() ? random.nextInt(params.size()) : -1;
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            boolean broken = i == brokenParam;
            if ("path".equals(p.in)) {
                String v = broken || (mode >= 96 && random.nextBoolean())
                        ? pick(random, PATH_TRICKS)
                        : encodePath(scalar(p.name, p.schema, random));
                path = path.replace("{" + p.name + "}", v);
            } else if ("query".equals(p.in)) {
                if (!broken && !p.required && random.nextInt(3) == 0) {
                    continue;
                }
                String v = broken ? pick(random, NASTY_QUERY) : scalar(p.name, p.schema, random);
                query.append(query.isEmpty() ? "?" : "&").append(encodeQuery(p.name)).append('=').append(encodeQuery(v));
            }
        }
        // Path parameters the document did not declare (none expected) keep a plain value.
        path = path.replaceAll("\\{[^}]+}", "x");
        if (mode >= 96) {
            path = path + "/" + pick(random, PATH_TRICKS);
        }
        String target = base + path + query;
        String declaredType = op.contentType;
        if (declaredType == null && examples.containsKey(op.method + " " + op.path)) {
            // A body the document does not declare (the controller reads the stream itself).
            declaredType = "application/json";
        }
        if (declaredType == null) {
            if (mode >= 78 && mode < 90 && !"GET".equals(op.method)) {
                return new Request(op.method + " " + op.path, op.method, target, "application/json", bytes(pick(random, MALFORMED_BODIES)), false);
            }
            return new Request(op.method + " " + op.path, op.method, target, null, null, false);
        }
        if (!declaredType.contains("json")) {
            byte[] raw = new byte[random.nextInt(4096)];
            random.nextBytes(raw);
            return new Request(op.method + " " + op.path, op.method, target, declaredType, raw, random.nextInt(4) == 0);
        }
        String contentType = declaredType;
        String text;
        if (mode >= 78 && mode < 90) {
            text = pick(random, MALFORMED_BODIES);
        } else {
            JsonNode example = examples.get(op.method + " " + op.path);
            JsonNode tree = example != null && random.nextBoolean() ? example.deepCopy() : value("body", op.body, random, 0);
            if (mode >= 35 && mode < 60) {
                tree = breakOneField(tree, random);
            } else if (mode >= 70 && mode < 78 && tree instanceof ObjectNode o) {
                o.put("unknownField" + random.nextInt(100), random.nextInt());
            }
            text = JSON.writeValueAsString(tree).replace("\"" + NASTY + "\"", pick(random, NASTY_JSON));
            if (mode >= 90 && mode < 96) {
                contentType = pick(random, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=latin-7", "*/*", "application/octet-stream"));
            }
        }
        return new Request(op.method + " " + op.path, op.method, target, contentType, bytes(text), random.nextInt(10) == 0);
    }

    /** Two bodies just over the limit per operation that takes JSON: one declared, one chunked. */
    private List<Request> overLimit() {
        List<Request> out = new ArrayList<>();
        for (Operation op : operations) {
            if (op.contentType != null && op.contentType.contains("json") && !op.path.contains("{")) {
                byte[] huge = new byte[(int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1024)];
                huge[0] = '[';
                for (int i = 1; i < huge.length - 1; i += 2) {
                    huge[i] = '0';
                    huge[i + 1] = ',';
                }
                huge[huge.length - 2] = '0';
                huge[huge.length - 1] = ']';
                out.add(new Request(op.method + " " + op.path, op.method, base + op.path, "application/json", huge, false));
                out.add(new Request(op.method + " " + op.path, op.method, base + op.path, "application/json", huge, true));
            }
        }
        return out;
    }

    private void send(Request r, boolean overLimit, Map<Integer, Integer> statuses,
            Map<String, Map<Integer, Integer>> byOperation, List<FuzzResult.Failure> failures, int[] closed) {
        String shown = r.body == null ? null : new String(r.body, 0, Math.min(r.body.length, 2000), StandardCharsets.UTF_8);
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(r.target)).timeout(REQUEST_TIMEOUT);
        } catch (IllegalArgumentException e) {
            return; // not a URI any client could send
        }
        FuzzHeaders.apply(b);
        b.header("Accept", "application/json, application/problem+json, */*");
        if (r.contentType != null) {
            b.header("Content-Type", r.contentType);
        }
        HttpRequest.BodyPublisher publisher = r.body == null
                ? HttpRequest.BodyPublishers.noBody()
                : r.chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(r.body))
                        : HttpRequest.BodyPublishers.ofByteArray(r.body);
        b.method(r.method, publisher);
        HttpResponse<String> answer;
        try {
            answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            failures.add(new FuzzResult.Failure(r.method, r.target, r.contentType, shown, "no answer within " + REQUEST_TIMEOUT));
            return;
        } catch (IOException e) {
            if (overLimit) {
                closed[0]++;
            } else {
                failures.add(new FuzzResult.Failure(r.method, r.target, r.contentType, shown, "connection failed: " + e));
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = answer.statusCode();
        statuses.merge(status, 1, Integer::sum);
        byOperation.computeIfAbsent(r.operation, k -> new LinkedHashMap<>()).merge(status, 1, Integer::sum);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String outcome = null;
        if (status >= 500) {
            outcome = status + " " + type + " " + answer.body();
        } else if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                outcome = status + " not a problem: " + type + " " + answer.body();
            } else {
                try {
                    JsonNode p = JSON.readTree(answer.body());
                    if (!p.path("code").isString() || p.path("status").asInt() != status) {
                        outcome = status + " problem without code or with another status: " + answer.body();
                    }
                } catch (RuntimeException e) {
                    outcome = status + " problem that is not JSON: " + answer.body();
                }
            }
        } else if (overLimit && status < 300) {
            outcome = status + " accepted a body over the limit of " + maxBodyBytes + " bytes";
        }
        if (outcome != null) {
            failures.add(new FuzzResult.Failure(r.method, r.target, r.contentType, shown,
                    outcome.length() > 1500 ? outcome.substring(0, 1500) + "..." : outcome));
        }
    }

    private JsonNode breakOneField(JsonNode tree, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(tree, containers);
        if (containers.isEmpty()) {
            return NODES.stringNode(NASTY);
        }
        JsonNode c = containers.get(random.nextInt(containers.size()));
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            if (names.isEmpty()) {
                o.put("field", NASTY);
            } else {
                o.put(names.get(random.nextInt(names.size())), NASTY);
            }
        } else if (c instanceof ArrayNode a) {
            if (a.isEmpty()) {
                a.add(NASTY);
            } else {
                a.set(random.nextInt(a.size()), NODES.stringNode(NASTY));
            }
        }
        return tree;
    }

    private static void collectContainers(JsonNode n, List<JsonNode> out) {
        if (n.isObject() || n.isArray()) {
            out.add(n);
            for (JsonNode child : n) {
                collectContainers(child, out);
            }
        }
    }

    /** A value that fits {@code schema} (its type, enum, range and format), with a known value where one is given. */
    private JsonNode value(String name, JsonNode schema, SplittableRandom random, int depth) {
        schema = resolve(schema);
        List<String> known = knownValues.get(name);
        if (known != null && random.nextBoolean()) {
            return NODES.stringNode(pick(random, known));
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            return value(name, options.get(random.nextInt(options.size())), random, depth);
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return value(name, schema.get("allOf").get(0), random, depth);
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).deepCopy();
        }
        String type = type(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                JsonNode props = schema.path("properties");
                List<String> required = new ArrayList<>();
                for (JsonNode r : schema.path("required")) {
                    required.add(r.asString());
                }
                for (String p : props.propertyNames()) {
                    if (required.contains(p) || random.nextInt(10) < 6) {
                        o.set(p, value(p, props.get(p), random, depth + 1));
                    }
                }
                JsonNode additional = schema.path("additionalProperties");
                if (additional.isObject()) {
                    int n = random.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        String key = pick(random, List.of("lr", "a", "r", "sigma", "n", "x", "loss", "k" + i));
                        o.set(key, value(key, additional, random, depth + 1));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(value(name, schema.path("items"), random, depth + 1));
                }
                return a;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(Math.max(min, 0) + 100);
                long v = switch (random.nextInt(4)) {
                    case 0 -> min;
                    case 1 -> Math.min(max, min + random.nextInt(5));
                    default -> min + (long) (random.nextDouble() * Math.max(0, Math.min(max - min, 1000)));
                };
                return NODES.numberNode(v);
            }
            case "number" -> {
                double min = schema.path("minimum").asDouble(0);
                double max = schema.path("maximum").asDouble(min + 10);
                return NODES.numberNode(min + random.nextDouble() * Math.min(max - min, 1000));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            case "string" -> {
                return NODES.stringNode(string(name, schema, random));
            }
            default -> {
                return random.nextBoolean() ? NODES.numberNode(random.nextInt(10)) : NODES.stringNode("x");
            }
        }
    }

    private String scalar(String name, JsonNode schema, SplittableRandom random) {
        JsonNode v = value(name, schema, random, 0);
        return v.isString() ? v.asString() : v.isValueNode() ? v.asString() : JSON.writeValueAsString(v);
    }

    private static String string(String name, JsonNode schema, SplittableRandom random) {
        String format = schema.path("format").asString("");
        if ("uuid".equals(format)) {
            return UUID.randomUUID().toString();
        }
        if ("date-time".equals(format)) {
            return "2026-01-" + (10 + random.nextInt(18)) + "T12:00:00Z";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("system")) {
            return pick(random, List.of("Lorenz", "Henon", "Logistic", "Lorenz96", "MackeyGlass", "Rossler", "nope"));
        }
        if (lower.endsWith("id")) {
            return random.nextBoolean() ? UUID.randomUUID().toString() : "0".repeat(64);
        }
        return pick(random, List.of("a", "test", "Lorenz", "x-1", "loss", "lr", "model.zip", "ready", "mse"));
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isString()) {
            return t.asString();
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asString())) {
                    return x.asString();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "";
    }

    private JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            String ref = node.get("$ref").asString();
            JsonNode target = api;
            for (String part : ref.substring(ref.indexOf('#') + 2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node == null ? NODES.missingNode() : node;
    }

    private static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String encodePath(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeQuery(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
