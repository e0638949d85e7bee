/**
 * Views of a trace: text and JSON (HTML and SVG to come). The evaluator never imports this package; the
 * command line, the kernel and the site all render through it, so one trace looks the same everywhere.
 */
package org.iamlab.engine.render;
