#!/usr/bin/env python3
"""Checks newsgraph's graph algorithms against networkx (the reference).

    nx_compare.py DIR

DIR holds TSV files written by networkx_test.cc (each with a header line):
  edges.tsv        subject id, object id, articles: one line per fact
  pagerank.tsv     node id, score      CALL pagerank({iterations: 300, tolerance: 0})
  betweenness.tsv  node id, score      CALL betweenness({normalized: true})
  closeness.tsv    node id, score      CALL closeness()
  wcc.tsv, scc.tsv node id, component
  kcore.tsv        node id, core
  louvain.tsv      node id, community, modularity   CALL louvain({seed: 42})
  dijkstra.tsv     node id, cost       CALL dijkstra(<lowest id>) (cost = sum of 1/articles)
  source.txt       the dijkstra source id

Prints one line per check and exits 1 if any fails. Needs only the standard
library and networkx.
"""
import csv
import os
import sys

import networkx as nx


def read(path, types):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    return [tuple(t(x) for t, x in zip(types, r)) for r in rows]


def pagerank(g, **kw):
    try:
        return nx.pagerank(g, **kw)
    except ImportError:  # networkx 3 wants numpy and scipy for its fast path
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(g, **kw)


def partition(pairs):
    groups = {}
    for node, comp in pairs:
        groups.setdefault(comp, set()).add(node)
    return sorted(sorted(g) for g in groups.values())


def main():
    d = sys.argv[1]
    p = lambda name: os.path.join(d, name)
    edges = read(p("edges.tsv"), (int, int, int))
    multi = nx.MultiDiGraph()
    for s, o, a in edges:
        multi.add_edge(s, o, articles=a)
    simple_undirected = nx.Graph(multi.to_undirected())
    weighted = nx.Graph()  # undirected, parallel facts summed (Louvain)
    cheapest = nx.Graph()  # undirected, the cheapest parallel fact (Dijkstra)
    for s, o, a in edges:
        w = weighted.get_edge_data(s, o, {"weight": 0})["weight"]
        weighted.add_edge(s, o, weight=w + 1)
        c = cheapest.get_edge_data(s, o, {"cost": float("inf")})["cost"]
        cheapest.add_edge(s, o, cost=min(c, 1.0 / a))
    failures = []

    def check(name, ok, detail):
        print(("ok   " if ok else "FAIL ") + name + ": " + detail)
        if not ok:
            failures.append(name)

    def compare_scores(name, ours, ref, tol):
        ours = dict(ours)
        missing = set(ref) ^ set(ours)
        diff = max((abs(ours[k] - ref[k]) for k in ref if k in ours), default=0.0)
        check(name, not missing and diff <= tol, "%d nodes, max |diff| %.3g (tolerance %g)%s" % (
            len(ref), diff, tol, ", node sets differ" if missing else ""))

    compare_scores("pagerank", read(p("pagerank.tsv"), (int, float)),
                   pagerank(multi, alpha=0.85, tol=1e-13, max_iter=1000), 1e-6)
    compare_scores("betweenness", read(p("betweenness.tsv"), (int, float)),
                   nx.betweenness_centrality(simple_undirected, normalized=True), 1e-9)
    compare_scores("closeness", read(p("closeness.tsv"), (int, float)),
                   nx.closeness_centrality(simple_undirected), 1e-9)

    ours = partition(read(p("wcc.tsv"), (int, int)))
    ref = sorted(sorted(c) for c in nx.weakly_connected_components(multi))
    check("wcc", ours == ref, "%d components, networkx %d" % (len(ours), len(ref)))
    ours = partition(read(p("scc.tsv"), (int, int)))
    ref = sorted(sorted(c) for c in nx.strongly_connected_components(multi))
    check("scc", ours == ref, "%d components, networkx %d" % (len(ours), len(ref)))

    no_loops = simple_undirected.copy()
    no_loops.remove_edges_from(nx.selfloop_edges(no_loops))
    ref = nx.core_number(no_loops)
    ours = dict(read(p("kcore.tsv"), (int, int)))
    bad = [k for k in ref if ours.get(k) != ref[k]]
    check("kcore", not bad and len(ours) == len(ref), "%d nodes, max core %d, %d differ" % (
        len(ref), max(ref.values()), len(bad)))

    rows = read(p("louvain.tsv"), (int, int, float))
    ours_partition = [set(c) for c in partition((n, c) for n, c, _ in rows)]
    reported = rows[0][2]
    recomputed = nx.community.modularity(weighted, ours_partition, weight="weight")
    check("louvain modularity", abs(reported - recomputed) <= 1e-9,
          "reported %.6f, networkx computes %.6f for our partition" % (reported, recomputed))
    ref_partition = nx.community.louvain_communities(weighted, weight="weight", seed=42)
    ref_q = nx.community.modularity(weighted, ref_partition, weight="weight")
    check("louvain quality", recomputed >= ref_q - 0.01,
          "ours %.4f with %d communities, networkx louvain %.4f with %d" % (
              recomputed, len(ours_partition), ref_q, len(ref_partition)))

    with open(p("source.txt")) as f:
        source = int(f.read())
    ref = nx.single_source_dijkstra_path_length(cheapest, source, weight="cost")
    del ref[source]
    compare_scores("dijkstra", read(p("dijkstra.tsv"), (int, float)), ref, 1e-9)

    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
