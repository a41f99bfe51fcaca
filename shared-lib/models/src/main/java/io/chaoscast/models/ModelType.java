package io.chaoscast.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The model types, with the one name each has everywhere: training requests, job records, the
 * registry, artifacts and inference. Older spellings are accepted as aliases and read as the
 * canonical name ({@code linear-ar}, written by artifacts before this registry, is {@code linear}).
 */
public enum ModelType {
    EARLY_EXIT("early-exit"),
    NVAR("nvar"),
    LINEAR("linear", "linear-ar"),
    ESN("esn"),
    PERSISTENCE("persistence");

    private final String id;
    private final List<String> aliases;

    ModelType(String id, String... aliases) {
        this.id = id;
        this.aliases = List.of(aliases);
    }

    /** The canonical name. */
    public String id() {
        return id;
    }

    /** Other names read as this type. */
    public List<String> aliases() {
        return aliases;
    }

    /** Canonical names, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ModelType::id).toList();
    }

    /** The type of a canonical name or an alias (case-insensitive, trimmed), if any. */
    public static Optional<ModelType> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(n) || t.aliases.contains(n)).findFirst();
    }

    /** @throws IllegalArgumentException naming the known types */
    public static ModelType of(String name) {
        return find(name).orElseThrow(
                () -> new IllegalArgumentException("model type must be one of " + ids() + ", found '" + name + "'"));
    }
}
