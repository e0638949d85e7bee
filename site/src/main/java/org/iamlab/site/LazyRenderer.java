package org.iamlab.site;

import java.util.concurrent.CompletableFuture;

/**
 * The AsciidoctorJ instance of one build, or of every build of a process that rebuilds a site when its lessons
 * change ({@link SiteWatcher}): started in the background when first needed, so that a build in which nothing
 * changed never starts it, and closed with its owner.
 */
final class LazyRenderer implements AutoCloseable {

    private CompletableFuture<AsciiDocRenderer> started;

    /** Starts AsciidoctorJ in the background, once; the renderer, when started. */
    synchronized CompletableFuture<AsciiDocRenderer> start() {
        if (started == null) {
            started = AsciiDocRenderer.start();
        }
        return started;
    }

    /** Closes AsciidoctorJ once it is started (and has rendered what it was given before). */
    @Override
    public synchronized void close() {
        if (started != null) {
            started.thenAccept(AsciiDocRenderer::close);
        }
    }
}
