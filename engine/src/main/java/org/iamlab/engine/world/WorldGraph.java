package org.iamlab.engine.world;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The world as a graph: every object of this package reachable from a {@link World} through fields, and the
 * collections and maps on the way. {@link WorldSnapshot} and {@link Cells} walk it rather than each class
 * copying and pruning itself, so that a field added to any class of the world is saved, restored and pruned
 * without anyone remembering to. Objects of other packages (policy documents, strings, instants) are values:
 * immutable, and never entered.
 */
final class WorldGraph {

    private static final Package WORLD = World.class.getPackage();
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, List<Field>> LINKS = new ConcurrentHashMap<>();

    /** What {@link #walk} found: the package's objects and the mutable containers, each once. */
    record Reached(Set<Object> objects, Set<Object> containers) {
    }

    private WorldGraph() {
    }

    /** Everything reachable from {@code world}, not entering {@code skip} (compared by identity). */
    static Reached walk(World world, Set<Object> skip) {
        Set<Object> objects = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> containers = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(world);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o instanceof Collection<?> c) {
                if (containers.add(o)) {
                    c.forEach(e -> follow(e, skip, todo));
                }
            } else if (o instanceof Map<?, ?> m) {
                if (containers.add(o)) {
                    m.forEach((k, v) -> {
                        follow(k, skip, todo);
                        follow(v, skip, todo);
                    });
                }
            } else if (objects.add(o)) {
                for (Field f : links(o.getClass())) {
                    follow(read(f, o), skip, todo);
                }
            }
        }
        return new Reached(objects, containers);
    }

    private static void follow(Object value, Set<Object> skip, Deque<Object> todo) {
        if (value != null && !skip.contains(value) && (value instanceof Collection || value instanceof Map
                || inWorld(value.getClass()))) {
            todo.push(value);
        }
    }

    /** Whether objects of {@code c} belong to the world (rather than being values it holds). */
    static boolean inWorld(Class<?> c) {
        return c.getPackage() == WORLD && !c.isEnum();
    }

    /** The instance fields of {@code c} and its superclasses, made accessible. */
    static List<Field> fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
                for (Field f : x.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                        f.setAccessible(true);
                        out.add(f);
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    /**
     * The fields of {@code c} that can lead to other objects of the world: those whose type is not a value
     * (a string, a number, an instant, an enum, ...). Walking only these keeps a walk cheap.
     */
    static List<Field> links(Class<?> c) {
        return LINKS.computeIfAbsent(c, k -> fields(k).stream().filter(f -> mayLink(f.getType())).toList());
    }

    private static boolean mayLink(Class<?> type) {
        return !type.isPrimitive() && !type.isEnum() && (type.isInterface() || type == Object.class
                || Modifier.isAbstract(type.getModifiers()) || inWorld(type)
                || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type));
    }

    static boolean isFinal(Field f) {
        return Modifier.isFinal(f.getModifiers());
    }

    static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    static void write(Field f, Object o, Object value) {
        try {
            f.set(o, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot write " + f, e);
        }
    }
}
