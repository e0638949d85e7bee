/** The {@code iamlab} command line: one picocli command per job, assembled into one runnable jar. */
package org.iamlab.cli;
