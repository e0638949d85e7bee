package org.iamlab.lessons.student;

/** One job over a notebook, as nbgrader's preprocessors each have one. */
public interface Step {

    void apply(Notebook notebook);
}
