#!/usr/bin/env python3
"""networkx on the same graph as algo_bench: load, PageRank (20 iterations),
weakly connected components.

    nx_bench.py EDGES.tsv      (subject id, object id, articles; a header line)

Prints a Markdown table. Uses networkx's pure-Python PageRank when numpy and
scipy are missing (as on this machine), which is networkx's own fallback for
its tests; with scipy installed nx.pagerank would be faster.
"""
import csv
import resource
import sys
import time

import networkx as nx


def rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class Timer:
    """Wall and CPU time: on a shared machine wall time includes waiting."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = (time.perf_counter() - self.wall) * 1000
        self.cpu = (time.process_time() - self.cpu) * 1000

    def __str__(self):
        return "%.0f ms (CPU %.0f ms)" % (self.wall, self.cpu)


def main():
    rss0 = rss_mib()
    load = Timer().__enter__()
    g = nx.MultiDiGraph()
    with open(sys.argv[1], newline="") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        g.add_edges_from((int(s), int(o)) for s, o, _ in rows)
    load.__exit__()
    print("| measure | networkx %s | notes |\n|---|---|---|" % nx.__version__)
    print("| load graph | %s | %d nodes, %d edges (MultiDiGraph); peak RSS +%.0f MiB |" % (
        load, g.number_of_nodes(), g.number_of_edges(), rss_mib() - rss0))
    try:
        import scipy  # noqa: F401
        pagerank, how = nx.pagerank, "nx.pagerank (scipy)"
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python as pagerank
        how = "pure-Python power iteration (no numpy/scipy)"
    with Timer() as t:
        try:
            pagerank(g, alpha=0.85, max_iter=20, tol=1e-30)
        except nx.PowerIterationFailedConvergence:
            pass  # 20 iterations done, as asked
    print("| PageRank, 20 iterations | %s | %s |" % (t, how))
    with Timer() as t:
        n = sum(1 for _ in nx.weakly_connected_components(g))
    print("| WCC | %s | %d components |" % (t, n))
    print("| peak RSS | %.0f MiB | whole process |" % rss_mib())


if __name__ == "__main__":
    main()
