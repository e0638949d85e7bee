package org.iamlab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel's runtime class path as Maven built it (target/classes and the dependencies). */
final class TestClassPath {

    private TestClassPath() {
    }

    static String runtime() {
        String classes = System.getProperty("iamlab.kernel.classes", "target/classes");
        String file = System.getProperty("iamlab.kernel.classpath.file", "target/runtime-classpath.txt");
        try {
            return Path.of(classes).toAbsolutePath() + File.pathSeparator + Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("run the tests through Maven: " + file + " is written by the build", e);
        }
    }
}
