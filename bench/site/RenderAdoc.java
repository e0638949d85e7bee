import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iamlab.site.AsciiDocRenderer;

/**
 * Times AsciidoctorJ on the site's AsciiDoc files, as the site renders them (one instance, the site's options):
 * start-up, then passes over the files (2, or {@code -Dpasses=N}; with more than 2 it also prints the fastest
 * pass, the steady state of a warm instance). bench/site/run.sh compiles and runs it:
 * java -cp cli/target/iamlab.jar:CLASSES RenderAdoc FILE.adoc...
 */
public class RenderAdoc {
    public static void main(String[] args) throws Exception {
        int passes = Math.max(2, Integer.getInteger("passes", 2));
        List<String> files = new ArrayList<>();
        for (String f : args) {
            files.add(Files.readString(Path.of(f)));
        }
        long t0 = System.nanoTime();
        try (AsciiDocRenderer renderer = AsciiDocRenderer.startHere()) {
            long t1 = System.nanoTime();
            List<Double> times = new ArrayList<>();
            long chars = 0;
            for (int p = 0; p < passes; p++) {
                long t = System.nanoTime();
                for (String adoc : files) {
                    chars += renderer.render(adoc).length();
                }
                times.add((System.nanoTime() - t) / 1e9);
            }
            System.out.printf("asciidoctorj: start %.2f s, first pass %.2f s, second pass %.2f s%s (%d files, %d chars"
                    + " of HTML a pass)%n", (t1 - t0) / 1e9, times.get(0), times.get(1), passes > 2
                    ? String.format(", fastest of %d passes %.3f s", passes, times.stream().min(Double::compare)
                    .orElseThrow()) : "", args.length, chars / passes);
        }
    }
}
