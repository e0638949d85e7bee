/**
 * The world model: an organization with its OUs and control policies, accounts with their users, groups,
 * roles, identity providers, policies and resources, and STS sessions on the world's clock. A request against
 * the world gathers the policies and context that apply to it and hands them to the evaluator
 * ({@link org.iamlab.engine.authz.Authorizer}); the world never decides on its own.
 */
package org.iamlab.engine.world;
