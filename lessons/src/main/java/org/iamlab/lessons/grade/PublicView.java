package org.iamlab.lessons.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * What the JVM that runs a submission is given, so that student code never sees the hidden checks: the public
 * view of the exercises (each file without {@code hidden} checks, its {@code solution} withheld) in a folder, and
 * a class path with the course's exercise files taken out of every jar and folder that holds them (copies made
 * in a folder of the output, with the children's class data archive, which a new copy makes stale). The notebooks'
 * {@code exercise}, {@code check} and {@code answer} cells work as the student saw them; the checks that grade
 * live only in the grading process.
 */
public final class PublicView {

    /** Where the course's exercise files are, in the class path. */
    static final List<String> EXERCISE_RESOURCES = List.of("org/iamlab/lessons/exercises/",
            "org/iamlab/lessons/bank/");
    static final String WITHHELD = "// withheld while grading\n";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PublicView() {
    }

    /** Writes the public view of {@code files} (name to YAML text) under {@code dir}. */
    public static void writeExercises(Map<String, String> files, Path dir) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            JsonNode root = YAML.readTree(f.getValue());
            for (JsonNode e : root.path("exercises")) {
                if (e instanceof ObjectNode o) {
                    o.remove("hidden");
                    if (o.has("solution")) {
                        o.put("solution", WITHHELD);
                    }
                }
            }
            Path out = dir.resolve(f.getKey());
            Files.createDirectories(out.getParent());
            YAML.writeValue(out.toFile(), root);
        }
    }

    /**
     * {@code classPath} with the exercise files removed: each entry that holds them is replaced by a copy
     * without them, made in {@code dir} (once: a copy newer than its source is reused).
     */
    public static String classPath(String classPath, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry);
            Path copy = dir.resolve("public-" + (n++) + "-" + p.getFileName() + (Files.isDirectory(p) ? ".jar" : ""));
            if (Files.isDirectory(p) && EXERCISE_RESOURCES.stream().anyMatch(r -> Files.isDirectory(p.resolve(r)))) {
                if (stale(copy, p)) {
                    folderWithout(p, copy);
                    forgetArchives(dir);
                }
                out.add(copy.toString());
            } else if (Files.isRegularFile(p) && entry.endsWith(".jar") && holdsExercises(p)) {
                if (stale(copy, p)) {
                    jarWithout(p, copy);
                    forgetArchives(dir);
                }
                out.add(copy.toString());
            } else {
                out.add(entry);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    /** A class data archive made over the old copies would not match the new ones: the next child makes another. */
    private static void forgetArchives(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static boolean stale(Path copy, Path source) throws IOException {
        return !Files.exists(copy) || Files.isDirectory(source)
                || Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(source)) < 0;
    }

    private static boolean holdsExercises(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return EXERCISE_RESOURCES.stream().anyMatch(r -> zip.getEntry(r) != null);
        }
    }

    private static boolean hidden(String name) {
        return EXERCISE_RESOURCES.stream().anyMatch(name::startsWith);
    }

    private static void jarWithout(Path jar, Path copy) throws IOException {
        Path tmp = Files.createTempFile(copy.getParent(), "jar", ".tmp");
        try (ZipFile zip = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (hidden(e.getName())) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void folderWithout(Path folder, Path copy) throws IOException {
        try (Stream<Path> all = Files.walk(folder); OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(p).toString().replace(File.separatorChar, '/');
                if (hidden(name)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                Files.copy(p, out);
                out.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
