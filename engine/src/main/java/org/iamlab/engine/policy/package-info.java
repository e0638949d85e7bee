/** The immutable IAM policy model: documents, statements, their elements and condition operators. */
package org.iamlab.engine.policy;
