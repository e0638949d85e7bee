/** Exercises checked by the evaluator, the exam bank, drills, and the student edition of lesson notebooks. */
package org.iamlab.lessons;
