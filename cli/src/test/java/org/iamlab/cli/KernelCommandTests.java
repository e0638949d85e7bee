package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelCommandTests {

    @TempDir
    Path dir;

    private Path jar() throws IOException {
        return Files.writeString(dir.resolve("iamlab-built.jar"), "the jar");
    }

    @Test
    void installWritesTheKernelspecUnderThePrefixAndUninstallRemovesIt() throws IOException {
        Path prefix = dir.resolve("env");
        CliRun install = CliRun.of("kernel", "install", "--prefix", prefix.toString(), "--jar", jar().toString());
        assertEquals(0, install.status(), install.err());
        Path spec = prefix.resolve("share/jupyter/kernels/iamlab");
        assertTrue(install.out().contains(spec.toString()), install.out());
        String json = Files.readString(spec.resolve("kernel.json"));
        assertTrue(json.contains("\"interrupt_mode\": \"message\"") && json.contains("\"display_name\": \"IAM Lab\""),
                json);
        assertTrue(json.contains("\"kernel\",") && json.contains("\"{connection_file}\""), json);
        assertEquals("the jar", Files.readString(spec.resolve("iamlab.jar")));

        CliRun uninstall = CliRun.of("kernel", "uninstall", "--prefix", prefix.toString());
        assertEquals(0, uninstall.status(), uninstall.err());
        assertFalse(Files.exists(spec));
    }

    @Test
    void nameChoosesTheKernelspecName() throws IOException {
        Path prefix = dir.resolve("env");
        assertEquals(0, CliRun.of("kernel", "install", "--prefix", prefix.toString(), "--name", "iamlab-dev",
                "--jar", jar().toString()).status());
        assertTrue(Files.exists(prefix.resolve("share/jupyter/kernels/iamlab-dev/kernel.json")));
    }

    @Test
    void uninstallingWhatIsNotThereFailsWithAReason() {
        CliRun r = CliRun.of("kernel", "uninstall", "--prefix", dir.toString());
        assertEquals(KernelCommand.FAILED, r.status());
        assertTrue(r.err().contains("there is no kernelspec `iamlab`"), r.err());
    }

    @Test
    void oneLocationAtATimeAndKernelAloneIsAUsageError() throws IOException {
        assertEquals(IamLab.USAGE, CliRun.of("kernel", "install", "--user", "--prefix", dir.toString(), "--jar",
                jar().toString()).status());
        CliRun bare = CliRun.of("kernel");
        assertEquals(IamLab.USAGE, bare.status());
        assertTrue(bare.err().contains("--connection-file FILE"), bare.err());
        assertEquals(IamLab.USAGE, CliRun.of("kernel", "--connection-file", dir.resolve("none.json").toString()).status());
    }
}
