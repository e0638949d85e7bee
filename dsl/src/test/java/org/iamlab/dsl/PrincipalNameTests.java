package org.iamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iamlab.engine.world.Answer;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.User;
import org.junit.jupiter.api.Test;

/** A bare name that is no variable stands for the user or role of that name: {@code explain alice, ...}. */
class PrincipalNameTests {

    final LabFixture f = new LabFixture();

    @Test
    void explainTakesAUsersBareNameRightAfterTheUserIsDefined() {
        Object answer = f.run("""
                account('111122223333') {
                    user('alice') { groups 'Developers' }
                    group('Developers') { inline('Logs') { allow 's3:GetObject' on 'arn:aws:s3:::logs/*' } }
                }
                explain alice, 's3:GetObject', 'arn:aws:s3:::logs/a.txt'
                """);
        assertTrue(((Answer) answer).allowed(), answer.toString());
    }

    @Test
    void aRolesBareNameIsTheRole() {
        Object role = f.run("account('111122223333') { role('deployer') { trustService 'lambda.amazonaws.com' } }\n"
                + "deployer");
        assertEquals("deployer", ((Role) role).name());
    }

    @Test
    void aVariableOfTheSameNameWins() {
        Object value = f.run("account('111122223333') { user 'alice' }\nalice = 'a string'\nalice");
        assertEquals("a string", value);
    }

    @Test
    void insideABlockTheBareNameIsFoundToo() {
        Object user = f.run("account('111122223333') { user 'alice'; user('bob') { tag 'buddy', alice } }\n"
                + "user('bob')");
        assertEquals("arn:aws:iam::111122223333:user/alice", ((User) user).tags().get("buddy"));
    }

    @Test
    void aNameTwoPrincipalsShareAsksWhichOne() {
        ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("""
                account('111122223333') { user 'alice' }
                account('444455556666') { user 'alice' }
                explain alice, 's3:GetObject', '*'
                """));
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("`alice` names 2 users and roles"), e.problem());
        assertTrue(e.problem().contains("user('alice')"), e.problem());
    }

    @Test
    void aNameNoPrincipalHasIsStillNotDefined() {
        ScriptFailure e = assertThrows(ScriptFailure.class, () -> f.run("account('111122223333') { user 'alice' }\n"
                + "explain alise, 's3:GetObject', '*'"));
        assertTrue(e.problem().startsWith("`alise` is not defined; did you mean `alice`?"), e.problem());
    }
}
