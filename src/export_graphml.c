/*
 * export_graphml.c: the network as GraphML, with a <key> per attribute
 * typed string, int, double or boolean, as NetworkX and Gephi read it.
 * Values are element text, so a newline in a name survives; everything
 * from the data goes through the shared XML escaping.
 */
#include "netmap/export.h"
#include "netmap/escape.h"

static const char *graphml_type(nm_export_type t)
{
	switch (t) {
	case NM_EXPORT_INT:
		return "int";
	case NM_EXPORT_DOUBLE:
		return "double";
	case NM_EXPORT_BOOL:
		return "boolean";
	default:
		return "string";
	}
}

static void key(nm_buf *out, char prefix, const char *scope, const nm_export_attr *a)
{
	nm_buf_printf(out, "  <key id=\"%c_%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
		      prefix, a->name, scope, a->name, graphml_type(a->type));
}

static void data(nm_buf *out, nm_buf *tmp, const char *indent, char prefix, const nm_export_attr *a,
		 const nm_export_value *v)
{
	if (!v->set || (a->type == NM_EXPORT_LIST && v->nitems == 0))
		return;
	nm_buf_clear(tmp);
	nm_export_text(tmp, a->type, v);
	nm_buf_printf(out, "%s<data key=\"%c_%s\">", indent, prefix, a->name);
	nm_escape_xml(out, nm_buf_cstr(tmp));
	nm_buf_puts(out, "</data>\n");
}

void nm_export_graphml(nm_buf *out, const nm_export_graph *g)
{
	nm_buf tmp = NM_BUF_INIT;

	nm_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			 "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
			 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
			 "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
			 "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
	for (int k = 0; k < NM_GA_COUNT; k++)
		if (g->graph[k].set)
			key(out, 'g', "graph", &nm_export_graph_attrs[k]);
	for (int k = 0; k < NM_NA_COUNT; k++)
		if (g->node_declared[k])
			key(out, 'n', "node", &nm_export_node_attrs[k]);
	for (int k = 0; k < NM_EA_COUNT; k++)
		if (g->edge_declared[k])
			key(out, 'e', "edge", &nm_export_edge_attrs[k]);
	nm_buf_printf(out, "  <graph id=\"%s\" edgedefault=\"undirected\">\n",
		      g->network == NM_EXPORT_MEMBERS ? "members" : "overlaps");
	for (int k = 0; k < NM_GA_COUNT; k++)
		data(out, &tmp, "    ", 'g', &nm_export_graph_attrs[k], &g->graph[k]);
	for (size_t i = 0; i < g->nnodes; i++) {
		const nm_export_node *n = &g->nodes[i];
		nm_buf_puts(out, "    <node id=\"");
		nm_escape_xml(out, n->id);
		nm_buf_puts(out, "\">\n");
		for (int k = 0; k < NM_NA_COUNT; k++)
			if (g->node_declared[k])
				data(out, &tmp, "      ", 'n', &nm_export_node_attrs[k], &n->v[k]);
		nm_buf_puts(out, "    </node>\n");
	}
	for (size_t i = 0; i < g->nedges; i++) {
		const nm_export_edge *e = &g->edges[i];
		nm_buf_puts(out, "    <edge source=\"");
		nm_escape_xml(out, e->source);
		nm_buf_puts(out, "\" target=\"");
		nm_escape_xml(out, e->target);
		nm_buf_puts(out, "\">\n");
		for (int k = 0; k < NM_EA_COUNT; k++)
			if (g->edge_declared[k])
				data(out, &tmp, "      ", 'e', &nm_export_edge_attrs[k], &e->v[k]);
		nm_buf_puts(out, "    </edge>\n");
	}
	nm_buf_puts(out, "  </graph>\n</graphml>\n");
	nm_buf_release(&tmp);
}
