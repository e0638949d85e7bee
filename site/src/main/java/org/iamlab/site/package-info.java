/** The course site: lessons executed in-process, turned into AsciiDoc and rendered by AsciidoctorJ. */
package org.iamlab.site;
