/**
 * The student edition of lesson notebooks, as nbgrader makes it: a pipeline of small steps over a notebook, one
 * job each (clear solutions, clear outputs, remove hidden checks, record checksums).
 */
package org.iamlab.lessons.student;
