/*
 * graph.c: the overlap network and the actor-committee map, drawn by
 * Graphviz's layout engines in process. A hand-written force layout would
 * be a second, worse neato, and running the `neato` program would make
 * reports depend on a PATH and a subprocess; libgvc gives the same layout
 * engines and renderers (SVG for the HTML report, PNG through cairo for
 * e-mail) as a library call.
 *
 * Graphviz reads label text with its own conventions: a backslash starts
 * an escape (\N is the node's name, \n a line break) and HTML entities
 * are decoded. Labels are therefore built here from cleaned text (no
 * control characters, which XML does not allow) with backslashes doubled
 * and '&' written as "&amp;", which Graphviz decodes back to the '&' of
 * the name; its SVG writer then escapes & < > " ' itself. Node names are
 * internal ("c3", "a12"), so no data reaches the SVG outside escaped
 * label text.
 *
 * neato starts from its fixed default seed, so the same analysis gives
 * the same picture.
 *
 * One Graphviz context serves the whole process and is freed at exit:
 * Graphviz 2.42's pango plugin caches a pointer to a font name owned by
 * the context, so a second context after gvFreeContext() reads freed
 * memory (AddressSanitizer shows it in textspan_size).
 */
#include "netmap/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <utf8proc.h>

#define LABEL_MAX 60 /* characters of a name in a picture */
#define LABEL_WRAP 22 /* characters a line of a label */

const char *const nm_graph_class_colors[NM_CLASS_COUNT] = {
	"#d62728", /* duplicate: red */
	"#1f77b4", /* nested: blue */
	"#f0a020", /* overlap: amber */
};

/* Fill colours of merge clusters, light enough for black text. */
static const char *const cluster_fills[] = {
	"#fbd5d5", "#d5e8fb", "#d9f2d0", "#fdecc8", "#e6dcf5",
	"#d3f0ee", "#f9dcef", "#e8e8c8",
};
#define NFILLS (sizeof(cluster_fills) / sizeof(cluster_fills[0]))

/* A square root for node sizes, without libm. */
static double root(double x)
{
	double r = x > 1 ? x : 1;

	for (int i = 0; i < 30; i++)
		r = (r + x / r) / 2;
	return r;
}

/* Graphviz's agusererrf callback type takes a char *. */
static int discard_message(char *msg) // NOLINT(readability-non-const-parameter)
{
	(void)msg;
	return 0;
}

static GVC_t *context;

static void free_context(void)
{
	if (context)
		gvFreeContext(context);
	context = NULL;
}

static GVC_t *get_context(void)
{
	if (!context) {
		context = gvContext();
		if (context)
			atexit(free_context);
	}
	return context;
}

size_t nm_graph_size(const nm_analysis *an, nm_graph_network net)
{
	const nm_dataset *ds = an->ds;
	size_t n = 0;
	uint32_t last = NM_NONE;

	if (net == NM_GRAPH_OVERLAPS)
		return an->analysed_committees;
	/*
	 * Actors with any membership in an analysed committee are those of
	 * load; memberships are sorted by committee, so each committee with
	 * members is one run.
	 */
	n = an->nload;
	for (size_t m = 0; m < ds->nmemberships; m++) {
		uint32_t c = ds->memberships[m].committee;
		if (c != last && ds->committees[c].status != NM_STATUS_DISSOLVED)
			n++;
		last = c;
	}
	return n;
}

bool nm_graph_drawable(const nm_analysis *an, nm_graph_network net)
{
	size_t n = nm_graph_size(an, net);

	if (net == NM_GRAPH_OVERLAPS)
		return n > 0 && n <= NM_GRAPH_MAX_COMMITTEES;
	return n > 0 && n <= NM_GRAPH_MAX_MAP_NODES;
}

/* One character of a label, with Graphviz's escapes made literal. */
static void label_char(nm_buf *b, const utf8proc_uint8_t *p, size_t n)
{
	if (*p == '\\')
		nm_buf_puts(b, "\\\\");
	else if (*p == '&')
		nm_buf_puts(b, "&amp;");
	else
		nm_buf_put(b, (const char *)p, n);
}

/*
 * A label: s with control characters as spaces and broken UTF-8 as
 * U+FFFD, cut at LABEL_MAX characters, wrapped at LABEL_WRAP.
 */
static void label(nm_buf *b, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t total = 0, line = 0;

	while (*p && total < LABEL_MAX) {
		const utf8proc_uint8_t *w;
		size_t wlen = 0;

		while (*p == ' ' || (*p < 0x20 && *p) || *p == 0x7f)
			p++;
		if (!*p)
			break;
		/* measure the next word */
		for (w = p; *w && !(*w == ' ' || *w < 0x20 || *w == 0x7f); wlen++) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate(w, -1, &cp);
			w += k > 0 ? k : 1;
		}
		if (line && line + 1 + wlen > LABEL_WRAP) {
			nm_buf_puts(b, "\\n");
			line = 0;
		} else if (line) {
			nm_buf_putc(b, ' ');
			line++;
			total++;
		}
		while (p < w) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);

			if (total >= LABEL_MAX) {
				nm_buf_puts(b, "…");
				return;
			}
			if (k <= 0) {
				nm_buf_puts(b, "\xEF\xBF\xBD");
				p++;
			} else {
				if (!(cp >= 0x80 && cp < 0xA0))
					label_char(b, p, (size_t)k);
				p += k;
			}
			/* break a word longer than a line */
			if (++line >= LABEL_WRAP && p < w) {
				nm_buf_puts(b, "\\n");
				line = 0;
			}
			total++;
		}
	}
	if (*p && total >= LABEL_MAX)
		nm_buf_puts(b, "…");
}

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void set_label(void *obj, const char *attr, const char *text)
{
	nm_buf l = NM_BUF_INIT;

	label(&l, text);
	set(obj, attr, nm_buf_cstr(&l));
	nm_buf_release(&l);
}

static Agnode_t *node(Agraph_t *g, char prefix, size_t i)
{
	char name[32];

	snprintf(name, sizeof(name), "%c%zu", prefix, i);
	return agnode(g, name, 1);
}

static void graph_defaults(Agraph_t *g, nm_graph_format fmt)
{
	agattr(g, AGRAPH, (char *)"layout", (char *)"neato");
	agattr(g, AGRAPH, (char *)"overlap", (char *)"false");
	agattr(g, AGRAPH, (char *)"sep", (char *)"+12");
	agattr(g, AGRAPH, (char *)"splines", (char *)"false");
	agattr(g, AGRAPH, (char *)"pack", (char *)"true");
	agattr(g, AGRAPH, (char *)"outputorder", (char *)"edgesfirst");
	agattr(g, AGRAPH, (char *)"forcelabels", (char *)"true");
	agattr(g, AGRAPH, (char *)"pad", (char *)"0.2");
	agattr(g, AGRAPH, (char *)"bgcolor", (char *)"white");
	agattr(g, AGRAPH, (char *)"fontname", (char *)"Helvetica");
	if (fmt == NM_GRAPH_PNG) {
		agattr(g, AGRAPH, (char *)"size", (char *)"9,12");
		agattr(g, AGRAPH, (char *)"dpi", (char *)"96");
	}
	agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica");
	agattr(g, AGNODE, (char *)"fontsize", (char *)"10");
	agattr(g, AGNODE, (char *)"style", (char *)"filled");
	agattr(g, AGNODE, (char *)"fillcolor", (char *)"white");
	agattr(g, AGNODE, (char *)"color", (char *)"#555555");
	agattr(g, AGEDGE, (char *)"color", (char *)"#999999");
}

/* The merge cluster of each committee, or -1. */
static void cluster_of(const nm_analysis *an, int *out)
{
	for (size_t c = 0; c < an->ds->ncommittees; c++)
		out[c] = -1;
	for (size_t k = 0; k < an->nclusters; k++)
		for (size_t j = 0; j < an->clusters[k].n; j++)
			out[an->clusters[k].committees[j]] = (int)k;
}

static void build_overlaps(Agraph_t *g, const nm_analysis *an)
{
	const nm_dataset *ds = an->ds;
	Agnode_t **nodes = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*nodes));
	int *cl = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*cl));
	char tmp[64];

	agattr(g, AGRAPH, (char *)"id", (char *)"overlaps");
	agattr(g, AGNODE, (char *)"shape", (char *)"circle");
	agattr(g, AGNODE, (char *)"fixedsize", (char *)"true");
	cluster_of(an, cl);
	for (size_t c = 0; c < ds->ncommittees; c++) {
		const nm_committee *cm = &ds->committees[c];
		Agnode_t *n;

		if (cm->status == NM_STATUS_DISSOLVED)
			continue;
		n = nodes[c] = node(g, 'c', c);
		snprintf(tmp, sizeof(tmp), "%.2f", 0.3 + 0.14 * root((double)an->member_count[c]));
		set(n, "width", tmp);
		snprintf(tmp, sizeof(tmp), "%u", an->member_count[c]);
		set(n, "label", tmp);
		set_label(n, "xlabel", cm->name);
		if (cl[c] >= 0)
			set(n, "fillcolor", cluster_fills[(size_t)cl[c] % NFILLS]);
		if (cm->status == NM_STATUS_DORMANT)
			set(n, "style", "filled,dashed");
	}
	for (size_t i = 0; i < an->noverlaps; i++) {
		const nm_overlap *ov = &an->overlaps[i];
		Agedge_t *e = agedge(g, nodes[ov->a], nodes[ov->b], NULL, 1);
		uint32_t uni = ov->size_a + ov->size_b - ov->shared;

		set(e, "color", nm_graph_class_colors[ov->cls]);
		snprintf(tmp, sizeof(tmp), "%.1f", 1.0 + 4.0 * ov->shared / (uni ? uni : 1));
		set(e, "penwidth", tmp);
		if (ov->cls == NM_CLASS_NESTED)
			set(e, "style", "dashed");
		/* classified pairs pull their committees together */
		set(e, "len", ov->cls == NM_CLASS_OVERLAP ? "1.6" : "1.2");
	}
	free(nodes);
	free(cl);
}

static void build_members(Agraph_t *g, const nm_analysis *an)
{
	const nm_dataset *ds = an->ds;
	Agnode_t **cn = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*cn));
	Agnode_t **actors = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*actors));
	int *cl = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*cl));

	agattr(g, AGRAPH, (char *)"id", (char *)"members");
	agattr(g, AGNODE, (char *)"shape", (char *)"ellipse");
	agattr(g, AGNODE, (char *)"margin", (char *)"0.04,0.02");
	agattr(g, AGEDGE, (char *)"len", (char *)"0.5");
	cluster_of(an, cl);
	for (size_t i = 0; i < ds->nmemberships; i++) {
		const nm_membership *m = &ds->memberships[i];
		const nm_committee *cm = &ds->committees[m->committee];
		Agedge_t *e;

		if (cm->status == NM_STATUS_DISSOLVED)
			continue;
		if (!cn[m->committee]) {
			Agnode_t *n = cn[m->committee] = node(g, 'c', m->committee);
			set(n, "shape", "box");
			set(n, "style", "rounded,filled");
			set(n, "fontsize", "14");
			set(n, "penwidth", "1.5");
			set(n, "color", "#333333");
			set(n, "fillcolor", cl[m->committee] >= 0
						   ? cluster_fills[(size_t)cl[m->committee] % NFILLS]
						   : "#eeeeee");
			set_label(n, "label", cm->name);
		}
		if (!actors[m->actor]) {
			const nm_actor *a = &ds->actors[m->actor];
			Agnode_t *n = actors[m->actor] = node(g, 'a', m->actor);
			if (an->settings.voices & (1u << a->type))
				set(n, "fillcolor", "#c7e9c0");
			set(n, "fontsize", "12");
			set_label(n, "label", a->name);
		}
		e = agedge(g, actors[m->actor], cn[m->committee], NULL, 1);
		if (m->role == NM_ROLE_GUEST)
			set(e, "style", "dashed");
		else if (m->role >= NM_ROLE_CHAIR)
			set(e, "penwidth", "2.2");
	}
	free(cn);
	free(actors);
	free(cl);
}

/* Drop the XML prolog, DOCTYPE and comments before the <svg> element. */
static void put_svg(nm_buf *out, const char *data, size_t len)
{
	const char *start = NULL;

	for (size_t i = 0; i + 4 <= len; i++)
		if (memcmp(data + i, "<svg", 4) == 0) {
			start = data + i;
			break;
		}
	if (!start)
		return;
	nm_buf_put(out, start, len - (size_t)(start - data));
}

int nm_graph_draw(nm_buf *out, const nm_analysis *an, nm_graph_network net,
		  nm_graph_format fmt, nm_lang lang, nm_error *err)
{
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	agusererrf olderrf;
	agerrlevel_t oldlevel;
	char *data = NULL;
	unsigned int len = 0;
	bool laid_out = false;
	int rc = NM_OK;

	(void)lang;
	if (!nm_graph_drawable(an, net))
		return nm_error_set(err, NM_EUSAGE, "the network is too large or empty to draw");
	olderrf = agseterrf(discard_message);
	oldlevel = agseterr(AGMAX);
	gvc = get_context();
	if (!gvc) {
		rc = nm_error_set(err, NM_EIO, "cannot start graphviz");
		goto done;
	}
	g = agopen((char *)(net == NM_GRAPH_OVERLAPS ? "overlaps" : "members"), Agundirected,
		   NULL);
	graph_defaults(g, fmt);
	if (net == NM_GRAPH_OVERLAPS)
		build_overlaps(g, an);
	else
		build_members(g, an);
	if (gvLayout(gvc, g, "neato") != 0) {
		rc = nm_error_set(err, NM_EIO, "graphviz cannot lay out the network");
		goto done;
	}
	laid_out = true;
	if (gvRenderData(gvc, g, fmt == NM_GRAPH_SVG ? "svg" : "png:cairo", &data, &len) != 0 ||
	    !data) {
		rc = nm_error_set(err, NM_EIO, "graphviz cannot render the network as %s",
				  fmt == NM_GRAPH_SVG ? "SVG" : "PNG");
		goto done;
	}
	if (fmt == NM_GRAPH_SVG)
		put_svg(out, data, len);
	else
		nm_buf_put(out, data, len);
done:
	if (data)
		gvFreeRenderData(data);
	if (laid_out)
		gvFreeLayout(gvc, g);
	if (g)
		agclose(g);
	agseterr(oldlevel);
	agseterrf(olderrf);
	return rc;
}

#if defined(__SANITIZE_ADDRESS__)
/*
 * LeakSanitizer, in sanitizer builds only: Graphviz 2.42 never frees the
 * text of its plugin configuration, and fontconfig (through pango) keeps
 * its font patterns until exit. Neither is netmap's to free.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\nleak:libgvc.so\nleak:libpango\n";
}

/* ...and without a table of them on stderr, which tests compare. */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif
