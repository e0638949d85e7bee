package org.iamlab.site;

import java.util.concurrent.CompletableFuture;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.jruby.AsciidoctorJRuby;

/**
 * The one AsciidoctorJ instance of a build: started once, in the background while lessons run (starting JRuby
 * and loading Asciidoctor is most of the cost), then converting every page. JRuby runs interpreted only
 * ({@code jruby.compile.mode=OFF}): for a few dozen documents its JIT costs more than it saves; and it starts
 * without RubyGems, Asciidoctor being found on the load path instead ({@link BundledGems}), which saves 0.5 s.
 * Source blocks are highlighted on the server in Java ({@link SourceHighlighter}), as CSS classes that the site's
 * stylesheet colours for the light and the dark theme; Rouge, in JRuby, took as long as the rest of the rendering
 * (all measured in bench/site/README.md).
 */
public final class AsciiDocRenderer implements AutoCloseable {

    /** Loads, while the lessons run, what the pages will need: the converter's code for each kind of block. */
    private static final String WARM_UP = """
            = Warm-up

            [source,java]
            ----
            int a = List.of(1).size();
            ----

            [source,groovy]
            ----
            account('1') { user('u') }
            ----

            [source,json]
            ----
            {"a": [1, true]}
            ----

            [source,shell]
            ----
            aws iam get-user --user-name u
            ----

            ....
            text
            ....
            """;

    private final Asciidoctor asciidoctor;
    private final Options options;

    private AsciiDocRenderer() {
        leanJRuby();
        asciidoctor = BundledGems.loadPaths(AsciiDocRenderer.class.getClassLoader(), "asciidoctor")
                .<Asciidoctor>map(paths -> {
                    withoutRubyGems();
                    return AsciidoctorJRuby.Factory.create(paths);
                })
                .orElseGet(Asciidoctor.Factory::create);
        asciidoctor.syntaxHighlighterRegistry().register(SourceHighlighter.class, SourceHighlighter.NAME);
        options = Options.builder().safe(SafeMode.SAFE).standalone(false)
                .attributes(Attributes.builder().sourceHighlighter(SourceHighlighter.NAME)
                        .showTitle(true).attribute("idprefix", "").attribute("idseparator", "-").build())
                .build();
    }

    /** Sets JRuby's start-up options unless the user set them ({@code -Djruby.compile.mode=JIT} to compare). */
    static void leanJRuby() {
        if (System.getProperty("jruby.compile.mode") == null) {
            System.setProperty("jruby.compile.mode", "OFF");
        }
    }

    /** Starts AsciidoctorJ on a thread of its own. */
    static CompletableFuture<AsciiDocRenderer> start() {
        CompletableFuture<AsciiDocRenderer> started = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                AsciiDocRenderer renderer = new AsciiDocRenderer();
                renderer.render(WARM_UP);
                started.complete(renderer);
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "iamlab-asciidoctor-start");
        t.setDaemon(true);
        t.start();
        return started;
    }

    /**
     * Starts JRuby without RubyGems unless the user asked otherwise ({@code -Djruby.cli.rubygems.enable=true} to
     * compare): a JRuby runtime reads the property when it is made.
     */
    private static void withoutRubyGems() {
        if (System.getProperty("jruby.cli.rubygems.enable") == null) {
            System.setProperty("jruby.cli.rubygems.enable", "false");
        }
    }

    /** A renderer started in this thread (bench/site/RenderAdoc.java times it against Ruby's asciidoctor). */
    public static AsciiDocRenderer startHere() {
        return new AsciiDocRenderer();
    }

    /** The HTML of {@code adoc}'s body (the site's page shell goes around it). */
    public String render(String adoc) {
        return asciidoctor.convert(adoc, options);
    }

    @Override
    public void close() {
        asciidoctor.shutdown();
    }
}
