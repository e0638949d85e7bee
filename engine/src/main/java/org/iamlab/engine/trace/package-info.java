/**
 * The answer as data: the decision, the evaluation steps in AWS's order with their verdicts, and every
 * statement considered with why it did or did not apply. Views (text, HTML, JSON) read these records; they
 * are produced by the evaluator's own decision path.
 */
package org.iamlab.engine.trace;
