/**
 * The simulation format of DESIGN.md §3: one request with the policies that apply to it, as JSON, read with
 * source locations so that every problem is reported where it is.
 */
package org.iamlab.engine.simulation;
