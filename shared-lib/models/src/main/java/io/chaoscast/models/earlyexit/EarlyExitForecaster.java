package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.baselines.RidgeStepForecaster;
import io.chaoscast.models.calibration.CalibrationTable;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.data.Standardization;
import io.chaoscast.models.policy.DynamicThreshold;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The early-exit network as a {@link Forecaster}: the inference path.
 *
 * <p>Each pass standardises the last {@code contextLength} states, embeds them, and runs the
 * blocks in order. After block {@code i} the exit policy decides per row; rows that exit get
 * their forecast from exit head {@code i} and are removed from the batch tensor by an index
 * gather, so later blocks run on fewer rows and the saving is real compute, counted in {@link
 * ForecastResult#blockEvaluations()}. Exit heads predict increments from the last context state
 * (in units of {@link EarlyExitSpec#incrementScale()}): for a smooth flow the next states are
 * the last one plus a small, smooth correction, so an untrained or shallow exit starts from
 * persistence instead of from an arbitrary point of state space.
 *
 * <p>Horizons longer than {@code horizon} roll out: each pass's forecast becomes the next pass's
 * context and every pass picks its own depth. Owns native memory: close it.
 *
 * <p>With an {@link ExitRouter} in the spec (models calibrated since format version 2) each row's
 * depth is decided once per pass on the host before any block runs; rows are ordered by depth,
 * deepest first, so the rows still running are always a leading slice of the batch (no index
 * gathers), and every exit head's output comes back in one host copy at the end of the pass.
 * Without a router (older models) the uncertainty module decides after every block, as before.
 */
public final class EarlyExitForecaster implements Forecaster, AutoCloseable {

    /** The registry name ({@link io.chaoscast.models.ModelType}). */
    public static final String TYPE = io.chaoscast.models.ModelType.EARLY_EXIT.id();

    /** Keeps u strictly inside (0, 1) after float rounding so thresholds 0 and 1 mean what they say. */
    private static final double U_EPS = 1e-7;

    private final NDManager manager;
    private final EarlyExitNetwork network;
    private final EarlyExitSpec spec;
    private final ForecasterSpec forecasterSpec;
    private final ParameterStore parameters;
    /** The residual base model, or null. */
    private final RidgeStepForecaster baseModel;
    /** The router's weights by exit, or null without a router. */
    private final double[][] routerWeights;

    /**
     * @param manager owns the network's parameters; closed with this forecaster
     * @param network an initialised network
     */
    public EarlyExitForecaster(NDManager manager, EarlyExitNetwork network, EarlyExitSpec spec) {
        this.manager = manager;
        this.network = network;
        this.spec = spec;
        var a = spec.architecture();
        this.forecasterSpec = new ForecasterSpec(TYPE, a.contextLength(), a.dimension(), a.horizon(), a.blocks());
        this.parameters = new ParameterStore(manager, false);
        this.baseModel = spec.base() == null ? null : spec.base().model();
        this.routerWeights = spec.router() == null ? null : spec.router().byExit();
    }

    /**
     * The base model's own forecast in original units {@code [row][horizon][dimension]} for one
     * pass, or {@code null} without a base: what every exit returns before training.
     */
    public double[][][] baseForecasts(double[][][] contexts) {
        if (baseModel == null) {
            return null;
        }
        Forecaster.checkContexts(forecasterSpec, contexts, 1);
        return baseModel.forecast(contexts, spec.architecture().horizon(), ExitPolicy.full()).forecasts();
    }

    @Override
    public ForecasterSpec spec() {
        return forecasterSpec;
    }

    public EarlyExitSpec modelSpec() {
        return spec;
    }

    public EarlyExitNetwork network() {
        return network;
    }

    ParameterStore parameterStore() {
        return parameters;
    }

    NDManager manager() {
        return manager;
    }

    /** The same network with another share of its correction applied; shares (does not copy) the weights. */
    EarlyExitForecaster withBlend(double weight) {
        return new EarlyExitForecaster(manager, network, spec.withBlend(weight));
    }

    /** The same network with a new calibration table; shares (does not copy) the weights. */
    EarlyExitForecaster withCalibration(CalibrationTable table) {
        return new EarlyExitForecaster(manager, network, spec.withCalibration(table));
    }

    /** The same network with an exit router (and no risk calibration yet); shares the weights. */
    EarlyExitForecaster withRouter(ExitRouter router) {
        return new EarlyExitForecaster(manager, network, spec.withRouter(router));
    }

    /** The same network with a risk calibration; shares the weights. */
    EarlyExitForecaster withRisk(RiskCalibration risk) {
        return new EarlyExitForecaster(manager, network, spec.withRisk(risk));
    }

    /**
     * The dynamic policy at the calibrated threshold (the risk calibration's default ε and
     * confidence when the model has one), or full depth if not calibrated.
     */
    public ExitPolicy calibratedPolicy() {
        if (spec.risk() != null) {
            return spec.risk().policy();
        }
        return spec.calibration() == null ? ExitPolicy.full() : ExitPolicy.dynamic(spec.calibration().threshold());
    }

    /** The router's first-pass scores {@code [row][blocks − 1]} (see {@link ExitRouter#scores}). */
    public double[][] routerScores(double[][][] contexts) {
        if (spec.router() == null) {
            throw new IllegalStateException("this model has no exit router");
        }
        Forecaster.checkContexts(forecasterSpec, contexts, 1);
        float[] input = firstPassInput(contexts);
        int size = spec.architecture().inputSize();
        double[][] out = new double[contexts.length][spec.router().exits()];
        double[] scratch = new double[spec.router().weights().length];
        for (int r = 0; r < contexts.length; r++) {
            spec.router().scores(input, r * size, size, scratch, out[r]);
        }
        return out;
    }

    @Override
    public ForecastResult forecast(double[][][] contexts, int horizon, ExitPolicy policy) {
        Forecaster.checkContexts(forecasterSpec, contexts, horizon);
        var a = spec.architecture();
        int b = contexts.length;
        int l = a.contextLength();
        int d = a.dimension();
        int h = a.horizon();
        int passes = (horizon + h - 1) / h;
        Standardization norm = spec.standardization();
        // Rolling standardised history per row: the context, then every predicted state.
        double[][][] hist = new double[b][l + passes * h][d];
        for (int r = 0; r < b; r++) {
            double[][] c = contexts[r];
            for (int k = 0; k < l; k++) {
                for (int j = 0; j < d; j++) {
                    hist[r][k][j] = norm.apply(j, c[c.length - l + k][j]);
                }
            }
        }
        int[][] depths = new int[b][passes];
        double[][] us = new double[b][passes];
        long evals = 0;
        float[] input = new float[b * a.inputSize()];
        float[][] z = new float[b][];
        int[] depth = new int[b];
        double[] u = new double[b];
        double[] scale = spec.incrementScale();
        double blend = spec.correctionWeight();
        int[] ends = new int[b];
        for (int p = 0; p < passes; p++) {
            int start = p * h;
            for (int r = 0; r < b; r++) {
                ContextEncoding.encode(hist[r], start, l, a.quadraticInputs(), input, r * a.inputSize());
            }
            double[][][] baseStd = null;
            if (baseModel != null) {
                java.util.Arrays.fill(ends, start + l - 1);
                baseStd = ResidualBase.forecast(baseModel, norm, hist, ends, h);
                for (int r = 0; r < b; r++) {
                    spec.base().encode(baseStd[r], hist[r][start + l - 1], input, (r + 1) * a.inputSize() - h * d);
                }
            }
            evals += spec.router() != null
                    ? runRoutedPass(input, b, policy, z, depth, u)
                    : runPass(input, b, policy, z, depth, u);
            for (int r = 0; r < b; r++) {
                double[] last = hist[r][start + l - 1];
                for (int k = 0; k < h; k++) {
                    for (int j = 0; j < d; j++) {
                        // From the last state (no base) or from the base forecast (corrections).
                        double from = baseStd == null ? last[j] : baseStd[r][k][j];
                        hist[r][start + l + k][j] = from + blend * z[r][k * d + j] * scale[k * d + j];
                    }
                }
                depths[r][p] = depth[r];
                us[r][p] = u[r];
            }
        }
        double[][][] out = new double[b][horizon][d];
        for (int r = 0; r < b; r++) {
            for (int k = 0; k < horizon; k++) {
                for (int j = 0; j < d; j++) {
                    out[r][k][j] = norm.invert(j, hist[r][l + k][j]);
                }
            }
        }
        return new ForecastResult(out, depths, us, evals, (long) b * passes * a.blocks());
    }

    /**
     * One pass over a batch, with compaction.
     *
     * @return block evaluations run (rows times blocks)
     */
    private long runPass(float[] input, int rows, ExitPolicy policy, float[][] z, int[] depth, double[] u) {
        var a = spec.architecture();
        int n = a.blocks();
        long evals = 0;
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(input, new Shape(rows, a.inputSize()));
            NDArray hidden = network.embed(parameters, x, false);
            int[] active = new int[rows];
            for (int r = 0; r < rows; r++) {
                active[r] = r;
            }
            for (int i = 0; i < n && active.length > 0; i++) {
                hidden = network.block(parameters, i, hidden, false);
                evals += active.length;
                boolean last = i == n - 1;
                float[] ui = policy.needsUncertainty() && !last
                        ? network.uncertainty(parameters, i, hidden, false).toFloatArray()
                        : null;
                int[] exitPos = new int[active.length];
                int[] keepPos = new int[active.length];
                int ne = 0;
                int nk = 0;
                for (int pos = 0; pos < active.length; pos++) {
                    double uv = ui == null ? Double.NaN : clampU(ui[pos]);
                    if (last || policy.exitsAt(i + 1, n, uv)) {
                        exitPos[ne++] = pos;
                    } else {
                        keepPos[nk++] = pos;
                    }
                }
                if (ne > 0) {
                    NDArray hx = ne == active.length ? hidden : gatherRows(m, hidden, exitPos, ne);
                    float[] zx = network.exit(parameters, i, hx, false).toFloatArray();
                    float[] ux = ui != null ? null : network.uncertainty(parameters, i, hx, false).toFloatArray();
                    int width = zx.length / ne;
                    for (int e = 0; e < ne; e++) {
                        int row = active[exitPos[e]];
                        z[row] = Arrays.copyOfRange(zx, e * width, (e + 1) * width);
                        depth[row] = i + 1;
                        u[row] = ui != null ? clampU(ui[exitPos[e]]) : clampU(ux[e]);
                    }
                }
                if (nk < active.length) {
                    if (nk > 0) {
                        hidden = gatherRows(m, hidden, keepPos, nk);
                    }
                    int[] next = new int[nk];
                    for (int k = 0; k < nk; k++) {
                        next[k] = active[keepPos[k]];
                    }
                    active = next;
                }
            }
        }
        return evals;
    }

    /**
     * One pass with every row's depth decided up front by the router (or by a fixed policy):
     * rows run deepest first, so the active rows are a leading slice; one host copy per pass.
     */
    private long runRoutedPass(float[] input, int rows, ExitPolicy policy, float[][] z, int[] depth, double[] u) {
        var a = spec.architecture();
        int n = a.blocks();
        int size = a.inputSize();
        ExitRouter router = spec.router();
        double[] scratch = new double[router.weights().length];
        double[] score = new double[1];
        double[] scores = new double[n - 1];
        double logit = policy instanceof DynamicThreshold t ? ExitRouter.logit(t.threshold()) : 0;
        int fixed = policy instanceof DynamicThreshold ? 0 : fixedDepth(policy, n);
        // The router decides among the blocks below the cap; at the cap it exits whatever it scores.
        int cap = policy instanceof DynamicThreshold t ? Math.min(n, t.maxDepth()) : n;
        Integer[] order = new Integer[rows];
        for (int r = 0; r < rows; r++) {
            if (fixed == 0) {
                depth[r] = router.decide(routerWeights, input, r * size, size, scratch, logit, cap, score);
                u[r] = clampU((float) score[0]);
            } else {
                // Full and fixed depths do not need the scores; they are reported all the same.
                router.scores(input, r * size, size, scratch, scores);
                depth[r] = fixed;
                u[r] = clampU((float) (fixed < n ? scores[fixed - 1] : 0));
            }
            order[r] = r;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(depth[y], depth[x]));
        float[] sorted = new float[rows * size];
        for (int k = 0; k < rows; k++) {
            System.arraycopy(input, order[k] * size, sorted, k * size, size);
        }
        long evals = 0;
        try (NDManager m = manager.newSubManager()) {
            NDArray hidden = network.embed(parameters, m.create(sorted, new Shape(rows, size)), false);
            List<NDArray> outs = new ArrayList<>();
            List<int[]> segments = new ArrayList<>();
            int active = rows;
            for (int i = 0; i < n && active > 0; i++) {
                hidden = network.block(parameters, i, hidden, false);
                evals += active;
                int keep = active;
                while (keep > 0 && depth[order[keep - 1]] == i + 1) {
                    keep--;
                }
                if (keep < active) {
                    NDArray hx = keep == 0 ? hidden : hidden.get(new NDIndex("{}:", keep));
                    outs.add(network.exit(parameters, i, hx, false));
                    segments.add(new int[] {keep, active});
                    if (keep > 0) {
                        hidden = hidden.get(new NDIndex(":{}", keep));
                    }
                    active = keep;
                }
            }
            float[] all = outs.size() == 1
                    ? outs.get(0).toFloatArray()
                    : NDArrays.concat(new NDList(outs)).toFloatArray();
            int width = a.horizon() * a.dimension();
            int at = 0;
            for (int[] seg : segments) {
                for (int k = seg[0]; k < seg[1]; k++) {
                    z[order[k]] = Arrays.copyOfRange(all, at, at + width);
                    at += width;
                }
            }
        }
        return evals;
    }

    /** The depth of a policy that does not read scores (full, fixed). */
    private static int fixedDepth(ExitPolicy policy, int n) {
        for (int i = 1; i < n; i++) {
            if (policy.exitsAt(i, n, Double.NaN)) {
                return i;
            }
        }
        return n;
    }

    /** The encoded network input of one pass from true contexts, base forecast included. */
    float[] firstPassInput(double[][][] contexts) {
        var a = spec.architecture();
        int b = contexts.length;
        int l = a.contextLength();
        int d = a.dimension();
        Standardization norm = spec.standardization();
        float[] input = new float[b * a.inputSize()];
        double[][][] std = new double[b][l][d];
        for (int r = 0; r < b; r++) {
            double[][] c = contexts[r];
            for (int k = 0; k < l; k++) {
                for (int j = 0; j < d; j++) {
                    std[r][k][j] = norm.apply(j, c[c.length - l + k][j]);
                }
            }
            ContextEncoding.encode(std[r], 0, l, a.quadraticInputs(), input, r * a.inputSize());
        }
        if (baseModel != null) {
            int[] ends = new int[b];
            Arrays.fill(ends, l - 1);
            double[][][] baseStd = ResidualBase.forecast(baseModel, norm, std, ends, a.horizon());
            for (int r = 0; r < b; r++) {
                spec.base().encode(baseStd[r], std[r][l - 1], input, (r + 1) * a.inputSize() - a.horizon() * d);
            }
        }
        return input;
    }

    private static NDArray gatherRows(NDManager m, NDArray x, int[] positions, int count) {
        long[] idx = new long[count];
        for (int k = 0; k < count; k++) {
            idx[k] = positions[k];
        }
        return x.get(new NDIndex("{}", m.create(idx)));
    }

    private static double clampU(float v) {
        return Math.min(1 - U_EPS, Math.max(U_EPS, v));
    }

    /**
     * Every exit's one-pass forecast and uncertainty for a batch of windows (the training
     * forward, without gradients): for calibration, the oracle and per-exit evaluation.
     *
     * @param input {@code [rows * contextLength * dimension]} standardised
     * @return {@code z[exit][row * horizon * dimension]} scaled increments, and {@code u[exit][row]}
     */
    ExitOutputs allExits(float[] input, int rows) {
        var a = spec.architecture();
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(input, new Shape(rows, a.inputSize()));
            NDList out = network.forward(parameters, new NDList(x), false);
            int n = a.blocks();
            float[][] z = new float[n][];
            float[][] u = new float[n][];
            for (int i = 0; i < n; i++) {
                z[i] = out.get(i).toFloatArray();
                u[i] = out.get(n + i).toFloatArray();
            }
            return new ExitOutputs(z, u);
        }
    }

    /** Outputs of every exit for a batch. */
    record ExitOutputs(float[][] z, float[][] u) {}

    /**
     * Every exit's one-pass forecast of {@code horizon} states, in original units: {@code
     * [exit][row][horizon][dimension]}. Exit {@code i}'s forecast is exactly what {@code
     * fixed(i + 1)} returns for one pass.
     */
    public double[][][][] exitForecasts(double[][][] contexts) {
        Forecaster.checkContexts(forecasterSpec, contexts, 1);
        var a = spec.architecture();
        int b = contexts.length;
        int l = a.contextLength();
        int d = a.dimension();
        int h = a.horizon();
        Standardization norm = spec.standardization();
        float[] input = new float[b * a.inputSize()];
        double[][] lastStd = new double[b][];
        double[][][] stdAll = new double[b][][];
        for (int r = 0; r < b; r++) {
            double[][] c = contexts[r];
            double[][] std = new double[l][d];
            for (int k = 0; k < l; k++) {
                for (int j = 0; j < d; j++) {
                    std[k][j] = norm.apply(j, c[c.length - l + k][j]);
                }
            }
            ContextEncoding.encode(std, 0, l, a.quadraticInputs(), input, r * a.inputSize());
            lastStd[r] = std[l - 1];
            stdAll[r] = std;
        }
        double[][][] baseStd = null;
        if (baseModel != null) {
            int[] ends = new int[b];
            java.util.Arrays.fill(ends, l - 1);
            baseStd = ResidualBase.forecast(baseModel, norm, stdAll, ends, h);
            for (int r = 0; r < b; r++) {
                spec.base().encode(baseStd[r], lastStd[r], input, (r + 1) * a.inputSize() - h * d);
            }
        }
        ExitOutputs o = allExits(input, b);
        double[] scale = spec.incrementScale();
        double[][][][] out = new double[a.blocks()][b][h][d];
        for (int i = 0; i < a.blocks(); i++) {
            for (int r = 0; r < b; r++) {
                for (int k = 0; k < h; k++) {
                    for (int j = 0; j < d; j++) {
                        double zv = spec.correctionWeight() * o.z()[i][r * h * d + k * d + j];
                        double from = baseStd == null ? lastStd[r][j] : baseStd[r][k][j];
                        out[i][r][k][j] = norm.invert(j, from + zv * scale[k * d + j]);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
