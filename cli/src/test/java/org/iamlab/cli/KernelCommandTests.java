package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelCommandTests {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = IamLab.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path jar() throws IOException {
        return Files.writeString(dir.resolve("iamlab-built.jar"), "the jar");
    }

    @Test
    void installWritesTheKernelspecUnderThePrefixAndUninstallRemovesIt() throws IOException {
        Path prefix = dir.resolve("env");
        Run install = run("kernel", "install", "--prefix", prefix.toString(), "--jar", jar().toString());
        assertEquals(0, install.status(), install.err());
        Path spec = prefix.resolve("share/jupyter/kernels/iamlab");
        assertTrue(install.out().contains(spec.toString()), install.out());
        String json = Files.readString(spec.resolve("kernel.json"));
        assertTrue(json.contains("\"interrupt_mode\": \"message\"") && json.contains("\"display_name\": \"IAM Lab\""),
                json);
        assertTrue(json.contains("\"kernel\",") && json.contains("\"{connection_file}\""), json);
        assertEquals("the jar", Files.readString(spec.resolve("iamlab.jar")));

        Run uninstall = run("kernel", "uninstall", "--prefix", prefix.toString());
        assertEquals(0, uninstall.status(), uninstall.err());
        assertFalse(Files.exists(spec));
    }

    @Test
    void nameChoosesTheKernelspecName() throws IOException {
        Path prefix = dir.resolve("env");
        assertEquals(0, run("kernel", "install", "--prefix", prefix.toString(), "--name", "iamlab-dev",
                "--jar", jar().toString()).status());
        assertTrue(Files.exists(prefix.resolve("share/jupyter/kernels/iamlab-dev/kernel.json")));
    }

    @Test
    void uninstallingWhatIsNotThereFailsWithAReason() {
        Run r = run("kernel", "uninstall", "--prefix", dir.toString());
        assertEquals(KernelCommand.FAILED, r.status());
        assertTrue(r.err().contains("there is no kernelspec `iamlab`"), r.err());
    }

    @Test
    void oneLocationAtATimeAndKernelAloneIsAUsageError() throws IOException {
        assertEquals(IamLab.USAGE, run("kernel", "install", "--user", "--prefix", dir.toString(), "--jar",
                jar().toString()).status());
        Run bare = run("kernel");
        assertEquals(IamLab.USAGE, bare.status());
        assertTrue(bare.err().contains("--connection-file FILE"), bare.err());
        assertEquals(IamLab.USAGE, run("kernel", "--connection-file", dir.resolve("none.json").toString()).status());
    }
}
