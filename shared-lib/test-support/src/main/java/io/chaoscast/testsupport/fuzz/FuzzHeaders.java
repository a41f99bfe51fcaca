package io.chaoscast.testsupport.fuzz;

import io.chaoscast.testsupport.TestTokens;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every fuzzed request carries, built in this one place: when the services ask who is
 * calling, the credentials the fuzzer presents (an admin token, so that every operation is reached
 * and not refused at the door) are added here and nowhere else.
 */
public final class FuzzHeaders {

    private FuzzHeaders() {}

    /** Headers sent with every request, before the request's own (Content-Type, Accept). */
    public static Map<String, String> common() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", "chaoscast-api-fuzz");
        h.put("Authorization", TestTokens.AUTHORIZATION);
        return h;
    }

    static HttpRequest.Builder apply(HttpRequest.Builder b) {
        common().forEach(b::header);
        return b;
    }
}
