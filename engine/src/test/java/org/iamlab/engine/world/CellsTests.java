package org.iamlab.engine.world;

import static org.iamlab.engine.world.WorldTests.READ_LOGS;
import static org.iamlab.engine.world.WorldTests.identity;
import static org.iamlab.engine.world.WorldTests.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Consumer;
import org.iamlab.engine.trace.Decision;
import org.junit.jupiter.api.Test;

/** Snapshots of a world, and cells that re-run and roll back (what the notebook kernel does around each cell). */
class CellsTests {

    private static final String ALLOW_ASSUME = "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
            + " \"arn:aws:iam::111122223333:root\"}, \"Action\": \"sts:AssumeRole\"}";

    private final World world = new World();
    private final Account shop = world.createAccount("111122223333", "shop");
    private int count;

    /** The setup cell of a lesson: a bucket, a policy, a group with it, alice in the group, a role. */
    private void setup(World w) {
        Account a = w.account("111122223333");
        a.createResource(ResourceType.S3_BUCKET, "shop-logs", null);
        Policy read = a.createPolicy("ReadLogs", "/", identity(READ_LOGS), null);
        Group devs = a.createGroup("developers", "/");
        devs.attach(read);
        User alice = a.createUser("alice", "/");
        devs.add(alice);
        alice.putInline(new InlinePolicy("Assume", identity("{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\","
                + " \"Resource\": \"*\"}")));
        alice.createAccessKey();
        a.createRole("deployer", "/", trust(ALLOW_ASSUME)).attach(read);
    }

    /** Runs {@code body} as notebook cell {@code key}: committed when it returns, rolled back when it throws. */
    private void cell(String key, Consumer<World> body) {
        Cells.Run run = world.cells().begin(key, "cell [" + ++count + "]");
        try {
            body.accept(world);
            run.commit();
        } catch (RuntimeException e) {
            run.rollback();
            throw e;
        }
    }

    /** The world as the CLI exports it, with the unique IDs (which a re-created object gets anew) left out. */
    private static String export(World w) {
        return WorldExport.json(w).replaceAll("\"(A[A-Z]{3}[A-Z2-7]{12,20})\"", "\"ID\"");
    }

    @Test
    void aCellThatPutsAnAccountUnderAnOuRunsTwiceWithFullAwsAccessAttachedOnce() {
        Consumer<World> org = w -> {
            Organization o = w.organization().orElseGet(() -> w.createOrganization(w.createAccount("999988887777",
                    null)));
            o.addAccount(w.account("111122223333"), o.createOu(o.root(), "Workloads"));
        };
        cell("org", org);
        String once = export(world).replaceAll("ou-[a-z0-9]+-[a-z0-9]+", "OU-ID");
        cell("org", org);
        assertEquals(once, export(world).replaceAll("ou-[a-z0-9]+-[a-z0-9]+", "OU-ID"), "a re-created OU gets a new ID");
        Organization o = world.organization().orElseThrow();
        assertEquals(1, o.attached(shop).stream().filter(p -> p.name().equals("FullAWSAccess")).count());
        assertEquals("Workloads", shop.parent().orElseThrow().name());
    }

    @Test
    void aCellThatEditsAManagedPolicyRunsTwiceAndLeavesOneNewVersion() {
        setup(world);
        Consumer<World> edit = w -> w.account("111122223333").createPolicyVersion("ReadLogs",
                identity("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"), true);
        cell("edit", edit);
        String once = export(world);
        cell("edit", edit);
        assertEquals(once, export(world));
        assertEquals(java.util.List.of("v1", "v2"), shop.policy("ReadLogs").versionIds());
        assertEquals("v2", shop.policy("ReadLogs").defaultVersionId());
    }

    @Test
    void aCellThatFirstUsesAnAwsManagedPolicyRunsTwiceAndThePolicyKeepsItsVersion() {
        Consumer<World> attach = w -> w.account("111122223333").createUser("ops", "/")
                .attach(w.account("111122223333").policy("ReadOnlyAccess"));
        cell("attach", attach);
        cell("attach", attach);
        Policy readOnly = shop.policy("ReadOnlyAccess");
        assertEquals(1, readOnly.versions().size());
        assertTrue(world.explain(shop.user("ops"), "s3:GetObject", "arn:aws:s3:::any/x", null).allowed());
    }

    @Test
    void aRestoredSnapshotIsTheSameWorldWithTheSameObjects() {
        setup(world);
        User alice = shop.user("alice");
        String before = WorldExport.json(world);
        WorldSnapshot snapshot = world.snapshot();
        shop.createUser("bob", "/");
        alice.putInline(new InlinePolicy("Extra", identity(READ_LOGS)));
        shop.group("developers").remove(alice);
        alice.permissionsBoundary(shop.policy("ReadLogs"));
        world.clock().advance(Duration.ofHours(2));
        String bobsId = shop.user("bob").id();
        world.restore(snapshot);
        assertEquals(before, WorldExport.json(world));
        assertSame(alice, shop.user("alice"), "the object a variable holds is the world's alice again");
        assertEquals(java.util.Set.of("Assume"), alice.inlinePolicies().keySet());
        assertTrue(alice.permissionsBoundary().isEmpty());
        assertTrue(alice.groups().contains(shop.group("developers")));
        assertTrue(shop.findUser("bob").isEmpty());
        assertEquals(WorldClock.DEFAULT_START, world.clock().instant());
        assertEquals(bobsId, shop.createUser("bob", "/").id(), "the ID generator is back where it was");
    }

    @Test
    void aCellRunTwiceLeavesTheWorldThatOneRunLeaves() {
        World once = new World();
        once.createAccount("111122223333", "shop");
        setup(once);
        cell("setup", this::setup);
        cell("setup", this::setup);
        assertEquals(export(once), export(world));
    }

    @Test
    void runAllTwiceLeavesTheWorldThatOneRunLeaves() {
        World once = new World();
        once.createAccount("111122223333", "shop");
        setup(once);
        once.sts().assumeRole(once.account("111122223333").user("alice"), once.account("111122223333")
                .role("deployer"), "alice-s", null);
        once.clock().advance(Duration.ofHours(2));
        for (int run = 0; run < 2; run++) {
            cell("setup", this::setup);
            cell("assume", w -> w.sts().assumeRole(shop.user("alice"), shop.role("deployer"), "alice-s", null));
            cell("clock", w -> w.clock().advance(Duration.ofHours(2)));
        }
        assertEquals(export(once), export(world));
        assertEquals(1, world.sessions().size());
        assertEquals(once.clock().instant(), world.clock().instant());
        assertEquals(once.sessions().iterator().next().credentials().orElseThrow().expiration(),
                world.sessions().iterator().next().credentials().orElseThrow().expiration(),
                "the session expires when it did in one run: before the clock cell's two hours are up");
    }

    @Test
    void aReRunWithdrawsWhatItNoLongerDefines() {
        cell("c", w -> shop.createUser("carol", "/"));
        cell("c", w -> shop.createUser("carl", "/"));
        assertTrue(shop.findUser("carol").isEmpty(), "the cell no longer defines carol");
        assertTrue(shop.findUser("carl").isPresent());
    }

    @Test
    void aNameAnotherCellDefinedIsStillADuplicateThatNamesTheCell() {
        cell("first", w -> shop.createUser("erin", "/"));
        WorldException e = assertThrows(WorldException.class, () -> cell("second", w -> shop.createUser("erin", "/")));
        assertEquals("duplicate user `erin` in account 111122223333: cell [1] defined it", e.problem());
        assertTrue(e.hint().contains("%reset") && e.hint().contains("cell [1]"), e.hint());
    }

    @Test
    void aFailedCellLeavesTheWorldAsItWasBeforeIt() {
        cell("setup", this::setup);
        String before = WorldExport.json(world);
        assertThrows(WorldException.class, () -> cell("typo", w -> {
            shop.createUser("dave", "/");
            shop.group("developers").add(shop.user("dave"));
            shop.createUser("alice", "/");
        }));
        assertEquals(before, WorldExport.json(world));
        cell("typo", w -> shop.createUser("dave", "/"));
        assertTrue(shop.findUser("dave").isPresent(), "the fixed cell runs: no duplicate dave");
    }

    @Test
    void aFailedReRunBringsBackWhatItsEarlierRunDefined() {
        cell("setup", this::setup);
        User alice = shop.user("alice");
        String before = WorldExport.json(world);
        assertThrows(IllegalStateException.class, () -> cell("setup", w -> {
            setup(w);
            throw new IllegalStateException("a typo further down");
        }));
        assertEquals(before, WorldExport.json(world));
        assertSame(alice, shop.user("alice"));
        assertEquals(Decision.ALLOWED, world.decide(alice, "s3:GetObject", "arn:aws:s3:::logs/a", null));
    }

    @Test
    void whatOtherCellsHeldOfAWithdrawnObjectIsLetGo() {
        cell("setup", this::setup);
        User oldAlice = shop.user("alice");
        cell("more", w -> {
            Group ops = shop.createGroup("ops", "/");
            ops.add(oldAlice);
            ops.attach(shop.policy("ReadLogs"));
            oldAlice.createAccessKey();
        });
        cell("setup", this::setup);
        Group ops = shop.group("ops");
        assertTrue(ops.members().isEmpty(), "the old alice left the group another cell put her in");
        assertTrue(ops.attachedPolicies().isEmpty(), "the withdrawn policy is detached, until `more` runs again");
        assertEquals(1, shop.user("alice").accessKeys().size());
        for (AccessKey k : oldAlice.accessKeys()) {
            assertThrows(WorldException.class, () -> world.callerFor(k.id()), "the old alice's keys are gone");
        }
        assertFalse(shop.policy("ReadLogs").attachedTo().contains(oldAlice));
    }
}
