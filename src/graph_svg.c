/*
 * graph_svg.c: the SVG of a network Graphviz has laid out (graph.c).
 * Graphviz decides where the nodes go; this file draws them, so that:
 *
 * - in the overlap network, the member count sits inside each circle and
 *   the committee's name is placed next to its circle where it touches
 *   no other circle and no other label (tried at 16 angles on rings of
 *   growing distance; from the second ring on a leader line joins label
 *   and circle), never on top of another group;
 * - in the actor-committee map, every name is inside its own box, and
 *   Graphviz (overlap=false, boxes of fixed size) keeps boxes apart;
 * - every node and edge has a <title> in words (name, members, themes;
 *   the pair and its finding), never an internal id, and a link to the
 *   committee's profile or the finding in the page, so that the picture
 *   can be explored without a script;
 * - data attributes (data-c, data-a, data-o) name the committee, actor
 *   or overlap by its index, for the page's script.
 *
 * Text widths are estimated, conservatively, from the font size and the
 * number of characters (NM_GRAPH_CHAR_WIDTH); the page asks for a font
 * no wider. Every string from the data passes through nm_escape_xml.
 */
#include "graph_svg.h"

#include "netmap/escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define LABEL_MAX 60   /* characters of a name in a picture */
#define LABEL_WRAP 22  /* characters a line of a label */
#define TITLE_NAMES 8  /* members named in a hover title */
#define TITLE_CHARS 80 /* characters of a name in a hover title */
#define PAD 8.0        /* around the picture */
#define GAP_OWN 2.0    /* between a label and its own circle */
#define GAP_OTHER 5.0  /* between a label and any other circle */
#define GAP_LABEL 2.0  /* between two labels */
#define RINGS 60       /* distances tried before the label goes further out */
#define LEADER_GAP 6.0 /* a label further than this from its circle gets a leader line */

static const nm_msg msgs[] = {
	{"%u members", "%u Mitglieder"},
	{"1 member", "1 Mitglied"},
	{"themes: ", "Themen: "},
	{"no themes", "keine Themen"},
	{"and %zu more", "und %zu weitere"},
	{"duplicate", "doppelt"},
	{"nested", "verschachtelt"},
	{"overlap", "Überschneidung"},
	{"%u of %u members shared", "%u von %u Mitgliedern gemeinsam"},
	{"%u committees", "%u Gremien"},
	{"1 committee", "1 Gremium"},
	{"Committee overlap network", "Überschneidungsnetz der Gremien"},
	{"Actors and committees", "Akteure und Gremien"},
	{" and ", " und "},
	{"dormant", "ruhend"},
};

static bool bidi_control(utf8proc_int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C;
}

static void label_char(nm_buf *b, const utf8proc_uint8_t *p, size_t n, bool graphviz)
{
	if (graphviz && *p == '\\')
		nm_buf_puts(b, "\\\\");
	else if (graphviz && *p == '&')
		nm_buf_puts(b, "&amp;");
	else
		nm_buf_put(b, (const char *)p, n);
}

static void line_break(nm_buf *b, bool graphviz, size_t *line, size_t *longest, size_t *lines)
{
	nm_buf_puts(b, graphviz ? "\\n" : "\n");
	if (*line > *longest)
		*longest = *line;
	*line = 0;
	(*lines)++;
}

size_t nm_graph_label(nm_buf *b, const char *s, bool graphviz, size_t *longest)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t total = 0, line = 0, lines = 1, widest = 0;

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
			line_break(b, graphviz, &line, &widest, &lines);
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
				line++;
				goto done;
			}
			if (k <= 0) {
				nm_buf_puts(b, "\xEF\xBF\xBD");
				p++;
			} else {
				if (!(cp >= 0x80 && cp < 0xA0) && !bidi_control(cp))
					label_char(b, p, (size_t)k, graphviz);
				p += k;
			}
			/* break a word longer than a line */
			if (++line >= LABEL_WRAP && p < w)
				line_break(b, graphviz, &line, &widest, &lines);
			total++;
		}
	}
	if (*p && total >= LABEL_MAX) {
		nm_buf_puts(b, "…");
		line++;
	}
done:
	if (line > widest)
		widest = line;
	if (longest)
		*longest = widest;
	return lines;
}

double nm_graph_text_width(size_t chars, double font)
{
	return (double)chars * NM_GRAPH_CHAR_WIDTH * font;
}

double nm_graph_text_height(size_t lines, double font)
{
	return (double)lines * NM_GRAPH_LINE * font;
}

/* ---- geometry ---- */

typedef struct box {
	double x, y, w, h; /* top left, size */
} box;

/* A square root by Newton's method, without libm. */
static double sqrt_approx(double x)
{
	double r = x > 1 ? x : 1;

	if (x <= 0)
		return 0;
	for (int i = 0; i < 40; i++)
		r = (r + x / r) / 2;
	return r;
}

static double clampd(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Whether box b comes closer than gap to the circle (cx, cy, r). */
static bool box_hits_circle(const box *b, double cx, double cy, double r, double gap)
{
	double nx = clampd(cx, b->x, b->x + b->w), ny = clampd(cy, b->y, b->y + b->h);
	double dx = cx - nx, dy = cy - ny, rr = r + gap;

	return dx * dx + dy * dy < rr * rr;
}

static bool boxes_hit(const box *a, const box *b, double gap)
{
	return a->x < b->x + b->w + gap && b->x < a->x + a->w + gap && a->y < b->y + b->h + gap &&
	       b->y < a->y + a->h + gap;
}

/* Whether the segment (x0, y0)-(x1, y1) passes through box b (Liang-Barsky). */
static bool segment_hits_box(double x0, double y0, double x1, double y1, const box *b)
{
	double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
	double p[4] = {-dx, dx, -dy, dy};
	double q[4] = {x0 - b->x, b->x + b->w - x0, y0 - b->y, b->y + b->h - y0};

	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return false;
			continue;
		}
		double t = q[i] / p[i];
		if (p[i] < 0) {
			if (t > t1)
				return false;
			if (t > t0)
				t0 = t;
		} else {
			if (t < t0)
				return false;
			if (t < t1)
				t1 = t;
		}
	}
	return true;
}

/*
 * cos and sin of the 16 directions tried: below first (where graph.c has
 * Graphviz keep room), then right, left, above.
 */
static const double dirs[16][2] = {
	{0, 1},
	{1, 0},
	{-1, 0},
	{0, -1},
	{0.7071, 0.7071},
	{-0.7071, 0.7071},
	{0.7071, -0.7071},
	{-0.7071, -0.7071},
	{0.9239, 0.3827},
	{-0.9239, 0.3827},
	{0.9239, -0.3827},
	{-0.9239, -0.3827},
	{0.3827, 0.9239},
	{-0.3827, 0.9239},
	{0.3827, -0.9239},
	{-0.3827, -0.9239},
};

/* ---- output helpers ---- */

static void num(nm_buf *b, const char *attr, double v)
{
	nm_buf_printf(b, " %s=\"%.1f\"", attr, v);
}

#define tr(lang, en) NM_TR(msgs, (lang), (en))

/* The lines of a label as <tspan>s, the first baseline at top + font. */
static void tspans(nm_buf *b, const char *lines, double x, double top, double font)
{
	const char *p = lines;
	size_t i = 0;

	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = nm_xstrndup(p, n);

		nm_buf_puts(b, "<tspan");
		num(b, "x", x);
		num(b, "y", top + font * (1.0 + NM_GRAPH_LINE * (double)i));
		nm_buf_puts(b, ">");
		nm_escape_xml(b, line);
		nm_buf_puts(b, "</tspan>");
		free(line);
		if (!nl)
			break;
		p = nl + 1;
		i++;
	}
}

/* A name in a hover title: escaped, bidi controls dropped, cut at TITLE_CHARS. */
static void title_name(nm_buf *b, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	nm_buf t = NM_BUF_INIT;
	size_t n = 0;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);

		if (k <= 0) {
			nm_buf_puts(&t, "\xEF\xBF\xBD");
			p++;
		} else {
			if (!bidi_control(cp))
				nm_buf_put(&t, (const char *)p, (size_t)k);
			p += k;
		}
		if (++n == TITLE_CHARS && *p) {
			nm_buf_puts(&t, "…");
			break;
		}
	}
	nm_escape_xml(b, nm_buf_cstr(&t));
	nm_buf_release(&t);
}

static uint32_t count_themes_names(nm_buf *b, const nm_dataset *ds, const uint32_t *themes,
				   size_t n, nm_lang lang)
{
	if (!n) {
		nm_buf_puts(b, tr(lang, "no themes"));
		return 0;
	}
	nm_buf_puts(b, tr(lang, "themes: "));
	for (size_t i = 0; i < n; i++) {
		const nm_theme *t = &ds->themes[themes[i]];
		if (i)
			nm_buf_puts(b, ", ");
		title_name(b, t->label ? t->label : t->id);
	}
	return (uint32_t)n;
}

/* Committee c's hover title: name, kind, members (the first few named), themes. */
static void committee_title(nm_buf *b, const nm_analysis *an, uint32_t c, nm_lang lang)
{
	const nm_dataset *ds = an->ds;
	const nm_committee *cm = &ds->committees[c];
	uint32_t n = an->member_count[c];
	size_t named = 0;

	nm_buf_puts(b, "<title>");
	title_name(b, cm->name);
	nm_buf_printf(b, " (%s%s%s)\n", nm_i18n_kind(lang, cm->kind),
		      cm->status == NM_STATUS_DORMANT ? ", " : "",
		      cm->status == NM_STATUS_DORMANT ? tr(lang, "dormant") : "");
	if (n == 1)
		nm_buf_puts(b, tr(lang, "1 member"));
	else
		nm_buf_printf(b, tr(lang, "%u members"), n);
	for (size_t m = 0; m < ds->nmemberships; m++) {
		if (ds->memberships[m].committee != c)
			continue;
		if (named == TITLE_NAMES) {
			nm_buf_puts(b, ", ");
			nm_buf_printf(b, tr(lang, "and %zu more"), (size_t)n - named);
			break;
		}
		nm_buf_puts(b, named ? ", " : ": ");
		title_name(b, ds->actors[ds->memberships[m].actor].name);
		named++;
	}
	nm_buf_puts(b, "\n");
	count_themes_names(b, ds, cm->themes, cm->nthemes, lang);
	nm_buf_puts(b, "</title>");
}

static void actor_title(nm_buf *b, const nm_analysis *an, uint32_t a, uint32_t ncomm, nm_lang lang)
{
	const nm_actor *ac = &an->ds->actors[a];

	nm_buf_puts(b, "<title>");
	title_name(b, ac->name);
	nm_buf_printf(b, " (%s)\n", nm_i18n_type(lang, ac->type));
	if (ncomm == 1)
		nm_buf_puts(b, tr(lang, "1 committee"));
	else
		nm_buf_printf(b, tr(lang, "%u committees"), ncomm);
	nm_buf_puts(b, "\n");
	count_themes_names(b, an->ds, ac->themes, ac->nthemes, lang);
	nm_buf_puts(b, "</title>");
}

static void svg_open(nm_buf *b, const char *id, double w, double h, const char *label)
{
	nm_buf_printf(b,
		      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" class=\"net\" "
		      "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
		      "aria-label=\"%s\" font-family=\"Arial,Helvetica,'Liberation Sans',"
		      "sans-serif\">\n",
		      id, w, h, w, h, label);
}

/* ---- the overlap network ---- */

static const char *const class_names[NM_CLASS_COUNT] = {"dup", "nest", "ovl"};
static const char *const class_words[NM_CLASS_COUNT] = {"duplicate", "nested", "overlap"};

typedef struct placed {
	box b;         /* the label's box */
	size_t lines;  /* of text */
	char *text;    /* lines separated by '\n' */
	bool leader;   /* joined by a line rather than touching */
	int side;      /* -1 left of its circle, 1 right, 0 above or below */
	double lx, ly; /* leader start, on the circle */
	double tx, ty; /* leader end, on the box */
} placed;

static int by_size_desc(const void *pa, const void *pb, const nm_analysis *an,
			const nm_glayout *lay)
{
	const nm_gnode *a = &lay->nodes[*(const size_t *)pa];
	const nm_gnode *b = &lay->nodes[*(const size_t *)pb];
	uint32_t ma = an->member_count[a->index], mb = an->member_count[b->index];

	if (ma != mb)
		return ma > mb ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Insertion sort of node positions by size, largest first (n <= a few hundred). */
static void order_by_size(size_t *ord, size_t n, const nm_analysis *an, const nm_glayout *lay)
{
	for (size_t i = 1; i < n; i++) {
		size_t v = ord[i], j = i;
		while (j > 0 && by_size_desc(&v, &ord[j - 1], an, lay) < 0) {
			ord[j] = ord[j - 1];
			j--;
		}
		ord[j] = v;
	}
}

static bool label_fits(const box *b, size_t self, const nm_glayout *lay, const placed *pl,
		       const bool *done, bool strict)
{
	/* strict: crossing no edge and no leader line either */
	for (size_t k = 0; strict && k < lay->nedges; k++) {
		const nm_gnode *na = &lay->nodes[lay->edges[k].a],
			       *nb = &lay->nodes[lay->edges[k].b];
		if (segment_hits_box(na->x, na->y, nb->x, nb->y, b))
			return false;
	}
	for (size_t k = 0; strict && k < lay->nnodes; k++)
		if (done[k] && pl[k].leader &&
		    segment_hits_box(pl[k].lx, pl[k].ly, pl[k].tx, pl[k].ty, b))
			return false;
	for (size_t k = 0; k < lay->nnodes; k++) {
		const nm_gnode *o = &lay->nodes[k];
		if (box_hits_circle(b, o->x, o->y, o->w / 2, k == self ? GAP_OWN : GAP_OTHER))
			return false;
		if (done[k] && boxes_hit(b, &pl[k].b, GAP_LABEL))
			return false;
	}
	return true;
}

/* Whether a leader from n to box b would cross a label placed before. */
static bool leader_crosses(const box *b, const nm_gnode *n, size_t self, const nm_glayout *lay,
			   const placed *pl, const bool *done)
{
	double tx = clampd(n->x, b->x, b->x + b->w), ty = clampd(n->y, b->y, b->y + b->h);

	double dx = tx - n->x, dy = ty - n->y, len2 = dx * dx + dy * dy;

	for (size_t k = 0; k < lay->nnodes; k++) {
		const nm_gnode *o = &lay->nodes[k];
		double t, px, py, r = o->w / 2 + 1;

		if (k == self)
			continue;
		if (done[k] && segment_hits_box(n->x, n->y, tx, ty, &pl[k].b))
			return true;
		/* the point of the leader nearest the other circle's centre */
		t = len2 > 0 ? ((o->x - n->x) * dx + (o->y - n->y) * dy) / len2 : 0;
		t = clampd(t, 0, 1);
		px = n->x + t * dx - o->x;
		py = n->y + t * dy - o->y;
		if (px * px + py * py < r * r)
			return true;
	}
	return false;
}

static void place_label(placed *p, size_t self, const nm_glayout *lay, const placed *pl,
			const bool *done)
{
	const nm_gnode *n = &lay->nodes[self];
	double r = n->w / 2;

	for (int ring = 0, strict = 1;; ring++) {
		double d = r + GAP_OWN + 0.5 +
			   (ring < RINGS ? ring * 6.0 : RINGS * 6.0 + (ring - RINGS) * 24.0);
		for (int k = 0; k < 16; k++) {
			double cx = dirs[k][0], cy = dirs[k][1];
			box b = p->b;
			bool far;

			/* the box's side nearest the circle at distance d along (cx, cy) */
			b.x = n->x + cx * d - b.w / 2 + cx * b.w / 2;
			b.y = n->y + cy * d - b.h / 2 + cy * b.h / 2;
			if (!label_fits(&b, self, lay, pl, done, strict))
				continue;
			far = box_hits_circle(&b, n->x, n->y, r, LEADER_GAP) ? false : true;
			if (strict && far && leader_crosses(&b, n, self, lay, pl, done))
				continue;
			p->b = b;
			p->leader = far;
			p->side = cx > 0.3 ? 1 : cx < -0.3 ? -1 : 0;
			/* the leader: from the circle towards the nearest point of the box */
			p->tx = clampd(n->x, b.x, b.x + b.w);
			p->ty = clampd(n->y, b.y, b.y + b.h);
			{
				double dx = p->tx - n->x, dy = p->ty - n->y;
				double len = sqrt_approx(dx * dx + dy * dy);
				p->lx = n->x + (len > 0 ? dx / len * r : cx * r);
				p->ly = n->y + (len > 0 ? dy / len * r : cy * r);
			}
			return;
		}
		/* nothing near without crossing a line: start again, lines allowed */
		if (strict && ring == 20) {
			strict = 0;
			ring = -1;
		}
	}
}

static void bounds(double *minx, double *miny, double *maxx, double *maxy, double x0, double y0,
		   double x1, double y1)
{
	if (x0 < *minx)
		*minx = x0;
	if (y0 < *miny)
		*miny = y0;
	if (x1 > *maxx)
		*maxx = x1;
	if (y1 > *maxy)
		*maxy = y1;
}

static void write_overlaps(nm_buf *b, const nm_analysis *an, const nm_glayout *lay, nm_lang lang)
{
	const nm_dataset *ds = an->ds;
	size_t n = lay->nnodes;
	placed *pl = nm_xcalloc(n ? n : 1, sizeof(*pl));
	bool *done = nm_xcalloc(n ? n : 1, sizeof(*done));
	size_t *ord = nm_xcalloc(n ? n : 1, sizeof(*ord));
	double minx = 1e18, miny = 1e18, maxx = -1e18, maxy = -1e18, ox, oy;

	for (size_t i = 0; i < n; i++) {
		nm_buf t = NM_BUF_INIT;
		size_t longest = 0;

		pl[i].lines = nm_graph_label(&t, ds->committees[lay->nodes[i].index].name, false,
					     &longest);
		pl[i].text = nm_buf_detach(&t);
		pl[i].b.w = nm_graph_text_width(longest, NM_GRAPH_FONT) + 2;
		pl[i].b.h = nm_graph_text_height(pl[i].lines, NM_GRAPH_FONT);
		ord[i] = i;
	}
	order_by_size(ord, n, an, lay);
	for (size_t k = 0; k < n; k++) {
		place_label(&pl[ord[k]], ord[k], lay, pl, done);
		done[ord[k]] = true;
	}
	for (size_t i = 0; i < n; i++) {
		const nm_gnode *nd = &lay->nodes[i];
		bounds(&minx, &miny, &maxx, &maxy, nd->x - nd->w / 2, nd->y - nd->w / 2,
		       nd->x + nd->w / 2, nd->y + nd->w / 2);
		bounds(&minx, &miny, &maxx, &maxy, pl[i].b.x, pl[i].b.y, pl[i].b.x + pl[i].b.w,
		       pl[i].b.y + pl[i].b.h);
	}
	if (!n)
		minx = miny = maxx = maxy = 0;
	ox = PAD - minx;
	oy = PAD - miny;
	svg_open(b, "overlaps", maxx - minx + 2 * PAD, maxy - miny + 2 * PAD,
		 tr(lang, "Committee overlap network"));

	nm_buf_puts(b, "<g class=\"edges\">\n");
	for (size_t i = 0; i < lay->nedges; i++) {
		const nm_gedge *e = &lay->edges[i];
		const nm_overlap *ov = &an->overlaps[e->item];
		const nm_gnode *na = &lay->nodes[e->a], *nb = &lay->nodes[e->b];
		uint32_t uni = ov->size_a + ov->size_b - ov->shared;

		nm_buf_printf(b,
			      "<a href=\"#f-%u\" class=\"edge %s\" id=\"e-%u\" data-o=\"%u\" "
			      "data-a=\"%u\" data-b=\"%u\"><title>",
			      e->item, class_names[ov->cls], e->item, e->item, na->index,
			      nb->index);
		title_name(b, ds->committees[ov->a].name);
		nm_buf_puts(b, tr(lang, " and "));
		title_name(b, ds->committees[ov->b].name);
		nm_buf_printf(b, ": %s\n", tr(lang, class_words[ov->cls]));
		nm_buf_printf(b, tr(lang, "%u of %u members shared"), ov->shared, uni);
		nm_buf_puts(b, "</title><line");
		num(b, "x1", na->x + ox);
		num(b, "y1", na->y + oy);
		num(b, "x2", nb->x + ox);
		num(b, "y2", nb->y + oy);
		nm_buf_printf(b, " stroke=\"%s\" stroke-width=\"%.1f\"%s/></a>\n",
			      nm_graph_class_colors[ov->cls],
			      1.5 + 4.0 * ov->shared / (uni ? uni : 1),
			      ov->cls == NM_CLASS_NESTED ? " stroke-dasharray=\"6 3\"" : "");
	}
	nm_buf_puts(b, "</g>\n<g class=\"nodes\">\n");
	for (size_t i = 0; i < n; i++) {
		const nm_gnode *nd = &lay->nodes[i];
		const nm_committee *cm = &ds->committees[nd->index];
		nm_buf_printf(b, "<a href=\"#p-%u\" class=\"node\" id=\"n-%u\" data-c=\"%u\">",
			      nd->index, nd->index, nd->index);
		committee_title(b, an, nd->index, lang);
		nm_buf_puts(b, "<circle");
		num(b, "cx", nd->x + ox);
		num(b, "cy", nd->y + oy);
		num(b, "r", nd->w / 2);
		nm_buf_printf(b, " fill=\"%s\" stroke=\"#555555\" stroke-width=\"1.2\"%s/>",
			      nd->fill,
			      cm->status == NM_STATUS_DORMANT ? " stroke-dasharray=\"4 2\"" : "");
		nm_buf_puts(b, "<text class=\"num\"");
		num(b, "x", nd->x + ox);
		num(b, "y", nd->y + oy + NM_GRAPH_FONT * 0.35);
		nm_buf_printf(b, " font-size=\"%.0f\" text-anchor=\"middle\">%u</text></a>\n",
			      NM_GRAPH_FONT, an->member_count[nd->index]);
	}
	nm_buf_puts(b, "</g>\n<g class=\"labels\">\n");
	for (size_t i = 0; i < n; i++) {
		const nm_gnode *nd = &lay->nodes[i];
		const placed *p = &pl[i];

		nm_buf_printf(b, "<g class=\"label\" data-c=\"%u\">", nd->index);
		if (p->leader) {
			nm_buf_puts(b, "<line class=\"leader\"");
			num(b, "x1", p->lx + ox);
			num(b, "y1", p->ly + oy);
			num(b, "x2", p->tx + ox);
			num(b, "y2", p->ty + oy);
			nm_buf_puts(b, " stroke=\"#333333\" stroke-width=\"0.8\"/>");
		}
		{
			/* text starts, ends or is centred on the side towards its circle */
			double tx = p->side > 0   ? p->b.x + 1
				    : p->side < 0 ? p->b.x + p->b.w - 1
						  : p->b.x + p->b.w / 2;
			nm_buf_puts(b, "<text class=\"lbl\"");
			num(b, "x", tx + ox);
			num(b, "y", p->b.y + oy + NM_GRAPH_FONT);
			nm_buf_printf(b,
				      " font-size=\"%.0f\" stroke=\"#ffffff\" stroke-width=\"3\" "
				      "stroke-linejoin=\"round\" paint-order=\"stroke\"%s>",
				      NM_GRAPH_FONT,
				      p->side > 0   ? ""
				      : p->side < 0 ? " text-anchor=\"end\""
						    : " text-anchor=\"middle\"");
			tspans(b, p->text, tx + ox, p->b.y + oy, NM_GRAPH_FONT);
		}
		nm_buf_puts(b, "</text></g>\n");
	}
	nm_buf_puts(b, "</g>\n</svg>\n");
	for (size_t i = 0; i < n; i++)
		free(pl[i].text);
	free(pl);
	free(done);
	free(ord);
}

/* ---- the actor-committee map ---- */

static void write_members(nm_buf *b, const nm_analysis *an, const nm_glayout *lay, nm_lang lang)
{
	const nm_dataset *ds = an->ds;
	double minx = 1e18, miny = 1e18, maxx = -1e18, maxy = -1e18, ox, oy;
	uint32_t *ncomm = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*ncomm));

	for (size_t i = 0; i < lay->nedges; i++)
		ncomm[ds->memberships[lay->edges[i].item].actor]++;
	for (size_t i = 0; i < lay->nnodes; i++) {
		const nm_gnode *nd = &lay->nodes[i];
		bounds(&minx, &miny, &maxx, &maxy, nd->x - nd->w / 2, nd->y - nd->h / 2,
		       nd->x + nd->w / 2, nd->y + nd->h / 2);
	}
	if (!lay->nnodes)
		minx = miny = maxx = maxy = 0;
	ox = PAD - minx;
	oy = PAD - miny;
	svg_open(b, "members", maxx - minx + 2 * PAD, maxy - miny + 2 * PAD,
		 tr(lang, "Actors and committees"));
	nm_buf_puts(b, "<g class=\"edges\">\n");
	for (size_t i = 0; i < lay->nedges; i++) {
		const nm_gedge *e = &lay->edges[i];
		const nm_membership *m = &ds->memberships[e->item];
		const nm_gnode *na = &lay->nodes[e->a], *nb = &lay->nodes[e->b];

		nm_buf_printf(b, "<line class=\"mem\" data-c=\"%u\" data-a=\"%u\"", m->committee,
			      m->actor);
		num(b, "x1", na->x + ox);
		num(b, "y1", na->y + oy);
		num(b, "x2", nb->x + ox);
		num(b, "y2", nb->y + oy);
		nm_buf_printf(b, " stroke=\"#999999\" stroke-width=\"%s\"%s/>\n",
			      m->role >= NM_ROLE_CHAIR ? "2.4" : "1",
			      m->role == NM_ROLE_GUEST ? " stroke-dasharray=\"4 3\"" : "");
	}
	nm_buf_puts(b, "</g>\n<g class=\"nodes\">\n");
	for (size_t i = 0; i < lay->nnodes; i++) {
		const nm_gnode *nd = &lay->nodes[i];
		bool comm = nd->kind == 'c';
		double font = comm ? NM_GRAPH_FONT_COMMITTEE : NM_GRAPH_FONT;
		nm_buf t = NM_BUF_INIT;
		size_t longest = 0;
		size_t lines = nm_graph_label(&t,
					      comm ? ds->committees[nd->index].name
						   : ds->actors[nd->index].name,
					      false, &longest);
		double th = nm_graph_text_height(lines, font);
		const char *fill;

		if (comm) {
			nm_buf_printf(b, "<a href=\"#p-%u\" class=\"node comm\" data-c=\"%u\">",
				      nd->index, nd->index);
			committee_title(b, an, nd->index, lang);
			fill = nd->fill;
		} else {
			const nm_actor *a = &ds->actors[nd->index];
			nm_buf_printf(b, "<g class=\"node actor\" data-a=\"%u\" data-t=\"%s\">",
				      nd->index, nm_actor_type_names[a->type]);
			actor_title(b, an, nd->index, ncomm[nd->index], lang);
			fill = an->settings.voices & (1u << a->type) ? "#c7e9c0" : "#ffffff";
		}
		nm_buf_puts(b, "<rect");
		num(b, "x", nd->x - nd->w / 2 + ox);
		num(b, "y", nd->y - nd->h / 2 + oy);
		num(b, "width", nd->w);
		num(b, "height", nd->h);
		nm_buf_printf(b, " rx=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
			      comm ? 4.0 : (nd->h / 2 < 9 ? nd->h / 2 : 9), fill,
			      comm ? "#333333" : "#555555", comm ? "1.5" : "1");
		nm_buf_printf(b, "<text class=\"lbl\" font-size=\"%.0f\"%s", font,
			      comm ? " font-weight=\"bold\"" : "");
		num(b, "x", nd->x + ox);
		num(b, "y", nd->y - th / 2 + oy + font);
		nm_buf_puts(b, " text-anchor=\"middle\">");
		tspans(b, nm_buf_cstr(&t), nd->x + ox, nd->y - th / 2 + oy, font);
		nm_buf_puts(b, comm ? "</text></a>\n" : "</text></g>\n");
		nm_buf_release(&t);
	}
	nm_buf_puts(b, "</g>\n</svg>\n");
	free(ncomm);
}

void nm_graph_svg_write(nm_buf *out, const nm_analysis *an, nm_graph_network net,
			const nm_glayout *lay, nm_lang lang)
{
	if (net == NM_GRAPH_OVERLAPS)
		write_overlaps(out, an, lay, lang);
	else
		write_members(out, an, lay, lang);
}
