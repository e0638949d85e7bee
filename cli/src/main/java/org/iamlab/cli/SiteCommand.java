package org.iamlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iamlab.site.BankQuestions;
import org.iamlab.site.Edition;
import org.iamlab.site.QuestionBank;
import org.iamlab.site.SiteBuilder;
import org.iamlab.site.SiteServer;
import org.iamlab.site.SiteWatcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iamlab site}: runs every lesson in this process and renders the course site (DESIGN section 9); with
 * {@code --serve}, serves it on localhost and builds it again whenever a lesson changes, until stopped.
 */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = {"Builds the course site: runs every lesson in notebooks/ (no Jupyter needed) and renders "
                + "the pages with AsciidoctorJ into a static site that works from file:// or any static host. "
                + "Lessons that did not change since the last build are not run again."})
final class SiteCommand implements Callable<Integer> {

    /** Exit status: the site could not be built (the reason is printed). */
    static final int FAILED = 1;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/site",
            description = "Where the site goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--edition", paramLabel = "student|instructor", defaultValue = "student",
            converter = EditionConverter.class,
            description = "student: solutions replaced by stubs (default); instructor: solutions shown, folded.")
    private Edition edition;

    @Option(names = "--keep-adoc", description = "Leave each page's generated AsciiDoc beside its HTML.")
    private boolean keepAdoc;

    @Option(names = "--serve", description = {"Then serve the site on localhost, print its URL and build it again "
            + "each time a lesson or the outline changes (Ctrl-C stops)."})
    private boolean serve;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000",
            description = "The port --serve listens on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    private int port;

    @Option(names = "--notebooks", paramLabel = "DIR",
            description = "The lessons' folder (default: notebooks/ here, else the one beside this program).")
    private Path notebooks;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        keepGroovyParserWarm();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter console = spec.commandLine().getOut();
        Path lessons = notebooks != null ? notebooks : defaultNotebooks();
        if (!Files.isDirectory(lessons)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no lessons folder `" + lessons
                    + "`; name it with --notebooks DIR");
        }
        QuestionBank bank;
        try {
            bank = BankQuestions.course();
        } catch (RuntimeException e) {
            err.println("iamlab site: the exam bank: " + e.getMessage());
            return FAILED;
        }
        Path outline = lessons.toAbsolutePath().normalize().resolveSibling("lessons").resolve("outline.yaml");
        console.println("building the " + edition.name().toLowerCase(java.util.Locale.ROOT) + " edition of the "
                + "course site from " + lessons + " into " + out);
        console.flush();
        SiteBuilder.Options options = new SiteBuilder.Options(lessons, outline, out, edition, keepAdoc, bank,
                System.getProperty("java.class.path"));
        if (!serve) {
            return built(() -> SiteBuilder.build(options, console), console, err) ? IamLab.OK : FAILED;
        }
        try (SiteWatcher watcher = new SiteWatcher(options, console)) {
            SiteServer server;
            try {
                // before the build, so that a busy port is said at once rather than after every lesson ran
                server = SiteServer.start(out, port, watcher::builds);
            } catch (BindException e) {
                err.println("iamlab site: cannot serve on port " + port + ": it is in use; choose another with "
                        + "--port N (0 for any free port)");
                return FAILED;
            }
            try (server) {
                if (!built(watcher::build, console, err)) {
                    return FAILED;
                }
                console.println("serving the site at " + server.uri() + "; saving a lesson builds it again and "
                        + "reloads its page (Ctrl-C stops)");
                console.flush();
                watcher.watch();
            }
        }
        return IamLab.OK;
    }

    /** A build of the site. */
    private interface Build {
        SiteBuilder.Summary run() throws IOException;
    }

    /** Runs {@code build}; whether it built the site (else the reason is printed). */
    private static boolean built(Build build, PrintWriter console, PrintWriter err) {
        SiteBuilder.Summary summary;
        try {
            summary = build.run();
        } catch (IOException | IllegalArgumentException e) {
            console.flush();
            err.println("iamlab site: " + e.getMessage());
            return false;
        }
        summary.failureNotice().ifPresent(console::println);
        console.flush();
        return true;
    }

    /**
     * Groovy's parser drops its prediction cache every 64 parses to bound a long-lived process's memory; a build
     * parses about a thousand small snippets (the lessons' cells, the exam bank's worlds and options) and then
     * ends, so it keeps the cache: 5 % less CPU for the cold build (bench/site/README.md). Unless the user set it.
     */
    private static void keepGroovyParserWarm() {
        if (System.getProperty("groovy.antlr4.cache.threshold") == null) {
            System.setProperty("groovy.antlr4.cache.threshold", "0");
        }
    }

    /** notebooks/ in the current folder, else the repository's, beside cli/target/iamlab.jar. */
    private static Path defaultNotebooks() throws URISyntaxException {
        Path here = Path.of("notebooks");
        if (Files.isDirectory(here)) {
            return here;
        }
        Path jar = Path.of(SiteCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = jar.getParent() == null || jar.getParent().getParent() == null ? null
                : jar.getParent().getParent().getParent();
        return root == null ? here : root.resolve("notebooks");
    }

    /** {@code student} or {@code instructor}, any case. */
    static final class EditionConverter implements CommandLine.ITypeConverter<Edition> {
        @Override
        public Edition convert(String value) {
            for (Edition e : Edition.values()) {
                if (e.name().equalsIgnoreCase(value)) {
                    return e;
                }
            }
            throw new CommandLine.TypeConversionException("`" + value + "` is not an edition; use student or "
                    + "instructor");
        }
    }
}
