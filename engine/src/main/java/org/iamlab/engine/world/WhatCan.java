package org.iamlab.engine.world;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A principal's effective permissions, grouped by service: each action its policies name (wildcards expanded
 * over the actions AWS managed policies use) with each resource pattern they name, kept when the evaluator
 * allows it: so denies, boundaries, session policies and SCPs are already applied. Resource patterns are asked
 * about as written, so a narrower Deny (say on one prefix of a bucket) does not remove a broader grant.
 */
public record WhatCan(String principal, Map<String, List<Permission>> byService) {

    /** One allowed action on one resource pattern. */
    public record Permission(String action, String resource) {
        public Permission {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
        }
    }

    public WhatCan {
        Objects.requireNonNull(principal, "principal");
        TreeMap<String, List<Permission>> copy = new TreeMap<>();
        byService.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byService = Collections.unmodifiableMap(copy);
    }

    /** The service prefixes with at least one allowed action. */
    public List<String> services() {
        return List.copyOf(byService.keySet());
    }

    /** Whether {@code action} is allowed on {@code resource} (a resource pattern as the policies write it). */
    public boolean allows(String action, String resource) {
        String service = action.substring(0, Math.max(0, action.indexOf(':'))).toLowerCase(java.util.Locale.ROOT);
        return byService.getOrDefault(service, List.of()).stream()
                .anyMatch(p -> p.action().equalsIgnoreCase(action) && p.resource().equals(resource));
    }

    /** How many action-resource pairs are allowed. */
    public int size() {
        return byService.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("what ").append(principal).append(" can do: ").append(size())
                .append(" permissions in ").append(byService.size()).append(" services\n");
        byService.forEach((service, perms) -> {
            out.append("  ").append(service).append(" (").append(perms.size()).append(")\n");
            Map<String, List<String>> byResource = new TreeMap<>();
            for (Permission p : perms) {
                byResource.computeIfAbsent(p.resource(), k -> new java.util.ArrayList<>())
                        .add(p.action().substring(p.action().indexOf(':') + 1));
            }
            byResource.forEach((resource, actions) -> {
                int shown = Math.min(actions.size(), 12);
                out.append("    ").append(String.join(", ", actions.subList(0, shown)))
                        .append(actions.size() > shown ? " and " + (actions.size() - shown) + " more" : "")
                        .append(" on ").append(resource).append('\n');
            });
        });
        return out.toString();
    }
}
