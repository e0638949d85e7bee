package org.iamlab.lessons.model;

import java.util.Objects;

/**
 * One requirement: {@code request} must be {@code expect}ed. {@code why} says it in the instructor's words (may be
 * null); hidden checks are applied when grading and never shown to the learner.
 */
public record Check(Expectation expect, Request request, String why, boolean hidden) {

    public Check {
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(request, "request");
    }

    /** What the check requires, in words. */
    public String describe() {
        return why != null ? why : request.describe() + " is " + expect.words();
    }
}
