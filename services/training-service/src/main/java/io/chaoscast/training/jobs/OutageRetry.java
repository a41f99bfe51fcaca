package io.chaoscast.training.jobs;

import io.chaoscast.contracts.datasets.DatasetClientException;
import io.chaoscast.contracts.results.ResultsApiException;
import io.chaoscast.contracts.results.ResultsClientException;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.CommonError;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Runs a step of a job again while what failed it is an outage (PostgreSQL, the results- or the
 * dataset-service not answering), with exponential backoff, for at most a bounded time. A job
 * survives a restart of its neighbours this way instead of failing; a real error (a 4xx, a bad
 * statement) is thrown at once.
 */
public final class OutageRetry {

    private static final Logger log = LoggerFactory.getLogger(OutageRetry.class);
    private static final long FIRST_PAUSE_MS = 250;
    private static final long MAX_PAUSE_MS = 10_000;

    private OutageRetry() {}

    /** Whether {@code e} says a neighbour is unreachable for now rather than that the step is wrong. */
    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResultsApiException r) {
                // The results-service answered: a refusal (409 on a finished run, 422 on a reused
                // key) will not change by asking again. Decided before ResultsClientException, the
                // unreachable service, which ResultsApiException extends.
                return r.status() >= 500 || r.status() == 429;
            }
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof ResultsClientException
                    || (t instanceof ApiException a && a.code() == CommonError.UPSTREAM_UNAVAILABLE)
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof DatasetClientException d && (d.status() <= 0 || d.status() >= 500)) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P") || s.getSQLState().startsWith("53"))) {
                // connection exceptions, admin shutdown / cannot connect now, insufficient resources
                return true;
            }
        }
        return false;
    }

    /**
     * Calls {@code step} until it succeeds, retrying outages for up to {@code tolerance}.
     *
     * @throws RuntimeException the step's own exception when it is no outage or the time is up
     */
    public static <T> T call(String what, Duration tolerance, Supplier<T> step) {
        long deadline = System.nanoTime() + tolerance.toNanos();
        long pause = FIRST_PAUSE_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = step.get();
                if (attempt > 1) {
                    log.info("{} succeeded after {} attempts", what, attempt);
                }
                return result;
            } catch (RuntimeException e) {
                if (!isOutage(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                log.warn("{} failed (attempt {}), retrying in {} ms: {}", what, attempt, pause, e.toString());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new JobCancelledException("interrupted while waiting to retry " + what, false);
                }
                pause = Math.min(MAX_PAUSE_MS, pause * 2);
            }
        }
    }

    public static void run(String what, Duration tolerance, Runnable step) {
        call(what, tolerance, () -> {
            step.run();
            return null;
        });
    }
}
