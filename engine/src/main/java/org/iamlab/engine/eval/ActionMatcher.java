package org.iamlab.engine.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iamlab.engine.pattern.Wildcard;
import org.iamlab.engine.policy.ActionElement;

/**
 * The compiled Action or NotAction of one statement. Actions compare case-insensitively, so patterns are
 * lowered once here and the request's action once per request; patterns are grouped by service prefix so
 * that a statement listing hundreds of actions tries only those of the request's service.
 */
final class ActionMatcher {

    private static final Wildcard[] NONE = new Wildcard[0];

    private final boolean not;
    private final boolean everything;
    private final Map<String, ServiceActions> byService;
    /** Patterns whose service prefix itself has a wildcard, matched against the whole action. */
    private final Wildcard[] anyService;

    ActionMatcher(ActionElement element) {
        this.not = element.not();
        Map<String, List<String>> grouped = new HashMap<>();
        List<Wildcard> wildcardServices = new ArrayList<>();
        boolean all = false;
        for (String pattern : element.patterns().values()) {
            String lower = pattern.toLowerCase(Locale.ROOT);
            int colon = lower.indexOf(':');
            String service = colon < 0 ? "*" : lower.substring(0, colon).intern();
            if (lower.equals("*")) {
                all = true;
            } else if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
                wildcardServices.add(Wildcard.compile(pattern, true));
            } else {
                grouped.computeIfAbsent(service, s -> new ArrayList<>()).add(pattern);
            }
        }
        this.everything = all;
        this.byService = new HashMap<>();
        grouped.forEach((service, patterns) -> byService.put(service, new ServiceActions(patterns)));
        this.anyService = wildcardServices.toArray(NONE);
    }

    boolean not() {
        return not;
    }

    /** The services this element names without a wildcard, for indexing statements by service. */
    Set<String> services() {
        return new LinkedHashSet<>(byService.keySet());
    }

    /** True when the element can match actions of services it does not name (a wildcard prefix or {@code *}). */
    boolean spansServices() {
        return everything || anyService.length > 0;
    }

    /** This element's patterns for {@code lowerCaseService}, or {@code null} when it names none. */
    ServiceActions patternsFor(String lowerCaseService) {
        return byService.get(lowerCaseService);
    }

    /**
     * A pattern that matches the request's action, or {@code null}. {@code forService} is
     * {@link #patternsFor} of the request's service, which the caller may already hold.
     */
    String match(PreparedRequest request, ServiceActions forService) {
        if (everything) {
            return "*";
        }
        if (forService != null) {
            String hit = forService.match(request.actionName());
            if (hit != null) {
                return hit;
            }
        }
        for (Wildcard w : anyService) {
            if (w.matches(request.actionLower())) {
                return w.text();
            }
        }
        return null;
    }
}
