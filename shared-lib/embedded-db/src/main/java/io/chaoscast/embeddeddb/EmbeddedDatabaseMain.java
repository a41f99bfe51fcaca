package io.chaoscast.embeddeddb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded PostgreSQL until the process is told to stop. {@code ./chaoscast up} starts
 * it first and points every service at it.
 *
 * <p>Arguments: {@code --port=N} (default 54329), {@code --data=DIR} (default
 * {@code .chaoscast/pgdata}). Writes the JDBC URL to {@code --url-file} when given, so the
 * launcher script knows the server is ready.
 */
public final class EmbeddedDatabaseMain {

    private EmbeddedDatabaseMain() {}

    public static void main(String[] args) throws Exception {
        int port = 54329;
        Path data = Path.of(".chaoscast", "pgdata");
        Path urlFile = null;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--data=")) {
                data = Path.of(arg.substring("--data=".length()));
            } else if (arg.startsWith("--url-file=")) {
                urlFile = Path.of(arg.substring("--url-file=".length()));
            } else {
                System.err.println("unknown argument " + arg + "; expected --port=N, --data=DIR, --url-file=FILE");
                System.exit(2);
            }
        }
        Files.createDirectories(data);
        EmbeddedDatabase db = EmbeddedDatabase.start(port, data.toAbsolutePath());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        db.close();
                                    } catch (Exception e) {
                                        System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
                                    }
                                    stopped.countDown();
                                }));
        String url = db.jdbcUrl(EmbeddedDatabase.DATABASE);
        System.out.println("embedded PostgreSQL ready at " + url + " (user postgres, data in " + data + ")");
        if (urlFile != null) {
            Files.writeString(urlFile, url + System.lineSeparator());
        }
        stopped.await();
    }
}
