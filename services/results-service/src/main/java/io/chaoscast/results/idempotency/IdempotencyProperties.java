package io.chaoscast.results.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long idempotency keys are remembered.
 *
 * @param retention a key older than this is forgotten, and a request reusing it is a new request
 */
@ConfigurationProperties("results.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention) {}
