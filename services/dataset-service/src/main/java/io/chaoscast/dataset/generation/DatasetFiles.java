package io.chaoscast.dataset.generation;

import io.chaoscast.dataset.config.DatasetProperties;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The file cache of dataset bytes: {@code <directory>/<id>.npy}. Files are written under a
 * temporary name and renamed atomically once complete, so a reader never sees a partial file.
 */
@Component
public class DatasetFiles {

    private static final Logger log = LoggerFactory.getLogger(DatasetFiles.class);
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path directory;
    /** Files whose bytes this process wrote or checked against their checksum. */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    public DatasetFiles(DatasetProperties properties) {
        this.directory = properties.directory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create dataset directory " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    public Path path(String id) {
        return directory.resolve(id + ".npy");
    }

    /**
     * A fresh temporary name beside the final file. A random 64-bit suffix, not {@code
     * Files.createTempFile}, which seeds a SecureRandom and sets permissions on every call: the
     * generator creates the file itself, and two generations of one id in one directory (two
     * replicas, a retry) collide with probability 2^-64.
     */
    public Path newTemp(String id) throws IOException {
        return directory.resolve(id + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
    }

    /** Makes a complete temporary file visible under its final name, in one step. */
    public void publish(Path temp, String id) throws IOException {
        try {
            Files.move(temp, path(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path(id), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The cached file when it exists with the expected size; a truncated file counts as missing. */
    public boolean isComplete(String id, long sizeBytes) {
        try {
            Path p = path(id);
            return Files.isRegularFile(p) && Files.size(p) == sizeBytes;
        } catch (IOException e) {
            return false;
        }
    }

    public boolean isVerified(String id) {
        return verified.contains(id);
    }

    public void markVerified(String id) {
        verified.add(id);
    }

    public void forget(String id) {
        verified.remove(id);
    }

    /** Whether the cached file holds exactly this header followed by data with this SHA-256. */
    public boolean contentMatches(String id, byte[] header, String checksum) {
        MessageDigest md = RecipeIds.sha256();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path(id)), 1 << 16)) {
            if (!Arrays.equals(in.readNBytes(header.length), header)) {
                return false;
            }
            byte[] chunk = new byte[1 << 16];
            int r;
            while ((r = in.read(chunk)) > 0) {
                md.update(chunk, 0, r);
            }
        } catch (IOException e) {
            return false;
        }
        return HexFormat.of().formatHex(md.digest()).equals(checksum);
    }

    public void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", p, e.toString());
        }
    }

    /**
     * Deletes temporary files not written for {@code olderThan} whose dataset is not {@code
     * inUse}: a generation still running writes its file at least once per buffer, but one in a
     * long silent transient may not, so its id is asked too.
     */
    public void removeAbandonedTemps(Duration olderThan, Predicate<String> inUse) {
        Instant limit = Instant.now().minus(olderThan);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, "*" + TEMP_SUFFIX)) {
            for (Path p : temps) {
                String name = p.getFileName().toString();
                String id = name.substring(0, Math.max(0, name.indexOf('.')));
                if (Files.getLastModifiedTime(p).toInstant().isBefore(limit) && !inUse.test(id)) {
                    log.info("removing {}, left by a generation that did not finish", name);
                    deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            log.warn("could not clean {}: {}", directory, e.toString());
        }
    }
}
