#!/usr/bin/env python3
"""peer_overlap.py: the straightforward way to do netmap's overlap job.

The peer that netmap's scan is compared with in bench/run.sh: what a
coordinator's analyst would write in an afternoon with the usual Python tools.
It reads the same YAML files with PyYAML's C loader (libyaml underneath, as in
netmap), merges the memberships written on committees (`members`), on actors
(`member_of`) and in the top-level `memberships` table as the contract says
(one membership per actor-committee pair, the strongest written role), builds
the actor-committee bipartite graph with NetworkX from the non-guest
memberships of committees that are not dissolved, and projects it onto the
committees with overlap_weighted_projected_graph (jaccard weights).

It does no validation, none of the pair classes beyond counting, and none of
the other analyses, so it does less than `netmap scan`: the ratio in the
benchmark flatters the peer.

Usage: peer_overlap.py [--jaccard 0.3] PATH...   (files or directories)

Prints human-readable lines and, last, one line of key=value figures that
bench/run.sh reads:
  PEER load_seconds=... overlap_seconds=... total_seconds=... memberships=...
Runs under any Python 3 with PyYAML (built with libyaml) and NetworkX 2.x/3.x.
"""

import argparse
import os
import sys
import time

try:
    import yaml
except ImportError:
    sys.exit("peer_overlap: PyYAML is missing (apt-get install python3-yaml)")
try:
    import networkx as nx
    from networkx.algorithms import bipartite
except ImportError:
    sys.exit("peer_overlap: NetworkX is missing (apt-get install python3-networkx)")

ROLE_RANK = {"guest": 0, "member": 1, "chair": 2, "lead": 3}


def dataset_files(paths):
    """The files netmap reads for these arguments (contract section 2)."""
    seen = set()
    out = []
    for arg in paths:
        if os.path.isdir(arg):
            found = []
            for root, dirs, files in os.walk(arg, followlinks=False):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if name.startswith("."):
                        continue
                    if name.endswith(".yaml") or name.endswith(".yml"):
                        found.append(os.path.join(root, name))
            found.sort(key=lambda p: os.fsencode(p))
        else:
            found = [arg]
        for path in found:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out


def as_list(value):
    return value if isinstance(value, list) else []


class Merge:
    """Memberships from the three places, merged per pair."""

    def __init__(self):
        self.written = {}  # (actor, committee) -> strongest written rank, -1 if none

    def add(self, actor, committee, role):
        key = (str(actor), str(committee))
        rank = ROLE_RANK.get(role, -1) if role is not None else -1
        old = self.written.get(key)
        if old is None or rank > old:
            self.written[key] = rank

    def role_rank(self, key):
        rank = self.written[key]
        return ROLE_RANK["member"] if rank < 0 else rank


def load(files):
    merge = Merge()
    status = {}  # committee id -> status
    actors = set()
    for path in files:
        with open(path, "rb") as f:
            for doc in yaml.load_all(f, Loader=yaml.CSafeLoader):
                if not isinstance(doc, dict):
                    continue
                for a in as_list(doc.get("actors")):
                    aid = str(a["id"])
                    actors.add(aid)
                    for m in as_list(a.get("member_of")):
                        if isinstance(m, dict):
                            merge.add(aid, m["committee"], m.get("role"))
                        else:
                            merge.add(aid, m, None)
                for c in as_list(doc.get("committees")):
                    cid = str(c["id"])
                    status[cid] = c.get("status") or "active"
                    if c.get("lead") is not None:
                        merge.add(c["lead"], cid, "lead")
                    for m in as_list(c.get("members")):
                        if isinstance(m, dict):
                            merge.add(m["actor"], cid, m.get("role"))
                        else:
                            merge.add(m, cid, None)
                for m in as_list(doc.get("memberships")):
                    merge.add(m["actor"], m["committee"], m.get("role"))
    return merge, status, actors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jaccard", type=float, default=0.3,
                    help="count projected edges with at least this weight (0.3)")
    ap.add_argument("paths", nargs="+", metavar="PATH")
    args = ap.parse_args()

    if not getattr(yaml, "__with_libyaml__", False):
        sys.exit("peer_overlap: this PyYAML has no libyaml (yaml.CSafeLoader); "
                 "the comparison would be unfair to the peer")

    files = dataset_files(args.paths)
    if not files:
        sys.exit("peer_overlap: no YAML file in %s" % " ".join(args.paths))

    t0 = time.perf_counter()
    merge, status, actors = load(files)
    t1 = time.perf_counter()

    analysed = [c for c in sorted(status) if status[c] != "dissolved"]
    analysed_set = set(analysed)
    G = nx.Graph()
    G.add_nodes_from(analysed, bipartite=0)
    G.add_nodes_from(sorted(actors), bipartite=1)
    for key in merge.written:
        actor, committee = key
        if committee in analysed_set and merge.role_rank(key) > ROLE_RANK["guest"]:
            G.add_edge(actor, committee)
    P = bipartite.overlap_weighted_projected_graph(G, analysed, jaccard=True)
    edges = P.number_of_edges()
    over = sum(1 for _, _, w in P.edges(data="weight") if w >= args.jaccard)
    t2 = time.perf_counter()

    print("peer: %d files, %d actors, %d committees (%d analysed), %d memberships"
          % (len(files), len(actors), len(status), len(analysed), len(merge.written)))
    print("peer: bipartite graph %d nodes, %d edges" % (G.number_of_nodes(), G.number_of_edges()))
    print("peer: %d committee pairs share a member, %d with jaccard >= %g"
          % (edges, over, args.jaccard))
    print("peer: load %.3f s, overlap %.3f s, total %.3f s" % (t1 - t0, t2 - t1, t2 - t0))
    print("PEER load_seconds=%.3f overlap_seconds=%.3f total_seconds=%.3f files=%d "
          "actors=%d committees=%d analysed=%d memberships=%d pairs=%d overlap_pairs=%d "
          "python=%s networkx=%s pyyaml=%s"
          % (t1 - t0, t2 - t1, t2 - t0, len(files), len(actors), len(status),
             len(analysed), len(merge.written), edges, over,
             sys.version.split()[0], nx.__version__, yaml.__version__))


if __name__ == "__main__":
    main()
