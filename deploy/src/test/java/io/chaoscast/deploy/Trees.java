package io.chaoscast.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small, typed access to parsed YAML (maps, lists and scalars), failing loudly on a bad shape. */
final class Trees {

    private Trees() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node == null) {
            return new LinkedHashMap<>();
        }
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("Expected a mapping, found: " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (node == null) {
            return new ArrayList<>();
        }
        if (!(node instanceof List<?>)) {
            throw new IllegalArgumentException("Expected a sequence, found: " + node);
        }
        return (List<Object>) node;
    }

    static List<Map<String, Object>> maps(Object node) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : list(node)) {
            maps.add(map(item));
        }
        return maps;
    }

    /** The node at a dotted path ({@code spec.template.spec}); null when any step is missing. */
    static Object at(Object node, String dottedPath) {
        Object current = node;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object node, String dottedPath) {
        return map(at(node, dottedPath));
    }

    static String string(Object node) {
        return node == null ? null : String.valueOf(node);
    }

    static String stringAt(Object node, String dottedPath) {
        return string(at(node, dottedPath));
    }

    /** Flattens nested mappings into dotted keys, as Spring reads application.yml. */
    static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> flat) {
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> child) {
                flatten(key, map(child), flat);
            } else {
                flat.put(key, entry.getValue());
            }
        }
    }

    /** A deep copy of maps and lists, so a renderer can edit without touching its input. */
    static Object copy(Object node) {
        if (node instanceof Map<?, ?> source) {
            Map<String, Object> target = new LinkedHashMap<>();
            source.forEach((key, value) -> target.put(String.valueOf(key), copy(value)));
            return target;
        }
        if (node instanceof List<?> source) {
            List<Object> target = new ArrayList<>();
            source.forEach(value -> target.add(copy(value)));
            return target;
        }
        return node;
    }
}
