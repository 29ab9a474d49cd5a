#!/usr/bin/env python3
"""Parses a GraphML or GEXF file with the standard library's XML parser and
prints its nodes and edges as JSON, for export_test.cc to check:

    graph_check.py graphml|gexf FILE
    -> {"nodes": {id: {attr: value}}, "edges": [{"source", "target", attr: value}]}

Fails (exit 1) on XML that does not parse, or on an attribute that was never
declared. Where networkx is installed, GraphML is also read with
networkx.read_graphml and the counts must agree.
"""
import json
import sys
import xml.etree.ElementTree as ET


def graphml(path):
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    graph = root.find("g:graph", ns)
    assert graph.get("edgedefault") == "directed"

    def data(el):
        out = {}
        for d in el.findall("g:data", ns):
            if d.get("key") not in keys:
                raise SystemExit("undeclared key " + d.get("key"))
            out[keys[d.get("key")]] = d.text or ""
        return out

    nodes = {n.get("id"): data(n) for n in graph.findall("g:node", ns)}
    edges = [dict(source=e.get("source"), target=e.get("target"), **data(e)) for e in graph.findall("g:edge", ns)]
    try:
        import networkx as nx
    except ImportError:
        return nodes, edges
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == len(nodes), (g.number_of_nodes(), len(nodes))
    assert g.number_of_edges() == len(edges), (g.number_of_edges(), len(edges))
    return nodes, edges


def gexf(path):
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(path).getroot()
    assert root.get("version") == "1.3"
    graph = root.find("g:graph", ns)
    declared = {}
    for attrs in graph.findall("g:attributes", ns):
        declared[attrs.get("class")] = {a.get("id") for a in attrs.findall("g:attribute", ns)}

    def values(el, cls):
        out = {}
        for v in el.findall("g:attvalues/g:attvalue", ns):
            if v.get("for") not in declared[cls]:
                raise SystemExit("undeclared attribute " + v.get("for"))
            out[v.get("for")] = v.get("value")
        return out

    nodes = {}
    for n in graph.findall("g:nodes/g:node", ns):
        nodes[n.get("id")] = dict(label=n.get("label"), **values(n, "node"))
    edges = []
    for e in graph.findall("g:edges/g:edge", ns):
        assert e.get("source") in nodes and e.get("target") in nodes
        edges.append(dict(source=e.get("source"), target=e.get("target"), label=e.get("label"),
                          weight=e.get("weight"), **values(e, "edge")))
    return nodes, edges


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    nodes, edges = graphml(path) if fmt == "graphml" else gexf(path)
    json.dump({"nodes": nodes, "edges": edges}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
