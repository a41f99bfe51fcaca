package io.chaoscast.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a kustomization two ways: with {@code kubectl kustomize} when kubectl is installed, and
 * with this small renderer that understands exactly the features deploy/k8s uses (resources,
 * namespace, labels, images, replicas, strategic-merge and JSON 6902 patches). The second keeps
 * every check running on a machine without kubectl; a test compares the two where both exist.
 */
final class Kustomization {

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.");

    private Kustomization() {}

    private static final Map<String, Rendering> KUBECTL_RENDERINGS = new ConcurrentHashMap<>();

    /** kubectl's rendering, or empty with the reason when kubectl (or a new enough one) is absent. */
    static Rendering kubectl(String directory) {
        return KUBECTL_RENDERINGS.computeIfAbsent(directory, Kustomization::runKubectl);
    }

    private static Rendering runKubectl(String directory) {
        Optional<ExternalTool.Result> version =
                ExternalTool.run(List.of("kubectl", "version", "--client"));
        if (version.isEmpty()) {
            return Rendering.unavailable("kubectl is not installed (deploy/ci-prereqs.sh installs it)");
        }
        Matcher matcher = KUSTOMIZE_VERSION.matcher(version.get().stdout());
        if (!matcher.find() || Integer.parseInt(matcher.group(1)) < 4) {
            return Rendering.unavailable(
                    "kubectl's built-in kustomize is older than v4 (no labels/replicas fields): "
                            + version.get().stdout().strip());
        }
        ExternalTool.Result result =
                ExternalTool.run(List.of("kubectl", "kustomize", directory)).orElseThrow();
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + directory + " failed: " + result.stderr());
        }
        return Rendering.of(RepositoryFiles.yamlDocuments(result.stdout()));
    }

    /** Renders with the built-in renderer. */
    static List<Map<String, Object>> render(String directory) {
        return render(RepositoryFiles.path(directory));
    }

    static List<Map<String, Object>> render(Path directory) {
        Map<String, Object> kustomization =
                Trees.map(RepositoryFiles.yaml(RepositoryFiles.read(directory.resolve("kustomization.yaml"))));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : Trees.list(kustomization.get("resources"))) {
            Path resource = directory.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(render(resource));
            } else {
                for (Map<String, Object> document :
                        RepositoryFiles.yamlDocuments(RepositoryFiles.read(resource))) {
                    resources.add(Trees.map(Trees.copy(document)));
                }
            }
        }
        for (Map<String, Object> patch : Trees.maps(kustomization.get("patches"))) {
            applyPatch(directory, patch, resources);
        }
        String namespace = Trees.string(kustomization.get("namespace"));
        for (Map<String, Object> resource : resources) {
            Map<String, Object> metadata = Trees.mapAt(resource, "metadata");
            if (namespace != null && !"Namespace".equals(resource.get("kind"))) {
                metadata.put("namespace", namespace);
            }
            for (Map<String, Object> labels : Trees.maps(kustomization.get("labels"))) {
                Map<String, Object> existing = Trees.map(metadata.get("labels"));
                existing.putAll(Trees.map(labels.get("pairs")));
                metadata.put("labels", existing);
            }
        }
        for (Map<String, Object> replicas : Trees.maps(kustomization.get("replicas"))) {
            resources.stream()
                    .filter(resource -> replicas.get("name").equals(Trees.stringAt(resource, "metadata.name")))
                    .filter(resource -> Trees.at(resource, "spec.template") != null)
                    .forEach(resource -> Trees.mapAt(resource, "spec").put("replicas", replicas.get("count")));
        }
        for (Map<String, Object> image : Trees.maps(kustomization.get("images"))) {
            for (Map<String, Object> container : containers(resources)) {
                String current = Trees.string(container.get("image"));
                String name = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                if (name.equals(image.get("name"))) {
                    String newName = Optional.ofNullable(Trees.string(image.get("newName"))).orElse(name);
                    String tag =
                            Optional.ofNullable(Trees.string(image.get("newTag")))
                                    .orElse(current.substring(current.lastIndexOf(':') + 1));
                    container.put("image", newName + ":" + tag);
                }
            }
        }
        return resources;
    }

    static List<Map<String, Object>> containers(List<Map<String, Object>> resources) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            containers.addAll(Trees.maps(Trees.at(resource, "spec.template.spec.containers")));
        }
        return containers;
    }

    private static void applyPatch(
            Path directory, Map<String, Object> patch, List<Map<String, Object>> resources) {
        Object content = RepositoryFiles.yaml(RepositoryFiles.read(directory.resolve(String.valueOf(patch.get("path")))));
        Map<String, Object> target = Trees.map(patch.get("target"));
        if (content instanceof List<?> operations) {
            for (Map<String, Object> resource : resources) {
                if (matches(resource, target)) {
                    for (Object operation : operations) {
                        JsonPatch.apply(resource, Trees.map(operation));
                    }
                }
            }
            return;
        }
        Map<String, Object> strategic = Trees.map(content);
        Map<String, Object> selector = new LinkedHashMap<>(target);
        selector.putIfAbsent("kind", strategic.get("kind"));
        selector.putIfAbsent("name", Trees.stringAt(strategic, "metadata.name"));
        for (Map<String, Object> resource : resources) {
            if (matches(resource, selector)) {
                StrategicMerge.merge(resource, strategic);
            }
        }
    }

    private static boolean matches(Map<String, Object> resource, Map<String, Object> target) {
        return (target.get("kind") == null || target.get("kind").equals(resource.get("kind")))
                && (target.get("name") == null
                        || target.get("name").equals(Trees.stringAt(resource, "metadata.name")));
    }

    /** kubectl's output, or why there is none. */
    record Rendering(List<Map<String, Object>> resources, String unavailableBecause) {

        static Rendering of(List<Map<String, Object>> resources) {
            return new Rendering(resources, null);
        }

        static Rendering unavailable(String reason) {
            return new Rendering(List.of(), reason);
        }

        boolean available() {
            return unavailableBecause == null;
        }
    }

    /** Strategic merge as kustomize does it for the shapes used here: lists keyed by "name". */
    static final class StrategicMerge {

        private StrategicMerge() {}

        static void merge(Map<String, Object> target, Map<String, Object> patch) {
            for (Map.Entry<String, Object> entry : patch.entrySet()) {
                Object current = target.get(entry.getKey());
                Object update = entry.getValue();
                if (current instanceof Map<?, ?> && update instanceof Map<?, ?>) {
                    merge(Trees.map(current), Trees.map(update));
                } else if (current instanceof List<?> && update instanceof List<?> && keyedByName(update)) {
                    mergeNamed(Trees.list(current), Trees.list(update));
                } else {
                    target.put(entry.getKey(), Trees.copy(update));
                }
            }
        }

        private static boolean keyedByName(Object list) {
            return Trees.list(list).stream()
                    .allMatch(item -> item instanceof Map<?, ?> map && map.containsKey("name"));
        }

        private static void mergeNamed(List<Object> current, List<Object> update) {
            for (Object item : update) {
                Map<String, Object> patchItem = Trees.map(item);
                Optional<Map<String, Object>> existing =
                        current.stream()
                                .map(Trees::map)
                                .filter(candidate -> patchItem.get("name").equals(candidate.get("name")))
                                .findFirst();
                if (existing.isPresent()) {
                    merge(existing.get(), patchItem);
                } else {
                    current.add(Trees.copy(patchItem));
                }
            }
        }
    }

    /** The JSON 6902 operations used here: add, replace and remove on a JSON pointer. */
    static final class JsonPatch {

        private JsonPatch() {}

        static void apply(Map<String, Object> document, Map<String, Object> operation) {
            String op = Trees.string(operation.get("op"));
            String[] steps = Trees.string(operation.get("path")).substring(1).split("/");
            Object parent = document;
            for (int i = 0; i < steps.length - 1; i++) {
                parent = child(parent, unescape(steps[i]));
            }
            String last = unescape(steps[steps.length - 1]);
            if (parent instanceof List<?>) {
                List<Object> list = Trees.list(parent);
                int index = last.equals("-") ? list.size() : Integer.parseInt(last);
                switch (op) {
                    case "add" -> list.add(index, Trees.copy(operation.get("value")));
                    case "replace" -> list.set(index, Trees.copy(operation.get("value")));
                    case "remove" -> list.remove(index);
                    default -> throw new IllegalArgumentException("Unsupported op " + op);
                }
            } else {
                Map<String, Object> map = Trees.map(parent);
                switch (op) {
                    case "add", "replace" -> map.put(last, Trees.copy(operation.get("value")));
                    case "remove" -> map.remove(last);
                    default -> throw new IllegalArgumentException("Unsupported op " + op);
                }
            }
        }

        private static Object child(Object parent, String step) {
            Object child =
                    parent instanceof List<?> list
                            ? list.get(Integer.parseInt(step))
                            : Trees.map(parent).get(step);
            if (child == null) {
                throw new IllegalArgumentException("JSON patch path step missing: " + step);
            }
            return child;
        }

        private static String unescape(String step) {
            return step.replace("~1", "/").replace("~0", "~");
        }
    }
}
