/*
 * export_dot.c: the network as an undirected Graphviz graph. Every id and
 * value is a quoted string (numbers and booleans bare), so no keyword or
 * character in the data can change the syntax. Each attribute becomes a
 * DOT attribute of the same name; a layout engine (neato), shape, style
 * and colour are added so that `dot -Tsvg` draws something readable
 * right away.
 *
 * In a quoted DOT string only \" is an escape, but labels give a
 * backslash its own meaning (\n, \l, \N), and a string ending in a single
 * backslash would swallow the closing quote: so a backslash is doubled,
 * a newline becomes \n, other control characters are dropped and broken
 * UTF-8 becomes U+FFFD.
 */
#include "netmap/export.h"

#include <string.h>

#include <utf8proc.h>

static void quoted(nm_buf *out, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	nm_buf_putc(out, '"');
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);

		if (n <= 0) {
			nm_buf_puts(out, "\xEF\xBF\xBD");
			p++;
			continue;
		}
		if (cp == '"' || cp == '\\') {
			nm_buf_putc(out, '\\');
			nm_buf_putc(out, (char)cp);
		} else if (cp == '\n') {
			nm_buf_puts(out, "\\n");
		} else if (cp == '\t') {
			nm_buf_putc(out, ' ');
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			/* dropped */
		} else {
			nm_buf_put(out, (const char *)p, (size_t)n);
		}
		p += n;
	}
	nm_buf_putc(out, '"');
}

static void attrs(nm_buf *out, nm_buf *tmp, const bool *declared, const nm_export_attr *defs,
		  const nm_export_value *v, int n, bool *first)
{
	for (int k = 0; k < n; k++) {
		if (!declared[k] || !v[k].set ||
		    (defs[k].type == NM_EXPORT_LIST && v[k].nitems == 0))
			continue;
		nm_buf_puts(out, *first ? "" : ", ");
		*first = false;
		nm_buf_printf(out, "%s=", defs[k].name);
		nm_buf_clear(tmp);
		nm_export_text(tmp, defs[k].type, &v[k]);
		if (defs[k].type == NM_EXPORT_INT || defs[k].type == NM_EXPORT_DOUBLE ||
		    defs[k].type == NM_EXPORT_BOOL)
			nm_buf_puts(out, nm_buf_cstr(tmp));
		else
			quoted(out, nm_buf_cstr(tmp));
	}
}

static const char *class_color(const nm_export_value *cls)
{
	if (!cls->set)
		return NULL;
	if (strcmp(cls->s, "duplicate") == 0)
		return "#e15759";
	if (strcmp(cls->s, "nested") == 0)
		return "#4e79a7"; /* nested */
	return "#9c9c9c";
}

void nm_export_dot(nm_buf *out, const nm_export_graph *g)
{
	nm_buf tmp = NM_BUF_INIT;
	bool first = true;

	nm_buf_printf(out, "graph %s {\n\tgraph [",
		      g->network == NM_EXPORT_MEMBERS ? "members" : "overlaps");
	for (int k = 0; k < NM_GA_COUNT; k++) {
		if (!g->graph[k].set)
			continue;
		nm_buf_puts(out, first ? "" : ", ");
		first = false;
		nm_buf_printf(out, "%s=", nm_export_graph_attrs[k].name);
		nm_buf_clear(&tmp);
		nm_export_text(&tmp, nm_export_graph_attrs[k].type, &g->graph[k]);
		quoted(out, nm_buf_cstr(&tmp));
	}
	nm_buf_puts(out, "];\n");
	/*
	 * Drawing defaults: the layout attribute makes `dot -Tsvg` (and any
	 * other Graphviz command) use neato, whose spring model spreads a
	 * network out; dot's ranks would put the two sides of the map in two
	 * rows thousands of points wide. overlap=false keeps nodes apart.
	 */
	nm_buf_puts(out, "\tgraph [layout=\"neato\", overlap=\"false\", sep=\"+6\", "
			 "splines=\"false\", outputorder=\"edgesfirst\", pack=\"true\", "
			 "pad=\"0.3\", bgcolor=\"white\", fontname=\"Helvetica\"];\n"
			 "\tnode [fontname=\"Helvetica\", fontsize=10, style=\"filled\", "
			 "fillcolor=\"white\", color=\"#555555\", margin=\"0.06,0.03\"];\n"
			 "\tedge [color=\"#999999\", penwidth=1.5];\n");
	for (size_t i = 0; i < g->nnodes; i++) {
		const nm_export_node *n = &g->nodes[i];
		bool committee = n->v[NM_NA_KIND].set;
		bool dissolved = n->v[NM_NA_STATUS].set &&
				 strcmp(n->v[NM_NA_STATUS].s, "dissolved") == 0;

		nm_buf_putc(out, '\t');
		quoted(out, n->id);
		nm_buf_printf(out, " [shape=%s", committee ? "box" : "ellipse");
		if (committee)
			nm_buf_puts(
				out,
				dissolved
					? ", style=\"rounded,dashed\""
					: ", style=\"rounded,filled\", fillcolor=\"#e8eef5\", fontsize=12");
		first = false;
		attrs(out, &tmp, g->node_declared, nm_export_node_attrs, n->v, NM_NA_COUNT, &first);
		nm_buf_puts(out, "];\n");
	}
	for (size_t i = 0; i < g->nedges; i++) {
		const nm_export_edge *e = &g->edges[i];
		const char *color = class_color(&e->v[NM_EA_CLASS]);

		nm_buf_putc(out, '\t');
		quoted(out, e->source);
		nm_buf_puts(out, " -- ");
		quoted(out, e->target);
		nm_buf_puts(out, " [");
		first = true;
		if (color) {
			nm_buf_printf(out, "color=\"%s\"", color);
			first = false;
		}
		if (e->v[NM_EA_ANALYSED].set && !e->v[NM_EA_ANALYSED].b) {
			nm_buf_puts(out, first ? "style=dashed" : ", style=dashed");
			first = false;
		}
		attrs(out, &tmp, g->edge_declared, nm_export_edge_attrs, e->v, NM_EA_COUNT, &first);
		nm_buf_puts(out, "];\n");
	}
	nm_buf_puts(out, "}\n");
	nm_buf_release(&tmp);
}
