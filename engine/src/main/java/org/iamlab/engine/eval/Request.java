package org.iamlab.engine.eval;

import java.util.Arrays;
import java.util.Collections;
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
    /**
     * The context by lower-case key, as two arrays searched by identity first: a small context is then one or
     * two cache lines, where a hash map is a table and a node per key, and a request that was built a while ago
     * (no longer in the CPU's caches) pays a miss for each.
     */
    private final String[] lowerCaseKeys;
    private final List<String>[] valuesByKey;
    /** The role's ARN for a role session's {@code aws:PrincipalArn}, computed on first use. */
    private List<String> principalArn;

    public Request(Principal principal, String action, String resource, String resourceAccount,
                   Map<String, List<String>> context) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.action = Objects.requireNonNull(action, "action");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.resourceAccount = resourceAccount;
        Map<String, List<String>> copy = new LinkedHashMap<>(context.size() * 2);
        String[] keys = new String[context.size()];
        @SuppressWarnings("unchecked")
        List<String>[] values = new List[keys.length];
        int n = 0;
        for (Map.Entry<String, List<String>> e : context.entrySet()) {
            List<String> v = List.copyOf(e.getValue());
            copy.put(e.getKey(), v);
            // Keys that differ only in case are one key: the last value wins, in the first one's place.
            String lower = e.getKey().toLowerCase(Locale.ROOT).intern();
            int at = indexOf(keys, n, lower);
            if (at >= 0) {
                values[at] = v;
            } else {
                keys[n] = lower;
                values[n++] = v;
            }
        }
        this.context = Collections.unmodifiableMap(copy);
        this.lowerCaseKeys = n == keys.length ? keys : Arrays.copyOf(keys, n);
        this.valuesByKey = n == values.length ? values : Arrays.copyOf(values, n);
        this.actionLower = action.toLowerCase(Locale.ROOT);
        int colon = actionLower.indexOf(':');
        this.service = colon < 0 ? "" : actionLower.substring(0, colon).intern();
        this.actionName = colon < 0 ? actionLower : actionLower.substring(colon + 1);
        this.serviceBit = CompiledPolicy.serviceBit(service);
        this.resourceArn = Arn.parse(resource).orElse(null);
    }

    private static int indexOf(String[] internedKeys, int count, String interned) {
        for (int i = 0; i < count; i++) {
            if (internedKeys[i] == interned) {
                return i;
            }
        }
        return -1;
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

    /** The context values of {@code lowerCaseKey} (best interned), or {@code null}. */
    List<String> contextValues(String lowerCaseKey) {
        String[] keys = lowerCaseKeys;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == lowerCaseKey) {
                return valuesByKey[i];
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(lowerCaseKey)) {
                return valuesByKey[i];
            }
        }
        return null;
    }

    /**
     * {@code aws:PrincipalArn} as AWS supplies it, or {@code null} for principals without one; kept once
     * computed (a benign race: a lost update is computed again), since conditions and the control-policy
     * checks ask for it in every evaluation.
     */
    List<String> principalArn() {
        List<String> arn = principalArn;
        if (arn == null) {
            arn = principalArnOf(principal);
            if (arn == null) {
                return null;
            }
            principalArn = arn;
        }
        return arn;
    }

    private static List<String> principalArnOf(Principal p) {
        if (p instanceof Principal.RoleSession s) {
            return List.of(s.roleArn());
        }
        if (p instanceof Principal.User || p instanceof Principal.Role || p instanceof Principal.FederatedUser
                || p instanceof Principal.AccountRoot) {
            return List.of(p.text());
        }
        return null;
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
