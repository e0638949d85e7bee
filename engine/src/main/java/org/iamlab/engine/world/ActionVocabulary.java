package org.iamlab.engine.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iamlab.engine.catalog.ManagedPolicy;
import org.iamlab.engine.catalog.ManagedPolicyCatalog;

/**
 * The actions IAM Lab knows by name: every action written without wildcards in the AWS managed policies, which
 * is how {@code whatCan} expands {@code s3:Get*} or {@code *} into actions.
 */
final class ActionVocabulary {

    private ActionVocabulary() {
    }

    private static final class Holder {
        static final List<String> KNOWN = load();
    }

    static List<String> known() {
        return Holder.KNOWN;
    }

    private static List<String> load() {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> byLower = new LinkedHashMap<>();
        for (ManagedPolicy p : ManagedPolicyCatalog.aws().all()) {
            try {
                for (JsonNode statement : json.readTree(p.documentJson()).path("Statement")) {
                    JsonNode action = statement.path("Action");
                    if (action.isTextual()) {
                        add(byLower, action.asText());
                    } else {
                        action.forEach(a -> add(byLower, a.asText()));
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> out = new ArrayList<>(byLower.values());
        out.sort(String.CASE_INSENSITIVE_ORDER);
        return List.copyOf(out);
    }

    private static void add(Map<String, String> byLower, String action) {
        if (action.indexOf(':') > 0 && action.indexOf('*') < 0 && action.indexOf('?') < 0) {
            byLower.putIfAbsent(action.toLowerCase(Locale.ROOT), action);
        }
    }
}
