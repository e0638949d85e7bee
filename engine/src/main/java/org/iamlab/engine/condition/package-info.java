/**
 * Condition blocks: the values each operator family compares (strings, numbers, dates, IP ranges, ARNs,
 * booleans, binary) and the evaluation of one operator-key pair against the request context.
 */
package org.iamlab.engine.condition;
