/*
 * export_gexf.c: the network as a static GEXF graph for Gephi, with every
 * attribute declared and given as attvalues; label and weight are GEXF's
 * own, and viz:size and viz:color make a first layout readable (size by
 * members or by committees, colour by side).
 *
 * Version 1.2draft, not 1.3: Gephi reads both alike, but older NetworkX
 * releases (Debian bookworm's 2.8 among them) find no graph in a 1.3 file, and
 * nothing netmap writes needs 1.3. Switching is the three strings below.
 *
 * Every value sits in an XML attribute, where a parser turns a raw newline
 * or tab into a space; they are written as character references so that
 * a name reads back as it was.
 */
#include "netmap/export.h"
#include "netmap/escape.h"

#define GEXF_NS "http://www.gexf.net/1.2draft"
#define GEXF_VIZ_NS "http://www.gexf.net/1.2draft/viz"
#define GEXF_VERSION "1.2"

/* Escape s for an attribute value, keeping newlines and tabs. */
static void attr(nm_buf *out, nm_buf *tmp, const char *s)
{
	nm_buf_clear(tmp);
	nm_escape_xml(tmp, s);
	for (size_t i = 0; i < tmp->len; i++) {
		if (tmp->ptr[i] == '\n')
			nm_buf_puts(out, "&#10;");
		else if (tmp->ptr[i] == '\t')
			nm_buf_puts(out, "&#9;");
		else
			nm_buf_putc(out, tmp->ptr[i]);
	}
}

static const char *gexf_type(nm_export_type t)
{
	switch (t) {
	case NM_EXPORT_INT:
		return "integer";
	case NM_EXPORT_DOUBLE:
		return "double";
	case NM_EXPORT_BOOL:
		return "boolean";
	default:
		return "string";
	}
}

static void declare(nm_buf *out, const char *cls, const bool *declared, const nm_export_attr *attrs,
		    int n, int skip)
{
	nm_buf_printf(out, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
	for (int k = 0; k < n; k++)
		if (declared[k] && k != skip)
			nm_buf_printf(out,
				      "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
				      attrs[k].name, attrs[k].name, gexf_type(attrs[k].type));
	nm_buf_puts(out, "    </attributes>\n");
}

static void attvalues(nm_buf *out, nm_buf *text, nm_buf *tmp, const bool *declared,
		      const nm_export_attr *attrs, const nm_export_value *v, int n, int skip)
{
	bool any = false;

	for (int k = 0; k < n; k++) {
		if (!declared[k] || k == skip || !v[k].set ||
		    (attrs[k].type == NM_EXPORT_LIST && v[k].nitems == 0))
			continue;
		if (!any)
			nm_buf_puts(out, "        <attvalues>\n");
		any = true;
		nm_buf_clear(text);
		nm_export_text(text, attrs[k].type, &v[k]);
		nm_buf_printf(out, "          <attvalue for=\"%s\" value=\"", attrs[k].name);
		attr(out, tmp, nm_buf_cstr(text));
		nm_buf_puts(out, "\"/>\n");
	}
	if (any)
		nm_buf_puts(out, "        </attvalues>\n");
}

static void viz(nm_buf *out, const nm_export_node *n)
{
	bool actor = n->v[NM_NA_TYPE].set;
	int64_t count = actor ? n->v[NM_NA_COMMITTEES].i : n->v[NM_NA_MEMBERS].i;
	bool dissolved = n->v[NM_NA_ANALYSED].set && !n->v[NM_NA_ANALYSED].b;

	nm_buf_printf(out, "        <viz:size value=\"%lld\"/>\n", 10 + 2 * (long long)count);
	if (actor)
		nm_buf_puts(out, "        <viz:color r=\"78\" g=\"121\" b=\"167\"/>\n");
	else if (dissolved)
		nm_buf_puts(out, "        <viz:color r=\"186\" g=\"176\" b=\"172\"/>\n");
	else
		nm_buf_puts(out, "        <viz:color r=\"242\" g=\"142\" b=\"43\"/>\n");
}

void nm_export_gexf(nm_buf *out, const nm_export_graph *g)
{
	nm_buf text = NM_BUF_INIT, tmp = NM_BUF_INIT;
	bool members = g->network == NM_EXPORT_MEMBERS;

	nm_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			 "<gexf xmlns=\"" GEXF_NS "\" xmlns:viz=\"" GEXF_VIZ_NS "\" "
			 "version=\"" GEXF_VERSION "\">\n");
	nm_buf_puts(out, "  <meta");
	if (g->graph[NM_GA_TODAY].set) {
		nm_buf_clear(&text);
		nm_export_text(&text, NM_EXPORT_DATE, &g->graph[NM_GA_TODAY]);
		nm_buf_printf(out, " lastmodifieddate=\"%s\"", nm_buf_cstr(&text));
	}
	nm_buf_puts(out, ">\n    <creator>netmap " NETMAP_VERSION "</creator>\n"
			 "    <description>");
	if (g->graph[NM_GA_DATASET].set) {
		nm_escape_xml(out, g->graph[NM_GA_DATASET].s);
		nm_buf_puts(out, ": ");
	}
	nm_buf_puts(out, members ? "actors and committees (members network)"
				 : "committees linked by shared members (overlaps network)");
	nm_buf_puts(out, "</description>\n  </meta>\n"
			 "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n");
	declare(out, "node", g->node_declared, nm_export_node_attrs, NM_NA_COUNT, NM_NA_LABEL);
	declare(out, "edge", g->edge_declared, nm_export_edge_attrs, NM_EA_COUNT, NM_EA_WEIGHT);

	nm_buf_puts(out, "    <nodes>\n");
	for (size_t i = 0; i < g->nnodes; i++) {
		const nm_export_node *n = &g->nodes[i];
		nm_buf_puts(out, "      <node id=\"");
		attr(out, &tmp, n->id);
		nm_buf_puts(out, "\" label=\"");
		attr(out, &tmp, n->v[NM_NA_LABEL].set ? n->v[NM_NA_LABEL].s : n->id);
		nm_buf_puts(out, "\">\n");
		attvalues(out, &text, &tmp, g->node_declared, nm_export_node_attrs, n->v,
			  NM_NA_COUNT, NM_NA_LABEL);
		viz(out, n);
		nm_buf_puts(out, "      </node>\n");
	}
	nm_buf_puts(out, "    </nodes>\n    <edges>\n");
	for (size_t i = 0; i < g->nedges; i++) {
		const nm_export_edge *e = &g->edges[i];
		nm_buf_printf(out, "      <edge id=\"%zu\" source=\"", i);
		attr(out, &tmp, e->source);
		nm_buf_puts(out, "\" target=\"");
		attr(out, &tmp, e->target);
		nm_buf_putc(out, '"');
		if (e->v[NM_EA_WEIGHT].set)
			nm_buf_printf(out, " weight=\"%lld\"", (long long)e->v[NM_EA_WEIGHT].i);
		nm_buf_puts(out, ">\n");
		attvalues(out, &text, &tmp, g->edge_declared, nm_export_edge_attrs, e->v,
			  NM_EA_COUNT, NM_EA_WEIGHT);
		nm_buf_puts(out, "      </edge>\n");
	}
	nm_buf_puts(out, "    </edges>\n  </graph>\n</gexf>\n");
	nm_buf_release(&text);
	nm_buf_release(&tmp);
}
