package io.chaoscast.dataset.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of on-demand Lyapunov estimation ({@code chaoscast.lyapunov.*}), so that one request
 * cannot hold a server thread for minutes.
 *
 * @param defaultDurationPeriods averaging duration when the request names none
 * @param maxDurationPeriods longest averaging duration accepted
 * @param transientPeriods periods discarded before averaging
 * @param stepsPerPeriod assumed integrator steps per period of a flow, for the work estimate
 * @param maxWork largest estimated work accepted: periods x stepsPerPeriod (1 for maps) x
 *     dimension x (tangent vectors + 1)
 * @param maxConcurrent estimates running at once; more answer 429
 * @param timeout wall-clock budget of one estimate; one that runs past it is stopped and answered
 *     with 400 (the work estimate cannot foresee stiff or slowly escaping orbits)
 */
@ConfigurationProperties("chaoscast.lyapunov")
public record LyapunovProperties(
        @DefaultValue("200") double defaultDurationPeriods,
        @DefaultValue("2000") double maxDurationPeriods,
        @DefaultValue("20") double transientPeriods,
        @DefaultValue("200") double stepsPerPeriod,
        @DefaultValue("100000000") double maxWork,
        @DefaultValue("2") int maxConcurrent,
        @DefaultValue("30s") Duration timeout) {}
