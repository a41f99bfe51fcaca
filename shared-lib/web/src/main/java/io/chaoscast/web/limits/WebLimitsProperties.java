package io.chaoscast.web.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every service applies to every request (env {@code CHAOSCAST_WEB_MAX_BODY_SIZE}, ...).
 *
 * @param maxBodySize largest request body; a longer one is answered {@code 413 payload-too-large}
 *     before or while it is read
 * @param ownBodyLimitPaths path patterns (e.g. {@code /api/v1/runs/*}{@code /artifacts/**}) whose
 *     endpoints enforce a limit of their own instead (artifact uploads, gateway forwarding)
 * @param maxPageSize largest {@code size} a paged listing accepts
 */
@ConfigurationProperties("chaoscast.web")
public record WebLimitsProperties(
        @DefaultValue("16MB") DataSize maxBodySize,
        @DefaultValue List<String> ownBodyLimitPaths,
        @DefaultValue("500") int maxPageSize) {}
