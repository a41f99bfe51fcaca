package io.chaoscast.results.artifacts;

import io.chaoscast.results.web.ResultsError;
import io.chaoscast.web.problem.ApiException;
import io.chaoscast.web.problem.ClientGoneException;
import io.chaoscast.web.problem.CommonError;
import io.chaoscast.contracts.results.ArtifactResponse;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.results.artifacts.ArtifactRepository.StoredArtifact;
import io.chaoscast.results.idempotency.IdempotentWrites;
import io.chaoscast.results.runs.RunRepository;
import io.chaoscast.results.web.Fields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/runs/{id}/artifacts}: binary uploads and downloads, streamed both ways. An
 * artifact is immutable once stored: a second upload under the same name is a 409 (a retry of the
 * same upload with its Idempotency-Key gets the original answer instead).
 */
@RestController
@RequestMapping("/api/v1/runs/{runId}/artifacts")
public class ArtifactController {

    private final ArtifactStore store;
    private final ArtifactRepository artifacts;
    private final RunRepository runs;
    private final IdempotentWrites idempotent;
    private final ArtifactsProperties limits;
    private final TransactionTemplate readOnly;

    ArtifactController(
            ArtifactStore store,
            ArtifactRepository artifacts,
            RunRepository runs,
            IdempotentWrites idempotent,
            ArtifactsProperties limits,
            TransactionTemplate tx) {
        this.store = store;
        this.artifacts = artifacts;
        this.runs = runs;
        this.idempotent = idempotent;
        this.limits = limits;
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    @PutMapping("/{name}")
    public ResponseEntity<ArtifactResponse> upload(
            @PathVariable UUID runId,
            @PathVariable String name,
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String key,
            HttpServletRequest request)
            throws IOException {
        Fields.safeName("name", name);
        String contentType = request.getContentType() == null ? "application/octet-stream" : request.getContentType();
        Fields.optional("Content-Type", contentType, Fields.MAX_KEY_LENGTH);
        long max = limits.maxSize().toBytes();
        if (request.getContentLengthLong() > max) {
            // Refused before a byte is read; Tomcat discards the rest (server.tomcat.max-swallow-size).
            throw new ApiException(CommonError.PAYLOAD_TOO_LARGE, "body",
                    "an artifact must be at most " + max + " bytes, found " + request.getContentLengthLong());
        }
        // The body is spooled to a temporary file first and only then copied into the database in
        // one short transaction: a slow uploader must not hold a pooled connection for its whole
        // upload (ten uploads over a bad link would otherwise starve every other request).
        Path spool = Files.createTempFile("chaoscast-artifact-", ".upload");
        try {
            spool(request, spool, max);
            return store(runId, name, key, contentType, spool, max);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private ResponseEntity<ArtifactResponse> store(
            UUID runId, String name, String key, String contentType, Path spool, long max) {
        String scope = "PUT /api/v1/runs/" + runId + "/artifacts/" + name;
        // The bytes are not known before they are stored, so the scope itself is the fingerprint.
        return idempotent.run(scope, key, scope, ArtifactResponse.class, () -> {
            RunStatus status = runs.lockStatus(runId, false).orElseThrow(() -> ApiException.notFound("run", runId));
            if (status.isTerminal()) {
                throw new ApiException(ResultsError.RUN_NOT_RUNNING, "runId",
                        "run " + runId + " is " + status.wireName() + "; only running runs take artifacts");
            }
            if (artifacts.find(runId, name).isPresent()) {
                throw new ApiException(ResultsError.ALREADY_EXISTS, "name",
                        "run " + runId + " already has an artifact '" + name + "'; artifacts are immutable");
            }
            ArtifactStore.Written written;
            try (InputStream in = Files.newInputStream(spool)) {
                written = store.write(in, max);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the spooled upload back", e);
            }
            ArtifactResponse stored =
                    artifacts.insert(runId, name, written.sha256(), written.size(), contentType, written.oid());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .eTag(quoted(stored.sha256()))
                    .body(stored);
        });
    }

    /** Copies the upload to {@code spool}, refusing it (413) once more than {@code max} bytes arrived. */
    private static void spool(HttpServletRequest request, Path spool, long max) {
        try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(spool)) {
            byte[] buf = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                size += n;
                if (size > max) {
                    throw new ApiException(CommonError.PAYLOAD_TOO_LARGE, "body",
                            "an artifact must be at most " + max + " bytes, found more");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // The client went away mid-upload: nothing is kept.
            throw new ApiException(CommonError.MALFORMED_BODY, "body", "the upload broke off: " + e.getMessage());
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<ArtifactResponse> list(@PathVariable UUID runId) {
        if (runs.find(runId).isEmpty()) {
            throw ApiException.notFound("run", runId);
        }
        return artifacts.list(runId);
    }

    /** Streams the bytes with {@code ETag} = their SHA-256; {@code If-None-Match} with it gives 304. */
    @GetMapping("/{name}")
    public void download(
            @PathVariable UUID runId,
            @PathVariable String name,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletResponse response) {
        // Only the look-up runs in a transaction; the bytes are streamed after it, chunk by chunk,
        // so that a slow client never holds a pooled database connection for the whole download.
        StoredArtifact a = readOnly.execute(tx -> artifacts.find(runId, name).orElseThrow(() -> {
            if (runs.find(runId).isEmpty()) {
                return ApiException.notFound("run", runId);
            }
            return new ApiException(CommonError.NOT_FOUND, "name", "run " + runId + " has no artifact '" + name + "'");
        }));
        String etag = quoted(a.metadata().sha256());
        response.setHeader(HttpHeaders.ETAG, etag);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(a.metadata().contentType());
        response.setContentLengthLong(a.metadata().sizeBytes());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        try {
            store.read(a.contentOid(), a.metadata().sizeBytes(), response.getOutputStream());
        } catch (IOException e) {
            // The client went away mid-download; nothing to answer to.
            throw new ClientGoneException(e);
        }
    }

    private static String quoted(String sha) {
        return "\"" + sha + "\"";
    }
}
