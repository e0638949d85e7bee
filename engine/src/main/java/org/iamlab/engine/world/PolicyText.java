package org.iamlab.engine.world;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iamlab.engine.eval.CompiledPolicy;
import org.iamlab.engine.parse.PolicyParser;
import org.iamlab.engine.parse.PolicyWarning;
import org.iamlab.engine.parse.PolicyWriter;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PolicyKind;

/**
 * A policy document as the world keeps it: the JSON text it was given as (what {@code get-policy-version}
 * returns), the parsed document, and the document compiled once for each kind it is used as.
 */
public final class PolicyText {

    private final String json;
    private final PolicyDocument document;
    private final Map<PolicyKind, CompiledPolicy> compiled = new EnumMap<>(PolicyKind.class);
    private final List<PolicyWarning> warnings;

    private PolicyText(String json, PolicyDocument document, List<PolicyWarning> warnings) {
        this.json = json;
        this.document = document;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Parses {@code json} as a policy of {@code kind}; a mistake throws a located {@code PolicyParseException},
     * and what AWS would accept but flag is kept as {@link #warnings()}.
     */
    public static PolicyText parse(String json, PolicyKind kind) {
        return read(json, kind, true);
    }

    /**
     * Parses the text of an AWS managed policy: AWS wrote it, so it carries no warnings. A service prefix that the
     * action catalogue lacks there (ReadOnlyAccess still names retired services such as {@code deepcomposer})
     * says that the catalogue and the policy were taken at different times, not that anyone mistyped an action.
     */
    public static PolicyText parseAwsManaged(String json) {
        return read(json, PolicyKind.IDENTITY, false);
    }

    private static PolicyText read(String json, PolicyKind kind, boolean keepWarnings) {
        PolicyParser.Parsed parsed = PolicyParser.read(Objects.requireNonNull(json, "json"), kind);
        PolicyText text = new PolicyText(json, parsed.document(), keepWarnings ? parsed.warnings() : List.of());
        text.compiled(kind);
        return text;
    }

    /** A document written out as indented JSON. */
    public static PolicyText of(PolicyDocument document) {
        return new PolicyText(PolicyWriter.write(document, true), document, List.of());
    }

    /** What AWS accepts in the policy but its author most likely did not mean, located within {@link #json()}. */
    public List<PolicyWarning> warnings() {
        return warnings;
    }

    /** The JSON text, as given. */
    public String json() {
        return json;
    }

    public PolicyDocument document() {
        return document;
    }

    /** The document compiled as a policy of {@code kind}. */
    public synchronized CompiledPolicy compiled(PolicyKind kind) {
        return compiled.computeIfAbsent(kind, k -> CompiledPolicy.compile(document, k, warnings));
    }

    @Override
    public String toString() {
        return json;
    }
}
