package org.iamlab.engine.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** The one service named, with its patterns, when there is at most one (most statements); else null. */
    private final String soleService;
    private final ServiceActions soleActions;
    /** The patterns by service, when the element names several; else null. */
    private final Map<String, ServiceActions> byService;
    /** Patterns whose service prefix itself has a wildcard, matched against the whole action. */
    private final Wildcard[] anyService;

    ActionMatcher(ActionElement element) {
        this.not = element.not();
        // Grouped in a map only once a second service shows up.
        String firstService = null;
        List<String> firstPatterns = new ArrayList<>();
        Map<String, List<String>> grouped = null;
        List<Wildcard> wildcardServices = new ArrayList<>();
        boolean all = false;
        for (String pattern : element.patterns().values()) {
            String service = serviceOf(pattern);
            if (pattern.equals("*")) {
                all = true;
            } else if (service == null) {
                wildcardServices.add(Wildcard.compile(pattern, true));
            } else if (grouped == null && (firstService == null || firstService.equals(service))) {
                firstService = service;
                firstPatterns.add(pattern);
            } else {
                if (grouped == null) {
                    grouped = new HashMap<>();
                    grouped.put(firstService, firstPatterns);
                }
                grouped.computeIfAbsent(service, s -> new ArrayList<>()).add(pattern);
            }
        }
        this.everything = all;
        if (grouped == null) {
            this.soleService = firstService;
            this.soleActions = firstService == null ? null : new ServiceActions(firstPatterns);
            this.byService = null;
        } else {
            this.soleService = null;
            this.soleActions = null;
            this.byService = new HashMap<>();
            grouped.forEach((service, patterns) -> byService.put(service, new ServiceActions(patterns)));
        }
        this.anyService = wildcardServices.toArray(NONE);
    }

    /**
     * The service prefix of an action pattern, in lower case, or {@code null} when the pattern can name actions
     * of any service ({@code *}, or a prefix with a wildcard).
     */
    static String serviceOf(String pattern) {
        int colon = pattern.indexOf(':');
        if (colon < 0) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                return null;
            }
        }
        return pattern.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    boolean not() {
        return not;
    }

    /** True when the element can match actions of services it does not name (a wildcard prefix or {@code *}). */
    boolean spansServices() {
        return everything || anyService.length > 0;
    }

    /** This element's patterns for {@code lowerCaseService}, or {@code null} when it names none. */
    ServiceActions patternsFor(String lowerCaseService) {
        if (byService == null) {
            return soleService != null && soleService.equals(lowerCaseService) ? soleActions : null;
        }
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
