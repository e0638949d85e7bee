import java.nio.file.Files;
import java.nio.file.Path;
import org.iamlab.site.AsciiDocRenderer;

/**
 * Times AsciidoctorJ on the site's AsciiDoc files, as the site renders them (one instance, the site's options):
 * start-up, then a first and a second pass over the files. bench/site/run.sh compiles and runs it:
 * java -cp cli/target/iamlab.jar:CLASSES RenderAdoc FILE.adoc...
 */
public class RenderAdoc {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (AsciiDocRenderer renderer = AsciiDocRenderer.startHere()) {
            long t1 = System.nanoTime();
            long chars = 0;
            for (String f : args) {
                chars += renderer.render(Files.readString(Path.of(f))).length();
            }
            long t2 = System.nanoTime();
            for (String f : args) {
                renderer.render(Files.readString(Path.of(f)));
            }
            long t3 = System.nanoTime();
            System.out.printf("asciidoctorj: start %.2f s, first pass %.2f s, second pass %.2f s (%d files, %d chars"
                    + " of HTML)%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, args.length, chars);
        }
    }
}
