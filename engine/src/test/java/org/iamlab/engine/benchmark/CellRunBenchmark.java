package org.iamlab.engine.benchmark;

import java.util.concurrent.TimeUnit;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Cells;
import org.iamlab.engine.world.Group;
import org.iamlab.engine.world.InlinePolicy;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.world.ResourceType;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.User;
import org.iamlab.engine.world.World;
import org.iamlab.engine.world.WorldSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a notebook pays for cells that re-run (issue 9): a cell that builds a world of {@code users} users in
 * groups, with a role and a bucket, run as a new cell on a fresh world ({@code firstRun}) and run again as the
 * same cell ({@code reRun}: its earlier definitions withdrawn first), each inside {@link Cells#begin} and
 * {@code commit}; and a {@link WorldSnapshot} of the world it builds. The cell here only builds, so the
 * withdrawal's share is larger than in a kernel cell, which also compiles Groovy and draws traces. Run with
 * {@code mvn -B -pl engine -Pbenchmark verify -Djmh.args="CellRunBenchmark"}; times are microseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CellRunBenchmark {

    private static final PolicyText READ = PolicyText.parse("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
              "Resource": ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"]}]}""", PolicyKind.IDENTITY);
    private static final PolicyText TRUST = PolicyText.parse("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}""",
            PolicyKind.TRUST);

    /** The cell: two groups, {@code users} users in them with an inline policy each, a role and a bucket. */
    static void cell(World w, int users) {
        Account a = w.account("111122223333");
        Group developers = a.createGroup("developers", "/");
        developers.putInline(new InlinePolicy("ReadLogs", READ));
        Group admins = a.createGroup("admins", "/");
        admins.attach(a.policy("AdministratorAccess"));
        for (int u = 0; u < users; u++) {
            User user = a.createUser("user-" + u, "/");
            user.putInline(new InlinePolicy("Own", READ));
            developers.add(user);
            if (u % 5 == 0) {
                admins.add(user);
            }
        }
        Role deployer = a.createRole("deployer", "/", TRUST);
        deployer.putInline(new InlinePolicy("Deploy", READ));
        a.createResource(ResourceType.S3_BUCKET, "logs", null);
    }

    static World emptyWorld() {
        World w = new World();
        w.createAccount("111122223333", "dev");
        return w;
    }

    static void run(World w, int users) {
        Cells.Run run = w.cells().begin("setup", "cell [1]");
        cell(w, users);
        run.commit();
    }

    /** A fresh world for each first run. */
    @State(Scope.Thread)
    public static class Fresh {
        @Param({"20", "1000"})
        int users;
        World world;

        @Setup(Level.Invocation)
        public void setUp() {
            world = emptyWorld();
        }
    }

    /** A world where the cell has run once. */
    @State(Scope.Thread)
    public static class Built {
        @Param({"20", "1000"})
        int users;
        World world;

        @Setup(Level.Trial)
        public void setUp() {
            world = emptyWorld();
            run(world, users);
        }
    }

    @Benchmark
    public World firstRun(Fresh s) {
        run(s.world, s.users);
        return s.world;
    }

    @Benchmark
    public World reRun(Built s) {
        run(s.world, s.users);
        return s.world;
    }

    @Benchmark
    public WorldSnapshot snapshot(Built s) {
        return s.world.snapshot();
    }
}
