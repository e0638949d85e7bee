package org.iamlab.lessons.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamlab.lessons.model.Location;

/**
 * Reads YAML into {@link Node}s that remember where they were written, with Jackson's YAML parser: Jackson's own
 * tree model forgets locations, and every mistake in an exercise file must be reported at its line.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String file;
    private final List<String> lines;

    private YamlTree(String file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
    }

    /** The document in {@code text}; {@code file} names it in locations. */
    static Node parse(String text, String file) {
        YamlTree tree = new YamlTree(file, text);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ExerciseFormatException(new Location(file, 1, 1), "the file is empty; it holds"
                        + " `exercises:`, a list of exercises");
            }
            return tree.value(p);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("").strip();
            throw new ExerciseFormatException(new Location(file, l == null ? 1 : Math.max(1, l.getLineNr()),
                    l == null ? 1 : Math.max(1, l.getColumnNr())), "not valid YAML: " + lowerFirst(message));
        } catch (IOException e) {
            throw new ExerciseFormatException(new Location(file, 1, 1), "cannot be read: " + e.getMessage());
        }
    }

    private Node value(JsonParser p) throws IOException {
        Location at = location(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Location> keys = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                keys.put(key, location(p.currentTokenLocation()));
                p.nextToken();
                entries.put(key, value(p));
            }
            return new Node.Mapping(entries, keys, at);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(p));
            }
            return new Node.Sequence(items, at);
        }
        String text = t == JsonToken.VALUE_NULL ? null : p.getText();
        return new Node.Scalar(text, contentStart(at), at);
    }

    /** A block scalar ({@code |} or {@code >}) starts on the line after its indicator. */
    private Location contentStart(Location at) {
        if (at.line() - 1 < lines.size()) {
            String line = lines.get(at.line() - 1);
            int i = at.column() - 1;
            if (i >= 0 && i < line.length() && (line.charAt(i) == '|' || line.charAt(i) == '>')) {
                return at.down(1);
            }
        }
        return at;
    }

    private Location location(JsonLocation l) {
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
