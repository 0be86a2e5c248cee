/*
 * test_export.c: `netmap export` and the writers behind it. Small networks
 * are compared byte for byte in every format; hostile names must still give
 * files that real parsers read back (NetworkX for GraphML, GEXF and JSON,
 * Graphviz for DOT, run as the user would run them); contact data appears
 * only with --include-contacts; -o never leaves half a file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "netmap/export.h"
#include "testutil.h"

#define TODAY "2026-11-26"
#define PYTHON "/usr/bin/python3"

static const char small[] =
	"dataset: Testdorf\n"
	"actors:\n"
	"  - {id: a1, name: Alpha, type: association, themes: [language], district: Nord, website: \"https://a.example\", contact: {person: Erika Muster, email: erika@example.org, phone: \"+49 1\"}}\n"
	"  - {id: a2, name: Beta, type: migrant_organisation}\n"
	"  - {id: a3, name: Gamma, type: club}\n"
	"  - {id: a4, name: Delta, type: school}\n"
	"  - {id: a5, name: Epsilon, type: agency}\n"
	"committees:\n"
	"  - {id: c1, name: AK Sprache, kind: working_group, themes: [language], meets: monthly, members: [{actor: a1, role: chair, since: 2020-01-01}, a2]}\n"
	"  - {id: c2, name: NW Sprache, kind: network, themes: [language], status: dormant, members: [a1, a2]}\n"
	"  - {id: c3, name: Alt, kind: round_table, status: dissolved, members: [a1]}\n"
	"  - {id: c4, name: UG Sprache, kind: committee, ad_hoc: true, themes: [language, parents, school], parent: c1, lead: a4, founded: 2020-01-01, last_met: 2026-10-01, members: [a1, a2, a5, {actor: a3, role: guest}]}\n";

static const char hostile[] =
	"dataset: \"Dorf <\\\"&\\\"> \\\\\"\n"
	"actors:\n"
	"  - id: h1\n"
	"    name: \"Evil \\\"Q\\\" <b>&amp;</b> 'x'\\nline2 \\\\ back\\\\ \\ttab \\x01\\x1b ctl ä ß 日本 ]]> -- }; {\"\n"
	"    type: club\n"
	"    district: \"Nord\\r\\nSüd\"\n"
	"  - {id: h2, name: \"x\", type: club}\n"
	"committees:\n"
	"  - {id: k1, name: \"C:\\\\\", kind: network, members: [h1, h2]}\n"
	"  - {id: k2, name: \"<script>alert(1)</script>\", kind: network, members: [h1, h2]}\n";

static const char check_py[] =
	"import sys, json, networkx as nx\n"
	"fmt, path = sys.argv[1], sys.argv[2]\n"
	"if fmt == \"graphml\":\n"
	"    g = nx.read_graphml(path)\n"
	"elif fmt == \"gexf\":\n"
	"    g = nx.read_gexf(path)\n"
	"else:\n"
	"    with open(path, encoding=\"utf-8\") as f:\n"
	"        g = nx.node_link_graph(json.load(f))\n"
	"out = [str(g.number_of_nodes()), str(g.number_of_edges())]\n"
	"for spec in sys.argv[3:]:\n"
	"    p = spec.split(\":\")\n"
	"    v = g.nodes[p[0]][p[1]] if len(p) == 2 else g.edges[p[0], p[1]][p[2]]\n"
	"    out.append(json.dumps(v, ensure_ascii=False))\n"
	"print(\" \".join(out))\n";

static const char expect_json_members[] =
	"{\"directed\": false, \"multigraph\": false, \"graph\": {\"dataset\": \"Testdorf\", \"network\": \"members\", \"today\": \"2026-11-26\", \"generator\": \"netmap 1.0.0\"},\n"
	" \"nodes\": [\n"
	"  {\"id\": \"a1\", \"label\": \"Alpha\", \"entity\": \"actor\", \"bipartite\": 0, \"type\": \"association\", \"themes\": [\"language\"], \"district\": \"Nord\", \"website\": \"https://a.example\", \"committees\": 3, \"meetings_per_year\": 12, \"overloaded\": false, \"isolated\": false},\n"
	"  {\"id\": \"a2\", \"label\": \"Beta\", \"entity\": \"actor\", \"bipartite\": 0, \"type\": \"migrant_organisation\", \"themes\": [], \"committees\": 3, \"meetings_per_year\": 12, \"overloaded\": false, \"isolated\": false},\n"
	"  {\"id\": \"a3\", \"label\": \"Gamma\", \"entity\": \"actor\", \"bipartite\": 0, \"type\": \"club\", \"themes\": [], \"committees\": 1, \"meetings_per_year\": 0, \"overloaded\": false, \"isolated\": false},\n"
	"  {\"id\": \"a4\", \"label\": \"Delta\", \"entity\": \"actor\", \"bipartite\": 0, \"type\": \"school\", \"themes\": [], \"committees\": 1, \"meetings_per_year\": 0, \"overloaded\": false, \"isolated\": false},\n"
	"  {\"id\": \"a5\", \"label\": \"Epsilon\", \"entity\": \"actor\", \"bipartite\": 0, \"type\": \"agency\", \"themes\": [], \"committees\": 1, \"meetings_per_year\": 0, \"overloaded\": false, \"isolated\": false},\n"
	"  {\"id\": \"c1\", \"label\": \"AK Sprache\", \"entity\": \"committee\", \"bipartite\": 1, \"kind\": \"working_group\", \"status\": \"active\", \"analysed\": true, \"ad_hoc\": false, \"themes\": [\"language\"], \"meetings_per_year\": 12, \"members\": 2, \"meets\": \"monthly\", \"review\": [], \"cluster\": 1},\n"
	"  {\"id\": \"c2\", \"label\": \"NW Sprache\", \"entity\": \"committee\", \"bipartite\": 1, \"kind\": \"network\", \"status\": \"dormant\", \"analysed\": true, \"ad_hoc\": false, \"themes\": [\"language\"], \"meetings_per_year\": 0, \"members\": 2, \"review\": [\"dormant\"], \"cluster\": 1},\n"
	"  {\"id\": \"c3\", \"label\": \"Alt\", \"entity\": \"committee\", \"bipartite\": 1, \"kind\": \"round_table\", \"status\": \"dissolved\", \"analysed\": false, \"ad_hoc\": false, \"themes\": [], \"meetings_per_year\": 0, \"members\": 1, \"review\": [], \"cluster\": 0},\n"
	"  {\"id\": \"c4\", \"label\": \"UG Sprache\", \"entity\": \"committee\", \"bipartite\": 1, \"kind\": \"committee\", \"status\": \"active\", \"analysed\": true, \"ad_hoc\": true, \"themes\": [\"language\", \"parents\", \"school\"], \"meetings_per_year\": 0, \"members\": 4, \"last_met\": \"2026-10-01\", \"founded\": \"2020-01-01\", \"parent\": \"c1\", \"lead\": \"a4\", \"review\": [\"long_running_ad_hoc\"], \"cluster\": 0}\n"
	" ],\n"
	" \"links\": [\n"
	"  {\"source\": \"a1\", \"target\": \"c1\", \"role\": \"chair\", \"since\": \"2020-01-01\", \"analysed\": true},\n"
	"  {\"source\": \"a1\", \"target\": \"c2\", \"role\": \"member\", \"analysed\": true},\n"
	"  {\"source\": \"a1\", \"target\": \"c3\", \"role\": \"member\", \"analysed\": false},\n"
	"  {\"source\": \"a1\", \"target\": \"c4\", \"role\": \"member\", \"analysed\": true},\n"
	"  {\"source\": \"a2\", \"target\": \"c1\", \"role\": \"member\", \"analysed\": true},\n"
	"  {\"source\": \"a2\", \"target\": \"c2\", \"role\": \"member\", \"analysed\": true},\n"
	"  {\"source\": \"a2\", \"target\": \"c4\", \"role\": \"member\", \"analysed\": true},\n"
	"  {\"source\": \"a3\", \"target\": \"c4\", \"role\": \"guest\", \"analysed\": true},\n"
	"  {\"source\": \"a4\", \"target\": \"c4\", \"role\": \"lead\", \"analysed\": true},\n"
	"  {\"source\": \"a5\", \"target\": \"c4\", \"role\": \"member\", \"analysed\": true}\n"
	" ]}\n";

static const char expect_json_overlaps[] =
	"{\"directed\": false, \"multigraph\": false, \"graph\": {\"dataset\": \"Testdorf\", \"network\": \"overlaps\", \"today\": \"2026-11-26\", \"generator\": \"netmap 1.0.0\"},\n"
	" \"nodes\": [\n"
	"  {\"id\": \"c1\", \"label\": \"AK Sprache\", \"kind\": \"working_group\", \"status\": \"active\", \"ad_hoc\": false, \"themes\": [\"language\"], \"meetings_per_year\": 12, \"members\": 2, \"meets\": \"monthly\", \"review\": [], \"cluster\": 1},\n"
	"  {\"id\": \"c2\", \"label\": \"NW Sprache\", \"kind\": \"network\", \"status\": \"dormant\", \"ad_hoc\": false, \"themes\": [\"language\"], \"meetings_per_year\": 0, \"members\": 2, \"review\": [\"dormant\"], \"cluster\": 1},\n"
	"  {\"id\": \"c4\", \"label\": \"UG Sprache\", \"kind\": \"committee\", \"status\": \"active\", \"ad_hoc\": true, \"themes\": [\"language\", \"parents\", \"school\"], \"meetings_per_year\": 0, \"members\": 4, \"last_met\": \"2026-10-01\", \"founded\": \"2020-01-01\", \"parent\": \"c1\", \"lead\": \"a4\", \"review\": [\"long_running_ad_hoc\"], \"cluster\": 0}\n"
	" ],\n"
	" \"links\": [\n"
	"  {\"source\": \"c1\", \"target\": \"c2\", \"class\": \"duplicate\", \"shared\": 2, \"jaccard\": 1.0, \"containment\": 1.0, \"theme_jaccard\": 1.0, \"subgroup\": false, \"shared_members\": [\"a1\", \"a2\"], \"shared_themes\": [\"language\"], \"weight\": 2},\n"
	"  {\"source\": \"c1\", \"target\": \"c4\", \"class\": \"nested\", \"shared\": 2, \"jaccard\": 0.5, \"containment\": 1.0, \"theme_jaccard\": 0.333, \"inside\": \"c1\", \"subgroup\": true, \"shared_members\": [\"a1\", \"a2\"], \"shared_themes\": [\"language\"], \"weight\": 2},\n"
	"  {\"source\": \"c2\", \"target\": \"c4\", \"class\": \"nested\", \"shared\": 2, \"jaccard\": 0.5, \"containment\": 1.0, \"theme_jaccard\": 0.333, \"inside\": \"c2\", \"subgroup\": false, \"shared_members\": [\"a1\", \"a2\"], \"shared_themes\": [\"language\"], \"weight\": 2}\n"
	" ]}\n";

static const char expect_dot_members[] =
	"graph members {\n"
	"\tgraph [dataset=\"Testdorf\", network=\"members\", today=\"2026-11-26\", generator=\"netmap 1.0.0\"];\n"
	"\tgraph [layout=\"neato\", overlap=\"false\", sep=\"+6\", splines=\"false\", outputorder=\"edgesfirst\", pack=\"true\", pad=\"0.3\", bgcolor=\"white\", fontname=\"Helvetica\"];\n"
	"\tnode [fontname=\"Helvetica\", fontsize=10, style=\"filled\", fillcolor=\"white\", color=\"#555555\", margin=\"0.06,0.03\"];\n"
	"\tedge [color=\"#999999\", penwidth=1.5];\n"
	"\t\"a1\" [shape=ellipse, label=\"Alpha\", entity=\"actor\", bipartite=0, type=\"association\", themes=\"language\", district=\"Nord\", website=\"https://a.example\", committees=3, meetings_per_year=12, overloaded=false, isolated=false];\n"
	"\t\"a2\" [shape=ellipse, label=\"Beta\", entity=\"actor\", bipartite=0, type=\"migrant_organisation\", committees=3, meetings_per_year=12, overloaded=false, isolated=false];\n"
	"\t\"a3\" [shape=ellipse, label=\"Gamma\", entity=\"actor\", bipartite=0, type=\"club\", committees=1, meetings_per_year=0, overloaded=false, isolated=false];\n"
	"\t\"a4\" [shape=ellipse, label=\"Delta\", entity=\"actor\", bipartite=0, type=\"school\", committees=1, meetings_per_year=0, overloaded=false, isolated=false];\n"
	"\t\"a5\" [shape=ellipse, label=\"Epsilon\", entity=\"actor\", bipartite=0, type=\"agency\", committees=1, meetings_per_year=0, overloaded=false, isolated=false];\n"
	"\t\"c1\" [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef5\", fontsize=12, label=\"AK Sprache\", entity=\"committee\", bipartite=1, kind=\"working_group\", status=\"active\", analysed=true, ad_hoc=false, themes=\"language\", meetings_per_year=12, members=2, meets=\"monthly\", cluster=1];\n"
	"\t\"c2\" [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef5\", fontsize=12, label=\"NW Sprache\", entity=\"committee\", bipartite=1, kind=\"network\", status=\"dormant\", analysed=true, ad_hoc=false, themes=\"language\", meetings_per_year=0, members=2, review=\"dormant\", cluster=1];\n"
	"\t\"c3\" [shape=box, style=\"rounded,dashed\", label=\"Alt\", entity=\"committee\", bipartite=1, kind=\"round_table\", status=\"dissolved\", analysed=false, ad_hoc=false, meetings_per_year=0, members=1, cluster=0];\n"
	"\t\"c4\" [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef5\", fontsize=12, label=\"UG Sprache\", entity=\"committee\", bipartite=1, kind=\"committee\", status=\"active\", analysed=true, ad_hoc=true, themes=\"language;parents;school\", meetings_per_year=0, members=4, last_met=\"2026-10-01\", founded=\"2020-01-01\", parent=\"c1\", lead=\"a4\", review=\"long_running_ad_hoc\", cluster=0];\n"
	"\t\"a1\" -- \"c1\" [role=\"chair\", since=\"2020-01-01\", analysed=true];\n"
	"\t\"a1\" -- \"c2\" [role=\"member\", analysed=true];\n"
	"\t\"a1\" -- \"c3\" [style=dashed, role=\"member\", analysed=false];\n"
	"\t\"a1\" -- \"c4\" [role=\"member\", analysed=true];\n"
	"\t\"a2\" -- \"c1\" [role=\"member\", analysed=true];\n"
	"\t\"a2\" -- \"c2\" [role=\"member\", analysed=true];\n"
	"\t\"a2\" -- \"c4\" [role=\"member\", analysed=true];\n"
	"\t\"a3\" -- \"c4\" [role=\"guest\", analysed=true];\n"
	"\t\"a4\" -- \"c4\" [role=\"lead\", analysed=true];\n"
	"\t\"a5\" -- \"c4\" [role=\"member\", analysed=true];\n"
	"}\n";

static const char expect_dot_overlaps[] =
	"graph overlaps {\n"
	"\tgraph [dataset=\"Testdorf\", network=\"overlaps\", today=\"2026-11-26\", generator=\"netmap 1.0.0\"];\n"
	"\tgraph [layout=\"neato\", overlap=\"false\", sep=\"+6\", splines=\"false\", outputorder=\"edgesfirst\", pack=\"true\", pad=\"0.3\", bgcolor=\"white\", fontname=\"Helvetica\"];\n"
	"\tnode [fontname=\"Helvetica\", fontsize=10, style=\"filled\", fillcolor=\"white\", color=\"#555555\", margin=\"0.06,0.03\"];\n"
	"\tedge [color=\"#999999\", penwidth=1.5];\n"
	"\t\"c1\" [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef5\", fontsize=12, label=\"AK Sprache\", kind=\"working_group\", status=\"active\", ad_hoc=false, themes=\"language\", meetings_per_year=12, members=2, meets=\"monthly\", cluster=1];\n"
	"\t\"c2\" [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef5\", fontsize=12, label=\"NW Sprache\", kind=\"network\", status=\"dormant\", ad_hoc=false, themes=\"language\", meetings_per_year=0, members=2, review=\"dormant\", cluster=1];\n"
	"\t\"c4\" [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef5\", fontsize=12, label=\"UG Sprache\", kind=\"committee\", status=\"active\", ad_hoc=true, themes=\"language;parents;school\", meetings_per_year=0, members=4, last_met=\"2026-10-01\", founded=\"2020-01-01\", parent=\"c1\", lead=\"a4\", review=\"long_running_ad_hoc\", cluster=0];\n"
	"\t\"c1\" -- \"c2\" [color=\"#e15759\", class=\"duplicate\", shared=2, jaccard=1.0, containment=1.0, theme_jaccard=1.0, subgroup=false, shared_members=\"a1;a2\", shared_themes=\"language\", weight=2];\n"
	"\t\"c1\" -- \"c4\" [color=\"#4e79a7\", class=\"nested\", shared=2, jaccard=0.5, containment=1.0, theme_jaccard=0.333, inside=\"c1\", subgroup=true, shared_members=\"a1;a2\", shared_themes=\"language\", weight=2];\n"
	"\t\"c2\" -- \"c4\" [color=\"#4e79a7\", class=\"nested\", shared=2, jaccard=0.5, containment=1.0, theme_jaccard=0.333, inside=\"c2\", subgroup=false, shared_members=\"a1;a2\", shared_themes=\"language\", weight=2];\n"
	"}\n";

/* Longer than a C99 string literal may be: one line per string. */
static const char *const expect_graphml_overlaps[] = {
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
	"<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
	"  <key id=\"g_dataset\" for=\"graph\" attr.name=\"dataset\" attr.type=\"string\"/>\n",
	"  <key id=\"g_network\" for=\"graph\" attr.name=\"network\" attr.type=\"string\"/>\n",
	"  <key id=\"g_today\" for=\"graph\" attr.name=\"today\" attr.type=\"string\"/>\n",
	"  <key id=\"g_generator\" for=\"graph\" attr.name=\"generator\" attr.type=\"string\"/>\n",
	"  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
	"  <key id=\"n_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
	"  <key id=\"n_status\" for=\"node\" attr.name=\"status\" attr.type=\"string\"/>\n",
	"  <key id=\"n_ad_hoc\" for=\"node\" attr.name=\"ad_hoc\" attr.type=\"boolean\"/>\n",
	"  <key id=\"n_themes\" for=\"node\" attr.name=\"themes\" attr.type=\"string\"/>\n",
	"  <key id=\"n_meetings_per_year\" for=\"node\" attr.name=\"meetings_per_year\" attr.type=\"int\"/>\n",
	"  <key id=\"n_members\" for=\"node\" attr.name=\"members\" attr.type=\"int\"/>\n",
	"  <key id=\"n_meets\" for=\"node\" attr.name=\"meets\" attr.type=\"string\"/>\n",
	"  <key id=\"n_last_met\" for=\"node\" attr.name=\"last_met\" attr.type=\"string\"/>\n",
	"  <key id=\"n_founded\" for=\"node\" attr.name=\"founded\" attr.type=\"string\"/>\n",
	"  <key id=\"n_parent\" for=\"node\" attr.name=\"parent\" attr.type=\"string\"/>\n",
	"  <key id=\"n_lead\" for=\"node\" attr.name=\"lead\" attr.type=\"string\"/>\n",
	"  <key id=\"n_review\" for=\"node\" attr.name=\"review\" attr.type=\"string\"/>\n",
	"  <key id=\"n_cluster\" for=\"node\" attr.name=\"cluster\" attr.type=\"int\"/>\n",
	"  <key id=\"e_class\" for=\"edge\" attr.name=\"class\" attr.type=\"string\"/>\n",
	"  <key id=\"e_shared\" for=\"edge\" attr.name=\"shared\" attr.type=\"int\"/>\n",
	"  <key id=\"e_jaccard\" for=\"edge\" attr.name=\"jaccard\" attr.type=\"double\"/>\n",
	"  <key id=\"e_containment\" for=\"edge\" attr.name=\"containment\" attr.type=\"double\"/>\n",
	"  <key id=\"e_theme_jaccard\" for=\"edge\" attr.name=\"theme_jaccard\" attr.type=\"double\"/>\n",
	"  <key id=\"e_inside\" for=\"edge\" attr.name=\"inside\" attr.type=\"string\"/>\n",
	"  <key id=\"e_subgroup\" for=\"edge\" attr.name=\"subgroup\" attr.type=\"boolean\"/>\n",
	"  <key id=\"e_shared_members\" for=\"edge\" attr.name=\"shared_members\" attr.type=\"string\"/>\n",
	"  <key id=\"e_shared_themes\" for=\"edge\" attr.name=\"shared_themes\" attr.type=\"string\"/>\n",
	"  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n",
	"  <graph id=\"overlaps\" edgedefault=\"undirected\">\n",
	"    <data key=\"g_dataset\">Testdorf</data>\n",
	"    <data key=\"g_network\">overlaps</data>\n",
	"    <data key=\"g_today\">2026-11-26</data>\n",
	"    <data key=\"g_generator\">netmap 1.0.0</data>\n",
	"    <node id=\"c1\">\n",
	"      <data key=\"n_label\">AK Sprache</data>\n",
	"      <data key=\"n_kind\">working_group</data>\n",
	"      <data key=\"n_status\">active</data>\n",
	"      <data key=\"n_ad_hoc\">false</data>\n",
	"      <data key=\"n_themes\">language</data>\n",
	"      <data key=\"n_meetings_per_year\">12</data>\n",
	"      <data key=\"n_members\">2</data>\n",
	"      <data key=\"n_meets\">monthly</data>\n",
	"      <data key=\"n_cluster\">1</data>\n",
	"    </node>\n",
	"    <node id=\"c2\">\n",
	"      <data key=\"n_label\">NW Sprache</data>\n",
	"      <data key=\"n_kind\">network</data>\n",
	"      <data key=\"n_status\">dormant</data>\n",
	"      <data key=\"n_ad_hoc\">false</data>\n",
	"      <data key=\"n_themes\">language</data>\n",
	"      <data key=\"n_meetings_per_year\">0</data>\n",
	"      <data key=\"n_members\">2</data>\n",
	"      <data key=\"n_review\">dormant</data>\n",
	"      <data key=\"n_cluster\">1</data>\n",
	"    </node>\n",
	"    <node id=\"c4\">\n",
	"      <data key=\"n_label\">UG Sprache</data>\n",
	"      <data key=\"n_kind\">committee</data>\n",
	"      <data key=\"n_status\">active</data>\n",
	"      <data key=\"n_ad_hoc\">true</data>\n",
	"      <data key=\"n_themes\">language;parents;school</data>\n",
	"      <data key=\"n_meetings_per_year\">0</data>\n",
	"      <data key=\"n_members\">4</data>\n",
	"      <data key=\"n_last_met\">2026-10-01</data>\n",
	"      <data key=\"n_founded\">2020-01-01</data>\n",
	"      <data key=\"n_parent\">c1</data>\n",
	"      <data key=\"n_lead\">a4</data>\n",
	"      <data key=\"n_review\">long_running_ad_hoc</data>\n",
	"      <data key=\"n_cluster\">0</data>\n",
	"    </node>\n",
	"    <edge source=\"c1\" target=\"c2\">\n",
	"      <data key=\"e_class\">duplicate</data>\n",
	"      <data key=\"e_shared\">2</data>\n",
	"      <data key=\"e_jaccard\">1.0</data>\n",
	"      <data key=\"e_containment\">1.0</data>\n",
	"      <data key=\"e_theme_jaccard\">1.0</data>\n",
	"      <data key=\"e_subgroup\">false</data>\n",
	"      <data key=\"e_shared_members\">a1;a2</data>\n",
	"      <data key=\"e_shared_themes\">language</data>\n",
	"      <data key=\"e_weight\">2</data>\n",
	"    </edge>\n",
	"    <edge source=\"c1\" target=\"c4\">\n",
	"      <data key=\"e_class\">nested</data>\n",
	"      <data key=\"e_shared\">2</data>\n",
	"      <data key=\"e_jaccard\">0.5</data>\n",
	"      <data key=\"e_containment\">1.0</data>\n",
	"      <data key=\"e_theme_jaccard\">0.333</data>\n",
	"      <data key=\"e_inside\">c1</data>\n",
	"      <data key=\"e_subgroup\">true</data>\n",
	"      <data key=\"e_shared_members\">a1;a2</data>\n",
	"      <data key=\"e_shared_themes\">language</data>\n",
	"      <data key=\"e_weight\">2</data>\n",
	"    </edge>\n",
	"    <edge source=\"c2\" target=\"c4\">\n",
	"      <data key=\"e_class\">nested</data>\n",
	"      <data key=\"e_shared\">2</data>\n",
	"      <data key=\"e_jaccard\">0.5</data>\n",
	"      <data key=\"e_containment\">1.0</data>\n",
	"      <data key=\"e_theme_jaccard\">0.333</data>\n",
	"      <data key=\"e_inside\">c2</data>\n",
	"      <data key=\"e_subgroup\">false</data>\n",
	"      <data key=\"e_shared_members\">a1;a2</data>\n",
	"      <data key=\"e_shared_themes\">language</data>\n",
	"      <data key=\"e_weight\">2</data>\n",
	"    </edge>\n",
	"  </graph>\n",
	"</graphml>\n",
	NULL};

/* Longer than a C99 string literal may be: one line per string. */
static const char *const expect_gexf_overlaps[] = {
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
	"<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n",
	"  <meta lastmodifieddate=\"2026-11-26\">\n",
	"    <creator>netmap 1.0.0</creator>\n",
	"    <description>Testdorf: committees linked by shared members (overlaps network)</description>\n",
	"  </meta>\n",
	"  <graph mode=\"static\" defaultedgetype=\"undirected\">\n",
	"    <attributes class=\"node\" mode=\"static\">\n",
	"      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
	"      <attribute id=\"status\" title=\"status\" type=\"string\"/>\n",
	"      <attribute id=\"ad_hoc\" title=\"ad_hoc\" type=\"boolean\"/>\n",
	"      <attribute id=\"themes\" title=\"themes\" type=\"string\"/>\n",
	"      <attribute id=\"meetings_per_year\" title=\"meetings_per_year\" type=\"integer\"/>\n",
	"      <attribute id=\"members\" title=\"members\" type=\"integer\"/>\n",
	"      <attribute id=\"meets\" title=\"meets\" type=\"string\"/>\n",
	"      <attribute id=\"last_met\" title=\"last_met\" type=\"string\"/>\n",
	"      <attribute id=\"founded\" title=\"founded\" type=\"string\"/>\n",
	"      <attribute id=\"parent\" title=\"parent\" type=\"string\"/>\n",
	"      <attribute id=\"lead\" title=\"lead\" type=\"string\"/>\n",
	"      <attribute id=\"review\" title=\"review\" type=\"string\"/>\n",
	"      <attribute id=\"cluster\" title=\"cluster\" type=\"integer\"/>\n",
	"    </attributes>\n",
	"    <attributes class=\"edge\" mode=\"static\">\n",
	"      <attribute id=\"class\" title=\"class\" type=\"string\"/>\n",
	"      <attribute id=\"shared\" title=\"shared\" type=\"integer\"/>\n",
	"      <attribute id=\"jaccard\" title=\"jaccard\" type=\"double\"/>\n",
	"      <attribute id=\"containment\" title=\"containment\" type=\"double\"/>\n",
	"      <attribute id=\"theme_jaccard\" title=\"theme_jaccard\" type=\"double\"/>\n",
	"      <attribute id=\"inside\" title=\"inside\" type=\"string\"/>\n",
	"      <attribute id=\"subgroup\" title=\"subgroup\" type=\"boolean\"/>\n",
	"      <attribute id=\"shared_members\" title=\"shared_members\" type=\"string\"/>\n",
	"      <attribute id=\"shared_themes\" title=\"shared_themes\" type=\"string\"/>\n",
	"    </attributes>\n",
	"    <nodes>\n",
	"      <node id=\"c1\" label=\"AK Sprache\">\n",
	"        <attvalues>\n",
	"          <attvalue for=\"kind\" value=\"working_group\"/>\n",
	"          <attvalue for=\"status\" value=\"active\"/>\n",
	"          <attvalue for=\"ad_hoc\" value=\"false\"/>\n",
	"          <attvalue for=\"themes\" value=\"language\"/>\n",
	"          <attvalue for=\"meetings_per_year\" value=\"12\"/>\n",
	"          <attvalue for=\"members\" value=\"2\"/>\n",
	"          <attvalue for=\"meets\" value=\"monthly\"/>\n",
	"          <attvalue for=\"cluster\" value=\"1\"/>\n",
	"        </attvalues>\n",
	"        <viz:size value=\"14\"/>\n",
	"        <viz:color r=\"242\" g=\"142\" b=\"43\"/>\n",
	"      </node>\n",
	"      <node id=\"c2\" label=\"NW Sprache\">\n",
	"        <attvalues>\n",
	"          <attvalue for=\"kind\" value=\"network\"/>\n",
	"          <attvalue for=\"status\" value=\"dormant\"/>\n",
	"          <attvalue for=\"ad_hoc\" value=\"false\"/>\n",
	"          <attvalue for=\"themes\" value=\"language\"/>\n",
	"          <attvalue for=\"meetings_per_year\" value=\"0\"/>\n",
	"          <attvalue for=\"members\" value=\"2\"/>\n",
	"          <attvalue for=\"review\" value=\"dormant\"/>\n",
	"          <attvalue for=\"cluster\" value=\"1\"/>\n",
	"        </attvalues>\n",
	"        <viz:size value=\"14\"/>\n",
	"        <viz:color r=\"242\" g=\"142\" b=\"43\"/>\n",
	"      </node>\n",
	"      <node id=\"c4\" label=\"UG Sprache\">\n",
	"        <attvalues>\n",
	"          <attvalue for=\"kind\" value=\"committee\"/>\n",
	"          <attvalue for=\"status\" value=\"active\"/>\n",
	"          <attvalue for=\"ad_hoc\" value=\"true\"/>\n",
	"          <attvalue for=\"themes\" value=\"language;parents;school\"/>\n",
	"          <attvalue for=\"meetings_per_year\" value=\"0\"/>\n",
	"          <attvalue for=\"members\" value=\"4\"/>\n",
	"          <attvalue for=\"last_met\" value=\"2026-10-01\"/>\n",
	"          <attvalue for=\"founded\" value=\"2020-01-01\"/>\n",
	"          <attvalue for=\"parent\" value=\"c1\"/>\n",
	"          <attvalue for=\"lead\" value=\"a4\"/>\n",
	"          <attvalue for=\"review\" value=\"long_running_ad_hoc\"/>\n",
	"          <attvalue for=\"cluster\" value=\"0\"/>\n",
	"        </attvalues>\n",
	"        <viz:size value=\"18\"/>\n",
	"        <viz:color r=\"242\" g=\"142\" b=\"43\"/>\n",
	"      </node>\n",
	"    </nodes>\n",
	"    <edges>\n",
	"      <edge id=\"0\" source=\"c1\" target=\"c2\" weight=\"2\">\n",
	"        <attvalues>\n",
	"          <attvalue for=\"class\" value=\"duplicate\"/>\n",
	"          <attvalue for=\"shared\" value=\"2\"/>\n",
	"          <attvalue for=\"jaccard\" value=\"1.0\"/>\n",
	"          <attvalue for=\"containment\" value=\"1.0\"/>\n",
	"          <attvalue for=\"theme_jaccard\" value=\"1.0\"/>\n",
	"          <attvalue for=\"subgroup\" value=\"false\"/>\n",
	"          <attvalue for=\"shared_members\" value=\"a1;a2\"/>\n",
	"          <attvalue for=\"shared_themes\" value=\"language\"/>\n",
	"        </attvalues>\n",
	"      </edge>\n",
	"      <edge id=\"1\" source=\"c1\" target=\"c4\" weight=\"2\">\n",
	"        <attvalues>\n",
	"          <attvalue for=\"class\" value=\"nested\"/>\n",
	"          <attvalue for=\"shared\" value=\"2\"/>\n",
	"          <attvalue for=\"jaccard\" value=\"0.5\"/>\n",
	"          <attvalue for=\"containment\" value=\"1.0\"/>\n",
	"          <attvalue for=\"theme_jaccard\" value=\"0.333\"/>\n",
	"          <attvalue for=\"inside\" value=\"c1\"/>\n",
	"          <attvalue for=\"subgroup\" value=\"true\"/>\n",
	"          <attvalue for=\"shared_members\" value=\"a1;a2\"/>\n",
	"          <attvalue for=\"shared_themes\" value=\"language\"/>\n",
	"        </attvalues>\n",
	"      </edge>\n",
	"      <edge id=\"2\" source=\"c2\" target=\"c4\" weight=\"2\">\n",
	"        <attvalues>\n",
	"          <attvalue for=\"class\" value=\"nested\"/>\n",
	"          <attvalue for=\"shared\" value=\"2\"/>\n",
	"          <attvalue for=\"jaccard\" value=\"0.5\"/>\n",
	"          <attvalue for=\"containment\" value=\"1.0\"/>\n",
	"          <attvalue for=\"theme_jaccard\" value=\"0.333\"/>\n",
	"          <attvalue for=\"inside\" value=\"c2\"/>\n",
	"          <attvalue for=\"subgroup\" value=\"false\"/>\n",
	"          <attvalue for=\"shared_members\" value=\"a1;a2\"/>\n",
	"          <attvalue for=\"shared_themes\" value=\"language\"/>\n",
	"        </attvalues>\n",
	"      </edge>\n",
	"    </edges>\n",
	"  </graph>\n",
	"</gexf>\n",
	NULL};

/* Validate and analyse yaml as of TODAY; the data must have no errors. */
static tu_data load(const char *yaml)
{
	tu_data f;

	tu_yaml(&f, yaml, TODAY);
	return f;
}

static char *export(const tu_data *f, const char *format, nm_export_network net, bool contacts)
{
	nm_export_opts o = {net, contacts};
	nm_buf out = NM_BUF_INIT;
	nm_error err;

	assert_int_equal(nm_export_write(&out, format, f->an, &o, &err), NM_OK);
	return nm_buf_detach(&out);
}

/* The lines of a long expected output joined into one new string. */
static char *join(const char *const *lines)
{
	nm_buf b = NM_BUF_INIT;

	for (size_t i = 0; lines[i]; i++)
		nm_buf_puts(&b, lines[i]);
	return nm_buf_detach(&b);
}

static void expect_export(const char *format, nm_export_network net, const char *expected)
{
	tu_data f = load(small);
	char *s = export(&f, format, net, false);

	assert_string_equal(s, expected);
	free(s);
	tu_data_release(&f);
}

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Run a shell command; its stdout (trailing newline cut) into a new string. */
static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char buf[4096];
	size_t n;

	assert_non_null(p);
	n = fread(buf, 1, sizeof(buf) - 1, p);
	buf[n] = '\0';
	if (n && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	assert_int_equal(pclose(p), 0);
	return strdup(buf);
}

/* Read path with NetworkX: "nodes edges" and the JSON of each attribute spec. */
static void expect_networkx(const char *dir, const char *format, const char *path,
			    const char *specs, const char *expected)
{
	char *script = tu_path(dir, "check.py");
	char cmd[8192];
	char *out;

	tu_write_file(script, check_py);
	snprintf(cmd, sizeof(cmd), PYTHON " '%s' %s '%s' %s 2>&1", script, format, path, specs);
	out = run(cmd);
	assert_string_equal(out, expected);
	free(out);
	free(script);
}

/* Read path with Graphviz: dot must accept it; gc counts nodes and edges. */
static void expect_graphviz(const char *path, size_t nodes, size_t edges)
{
	char cmd[4096];
	char *out;
	unsigned long n = 0, e = 0;

	snprintf(cmd, sizeof(cmd), "dot -Tcanon '%s' > /dev/null && gc -n -e '%s'", path, path);
	out = run(cmd);
	assert_int_equal(sscanf(out, "%lu %lu", &n, &e), 2);
	assert_int_equal(n, nodes);
	assert_int_equal(e, edges);
	free(out);
}

static void test_export__json_members_exact(void **state)
{
	(void)state;
	expect_export("json", NM_EXPORT_MEMBERS, expect_json_members);
}

static void test_export__json_overlaps_exact(void **state)
{
	(void)state;
	expect_export("json", NM_EXPORT_OVERLAPS, expect_json_overlaps);
}

static void test_export__dot_members_exact(void **state)
{
	(void)state;
	expect_export("dot", NM_EXPORT_MEMBERS, expect_dot_members);
}

static void test_export__dot_overlaps_exact(void **state)
{
	(void)state;
	expect_export("dot", NM_EXPORT_OVERLAPS, expect_dot_overlaps);
}

static void test_export__graphml_overlaps_exact(void **state)
{
	char *expected = join(expect_graphml_overlaps);

	(void)state;
	expect_export("graphml", NM_EXPORT_OVERLAPS, expected);
	free(expected);
}

static void test_export__gexf_overlaps_exact(void **state)
{
	char *expected = join(expect_gexf_overlaps);

	(void)state;
	expect_export("gexf", NM_EXPORT_OVERLAPS, expected);
	free(expected);
}

static void test_export__graphml_members_structure(void **state)
{
	tu_data f = load(small);
	char *s = export(&f, "graphml", NM_EXPORT_MEMBERS, false);

	(void)state;
	assert_int_equal(count(s, "<node "), 9);
	assert_int_equal(count(s, "<edge "), 10);
	assert_int_equal(count(s, "<key "), 30); /* 4 graph, 23 node, 3 edge */
	assert_non_null(strstr(s, "  <key id=\"n_bipartite\" for=\"node\" attr.name=\"bipartite\" "
				  "attr.type=\"int\"/>\n"));
	assert_non_null(strstr(s,
			       "  <key id=\"n_overloaded\" for=\"node\" attr.name=\"overloaded\" "
			       "attr.type=\"boolean\"/>\n"));
	assert_non_null(strstr(s, "  <graph id=\"members\" edgedefault=\"undirected\">\n"));
	assert_non_null(strstr(s, "    <node id=\"c3\">\n"
				  "      <data key=\"n_label\">Alt</data>\n"
				  "      <data key=\"n_entity\">committee</data>\n"
				  "      <data key=\"n_bipartite\">1</data>\n"
				  "      <data key=\"n_kind\">round_table</data>\n"
				  "      <data key=\"n_status\">dissolved</data>\n"
				  "      <data key=\"n_analysed\">false</data>\n"
				  "      <data key=\"n_ad_hoc\">false</data>\n"
				  "      <data key=\"n_meetings_per_year\">0</data>\n"
				  "      <data key=\"n_members\">1</data>\n"
				  "      <data key=\"n_cluster\">0</data>\n"
				  "    </node>\n"));
	assert_non_null(strstr(s, "    <edge source=\"a1\" target=\"c1\">\n"
				  "      <data key=\"e_role\">chair</data>\n"
				  "      <data key=\"e_since\">2020-01-01</data>\n"
				  "      <data key=\"e_analysed\">true</data>\n"
				  "    </edge>\n"));
	/* Nodes in byte order of their ids, actors and committees merged. */
	assert_true(strstr(s, "<node id=\"a5\">") < strstr(s, "<node id=\"c1\">"));
	free(s);
	tu_data_release(&f);
}

static void test_export__gexf_members_structure(void **state)
{
	tu_data f = load(small);
	char *s = export(&f, "gexf", NM_EXPORT_MEMBERS, false);

	(void)state;
	assert_non_null(
		strstr(s, "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
			  "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"));
	assert_non_null(strstr(s, "<graph mode=\"static\" defaultedgetype=\"undirected\">\n"));
	assert_int_equal(count(s, "<node "), 9);
	assert_int_equal(count(s, "<edge "), 10);
	assert_int_equal(count(s, "<attribute "), 25);
	assert_non_null(strstr(s,
			       "      <node id=\"a1\" label=\"Alpha\">\n"
			       "        <attvalues>\n"
			       "          <attvalue for=\"entity\" value=\"actor\"/>\n"
			       "          <attvalue for=\"bipartite\" value=\"0\"/>\n"
			       "          <attvalue for=\"type\" value=\"association\"/>\n"
			       "          <attvalue for=\"themes\" value=\"language\"/>\n"
			       "          <attvalue for=\"district\" value=\"Nord\"/>\n"
			       "          <attvalue for=\"website\" value=\"https://a.example\"/>\n"
			       "          <attvalue for=\"committees\" value=\"3\"/>\n"
			       "          <attvalue for=\"meetings_per_year\" value=\"12\"/>\n"
			       "          <attvalue for=\"overloaded\" value=\"false\"/>\n"
			       "          <attvalue for=\"isolated\" value=\"false\"/>\n"
			       "        </attvalues>\n"
			       "        <viz:size value=\"16\"/>\n"
			       "        <viz:color r=\"78\" g=\"121\" b=\"167\"/>\n"
			       "      </node>\n"));
	/* Size by members: c4 has four (the guest does not count). */
	assert_non_null(
		strstr(s, "          <attvalue for=\"review\" value=\"long_running_ad_hoc\"/>\n"
			  "          <attvalue for=\"cluster\" value=\"0\"/>\n"
			  "        </attvalues>\n"
			  "        <viz:size value=\"18\"/>\n"));
	assert_non_null(strstr(s, "      <edge id=\"7\" source=\"a3\" target=\"c4\">\n"
				  "        <attvalues>\n"
				  "          <attvalue for=\"role\" value=\"guest\"/>\n"
				  "          <attvalue for=\"analysed\" value=\"true\"/>\n"
				  "        </attvalues>\n"
				  "      </edge>\n"));
	free(s);
	tu_data_release(&f);
}

/* ------------------------------------------------------------ fixtures */

/* A dataset and a scratch folder, made before a test and released after it. */
typedef struct export_fixture {
	tu_data f;
	char *dir;
} export_fixture;

static int fixture(void **state, const char *yaml, const char *dir)
{
	export_fixture *x = calloc(1, sizeof(*x));

	if (!x)
		return -1;
	if (yaml)
		x->f = load(yaml);
	x->dir = tu_tempdir(dir);
	*state = x;
	return 0;
}

static int small_data(void **state)
{
	return fixture(state, small, "export-small");
}

static int hostile_data(void **state)
{
	return fixture(state, hostile, "export-hostile");
}

/* An empty folder: no data, no store. */
static int empty_folder(void **state)
{
	return fixture(state, NULL, "export-errors");
}

/* A folder with small.yaml scanned into netmap.db by the real binary. */
static void scan_small(const char *dir);

static int scanned_folder(void **state)
{
	if (fixture(state, NULL, "export-cli") != 0)
		return -1;
	scan_small(((export_fixture *)*state)->dir);
	return 0;
}

static int fixture_release(void **state)
{
	export_fixture *x = *state;

	tu_data_release(&x->f);
	free(x->dir);
	free(x);
	return 0;
}

/* ------------------------------------------------------------ personal data */

static const char *const graph_formats[] = {"graphml", "gexf", "dot", "json"};
static const char *const personal[] = {"Erika Muster", "erika@example.org",
				       "+49 1",        "person",
				       "email",        "phone"};

static void test_export__members_leave_out_contacts_unless_asked(void **state)
{
	export_fixture *x = *state;

	for (size_t i = 0; i < 4; i++) {
		char *plain = export(&x->f, graph_formats[i], NM_EXPORT_MEMBERS, false);
		for (size_t k = 0; k < 6; k++)
			assert_null(strstr(plain, personal[k]));
		free(plain);
	}
}

static void test_export__members_with_contacts_hold_person_email_and_phone(void **state)
{
	export_fixture *x = *state;

	for (size_t i = 0; i < 4; i++) {
		char *with = export(&x->f, graph_formats[i], NM_EXPORT_MEMBERS, true);
		for (size_t k = 0; k < 6; k++)
			assert_non_null(strstr(with, personal[k]));
		free(with);
	}
}

static void test_export__overlaps_hold_no_contacts_even_when_asked(void **state)
{
	export_fixture *x = *state;

	for (size_t i = 0; i < 4; i++) {
		char *overlaps = export(&x->f, graph_formats[i], NM_EXPORT_OVERLAPS, true);
		for (size_t k = 0; k < 6; k++)
			assert_null(strstr(overlaps, personal[k]));
		free(overlaps);
	}
}

/* ------------------------------------------------------------ hostile names */

static const char *const parsed_formats[] = {"graphml", "gexf", "json"};

static void test_export__members_of_hostile_names_read_back_in_networkx(void **state)
{
	/* XML cannot hold the control characters: they are dropped there. */
	static const char xml_expect[] =
		"4 4 \"Evil \\\"Q\\\" <b>&amp;</b> 'x'\\nline2 \\\\ back\\\\ \\ttab  ctl ä ß 日本 "
		"]]> -- }; {\" \"Nord\\nSüd\" \"C:\\\\\"";
	static const char json_expect[] =
		"4 4 \"Evil \\\"Q\\\" <b>&amp;</b> 'x'\\nline2 \\\\ back\\\\ \\ttab \\u0001\\u001b "
		"ctl ä ß 日本 ]]> -- }; {\" \"Nord\\r\\nSüd\" \"C:\\\\\"";
	export_fixture *x = *state;

	for (size_t i = 0; i < 3; i++) {
		char name[32], *path, *s;
		snprintf(name, sizeof(name), "members.%s", parsed_formats[i]);
		path = tu_path(x->dir, name);
		s = export(&x->f, parsed_formats[i], NM_EXPORT_MEMBERS, false);
		tu_write_file(path, s);
		free(s);
		expect_networkx(x->dir, parsed_formats[i], path, "h1:label h1:district k1:label",
				i < 2 ? xml_expect : json_expect);
		free(path);
	}
}

static void test_export__overlaps_of_hostile_names_read_back_in_networkx(void **state)
{
	export_fixture *x = *state;

	for (size_t i = 0; i < 3; i++) {
		char name[32], *path, *s;
		snprintf(name, sizeof(name), "overlaps.%s", parsed_formats[i]);
		path = tu_path(x->dir, name);
		s = export(&x->f, parsed_formats[i], NM_EXPORT_OVERLAPS, false);
		tu_write_file(path, s);
		free(s);
		expect_networkx(x->dir, parsed_formats[i], path, "k2:label k1:k2:class",
				"2 1 \"<script>alert(1)</script>\" \"overlap\"");
		free(path);
	}
}

static void test_export__dot_of_hostile_names_draws_with_labels_intact(void **state)
{
	export_fixture *x = *state;

	for (int net = 0; net < 2; net++) {
		char *path = tu_path(x->dir, net ? "overlaps.dot" : "members.dot");
		char cmd[4096], *label;
		char *s = export(&x->f, "dot", net ? NM_EXPORT_OVERLAPS : NM_EXPORT_MEMBERS, false);
		tu_write_file(path, s);
		free(s);
		expect_graphviz(path, net ? 2 : 4, net ? 1 : 4);
		/* The label comes back as written: escapes intact, nothing cut off. */
		snprintf(cmd, sizeof(cmd), "gvpr 'N[name==\"k1\"]{print(label)}' '%s'", path);
		label = run(cmd);
		assert_string_equal(label, "C:\\\\");
		free(label);
		free(path);
	}
}

/* ------------------------------------------------------------ the command */

/* scan the small data into dir/netmap.db through the real binary. */
static void scan_small(const char *dir)
{
	char *yaml = tu_path(dir, "small.yaml");
	const char *scan[] = {"scan", "--today", TODAY, "small.yaml", NULL};
	tu_run r;

	tu_write_file(yaml, small);
	tu_netmap(&r, dir, scan);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	free(yaml);
}

/* export -o file in dir, silent and successful; then networkx reads the file. */
static void expect_cli_file(const char *dir, const char *format, const char *network,
			    const char *file, const char *specs, const char *expected)
{
	const char *args[] = {"export",    "--today", TODAY, "--format", format,
			      "--network", network,   "-o",  file,       NULL};
	char *path = tu_path(dir, file);
	tu_run r;

	tu_netmap(&r, dir, args);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err, "");
	tu_run_release(&r);
	expect_networkx(dir, format, path, specs, expected);
	free(path);
}

static void test_export__cli_graphml_files_read_back_in_networkx(void **state)
{
	export_fixture *x = *state;

	expect_cli_file(x->dir, "graphml", "members", "m.graphml",
			"a1:committees c4:bipartite a3:c4:role", "9 10 3 1 \"guest\"");
	expect_cli_file(x->dir, "graphml", "overlaps", "o.graphml",
			"c1:c4:class c1:c4:theme_jaccard c2:cluster", "3 3 \"nested\" 0.333 1");
}

static void test_export__cli_gexf_files_read_back_in_networkx(void **state)
{
	export_fixture *x = *state;

	expect_cli_file(x->dir, "gexf", "members", "m.gexf",
			"a1:committees c3:analysed a1:c1:since", "9 10 3 false \"2020-01-01\"");
	expect_cli_file(x->dir, "gexf", "overlaps", "o.gexf", "c1:c2:class c1:c2:weight c4:label",
			"3 3 \"duplicate\" 2.0 \"UG Sprache\"");
}

static void test_export__cli_json_files_read_back_in_networkx(void **state)
{
	export_fixture *x = *state;

	expect_cli_file(x->dir, "json", "members", "m.json", "a3:isolated c4:review a4:c4:role",
			"9 10 false [\"long_running_ad_hoc\"] \"lead\"");
	expect_cli_file(x->dir, "json", "overlaps", "o.json",
			"c2:c4:inside c1:c4:subgroup c1:members", "3 3 \"c2\" true 2");
}

static void test_export__cli_dot_files_draw_in_graphviz(void **state)
{
	export_fixture *x = *state;

	for (int net = 0; net < 2; net++) {
		const char *args[] = {"export",
				      "--today",
				      TODAY,
				      "--format",
				      "dot",
				      "--network",
				      net ? "overlaps" : "members",
				      "-o",
				      "g.dot",
				      NULL};
		char *path = tu_path(x->dir, "g.dot");
		tu_run r;
		tu_netmap(&r, x->dir, args);
		assert_int_equal(r.status, 0);
		tu_run_release(&r);
		expect_graphviz(path, net ? 3 : 9, net ? 3 : 10);
		free(path);
	}
}

static void test_export__cli_stdout_is_the_library_output(void **state)
{
	const char *args[] = {"export", "--today",   TODAY,      "--format",
			      "json",   "--network", "overlaps", NULL};
	export_fixture *x = *state;
	tu_run r;

	tu_netmap(&r, x->dir, args);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, expect_json_overlaps);
	assert_string_equal(r.err, "");
	tu_run_release(&r);
}

static void expect_status(const char *dir, const char *const *args, int status, const char *err)
{
	tu_run r;

	tu_netmap(&r, dir, args);
	assert_int_equal(r.status, status);
	assert_string_equal(r.out, "");
	assert_non_null(strstr(r.err, err));
	tu_run_release(&r);
}

static void test_export__without_a_format_exits_2(void **state)
{
	const char *no_format[] = {"export", NULL};
	export_fixture *x = *state;

	expect_status(x->dir, no_format, 2,
		      "--format is required (graphml, gexf, dot, json, xlsx, ods, csv)");
}

static void test_export__of_an_unknown_format_exits_2(void **state)
{
	const char *bad_format[] = {"export", "--format", "xml", NULL};
	export_fixture *x = *state;

	expect_status(x->dir, bad_format, 2, "unknown format 'xml'");
}

static void test_export__of_an_unknown_network_exits_2(void **state)
{
	const char *bad_network[] = {"export", "--format", "json", "--network", "all", NULL};
	export_fixture *x = *state;

	expect_status(x->dir, bad_network, 2, "--network takes members or overlaps");
}

static void test_export__with_an_operand_exits_2(void **state)
{
	const char *operand[] = {"export", "--format", "json", "extra", NULL};
	export_fixture *x = *state;

	expect_status(x->dir, operand, 2, "unexpected argument 'extra'");
}

static void test_export__without_a_store_exits_2(void **state)
{
	const char *no_store[] = {"export", "--format", "json", "--db", "none.db", NULL};
	export_fixture *x = *state;

	expect_status(x->dir, no_store, 2, "netmap: ");
}

/* export with args fails naming want, and leaves no temporary file in dir. */
static void expect_failed_write(const char *dir, const char *const *args, const char *want)
{
	char *sub = tu_path(dir, "sub");
	char cmd[4096], *listing;

	assert_int_equal(mkdir(sub, 0755), 0);
	expect_status(dir, args, 2, want);
	/* No temporary file is left beside the target. */
	snprintf(cmd, sizeof(cmd), "ls -A '%s' | tr '\\n' ' '", dir);
	listing = run(cmd);
	assert_string_equal(listing, "netmap.db small.yaml sub ");
	free(listing);
	free(sub);
}

static void test_export__failed_write_into_a_missing_folder_leaves_no_file(void **state)
{
	const char *missing[] = {"export", "--format", "gexf", "-o", "no/such/dir/net.gexf", NULL};
	export_fixture *x = *state;

	expect_failed_write(x->dir, missing, "cannot write 'no/such/dir/net.gexf'");
}

static void test_export__failed_write_onto_a_folder_leaves_no_file(void **state)
{
	const char *onto_dir[] = {"export", "--format", "gexf", "-o", "sub", NULL};
	export_fixture *x = *state;

	expect_failed_write(x->dir, onto_dir, "cannot write 'sub'");
}

static void test_export__output_file_is_replaced_whole(void **state)
{
	const char *plain[] = {"export", "--format", "json", "-o", "net.json", NULL};
	export_fixture *x = *state;
	char *path = tu_path(x->dir, "net.json");
	char *s;
	tu_run r;

	tu_write_file(path, "an older, much longer file that must disappear entirely ...\n");
	tu_netmap(&r, x->dir, plain);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	s = tu_read_file(path, NULL);
	assert_int_equal(strncmp(s, "{\"directed\": false, \"multigraph\": false,", 40), 0);
	assert_null(strstr(s, "older"));
	assert_null(strstr(s, "erika"));
	free(s);
	free(path);
}

static void test_export__output_file_with_contacts_is_private(void **state)
{
	const char *contacts[] = {"export", "--format", "json", "--include-contacts",
				  "-o",     "net.json", NULL};
	export_fixture *x = *state;
	char *path = tu_path(x->dir, "net.json");
	struct stat st;
	char *s;
	tu_run r;

	tu_write_file(path, "an older file\n");
	tu_netmap(&r, x->dir, contacts);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	s = tu_read_file(path, NULL);
	assert_non_null(strstr(s, "\"email\": \"erika@example.org\""));
	free(s);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(path);
}

static void test_export__same_analysis_same_bytes(void **state)
{
	static const char *const formats[] = {"graphml", "gexf", "dot", "json"};
	tu_data f = load(small);

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		char *a = export(&f, formats[i], NM_EXPORT_MEMBERS, true);
		char *b = export(&f, formats[i], NM_EXPORT_MEMBERS, true);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	tu_data_release(&f);
}

/*
 * dot -Tsvg of the example town's export draws a picture, not a strip:
 * the layout attribute makes the dot command use neato.
 */
static void test_export__dot_of_example_town_draws_a_readable_picture(void **state)
{
	char *dir = tu_tempdir("export-dot-example");
	char *db = tu_path(dir, "n.db");
	char cmd[8192];

	(void)state;
	snprintf(cmd, sizeof(cmd), "cd '%s' && '%s' scan --db '%s' data >/dev/null",
		 NETMAP_SOURCE_DIR, NETMAP_BIN, db);
	assert_int_equal(system(cmd), 0);
	for (int net = 0; net < 2; net++) {
		double w = 0, h = 0;
		char *out;

		snprintf(cmd, sizeof(cmd),
			 "'%s' export --db '%s' --format dot%s | dot -Tsvg | "
			 "grep -o '<svg width=\"[0-9]*pt\" height=\"[0-9]*pt\"' | tr -dc '0-9 '",
			 NETMAP_BIN, db, net ? " --network overlaps" : "");
		out = run(cmd);
		assert_int_equal(sscanf(out, "%lf %lf", &w, &h), 2);
		/* the map was 13,840 x 155 points with dot's ranks */
		assert_true(w < 3 * h && h < 3 * w);
		assert_true(w < 3000 && h < 3000);
		free(out);
	}
	free(db);
	free(dir);
}

#define WITH(test, setup) cmocka_unit_test_setup_teardown(test, setup, fixture_release)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export__json_members_exact),
		cmocka_unit_test(test_export__json_overlaps_exact),
		cmocka_unit_test(test_export__dot_members_exact),
		cmocka_unit_test(test_export__dot_overlaps_exact),
		cmocka_unit_test(test_export__graphml_overlaps_exact),
		cmocka_unit_test(test_export__gexf_overlaps_exact),
		cmocka_unit_test(test_export__graphml_members_structure),
		cmocka_unit_test(test_export__gexf_members_structure),
		WITH(test_export__members_leave_out_contacts_unless_asked, small_data),
		WITH(test_export__members_with_contacts_hold_person_email_and_phone, small_data),
		WITH(test_export__overlaps_hold_no_contacts_even_when_asked, small_data),
		WITH(test_export__members_of_hostile_names_read_back_in_networkx, hostile_data),
		WITH(test_export__overlaps_of_hostile_names_read_back_in_networkx, hostile_data),
		WITH(test_export__dot_of_hostile_names_draws_with_labels_intact, hostile_data),
		WITH(test_export__cli_graphml_files_read_back_in_networkx, scanned_folder),
		WITH(test_export__cli_gexf_files_read_back_in_networkx, scanned_folder),
		WITH(test_export__cli_json_files_read_back_in_networkx, scanned_folder),
		WITH(test_export__cli_dot_files_draw_in_graphviz, scanned_folder),
		WITH(test_export__cli_stdout_is_the_library_output, scanned_folder),
		WITH(test_export__without_a_format_exits_2, empty_folder),
		WITH(test_export__of_an_unknown_format_exits_2, empty_folder),
		WITH(test_export__of_an_unknown_network_exits_2, empty_folder),
		WITH(test_export__with_an_operand_exits_2, empty_folder),
		WITH(test_export__without_a_store_exits_2, empty_folder),
		WITH(test_export__failed_write_into_a_missing_folder_leaves_no_file,
		     scanned_folder),
		WITH(test_export__failed_write_onto_a_folder_leaves_no_file, scanned_folder),
		WITH(test_export__output_file_is_replaced_whole, scanned_folder),
		WITH(test_export__output_file_with_contacts_is_private, scanned_folder),
		cmocka_unit_test(test_export__same_analysis_same_bytes),
		cmocka_unit_test(test_export__dot_of_example_town_draws_a_readable_picture),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
