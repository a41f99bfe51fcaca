package io.chaoscast.results.artifacts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of artifact uploads.
 *
 * @param maxSize largest artifact accepted; a bigger upload is answered 413 and leaves nothing behind
 */
@ConfigurationProperties("results.artifacts")
public record ArtifactsProperties(@DefaultValue("512MB") DataSize maxSize) {}
