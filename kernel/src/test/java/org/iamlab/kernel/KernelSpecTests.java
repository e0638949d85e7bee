package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTests {

    @TempDir
    Path dir;

    private Path jar() throws IOException {
        return Files.writeString(dir.resolve("built.jar"), "a jar");
    }

    private static JsonObject json(Path spec) throws IOException {
        return JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
    }

    @Test
    void installCopiesTheJarAndWritesAKernelJsonThatStartsItWithThisJava() throws IOException {
        Path kernels = dir.resolve("kernels");
        Path spec = KernelSpec.install(kernels, "iamlab", jar(), Path.of("/opt/jdk/bin/java"), List.of("-Xss2m"),
                List.of("kernel", "--connection-file", "{connection_file}"), List.of());
        assertEquals(kernels.resolve("iamlab"), spec);
        assertEquals("a jar", Files.readString(spec.resolve("iamlab.jar")));
        JsonObject k = json(spec);
        assertEquals(List.of("/opt/jdk/bin/java", "-Xss2m", "-jar", spec.resolve("iamlab.jar").toAbsolutePath()
                .toString(), "kernel", "--connection-file", "{connection_file}"),
                k.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList());
        assertEquals("IAM Lab", k.get("display_name").getAsString());
        assertEquals("java", k.get("language").getAsString());
        assertEquals("message", k.get("interrupt_mode").getAsString());
    }

    @Test
    void aTrainingRunGivesTheKernelAClassDataArchiveAndAFailedOneIsLeftOut() throws IOException {
        Path stub = dir.resolve("stub.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, TrainingStub.class.getName());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(stub), manifest);
             var in = TrainingStub.class.getResourceAsStream("TrainingStub.class")) {
            out.putNextEntry(new java.util.jar.JarEntry("org/iamlab/kernel/TrainingStub.class"));
            in.transferTo(out);
        }
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path spec = KernelSpec.install(dir.resolve("kernels"), "iamlab", stub, java, List.of(), List.of(),
                List.of("--train"));
        assertTrue(Files.isRegularFile(spec.resolve(KernelSpec.ARCHIVE_NAME)));
        assertTrue(json(spec).getAsJsonArray("argv").toString().contains("-XX:SharedArchiveFile="
                + spec.resolve(KernelSpec.ARCHIVE_NAME).toAbsolutePath()));

        Path failed = KernelSpec.install(dir.resolve("other"), "iamlab", jar(), java, List.of(), List.of(),
                List.of("--train"));
        assertFalse(Files.exists(failed.resolve(KernelSpec.ARCHIVE_NAME)));
        assertFalse(json(failed).getAsJsonArray("argv").toString().contains("SharedArchiveFile"));
    }

    @Test
    void installingAgainReplacesTheKernelspec() throws IOException {
        Path kernels = dir.resolve("kernels");
        KernelSpec.install(kernels, "iamlab", jar(), Path.of("/a/java"), List.of(), List.of(), List.of());
        Path spec = KernelSpec.install(kernels, "iamlab", jar(), Path.of("/b/java"), List.of(), List.of(), List.of());
        assertEquals("/b/java", json(spec).getAsJsonArray("argv").get(0).getAsString());
    }

    @Test
    void uninstallRemovesTheDirectoryAndComplainsWhenThereIsNone() throws IOException {
        Path kernels = dir.resolve("kernels");
        Path spec = KernelSpec.install(kernels, "lab", jar(), Path.of("/a/java"), List.of(), List.of(), List.of());
        assertEquals(spec, KernelSpec.uninstall(kernels, "lab"));
        assertFalse(Files.exists(spec));
        KernelSpec.KernelSpecException e = assertThrows(KernelSpec.KernelSpecException.class,
                () -> KernelSpec.uninstall(kernels, "lab"));
        assertTrue(e.getMessage().startsWith("there is no kernelspec `lab`"), e.getMessage());
    }

    @Test
    void aMissingJarOrABadNameIsReportedNotWritten() {
        assertThrows(KernelSpec.KernelSpecException.class, () -> KernelSpec.install(dir, "iamlab",
                dir.resolve("missing.jar"), Path.of("java"), List.of(), List.of(), List.of()));
        assertThrows(KernelSpec.KernelSpecException.class, () -> KernelSpec.install(dir, "../evil", jar(),
                Path.of("java"), List.of(), List.of(), List.of()));
    }

    @Test
    void aPrefixHoldsKernelsUnderShareJupyter() {
        assertEquals(dir.resolve("share/jupyter/kernels"),
                KernelSpec.kernelsDir(KernelSpec.Scope.PREFIX, dir, Map.of(), dir));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theUserDirectoryFollowsJupyterOnLinux() {
        Path home = Path.of("/home/learner");
        assertEquals(home.resolve(".local/share/jupyter/kernels"),
                KernelSpec.kernelsDir(KernelSpec.Scope.USER, null, Map.of(), home));
        assertEquals(Path.of("/xdg/jupyter/kernels"),
                KernelSpec.kernelsDir(KernelSpec.Scope.USER, null, Map.of("XDG_DATA_HOME", "/xdg"), home));
        assertEquals(Path.of("/data/kernels"), KernelSpec.kernelsDir(KernelSpec.Scope.USER, null,
                Map.of("JUPYTER_DATA_DIR", "/data", "XDG_DATA_HOME", "/xdg"), home));
    }

    @Test
    void homeIsTheHomeVariableAsForJupyter() {
        assertEquals(Path.of("/home/learner"), KernelSpec.home(Map.of("HOME", "/home/learner")));
        assertEquals(Path.of(System.getProperty("user.home")), KernelSpec.home(Map.of()));
    }

    @Test
    void sysPrefixNeedsJupyterOnThePath() {
        KernelSpec.KernelSpecException e = assertThrows(KernelSpec.KernelSpecException.class,
                () -> KernelSpec.kernelsDir(KernelSpec.Scope.SYS_PREFIX, null, Map.of("PATH", dir.toString()), dir));
        assertTrue(e.getMessage().contains("cannot find `jupyter`"), e.getMessage());
    }
}
