package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.integration.DelayState;
import io.chaoscast.dynamics.integration.MethodOfStepsIntegrator;
import io.chaoscast.dynamics.systems.DelaySystem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lyapunov exponents of a delay equation by renormalised separations of nearby trajectories
 * (Benettin et al. 1980; Farmer 1982 for delay equations), on the method-of-steps integrator.
 *
 * <p>The state of a delay equation is the function {@code y} on the window {@code [t - tau, t]}.
 * The reference trajectory and {@code k} perturbed copies are integrated side by side; each copy
 * starts as the reference plus {@code d0} times a random function. The separation of a copy is the
 * difference of the windows, measured in the root-mean-square norm over the window's nodes (a
 * discrete L2 norm of the function, not just the state at {@code t}). Every renormalisation
 * interval the separations are orthonormalised by Gram-Schmidt in that norm, {@code log} of their
 * lengths (in units of {@code d0}) is added to the sums, and each copy is reset to the reference
 * plus {@code d0} times its new direction. With {@code k = 1} this is the classic two-trajectory
 * method; with {@code k > 1} it gives the {@code k} leading exponents.
 *
 * <p>{@code d0} is {@code 1e-8} times the window's RMS size (at least 1e-8): small enough that the
 * separation stays linear over one interval, large enough that differences keep eight digits.
 *
 * <p>The settings' tolerances do not apply: the integrator's fixed step (see {@link
 * MethodOfStepsIntegrator}) sets the accuracy, and it is recorded in the result's settings.
 */
public final class DelaySeparationLyapunovEstimator {

    /** Number of leading exponents estimated when the spectrum is asked for. */
    public static final int SPECTRUM_SIZE = 24;

    static final double RELATIVE_SEPARATION = 1e-8;

    private final MethodOfStepsIntegrator integrator;
    private final int spectrumSize;

    public DelaySeparationLyapunovEstimator() {
        this(new MethodOfStepsIntegrator(), SPECTRUM_SIZE);
    }

    /** @param spectrumSize how many leading exponents to estimate when the spectrum is asked for */
    public DelaySeparationLyapunovEstimator(MethodOfStepsIntegrator integrator, int spectrumSize) {
        if (spectrumSize < 1) {
            throw new IllegalArgumentException("spectrumSize must be at least 1, found " + spectrumSize);
        }
        this.integrator = integrator;
        this.spectrumSize = spectrumSize;
    }

    public LyapunovResult estimate(DelaySystem system, double[] p, double[] history, LyapunovSettings settings) {
        return estimate(system, p, history, settings, Deadline.NONE);
    }

    LyapunovResult estimate(DelaySystem system, double[] p, double[] history, LyapunovSettings settings, Deadline deadline) {
        int k = settings.spectrum() ? spectrumSize : 1;
        DelayState ref = integrator.start(system, p, history);
        double end = settings.transientTime() + settings.maxDuration();
        while (ref.time() < settings.transientTime()) {
            ref.advanceTo(Math.min(settings.transientTime(), ref.time() + system.period()));
            deadline.check(system.name(), ref.time(), end);
        }
        int m = ref.stepsPerDelay();
        double h = ref.stepSize();
        // One renormalisation per delay, or per period when the delay is long, so that the
        // separation grows by a modest factor in between.
        int stepsPerInterval = (int) Math.max(1, Math.min(m, Math.round(system.period() / h)));
        double interval = stepsPerInterval * h;

        double[] refWindow = ref.exportWindow();
        int valueLength = ref.windowValueLength();
        double d0 = RELATIVE_SEPARATION * Math.max(1.0, rms(refWindow, valueLength));

        SplittableRandom random = new SplittableRandom(20_240_601L);
        double[][] directions = new double[k][refWindow.length];
        for (double[] d : directions) {
            for (int i = 0; i < d.length; i++) {
                d[i] = random.nextDouble(-1, 1);
            }
        }
        double[] diag = new double[k];
        normalise(directions, valueLength, diag);

        DelayState[] copies = new DelayState[k];
        for (int j = 0; j < k; j++) {
            copies[j] = ref.copy();
            copies[j].importWindow(perturbed(refWindow, directions[j], d0));
        }

        BatchMeans batches = new BatchMeans(k, Math.max(settings.batchLength(), interval));
        double[] logs = new double[k];
        long steps = Math.max(1, Math.round(settings.maxDuration() / h));
        long renormalisations = 0;
        long done = 0;
        while (done < steps) {
            long now = Math.min(stepsPerInterval, steps - done);
            for (long s = 0; s < now; s++) {
                ref.step();
                for (DelayState c : copies) {
                    c.step();
                }
            }
            done += now;
            deadline.check(system.name(), ref.time(), end);
            refWindow = ref.exportWindow();
            for (int j = 0; j < k; j++) {
                double[] w = copies[j].exportWindow();
                for (int i = 0; i < w.length; i++) {
                    directions[j][i] = (w[i] - refWindow[i]) / d0;
                }
            }
            normalise(directions, valueLength, diag);
            for (int j = 0; j < k; j++) {
                logs[j] = Math.log(diag[j]);
                copies[j].importWindow(perturbed(refWindow, directions[j], d0));
            }
            renormalisations++;
            if (batches.add(logs, now * h) && LyapunovEstimators.done(settings, batches, deadline)) {
                break;
            }
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("duration", batches.totalTime());
        used.put("transient", settings.transientTime());
        used.put("renormalisationInterval", interval);
        used.put("renormalisations", renormalisations);
        used.put("perturbations", k);
        used.put("separation", d0);
        used.put("separationNorm", "RMS over the delay window");
        used.put("stepsPerDelay", m);
        used.put("stepSize", h);
        used.put("integrator", "method of steps, RK4 + cubic Hermite history");
        String method = k == 1
                ? "two-trajectory renormalised separation (Benettin) in function space"
                : "renormalised separations of " + k + " trajectories with Gram-Schmidt (Benettin) in function space";
        // A delay equation has infinitely many exponents: the ones estimated are only the leading ones.
        // Autonomous, it has a zero exponent along the orbit, as a flow does.
        return LyapunovEstimators.result(
                batches, false, true, method, used, settings, Convergence.defaults(false, system.period(), settings.duration() / system.period()));
    }

    /** Gram-Schmidt in the RMS norm over node values. */
    private static void normalise(double[][] directions, int valueLength, double[] diag) {
        GramSchmidt.orthonormalise(directions, valueLength, diag);
        double scale = Math.sqrt(valueLength);
        for (int j = 0; j < directions.length; j++) {
            // Unit Euclidean length over the nodes is RMS 1 / sqrt(nodes): rescale to RMS 1.
            diag[j] /= scale;
            for (int i = 0; i < directions[j].length; i++) {
                directions[j][i] *= scale;
            }
        }
    }

    private static double[] perturbed(double[] base, double[] direction, double d0) {
        double[] w = new double[base.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = base[i] + d0 * direction[i];
        }
        return w;
    }

    private static double rms(double[] v, int length) {
        return Math.sqrt(GramSchmidt.dot(v, v, length) / length);
    }
}
