/**
 * Requests and compiled policies: who asks for what, and whether one statement applies to it. Combining the
 * statements of all applicable policies into a decision is the job of {@code authz}.
 */
package org.iamlab.engine.eval;
