package org.iamlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTests {

    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void eachExplainPrintsItsTraceWhoseFirstLineIsTheDecision() throws IOException {
        Path s = script("world.groovy", """
                account('111122223333') {
                    user('alice') { attach 'ReadOnlyAccess' }
                }
                explain user('alice'), 's3:GetObject', 'arn:aws:s3:::logs/app.log'
                explain user('alice'), 's3:PutObject', 'arn:aws:s3:::logs/app.log'
                println "done"
                """);
        CliRun r = CliRun.of("run", s.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Allowed: allowed by "), r.out());
        assertTrue(r.out().contains("\nImplicitlyDenied: no identity-based policy allows s3:PutObject"), r.out());
        assertTrue(r.out().endsWith("done\n"), r.out());
    }

    @Test
    void shownWorldsPrincipalsAndPoliciesPrintTheTextOfTheViewsTheKernelAndTheSiteDraw() throws IOException {
        Path s = script("show.groovy", """
                account('111122223333') {
                    policy('Read') { allow 's3:GetObject' on '*' }
                    user('alice') { attach 'Read' }
                }
                show world
                show user('alice')
                """);
        CliRun r = CliRun.of("run", s.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                world:
                  account 111122223333: users alice; groups none; roles none
                user alice (arn:aws:iam::111122223333:user/alice)
                """, r.out());
    }

    @Test
    void awsCommandsPrintTheClisJsonAndReadFileArgumentsBesideTheScript() throws IOException {
        Files.writeString(dir.resolve("trust.json"), """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
                """);
        Path s = script("cli.groovy", """
                aws '''
                aws iam create-role --role-name web --assume-role-policy-document file://trust.json
                aws sts get-caller-identity
                '''
                """);
        CliRun r = CliRun.of("run", s.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("{\n    \"Role\": {\n        \"Path\": \"/\",\n        \"RoleName\": \"web\","),
                r.out());
        assertTrue(r.out().contains("\"Arn\": \"arn:aws:iam::123456789012:root\""), r.out());
    }

    @Test
    void aMistakeNamesTheFileAndLineAndExitsWithOne() throws IOException {
        Path s = script("broken.groovy", """
                account('111122223333') {
                    group('admins') { attach 'AdministratorAccess' }
                    user('alice') { groups 'admin' }
                }
                """);
        CliRun r = CliRun.of("run", s.toString());
        assertEquals(1, r.status());
        assertEquals(s + ": line 3: no group `admin` in account 111122223333; did you mean `admins`?\n", r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliRun r = CliRun.of("run", dir.resolve("nope.groovy").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void theExampleScriptsRunCleanly() throws IOException {
        Path examples = Path.of("..", "examples");
        try (var files = Files.list(examples)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".groovy")).sorted().toList()) {
                CliRun r = CliRun.of("run", p.toString());
                assertEquals(0, r.status(), p + ": " + r.err());
                assertTrue(!r.out().isBlank(), p + " shows something");
            }
        }
    }

    @Test
    void aWarningIsPrintedWithItsLineAndTheScriptGoesOn() throws IOException {
        Path s = script("typo.groovy", """
                account('111122223333') {
                    user('alice') {
                        inline('Read') { allow 's3:GetObjects' on '*' }
                    }
                }
                println 'went on'
                """);
        CliRun r = CliRun.of("run", s.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(s + ": line 3: warning: in identity-based policy `Read`: `s3:GetObjects` is not an action of s3;"
                + " did you mean `s3:GetObject`?\n", r.err());
        assertTrue(r.out().endsWith("went on\n"), r.out());
    }
}
