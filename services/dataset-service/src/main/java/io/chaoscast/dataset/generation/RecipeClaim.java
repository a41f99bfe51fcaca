package io.chaoscast.dataset.generation;

import io.chaoscast.contracts.datasets.DatasetResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The claim of a small recipe, run on another thread while the request's own thread already
 * integrates: either this request recorded the recipe as generating (empty), or an earlier
 * identical recipe's row was found. The durable commit of the claim overlaps the integration
 * instead of following it, and a recipe that is ready already stops the integration as soon as
 * the claim answers (within 1024 points).
 */
final class RecipeClaim {

    private final CompletableFuture<Optional<DatasetRow>> claim;

    private RecipeClaim(CompletableFuture<Optional<DatasetRow>> claim) {
        this.claim = claim;
    }

    /** @param claimOrFind empty when the recipe is now claimed by this request, else the earlier row */
    static RecipeClaim start(Supplier<Optional<DatasetRow>> claimOrFind, Executor executor) {
        return new RecipeClaim(CompletableFuture.supplyAsync(claimOrFind, executor));
    }

    /** Without waiting: whether the claim already found a ready row, which makes generating again pointless. */
    boolean foundReady() {
        if (!claim.isDone() || claim.isCompletedExceptionally()) {
            return false;
        }
        return claim.join().map(r -> DatasetResponse.READY.equals(r.status())).orElse(false);
    }

    /** The earlier row, or empty when this request owns the recipe, waiting for the claim; its failure is rethrown as thrown. */
    Optional<DatasetRow> await() {
        try {
            return claim.join();
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

    /** Runs {@code action} once the claim succeeded for this request, now or when it does. */
    void whenOwned(Runnable action) {
        claim.thenAccept(row -> {
            if (row.isEmpty()) {
                action.run();
            }
        });
    }
}
