package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code W2 gelu(W1 LN(h))}, or {@code W LN(h)} with {@code hidden = 0}: the exit heads and the
 * uncertainty modules.
 */
final class MlpHead extends AbstractBlock {

    private final LayerNorm norm;
    private final Linear first;
    private final Linear second;

    MlpHead(int hidden, int outputs) {
        norm = addChildBlock("norm", LayerNorm.builder().build());
        if (hidden > 0) {
            first = addChildBlock("hidden", Linear.builder().setUnits(hidden).build());
            second = addChildBlock("out", Linear.builder().setUnits(outputs).build());
        } else {
            first = addChildBlock("out", Linear.builder().setUnits(outputs).build());
            second = null;
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = norm.forward(ps, inputs, training).singletonOrThrow();
        h = first.forward(ps, new NDList(h), training).singletonOrThrow();
        if (second != null) {
            h = second.forward(ps, new NDList(Activation.gelu(h)), training).singletonOrThrow();
        }
        return new NDList(h);
    }

    /** Sets the output layer's weights and bias to zero, in their own storage. */
    void zeroOutput() {
        Linear out = second == null ? first : second;
        for (var p : out.getParameters().values()) {
            HostArrays.zero(p.getArray());
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = first.getOutputShapes(inputShapes)[0];
        return second == null ? new Shape[] {s} : second.getOutputShapes(new Shape[] {s});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, inputShapes);
        first.initialize(manager, dataType, inputShapes);
        if (second != null) {
            second.initialize(manager, dataType, first.getOutputShapes(inputShapes));
        }
    }
}
