/**
 * "What would change the answer": the smallest changes to a request or its policies that would flip its
 * decision (remove a deny statement, add the missing allow where it belongs, send a context value that
 * satisfies a condition, grant the other account's side), each found from the trace and kept only when
 * re-evaluating the changed request with the {@link org.iamlab.engine.authz.Authorizer} gives the new answer.
 */
package org.iamlab.engine.advice;
