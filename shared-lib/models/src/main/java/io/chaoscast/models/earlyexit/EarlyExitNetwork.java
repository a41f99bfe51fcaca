package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of the early-exit forecaster: an input embedding, {@code blocks} residual MLP blocks,
 * and after every block an exit head and an uncertainty estimation module (UEM).
 *
 * <p>Input: the encoded context ({@link ContextEncoding}), {@code (batch, contextLength * dimension)}.
 * Exit head {@code i} outputs {@code (batch, horizon * dimension)} scaled increments from the
 * last context state (see {@link EarlyExitForecaster}); UEM {@code i} outputs {@code u_i} in
 * (0, 1).
 *
 * <p>{@link #forward} is the training path: it runs every block and returns every exit, {@code
 * [z_1 .. z_N, u_1 .. u_N]}. The inference path calls {@link #embed}, {@link #block}, {@link
 * #exit} and {@link #uncertainty} itself, so it can stop and compact the batch between blocks.
 */
public final class EarlyExitNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    private final EarlyExitArchitecture arch;
    private final Linear embedding;
    private final List<ResidualMlpBlock> blocks = new ArrayList<>();
    private final List<MlpHead> exits = new ArrayList<>();
    private final List<MlpHead> uems = new ArrayList<>();

    public EarlyExitNetwork(EarlyExitArchitecture arch) {
        super(VERSION);
        this.arch = arch;
        embedding = addChildBlock("embedding", Linear.builder().setUnits(arch.width()).build());
        for (int i = 0; i < arch.blocks(); i++) {
            blocks.add(addChildBlock("block" + i, new ResidualMlpBlock(arch.width(), arch.width() * arch.mlpRatio())));
            exits.add(addChildBlock("exit" + i, new MlpHead(0, arch.horizon() * arch.dimension())));
            uems.add(addChildBlock("uem" + i, new MlpHead(arch.uemHidden(), 1)));
        }
    }

    public EarlyExitArchitecture architecture() {
        return arch;
    }

    public Shape inputShape(long batch) {
        return new Shape(batch, arch.inputSize());
    }

    /** Initialises every parameter for inputs of {@link #inputShape}. */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, inputShape(1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = embed(ps, inputs.singletonOrThrow(), training);
        NDList zs = new NDList();
        NDList us = new NDList();
        for (int i = 0; i < arch.blocks(); i++) {
            h = block(ps, i, h, training);
            zs.add(exit(ps, i, h, training));
            // The UEM reads a detached hidden state: its loss should teach it to judge the exit,
            // not reshape the representation the exits forecast from.
            us.add(uncertainty(ps, i, h.stopGradient(), training));
        }
        zs.addAll(us);
        return zs;
    }

    public NDArray embed(ParameterStore ps, NDArray x, boolean training) {
        return embedding.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** Runs block {@code i} (0-based). */
    public NDArray block(ParameterStore ps, int i, NDArray h, boolean training) {
        return blocks.get(i).forward(ps, new NDList(h), training).singletonOrThrow();
    }

    /** Exit head {@code i}: scaled increments {@code (rows, horizon * dimension)}. */
    public NDArray exit(ParameterStore ps, int i, NDArray h, boolean training) {
        return exits.get(i).forward(ps, new NDList(h), training).singletonOrThrow();
    }

    /** UEM {@code i}: {@code u} in (0, 1), shape {@code (rows)}. */
    public NDArray uncertainty(ParameterStore ps, int i, NDArray h, boolean training) {
        NDArray logit = uems.get(i).forward(ps, new NDList(h), training).singletonOrThrow();
        return Activation.sigmoid(logit.reshape(-1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        Shape[] out = new Shape[2 * arch.blocks()];
        for (int i = 0; i < arch.blocks(); i++) {
            out[i] = new Shape(b, (long) arch.horizon() * arch.dimension());
            out[arch.blocks() + i] = new Shape(b);
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes);
        Shape[] hidden = embedding.getOutputShapes(inputShapes);
        for (int i = 0; i < arch.blocks(); i++) {
            blocks.get(i).initialize(manager, dataType, hidden);
            exits.get(i).initialize(manager, dataType, hidden);
            uems.get(i).initialize(manager, dataType, hidden);
        }
    }
}
