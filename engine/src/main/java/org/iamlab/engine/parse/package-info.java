/**
 * Policy JSON to the immutable model and back. The parser validates as it reads and reports the first problem
 * with its line, column, JSON path and, where one exists, a hint.
 */
package org.iamlab.engine.parse;
