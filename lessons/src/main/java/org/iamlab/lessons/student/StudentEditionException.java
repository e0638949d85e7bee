package org.iamlab.lessons.student;

/** A notebook the student edition cannot be made from: {@code 01-x.ipynb: cell 7, line 3: ...}. */
public final class StudentEditionException extends RuntimeException {

    public StudentEditionException(String message) {
        super(message, null, false, false);
    }
}
