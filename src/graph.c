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

#include "graph_svg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <utf8proc.h>

const char *const nm_graph_class_colors[NM_CLASS_COUNT] = {
	"#d62728", /* duplicate: red */
	"#1f77b4", /* nested: blue */
	"#f0a020", /* overlap: amber */
};

/* Fill colours of merge clusters, light enough for black text. */
static const char *const cluster_fills[] = {
	"#fbd5d5", "#d5e8fb", "#d9f2d0", "#fdecc8", "#e6dcf5", "#d3f0ee", "#f9dcef", "#e8e8c8",
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

/*
 * A circle's diameter in inches: the square root of its members, capped
 * at 1.6 (about 85 members) so that a network of a whole city is not one
 * circle; the number inside says how many.
 */
static double diameter(uint32_t members)
{
	double d = 0.3 + 0.14 * root((double)members);

	return d < 1.6 ? d : 1.6;
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

struct GVC_s *nm_graph_gvc(void)
{
	return get_context();
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

	/* an overlap network too large is drawn in part (nm_graph_drawn) */
	if (net == NM_GRAPH_OVERLAPS)
		return n > 0;
	return n > 0 && n <= NM_GRAPH_MAX_MAP_NODES;
}

typedef struct by_shared {
	uint32_t shared;
	size_t i;
} by_shared;

static int cmp_shared(const void *pa, const void *pb)
{
	const by_shared *a = pa, *b = pb;

	if (a->shared != b->shared)
		return a->shared > b->shared ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * The committees the overlap network shows: every analysed one when
 * there are at most NM_GRAPH_MAX_COMMITTEES; otherwise the members of
 * merge clusters, then the two ends of the pairs sharing most members,
 * until the limit. keep gets one flag per committee; returns how many.
 */
static size_t select_committees(const nm_analysis *an, bool *keep)
{
	const nm_dataset *ds = an->ds;
	size_t n = 0;
	by_shared *order;

	for (size_t c = 0; c < ds->ncommittees; c++)
		keep[c] = false;
	if (an->analysed_committees <= NM_GRAPH_MAX_COMMITTEES) {
		for (size_t c = 0; c < ds->ncommittees; c++)
			if (ds->committees[c].status != NM_STATUS_DISSOLVED) {
				keep[c] = true;
				n++;
			}
		return n;
	}
	for (size_t k = 0; k < an->nclusters; k++) {
		const nm_cluster *cl = &an->clusters[k];
		if (n + cl->n > NM_GRAPH_MAX_COMMITTEES)
			continue;
		for (size_t j = 0; j < cl->n; j++)
			if (!keep[cl->committees[j]]) {
				keep[cl->committees[j]] = true;
				n++;
			}
	}
	order = nm_xcalloc(an->noverlaps ? an->noverlaps : 1, sizeof(*order));
	for (size_t i = 0; i < an->noverlaps; i++) {
		order[i].shared = an->overlaps[i].shared;
		order[i].i = i;
	}
	qsort(order, an->noverlaps, sizeof(*order), cmp_shared);
	for (size_t k = 0; k < an->noverlaps; k++) {
		const nm_overlap *ov = &an->overlaps[order[k].i];
		size_t add = (size_t)!keep[ov->a] + (size_t)!keep[ov->b];
		if (n + add > NM_GRAPH_MAX_COMMITTEES)
			continue;
		keep[ov->a] = keep[ov->b] = true;
		n += add;
	}
	free(order);
	return n;
}

size_t nm_graph_drawn(const nm_analysis *an, nm_graph_network net)
{
	bool *keep;
	size_t n;

	if (net != NM_GRAPH_OVERLAPS)
		return nm_graph_drawable(an, net) ? nm_graph_size(an, net) : 0;
	keep = nm_xcalloc(an->ds->ncommittees ? an->ds->ncommittees : 1, sizeof(*keep));
	n = select_committees(an, keep);
	free(keep);
	return n;
}

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void set_label(void *obj, const char *attr, const char *text)
{
	nm_buf l = NM_BUF_INIT;

	nm_graph_label(&l, text, true, NULL);
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

static void set_index(void *obj, size_t i)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%zu", i);
	set(obj, "nmi", tmp);
}

static void set_size(Agnode_t *n, double w_pt, double h_pt)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%.3f", w_pt / 72.0);
	set(n, "width", tmp);
	snprintf(tmp, sizeof(tmp), "%.3f", h_pt / 72.0);
	set(n, "height", tmp);
}

static const char *fill_of(const int *cl, uint32_t c, const char *none)
{
	return cl[c] >= 0 ? cluster_fills[(size_t)cl[c] % NFILLS] : none;
}

/*
 * For SVG, circles are sized by members and carry their count; graph_svg.c
 * places the names. PNG (e-mail) is Graphviz's own rendering: the name is
 * inside the circle, above the count, so that no name can sit by the
 * wrong circle.
 */
static void build_overlaps(Agraph_t *g, const nm_analysis *an, nm_graph_format fmt)
{
	const nm_dataset *ds = an->ds;
	Agnode_t **nodes = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*nodes));
	int *cl = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*cl));
	bool *keep = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*keep));
	char tmp[64];

	agattr(g, AGRAPH, (char *)"id", (char *)"overlaps");
	agattr(g, AGNODE, (char *)"shape", (char *)"circle");
	agattr(g, AGNODE, (char *)"fixedsize", (char *)(fmt == NM_GRAPH_SVG ? "true" : "false"));
	agattr(g, AGNODE, (char *)"margin", (char *)"0.02");
	agattr(g, AGEDGE, (char *)"nmi", (char *)"");
	agattr(g, AGNODE, (char *)"nmd", (char *)"");
	if (fmt == NM_GRAPH_SVG)
		agattr(g, AGRAPH, (char *)"sep", (char *)"+8");
	cluster_of(an, cl);
	select_committees(an, keep);
	for (size_t c = 0; c < ds->ncommittees; c++) {
		const nm_committee *cm = &ds->committees[c];
		Agnode_t *n;

		if (!keep[c])
			continue;
		n = nodes[c] = node(g, 'c', c);
		snprintf(tmp, sizeof(tmp), "%.2f", diameter(an->member_count[c]));
		set(n, "width", tmp);
		if (fmt == NM_GRAPH_SVG) {
			/*
			 * Graphviz keeps apart a box with room for the circle and,
			 * below it, the name: there graph_svg.c first tries the label.
			 */
			double d = 72.0 * diameter(an->member_count[c]);
			nm_buf t = NM_BUF_INIT;
			size_t longest = 0, lines = nm_graph_label(&t, cm->name, false, &longest);
			double lw = nm_graph_text_width(longest, NM_GRAPH_FONT) + 2;

			set(n, "shape", "box");
			set_size(n, (lw > d ? lw : d) + 6,
				 d + 3 + nm_graph_text_height(lines, NM_GRAPH_FONT) + 4);
			snprintf(tmp, sizeof(tmp), "%.3f", d);
			set(n, "nmd", tmp);
			nm_buf_release(&t);
		} else {
			nm_buf l = NM_BUF_INIT;
			nm_graph_label(&l, cm->name, true, NULL);
			nm_buf_printf(&l, "\\n(%u)", an->member_count[c]);
			set(n, "label", nm_buf_cstr(&l));
			nm_buf_release(&l);
		}
		set(n, "fillcolor", fill_of(cl, (uint32_t)c, "white"));
		if (cm->status == NM_STATUS_DORMANT)
			set(n, "style", "filled,dashed");
	}
	for (size_t i = 0; i < an->noverlaps; i++) {
		const nm_overlap *ov = &an->overlaps[i];
		Agedge_t *e;
		uint32_t uni = ov->size_a + ov->size_b - ov->shared;

		if (!nodes[ov->a] || !nodes[ov->b])
			continue;
		e = agedge(g, nodes[ov->a], nodes[ov->b], NULL, 1);
		set_index(e, i);
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
	free(keep);
}

/* A box of fixed size around a label, as graph_svg.c will draw it. */
static void size_for_label(Agnode_t *n, const char *name, double font, double padx, double pady)
{
	nm_buf t = NM_BUF_INIT;
	size_t longest = 0, lines = nm_graph_label(&t, name, false, &longest);

	set_size(n, nm_graph_text_width(longest, font) + padx,
		 nm_graph_text_height(lines, font) + pady);
	nm_buf_release(&t);
}

static void build_members(Agraph_t *g, const nm_analysis *an, nm_graph_format fmt)
{
	const nm_dataset *ds = an->ds;
	Agnode_t **cn = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*cn));
	Agnode_t **actors = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*actors));
	int *cl = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*cl));
	bool svg = fmt == NM_GRAPH_SVG;

	agattr(g, AGRAPH, (char *)"id", (char *)"members");
	agattr(g, AGNODE, (char *)"shape", (char *)(svg ? "box" : "ellipse"));
	agattr(g, AGNODE, (char *)"fixedsize", (char *)(svg ? "true" : "false"));
	agattr(g, AGNODE, (char *)"margin", (char *)"0.04,0.02");
	agattr(g, AGEDGE, (char *)"len", (char *)"0.5");
	agattr(g, AGEDGE, (char *)"nmi", (char *)"");
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
			set(n, "fillcolor", fill_of(cl, m->committee, "#eeeeee"));
			set_label(n, "label", cm->name);
			if (svg)
				size_for_label(n, cm->name, NM_GRAPH_FONT_COMMITTEE, 14, 8);
		}
		if (!actors[m->actor]) {
			const nm_actor *a = &ds->actors[m->actor];
			Agnode_t *n = actors[m->actor] = node(g, 'a', m->actor);
			if (an->settings.voices & (1u << a->type))
				set(n, "fillcolor", "#c7e9c0");
			set(n, "fontsize", "12");
			set_label(n, "label", a->name);
			if (svg)
				size_for_label(n, a->name, NM_GRAPH_FONT, 16, 6);
		}
		e = agedge(g, actors[m->actor], cn[m->committee], NULL, 1);
		set_index(e, i);
		if (m->role == NM_ROLE_GUEST)
			set(e, "style", "dashed");
		else if (m->role >= NM_ROLE_CHAIR)
			set(e, "penwidth", "2.2");
	}
	free(cn);
	free(actors);
	free(cl);
}

/* Node positions and sizes after gvLayout, in SVG's orientation. */
static void collect_layout(Agraph_t *g, const nm_analysis *an, bool circles, nm_glayout *lay)
{
	const nm_dataset *ds = an->ds;
	size_t *cpos = nm_xcalloc(ds->ncommittees + 1, sizeof(*cpos));
	size_t *apos = nm_xcalloc(ds->nactors + 1, sizeof(*apos));
	size_t cap = 0, ecap = 0;
	int *cl = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*cl));
	double top = GD_bb(g).UR.y;

	cluster_of(an, cl);
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		const char *name = agnameof(n);
		nm_gnode *gn;

		NM_GROW(lay->nodes, cap, lay->nnodes + 1);
		gn = &lay->nodes[lay->nnodes];
		gn->kind = name[0];
		gn->index = (uint32_t)strtoul(name + 1, NULL, 10);
		gn->x = ND_coord(n).x;
		gn->y = top - ND_coord(n).y;
		gn->w = ND_width(n) * 72.0;
		gn->h = ND_height(n) * 72.0;
		if (circles) {
			/* the circle at the top of the box Graphviz placed */
			double d = strtod(agget(n, (char *)"nmd"), NULL);
			gn->y += d / 2 - gn->h / 2;
			gn->w = gn->h = d;
		}
		if (gn->kind == 'c') {
			gn->fill = fill_of(cl, gn->index, "#ffffff");
			cpos[gn->index] = lay->nnodes;
		} else {
			gn->fill = "#ffffff";
			apos[gn->index] = lay->nnodes;
		}
		lay->nnodes++;
	}
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			const char *t = agnameof(agtail(e)), *h = agnameof(aghead(e));
			nm_gedge *ge;

			NM_GROW(lay->edges, ecap, lay->nedges + 1);
			ge = &lay->edges[lay->nedges++];
			ge->a = (t[0] == 'c' ? cpos : apos)[strtoul(t + 1, NULL, 10)];
			ge->b = (h[0] == 'c' ? cpos : apos)[strtoul(h + 1, NULL, 10)];
			ge->item = (uint32_t)strtoul(agget(e, (char *)"nmi"), NULL, 10);
		}
	free(cpos);
	free(apos);
	free(cl);
}

int nm_graph_draw(nm_buf *out, const nm_analysis *an, nm_graph_network net, nm_graph_format fmt,
		  nm_lang lang, nm_error *err)
{
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	agusererrf olderrf;
	agerrlevel_t oldlevel;
	char *data = NULL;
	unsigned int len = 0;
	bool laid_out = false;
	int rc = NM_OK;

	if (!nm_graph_drawable(an, net))
		return nm_error_set(err, NM_EUSAGE, "the network is too large or empty to draw");
	olderrf = agseterrf(discard_message);
	oldlevel = agseterr(AGMAX);
	gvc = get_context();
	if (!gvc) {
		rc = nm_error_set(err, NM_EIO, "cannot start graphviz");
		goto done;
	}
	g = agopen((char *)(net == NM_GRAPH_OVERLAPS ? "overlaps" : "members"), Agundirected, NULL);
	graph_defaults(g, fmt);
	if (net == NM_GRAPH_OVERLAPS)
		build_overlaps(g, an, fmt);
	else
		build_members(g, an, fmt);
	if (gvLayout(gvc, g, "neato") != 0) {
		rc = nm_error_set(err, NM_EIO, "graphviz cannot lay out the network");
		goto done;
	}
	laid_out = true;
	if (fmt == NM_GRAPH_SVG) {
		nm_glayout lay = {NULL, 0, NULL, 0};

		collect_layout(g, an, net == NM_GRAPH_OVERLAPS, &lay);
		nm_graph_svg_write(out, an, net, &lay, lang);
		free(lay.nodes);
		free(lay.edges);
		goto done;
	}
	if (gvRenderData(gvc, g, "png:cairo", &data, &len) != 0 || !data) {
		rc = nm_error_set(err, NM_EIO, "graphviz cannot render the network as PNG");
		goto done;
	}
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
