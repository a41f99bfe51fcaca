package io.chaoscast.testsupport.fuzz;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run saw: how many requests, the count of each status, and every answer that broke
 * the rule (a 5xx, a 4xx that is not {@code application/problem+json}, a hang, a dropped
 * connection).
 *
 * @param byOperation the statuses of each operation ({@code METHOD /path/{param}})
 * @param connectionClosed over-limit bodies answered by closing the connection after (or instead
 *     of) the 413, counted apart: not a failure, the server refused to read them
 */
public record FuzzResult(String service, long seed, int requests, Map<Integer, Integer> statuses,
        Map<String, Map<Integer, Integer>> byOperation, int connectionClosed, List<Failure> failures, double seconds) {

    /** One broken answer, with what it takes to repeat it. */
    public record Failure(String method, String target, String contentType, String body, String outcome) {
        @Override
        public String toString() {
            String b = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "...(" + body.length() + " chars)" : body;
            return method + " " + (target.length() > 300 ? target.substring(0, 300) + "..." : target)
                    + (contentType == null ? "" : " [" + contentType + "]") + " " + b + "\n    -> " + outcome;
        }
    }

    public int serverErrors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("fuzz %s: %d requests in %.1f s (seed %d), %d x 5xx, %d failures, statuses %s",
                service, requests, seconds, seed, serverErrors(), failures.size(), new TreeMap<>(statuses)));
        if (connectionClosed > 0) {
            sb.append(", ").append(connectionClosed).append(" over-limit bodies cut off by closing the connection");
        }
        new TreeMap<>(byOperation).forEach((op, counts) -> sb.append("\n  ").append(op).append(' ').append(new TreeMap<>(counts)));
        for (Failure f : failures.subList(0, Math.min(25, failures.size()))) {
            sb.append("\n  ").append(f);
        }
        return sb.toString();
    }
}
