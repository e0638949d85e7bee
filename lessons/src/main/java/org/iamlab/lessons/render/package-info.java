/**
 * Views of exercises and feedback (text, HTML, the check JSON), so that the kernel, the command line and the
 * course site show one picture; traces inside them are drawn by the engine's views.
 */
package org.iamlab.lessons.render;
