/** Wildcard (`*`, `?`) patterns and policy-variable templates, compiled once and matched without allocation. */
package org.iamlab.engine.pattern;
