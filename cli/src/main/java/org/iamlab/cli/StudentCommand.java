package org.iamlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.iamlab.lessons.student.StudentEdition;
import org.iamlab.lessons.student.StudentEditionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamlab student SRC... --out DIR}: writes the student edition of each notebook (a folder stands for its
 * {@code .ipynb} files): solutions replaced by stubs that still run, hidden checks removed, outputs cleared,
 * checksums of grade and locked cells recorded, metadata kept.
 */
@Command(name = "student", mixinStandardHelpOptions = true,
        description = {"Write the student edition of lesson notebooks, as nbgrader's generate_assignment does.",
                "Exit status: 0 when every notebook was written, 1 when some could not be (its error is printed),"
                        + " 2 for bad arguments."})
final class StudentCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SRC", description = "Notebooks, or folders of notebooks.")
    private List<Path> sources;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the student editions go.")
    private Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> notebooks = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source)) {
                    notebooks.addAll(files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList());
                } catch (IOException e) {
                    err.println("iamlab student: " + source + ": " + e.getMessage());
                    return IamLab.USAGE;
                }
            } else if (Files.isRegularFile(source)) {
                notebooks.add(source);
            } else {
                err.println("iamlab student: " + source + ": no such file or folder");
                return IamLab.USAGE;
            }
        }
        int status = IamLab.OK;
        for (Path nb : notebooks) {
            try {
                stdout.println(StudentEdition.write(nb, out));
            } catch (StudentEditionException e) {
                err.println("iamlab student: " + e.getMessage());
                status = IamLab.SOME_INPUT_FAILED;
            } catch (IOException e) {
                err.println("iamlab student: " + nb + ": " + e.getMessage());
                status = IamLab.SOME_INPUT_FAILED;
            }
        }
        stdout.flush();
        return status;
    }
}
