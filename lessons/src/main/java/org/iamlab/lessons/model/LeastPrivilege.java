package org.iamlab.lessons.model;

import java.util.List;

/**
 * The least-privilege probe of a policy or fix-it exercise: every action of {@code services} (from the action
 * catalogue) on every probed resource, asked for each of {@code principals}; anything allowed beyond
 * {@code permit} fails it. Empty lists take defaults from the exercise's checks (see docs/exercises.md).
 */
public record LeastPrivilege(List<Ref> principals, List<String> services, List<String> resources,
                             List<Permit> permit) {

    public LeastPrivilege {
        principals = List.copyOf(principals);
        services = List.copyOf(services);
        resources = List.copyOf(resources);
        permit = List.copyOf(permit);
    }

    /** The probe with every part defaulted. */
    public static LeastPrivilege defaults() {
        return new LeastPrivilege(List.of(), List.of(), List.of(), List.of());
    }
}
