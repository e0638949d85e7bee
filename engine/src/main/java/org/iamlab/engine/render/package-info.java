/**
 * Views of a trace: text ({@link org.iamlab.engine.render.TextTraceView}), JSON
 * ({@link org.iamlab.engine.render.JsonTraceView}) and a self-contained HTML fragment with an SVG flow diagram
 * ({@link org.iamlab.engine.render.HtmlTraceView}). The evaluator never imports this package; the command line,
 * the kernel and the site all render through it, so one trace looks the same everywhere.
 */
package org.iamlab.engine.render;
