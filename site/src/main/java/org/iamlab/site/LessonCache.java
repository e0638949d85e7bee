package org.iamlab.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.iamlab.kernel.CellOutput;

/**
 * What earlier builds made, so that a lesson that did not change is not run again and a page whose AsciiDoc did
 * not change is not rendered again: one JSON file per lesson (its outputs as nbformat stores them), keyed by the
 * SHA-256 of the notebook's bytes and of the program (the jars or class folders of the kernel, the language, the
 * engine, the lessons module with its exam bank, the site and AsciidoctorJ; a jar by its entries' names, sizes and
 * CRC-32s); one HTML file per rendered page body,
 * named by the SHA-256 of the program and the page's AsciiDoc; the practice page's AsciiDoc, whose keys the
 * evaluator computes, under the program's and the bank's.
 */
final class LessonCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final byte[] program;

    private LessonCache(Path dir, byte[] program) {
        this.dir = dir;
        this.program = program;
    }

    /** A cache in {@code dir} for the program on this class path. */
    static LessonCache open(Path dir) throws IOException {
        return new LessonCache(dir, programDigest());
    }

    /** The body AsciidoctorJ rendered for {@code adoc} in an earlier build of the same program. */
    Optional<String> page(String adoc) {
        try {
            Path file = pageFile(adoc);
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void putPage(String adoc, String html) throws IOException {
        Path file = pageFile(adoc);
        Files.createDirectories(file.getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    /** Removes the rendered pages that none of {@code adocs} (this build's pages) needs. */
    void keepPagesOf(List<String> adocs) throws IOException {
        Path pages = dir.resolve("pages");
        if (!Files.isDirectory(pages)) {
            return;
        }
        java.util.Set<Path> keep = new java.util.HashSet<>();
        for (String adoc : adocs) {
            keep.add(pageFile(adoc));
        }
        try (Stream<Path> files = Files.list(pages)) {
            for (Path f : files.filter(f -> !keep.contains(f)).toList()) {
                Files.delete(f);
            }
        }
    }

    /**
     * The practice page's AsciiDoc for the bank known by {@code bankKey}: made by {@code make} (which computes
     * every key with the evaluator) only when the program or the bank changed since it was last made.
     */
    String practicePage(String bankKey, java.util.function.Supplier<String> make) throws IOException {
        MessageDigest sha = sha256();
        sha.update(program);
        sha.update(bankKey.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("practice-" + HexFormat.of().formatHex(sha.digest()) + ".adoc");
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        String adoc = make.get();
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.filter(f -> f.getFileName().toString().startsWith("practice-")).toList()) {
                Files.delete(f);
            }
        }
        Files.writeString(file, adoc, StandardCharsets.UTF_8);
        return adoc;
    }

    private Path pageFile(String adoc) {
        MessageDigest sha = sha256();
        sha.update(program);
        sha.update(adoc.getBytes(StandardCharsets.UTF_8));
        return dir.resolve("pages").resolve(HexFormat.of().formatHex(sha.digest()) + ".html");
    }

    /** The key of {@code notebook}: its content and the program's. */
    String key(Path notebook) throws IOException {
        MessageDigest sha = sha256();
        sha.update(program);
        sha.update(Files.readAllBytes(notebook));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The outputs stored for {@code id} under {@code key}, one list per cell. */
    Optional<List<List<CellOutput>>> get(String id, String key) {
        Path file = dir.resolve(id + ".json");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode root = JSON.readTree(file.toFile());
            if (!key.equals(root.path("key").asText())) {
                return Optional.empty();
            }
            List<List<CellOutput>> cells = new ArrayList<>();
            for (JsonNode cell : root.path("cells")) {
                List<CellOutput> outputs = new ArrayList<>();
                cell.forEach(o -> outputs.add(output(o)));
                cells.add(outputs);
            }
            return Optional.of(cells);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void put(String id, String key, List<List<CellOutput>> cells) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("key", key);
        ArrayNode array = root.putArray("cells");
        for (List<CellOutput> outputs : cells) {
            ArrayNode cell = array.addArray();
            outputs.forEach(o -> cell.add(node(o)));
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve(id + ".json.tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, dir.resolve(id + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static ObjectNode node(CellOutput output) {
        ObjectNode n = JSON.createObjectNode();
        if (output instanceof CellOutput.Stream s) {
            n.put("output_type", "stream").put("name", s.name()).put("text", s.text());
        } else if (output instanceof CellOutput.Display d) {
            n.put("output_type", d.result() ? "execute_result" : "display_data");
            ObjectNode data = n.putObject("data");
            d.data().forEach(data::put);
        } else if (output instanceof CellOutput.Error e) {
            n.put("output_type", "error").put("ename", e.name()).put("evalue", e.value());
            ArrayNode tb = n.putArray("traceback");
            e.traceback().forEach(tb::add);
        }
        return n;
    }

    private static CellOutput output(JsonNode n) {
        return switch (n.path("output_type").asText()) {
            case "stream" -> new CellOutput.Stream(n.path("name").asText(), n.path("text").asText());
            case "error" -> {
                List<String> tb = new ArrayList<>();
                n.path("traceback").forEach(t -> tb.add(t.asText()));
                yield new CellOutput.Error(n.path("ename").asText(), n.path("evalue").asText(), tb);
            }
            default -> {
                Map<String, String> data = new LinkedHashMap<>();
                n.path("data").fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
                yield new CellOutput.Display(data, n.path("output_type").asText().equals("execute_result"));
            }
        };
    }

    /**
     * The digest of the code that runs lessons and renders pages: where the kernel, the language, the engine, the
     * lessons, the site, AsciidoctorJ and the highlighter's scanners come from.
     */
    private static byte[] programDigest() throws IOException {
        MessageDigest sha = sha256();
        List<Path> sources = Stream.of(org.iamlab.kernel.NotebookRunner.class, org.iamlab.dsl.Lab.class,
                        org.iamlab.engine.world.World.class, org.iamlab.lessons.format.Catalog.class,
                        LessonCache.class, org.asciidoctor.Asciidoctor.class,
                        org.fife.ui.rsyntaxtextarea.TokenMaker.class)
                .map(LessonCache::codeSource).distinct().toList();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(source.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        digest(sha, f);
                    }
                }
            } else if (source.getFileName().toString().endsWith(".jar")) {
                digestJar(sha, source);
            } else {
                digest(sha, source);
            }
        }
        return sha.digest();
    }

    /**
     * A jar's content by its central directory: each entry's name, size and CRC-32 (which the jar tool computed
     * from the entry's bytes). Reading the directory takes milliseconds; hashing the 50 MB of the {@code iamlab}
     * jar took a third of a second with the site's JVM options, before any lesson could be looked up.
     */
    private static void digestJar(MessageDigest sha, Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            java.nio.ByteBuffer entry = java.nio.ByteBuffer.allocate(16);
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                sha.update(e.getName().getBytes(StandardCharsets.UTF_8));
                sha.update(entry.clear().putLong(e.getSize()).putLong(e.getCrc()).array());
            }
        }
    }

    private static void digest(MessageDigest sha, Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the code of " + c.getName(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
