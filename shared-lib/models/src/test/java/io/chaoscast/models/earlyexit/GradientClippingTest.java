package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    /** Per-parameter gradients of {@code sum(scale * linear(x))} for a 3 -> 2 linear layer. */
    private static float[][] gradients(float scale, double maxNorm, double[] normBefore) {
        try (Model model = Model.newInstance("clip");
                NDManager m = NDManager.newBaseManager()) {
            Linear block = Linear.builder().setUnits(2).build();
            model.setBlock(block);
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(4, 3));
            for (Pair<String, Parameter> p : block.getParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            NDArray x = m.create(new float[] {1, 2, 3, -1, 0.5f, 2, 0, 1, -2, 3, 3, 1}, new Shape(4, 3));
            try (var gc = new ThreadGradientCollector()) {
                NDList out = block.forward(new ParameterStore(m, false), new NDList(x), true);
                // The factor in libtorch's memory, as the loss has it (HostArrays).
                gc.backward(DeeDiffLoss.times(out.singletonOrThrow().sum(), scale));
            }
            normBefore[0] = GradientClipping.clipGlobalNorm(block, maxNorm);
            var ps = block.getParameters();
            float[][] g = new float[ps.size()][];
            for (int i = 0; i < ps.size(); i++) {
                g[i] = ps.get(i).getValue().getArray().getGradient().toFloatArray();
            }
            return g;
        }
    }

    private static double norm(float[][] g) {
        double s = 0;
        for (float[] a : g) {
            for (float v : a) {
                s += (double) v * v;
            }
        }
        return Math.sqrt(s);
    }

    @Test
    void aLargeGradientIsScaledToTheLimitKeepingItsDirection() {
        double[] before = new double[1];
        float[][] raw = gradients(100f, 0, before);
        double rawNorm = norm(raw);
        assertThat(before[0]).isCloseTo(rawNorm, within(1e-3 * rawNorm));
        assertThat(rawNorm).isGreaterThan(10);

        float[][] clipped = gradients(100f, 1.0, before);
        assertThat(before[0]).as("the norm before clipping is reported").isCloseTo(rawNorm, within(1e-3 * rawNorm));
        assertThat(norm(clipped)).isCloseTo(1.0, within(1e-5));
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < raw[i].length; j++) {
                assertThat((double) clipped[i][j]).isCloseTo(raw[i][j] / rawNorm, within(1e-6));
            }
        }
    }

    @Test
    void aGradientWithinTheLimitIsLeftAlone() {
        double[] before = new double[1];
        float[][] raw = gradients(0.01f, 0, before);
        float[][] same = gradients(0.01f, 1.0, before);
        assertThat(norm(raw)).isLessThan(1.0);
        assertThat(same).isDeepEqualTo(raw);
    }

    @Test
    void aGradientThatIsNotFiniteContributesNothing() {
        double[] before = new double[1];
        // Infinite elements where x is not 0, NaN (0 times infinity) where it is.
        float[][] raw = gradients(Float.POSITIVE_INFINITY, 0, before);
        assertThat(java.util.Arrays.stream(raw).flatMap(g -> java.util.stream.IntStream.range(0, g.length).mapToObj(i -> g[i])))
                .contains(Float.NaN, Float.POSITIVE_INFINITY);

        float[][] clipped = gradients(Float.POSITIVE_INFINITY, 1.0, before);
        assertThat(before[0]).as("the norm before clipping is reported").isNaN();
        for (float[] g : clipped) {
            assertThat(g).containsOnly(0f);
        }
    }

    @Test
    void theSettingIsValidated() {
        var t = new TrainingSettings(1, 8, 1e-3, 1, 1, 1L, 0, 0);
        assertThat(t.gradientClipNorm()).as("off unless asked for").isZero();
        assertThat(t.withGradientClip(2.5).gradientClipNorm()).isEqualTo(2.5);
        assertThat(t.withGradientClip(2.5).withEpochs(3).gradientClipNorm()).isEqualTo(2.5);
        assertThatThrownBy(() -> t.withGradientClip(-1)).hasMessageContaining("gradientClipNorm must be between 0 and");
        assertThatThrownBy(() -> t.withGradientClip(Double.NaN)).hasMessageContaining("gradientClipNorm");
    }
}
