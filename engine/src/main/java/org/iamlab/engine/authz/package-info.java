/**
 * The combining rule: which policies take part in a request and how their statements add up to a decision,
 * in the order of the IAM User Guide's "Policy evaluation logic" (explicit deny, RCPs, SCPs, resource-based
 * policy, identity-based policies, permissions boundary, session policy) and its cross-account rule.
 */
package org.iamlab.engine.authz;
