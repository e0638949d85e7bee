package org.iamlab.engine.world;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An OpenID Connect identity provider, such as a CI system's token issuer
 * ({@code https://token.actions.githubusercontent.com}). Its tokens' {@code aud} must be one of its client IDs;
 * in trust policies its claims are the keys {@code HOST:aud} and {@code HOST:sub}.
 */
public final class OidcProvider {

    private final Account account;
    private final String url;
    private final Set<String> clientIds = new LinkedHashSet<>();
    private final List<String> thumbprints;
    private final Instant createDate;

    OidcProvider(Account account, String url, List<String> clientIds, List<String> thumbprints, Instant createDate) {
        this.account = account;
        this.url = url;
        this.clientIds.addAll(clientIds);
        this.thumbprints = List.copyOf(thumbprints);
        this.createDate = createDate;
    }

    /** {@code https://token.actions.githubusercontent.com} becomes {@code token.actions.githubusercontent.com}. */
    static String host(String url) {
        String h = url.strip();
        if (h.startsWith("https://")) {
            h = h.substring("https://".length());
        }
        while (h.endsWith("/")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    public Account account() {
        return account;
    }

    /** The issuer URL, {@code https://...}. */
    public String url() {
        return url;
    }

    /** The URL without {@code https://}: the prefix of its condition keys. */
    public String host() {
        return host(url);
    }

    public String arn() {
        return "arn:aws:iam::" + account.id() + ":oidc-provider/" + host();
    }

    /** The audiences it accepts. */
    public Set<String> clientIds() {
        return Collections.unmodifiableSet(clientIds);
    }

    public void addClientId(String clientId) {
        clientIds.add(clientId);
    }

    public List<String> thumbprints() {
        return thumbprints;
    }

    public Instant createDate() {
        return createDate;
    }

    @Override
    public String toString() {
        return arn();
    }
}
