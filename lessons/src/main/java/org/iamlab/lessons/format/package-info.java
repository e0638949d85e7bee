/** The exercise file format (YAML with DSL snippets): a located YAML tree and the loader that reads it. */
package org.iamlab.lessons.format;
