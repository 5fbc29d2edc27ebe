package org.psyscreen.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map from a fixed, ordered list of ids to one value each, in that order: a student's
 * forms by instrument id, their norm results by table id. The ids are shared by every student (one
 * list per screener, interned), so a student's map is one array of values; a lookup compares
 * references first. Immutable maps built by {@link #of} are taken as they are by constructors that
 * copy maps ({@link #copyOf}), so a screening is not copied twice per student.
 *
 * @param <V> the values' type
 */
public final class IdMap<V> extends AbstractMap<String, V> {
    private final List<String> ids;
    private final Object[] values;

    private IdMap(List<String> ids, Object[] values) {
        this.ids = ids;
        this.values = values;
    }

    /**
     * {@return a map of {@code ids[i]} to {@code values[i]}, which it keeps (the caller hands the array
     * over and never changes it)}
     *
     * @param <V> the values' type
     * @param ids distinct ids, immutable, in the map's order
     * @param values one non-null value per id
     */
    public static <V> IdMap<V> of(List<String> ids, V[] values) {
        if (ids.size() != values.length) {
            throw new IllegalArgumentException(ids.size() + " ids and " + values.length + " values");
        }
        for (V v : values) {
            if (v == null) {
                throw new NullPointerException("a value is null");
            }
        }
        return new IdMap<>(ids, values);
    }

    /**
     * {@return {@code m} itself when it is an {@code IdMap} (immutable), else {@link Map#copyOf}}
     *
     * @param <V> the values' type
     * @param m a map
     */
    public static <V> Map<String, V> copyOf(Map<String, V> m) {
        return m instanceof IdMap<V> fixed ? fixed : Map.copyOf(m);
    }

    private int index(Object key) {
        for (int i = 0; i < values.length; i++) {
            if (ids.get(i) == key) {
                return i;
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (ids.get(i).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = index(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return index(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(ids.get(i), (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public java.util.Collection<V> values() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList((V[]) values));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(ids.get(i), (V) values[i]);
        }
    }
}
