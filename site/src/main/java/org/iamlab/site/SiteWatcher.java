package org.iamlab.site;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a site, then builds it again each time a lesson or the outline changes, in this one process: AsciidoctorJ
 * stays started and the JIT warm, and the lesson cache runs only the lessons that changed, so an author who saves
 * a lesson sees its page rebuilt in about a second (bench/site/README.md). A build that fails (a notebook that is
 * not valid JSON, say) is reported and the site keeps its last good build; the next save builds again.
 */
public final class SiteWatcher implements AutoCloseable {

    /** How long the lessons' folder must stay quiet before a build: an editor's save is several file events. */
    private static final long QUIET_MILLIS = 300;

    private final SiteBuilder.Options options;
    private final PrintWriter progress;
    private final LazyRenderer asciidoctor = new LazyRenderer();
    private final WatchService watcher;
    private final AtomicLong builds = new AtomicLong();

    /** Watches the lessons' folder and the outline's of {@code options}; {@link #build()} builds the site. */
    public SiteWatcher(SiteBuilder.Options options, PrintWriter progress) throws IOException {
        this.options = options;
        this.progress = progress;
        watcher = FileSystems.getDefault().newWatchService();
        try {
            register(options.notebooks());
            if (options.outline() != null && options.outline().getParent() != null
                    && Files.isDirectory(options.outline().getParent())) {
                register(options.outline().getParent());
            }
        } catch (IOException | RuntimeException e) {
            watcher.close();
            throw e;
        }
    }

    /** Builds the site now. */
    public SiteBuilder.Summary build() throws IOException {
        SiteBuilder.Summary summary = SiteBuilder.build(options, progress, asciidoctor);
        builds.incrementAndGet();
        return summary;
    }

    /** How many builds succeeded: a served page reloads when this changes ({@link SiteServer}). */
    public long builds() {
        return builds.get();
    }

    /**
     * Builds the site again after each change of a lesson or of the outline, until this thread is interrupted
     * (then throws {@link InterruptedException}) or this watcher is closed (then returns).
     */
    public void watch() throws InterruptedException {
        try {
            while (true) {
                Set<String> changed = changes(watcher.take());
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    changed.addAll(changes(more));
                }
                if (!changed.isEmpty()) {
                    rebuild(changed);
                }
            }
        } catch (ClosedWatchServiceException closed) {
            // closed by close(): the watch is over
        }
    }

    private void rebuild(Set<String> changed) {
        progress.println("changed: " + String.join(", ", changed) + "; building the site again ...");
        progress.flush();
        try {
            build().failureNotice().ifPresent(progress::println);
        } catch (IOException | RuntimeException e) {
            // whatever went wrong, the author can fix it and save again: the watch goes on
            progress.println("iamlab site: the build failed: " + (e.getMessage() != null ? e.getMessage() : e));
            progress.println("the site keeps its last build; fix the lesson and save it again");
        }
        progress.flush();
    }

    /** The lessons and outline that {@code key}'s events name (all of them, when events were lost). */
    private Set<String> changes(WatchKey key) {
        Set<String> changed = new TreeSet<>();
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add("(too many changes to list)");
            } else if (event.context() instanceof Path name && watched(folder.resolve(name))) {
                changed.add(name.toString());
            }
        }
        key.reset();
        return changed;
    }

    /** A lesson in the lessons' folder (not an editor's hidden temporary file), or the outline. */
    private boolean watched(Path file) {
        String name = file.getFileName().toString();
        if (options.outline() != null && file.equals(options.outline())) {
            return true;
        }
        return file.getParent().equals(options.notebooks()) && name.endsWith(".ipynb") && !name.startsWith(".");
    }

    private void register(Path folder) throws IOException {
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    /** Stops watching (a {@link #watch()} in progress returns) and closes AsciidoctorJ. */
    @Override
    public void close() throws IOException {
        watcher.close();
        asciidoctor.close();
    }
}
