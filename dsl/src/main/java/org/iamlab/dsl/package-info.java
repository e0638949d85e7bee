/**
 * The Groovy language for AWS worlds: a builder ({@code account}, {@code user}, {@code role}, policies written as
 * statements, maps or JSON) over the engine's world model, queries ({@code explain}, {@code can},
 * {@code whoCan}, {@code whatCan}) and the {@code aws} command subset. {@link org.iamlab.dsl.Lab} runs scripts.
 */
package org.iamlab.dsl;
