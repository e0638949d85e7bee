/** Exam practice: fresh decision questions generated from a seed, and the terminal drill over the bank. */
package org.iamlab.lessons.drill;
