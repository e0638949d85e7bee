package org.iamlab.engine.catalog;

import java.util.Objects;
import org.iamlab.engine.parse.PolicyParser;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PolicyKind;

/**
 * One AWS managed policy: its name, ARN (with its path), version, last update, and its document as JSON.
 */
public record ManagedPolicy(String name, String arn, String path, String versionId, String updated,
                            String documentJson) {

    public ManagedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(documentJson, "documentJson");
    }

    /** The document, parsed (managed policies are identity-based policies, also usable as boundaries). */
    public PolicyDocument document() {
        return PolicyParser.parse(documentJson, PolicyKind.IDENTITY);
    }
}
