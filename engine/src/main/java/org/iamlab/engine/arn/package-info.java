/** Amazon Resource Names: parsing, and patterns that match segment by segment. */
package org.iamlab.engine.arn;
