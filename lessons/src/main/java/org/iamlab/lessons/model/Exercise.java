package org.iamlab.lessons.model;

import java.util.List;

/**
 * An exercise, one of four kinds. Every key is computed by the evaluator: a decision question's from its request,
 * a multiple-choice question's from which options' edited worlds meet its checks; policy and fix-it exercises are
 * checked by their requests and a least-privilege probe.
 */
public sealed interface Exercise {

    Header header();

    /** The kind's name in exercise files. */
    String kind();

    default String id() {
        return header().id();
    }

    /** Allowed, ExplicitlyDenied or ImplicitlyDenied for one request in the world. */
    record Decision(Header header, Request request) implements Exercise {
        @Override
        public String kind() {
            return "decision";
        }
    }

    /**
     * Write the policy in {@code slot} so that the checks pass (public ones shown, hidden ones for grading) and
     * the grant allows nothing beyond what {@code leastPrivilege} permits; {@code solution} is a DSL edit that
     * writes a right answer.
     */
    record WritePolicy(Header header, Slot slot, Snippet solution, List<Check> checks, List<Check> hidden,
                       LeastPrivilege leastPrivilege) implements Exercise {
        public WritePolicy {
            checks = List.copyOf(checks);
            hidden = List.copyOf(hidden);
        }

        @Override
        public String kind() {
            return "policy";
        }
    }

    /**
     * The world's access is broken; change the policies in {@code change} so that the checks pass. The probe
     * ({@code leastPrivilege}, may be null) keeps the fix from opening more than needed.
     */
    record Fix(Header header, List<Slot> change, Snippet solution, List<Check> checks, List<Check> hidden,
               LeastPrivilege leastPrivilege) implements Exercise {
        public Fix {
            change = List.copyOf(change);
            checks = List.copyOf(checks);
            hidden = List.copyOf(hidden);
        }

        @Override
        public String kind() {
            return "fix";
        }
    }

    /**
     * An exam-style question: the right options are those whose edited world meets every check; {@code multi}
     * questions may have several.
     */
    record Choice(Header header, List<Option> options, boolean multi, List<Check> checks) implements Exercise {
        public Choice {
            options = List.copyOf(options);
            checks = List.copyOf(checks);
        }

        @Override
        public String kind() {
            return "choice";
        }
    }
}
