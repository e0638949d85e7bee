package org.iamlab.lessons.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iamlab.lessons.format.Catalog;
import org.iamlab.lessons.model.Exercise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public view a submission's JVM gets: exercises without hidden checks or solutions, a class path without them. */
class PublicViewTests {

    @TempDir
    Path dir;

    @Test
    void thePublicExercisesKeepEveryPublicCheckButNoHiddenCheckAndNoSolution() throws IOException {
        Map<String, String> files = Catalog.resources();
        PublicView.writeExercises(files, dir);
        Catalog full = Catalog.of(files);
        Catalog open = Catalog.folder(dir);
        assertEquals(full.all().size(), open.all().size());
        Exercise.WritePolicy uploads = (Exercise.WritePolicy) open.get("shop-bob-uploads");
        assertTrue(uploads.hidden().isEmpty());
        assertFalse(((Exercise.WritePolicy) full.get("shop-bob-uploads")).hidden().isEmpty());
        assertEquals(PublicView.WITHHELD, uploads.solution().code());
        assertEquals(((Exercise.WritePolicy) full.get("shop-bob-uploads")).checks().size(), uploads.checks().size());
        for (String name : files.keySet()) {
            String text = Files.readString(dir.resolve(name));
            assertFalse(text.contains("hidden:"), name);
        }
    }

    @Test
    void theChildClassPathHoldsNoExerciseFileButEverythingElse() throws IOException {
        String classPath = PublicView.classPath(System.getProperty("java.class.path"), dir.resolve("cp"));
        URL[] urls = java.util.Arrays.stream(classPath.split(File.pathSeparator)).map(p -> {
            try {
                return Path.of(p).toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
        String lesson = "org/iamlab/lessons/exercises/01-who-can-do-what.yaml";
        assertNotNull(getClass().getClassLoader().getResource(lesson), "the probe must find it in this JVM");
        try (URLClassLoader child = new URLClassLoader(urls, null)) {
            assertNull(child.getResource(lesson));
            assertNull(child.getResource("org/iamlab/lessons/bank/"));
            assertNotNull(child.getResource("org/iamlab/lessons/Workbook.class"));
        }
    }
}
