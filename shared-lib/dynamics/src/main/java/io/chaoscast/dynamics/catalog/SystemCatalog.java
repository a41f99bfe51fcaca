package io.chaoscast.dynamics.catalog;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every system ChaosCast knows, by unique name. Adding a system means adding an entry to one of
 * the definition classes; no new machinery.
 */
public final class SystemCatalog {

    private static final SystemCatalog DEFAULT = new SystemCatalog(defaultSystems());

    private final Map<String, ChaoticSystem> byName;
    private final Map<String, ChaoticSystem> byLowerName;

    public SystemCatalog(List<ChaoticSystem> systems) {
        Map<String, ChaoticSystem> m = new LinkedHashMap<>();
        Map<String, ChaoticSystem> lower = new LinkedHashMap<>();
        for (ChaoticSystem s : systems) {
            if (lower.put(s.name().toLowerCase(Locale.ROOT), s) != null) {
                throw new IllegalStateException("duplicate system name " + s.name());
            }
            m.put(s.name(), s);
        }
        this.byName = Collections.unmodifiableMap(m);
        this.byLowerName = lower;
    }

    /** The built-in catalog. */
    public static SystemCatalog standard() {
        return DEFAULT;
    }

    private static List<ChaoticSystem> defaultSystems() {
        List<ChaoticSystem> all = new ArrayList<>();
        all.addAll(ClassicFlows.systems());
        all.addAll(SprottFlows.systems());
        all.addAll(HyperchaoticFlows.systems());
        all.addAll(CircuitFlows.systems());
        all.addAll(ChemicalBiologicalFlows.systems());
        all.addAll(MechanicalFlows.systems());
        all.addAll(ElementaryFlows.systems());
        all.addAll(LifeScienceFlows.systems());
        all.addAll(ForcedFlows.systems());
        all.addAll(ClassicMaps.systems());
        all.addAll(PlaneMaps.systems());
        all.addAll(IntervalMaps.systems());
        all.addAll(IteratedMaps.systems());
        all.addAll(DelaySystems.systems());
        return all;
    }

    public List<ChaoticSystem> all() {
        return List.copyOf(byName.values());
    }

    public List<ChaoticSystem> ofKind(SystemKind kind) {
        return byName.values().stream().filter(s -> s.kind() == kind).toList();
    }

    /** Exact name first, then case-insensitive, so {@code lorenz} finds {@code Lorenz}. */
    public Optional<ChaoticSystem> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        ChaoticSystem s = byName.get(name);
        if (s == null) {
            s = byLowerName.get(name.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(s);
    }

    public int size() {
        return byName.size();
    }
}
