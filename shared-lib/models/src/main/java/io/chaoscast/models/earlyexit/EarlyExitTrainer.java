package io.chaoscast.models.earlyexit;

import io.chaoscast.dynamics.metrics.ForecastMetrics;
import io.chaoscast.models.baselines.Nvar;
import io.chaoscast.models.baselines.NvarLibrary;
import io.chaoscast.models.baselines.RidgeStepForecaster;
import io.chaoscast.models.baselines.RidgeTuning;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.chaoscast.models.data.Standardization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains an {@link EarlyExitNetwork} with Adam on the DeeDiff loss: the training path, where
 * every exit runs on every sample.
 *
 * <p>Reproducible on CPU: the engine's random seed fixes weight initialisation and a {@link
 * SplittableRandom} split from the same seed fixes the order of windows, so the same seed, data
 * and settings give the same loss curve. Early stopping keeps the weights of the epoch with the
 * lowest validation forecast loss. Training also ends at the first epoch with a non-finite loss
 * (diverged), keeping the best weights of the epochs before it.
 *
 * <p>Resumable: with a {@link CheckpointStore}, the state after every epoch (weights, Adam's
 * moments and update counts, the best weights so far, early-stopping counters and the epoch
 * history) is saved, and a training that finds a saved state continues after that epoch. The
 * shuffling and noise generators are wound forward by replaying their draws, so the resumed run
 * sees the same batches in the same order as an uninterrupted one.
 */
public final class EarlyExitTrainer {

    /** Held while the engine's global random generator is seeded and drawn from. */
    private static final Object GLOBAL_GENERATOR = new Object();

    /** Validation rollout length the NVAR base's ridge penalty is tuned with (as {@code ModelTypes.TUNE_HORIZON}). */
    static final int BASE_TUNE_HORIZON = 100;

    private EarlyExitTrainer() {}

    /** Blend weights tried on validation, smallest first: an exact tie keeps the smaller correction. */
    static final double[] BLEND_WEIGHTS = {0, 0.25, 0.5, 0.75, 1};

    /** Validation origins the blend weight is scored on: more than the base's ridge penalty, since the blend decides the no-harm rule. */
    static final int BLEND_ORIGINS = 128;

    /** The trained forecaster (uncalibrated), how training went and what was searched. */
    public record Outcome(EarlyExitForecaster forecaster, TrainingReport report, SearchLog search) {
        public Outcome(EarlyExitForecaster forecaster, TrainingReport report) {
            this(forecaster, report, SearchLog.NONE);
        }
    }

    public static Outcome train(
            double[][][] train,
            double[][][] validation,
            EarlyExitArchitecture arch,
            LossSettings loss,
            TrainingSettings settings,
            ProgressListener listener) {
        return train(train, validation, arch, loss, settings, listener, CheckpointStore.NONE);
    }

    /**
     * Trains, resuming from the store's latest state when it has one. Epochs restored from a
     * checkpoint are reported to the listener again (in order) before training continues, so a
     * listener that records them (metrics, progress) sees the complete history either way.
     */
    public static Outcome train(
            double[][][] train,
            double[][][] validation,
            EarlyExitArchitecture arch,
            LossSettings loss,
            TrainingSettings settings,
            ProgressListener listener,
            CheckpointStore checkpoints) {
        Standardization norm = Standardization.of(train);
        if (norm.dimension() != arch.dimension()) {
            throw new IllegalArgumentException(
                    "data has dimension " + norm.dimension() + " but the architecture expects " + arch.dimension());
        }
        double[] scale = WindowSet.incrementScale(train, norm, arch.horizon());
        EarlyExitSpec spec;
        WindowSet trainSet;
        long start = System.nanoTime();
        NvarLibrary.Selection selection = null;
        if (arch.hasBase()) {
            // Closed-form base first; the network then learns its error, in units of that error.
            // Its library is searched on validation rollouts within the given seconds (the
            // default library alone without a search); only libraries the context covers qualify.
            List<NvarLibrary.Candidate> candidates = (settings.baseSearchSeconds() > 0
                            ? NvarLibrary.DEFAULT_CANDIDATES
                            : NvarLibrary.DEFAULT_CANDIDATES.subList(0, 1))
                    .stream()
                    .filter(c -> (c.taps() - 1) * c.skip() + 1 <= arch.contextLength())
                    .toList();
            if (candidates.isEmpty()) {
                var c = NvarLibrary.DEFAULT_CANDIDATES.get(0);
                throw new IllegalArgumentException("contextLength must be at least " + ((c.taps() - 1) * c.skip() + 1)
                        + " (the NVAR base model's window), found " + arch.contextLength());
            }
            selection = NvarLibrary.select(
                    train, validation, candidates, Math.max(BASE_TUNE_HORIZON, Nvar.TUNE_ROLLOUT), settings.baseSearchSeconds());
            RidgeStepForecaster model = selection.model();
            ResidualBase base = ResidualBase.of(model, scale);
            double[] unit = new double[scale.length];
            java.util.Arrays.fill(unit, 1);
            trainSet = WindowSet.of(train, new EarlyExitSpec(arch, norm, unit, 1, loss, null, base), settings.stride());
            double[] correction = trainSet.count == 0 ? unit : trainSet.targetRms();
            trainSet.rescaleTargets(correction);
            spec = new EarlyExitSpec(arch, norm, correction, meanSquare(correction), loss, null, base);
        } else {
            spec = new EarlyExitSpec(arch, norm, scale, meanSquare(scale), loss, null);
            trainSet = WindowSet.of(train, spec, settings.stride());
        }
        double errorScale = spec.errorScale();
        scale = spec.incrementScale();
        WindowSet valSet = WindowSet.of(validation, spec, Math.max(1, arch.horizon()));
        if (trainSet.count == 0 || valSet.count == 0) {
            throw new IllegalArgumentException("trajectories are too short for contextLength + horizon = "
                    + (arch.contextLength() + arch.horizon()) + " (train windows " + trainSet.count + ", validation windows "
                    + valSet.count + ")");
        }
        float[] weights = new float[scale.length];
        for (int i = 0; i < scale.length; i++) {
            weights[i] = (float) (scale[i] * scale[i] / errorScale);
        }

        SplittableRandom rng = new SplittableRandom(settings.seed());
        SplittableRandom shuffleRng = rng.split();
        SplittableRandom noiseRng = rng.split();
        int initSeed = (int) (rng.split().nextLong() & 0x7fffffff);
        // Split after the seed so runs without rollout training draw exactly as before. Each epoch
        // draws its rollout windows from its own generator, seeded from this one and the epoch, so
        // a run resumed from a checkpoint draws what the uninterrupted run drew, with nothing to replay.
        long rolloutSeed = rng.split().nextLong();
        boolean rollouts = settings.rolloutPasses() >= 2 && settings.rolloutFraction() > 0;
        int rolloutCount = rollouts ? Math.max(1, (int) Math.round(settings.rolloutFraction() * trainSet.count)) : 0;
        int batch = Math.min(settings.batchSize(), trainSet.count);
        int stepsPerEpoch = (trainSet.count + rolloutCount + batch - 1) / batch;
        EarlyExitNetwork net = new EarlyExitNetwork(arch);
        DeeDiffLoss lossFn = new DeeDiffLoss(arch.blocks(), loss);
        Tracker lr = Tracker.cosine()
                .setBaseValue((float) settings.learningRate())
                .optFinalValue((float) (settings.learningRate() * 0.01))
                .setMaxUpdates(Math.max(1, stepsPerEpoch * settings.epochs()))
                .build();
        Adam adam = Optimizer.adam().optLearningRateTracker(lr).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(lossFn)
                .optOptimizer(adam)
                .optDevices(new Device[] {Device.cpu()});
        List<EpochProgress> history = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = 0;
        double bestVal = Double.POSITIVE_INFINITY;
        boolean stoppedEarly = false;
        try (Model model = Model.newInstance("early-exit", Device.cpu())) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(config)) {
                // The initial weights come from the engine's one global generator: seeding it and
                // drawing from it must not interleave with another training's (two jobs at once
                // would otherwise each start from a mix of both seeds' draws, and neither would be
                // reproducible).
                synchronized (GLOBAL_GENERATOR) {
                    Engine.getInstance().setRandomSeed(initSeed);
                    trainer.initialize(net.inputShape(batch));
                }
                if (arch.hasBase()) {
                    // Every exit starts as the base model; training adds only corrections.
                    net.zeroExitOutputs();
                }
                int[] order = new int[trainSet.count];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                int sinceBest = 0;
                int firstEpoch = 1;
                listener.onSetUp((System.nanoTime() - start) / 1e9);
                byte[] saved = checkpoints.latest();
                if (saved != null) {
                    Checkpoint c = Checkpoint.read(saved, net, adam);
                    history.addAll(c.history());
                    best = c.best();
                    bestEpoch = c.bestEpoch();
                    bestVal = c.bestValue();
                    sinceBest = c.sinceBest();
                    // A history that already holds a non-finite epoch (written by a build that kept
                    // training after one) has non-finite weights: there is nothing left to train.
                    boolean diverged = c.history().stream().anyMatch(e -> !e.finite());
                    stoppedEarly = c.stoppedEarly() || (diverged && c.epoch() < settings.epochs());
                    long draws = settings.inputNoise() > 0 ? 2L * trainSet.count * arch.contextLength() * arch.dimension() : 0;
                    for (int e = 1; e <= c.epoch(); e++) {
                        shuffle(order, shuffleRng);
                        for (long k = 0; k < draws; k++) {
                            noiseRng.nextDouble();
                        }
                    }
                    start = System.nanoTime() - (long) (c.elapsedSeconds() * 1e9);
                    firstEpoch = c.done() || diverged ? settings.epochs() + 1 : c.epoch() + 1;
                    c.history().forEach(listener::onEpoch);
                }
                for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    shuffle(order, shuffleRng);
                    double lossSum = steps(trainer, lossFn, weights, trainSet, order, batch, spec, settings.inputNoise(), noiseRng, settings.gradientClipNorm());
                    int seen = trainSet.count;
                    if (rollouts && epoch > 1) {
                        // From the second epoch on the model's own rollouts are worth learning from.
                        SplittableRandom rolloutRng = new SplittableRandom(rolloutSeed + 0x9E3779B97F4A7C15L * epoch);
                        WindowSet rolled = rolloutWindows(
                                train, spec, new EarlyExitForecaster(trainer.getManager(), net, spec), settings.rolloutPasses(),
                                rolloutCount, rolloutRng);
                        if (rolled.count > 0) {
                            int[] ro = new int[rolled.count];
                            for (int i = 0; i < ro.length; i++) {
                                ro[i] = i;
                            }
                            shuffle(ro, rolloutRng);
                            // No input noise here: these contexts already carry the model's own errors.
                            lossSum += steps(trainer, lossFn, weights, rolled, ro, batch, spec, 0, noiseRng, settings.gradientClipNorm());
                            seen += rolled.count;
                        }
                    }
                    double[] val = validate(trainer.getManager(), net, lossFn, valSet, weights, arch.blocks());
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    double[] exitErrors = java.util.Arrays.copyOfRange(val, 2, val.length);
                    EpochProgress p = new EpochProgress(
                            epoch, settings.epochs(), lossSum / seen, val[0], val[1], exitErrors, elapsed);
                    history.add(p);
                    boolean stop = false;
                    if (!p.finite()) {
                        // A non-finite loss leaves non-finite gradients, and Adam never recovers
                        // from them: later epochs could not beat the best weights already kept.
                        stoppedEarly = epoch < settings.epochs();
                        stop = true;
                    } else if (val[1] < bestVal) {
                        bestVal = val[1];
                        bestEpoch = epoch;
                        best = snapshot(net);
                        sinceBest = 0;
                    } else if (++sinceBest >= settings.patience()) {
                        stoppedEarly = epoch < settings.epochs();
                        stop = true;
                    }
                    // Stop before an epoch that would overrun the budget (the last one's length is the
                    // estimate), not after it: the budget is what a user plans with.
                    double lastEpoch = (System.nanoTime() - epochStart) / 1e9;
                    if (!stop && settings.timeBudgetSeconds() > 0 && elapsed + lastEpoch > settings.timeBudgetSeconds()) {
                        stoppedEarly = epoch < settings.epochs();
                        stop = true;
                    }
                    if (checkpoints != CheckpointStore.NONE) {
                        checkpoints.save(epoch, new Checkpoint(epoch, stop, stoppedEarly, bestEpoch, bestVal, sinceBest, elapsed, best, history)
                                .write(net, adam));
                    }
                    // Reported once the epoch is durable: a listener that stops the job here loses nothing.
                    listener.onEpoch(p);
                    if (stop) {
                        break;
                    }
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("training produced no epoch with finite losses; lower the learning rate");
        }
        NDManager manager = NDManager.newBaseManager(Device.cpu());
        EarlyExitNetwork trained = restore(manager, arch, best);
        EarlyExitForecaster forecaster = new EarlyExitForecaster(manager, trained, spec);
        SearchLog search = SearchLog.NONE;
        if (arch.hasBase()) {
            // The no-harm rule: apply only as much of the correction as helps validation
            // rollouts, down to none (the base alone), so the model is at least as good as its
            // base on validation by construction.
            List<SearchLog.BlendTrial> trials = new ArrayList<>();
            double chosen = fitBlend(forecaster, validation, trials);
            forecaster = forecaster.withBlend(chosen);
            search = new SearchLog(selection.trials(), selection.chosen(), trials, chosen);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Outcome(
                forecaster, new TrainingReport(history, bestEpoch, stoppedEarly, trainSet.count, elapsed), search);
    }

    /**
     * The blend weight with the best validation rollouts (median valid steps, then mean), trying
     * {@link #BLEND_WEIGHTS} from 0 up and keeping a larger weight only when it is strictly
     * better: where the correction does not help, none of it is applied.
     *
     * <p>A weight above 0 must also do no harm against the base alone (weight 0) on the same
     * rollouts: its median valid steps may not be shorter in either VPT form (sMAPE 30, NRMSE
     * 0.4), and it may not shorten more rollouts than it lengthens. A correction that lengthens
     * the median by shortening most rollouts, or that wins by sMAPE while losing in attractor
     * units, gains on validation what it loses on unseen windows.
     *
     * @param trials receives every weight's score
     */
    static double fitBlend(EarlyExitForecaster forecaster, double[][][] validation, List<SearchLog.BlendTrial> trials) {
        double[] std = ForecastMetrics.attractorStd(validation);
        for (double v : std) {
            if (!(v > 0) || !Double.isFinite(v)) {
                std = null; // a constant coordinate: no NRMSE scale, the sMAPE rule alone
                break;
            }
        }
        // Rollouts of at most half a validation trajectory, so that the origins spread over the
        // other half: rollouts as long as the split start within a few steps of each other and
        // judge the blend on as many independent stretches as there are trajectories.
        int longest = 0;
        for (double[][] t : validation) {
            longest = Math.max(longest, t.length - forecaster.spec().contextLength());
        }
        int horizon = Math.max(1, Math.min(Nvar.TUNE_ROLLOUT, longest / 2));
        RidgeTuning.ValidSteps base = null;
        SearchLog.BlendTrial best = null;
        for (double w : BLEND_WEIGHTS) {
            var steps = RidgeTuning.validStepsBothForms(forecaster.withBlend(w), validation, horizon, BLEND_ORIGINS, std);
            if (base == null) {
                base = steps;
            }
            var trial = SearchLog.BlendTrial.of(w, steps, base);
            trials.add(trial);
            if (trial.doesNoHarm() && (best == null || trial.beats(best))) {
                best = trial;
            }
        }
        return best.weight();
    }

    /** One pass over {@code set} in {@code order}, in batches; returns the summed loss. */
    private static double steps(
            Trainer trainer,
            DeeDiffLoss lossFn,
            float[] weights,
            WindowSet set,
            int[] order,
            int batch,
            EarlyExitSpec spec,
            double noise,
            SplittableRandom noiseRng,
            double clipNorm) {
        double lossSum = 0;
        int steps = (set.count + batch - 1) / batch;
        for (int s = 0; s < steps; s++) {
            int from = s * batch;
            int to = Math.min(set.count, from + batch);
            float[] xb = gather(set.inputs, set.inputSize, order, from, to);
            float[] tb = gather(set.targets, set.outputSize, order, from, to);
            if (noise > 0) {
                perturb(xb, tb, to - from, spec, noise, noiseRng);
            }
            try (NDManager bm = trainer.getManager().newSubManager()) {
                NDList labels = new NDList(bm.create(tb, new Shape(to - from, set.outputSize)), bm.create(weights));
                NDArray x = bm.create(xb, new Shape(to - from, set.inputSize));
                try (GradientCollector gc = new ThreadGradientCollector()) {
                    NDList preds = trainer.forward(new NDList(x));
                    NDArray l = lossFn.evaluate(labels, preds);
                    gc.backward(l);
                    lossSum += l.getFloat() * (to - from);
                }
                if (clipNorm > 0) {
                    GradientClipping.clipGlobalNorm(trainer.getModel().getBlock(), clipNorm);
                }
                trainer.step();
            }
        }
        return lossSum;
    }

    /**
     * Rollout-training windows: from {@code count} random true contexts the model rolls out
     * {@code passes - 1} passes (no gradient); the new context is the last {@code contextLength}
     * states of that history (its own forecasts at the end) and the target the true future after
     * it. Windows whose rollout left the attractor's range (more than {@link ResidualBase#CLAMP}
     * standard deviations) are dropped: they teach nothing but overflow.
     */
    static WindowSet rolloutWindows(
            double[][][] train, EarlyExitSpec spec, EarlyExitForecaster model, int passes, int count, SplittableRandom rng) {
        var a = spec.architecture();
        int l = a.contextLength();
        int h = a.horizon();
        int d = a.dimension();
        int lead = (passes - 1) * h;
        List<double[][]> eligible = new ArrayList<>();
        for (double[][] t : train) {
            if (t.length >= l + lead + h) {
                eligible.add(t);
            }
        }
        if (eligible.isEmpty()) {
            return WindowSet.ofContexts(new double[0][][], new double[0][][], spec);
        }
        double[][][] ctx = new double[count][][];
        double[][][] fut = new double[count][][];
        for (int r = 0; r < count; r++) {
            double[][] t = eligible.get(rng.nextInt(eligible.size()));
            int s0 = rng.nextInt(t.length - l - lead - h + 1);
            ctx[r] = java.util.Arrays.copyOfRange(t, s0, s0 + l);
            fut[r] = java.util.Arrays.copyOfRange(t, s0 + l + lead, s0 + l + lead + h);
        }
        double[][][] pred = lead == 0
                ? new double[count][0][]
                : model.forecast(ctx, lead, io.chaoscast.models.policy.ExitPolicy.full()).forecasts();
        Standardization norm = spec.standardization();
        List<double[][]> keptCtx = new ArrayList<>();
        List<double[][]> keptFut = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            double[][] mixed = new double[l][];
            boolean ok = true;
            for (int k = 0; k < l; k++) {
                int idx = lead + k; // position in (context ++ forecast), counted from the context's end - l
                mixed[k] = idx < l ? ctx[r][idx] : pred[r][idx - l];
                for (int j = 0; j < d && ok; j++) {
                    double v = norm.apply(j, mixed[k][j]);
                    ok = Double.isFinite(v) && Math.abs(v) <= ResidualBase.CLAMP;
                }
            }
            if (ok) {
                keptCtx.add(mixed);
                keptFut.add(fut[r]);
            }
        }
        return WindowSet.ofContexts(keptCtx.toArray(double[][][]::new), keptFut.toArray(double[][][]::new), spec);
    }

    private static double meanSquare(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s / a.length;
    }

    /** Mean {@code [total, forecast, e_1 .. e_N]} over the validation windows, without gradients. */
    private static double[] validate(
            NDManager parent, EarlyExitNetwork net, DeeDiffLoss lossFn, WindowSet set, float[] weights, int exits) {
        double[] sums = new double[2 + exits];
        int chunk = 2048;
        ParameterStore ps = new ParameterStore(parent, false);
        for (int from = 0; from < set.count; from += chunk) {
            int to = Math.min(set.count, from + chunk);
            try (NDManager m = parent.newSubManager()) {
                NDArray x = m.create(
                        java.util.Arrays.copyOfRange(set.inputs, from * set.inputSize, to * set.inputSize),
                        new Shape(to - from, set.inputSize));
                NDArray t = m.create(
                        java.util.Arrays.copyOfRange(set.targets, from * set.outputSize, to * set.outputSize),
                        new Shape(to - from, set.outputSize));
                NDArray w = m.create(weights);
                NDList preds = net.forward(ps, new NDList(x), false);
                NDArray[] terms = lossFn.terms(new NDList(t, w), preds);
                int n = to - from;
                sums[0] += terms[0].getFloat() * n;
                sums[1] += terms[1].getFloat() * n;
                for (int i = 0; i < exits; i++) {
                    sums[2 + i] += DeeDiffLoss.sampleErrors(preds.get(i), t, w).mean().getFloat() * n;
                }
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= set.count;
        }
        return sums;
    }

    private static float[] gather(float[] data, int width, int[] order, int from, int to) {
        float[] out = new float[(to - from) * width];
        for (int r = from; r < to; r++) {
            System.arraycopy(data, order[r] * width, out, (r - from) * width, width);
        }
        return out;
    }

    /**
     * Adds noise to every context state and moves the targets so they still point at the clean
     * future: the target is an increment from the (now noisy) last context state.
     */
    private static void perturb(
            float[] x, float[] t, int rows, EarlyExitSpec spec, double sigma, SplittableRandom rng) {
        EarlyExitArchitecture a = spec.architecture();
        double[] scale = spec.incrementScale();
        int l = a.contextLength();
        int d = a.dimension();
        int h = a.horizon();
        int width = a.inputSize();
        // With a base model only the network's view of the context is perturbed: the base
        // forecast and the targets (its error) stay clean. Perturbing the base's input too
        // moved its forecast by about the noise (0.01 standard deviations), four orders of
        // magnitude above its own error, and the corrections learnt that noise instead
        // (training loss 1e8 base-error units, validation worse than the base; docs/models.md).
        boolean base = spec.base() != null;
        double[] lastNoise = new double[d];
        double[] last = new double[d];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < l; k++) {
                for (int j = 0; j < d; j++) {
                    double n = sigma * gaussian(rng);
                    int i = r * width + k * d + j;
                    x[i] += (float) n;
                    if (k == l - 1) {
                        lastNoise[j] = n;
                        last[j] = x[i];
                    }
                }
            }
            if (a.quadraticInputs()) {
                // The monomials must describe the noisy state the network is shown.
                ContextEncoding.quadratic(last, x, r * width + l * d);
            }
            if (!base) {
                for (int k = 0; k < h; k++) {
                    for (int j = 0; j < d; j++) {
                        t[(r * h + k) * d + j] -= (float) (lastNoise[j] / scale[k * d + j]);
                    }
                }
            }
        }
    }

    /** Box-Muller, so the draws depend only on the seeded generator. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static byte[] snapshot(EarlyExitNetwork net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A fresh network with the given architecture and parameters, owned by {@code manager}. */
    public static EarlyExitNetwork restore(NDManager manager, EarlyExitArchitecture arch, byte[] parameters) {
        EarlyExitNetwork net = new EarlyExitNetwork(arch);
        // The weights are read over whatever initialize() puts there, so it must not draw them from
        // the engine's one global generator: a training seeding and drawing its initial weights on
        // another thread at that moment would start from draws its seed does not give.
        net.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        net.initialize(manager);
        // DJL's Parameter.load replaces each array with the one it reads and leaves the one
        // initialize() made open: without closing those, a loaded model holds its parameter memory
        // twice (on a GPU, device memory) until its manager closes.
        List<NDArray> initialised = new ArrayList<>();
        net.getParameters().values().forEach(p -> initialised.add(p.getArray()));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            net.loadParameters(manager, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException("parameters do not match the architecture " + arch + ": " + e.getMessage(), e);
        }
        List<Parameter> loaded = net.getParameters().values();
        for (int i = 0; i < initialised.size(); i++) {
            if (initialised.get(i) != loaded.get(i).getArray()) {
                initialised.get(i).close();
            }
        }
        return net;
    }
}
