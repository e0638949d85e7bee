/**
 * Checking: exercise worlds built from their DSL snippets, policy slots read from one world and written into
 * another, the least-privilege probe, and the checker that turns a learner's work into {@link
 * org.iamlab.lessons.check.Feedback}, which is data; its views are in {@code org.iamlab.lessons.render}.
 */
package org.iamlab.lessons.check;
