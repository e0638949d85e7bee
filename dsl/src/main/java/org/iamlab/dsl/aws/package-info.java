/**
 * The {@code aws} command subset: command lines as the course prints them (several lines, backslash
 * continuations, quoted JSON), run against a world, answering with the AWS CLI's JSON and its error messages.
 */
package org.iamlab.dsl.aws;
