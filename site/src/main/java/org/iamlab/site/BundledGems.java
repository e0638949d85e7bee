package org.iamlab.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where the Ruby gems that AsciidoctorJ bundles in its jar keep their code ({@code gems/NAME-VERSION/lib}), as
 * JRuby load paths. Putting Asciidoctor's {@code lib} on the load path lets JRuby start without RubyGems, whose
 * loading (to find that same folder from the gem specifications) was 0.5 s of the 1.3 s that starting AsciidoctorJ
 * took (bench/site/README.md).
 */
final class BundledGems {

    private BundledGems() {
    }

    /**
     * The load paths of {@code gems} (names without versions: {@code asciidoctor}, {@code rouge}) in the jar that
     * holds AsciidoctorJ's gems, or empty when one of them cannot be found there (then RubyGems must find them).
     */
    static Optional<List<String>> loadPaths(ClassLoader loader, String... gems) {
        URL folder = loader.getResource("gems/");
        if (folder == null || !folder.getProtocol().equals("jar")) {
            return Optional.empty();
        }
        try {
            JarURLConnection connection = (JarURLConnection) folder.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                List<String> paths = new ArrayList<>();
                for (String gem : gems) {
                    Optional<String> lib = libOf(jar, gem);
                    if (lib.isEmpty()) {
                        return Optional.empty();
                    }
                    paths.add("uri:classloader:/" + lib.get());
                }
                return Optional.of(List.copyOf(paths));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gems bundled with AsciidoctorJ at " + folder, e);
        }
    }

    /** {@code gems/NAME-VERSION/lib} when the jar has {@code gems/NAME-VERSION/lib/NAME.rb}. */
    private static Optional<String> libOf(JarFile jar, String gem) {
        String prefix = "gems/" + gem + "-";
        String main = "/lib/" + gem + ".rb";
        return jar.stream().map(JarEntry::getName)
                .filter(name -> name.startsWith(prefix) && name.endsWith(main)
                        && isVersion(name.substring(prefix.length(), name.length() - main.length())))
                .map(name -> name.substring(0, name.length() - (gem + ".rb").length() - 1))
                .findFirst();
    }

    /** A gem version such as {@code 2.0.26}: not a longer gem name such as {@code rouge-lexers-1.0}. */
    private static boolean isVersion(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0)) && text.indexOf('/') < 0;
    }
}
