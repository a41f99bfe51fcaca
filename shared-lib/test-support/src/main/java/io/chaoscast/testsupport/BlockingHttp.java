package io.chaoscast.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP exchange with the admin token, for benchmarks: {@code HttpURLConnection} does its I/O in
 * the calling thread on a kept-alive connection, as most HTTP libraries do, where the JDK's
 * {@code HttpClient} hands every exchange to an executor thread and back, which costs about a
 * millisecond on a loaded 2-core machine.
 */
public final class BlockingHttp {

    private BlockingHttp() {}

    /**
     * @param json the request body (sent as {@code application/json}), or null for none
     * @return the answer's bytes
     * @throws IllegalStateException when the status is not {@code expectedStatus}
     */
    public static byte[] exchange(String method, String url, String json, int expectedStatus, String accept) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestMethod(method);
            c.setRequestProperty("Authorization", TestTokens.AUTHORIZATION);
            c.setRequestProperty("Accept", accept);
            if (json != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(json.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            if (status != expectedStatus) {
                throw new IllegalStateException(method + " " + url + ": expected " + expectedStatus + ", got " + status);
            }
            try (InputStream in = c.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
