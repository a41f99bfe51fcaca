package io.chaoscast.models.bench;

import io.chaoscast.dynamics.catalog.InvariantTable;
import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.metrics.ForecastMetrics;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.models.ModelTypes;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.data.LorenzData;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.earlyexit.DecisionCost;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import io.chaoscast.models.earlyexit.ProgressListener;
import io.chaoscast.models.earlyexit.RiskCalibrator;
import io.chaoscast.models.evaluation.EvaluationReport;
import io.chaoscast.models.evaluation.EvaluationSettings;
import io.chaoscast.models.evaluation.ForecastEvaluator;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The early-exit goals side by side on several catalog systems, in one run: trains the default
 * network per system (as the training job does), calibrates it by Learn-then-Test at ε 5 %,
 * confidence 90 %, and prints mean depth against the oracle, the measured test risk, the guarantee
 * rate over 20 random calibration/test re-splits, decision and block costs, batch-1 and batch-256
 * speed of the dynamic policy against full depth, full-depth and dynamic VPT and training time.
 * Run with {@code mvn -B -q -pl shared-lib/models -am -Pbench-exit verify -DskipTests}; systems
 * with {@code -Dbench.systems=...} (default Lorenz, SprottE and HastingsPowell: the default
 * benchmark system, another polynomial flow and a non-polynomial one); {@code -Dbench.save=<dir>}
 * also writes each calibrated model there, and {@code -Dbench.load=<dir>} measures the models
 * saved there instead of training new ones (to compare two builds on the same networks; with
 * {@code -Dbench.recalibrate=true} their routers and calibrations are fitted again by this build).
 * {@code -Dbench.data=segments} takes the trajectories of every system as segments of one trajectory
 * from the default initial condition (the skill benchmark's data) instead of starts spread by ±1
 * around it, which push systems with small basins (HastingsPowell, MacArthur, Chua, ...) off their
 * attractor; {@code -Dbench.segments=A,B} does so for the systems named (default {@value
 * #SMALL_BASINS}).
 */
public final class EarlyExitBenchmark {

    /**
     * Systems measured on segments of one trajectory unless {@code -Dbench.segments} names others
     * ({@code none}: no system): starts spread by ±1 leave their basins.
     */
    static final String SMALL_BASINS = "HastingsPowell,MacArthur";

    private static final double EPS = RiskCalibration.DEFAULT_TOLERANCE;
    private static final double CONF = RiskCalibration.DEFAULT_CONFIDENCE;

    private EarlyExitBenchmark() {}

    public static void main(String[] args) {
        String[] systems = System.getProperty("bench.systems", "Lorenz,SprottE,HastingsPowell").split(",");
        int trajectories = Integer.getInteger("bench.trajectories", 4);
        int length = Integer.getInteger("bench.length", 20_000);
        long seed = Long.getLong("bench.seed", 42L);
        p("machine: %d cores, java %s, load average %.1f", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Map<String, String>> columns = new ArrayList<>();
        for (String name : systems) {
            columns.add(run(name.trim(), trajectories, length, seed));
        }
        p("");
        p("goals side by side (ε %.0f %%, confidence %.0f %%):", 100 * EPS, 100 * CONF);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-44s", "figure"));
        for (String s : systems) {
            head.append(String.format(Locale.ROOT, "%-26s", s.trim()));
        }
        p("%s", head);
        for (String key : columns.get(0).keySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s", key));
            for (Map<String, String> c : columns) {
                line.append(String.format(Locale.ROOT, "%-26s", c.getOrDefault(key, "-")));
            }
            p("%s", line);
        }
    }

    /** A system property, or null when unset or blank (the Maven profile passes empty ones). */
    private static String property(String key) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? null : v;
    }

    static Map<String, String> run(String name, int trajectories, int length, long seed) {
        Map<String, String> out = new LinkedHashMap<>();
        ChaoticSystem system = SystemCatalog.standard().find(name).orElseThrow();
        double lambda = InvariantTable.standard().find(name).orElseThrow().maxLyapunov();
        double dt = LorenzData.dt(system, 100);
        int lt = EvaluationSettings.steps(1, dt, lambda);
        boolean segments = "segments".equals(property("bench.data"))
                || Arrays.asList(Objects.requireNonNullElse(property("bench.segments"), SMALL_BASINS).split(","))
                        .contains(name);
        double[][][] data = segments
                ? LorenzData.segments(system, trajectories, length, 100)
                : LorenzData.trajectories(system, trajectories, length, 100, seed);
        Splits splits = Splits.inTime(data, 0.70, 0.15);
        p("");
        p("== %s: %d x %d points%s, dt %.5f, λmax %.4f, one Lyapunov time = %d steps", name, trajectories, length,
                segments ? " (segments of one trajectory)" : "", dt, lambda, lt);
        int d = data[0][0].length;
        String load = property("bench.load");
        EarlyExitForecaster net;
        String trainingFigure;
        if (load != null) {
            // A model saved by an earlier run (bench.save): the same network measured by another
            // build, where a new training would end on a somewhat different network.
            java.nio.file.Path file = java.nio.file.Path.of(load, name + ".zip");
            try {
                net = (EarlyExitForecaster) io.chaoscast.models.artifact.ModelArtifacts.fromBytes(java.nio.file.Files.readAllBytes(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            p("loaded %s (trained by an earlier run)", file);
            trainingFigure = "loaded";
            if ("true".equals(property("bench.recalibrate"))) {
                // The same network, its router and calibration measured again by this build.
                long t1 = System.nanoTime();
                net = RiskCalibrator.calibrate(net, splits.train(), splits.validation(), lt, ModelTypes.RISK_WINDOWS);
                p("recalibrated in %.0f s on %d windows", secs(t1), net.modelSpec().risk().windows());
                trainingFigure = "loaded, recalibrated";
            }
        } else {
            long t0 = System.nanoTime();
            // The training job's defaults (base search and rollout training included); bench.epochs:
            // a quick smoke run of this benchmark, not for figures.
            var ts = ModelTypes.defaultTraining(seed);
            ts = ts.withEpochs(Integer.getInteger("bench.epochs", ts.epochs()));
            var dl = ModelTypes.defaultLoss();
            // Experiment knobs: exit weighting (linear | uniform | shallow) and self-distillation weight.
            var loss = dl;
            if (property("bench.exitWeighting") != null) {
                loss = loss.withExitWeighting(property("bench.exitWeighting"));
            }
            if (property("bench.distill") != null) {
                loss = loss.withDistillation(Double.parseDouble(property("bench.distill")));
            }
            if (!loss.equals(dl)) {
                p("loss: %s", loss);
            }
            var outcome = EarlyExitTrainer.train(splits.train(), splits.validation(), ModelTypes.defaultArchitecture(d),
                    loss, ts, ProgressListener.NONE);
            double trainS = secs(t0);
            long t1 = System.nanoTime();
            net = RiskCalibrator.calibrate(
                    outcome.forecaster(), splits.train(), splits.validation(), lt, ModelTypes.RISK_WINDOWS);
            double calS = secs(t1);
            p("training %.0f s (%d epochs, best %d); router + calibration %.0f s on %d windows", trainS,
                    outcome.report().epochs().size(), outcome.report().bestEpoch(), calS, net.modelSpec().risk().windows());
            trainingFigure = String.format(Locale.ROOT, "%.0f (+%.0f)", trainS, calS);
            String save = property("bench.save");
            if (save != null) {
                // The calibrated model, for studies of routers and policies without retraining.
                try {
                    java.nio.file.Path file = java.nio.file.Path.of(save, name + ".zip");
                    java.nio.file.Files.createDirectories(file.getParent());
                    java.nio.file.Files.write(file, io.chaoscast.models.artifact.ModelArtifacts.toBytes(net));
                    p("saved %s", file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        p("base %s, blend %.2f", net.modelSpec().base() == null ? "none" : net.modelSpec().base().features().toString(),
                net.modelSpec().correctionWeight());
        int n = net.spec().depth();
        RiskCalibration rc = net.modelSpec().risk();
        var chosen = rc.pointFor(EPS, CONF);
        for (var pt : rc.points()) {
            p("  curve: %-22s depth %.2f (%.1f %%) risk %+.4f (sd %.3f) mean-MSE %+.2f %%", pt.policy().name(),
                    pt.meanDepth(), 100 * pt.computeFraction(), pt.risk(), pt.riskStd(), 100 * pt.relativeMse());
        }
        double oracleCal = rc.oracleMeanDepth(EPS);
        p("  chosen: %s depth %.2f of %d; oracle %.2f", chosen.policy().name(), chosen.meanDepth(), n, oracleCal);

        // Test split at the calibrated policy (the fixed depths come with every measurement).
        double[] thresholds = rc.points().stream().filter(x -> !x.capped()).mapToDouble(x -> x.threshold()).toArray();
        var test = RiskCalibrator.measure(net, splits.test(), lt, ModelTypes.RISK_WINDOWS, thresholds);
        int idx = test.indexOf(chosen);
        int[] all = test.all();
        double testDepth = test.meanDepth(idx, all) / n;
        double testOracle = test.oracleDepth(EPS, all) / n;
        double testRisk = test.meanLoss(idx, all);

        // 20 random calibration/test re-splits of the validation and test windows together.
        double[][][] pool = concat(splits.validation(), splits.test());
        var pooled = RiskCalibrator.measure(net, pool, lt, 2 * ModelTypes.RISK_WINDOWS, thresholds);
        SplittableRandom rng = new SplittableRandom(seed);
        int held = 0;
        double riskSum = 0;
        double depthSum = 0;
        for (int s = 0; s < 20; s++) {
            int[] perm = pooled.all();
            for (int i = perm.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            int[] cal = Arrays.copyOf(perm, perm.length / 2);
            int[] tst = Arrays.copyOfRange(perm, perm.length / 2, perm.length);
            var c = pooled.calibration(cal, lt, EPS, CONF);
            int k = pooled.indexOf(c.pointFor(EPS, CONF));
            double r = pooled.meanLoss(k, tst);
            riskSum += r;
            depthSum += pooled.meanDepth(k, tst) / n;
            if (r <= EPS) {
                held++;
            }
        }

        // Full-depth and dynamic skill over 15 Lyapunov times, or as many as the test split holds.
        int available = Arrays.stream(splits.test()).mapToInt(t -> t.length).min().orElse(0) - net.spec().contextLength();
        int evalSteps = Math.max(1, Math.min(EvaluationSettings.steps(15, dt, lambda), available));
        var eval = new ForecastEvaluator(new EvaluationSettings(200, net.spec().contextLength(), evalSteps,
                Math.min(lt, evalSteps), dt, lambda, ForecastMetrics.DEFAULT_VPT_SMAPE_THRESHOLD));
        EvaluationReport report = eval.evaluate(splits.test(), net, List.of());
        double vptFull = report.policy("full").medianVpt();
        double vptDyn = report.policy(net.calibratedPolicy().name()).medianVpt();

        // Costs and speed.
        double[][][] ctx = contexts(splits.test(), net.spec().contextLength(), 256);
        DecisionCost c1 = DecisionCost.measure(net, ctx, 1, 400);
        DecisionCost c256 = DecisionCost.measure(net, ctx, 256, 40);
        ExitPolicy dyn = net.calibratedPolicy();
        int h = net.spec().stepsPerPass();
        double[] onePass = speed(net, Arrays.copyOf(ctx, 200), h, dyn, 1, 7);
        double[] rollout = speed(net, Arrays.copyOf(ctx, 40), 100, dyn, 1, 5);
        double[] b256 = speed(net, ctx, h, dyn, 256, 7);

        out.put("mean depth at ε/δ (test), fraction", pct(testDepth));
        out.put("oracle depth at ε (test), fraction", pct(testOracle));
        out.put("dynamic / oracle depth", f2(testDepth / testOracle) + "x");
        out.put("calibrated policy", chosen.policy().name());
        out.put("calibration depth / oracle", pct(chosen.computeFraction()) + " / " + pct(oracleCal / n));
        out.put("test risk (goal <= 5 %)", pct(testRisk));
        out.put("20 re-splits: held / mean risk", held + "/20, " + pct(riskSum / 20));
        out.put("20 re-splits: mean depth", pct(depthSum / 20));
        out.put("router decision / block, batch 1", pct(c1.routerFraction()));
        out.put("router decision / block, batch 256", pct(c256.routerFraction()));
        out.put("per-block UEM decision / block, b 1/256", pct(c1.uemFraction()) + " / " + pct(c256.uemFraction()));
        out.put("block us, batch 1 / 256", f2(c1.blockNanos() / 1e3) + " / " + f2(c256.blockNanos() / 1e3));
        out.put("batch 1 one pass: full/dyn us, speed-up", f2(onePass[0] / 1e3) + "/" + f2(onePass[1] / 1e3) + " "
                + f2(onePass[0] / onePass[1]) + "x");
        out.put("batch 1 100 steps: full/dyn ms, speed-up", f2(rollout[0] / 1e6) + "/" + f2(rollout[1] / 1e6) + " "
                + f2(rollout[0] / rollout[1]) + "x");
        out.put("batch 256 throughput ratio", f2(b256[0] / b256[1]) + "x");
        out.put("VPT median full / dynamic (LT), of", f2(vptFull) + " / " + f2(vptDyn) + " of " + f2(evalSteps * dt * lambda));
        out.put("relative loss of median VPT", pct(1 - vptDyn / vptFull));
        out.put("training s (+ calibration s)", trainingFigure);
        out.forEach((k, v) -> p("  %-44s %s", k, v));
        net.close();
        return out;
    }

    /** Nanoseconds per call of full and dynamic, median over alternating rounds. */
    static double[] speed(EarlyExitForecaster f, double[][][] ctx, int horizon, ExitPolicy dyn, int batch, int rounds) {
        ExitPolicy[] policies = {ExitPolicy.full(), dyn};
        double[][] t = new double[2][rounds];
        for (int r = -1; r < rounds; r++) {
            for (int p = 0; p < 2; p++) {
                long t0 = System.nanoTime();
                int calls = 0;
                if (batch == 1) {
                    for (double[][] c : ctx) {
                        f.forecast(new double[][][] {c}, horizon, policies[p]);
                        calls++;
                    }
                } else {
                    for (int k = 0; k < 10; k++) {
                        f.forecast(ctx, horizon, policies[p]);
                        calls++;
                    }
                }
                if (r >= 0) {
                    t[p][r] = (double) (System.nanoTime() - t0) / calls;
                }
            }
        }
        Arrays.sort(t[0]);
        Arrays.sort(t[1]);
        return new double[] {t[0][rounds / 2], t[1][rounds / 2]};
    }

    static double[][][] contexts(double[][][] test, int l, int count) {
        List<double[][]> out = new ArrayList<>();
        int per = (count + test.length - 1) / test.length;
        for (double[][] t : test) {
            int span = t.length - l;
            for (int k = 0; k < per && out.size() < count; k++) {
                int s = (int) ((long) span * k / per);
                out.add(Arrays.copyOfRange(t, s, s + l));
            }
        }
        return out.toArray(double[][][]::new);
    }

    static double[][][] concat(double[][][] a, double[][][] b) {
        double[][][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void p(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
        System.out.flush();
    }
}
