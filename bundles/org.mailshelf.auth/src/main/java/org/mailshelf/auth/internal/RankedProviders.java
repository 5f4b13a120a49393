package org.mailshelf.auth.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mailshelf.api.auth.AuthProvider;

/**
 * The registered providers, highest {@code service.ranking} first, ties by {@code service.id} ascending (the
 * OSGi service order). Copy-on-write: a login iterates an immutable snapshot while bundles come and go.
 */
final class RankedProviders {

    private record Entry(long serviceId, int ranking, AuthProvider provider) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    /** Guarded by this; readers only see {@link #providers}. */
    private List<Entry> entries = List.of();
    private volatile List<AuthProvider> providers = List.of();

    /** Adds a provider, or replaces the one with the same service id (a changed ranking). */
    synchronized void put(long serviceId, int ranking, AuthProvider provider) {
        List<Entry> next = new ArrayList<>(entries);
        next.removeIf(e -> e.serviceId() == serviceId);
        next.add(new Entry(serviceId, ranking, provider));
        publish(next);
    }

    synchronized void remove(long serviceId) {
        List<Entry> next = new ArrayList<>(entries);
        if (next.removeIf(e -> e.serviceId() == serviceId)) {
            publish(next);
        }
    }

    /** An immutable snapshot, in the order to ask. */
    List<AuthProvider> inOrder() {
        return providers;
    }

    private void publish(List<Entry> next) {
        next.sort(ORDER);
        entries = List.copyOf(next);
        providers = next.stream().map(Entry::provider).toList();
    }
}
