/** The exercise model: immutable records an exercise file is read into. */
package org.iamlab.lessons.model;
