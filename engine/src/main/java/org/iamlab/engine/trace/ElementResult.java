package org.iamlab.engine.trace;

/**
 * How one element of a statement (Action, NotAction, Resource, NotResource, Principal, NotPrincipal) fared:
 * whether it {@code holds} for the request, and the pattern that matched ({@code null} when none did; for the
 * negated elements a match means the element does not hold).
 */
public record ElementResult(String element, boolean holds, String matchedPattern) {
}
