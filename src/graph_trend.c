/*
 * graph_trend.c: the e-mail's chart of how the network changed, as a PNG
 * that Graphviz renders (mail clients drop inline SVG). The page draws the
 * same chart as SVG (report_html_map.c); here each point, line end and
 * text is a node at a given position, laid out by the nop engine (which,
 * like neato -n, keeps positions in points as given) and rendered with
 * cairo. Four panels: committees, duplicate pairs, overloaded actors,
 * missing voices.
 */
#include "graph_svg.h"

#include "netmap/trend.h"

#include <stdio.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

static const nm_msg msgs[] = {
	{"active or dormant committees", "aktive oder ruhende Gremien"},
	{"duplicate pairs", "doppelte Paare"},
	{"overloaded actors", "überlastete Akteure"},
	{"missing voices", "fehlende Stimmen"},
};

static const char *const titles[] = {"active or dormant committees", "duplicate pairs",
				     "overloaded actors", "missing voices"};
static const char *const colours[] = {"#1d1d1f", "#d62728", "#e37400", "#2e7d32"};

/* Graphviz's agusererrf callback type takes a char *. */
static int quiet(char *msg) // NOLINT(readability-non-const-parameter)
{
	(void)msg;
	return 0;
}

static size_t value(const nm_trend_point *p, int series)
{
	return series == 0   ? p->committees
	       : series == 1 ? p->duplicates
	       : series == 2 ? p->overloaded
			     : p->missing_voices;
}

static void set(void *obj, const char *name, const char *v)
{
	agsafeset(obj, (char *)name, (char *)v, (char *)"");
}

static Agnode_t *at(Agraph_t *g, int *seq, double x, double y)
{
	char name[32], pos[64];
	Agnode_t *n;

	snprintf(name, sizeof(name), "n%d", (*seq)++);
	n = agnode(g, name, 1);
	snprintf(pos, sizeof(pos), "%.1f,%.1f!", x, y);
	set(n, "pos", pos);
	return n;
}

static void text(Agraph_t *g, int *seq, double x, double y, const char *s, const char *size,
		 const char *colour)
{
	Agnode_t *n = at(g, seq, x, y);

	set(n, "shape", "plaintext");
	set(n, "label", s);
	set(n, "fontsize", size);
	set(n, "fontcolor", colour);
}

/* Graphviz's y grows upwards: panels are placed from the top. */
static void panel(Agraph_t *g, int *seq, const nm_trend *t, int series, double x0, double y0,
		  nm_lang lang)
{
	double w = 230, h = 48, bottom = y0 - 80;
	size_t lo = (size_t)-1, hi = 0;
	Agnode_t *prev = NULL;
	char num[32];

	for (size_t i = 0; i < t->n; i++) {
		size_t v = value(&t->points[i], series);
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	text(g, seq, x0 + 120, y0 - 8, NM_TR(msgs, lang, titles[series]), "12", "#1d1d1f");
	for (size_t i = 0; i < t->n; i++) {
		size_t v = value(&t->points[i], series);
		double x = x0 + 30 + w * (double)i / (double)(t->n - 1);
		double y = hi == lo ? bottom + h / 2
				    : bottom + h * (double)(v - lo) / (double)(hi - lo);
		Agnode_t *n = at(g, seq, x, y);

		set(n, "shape", "circle");
		set(n, "label", "");
		set(n, "width", "0.09");
		set(n, "fixedsize", "true");
		set(n, "style", "filled");
		set(n, "color", colours[series]);
		set(n, "fillcolor", colours[series]);
		if (prev) {
			Agedge_t *e = agedge(g, prev, n, NULL, 1);
			set(e, "color", colours[series]);
			set(e, "penwidth", "2");
		}
		prev = n;
		if (i == 0 || i + 1 == t->n) {
			snprintf(num, sizeof(num), "%zu", v);
			text(g, seq, i ? x + 14 : x - 14, y, num, "11", "#1d1d1f");
		}
	}
	{
		nm_i18n_str a = nm_i18n_date_str(lang, t->points[0].today);
		nm_i18n_str z = nm_i18n_date_str(lang, t->points[t->n - 1].today);
		text(g, seq, x0 + 60, bottom - 16, a.s, "10", "#5f6368");
		text(g, seq, x0 + w - 10, bottom - 16, z.s, "10", "#5f6368");
	}
}

int nm_graph_trend_png(nm_buf *out, const struct nm_trend *t, nm_lang lang, nm_error *err)
{
	GVC_t *gvc = nm_graph_gvc();
	Agraph_t *g = NULL;
	char *data = NULL;
	unsigned int len = 0;
	bool laid_out = false;
	int seq = 0, rc = NM_OK;
	agusererrf olderrf;
	agerrlevel_t oldlevel;

	if (!t || t->n < 2)
		return nm_error_set(err, NM_EUSAGE, "fewer than two snapshots");
	if (!gvc)
		return nm_error_set(err, NM_EIO, "cannot start graphviz");
	olderrf = agseterrf(quiet);
	oldlevel = agseterr(AGMAX);
	g = agopen((char *)"trend", Agundirected, NULL);
	agattr(g, AGRAPH, (char *)"splines", (char *)"false");
	agattr(g, AGRAPH, (char *)"bgcolor", (char *)"white");
	agattr(g, AGRAPH, (char *)"pad", (char *)"0.15");
	agattr(g, AGRAPH, (char *)"dpi", (char *)"96");
	agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica");
	for (int s = 0; s < 4; s++)
		panel(g, &seq, t, s, (double)(s % 2) * 290.0, s >= 2 ? 110.0 : 220.0, lang);
	if (gvLayout(gvc, g, "nop") != 0) {
		rc = nm_error_set(err, NM_EIO, "graphviz cannot lay out the chart");
		goto done;
	}
	laid_out = true;
	if (gvRenderData(gvc, g, "png:cairo", &data, &len) != 0 || !data) {
		rc = nm_error_set(err, NM_EIO, "graphviz cannot render the chart as PNG");
		goto done;
	}
	nm_buf_put(out, data, len);
done:
	if (data)
		gvFreeRenderData(data);
	if (laid_out)
		gvFreeLayout(gvc, g);
	agclose(g);
	agseterr(oldlevel);
	agseterrf(olderrf);
	return rc;
}
