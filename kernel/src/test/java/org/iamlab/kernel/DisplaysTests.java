package org.iamlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.iamlab.dsl.aws.CliOutput;
import org.iamlab.engine.trace.Decision;
import org.junit.jupiter.api.Test;

class DisplaysTests {

    private final Renderer renderer = new Renderer();
    private final IamCells cells = new IamCells(v -> { });

    private static String text(DisplayData d) {
        return String.valueOf(d.getData(MIMEType.TEXT_PLAIN));
    }

    private static String html(DisplayData d) {
        return String.valueOf(d.getData(MIMEType.TEXT_HTML));
    }

    @Test
    void anAnswerShowsItsTraceAsTextAndAsTheHtmlView() {
        Object answer = cells.run("account('111122223333') { user('alice') { inline('Deny') { deny 's3:*' on '*' } } }\n"
                + "explain user('alice'), 's3:GetObject', 'arn:aws:s3:::logs/a'", 2);
        DisplayData d = Displays.render(answer, renderer);
        assertTrue(text(d).startsWith("ExplicitlyDenied"), text(d));
        assertTrue(html(d).contains("iamlab-trace"), "the engine's HTML trace view");
    }

    @Test
    void aDecisionAloneIsAWordWithAnIcon() {
        DisplayData d = Displays.render(Decision.ALLOWED, renderer);
        assertEquals("Allowed", text(d));
        assertTrue(html(d).contains("\u2713 Allowed"));
    }

    @Test
    void cliOutputIsTheCliJsonAlsoAsApplicationJson() {
        DisplayData d = Displays.render(new CliOutput("aws iam get-user", "{\"User\": {\"UserName\": \"a\"}}", false),
                renderer);
        assertEquals("{\"User\": {\"UserName\": \"a\"}}", text(d));
        assertTrue(d.hasDataForType(MIMEType.APPLICATION_JSON));
        DisplayData error = Displays.render(new CliOutput("aws iam get-user", "An error occurred", true), renderer);
        assertTrue(html(error).contains("\u2715 An error occurred"));
    }

    @Test
    void theWorldIsAPictureOfItsAccountsPrincipalsAndTrust() {
        cells.run("account('111122223333', alias: 'shop') {\n  group('devs') { members 'alice' }\n  user 'alice'\n"
                + "  role('deployer') { trustAccount '444455556666' }\n}", 2);
        DisplayData d = Displays.render(cells.world(), renderer);
        String html = html(d);
        assertTrue(html.contains("Account 111122223333 (shop)"), html);
        assertTrue(html.contains("Who trusts whom") && html.contains("arn:aws:iam::444455556666:root"), html);
        assertTrue(text(d).contains("users alice"), text(d));
        DisplayData user = Displays.render(cells.run("user('alice')", 2), renderer);
        assertTrue(html(user).contains("arn:aws:iam::111122223333:user/alice") && html(user).contains("devs"));
    }

    @Test
    void otherValuesFallBackToText() {
        assertEquals("[1, 2]", text(Displays.render(java.util.List.of(1, 2), renderer)));
    }

    @Test
    void aCheckShowsTextHtmlAndTheCheckJsonThatToolsRead() {
        Object feedback = cells.run("account('111122223333') { user 'bob' }\n"
                + "edit(user('bob')) { inline('Uploads') { allow 's3:*' on '*' } }\n"
                + "check 'shop-bob-uploads'", 2);
        DisplayData d = Displays.render(feedback, renderer);
        assertTrue(text(d).startsWith("shop-bob-uploads: not yet right"), text(d));
        assertTrue(html(d).contains("<details><summary>the trace</summary>"), "the trace one click away");
        assertEquals("{\"exercise\":\"shop-bob-uploads\",\"passed\":1,\"total\":4,\"points\":0,\"max_points\":2}",
                String.valueOf(d.getData(MIMEType.parse("application/vnd.iamlab.check+json"))));
    }

    @Test
    void anExerciseNotYetAttemptedSaysSoWithoutAnError() {
        DisplayData d = Displays.render(cells.run("check 'shop-alice-audits'", 2), renderer);
        assertTrue(text(d).startsWith("shop-alice-audits: not attempted yet"), text(d));
    }
}
