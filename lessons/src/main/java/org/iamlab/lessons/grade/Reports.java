package org.iamlab.lessons.grade;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files a grading run writes in its output folder: per student the rows (kept as JSON in {@code .rows/}, so
 * that a second run knows who is graded and can rebuild the class files) and {@code feedback/STUDENT.html}; for
 * the class {@code grades.csv} and {@code summary.html}, rebuilt from every student's rows after each run (also
 * from other shards' runs into the same folder).
 */
public final class Reports {

    static final String ROWS = ".rows";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    /** Whether {@code student} was graded by an earlier run into {@code out}. */
    public static boolean graded(Path out, String student) {
        return Files.exists(rowsFile(out, student)) && Files.exists(feedbackFile(out, student));
    }

    public static Path feedbackFile(Path out, String student) {
        return out.resolve("feedback").resolve(student + ".html");
    }

    private static Path rowsFile(Path out, String student) {
        return out.resolve(ROWS).resolve(student + ".json");
    }

    /** Writes one student's feedback page, then their rows (last, so that an interrupted run regrades them). */
    public static void writeStudent(Path out, String student, Grader.Graded graded) throws IOException {
        Files.createDirectories(feedbackFile(out, student).getParent());
        Files.writeString(feedbackFile(out, student), graded.feedbackHtml());
        Files.createDirectories(rowsFile(out, student).getParent());
        JSON.writeValue(rowsFile(out, student).toFile(), graded.rows());
    }

    /** Every student's rows in {@code out}, by student. */
    public static Map<String, List<Row>> rows(Path out) throws IOException {
        Map<String, List<Row>> all = new TreeMap<>();
        Path dir = out.resolve(ROWS);
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                List<Row> rows = JSON.readValue(f.toFile(), new TypeReference<List<Row>>() { });
                all.put(f.getFileName().toString().replaceFirst("\\.json$", ""), rows);
            }
        }
        return all;
    }

    /** Writes {@code grades.csv} and {@code summary.html} from every student's rows. */
    public static void writeClass(Path out) throws IOException {
        Map<String, List<Row>> all = rows(out);
        StringBuilder csv = new StringBuilder("student,exercise,points,max_points,status\n");
        all.values().forEach(rows -> rows.forEach(r -> csv.append(Csv.line(r.student(), r.exercise(),
                String.valueOf(r.points()), String.valueOf(r.maxPoints()), r.status().csv()))));
        Files.writeString(out.resolve("grades.csv"), csv);
        Files.writeString(out.resolve("summary.html"), summary(all));
    }

    /** Per exercise: how many solved it, the most common wrong answers, and a bar chart of the shares. */
    static String summary(Map<String, List<Row>> all) {
        Map<String, List<Row>> byExercise = new LinkedHashMap<>();
        all.values().stream().flatMap(List::stream).filter(r -> !r.exercise().isEmpty())
                .sorted(Comparator.comparing(Row::lesson))
                .forEach(r -> byExercise.computeIfAbsent(r.exercise(), k -> new ArrayList<>()).add(r));
        List<String> body = new ArrayList<>();
        body.add("<h1>IAM Lab grades: " + all.size() + " students</h1>");
        body.add(Chart.bars(byExercise));
        body.add("<table><thead><tr><th>exercise</th><th>lesson</th><th>solved</th><th>not graded</th>"
                + "<th>most common wrong answers</th></tr></thead><tbody>");
        byExercise.forEach((id, rows) -> {
            long solved = rows.stream().filter(r -> r.status() == Status.PASSED).count();
            long ungraded = rows.stream().filter(r -> !r.status().graded()).count();
            Map<String, Long> wrong = new TreeMap<>();
            rows.stream().filter(r -> r.wrong() != null).forEach(r -> wrong.merge(r.wrong(), 1L, Long::sum));
            StringBuilder w = new StringBuilder("<ol>");
            wrong.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                    .forEach(x -> w.append("<li>").append(Html.escape(x.getKey())).append(" (")
                            .append(x.getValue()).append(")</li>"));
            body.add("<tr><td><code>" + Html.escape(id) + "</code></td><td>" + Html.escape(rows.get(0).lesson())
                    + "</td><td>" + solved + "/" + rows.size() + " (" + Chart.percent(solved, rows.size())
                    + ")</td><td>" + ungraded + "</td><td>" + w.append("</ol>") + "</td></tr>");
        });
        body.add("</tbody></table>");
        return Html.page("IAM Lab grades", body);
    }
}
