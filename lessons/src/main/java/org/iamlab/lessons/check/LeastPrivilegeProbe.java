package org.iamlab.lessons.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.iamlab.engine.policy.Effect;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.catalog.ActionCatalog;
import org.iamlab.engine.pattern.Wildcard;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.world.Actor;
import org.iamlab.engine.world.Answer;
import org.iamlab.lessons.model.Check;
import org.iamlab.lessons.model.Expectation;
import org.iamlab.lessons.model.LeastPrivilege;
import org.iamlab.lessons.model.Permit;
import org.iamlab.lessons.model.Ref;

/**
 * The least-privilege probe: every action of the involved services (from the action catalogue) on every probed
 * resource, for each probed principal; the first request the changed world allows that the exercise does not
 * permit (and, for a grant, that the world did not already allow without it) is the finding.
 */
final class LeastPrivilegeProbe {

    /** The resource name a probed ARN gets instead of its own, to catch grants on {@code *}. */
    static final String ELSEWHERE = "iamlab-probe";

    /** What the grant allows beyond the exercise: the request, as answered in the changed world. */
    record Extra(String principal, String action, String resource, Answer answer) {
    }

    private final List<Ref> principals;
    private final List<String> services;
    private final List<String> resources;
    private final List<Allowance> permits;

    /** What may be allowed: an action and resource pattern, for one principal (by its reference) or any (null). */
    private record Allowance(String principal, Wildcard action, Wildcard resource) {
        boolean covers(String who, String a, String r) {
            return (principal == null || principal.equals(who))
                    && action.matches(a.toLowerCase(java.util.Locale.ROOT))
                    && resource.matches(r);
        }
    }

    private LeastPrivilegeProbe(List<Ref> principals, List<String> services, List<String> resources,
                                List<Allowance> permits) {
        this.principals = principals;
        this.services = services;
        this.resources = resources;
        this.permits = permits;
    }

    /** The probe of {@code lp}, its empty parts defaulted from the public {@code checks}, ARNs as {@code w} names them. */
    static LeastPrivilegeProbe of(LeastPrivilege lp, List<Check> checks, ExerciseWorld w) {
        List<Check> allows = checks.stream().filter(c -> c.expect() == Expectation.ALLOWED).toList();
        Set<String> seen = new LinkedHashSet<>();
        List<Ref> principals = new ArrayList<>();
        for (Ref r : lp.principals().isEmpty() ? allows.stream().map(c -> c.request().principal()).toList()
                : lp.principals()) {
            if (seen.add(r.text())) {
                principals.add(r);
            }
        }
        List<String> services = lp.services().isEmpty()
                ? checks.stream().map(c -> c.request().service()).distinct().toList() : lp.services();
        Set<String> resources = new LinkedHashSet<>(lp.resources());
        for (Check c : checks) {
            resources.add(w.arn(c.request().resource()));
        }
        for (String arn : List.copyOf(resources)) {
            elsewhere(arn).ifPresent(resources::add);
        }
        List<Allowance> permits = new ArrayList<>();
        if (lp.permit().isEmpty()) {
            for (Check c : allows) {
                permits.add(new Allowance(c.request().principal().text(), Wildcard.literal(c.request().action(), true),
                        Wildcard.literal(w.arn(c.request().resource()), false)));
            }
        } else {
            for (Permit p : lp.permit()) {
                permits.add(new Allowance(p.principal(), Wildcard.compile(p.action(), true),
                        Wildcard.compile(p.resource(), false)));
            }
        }
        return new LeastPrivilegeProbe(principals, services, List.copyOf(resources), permits);
    }

    /** The same ARN with its resource's name replaced, or empty for {@code *} and ARNs without a name. */
    static Optional<String> elsewhere(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            return Optional.empty();
        }
        String resource = parts[5];
        String replaced;
        if (parts[2].equals("s3")) {
            int slash = resource.indexOf('/');
            replaced = ELSEWHERE + (slash < 0 ? "" : resource.substring(slash));
        } else if (resource.contains("/")) {
            String[] segments = resource.split("/", 3);
            replaced = segments[0] + "/" + ELSEWHERE + (segments.length > 2 ? "/" + segments[2] : "");
        } else if (resource.contains(":")) {
            replaced = resource.substring(0, resource.indexOf(':')) + ":" + ELSEWHERE;
        } else {
            replaced = ELSEWHERE;
        }
        if (resource.equals("*") || replaced.equals(resource)) {
            return Optional.empty();
        }
        return Optional.of(String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], replaced));
    }

    /**
     * The first extra request {@code changed} allows; {@code base} (the world without the learner's grant; null
     * for boundaries and SCPs, where everything let through counts) excuses what was already allowed.
     */
    Optional<Extra> run(ExerciseWorld changed, ExerciseWorld base, Predicate<String> mayBeAllowed) {
        ActionCatalog catalog = ActionCatalog.aws();
        for (Ref principal : principals) {
            Actor caller = changed.actor(principal);
            Actor baseCaller = null;
            for (String service : services) {
                for (String name : catalog.actions(service)) {
                    String action = service + ":" + name;
                    if (!mayBeAllowed.test(action)) {
                        continue;
                    }
                    for (String resource : resources) {
                        if (permitted(principal.text(), action, resource)
                                || changed.decide(caller, action, resource, Map.of()) != Decision.ALLOWED) {
                            continue;
                        }
                        if (base != null) {
                            if (baseCaller == null) {
                                baseCaller = base.actor(principal);
                            }
                            if (base.decide(baseCaller, action, resource, Map.of()) == Decision.ALLOWED) {
                                continue;
                            }
                        }
                        return Optional.of(new Extra(principal.text(), action, resource,
                                changed.world().explain(caller, action, resource, Map.of())));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The actions an Allow statement of {@code policy} names (by Action, or by not being in a NotAction): any
     * request a single written policy lets through must match one of them, so the probe asks only those.
     */
    static Predicate<String> allowedBy(PolicyText policy) {
        List<Predicate<String>> statements = new ArrayList<>();
        for (Statement st : policy.document().statements()) {
            if (st.effect() != Effect.ALLOW || st.action() == null) {
                continue;
            }
            List<Wildcard> patterns = st.action().patterns().values().stream().map(p -> Wildcard.compile(p, true))
                    .toList();
            boolean not = st.action().not();
            statements.add(a -> not != patterns.stream().anyMatch(w -> w.matches(a)));
        }
        return action -> {
            String lower = action.toLowerCase(java.util.Locale.ROOT);
            return statements.stream().anyMatch(p -> p.test(lower));
        };
    }

    private boolean permitted(String principal, String action, String resource) {
        for (Allowance p : permits) {
            if (p.covers(principal, action, resource)) {
                return true;
            }
        }
        return false;
    }
}
