package org.iamlab.engine.world;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notebook cells that built a world, so that running a cell again leaves the world that one run of it
 * leaves, and a cell that fails leaves the world as it was before it.
 *
 * <p>A cell is known by a key (the cell ID a notebook sends, or else the cell's code) and shown by a label
 * ({@code cell [3]}). {@link #begin} takes a {@link WorldSnapshot} and then withdraws what the same cell defined
 * when it last ran: the users, groups, roles, managed policies, resources, instances, instance profiles,
 * identity providers, access keys, STS sessions, OUs, control policies and managed policy versions it created go,
 * with every reference other objects hold to them (a group's member, an attachment, a boundary). Accounts and
 * the organization are opened, not defined ({@code account('111122223333') { }} in two cells is one account),
 * so they stay.
 *
 * <p>Time: the world's clock is where the cells' moves put it, each cell's last run counted once. A cell that
 * runs again runs at the time it ran at before (its objects get the same creation dates, its sessions expire
 * as they did), and afterwards the clock is back where the other cells' moves and its new run put it. So Run All
 * a second time, with {@code %clock +2h} between assuming a role and using the session, ends as the first did.
 *
 * <p>{@link Run#commit} records what the run created; {@link Run#rollback} restores the snapshot, so a failed
 * re-run also brings the earlier definitions back.
 */
public final class Cells {

    private final World world;
    /** For each cell key, the objects its last successful run created. */
    private final Map<String, Set<Object>> defined = new HashMap<>();
    /** For each object a cell created, the label of that cell (for "defined by cell [3]"). */
    private final Map<Object, String> labels = new IdentityHashMap<>();
    /** For each cell key, how far its last successful run moved the clock, and the time that run began at. */
    private final Map<String, Duration> clockMoves = new HashMap<>();
    private final Map<String, Instant> startTimes = new HashMap<>();

    Cells(World world) {
        this.world = world;
    }

    /** A run of a cell, begun by {@link #begin}; end it with {@link #commit} or {@link #rollback}. */
    public final class Run {

        private final String key;
        private final String label;
        private final WorldSnapshot before;
        private final Instant base;
        private final Instant start;

        private Run(String key, String label, WorldSnapshot before, Instant base, Instant start) {
            this.key = key;
            this.label = label;
            this.before = before;
            this.base = base;
            this.start = start;
        }

        /**
         * The cell ran: what it created is now its definitions, and the clock is where the other cells' moves
         * and this run's put it.
         */
        public void commit() {
            Set<Object> created = Collections.newSetFromMap(new IdentityHashMap<>());
            WorldGraph.Reached now = WorldGraph.walk(world, Set.of());
            Set<Object> provided = awsProvided(now);
            for (Object o : now.objects()) {
                if (!before.held(o) && definition(o) && !provided.contains(o)) {
                    created.add(o);
                    labels.put(o, label);
                }
            }
            defined.put(key, created);
            Duration moved = Duration.between(start, world.clock().instant());
            clockMoves.put(key, moved);
            startTimes.put(key, start);
            world.clock().set(base.plus(moved));
        }

        /** The cell failed: the world is as it was before {@link #begin}. */
        public void rollback() {
            world.restore(before);
        }
    }

    /**
     * Before cell {@code key} runs: a snapshot to roll back to; then, if the cell ran before, what it defined
     * is withdrawn, its move of the clock taken back, and the clock set to the time the cell ran at before, so
     * that it builds what it built then.
     *
     * @param key   what identifies the cell across runs
     * @param label how messages name the cell, e.g. {@code cell [3]}
     */
    public Run begin(String key, String label) {
        WorldSnapshot before = world.snapshot();
        Instant base = world.clock().instant().minus(clockMoves.getOrDefault(key, Duration.ZERO));
        Instant start = startTimes.getOrDefault(key, base);
        withdraw(key, before.reached());
        world.clock().set(start);
        return new Run(key, label, before, base, start);
    }

    /** The label of the cell that defined {@code object}, when a cell did. */
    public Optional<String> definedBy(Object object) {
        return Optional.ofNullable(labels.get(object));
    }

    /** Withdraws what cell {@code key} defined; {@code reached} is the world as it is now. */
    private void withdraw(String key, WorldGraph.Reached reached) {
        Set<Object> gone = defined.remove(key);
        if (gone == null || gone.isEmpty()) {
            return;
        }
        Set<Object> cascade = Collections.newSetFromMap(new IdentityHashMap<>());
        cascade.addAll(gone);
        dependents(reached.objects(), cascade);
        prune(reached, cascade);
    }

    /**
     * Adds to {@code gone} the objects that cannot outlive one of them: those that hold a gone object in a
     * field that never changes (the access key of a withdrawn user, the session of a withdrawn role).
     */
    private static void dependents(Set<Object> objects, Set<Object> gone) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Object o : objects) {
                if (!gone.contains(o) && definition(o)) {
                    for (Field f : WorldGraph.links(o.getClass())) {
                        if (WorldGraph.isFinal(f) && gone.contains(WorldGraph.read(f, o))) {
                            gone.add(o);
                            grew = true;
                            break;
                        }
                    }
                }
            }
        }
    }

    /**
     * Removes every reference to a gone object: from collections and maps, and from fields that can change. An
     * unmodifiable view is left alone: the collection behind it is pruned on its own.
     */
    private static void prune(WorldGraph.Reached reached, Set<Object> gone) {
        for (Object c : reached.containers()) {
            try {
                if (c instanceof Map<?, ?> m) {
                    if (m.keySet().stream().anyMatch(gone::contains) || m.values().stream().anyMatch(gone::contains)) {
                        m.entrySet().removeIf(e -> gone.contains(e.getKey()) || gone.contains(e.getValue()));
                    }
                } else if (((Collection<?>) c).stream().anyMatch(gone::contains)) {
                    ((Collection<?>) c).removeIf(gone::contains);
                }
            } catch (UnsupportedOperationException view) {
                // an unmodifiable view
            }
        }
        for (Object o : reached.objects()) {
            if (!gone.contains(o)) {
                for (Field f : WorldGraph.links(o.getClass())) {
                    if (!WorldGraph.isFinal(f) && gone.contains(WorldGraph.read(f, o))) {
                        WorldGraph.write(f, o, null);
                    }
                }
            }
        }
    }

    /**
     * The versions of the AWS managed policies in the world: a cell that first uses such a policy brings it and its
     * version into the world, but they belong to AWS, not to the cell.
     */
    private static Set<Object> awsProvided(WorldGraph.Reached reached) {
        Set<Object> provided = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : reached.objects()) {
            if (o instanceof Policy p && p.awsManaged()) {
                provided.addAll(p.versions());
            }
        }
        return provided;
    }

    /**
     * Whether a cell that creates {@code o} defines it (and a re-run of that cell withdraws it). What AWS
     * provides (managed policies, an organization's root and its FullAWSAccess) belongs to no cell.
     */
    private static boolean definition(Object o) {
        return o instanceof PolicyHolder || o instanceof Resource || o instanceof Instance
                || o instanceof InstanceProfile || o instanceof OidcProvider || o instanceof SamlProvider
                || o instanceof AccessKey || o instanceof Session || (o instanceof OrgUnit u && u.parent().isPresent())
                || (o instanceof ControlPolicy c && !c.awsManaged()) || (o instanceof Policy p && !p.awsManaged())
                || o instanceof Policy.Version;
    }
}
