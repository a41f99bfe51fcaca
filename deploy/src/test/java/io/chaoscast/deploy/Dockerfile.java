package io.chaoscast.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way the builder reads it: comment lines dropped (also inside continued
 * instructions), backslash continuations joined, instructions grouped into stages.
 */
record Dockerfile(Map<String, String> globalArgs, List<Stage> stages) {

    record Instruction(String keyword, String arguments) {}

    record Stage(String name, String base, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> matching = all(keyword);
            return matching.isEmpty()
                    ? Optional.empty()
                    : Optional.of(matching.get(matching.size() - 1));
        }

        /** ENV values of this stage, both the {@code K=V K2=V2} and the {@code K V} form. */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            for (Instruction instruction : all("ENV")) {
                env.putAll(keyValues(instruction.arguments()));
            }
            return env;
        }

        String runScript() {
            StringBuilder script = new StringBuilder();
            all("RUN").forEach(run -> script.append(run.arguments()).append('\n'));
            return script.toString();
        }
    }

    private static final Pattern FROM =
            Pattern.compile("(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_VALUE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

    static Dockerfile parse(String text) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                logical.add(current.toString().strip());
                current.setLength(0);
            }
        }
        Map<String, String> globalArgs = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        Stage stage = null;
        for (String instructionLine : logical) {
            if (instructionLine.isEmpty()) {
                continue;
            }
            String[] parts = instructionLine.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                Matcher from = FROM.matcher(arguments);
                if (!from.matches()) {
                    throw new IllegalArgumentException("Unreadable FROM: " + arguments);
                }
                stage = new Stage(from.group(2), from.group(1), new ArrayList<>());
                stages.add(stage);
            } else if (stage == null) {
                if (!keyword.equals("ARG")) {
                    throw new IllegalArgumentException("Only ARG may precede FROM: " + keyword);
                }
                String[] arg = arguments.split("=", 2);
                globalArgs.put(arg[0], arg.length > 1 ? arg[1] : null);
            } else {
                stage.instructions().add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(globalArgs, stages);
    }

    Stage stage(String name) {
        return stages.stream()
                .filter(stage -> name.equals(stage.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No stage named " + name));
    }

    boolean hasStage(String name) {
        return stages.stream().anyMatch(stage -> name.equals(stage.name()));
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    static Map<String, String> keyValues(String arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = KEY_VALUE.matcher(arguments);
        boolean any = false;
        while (matcher.find()) {
            any = true;
            String value = matcher.group(2);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(matcher.group(1), value);
        }
        if (!any) {
            String[] legacy = arguments.split("\\s+", 2);
            values.put(legacy[0], legacy.length > 1 ? legacy[1] : "");
        }
        return values;
    }

    /** Replaces {@code ${NAME}} and {@code $NAME} with the given build arguments. */
    static String substitute(String text, Map<String, String> args) {
        String result = text;
        for (Map.Entry<String, String> arg : args.entrySet()) {
            result =
                    result.replace("${" + arg.getKey() + "}", arg.getValue())
                            .replaceAll("\\$" + arg.getKey() + "\\b", Matcher.quoteReplacement(arg.getValue()));
        }
        return result;
    }
}
