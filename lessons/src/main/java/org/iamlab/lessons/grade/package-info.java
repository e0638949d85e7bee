/**
 * Grading a class ({@code iamlab grade}), the parent's side: which exercises each submitted notebook holds and
 * whether its checksummed cells were edited ({@link Inspection}), the public view a submission's JVM is given
 * ({@link PublicView}), running each submission in a JVM of its own with limits ({@link SubmissionRun}), applying
 * the public and hidden checks to what it exported ({@link Grader}), and the reports ({@link Reports}).
 * The child's side, which runs notebooks and needs the kernel, lives in the {@code cli} module; it meets this
 * package only through {@link WorkExport}, which turns a lab's world and answers into data.
 */
package org.iamlab.lessons.grade;
