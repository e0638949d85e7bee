package org.iamlab.engine.eval;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.iamlab.engine.arn.Arn;

/**
 * One request: who, which action, on which resource, owned by which account, with which context values.
 * {@code resourceAccount} may be {@code null}: it is then read from the resource ARN, or, for ARNs without
 * an account (S3 buckets), taken to be the principal's.
 *
 * <p>An immutable value. It is a class rather than a record because it also keeps what every evaluation
 * would otherwise recompute: the action in lower case and split at its prefix, the parsed resource ARN, and the
 * context keyed by lower-case names (context key names are case-insensitive). Service prefixes and context
 * keys are interned, as the compiled policies' are, so that the evaluator's map lookups find them by identity.
 */
public final class Request {

    private final Principal principal;
    private final String action;
    private final String resource;
    private final String resourceAccount;
    private final Map<String, List<String>> context;

    private final String actionLower;
    private final String service;
    private final String actionName;
    private final long serviceBit;
    private final Arn resourceArn;
    private final Map<String, List<String>> contextByLowerCaseKey;

    public Request(Principal principal, String action, String resource, String resourceAccount,
                   Map<String, List<String>> context) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.action = Objects.requireNonNull(action, "action");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.resourceAccount = resourceAccount;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Map<String, List<String>> lower = new HashMap<>();
        context.forEach((k, v) -> {
            List<String> values = List.copyOf(v);
            copy.put(k, values);
            lower.put(k.toLowerCase(Locale.ROOT).intern(), values);
        });
        this.context = Collections.unmodifiableMap(copy);
        this.contextByLowerCaseKey = lower;
        this.actionLower = action.toLowerCase(Locale.ROOT);
        int colon = actionLower.indexOf(':');
        this.service = colon < 0 ? "" : actionLower.substring(0, colon).intern();
        this.actionName = colon < 0 ? actionLower : actionLower.substring(colon + 1);
        this.serviceBit = CompiledPolicy.serviceBit(service);
        this.resourceArn = Arn.parse(resource).orElse(null);
    }

    public Principal principal() {
        return principal;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    /** The resource account as given, or {@code null}. */
    public String resourceAccount() {
        return resourceAccount;
    }

    /** The context values, with key names as given. */
    public Map<String, List<String>> context() {
        return context;
    }

    String actionLower() {
        return actionLower;
    }

    String service() {
        return service;
    }

    String actionName() {
        return actionName;
    }

    long serviceBit() {
        return serviceBit;
    }

    Arn resourceArn() {
        return resourceArn;
    }

    /** Context values by lower-case key; read-only by convention (never handed outside the package). */
    Map<String, List<String>> contextByLowerCaseKey() {
        return contextByLowerCaseKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request r && principal.equals(r.principal) && action.equals(r.action)
                && resource.equals(r.resource) && Objects.equals(resourceAccount, r.resourceAccount)
                && context.equals(r.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(principal, action, resource, resourceAccount, context);
    }

    @Override
    public String toString() {
        return principal.text() + " -> " + action + " on " + resource;
    }
}
