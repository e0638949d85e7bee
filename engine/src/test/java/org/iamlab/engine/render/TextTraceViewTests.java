package org.iamlab.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of the text view: each example's trace with what would change its answer must print exactly as
 * {@code src/test/resources/render/NAME.txt}. After an intended change of the view, regenerate the files with
 * {@code mvn -B test -pl engine -Dtest=TextTraceViewTests -Diamlab.golden.update=true} and review the diff.
 */
class TextTraceViewTests {

    private static final Path GOLDEN = Path.of("src/test/resources/render");

    @TestFactory
    Stream<DynamicTest> everyExamplePrintsAsItsGoldenFile() {
        return Examples.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Examples.Example e = Examples.load(name);
            String actual = TextTraceView.render(e.trace(), e.advice());
            Path file = GOLDEN.resolve(name + ".txt");
            if (Boolean.getBoolean("iamlab.golden.update")) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertEquals(golden(name), actual, "text view of " + name + " (see the class comment to update)");
        }));
    }

    private static String golden(String name) throws IOException {
        Path file = GOLDEN.resolve(name + ".txt");
        if (!Files.exists(file)) {
            throw new AssertionError("no golden file " + file + "; run with -Diamlab.golden.update=true");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void theFirstLineIsTheDecisionWithTheDenyingStatementInWords() {
        String text = TextTraceView.render(Examples.load("explicit-deny").trace());
        assertEquals("ExplicitlyDenied: statement NoDeleteWithoutMfa in identity-based policy ProtectAudit denies it",
                text.lines().findFirst().orElseThrow());
    }

    @Test
    void theStepsFollowAwsOrderWithTheirVerdicts() {
        String text = TextTraceView.render(Examples.load("scp-no-allow").trace());
        int deny = text.indexOf("1. Explicit deny check");
        int rcp = text.indexOf("2. Resource control policies   n/a");
        int scp = text.indexOf("3. Service control policies    NO ALLOW");
        int session = text.indexOf("7. Session policy              not reached");
        assertTrue(deny > 0 && deny < rcp && rcp < scp && scp < session, text);
    }

    @Test
    void conditionsReadAsSentencesAboutTheRequestAndThePolicy() {
        String text = TextTraceView.render(Examples.load("cross-account-implicit-deny").trace());
        assertTrue(text.contains("IpAddress: aws:SourceIp 198.51.100.23 is not in 203.0.113.0/24 (fails)"), text);
    }

    @Test
    void withAdviceEachSuggestionEndsWithTheDecisionItWasCheckedToGive() {
        Examples.Example e = Examples.load("explicit-deny");
        String text = TextTraceView.render(e.trace(), e.advice());
        assertTrue(text.contains("  1. remove statement NoDeleteWithoutMfa from identity-based policy ProtectAudit"
                + " -> Allowed\n"), text);
        assertTrue(text.startsWith(TextTraceView.render(e.trace())), "the trace comes first, unchanged");
    }
}
