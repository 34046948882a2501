package io.nbaprops.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registered assets in dependency order; rejects unknown upstreams and cycles at construction. */
public final class AssetGraph {
    private final Map<String, Asset> byName = new LinkedHashMap<>();
    private final List<Asset> ordered;

    public AssetGraph(Collection<? extends Asset> assets) {
        for (Asset a : assets) {
            if (byName.put(a.name(), a) != null) {
                throw new IllegalArgumentException("two assets are named " + a.name());
            }
        }
        for (Asset a : assets) {
            for (Dependency d : a.upstream()) {
                if (!byName.containsKey(d.asset())) {
                    throw new IllegalArgumentException(a.name() + " depends on unknown asset " + d.asset());
                }
            }
        }
        this.ordered = topological();
    }

    private List<Asset> topological() {
        List<Asset> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Asset a : byName.values()) {
            visit(a, done, visiting, out, new ArrayList<>());
        }
        return List.copyOf(out);
    }

    private void visit(Asset a, Set<String> done, Set<String> visiting, List<Asset> out, List<String> path) {
        if (done.contains(a.name())) {
            return;
        }
        path.add(a.name());
        if (!visiting.add(a.name())) {
            throw new IllegalArgumentException("dependency cycle: " + String.join(" -> ", path));
        }
        for (Dependency d : a.upstream()) {
            // A PRIOR_DATES edge onto itself is history of the same asset, not a cycle.
            if (d.asset().equals(a.name()) && d.window() == Dependency.Window.PRIOR_DATES) {
                continue;
            }
            visit(byName.get(d.asset()), done, visiting, out, path);
        }
        visiting.remove(a.name());
        path.remove(path.size() - 1);
        done.add(a.name());
        out.add(a);
    }

    public Asset get(String name) {
        Asset a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("unknown asset '" + name + "' (known: " + String.join(", ", byName.keySet()) + ")");
        }
        return a;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** All assets, upstream before downstream. */
    public List<Asset> ordered() {
        return ordered;
    }

    /** The named assets (all when empty), in dependency order. */
    public List<Asset> ordered(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return ordered;
        }
        for (String n : names) {
            get(n);
        }
        return ordered.stream().filter(a -> names.contains(a.name())).toList();
    }

    /** Assets that depend (directly) on {@code name}. */
    public List<Asset> downstreamOf(String name) {
        return ordered.stream().filter(a -> a.upstream().stream().anyMatch(d -> d.asset().equals(name))).toList();
    }
}
