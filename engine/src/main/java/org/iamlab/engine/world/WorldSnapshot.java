package org.iamlab.engine.world;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The state of a world at one moment, to put back with {@link World#restore}: every changeable field of every
 * object of the world, and the contents of every collection and map they hold. Restoring works in place: the
 * user {@code alice} a notebook variable holds is the world's {@code alice} again, with her policies as they
 * were; objects made after the snapshot drop out of the world. A snapshot costs one walk over the world's
 * objects and a copy of their small collections, so a notebook can take one before every cell.
 */
public final class WorldSnapshot {

    private final World world;
    private final WorldGraph.Reached reached;
    private final Map<Object, Object[]> fieldValues = new IdentityHashMap<>();
    private final Map<Object, Object[]> contents = new IdentityHashMap<>();

    WorldSnapshot(World world) {
        this.world = world;
        this.reached = WorldGraph.walk(world, Set.of());
        for (Object o : reached.objects()) {
            List<Field> fields = WorldGraph.fields(o.getClass());
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                Field f = fields.get(i);
                values[i] = WorldGraph.isFinal(f) ? null : saved(WorldGraph.read(f, o));
            }
            fieldValues.put(o, values);
        }
        for (Object c : reached.containers()) {
            contents.put(c, c instanceof Map<?, ?> m ? flatten(m) : ((Collection<?>) c).toArray());
        }
    }

    /** The world this is a snapshot of. */
    World world() {
        return world;
    }

    /** Whether {@code o} was part of the world when the snapshot was taken. */
    boolean held(Object o) {
        return reached.objects().contains(o);
    }

    /** What the snapshot's walk over the world found (valid until the world changes). */
    WorldGraph.Reached reached() {
        return reached;
    }

    /** Puts every saved field and container back as it was; containers that did not change are left alone. */
    void restore() {
        fieldValues.forEach((o, values) -> {
            List<Field> fields = WorldGraph.fields(o.getClass());
            for (int i = 0; i < values.length; i++) {
                Field f = fields.get(i);
                if (!WorldGraph.isFinal(f)) {
                    WorldGraph.write(f, o, restored(values[i]));
                }
            }
        });
        contents.forEach(WorldSnapshot::refill);
    }

    /**
     * Puts {@code saved} back into {@code container} if it changed. An unmodifiable view is left alone: what it
     * shows is restored through the collection behind it.
     */
    @SuppressWarnings("unchecked")
    private static void refill(Object container, Object[] saved) {
        try {
            if (container instanceof Map<?, ?> m) {
                if (!same(flatten(m), saved)) {
                    Map<Object, Object> map = (Map<Object, Object>) m;
                    map.clear();
                    for (int i = 0; i < saved.length; i += 2) {
                        map.put(saved[i], saved[i + 1]);
                    }
                }
            } else {
                Collection<Object> c = (Collection<Object>) container;
                if (!same(c.toArray(), saved)) {
                    c.clear();
                    c.addAll(List.of(saved));
                }
            }
        } catch (UnsupportedOperationException view) {
            // an unmodifiable view of a collection restored on its own
        }
    }

    private static Object[] flatten(Map<?, ?> m) {
        List<Object> out = new ArrayList<>(m.size() * 2);
        m.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        return out.toArray();
    }

    private static boolean same(Object[] a, Object[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** A value as saved: the generator of unique IDs by a copy of its state, anything else as it is. */
    private static Object saved(Object value) {
        return value instanceof Random r ? new SavedRandom(serialize(r)) : value;
    }

    private static Object restored(Object saved) {
        return saved instanceof SavedRandom s ? deserialize(s.state()) : saved;
    }

    /** A {@link Random}'s state (the world's ID generator): restored as a new generator that goes on from it. */
    private record SavedRandom(byte[] state) {
    }

    private static byte[] serialize(Random r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Random deserialize(byte[] state) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            return (Random) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
