package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.DatasetResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The database lookup of an earlier identical recipe, run on another thread while the request's
 * own thread already integrates: the round trip no longer delays a new dataset, and a recipe
 * posted before stops the integration as soon as the lookup answers (within 1024 points).
 */
final class EarlierRecipe {

    private final CompletableFuture<Optional<DatasetRow>> lookup;

    private EarlierRecipe(CompletableFuture<Optional<DatasetRow>> lookup) {
        this.lookup = lookup;
    }

    static EarlierRecipe lookUp(Supplier<Optional<DatasetRow>> find, Executor executor) {
        return new EarlierRecipe(CompletableFuture.supplyAsync(find, executor));
    }

    /** Without waiting: whether the lookup already found a row that makes generating again pointless. */
    boolean foundUsable() {
        if (!lookup.isDone() || lookup.isCompletedExceptionally()) {
            return false;
        }
        return usable(lookup.join());
    }

    /** The earlier row, waiting for the lookup; its failure is rethrown as it was thrown. */
    Optional<DatasetRow> await() {
        try {
            return lookup.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** A failed dataset is generated again when its recipe is posted again; any other row is kept. */
    static boolean usable(Optional<DatasetRow> row) {
        return row.isPresent() && !DatasetResponse.FAILED.equals(row.get().status());
    }
}
