/** The IAM Lab Jupyter kernel: JShell Java cells, {@code %%iam} cells in IAM Lab's language, rich traces. */
package org.iamlab.kernel;
