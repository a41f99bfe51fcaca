package io.chaoscast.inference.bench;

import io.chaoscast.testsupport.TestTokens;

import io.chaoscast.inference.InferenceServiceApplication;
import io.chaoscast.inference.support.RegistryServer;
import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.ModelTypes;
import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.calibration.CalibrationPoint;
import io.chaoscast.models.data.LorenzData;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import io.chaoscast.models.earlyexit.TrainingSettings;
import io.chaoscast.models.policy.ExitPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The serving goals, measured in one run on the default Lorenz early-exit network (the models
 * library's default spec, trained here or loaded from a saved artifact):
 *
 * <ol>
 *   <li>batch 1 in-process: dynamic exit at the calibrated policy (the stored tolerance; 2 % for
 *       models before format 2) versus full depth, time per forecast and the error increase
 *       against the truth;
 *   <li>HTTP {@code /forecast/batch} throughput versus calling the same model in-process with the
 *       same batch sizes and concurrency;
 *   <li>dynamic batching on versus off (max batch 1) under concurrent single-context load;
 *   <li>latency percentiles at a fixed 200 requests/s (open loop, measured from the scheduled send
 *       time, so queueing is not hidden);
 *   <li>a bounded load test (a fixed number of requests, then stop) counting errors.
 * </ol>
 *
 * <p>Run: {@code mvn -B -q -pl services/inference-service -am -Pinference-bench verify -DskipTests} (options
 * through {@code -Dbench.args="--model=target/bench/lorenz-default.zip --train-seconds=240
 * --phase-seconds=8 --device=cpu|gpu"}; {@code bench-gpu.sh} runs it on a CUDA machine).
 */
public final class ServingBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        double phaseSeconds = Double.parseDouble(opt.getOrDefault("phase-seconds", "8"));
        p("machine: %d cores, java %s, %s %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
        long t0 = System.nanoTime();
        double[][][] data = LorenzData.trajectories(LorenzData.lorenz(), 4, 20_000, 100, 42);
        Splits splits = Splits.inTime(data, 0.70, 0.15);
        p("data: Lorenz 4 x 20000 at 100 points per period, seed 42, split 70/15/15 (%.1f s)", secs(t0));

        Path saved = Path.of(opt.getOrDefault("model", "target/bench/lorenz-default.zip"));
        byte[] artifact;
        if (Files.exists(saved)) {
            artifact = Files.readAllBytes(saved);
            p("model: loaded %s (%d bytes)", saved, artifact.length);
        } else {
            double budget = Double.parseDouble(opt.getOrDefault("train-seconds", "240"));
            TrainingSettings d = ModelTypes.defaultTraining(42);
            // The training job's defaults (base search and rollout training included), this budget.
            TrainingSettings s = d.withTimeBudget(budget);
            long tt = System.nanoTime();
            var outcome = EarlyExitTrainer.train(
                    splits.train(),
                    splits.validation(),
                    ModelTypes.defaultArchitecture(3),
                    ModelTypes.defaultLoss(),
                    s,
                    e -> p("  epoch %d val-forecast %.3e (%.0f s)", e.epoch(), e.validationForecastLoss(),
                            e.elapsedSeconds()));
            try (EarlyExitForecaster trained = outcome.forecaster()) {
                // As the training job does: exit router and Learn-then-Test over one Lyapunov time.
                int lt = io.chaoscast.models.evaluation.EvaluationSettings.steps(
                        1, LorenzData.dt(LorenzData.lorenz(), 100), LorenzData.LORENZ_MAX_LYAPUNOV);
                EarlyExitForecaster cal = io.chaoscast.models.earlyexit.RiskCalibrator.calibrate(
                        trained, splits.train(), splits.validation(), lt, ModelTypes.RISK_WINDOWS);
                artifact = ModelArtifacts.toBytes(cal);
            }
            Files.createDirectories(saved.toAbsolutePath().getParent());
            Files.write(saved, artifact);
            p("model: trained %s for %.0f s (budget %.0f s, %d epochs), saved to %s", ModelTypes.defaultArchitecture(3),
                    secs(tt), budget, outcome.report().epochs().size(), saved);
        }
        ai.djl.Device device = io.chaoscast.inference.engine.DeviceChoice.choose(opt.getOrDefault("device", "cpu"));
        String deviceName = io.chaoscast.inference.engine.DeviceChoice.describe(device);
        p("device: %s (engine %s %s, %d GPUs visible)", deviceName, ai.djl.engine.Engine.getInstance().getEngineName(),
                ai.djl.engine.Engine.getInstance().getVersion(), ai.djl.engine.Engine.getInstance().getGpuCount());
        EarlyExitForecaster net = load(artifact, device);
        var cal = net.modelSpec().calibration();
        var risk = net.modelSpec().risk();
        double threshold;
        java.util.function.DoubleFunction<ExitPolicy> policyFor;
        // What a client sends for the calibrated policy: the tolerance where the model has a
        // forecast-level calibration (its policy may be a depth cap, which no threshold expresses).
        Map<String, Object> dynExit;
        if (risk != null) {
            // Forecast-level calibration (router models): ε at the stored confidence.
            var chosen = risk.pointFor(risk.tolerance(), risk.confidence());
            threshold = chosen.threshold();
            policyFor = tol -> risk.policyFor(tol, risk.confidence());
            dynExit = Map.of("policy", "dynamic", "tolerance", risk.tolerance(), "confidence", risk.confidence());
            p("calibration: tolerance %.0f %% at confidence %.0f %% -> %s; on calibration windows mean depth"
                    + " %.2f of %d, risk %+.2f %%", 100 * risk.tolerance(), 100 * risk.confidence(),
                    chosen.policy().name(), chosen.meanDepth(), net.spec().depth(), 100 * chosen.risk());
        } else {
            CalibrationPoint chosen = cal.chosen();
            threshold = cal.thresholdFor(0.02);
            policyFor = tol -> ExitPolicy.dynamic(cal.thresholdFor(tol));
            dynExit = Map.of("policy", "dynamic", "threshold", threshold);
            p("calibration: tolerance 2 %% -> threshold %.5f; on validation mean depth %.2f of %d, error %+.2f %%",
                    threshold, chosen == null ? Double.NaN : chosen.meanDepth(), net.spec().depth(),
                    chosen == null ? Double.NaN : 100 * chosen.relativeError());
        }

        int l = net.spec().contextLength();
        int h = net.spec().stepsPerPass();
        Windows w = Windows.of(splits.test(), l, h, 2000);

        // 1. batch 1 in-process, dynamic at the calibrated policy versus full depth
        ExitPolicy dynamic = risk != null ? risk.policy() : ExitPolicy.dynamic(threshold);
        Map<String, Object> fullExit = Map.of("policy", "full");
        ExitPolicy full = ExitPolicy.full();
        // Rounds alternate the policies and the median round is kept: other processes on this
        // shared box come and go, and a mean would charge their bursts to whichever policy ran.
        // The first is the calibrated policy itself: the model's default tolerance.
        double[] tolerances = {risk != null ? risk.tolerance() : 0.02, 0.02, 0.10, 0.25, 0.50};
        List<ExitPolicy> policies = new ArrayList<>();
        policies.add(full);
        for (double tol : tolerances) {
            policies.add(policyFor.apply(tol));
        }
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "15"));
        int perRound = 200;
        double[][] times = new double[policies.size()][rounds];
        for (ExitPolicy pol : policies) {
            timePerForecast(net, w, pol, 0, 200);
        }
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < policies.size(); k++) {
                times[k][round] = timePerForecast(net, w, policies.get(k), round * perRound, perRound);
            }
        }
        double tFull = median(times[0]);
        double tDyn = median(times[1]);
        ForecastResult rFull = net.forecast(w.contexts, h, full);
        ForecastResult rDyn = net.forecast(w.contexts, h, dynamic);
        double mseFull = w.mse(rFull);
        double mseDyn = w.mse(rDyn);
        p("");
        p("[1] batch 1, in-process, horizon %d (one pass), median of %d rounds x %d test windows, errors on %d"
                + " test windows:", h, rounds, perRound, w.count());
        p("    full depth      : %8.1f us/forecast  depth %.2f  mse %.4e", tFull * 1e6, rFull.meanDepth(), mseFull);
        p("    dynamic (calib.): %8.1f us/forecast  depth %.2f  mse %.4e", tDyn * 1e6, rDyn.meanDepth(), mseDyn);
        p("    speed-up %.2fx (goal >= 2x), compute %.1f %% of full, error increase %+.2f %% vs full depth",
                tFull / tDyn, 100 * rDyn.computeFraction(), 100 * (mseDyn / mseFull - 1));
        p("    the same at other tolerances (policy from the stored calibration):");
        for (int k = 2; k < policies.size(); k++) {
            ForecastResult r = net.forecast(w.contexts, h, policies.get(k));
            double tt = median(times[k]);
            p("    tolerance %3.0f %%: %-16s %8.1f us/forecast  speed-up %.2fx  depth %.2f  error %+.2f %%",
                    100 * tolerances[k - 1], policies.get(k).name(), tt * 1e6, tFull / tt, r.meanDepth(),
                    100 * (w.mse(r) / mseFull - 1));
        }

        try (RegistryServer registry = new RegistryServer()) {
            UUID id = registry.register("lorenz-default", "early-exit", artifact, null);
            String path = "/api/v1/models/" + id;

            // 2. HTTP versus in-process, same batch sizes, 2 client threads
            p("");
            p("[2] throughput, 2 client threads, dynamic at the calibrated policy, batch request of B contexts (forecasts/s):");
            try (Server s = Server.start(registry, 32, 2, deviceName)) {
                EarlyExitForecaster[] replicas = {net, load(artifact, device)};
                for (int b : new int[] {1, 8, 32}) {
                    double inProc = inProcessThroughput(replicas, w, b, dynamic, phaseSeconds);
                    String[] bodies = w.batchBodies(b, h, dynExit);
                    closedLoop(s, path + "/forecast/batch", bodies, 2, phaseSeconds / 4); // warm-up
                    Load http = closedLoop(s, path + "/forecast/batch", bodies, 2, phaseSeconds);
                    p("    B=%2d  in-process %9.0f  HTTP %9.0f  ratio %.2f (goal >= 0.80)  errors %d", b, inProc,
                            http.perSecond * b, http.perSecond * b / inProc, http.errors);
                }
                replicas[1].close();
                // Where the time of one B=1 request goes: one client, sequential requests.
                String[] one = w.singleBodies(h, dynExit);
                int n1 = 400;
                long[] rtt = new long[n1];
                double[] inside = new double[n1];
                for (int i = 0; i < n1 + 100; i++) {
                    long t = System.nanoTime();
                    var r = s.client.send(
                            s.post(path + "/forecast", one[i % one.length]), HttpResponse.BodyHandlers.ofString());
                    if (i >= 100) {
                        rtt[i - 100] = System.nanoTime() - t;
                        inside[i - 100] = JSON.readTree(r.body()).get("latencyMs").asDouble();
                    }
                }
                Arrays.sort(rtt);
                double[] alone = new double[n1];
                for (int i = 0; i < n1; i++) {
                    long t = System.nanoTime();
                    net.forecast(new double[][][] {w.contexts[i % w.count()]}, h, dynamic);
                    alone[i] = (System.nanoTime() - t) / 1e6;
                }
                p("    one client, sequential, B=1: round trip p50 %.2f ms, inside the controller p50 %.2f ms,"
                        + " in-process forecast p50 %.2f ms", rtt[n1 / 2] / 1e6, median(inside), median(alone));
                // 100-step rollouts over HTTP, one client, sequential: full depth against the dynamic
                // policy at the calibrated tolerance, rounds alternating, median round kept. Two
                // clients: the JDK's HttpClient, whose send hands each exchange to an executor
                // thread and back, and a blocking HttpURLConnection on a kept-alive connection,
                // which does the I/O in the calling thread as most HTTP libraries do; on 2 cores
                // those hand-offs cost about as much as a shallow pass, and they are the client's.
                String[] fullRoll = w.singleBodies(100, fullExit);
                String[] dynRoll = w.singleBodies(100, dynExit);
                int perRoll = 40;
                int rollRounds = Math.max(5, rounds);
                double[][] roll = new double[2][rollRounds];
                double[][] rollBlocking = new double[2][rollRounds];
                for (int round = -1; round < rollRounds; round++) {
                    for (int k = 0; k < 2; k++) {
                        String[] bodies = k == 0 ? fullRoll : dynRoll;
                        int first = (round + 1) * perRoll;
                        long t = System.nanoTime();
                        for (int i = 0; i < perRoll; i++) {
                            s.client.send(s.post(path + "/forecast", bodies[(first + i) % bodies.length]),
                                    HttpResponse.BodyHandlers.ofString());
                        }
                        long t1 = System.nanoTime();
                        for (int i = 0; i < perRoll; i++) {
                            s.postBlocking(path + "/forecast", bodies[(first + i) % bodies.length]);
                        }
                        if (round >= 0) {
                            roll[k][round] = (t1 - t) / 1e6 / perRoll;
                            rollBlocking[k][round] = (System.nanoTime() - t1) / 1e6 / perRoll;
                        }
                    }
                }
                p("    HTTP 100-step rollouts, one client, median of %d rounds x %d requests each:", rollRounds, perRoll);
                p("      JDK HttpClient         : full %.2f ms, dynamic %.2f ms per request: speed-up %.2fx (goal >= 1.5x)",
                        median(roll[0]), median(roll[1]), median(roll[0]) / median(roll[1]));
                p("      blocking HttpURLConnection: full %.2f ms, dynamic %.2f ms per request: speed-up %.2fx (goal >= 1.5x)",
                        median(rollBlocking[0]), median(rollBlocking[1]), median(rollBlocking[0]) / median(rollBlocking[1]));
                // What HTTP alone costs here: the same 2 clients on a trivial endpoint.
                Load floor = closedLoop(s, "/actuator/health", null, 2, phaseSeconds / 2);
                p("    HTTP floor: GET /actuator/health, 2 clients: %.0f req/s, p50 %.2f ms", floor.perSecond,
                        floor.p(50));
            }

            // 3. dynamic batching on versus off, 32 concurrent single-context clients
            p("");
            p("[3] dynamic batching, 32 concurrent clients, single-context /forecast, dynamic at the calibrated policy:");
            String[] singles = w.singleBodies(h, dynExit);
            double off;
            try (Server s = Server.start(registry, 1, 2, deviceName)) {
                closedLoop(s, path + "/forecast", singles, 32, phaseSeconds / 4);
                Load r = closedLoop(s, path + "/forecast", singles, 32, phaseSeconds);
                off = r.perSecond;
                p("    max batch 1 : %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d", r.perSecond, r.p(50), r.p(99),
                        r.errors);
            }
            try (Server s = Server.start(registry, 32, 2, deviceName)) {
                closedLoop(s, path + "/forecast", singles, 32, phaseSeconds / 4);
                Load r = closedLoop(s, path + "/forecast", singles, 32, phaseSeconds);
                p("    max batch 32: %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  mean batch %.1f", r.perSecond,
                        r.p(50), r.p(99), r.errors, s.meanBatch());
                p("    throughput ratio batched / batch-1 serving: %.2fx", r.perSecond / off);

                // 4. open loop at 200 requests/s
                int rate = 200;
                int n = (int) (rate * Math.max(10, phaseSeconds));
                Load o = openLoop(s, path + "/forecast", singles, rate, n);
                p("");
                p("[4] open loop %d req/s, %d requests: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms (goal < 10)  max %.2f ms"
                        + "  errors %d", rate, n, o.p(50), o.p(90), o.p(99), o.p(100), o.errors);

                // 5. bounded load test
                int total = 20_000;
                long tb = System.nanoTime();
                Load b = boundedLoad(s, path + "/forecast", singles, 16, total);
                p("");
                p("[5] bounded load: %d requests from 16 clients in %.1f s (%.0f req/s), p99 %.2f ms, errors %d"
                        + " (goal 0)", total, secs(tb), total / secs(tb), b.p(99), b.errors);
            }
        }
        net.close();
        p("");
        p("total: %.0f s", secs(t0));
        System.exit(0);
    }

    /** The model as the service loads it, on {@code device}. */
    private static EarlyExitForecaster load(byte[] artifact, ai.djl.Device device) {
        var d = new io.chaoscast.inference.engine.ModelDescriptor(
                "bench", "bench", 1, "early-exit", "lorenz", null, "model.zip", null, artifact.length, null);
        return (EarlyExitForecaster) new io.chaoscast.inference.registry.ArtifactForecasterLoader()
                .load(d, artifact, device)
                .forecaster();
    }

    /** Test windows with their truth. */
    record Windows(double[][][] contexts, double[][][] truth) {
        static Windows of(double[][][] trajectories, int l, int h, int count) {
            double[][][] c = new double[count][][];
            double[][][] t = new double[count][][];
            int per = count / trajectories.length + 1;
            int i = 0;
            for (double[][] traj : trajectories) {
                int stride = Math.max(1, (traj.length - l - h) / per);
                for (int s = 0; s + l + h <= traj.length && i < count; s += stride) {
                    c[i] = Arrays.copyOfRange(traj, s, s + l);
                    t[i] = Arrays.copyOfRange(traj, s + l, s + l + h);
                    i++;
                }
            }
            return new Windows(Arrays.copyOf(c, i), Arrays.copyOf(t, i));
        }

        int count() {
            return contexts.length;
        }

        double mse(ForecastResult r) {
            double sum = 0;
            long n = 0;
            for (int i = 0; i < contexts.length; i++) {
                for (int k = 0; k < truth[i].length; k++) {
                    for (int j = 0; j < truth[i][k].length; j++) {
                        double e = r.forecasts()[i][k][j] - truth[i][k][j];
                        sum += e * e;
                        n++;
                    }
                }
            }
            return sum / n;
        }

        String[] singleBodies(int horizon, Map<String, Object> exit) {
            String[] out = new String[contexts.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = JSON.writeValueAsString(Map.of("context", contexts[i], "horizon", horizon, "exit", exit));
            }
            return out;
        }

        String[] batchBodies(int b, int horizon, Map<String, Object> exit) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i + b <= contexts.length; i += b) {
                out.add(JSON.writeValueAsString(Map.of(
                        "contexts", Arrays.copyOfRange(contexts, i, i + b), "horizon", horizon, "exit", exit)));
            }
            return out.toArray(String[]::new);
        }

        double[][][] slice(int from, int b) {
            int start = from % (contexts.length - b + 1);
            return Arrays.copyOfRange(contexts, start, start + b);
        }
    }

    private static double timePerForecast(EarlyExitForecaster net, Windows w, ExitPolicy policy, int from, int n) {
        int h = net.spec().stepsPerPass();
        long t = System.nanoTime();
        for (int i = from; i < from + n; i++) {
            net.forecast(new double[][][] {w.contexts[i % w.count()]}, h, policy);
        }
        return (System.nanoTime() - t) / 1e9 / n;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double inProcessThroughput(
            EarlyExitForecaster[] replicas, Windows w, int b, ExitPolicy policy, double seconds) throws Exception {
        int h = replicas[0].spec().stepsPerPass();
        ExecutorService pool = Executors.newFixedThreadPool(replicas.length);
        AtomicLong done = new AtomicLong();
        long warmEnd = System.nanoTime() + (long) (seconds / 4 * 1e9);
        long end = warmEnd + (long) (seconds * 1e9);
        List<CompletableFuture<Void>> fs = new ArrayList<>();
        for (EarlyExitForecaster r : replicas) {
            fs.add(CompletableFuture.runAsync(
                    () -> {
                        int i = 0;
                        long now;
                        while ((now = System.nanoTime()) < end) {
                            r.forecast(w.slice(i++ * b, b), h, policy);
                            if (now > warmEnd) {
                                done.addAndGet(b);
                            }
                        }
                    },
                    pool));
        }
        CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        return done.get() / seconds;
    }

    /** A running inference-service on a random loopback port. */
    static final class Server implements AutoCloseable {
        final ConfigurableApplicationContext context;
        final int port;
        final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8))
                .build();

        Server(ConfigurableApplicationContext context) {
            this.context = context;
            this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        static Server start(RegistryServer registry, int maxBatch, int workers, String device) {
            // Command-line arguments: they take precedence over application.yml (default properties do not).
            ConfigurableApplicationContext c = new SpringApplicationBuilder(InferenceServiceApplication.class)
                    .run(
                            "--server.port=0",
                            "--chaoscast.services.results-url=" + registry.uri(),
                            "--chaoscast.inference.device=" + (device.startsWith("gpu") ? "gpu" : "cpu"),
                            "--chaoscast.inference.batching.max-batch-size=" + maxBatch,
                            "--chaoscast.inference.batching.workers=" + workers,
                            "--chaoscast.inference.batching.queue-capacity=1024",
                            "--server.tomcat.threads.max=64",
                            "--logging.level.root=WARN",
                            "--spring.main.banner-mode=off");
            return new Server(c);
        }

        double meanBatch() {
            var registry = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            var s = registry.find("chaoscast.inference.batch.size").summary();
            return s == null ? Double.NaN : s.mean();
        }

        /** One POST through {@link io.chaoscast.testsupport.BlockingHttp}; fails unless 200. */
        byte[] postBlocking(String path, String body) {
            return io.chaoscast.testsupport.BlockingHttp.exchange(
                    "POST", "http://127.0.0.1:" + port + path, body, 200, "application/json");
        }

        HttpRequest post(String path, String body) {
            return TestTokens.request(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Throughput and latencies of a load phase. */
    record Load(double perSecond, long errors, long[] latencies) {
        double p(double q) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latencies.length - 1, Math.ceil(q / 100 * latencies.length) - 1);
            return latencies[Math.max(0, i)] / 1e6;
        }
    }

    private static Load closedLoop(Server s, String path, String[] bodies, int clients, double seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<CompletableFuture<long[]>> fs = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            int offset = c * 37;
            fs.add(CompletableFuture.supplyAsync(
                    () -> {
                        long[] lat = new long[1 << 20];
                        int n = 0;
                        int i = offset;
                        while (System.nanoTime() < end) {
                            long t = System.nanoTime();
                            try {
                                HttpRequest req = bodies == null
                                        ? TestTokens.request(URI.create("http://127.0.0.1:" + s.port + path))
                                                .GET()
                                                .build()
                                        : s.post(path, bodies[i++ % bodies.length]);
                                var r = s.client.send(req, HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            lat[n++] = System.nanoTime() - t;
                        }
                        return Arrays.copyOf(lat, n);
                    },
                    pool));
        }
        long start = System.nanoTime();
        List<long[]> all = new ArrayList<>();
        for (var f : fs) {
            all.add(f.get());
        }
        double took = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        pool.shutdown();
        long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Load(lat.length / took, errors.get(), lat);
    }

    private static Load openLoop(Server s, String path, String[] bodies, int rate, int n) throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] lat = new long[n];
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<Void>> fs = new ArrayList<>(n);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < n; i++) {
            long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                if (wait > 200_000) {
                    Thread.sleep(0, 100_000);
                } else {
                    Thread.onSpinWait();
                }
            }
            int k = i;
            fs.add(s.client
                    .sendAsync(s.post(path, bodies[i % bodies.length]), HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> {
                        lat[k] = System.nanoTime() - scheduled;
                        if (e != null || r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
        Arrays.sort(lat);
        return new Load(rate, errors.get(), lat);
    }

    private static Load boundedLoad(Server s, String path, String[] bodies, int clients, int total) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[] lat = new long[total];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Void>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            fs.add(CompletableFuture.runAsync(
                    () -> {
                        long i;
                        while ((i = next.getAndIncrement()) < total) {
                            long t = System.nanoTime();
                            try {
                                var r = s.client.send(
                                        s.post(path, bodies[(int) (i % bodies.length)]),
                                        HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            lat[(int) i] = System.nanoTime() - t;
                        }
                    },
                    pool));
        }
        CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        Arrays.sort(lat);
        return new Load(0, errors.get(), lat);
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void p(String f, Object... a) {
        System.out.println(String.format(Locale.ROOT, f, a));
        System.out.flush();
    }
}
