package io.chaoscast.models.bench;

import io.chaoscast.dynamics.catalog.InvariantTable;
import io.chaoscast.dynamics.catalog.Invariants;
import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.metrics.ForecastMetrics;
import io.chaoscast.dynamics.metrics.Median;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ModelTypes;
import io.chaoscast.models.data.LorenzData;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.earlyexit.BlendCheck;
import io.chaoscast.models.earlyexit.EarlyExitArchitecture;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.EarlyExitTrainer;
import io.chaoscast.models.earlyexit.ProgressListener;
import io.chaoscast.models.earlyexit.SearchLog;
import io.chaoscast.models.earlyexit.ThresholdCalibrator;
import io.chaoscast.models.earlyexit.TrainingSettings;
import io.chaoscast.models.evaluation.EvaluationSettings;
import io.chaoscast.models.evaluation.ForecastEvaluator;
import io.chaoscast.models.evaluation.PolicyMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The skill benchmark: the default early-exit model, NVAR (k = 4, quadratic), the ESN and linear
 * AR trained on every autonomous flow of the catalog with one fixed protocol, one table and the
 * medians side by side.
 *
 * <p>Protocol (per system): 4 segments at 100 points per period of one trajectory from the
 * default initial condition, after 20 periods of transient and 10 periods apart (perturbed
 * starts left the basin of 15 flows), each split 70/15/15 in time; training seed 42;
 * default settings of every model except the early-exit training budget, which the quick form
 * cuts; 100 test origins, free rollouts of 15 Lyapunov times or as many steps as the test split
 * holds, whichever is shorter; VPT (sMAPE 30) and NRMSE VPT (0.4) in Lyapunov times, median over
 * the origins. The early-exit model's own NVAR base is evaluated too.
 *
 * <p>Resumable: each finished system appends one line to the results file ({@code
 * -Dbench.out}, default {@code skill-benchmark.tsv}); systems already in it are skipped, and the
 * table is printed from the whole file. Forms ({@code -Dbench.form}): {@code quick} (default: 3 000
 * points per trajectory, 60 s early-exit budget of which 15 s base search; about 2 hours for the
 * catalog's flows on a 2-core box) and {@code full} (6 000 points, the default 270 s budget).
 * {@code -Dbench.systems=Lorenz,Rossler} picks systems; {@code -Dbench.tableOnly=true} prints the
 * table of the results file without running anything; {@code -Dbench.blendCheck=true} also prints,
 * per system, every blend weight's validation trial beside the test score of that weight.
 */
public final class SkillBenchmark {

    /**
     * Flows of the catalog written in autonomous form with a forcing phase or clock as a state:
     * not autonomous. dysts' 15 non-autonomous systems ({@code nonautonomous} in its metadata)
     * and BickleyJet, whose stream function moves with time too.
     */
    static final Set<String> FORCED = Set.of(
            "ArnoldWeb", "BlinkingRotlet", "BlinkingVortex", "CircadianRhythm", "DoubleGyre", "Duffing", "FluidTrampoline",
            "ForcedBrusselator", "ForcedFitzHughNagumo", "ForcedVanDerPol", "InteriorSquirmer", "LidDrivenCavityFlow",
            "OscillatingFlow", "StickSlipOscillator", "TurchinHanski", "BickleyJet");

    static final String[] COLUMNS = {
        "system", "dim", "lambda", "lt_steps", "rollout_steps", "ee_vpt", "ee_vpt_nrmse", "base_vpt", "base_vpt_nrmse",
        "nvar_vpt", "nvar_vpt_nrmse", "esn_vpt", "esn_vpt_nrmse", "ar_vpt", "ar_vpt_nrmse", "blend", "library",
        "ee_seconds", "epochs", "seconds"
    };

    private SkillBenchmark() {}

    public static void main(String[] args) throws Exception {
        String form = System.getProperty("bench.form", "quick");
        boolean quick = !form.equals("full");
        Path out = Path.of(System.getProperty("bench.out", "skill-benchmark.tsv"));
        Integer fixedLength = Integer.getInteger("bench.length");
        int minLength = quick ? 3000 : 6000;
        double budget = Double.parseDouble(System.getProperty("bench.budget", quick ? "60" : "270"));
        double search = Double.parseDouble(System.getProperty("bench.search", quick ? "15" : "60"));
        int origins = Integer.getInteger("bench.origins", 100);
        long seed = 42;
        Map<String, String[]> done = read(out);
        if (Boolean.getBoolean("bench.tableOnly")) {
            printTable(done);
            return;
        }
        List<ChaoticSystem> systems = systems(System.getProperty("bench.systems"));
        p("skill benchmark, %s form: 4 segments of one trajectory at 100 points per period, %s points each, early-exit budget %.0f s "
                + "(search %.0f s), %d origins; %d systems, %d already in %s; cores %d", form,
                fixedLength != null ? "" + fixedLength : "at least " + minLength + " (more when 10 Lyapunov times need it, up to "
                        + MAX_LENGTH + ")", budget, search, origins, systems.size(),
                done.size(), out, Runtime.getRuntime().availableProcessors());
        if (done.isEmpty() && !Files.exists(out)) {
            Files.writeString(out, String.join("\t", COLUMNS) + "\n", StandardCharsets.UTF_8);
        }
        for (ChaoticSystem s : systems) {
            if (done.containsKey(s.name())) {
                continue;
            }
            String line;
            try {
                int length = fixedLength != null ? fixedLength : length(s, minLength);
                line = run(s, length, budget, search, origins, seed);
            } catch (RuntimeException | OutOfMemoryError e) {
                line = s.name() + "\terror: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            }
            p("%s", line);
            Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        printTable(read(out));
    }

    /** Longest trajectory the benchmark generates. */
    static final int MAX_LENGTH = 20_000;

    /**
     * Points per trajectory: enough for the test split (15 %) to hold the context and 10
     * Lyapunov times at 100 points per period, at least {@code min}, at most {@link #MAX_LENGTH}.
     * Systems whose Lyapunov time spans many periods (Rössler: 2.3 periods; Nosé-Hoover: 57)
     * would otherwise be judged on rollouts shorter than a Lyapunov time.
     */
    static int length(ChaoticSystem s, int min) {
        double lambda = InvariantTable.standard().find(s.name()).orElseThrow().maxLyapunov();
        int tenLt = EvaluationSettings.steps(10, LorenzData.dt(s, 100), lambda);
        return (int) Math.max(min, Math.min(MAX_LENGTH, Math.ceil((tenLt + 64) / 0.15) + 1));
    }

    static List<ChaoticSystem> systems(String names) {
        if (names != null && !names.isBlank()) {
            return Arrays.stream(names.split(",")).map(n -> SystemCatalog.standard().find(n.trim()).orElseThrow(
                    () -> new IllegalArgumentException("unknown system " + n))).toList();
        }
        return SystemCatalog.standard().ofKind(SystemKind.FLOW).stream()
                .filter(s -> !FORCED.contains(s.name()))
                .filter(s -> InvariantTable.standard().find(s.name()).map(Invariants::maxLyapunov).orElse(0.0) > 0)
                .toList();
    }

    static String run(ChaoticSystem s, int length, double budget, double search, int origins, long seed) {
        long t0 = System.nanoTime();
        double lambda = InvariantTable.standard().find(s.name()).orElseThrow().maxLyapunov();
        int ppp = 100;
        double dt = LorenzData.dt(s, ppp);
        double[][][] data = LorenzData.segments(s, 4, length, ppp);
        Splits sp = Splits.inTime(data, 0.70, 0.15);
        int d = data[0][0].length;
        EarlyExitArchitecture arch = ModelTypes.defaultArchitecture(d, ppp);
        TrainingSettings ts = ModelTypes.defaultTraining(seed).withTimeBudget(budget).withBaseSearch(search);
        long te = System.nanoTime();
        var outcome = EarlyExitTrainer.train(sp.train(), sp.validation(), arch, ModelTypes.defaultLoss(), ts, ProgressListener.NONE);
        EarlyExitForecaster ee = ThresholdCalibrator.calibrate(
                outcome.forecaster(), sp.validation(), ThresholdCalibrator.DEFAULT_TOLERANCE, 1);
        double eeSeconds = (System.nanoTime() - te) / 1e9;
        Forecaster base = ee.modelSpec().base().model();
        Forecaster nvar = ModelTypes.train("nvar", sp.train(), sp.validation(), seed, null).forecaster();
        Forecaster esn = ModelTypes.train("esn", sp.train(), sp.validation(), seed, null).forecaster();
        Forecaster ar = ModelTypes.train("linear-ar", sp.train(), sp.validation(), seed, null).forecaster();
        int context = Math.max(ee.spec().contextLength(), Math.max(esn.spec().contextLength(), ar.spec().contextLength()));
        int available = sp.test()[0].length - context;
        int ltSteps = EvaluationSettings.steps(1, dt, lambda);
        int rollout = Math.max(1, Math.min(EvaluationSettings.steps(15, dt, lambda), available));
        var eval = new ForecastEvaluator(new EvaluationSettings(
                origins, context, rollout, Math.min(ltSteps, rollout), dt, lambda, ForecastMetrics.DEFAULT_VPT_SMAPE_THRESHOLD));
        List<String> f = new ArrayList<>(List.of(s.name(), "" + d, fmt(lambda), "" + ltSteps, "" + rollout));
        for (Forecaster m : List.of(ee, base, nvar, esn, ar)) {
            PolicyMetrics full = eval.evaluate(sp.test(), m, List.of()).policy("full");
            f.add(fmt(full.medianVpt()));
            f.add(fmt(full.medianVptNrmse()));
        }
        if (Boolean.getBoolean("bench.blendCheck")) {
            printBlendCheck(s.name(), ee, outcome.search(), eval, sp.test());
        }
        f.add(fmt(outcome.search().blend()));
        f.add(ee.modelSpec().base().features().describe());
        f.add(fmt(eeSeconds));
        f.add("" + outcome.report().epochs().size());
        f.add(fmt((System.nanoTime() - t0) / 1e9));
        ee.close();
        return String.join("\t", f);
    }

    /**
     * Every blend weight's validation trial beside the test score of the same network with that
     * weight: whether the weight the no-harm rule chose is also the one the test rollouts favour.
     */
    private static void printBlendCheck(
            String system, EarlyExitForecaster ee, SearchLog search, ForecastEvaluator eval, double[][][] test) {
        for (var row : BlendCheck.score(ee, search, m -> eval.evaluate(test, m, List.of()).policy("full"))) {
            SearchLog.BlendTrial v = row.validation();
            PolicyMetrics t = row.test();
            p("  %s blend %s%s: validation median %s mean %s steps (NRMSE %s), %d shorter / %d longer than the base, "
                    + "rollout error %.3g%s | test VPT median %s mean %s (NRMSE %s), MSE over the first Lyapunov time %.3g", system, fmt(v.weight()),
                    v.weight() == search.blend() ? " (chosen)" : "", fmt(v.medianSteps()), fmt(v.meanSteps()),
                    fmt(v.medianStepsNrmse()), v.shorter(), v.longer(), v.meanError(), v.doesNoHarm() ? "" : ", harmful",
                    fmt(t.medianVpt()), fmt(t.meanVpt()), fmt(t.medianVptNrmse()), t.mse());
        }
    }

    static Map<String, String[]> read(Path file) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return rows;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("system\t")) {
                continue;
            }
            String[] f = line.split("\t");
            rows.put(f[0], f);
        }
        return rows;
    }

    static void printTable(Map<String, String[]> rows) {
        p("");
        p("| system | LT steps | rollout (LT) | early-exit | its base | NVAR k4 | ESN | linear AR | blend | base library | early-exit s |");
        p("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        List<String[]> ok = new ArrayList<>();
        for (String[] r : rows.values()) {
            if (r.length < COLUMNS.length) {
                p("| %s | %s |", r[0], r.length > 1 ? r[1] : "?");
                continue;
            }
            ok.add(r);
            double cap = Double.parseDouble(r[4]) / Double.parseDouble(r[3]);
            p("| %s | %s | %s (%s) | %s (%s) | %s (%s) | %s (%s) | %s (%s) | %s (%s) | %s | %s | %s |", r[0], r[3], r[4], fmt(cap),
                    r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[16], r[17]);
        }
        if (ok.isEmpty()) {
            return;
        }
        double[] med = new double[10];
        for (int c = 0; c < 10; c++) {
            int col = 5 + c;
            med[c] = Median.of(ok.stream().mapToDouble(r -> Double.parseDouble(r[col])).toArray());
        }
        p("| **median (%d systems)** | | | %s (%s) | %s (%s) | %s (%s) | %s (%s) | %s (%s) | | | |", ok.size(), fmt(med[0]),
                fmt(med[1]), fmt(med[2]), fmt(med[3]), fmt(med[4]), fmt(med[5]), fmt(med[6]), fmt(med[7]), fmt(med[8]),
                fmt(med[9]));
        long eeGeNvar = ok.stream().filter(r -> Double.parseDouble(r[5]) >= Double.parseDouble(r[9])).count();
        long eeNearBase = ok.stream().filter(r -> Double.parseDouble(r[5]) >= 0.95 * Double.parseDouble(r[7])).count();
        long eeGeNvarNrmse = ok.stream().filter(r -> Double.parseDouble(r[6]) >= Double.parseDouble(r[10])).count();
        p("");
        p("VPT (sMAPE 30) median over origins, Lyapunov times; NRMSE VPT (0.4) in brackets.");
        p("early-exit >= NVAR k4 on %d of %d (NRMSE VPT: %d); early-exit within 5 %% of its base on %d of %d; "
                + "median early-exit / median NVAR = %s, / median ESN = %s (NRMSE VPT: %s, %s)", eeGeNvar, ok.size(),
                eeGeNvarNrmse, eeNearBase, ok.size(), fmt(med[0] / med[4]), fmt(med[0] / med[6]), fmt(med[1] / med[5]),
                fmt(med[1] / med[7]));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static void p(String f, Object... a) {
        System.out.println(String.format(Locale.ROOT, f, a));
        System.out.flush();
    }
}
