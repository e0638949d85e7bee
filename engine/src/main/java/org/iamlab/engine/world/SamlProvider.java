package org.iamlab.engine.world;

import java.time.Instant;

/**
 * A SAML 2.0 identity provider (a corporate directory). Its assertions' subject, issuer and audience become
 * {@code SAML:sub}, {@code SAML:iss} and {@code SAML:aud} in the trust policy.
 */
public final class SamlProvider {

    /** The audience AWS's sign-in endpoint expects in assertions. */
    public static final String SIGN_IN_AUDIENCE = "https://signin.aws.amazon.com/saml";

    private final Account account;
    private final String name;
    private final String issuer;
    private final Instant createDate;

    SamlProvider(Account account, String name, String issuer, Instant createDate) {
        this.account = account;
        this.name = name;
        this.issuer = issuer;
        this.createDate = createDate;
    }

    public Account account() {
        return account;
    }

    public String name() {
        return name;
    }

    /** The issuer its assertions carry ({@code SAML:iss}). */
    public String issuer() {
        return issuer;
    }

    public String arn() {
        return "arn:aws:iam::" + account.id() + ":saml-provider/" + name;
    }

    public Instant createDate() {
        return createDate;
    }

    @Override
    public String toString() {
        return arn();
    }
}
