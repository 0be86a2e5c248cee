/*
 * export_json.c: the network as NetworkX's node-link JSON
 * (networkx.node_link_graph reads it; d3 and many other tools read the
 * same shape): {"directed", "multigraph", "graph", "nodes", "links"}. Lists
 * are JSON arrays here, where the other formats join them with ';'.
 */
#include "netmap/export.h"
#include "netmap/json.h"

/* Append `, "name": value` (without the comma when first). */
static void value(nm_buf *out, nm_buf *tmp, const nm_export_attr *a, const nm_export_value *v,
		  bool first)
{
	if (!first)
		nm_buf_puts(out, ", ");
	nm_json_str(out, a->name);
	nm_buf_puts(out, ": ");
	switch (a->type) {
	case NM_EXPORT_STRING:
		nm_json_str(out, v->s);
		break;
	case NM_EXPORT_LIST:
		nm_buf_putc(out, '[');
		for (size_t i = 0; i < v->nitems; i++) {
			if (i)
				nm_buf_puts(out, ", ");
			nm_json_str(out, v->items[i]);
		}
		nm_buf_putc(out, ']');
		break;
	case NM_EXPORT_DATE:
		nm_buf_clear(tmp);
		nm_export_text(tmp, a->type, v);
		nm_json_str(out, nm_buf_cstr(tmp));
		break;
	default:
		nm_export_text(out, a->type, v);
	}
}

void nm_export_json(nm_buf *out, const nm_export_graph *g)
{
	nm_buf tmp = NM_BUF_INIT;
	bool first = true;

	nm_buf_puts(out, "{\"directed\": false, \"multigraph\": false, \"graph\": {");
	for (int k = 0; k < NM_GA_COUNT; k++) {
		if (!g->graph[k].set)
			continue;
		value(out, &tmp, &nm_export_graph_attrs[k], &g->graph[k], first);
		first = false;
	}
	nm_buf_puts(out, "},\n \"nodes\": [");
	for (size_t i = 0; i < g->nnodes; i++) {
		const nm_export_node *n = &g->nodes[i];
		nm_buf_puts(out, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
		nm_json_str(out, n->id);
		for (int k = 0; k < NM_NA_COUNT; k++)
			if (g->node_declared[k] && n->v[k].set)
				value(out, &tmp, &nm_export_node_attrs[k], &n->v[k], false);
		nm_buf_putc(out, '}');
	}
	nm_buf_puts(out, g->nnodes ? "\n ],\n \"links\": [" : "],\n \"links\": [");
	for (size_t i = 0; i < g->nedges; i++) {
		const nm_export_edge *e = &g->edges[i];
		nm_buf_puts(out, i ? ",\n  {\"source\": " : "\n  {\"source\": ");
		nm_json_str(out, e->source);
		nm_buf_puts(out, ", \"target\": ");
		nm_json_str(out, e->target);
		for (int k = 0; k < NM_EA_COUNT; k++)
			if (g->edge_declared[k] && e->v[k].set)
				value(out, &tmp, &nm_export_edge_attrs[k], &e->v[k], false);
		nm_buf_putc(out, '}');
	}
	nm_buf_puts(out, g->nedges ? "\n ]}\n" : "]}\n");
	nm_buf_release(&tmp);
}
