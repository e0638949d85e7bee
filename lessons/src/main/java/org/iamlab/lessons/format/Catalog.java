package org.iamlab.lessons.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iamlab.engine.parse.Hints;
import org.iamlab.lessons.model.Exercise;

/**
 * Every exercise of the course: the lessons' exercises ({@code exercises/*.yaml}) and the exam bank
 * ({@code bank/*.yaml}), read from this module's resources, so a new file in either folder is picked up without
 * being listed anywhere. Ids are unique across all files.
 */
public final class Catalog {

    /** The resource folders, under {@code org/iamlab/lessons/}. */
    public static final String EXERCISES = "exercises";
    public static final String BANK = "bank";
    private static final String ROOT = "org/iamlab/lessons/";

    private final Map<String, Exercise> byId;
    private final Map<String, String> fileOf;

    private Catalog(Map<String, Exercise> byId, Map<String, String> fileOf) {
        this.byId = byId;
        this.fileOf = fileOf;
    }

    /** The course, read once; a mistake in a file is kept and reported to every caller, not only the first. */
    private static final class Holder {
        static final Catalog INSTANCE;
        static final RuntimeException FAILURE;

        static {
            Catalog loaded = null;
            RuntimeException failure = null;
            try {
                loaded = load();
            } catch (RuntimeException e) {
                failure = e;
            }
            INSTANCE = loaded;
            FAILURE = failure;
        }
    }

    /**
     * The system property that makes {@link #course()} read a folder instead of this module's resources: the
     * grader sets it in the JVM that runs a submission to the public view of the exercises (no hidden checks,
     * no solutions), whose class path holds no exercises at all.
     */
    public static final String FOLDER_PROPERTY = "iamlab.exercises";

    /** The course's exercises, read once. */
    public static Catalog course() {
        if (Holder.FAILURE != null) {
            throw Holder.FAILURE;
        }
        return Holder.INSTANCE;
    }

    /** A catalogue of the given files (name to text), e.g. for tests and for instructors' own folders. */
    public static Catalog of(Map<String, String> files) {
        Map<String, Exercise> byId = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            for (Exercise e : ExerciseReader.read(text, name)) {
                String other = fileOf.putIfAbsent(e.id(), name);
                if (other != null) {
                    throw new ExerciseFormatException(e.header().at(), "exercise `" + e.id() + "` is also defined"
                            + " in " + other);
                }
                byId.put(e.id(), e);
            }
        });
        return new Catalog(java.util.Collections.unmodifiableMap(byId), java.util.Collections.unmodifiableMap(fileOf));
    }

    private static Catalog load() {
        String dir = System.getProperty(FOLDER_PROPERTY);
        return dir != null ? folder(Path.of(dir)) : of(resources());
    }

    /** The exercises of every {@code .yaml} file under {@code dir} (named by their path under it), e.g. an instructor's. */
    public static Catalog folder(Path dir) {
        return of(files(dir));
    }

    /** The {@code .yaml} files under {@code dir}, by their path relative to it ({@code bank/roles.yaml}), sorted. */
    public static Map<String, String> files(Path dir) {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every exercise file of this module's resources, by name ({@code exercises/01-who-can-do-what.yaml}). */
    public static Map<String, String> resources() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String folder : List.of(EXERCISES, BANK)) {
            files.putAll(resources(folder));
        }
        return files;
    }

    /** The {@code .yaml} files of one resource folder, by name ({@code bank/roles.yaml}), sorted. */
    static Map<String, String> resources(String folder) {
        URL url = Catalog.class.getClassLoader().getResource(ROOT + folder);
        Map<String, String> out = new java.util.TreeMap<>();
        if (url == null) {
            return out;
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                read(fs.provider().getPath(uri), folder, out);
            } else {
                read(Path.of(uri), folder, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void read(Path dir, String folder, Map<String, String> out) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    out.put(folder + "/" + p.getFileName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    public Collection<Exercise> all() {
        return byId.values();
    }

    /** The exercise called {@code id}; an unknown id is an error with the closest one. */
    public Exercise get(String id) {
        Exercise e = byId.get(id);
        if (e == null) {
            String hint = Hints.didYouMean(id, byId.keySet());
            throw new IllegalArgumentException("there is no exercise `" + id + "`" + (hint != null ? "; " + hint : ""));
        }
        return e;
    }

    /** The file an exercise was read from, e.g. {@code bank/roles.yaml}. */
    public String fileOf(String id) {
        return fileOf.get(id);
    }

    /** The exam bank: the exercises read from {@code bank/}, in file order. */
    public List<Exercise> bank() {
        List<Exercise> out = new ArrayList<>();
        byId.forEach((id, e) -> {
            if (fileOf.get(id).startsWith(BANK + "/")) {
                out.add(e);
            }
        });
        return out;
    }
}
