package org.iamlab.dsl.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iamlab.engine.parse.Hints;

/** The {@code --name value} options of one command; {@code file://} values are read from files. */
final class Args {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Path baseDir;
    private final Set<String> used = new java.util.HashSet<>();

    Args(List<String> words, Path baseDir) {
        this.baseDir = baseDir;
        String current = null;
        for (String w : words) {
            if (w.startsWith("--")) {
                current = w;
                values.computeIfAbsent(current, k -> new ArrayList<>());
            } else if (current == null) {
                throw new AwsCliException(0, "unrecognized arguments: " + w, null);
            } else {
                values.get(current).add(w);
            }
        }
    }

    boolean has(String option) {
        used.add(option);
        return values.containsKey(option);
    }

    /** The option's single value, or {@code null} when absent. */
    String opt(String option) {
        used.add(option);
        List<String> v = values.get(option);
        if (v == null) {
            return null;
        }
        if (v.isEmpty()) {
            throw new AwsCliException(0, "argument " + option + ": expected one argument", null);
        }
        return file(v.get(0));
    }

    String req(String option) {
        String v = opt(option);
        if (v == null) {
            throw new AwsCliException(0, "the following arguments are required: " + option, null);
        }
        return v;
    }

    List<String> list(String option) {
        used.add(option);
        List<String> out = new ArrayList<>();
        for (String v : values.getOrDefault(option, List.of())) {
            out.add(file(v));
        }
        return out;
    }

    List<String> reqList(String option) {
        List<String> v = list(option);
        if (v.isEmpty()) {
            throw new AwsCliException(0, "the following arguments are required: " + option, null);
        }
        return v;
    }

    private String file(String v) {
        if (v.startsWith("file://")) {
            Path p = Path.of(v.substring("file://".length()));
            Path resolved = p.isAbsolute() ? p : baseDir.resolve(p);
            try {
                return Files.readString(resolved);
            } catch (IOException e) {
                throw new AwsCliException(0, "Error parsing parameter: Unable to load paramfile " + v
                        + ": [Errno 2] No such file or directory: '" + p + "'", null);
            }
        }
        return v;
    }

    /** Options given that the command does not know. */
    void checkUnknown(List<String> known) {
        for (String option : values.keySet()) {
            if (!used.contains(option)) {
                String hint = Hints.didYouMean(option, known);
                throw new AwsCliException(0, "Unknown options: " + option, hint);
            }
        }
    }

    /** {@code Key=team,Value=blue} shorthand into a map. */
    static Map<String, String> shorthand(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String lastKey = null;
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                lastKey = part.substring(0, eq).strip();
                out.put(lastKey, part.substring(eq + 1).strip());
            } else if (lastKey != null) {
                out.put(lastKey, out.get(lastKey) + "," + part.strip());
            }
        }
        return out;
    }
}
