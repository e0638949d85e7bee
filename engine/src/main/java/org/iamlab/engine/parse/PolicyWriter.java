package org.iamlab.engine.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamlab.engine.policy.Condition;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PrincipalElement;
import org.iamlab.engine.policy.PrincipalType;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.policy.StringList;

/**
 * Writes a {@link PolicyDocument} as AWS policy JSON: elements in the order the IAM User Guide shows them,
 * single values as strings where the source wrote them so, condition operators as written.
 */
public final class PolicyWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private PolicyWriter() {
    }

    /** Compact JSON. */
    public static String write(PolicyDocument document) {
        return write(document, false);
    }

    /** JSON, indented when {@code pretty}. */
    public static String write(PolicyDocument document, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            if (document.version() != null) {
                g.writeStringField("Version", document.version());
            }
            if (document.id() != null) {
                g.writeStringField("Id", document.id());
            }
            g.writeFieldName("Statement");
            if (document.statementWrittenAsObject()) {
                writeStatement(g, document.statements().get(0));
            } else {
                g.writeStartArray();
                for (Statement s : document.statements()) {
                    writeStatement(g, s);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeStatement(JsonGenerator g, Statement s) throws IOException {
        g.writeStartObject();
        if (s.sid() != null) {
            g.writeStringField("Sid", s.sid());
        }
        g.writeStringField("Effect", s.effect().json());
        if (s.principal() != null) {
            writePrincipal(g, s.principal());
        }
        writeStrings(g, s.action().jsonName(), s.action().patterns());
        if (s.resource() != null) {
            writeStrings(g, s.resource().jsonName(), s.resource().patterns());
        }
        if (!s.conditions().isEmpty()) {
            writeConditions(g, s.conditions());
        }
        g.writeEndObject();
    }

    private static void writePrincipal(JsonGenerator g, PrincipalElement p) throws IOException {
        if (p.everyone()) {
            g.writeStringField(p.jsonName(), "*");
            return;
        }
        g.writeObjectFieldStart(p.jsonName());
        for (Map.Entry<PrincipalType, StringList> e : p.principals().entrySet()) {
            writeStrings(g, e.getKey().json(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeConditions(JsonGenerator g, List<Condition> conditions) throws IOException {
        Map<String, Map<String, StringList>> byOperator = new LinkedHashMap<>();
        for (Condition c : conditions) {
            byOperator.computeIfAbsent(c.operatorText(), k -> new LinkedHashMap<>()).put(c.key(), c.values());
        }
        g.writeObjectFieldStart("Condition");
        for (Map.Entry<String, Map<String, StringList>> op : byOperator.entrySet()) {
            g.writeObjectFieldStart(op.getKey());
            for (Map.Entry<String, StringList> key : op.getValue().entrySet()) {
                writeStrings(g, key.getKey(), key.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String field, StringList values) throws IOException {
        if (values.writtenAsString()) {
            g.writeStringField(field, values.values().get(0));
            return;
        }
        g.writeArrayFieldStart(field);
        for (String v : values.values()) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
