package org.iamlab.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iamlab.engine.benchmark.WorldBenchmark;
import org.junit.jupiter.api.Test;

/** The benchmark's world is what it claims to be, and whoCan over it gives the answer its policies imply. */
class WorldBenchmarkWorldTests {

    @Test
    void theBenchmarkWorldHasTheIssuesSizeAndWhoCanFindsTheGrantees() {
        World w = WorldBenchmark.build();
        Account a = w.account("bench");
        assertEquals(1000, a.users().size());
        assertEquals(50, a.groups().size());
        assertEquals(200, a.roles().size());
        WhoCan who = w.whoCan("s3:GetObject", "arn:aws:s3:::shared-data/report.csv", null);
        assertEquals(1000 + 200 + 1, who.asked());
        // role-7 by the bucket policy; users by ReadOnlyAccess (even groups) or a high clearance tag in a
        // high-clearance group (groups 0, 5, 10, ...: all even ones too, so ReadOnlyAccess already covers them).
        assertTrue(who.allowed().contains("arn:aws:iam::111122223333:role/role-7"));
        long users = a.users().stream().filter(u -> u.groups().stream()
                .anyMatch(g -> Integer.parseInt(g.name().substring(6)) % 2 == 0)).count();
        assertEquals(users + 1, who.allowed().size());
    }
}
