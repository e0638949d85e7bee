package org.iamlab.dsl;

/**
 * The hook through which scripts' {@code exercise}, {@code check} and {@code answer} reach the exercises (the
 * {@code lessons} module, which depends on this one): the kernel and the command line install it on their
 * {@link Lab}. The script shows what each method returns.
 */
public interface Coursework {

    /** The exercise called {@code id} as the learner sees it: title, prompt, how to answer. */
    Object exercise(Lab lab, String id);

    /** Checks the learner's work on exercise {@code id} in {@code lab}'s world: the feedback. */
    Object check(Lab lab, String id);

    /** Records {@code choice} as the answer to exercise {@code id} and checks it: the feedback. */
    Object answer(Lab lab, String id, Object choice);

    /** No exercises: every call says how to get them. */
    Coursework NONE = new Coursework() {
        @Override
        public Object exercise(Lab lab, String id) {
            throw unavailable();
        }

        @Override
        public Object check(Lab lab, String id) {
            throw unavailable();
        }

        @Override
        public Object answer(Lab lab, String id, Object choice) {
            throw unavailable();
        }

        private DslException unavailable() {
            return new DslException("exercises are not available here; run the lesson in the IAM Lab kernel or"
                    + " with `iamlab run`");
        }
    };
}
