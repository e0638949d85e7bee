package org.iamlab.engine.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.iamlab.engine.parse.Hints;

/**
 * The catalogue of AWS managed policies, read once from the engine's resources. Look a policy up by name
 * ({@code ReadOnlyAccess}) or ARN ({@code arn:aws:iam::aws:policy/ReadOnlyAccess}).
 */
public final class ManagedPolicyCatalog {

    static final String RESOURCE = "aws-managed-policies.jsonl.gz";

    private final Map<String, ManagedPolicy> byName;
    private final Map<String, ManagedPolicy> byArn;

    private ManagedPolicyCatalog(Map<String, ManagedPolicy> byName) {
        this.byName = Collections.unmodifiableMap(byName);
        Map<String, ManagedPolicy> arns = new LinkedHashMap<>();
        byName.values().forEach(p -> arns.put(p.arn(), p));
        this.byArn = Collections.unmodifiableMap(arns);
    }

    private static final class Holder {
        static final ManagedPolicyCatalog INSTANCE = load();
    }

    /** The catalogue shipped with the engine (loaded on first use, about 1,600 policies). */
    public static ManagedPolicyCatalog aws() {
        return Holder.INSTANCE;
    }

    /**
     * Reads the catalogue with a token stream, keeping each document as the exact JSON text of the resource:
     * it is parsed when a policy is first used, so loading stays quick (about 1,600 documents, 3.5 MB).
     */
    private static ManagedPolicyCatalog load() {
        JsonFactory json = JsonFactory.builder().build();
        Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
        try (InputStream raw = ManagedPolicyCatalog.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the managed-policy catalogue " + RESOURCE + " is missing from the jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8), 1 << 16);
            for (String line; (line = lines.readLine()) != null; ) {
                ManagedPolicy p = entry(json, line);
                policies.put(p.name(), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the managed-policy catalogue", e);
        }
        return new ManagedPolicyCatalog(policies);
    }

    private static ManagedPolicy entry(JsonFactory json, String line) throws IOException {
        Map<String, String> fields = new HashMap<>();
        String document = null;
        try (JsonParser in = json.createParser(line)) {
            in.nextToken();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (name.equals("document")) {
                    int from = (int) in.currentTokenLocation().getCharOffset();
                    in.skipChildren();
                    document = line.substring(from, (int) in.currentTokenLocation().getCharOffset() + 1);
                } else {
                    fields.put(name, value == JsonToken.VALUE_NULL ? null : in.getText());
                }
            }
        }
        return new ManagedPolicy(fields.get("name"), fields.get("arn"), fields.getOrDefault("path", "/"),
                fields.get("versionId"), fields.get("updated"), document);
    }

    /** The policy with this name or ARN. */
    public Optional<ManagedPolicy> find(String nameOrArn) {
        ManagedPolicy p = byName.get(nameOrArn);
        return p != null ? Optional.of(p) : Optional.ofNullable(byArn.get(nameOrArn));
    }

    /**
     * The policy with this name or ARN, or an exception whose message suggests the closest name.
     */
    public ManagedPolicy get(String nameOrArn) {
        return find(nameOrArn).orElseThrow(() -> {
            String key = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
            String hint = Hints.didYouMean(key, byName.keySet());
            return new IllegalArgumentException("`" + nameOrArn + "` is not an AWS managed policy"
                    + (hint == null ? "" : "; " + hint));
        });
    }

    /** Every policy, sorted by name. */
    public Collection<ManagedPolicy> all() {
        return byName.values();
    }

    public int size() {
        return byName.size();
    }
}
