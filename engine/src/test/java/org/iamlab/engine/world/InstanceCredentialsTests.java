package org.iamlab.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.iamlab.engine.trace.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IAM User Guide, "Use an IAM role to grant permissions to applications running on Amazon EC2 instances", and
 * EC2 User Guide, "Retrieve security credentials from instance metadata": an instance's role credentials are
 * temporary; the metadata service rotates them (about every hour, each set valid up to six hours) and makes new
 * ones available before the old ones expire.
 */
class InstanceCredentialsTests {

    World world;
    Account dev;
    Instance web;

    @BeforeEach
    void launch() {
        world = new World();
        dev = world.createAccount("111122223333", "dev");
        Role role = dev.createRole("web", null, WorldTests.trust("{\"Effect\": \"Allow\", \"Principal\":"
                + " {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}"));
        role.putInline(new InlinePolicy("Read", WorldTests.identity(WorldTests.READ_LOGS)));
        InstanceProfile profile = dev.createInstanceProfile("web", null);
        profile.addRole(role);
        web = dev.createInstance("i-0abc1234def567890", null);
        web.associate(profile);
    }

    @Test
    void instanceProfileCredentialsAreTemporaryAndExpireSixHoursAfterIssue() {
        Instant now = world.clock().instant();
        Session session = web.session();
        assertEquals(now.plus(Duration.ofHours(6)), session.expiration().orElseThrow());
        assertTrue(session.credentials().orElseThrow().accessKeyId().startsWith("ASIA"));
    }

    @Test
    void theMetadataServiceHandsOutTheSameCredentialsWithinTheHour() {
        Session first = web.session();
        world.clock().advance(Duration.ofMinutes(59));
        assertSame(first, web.session());
    }

    @Test
    void theMetadataServiceRotatesTheCredentialsEveryHourBeforeTheOldOnesExpire() {
        Session first = web.session();
        world.clock().advance(Duration.ofHours(1));
        Session second = web.session();
        assertNotEquals(first.credentials().orElseThrow().accessKeyId(),
                second.credentials().orElseThrow().accessKeyId());
        assertTrue(first.expiration().orElseThrow().isAfter(second.issued()), "the old set is still valid");
        assertEquals(Decision.ALLOWED, world.decide(first, "s3:GetObject", "arn:aws:s3:::logs/a", null));
    }

    @Test
    void keptCredentialsExpireButAskingAsTheInstanceAgainGetsFreshOnes() {
        Session kept = web.session();
        world.clock().advance(Duration.ofHours(7));
        WorldException e = assertThrows(WorldException.class,
                () -> world.decide(kept, "s3:GetObject", "arn:aws:s3:::logs/a", null));
        assertEquals("ExpiredToken", e.code());
        assertTrue(e.hint().contains("ask as the instance again"), e.hint());
        assertEquals(Decision.ALLOWED, world.decide(web.session(), "s3:GetObject", "arn:aws:s3:::logs/a", null));
    }

    @Test
    void askingAsTheInstanceDoesNotChangeTheIdsOfWhatIsCreatedNext() {
        String unasked = dev.createUser("alice", null).id();
        launch();
        web.session();
        assertEquals(unasked, dev.createUser("alice", null).id());
    }
}
