package org.iamlab.dsl;

import java.util.ArrayList;
import java.util.List;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyText;

/**
 * The block of {@code edit(policy('ReadLogs')) { ... }}. Statements written in it become a new version of the
 * customer managed policy, made the default (what editing a policy in the console does); {@code defaultVersion 'v1'}
 * rolls back to a kept version instead, and {@code deleteVersion 'v2'} makes room, as IAM keeps at most five
 * (IAM User Guide, "Versioning IAM policies").
 */
public final class PolicyEditSpec extends PolicySpec {

    private final Lab lab;
    private final Account account;
    private final Policy policy;
    private final List<String> deleted = new ArrayList<>();
    private String defaultVersion;

    PolicyEditSpec(Lab lab, Policy policy) {
        this(lab, policy, policy.awsManaged() ? null : lab.world().accountOf(policy));
    }

    private PolicyEditSpec(Lab lab, Policy policy, Account account) {
        super(null, lab, account);
        if (policy.awsManaged()) {
            throw new DslException("`" + policy.name() + "` is an AWS managed policy, which only AWS changes; make a"
                    + " customer managed copy and edit that: policy('My" + policy.name() + "', policy('"
                    + policy.name() + "')) in an account block");
        }
        this.lab = lab;
        this.account = account;
        this.policy = policy;
    }

    /** Makes the kept version {@code versionId} the one in effect: how a change is rolled back. */
    public void defaultVersion(String versionId) {
        this.defaultVersion = versionId;
    }

    /** Deletes the kept version {@code versionId}, which must not be the default. */
    public void deleteVersion(String versionId) {
        deleted.add(versionId);
    }

    /** Applies the block: deletions first, then the new version or the default chosen. */
    void apply() {
        if (hasStatements() && defaultVersion != null) {
            throw new DslException("edit of policy `" + policy.name() + "` both writes a new version and chooses"
                    + " defaultVersion `" + defaultVersion + "`; do one of them per edit (the new version becomes"
                    + " the default)");
        }
        PolicyText document = hasStatements() ? Refs.policy(lab, this, PolicyKind.IDENTITY, policy.name()) : null;
        deleted.forEach(id -> account.deletePolicyVersion(policy.arn(), id));
        if (document != null) {
            account.createPolicyVersion(policy.arn(), document, true);
        } else if (defaultVersion != null) {
            account.setDefaultPolicyVersion(policy.arn(), defaultVersion);
        }
    }
}
