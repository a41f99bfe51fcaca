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

/** Pre-norm residual MLP block: {@code x + W2 gelu(W1 LN(x))}. Acts on each row independently. */
final class ResidualMlpBlock extends AbstractBlock {

    private final LayerNorm norm;
    private final Linear up;
    private final Linear down;

    ResidualMlpBlock(int width, int hidden) {
        norm = addChildBlock("norm", LayerNorm.builder().build());
        up = addChildBlock("up", Linear.builder().setUnits(hidden).build());
        down = addChildBlock("down", Linear.builder().setUnits(width).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray h = norm.forward(ps, new NDList(x), training).singletonOrThrow();
        h = Activation.gelu(up.forward(ps, new NDList(h), training).singletonOrThrow());
        h = down.forward(ps, new NDList(h), training).singletonOrThrow();
        return new NDList(x.add(h));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, inputShapes);
        up.initialize(manager, dataType, inputShapes);
        down.initialize(manager, dataType, up.getOutputShapes(inputShapes));
    }
}
