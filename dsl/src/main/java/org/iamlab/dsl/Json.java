package org.iamlab.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groovy values (maps, lists, GStrings) to plain JSON values and text. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            return normalizeMap(m);
        }
        if (v instanceof Iterable<?> many) {
            List<Object> out = new ArrayList<>();
            many.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (v instanceof Object[] array) {
            return normalize(List.of(array));
        }
        if (v == null || v instanceof Boolean || v instanceof Number || v instanceof String) {
            return v;
        }
        return Refs.arnOf(v);
    }

    static Map<String, Object> normalizeMap(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.toString(), normalize(v)));
        return out;
    }

    static String write(Object value) {
        try {
            return PRETTY.writeValueAsString(normalize(value));
        } catch (JsonProcessingException e) {
            throw new DslException("cannot write the value as JSON: " + e.getOriginalMessage());
        }
    }
}
