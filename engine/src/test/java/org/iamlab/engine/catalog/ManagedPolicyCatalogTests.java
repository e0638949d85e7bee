package org.iamlab.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.iamlab.engine.eval.CompiledPolicy;
import org.iamlab.engine.parse.PolicyWriter;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PolicyKind;
import org.junit.jupiter.api.Test;

class ManagedPolicyCatalogTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManagedPolicyCatalog catalog = ManagedPolicyCatalog.aws();

    @Test
    void holdsEveryPolicyOfThePackage() {
        assertEquals(1594, catalog.size());
    }

    @Test
    void looksPoliciesUpByNameAndByArnWithTheirPath() {
        ManagedPolicy lambda = catalog.get("AWSLambdaBasicExecutionRole");
        assertEquals("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", lambda.arn());
        assertEquals(lambda, catalog.get("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        assertEquals("arn:aws:iam::aws:policy/AdministratorAccess", catalog.get("AdministratorAccess").arn());
    }

    @Test
    void anUnknownNameSuggestsTheClosestPolicy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> catalog.get("ReadOnlyAcess"));
        assertTrue(e.getMessage().contains("did you mean `ReadOnlyAccess`?"), e.getMessage());
    }

    @Test
    void everyPolicyParsesCompilesAndReserialisesToAnEquivalentDocument() throws Exception {
        List<String> failures = new ArrayList<>();
        for (ManagedPolicy p : catalog.all()) {
            try {
                PolicyDocument document = p.document();
                CompiledPolicy.compile(document, PolicyKind.IDENTITY);
                JsonNode original = normalise(JSON.readTree(p.documentJson()));
                JsonNode written = normalise(JSON.readTree(PolicyWriter.write(document)));
                if (!original.equals(written)) {
                    failures.add(p.name() + ": re-serialised document differs");
                }
            } catch (RuntimeException e) {
                failures.add(p.name() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * The form two equivalent policies share: single values as one-element arrays, numbers and booleans as
     * strings, a lone statement as an array of one (IAM treats each pair the same).
     */
    static JsonNode normalise(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = normalise(e.getValue());
                boolean listValued = !e.getKey().equals("Version") && !e.getKey().equals("Id")
                        && !e.getKey().equals("Sid") && !e.getKey().equals("Effect");
                if (listValued && !value.isArray() && !value.isObject()) {
                    ArrayNode wrapped = out.arrayNode();
                    wrapped.add(value);
                    value = wrapped;
                }
                if (e.getKey().equals("Statement") && value.isObject()) {
                    ArrayNode wrapped = out.arrayNode();
                    wrapped.add(value);
                    value = wrapped;
                }
                out.set(e.getKey(), value);
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(normalise(n)));
            return out;
        }
        return node.isValueNode() ? JsonNodeFactory.instance.textNode(node.asText()) : node;
    }
}
