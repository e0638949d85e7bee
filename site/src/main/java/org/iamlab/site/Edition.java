package org.iamlab.site;

/** Who the site is for: learners see stubs where solutions were, instructors see the solutions, folded. */
public enum Edition {
    STUDENT, INSTRUCTOR
}
