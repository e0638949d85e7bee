/**
 * IAM Lab's engine: the IAM policy model, its parser, the evaluator that decides requests the way the
 * AWS IAM User Guide documents, and the decision trace it produces. Plain Java; no Groovy, Jupyter or
 * rendering dependencies.
 */
package org.iamlab.engine;
