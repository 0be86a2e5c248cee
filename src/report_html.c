/*
 * report_html.c: the overview as one self-contained HTML file, for a
 * screen in a meeting, the team wiki and A4 paper. It has the sections
 * and numbers of the text report, in German or English, plus two
 * pictures drawn by Graphviz (graph.c): the committee overlap network
 * and, for a network small enough to read, the actor-committee map.
 *
 * The page needs nothing from outside: CSS is inline, pictures are inline
 * SVG, there is no script. It is written as well-formed XML (XHTML
 * syntax, only the five XML entities, every element closed), so that an
 * XML parser can check it in tests; browsers read it as HTML5. Every
 * string from the data passes through nm_escape_xml.
 *
 * The e-mail writer asks for the same page with <img src="cid:...">
 * references in place of the SVG (nm_report_html_cid).
 */
#include "netmap/escape.h"
#include "netmap/diff.h"
#include "netmap/graph.h"
#include "netmap/report.h"
#include "netmap/report_doc.h"
#include "report_plan.h"
#include "report_html.h"
#include "report_html_map.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define LIST_CAP 50 /* items per list before "and N more", without --all */

static const nm_msg msgs[] = {
	{"Committee overlap network", "Überschneidungsnetz der Gremien"},
	{"Each circle is a committee, its size and number the members it has. "
	 "Lines join classified pairs; committees of one merge cluster share a fill colour.",
	 "Jeder Kreis ist ein Gremium, Größe und Zahl geben seine Mitglieder an. "
	 "Linien verbinden eingestufte Paare; Gremien eines Zusammenlegungs-Clusters "
	 "haben dieselbe Füllfarbe."},
	{"duplicate", "doppelt"},
	{"nested", "verschachtelt"},
	{"overlap", "Überschneidung"},
	{"Actors and committees", "Akteure und Gremien"},
	{"Boxes are committees, ellipses actors; green actors are the voices the "
	 "analysis looks for. Thick lines: lead or chair; dashed: guest.",
	 "Kästen sind Gremien, Ellipsen Akteure; grün sind die Stimmen, nach denen "
	 "die Analyse fragt. Dicke Linien: Federführung oder Vorsitz; gestrichelt: Gast."},
	{"Square boxes with bold names are committees, rounded ones actors; green actors are "
	 "the voices the analysis looks for. Thick lines: lead or chair; dashed: guest.",
	 "Eckige Kästen mit fetten Namen sind Gremien, abgerundete Akteure; grün sind die "
	 "Stimmen, nach denen die Analyse fragt. Dicke Linien: Federführung oder Vorsitz; "
	 "gestrichelt: Gast."},
	{"The network has %zu committees, too many to draw legibly; export it with "
	 "netmap export --format gexf --network overlaps and open it in Gephi.",
	 "Das Netz hat %zu Gremien, zu viele für ein lesbares Bild; exportieren Sie es "
	 "mit netmap export --format gexf --network overlaps und öffnen Sie es in Gephi."},
	{"The map has %zu actors and committees, too many to draw legibly; export it with "
	 "netmap export --format gexf and open it in Gephi.",
	 "Die Karte hat %zu Akteure und Gremien, zu viele für ein lesbares Bild; "
	 "exportieren Sie sie mit netmap export --format gexf und öffnen Sie sie in Gephi."},
	{"Nothing to draw.", "Nichts zu zeichnen."},
	{"The network has %zu committees, too many for one picture: it shows the %zu in "
	 "merge clusters and in the pairs that share most members. Every committee has its "
	 "profile below.",
	 "Das Netz hat %zu Gremien, zu viele für ein Bild: es zeigt die %zu in "
	 "Zusammenlegungs-Clustern und in den Paaren mit den meisten gemeinsamen Mitgliedern. "
	 "Jedes Gremium hat unten seinen Steckbrief."},
	{"The picture could not be drawn: %s.", "Das Bild konnte nicht gezeichnet werden: %s."},
	{"actor", "Akteur"},
	{"committees", "Gremien"},
	{"meetings/year", "Sitzungen/Jahr"},
	{"theme", "Thema"},
	{"Written by netmap %s.", "Erstellt mit netmap %s."},
};

typedef struct out {
	nm_buf *b;
	const nm_analysis *an;
	const nm_report_opts *opts;
	const char *const *cids; /* e-mail: cid per network, or NULL for inline SVG */
	const nm_doc *doc;
} out;

static const char *tr(const out *o, const char *en)
{
	return NM_TR(msgs, o->opts->lang, en);
}

/*
 * Append the translation of en, a format string, with the arguments.
 * Both languages' strings take the same conversions (i18n.h).
 */
static void trfb(const out *o, nm_buf *b, const char *en, ...)
{
	va_list ap;

	va_start(ap, en);
	nm_buf_vprintf(b, tr(o, en), ap);
	va_end(ap);
}

#define trf(o, ...) trfb((o), (o)->b, __VA_ARGS__)

static void esc(out *o, const char *s)
{
	nm_escape_xml(o->b, s);
}

static void committee_ref(out *o, const nm_committee *c)
{
	if (!o->cids)
		nm_buf_printf(o->b, "<a class=\"pick\" href=\"#p-%zu\" data-c=\"%zu\">",
			      (size_t)(c - o->an->ds->committees),
			      (size_t)(c - o->an->ds->committees));
	nm_buf_puts(o->b, "<strong>");
	esc(o, c->name);
	nm_buf_puts(o->b, o->cids ? "" : "</strong></a>");
	nm_buf_puts(o->b, o->cids ? "</strong> <span class=\"id\">(" : " <span class=\"id\">(");
	esc(o, c->id);
	nm_buf_puts(o->b, ")</span>");
}

static void actor_ref(out *o, const nm_actor *a)
{
	if (!o->cids)
		nm_buf_printf(o->b, "<a class=\"pick-a\" href=\"#map\" data-a=\"%zu\">",
			      (size_t)(a - o->an->ds->actors));
	nm_buf_puts(o->b, "<strong>");
	esc(o, a->name);
	nm_buf_puts(o->b, o->cids ? "" : "</strong></a>");
	nm_buf_puts(o->b, o->cids ? "</strong> <span class=\"id\">(" : " <span class=\"id\">(");
	esc(o, a->id);
	nm_buf_puts(o->b, ")</span>");
}

static void theme_ref(out *o, const nm_theme *t)
{
	esc(o, t->label ? t->label : t->id);
	nm_buf_puts(o->b, " <span class=\"id\">(");
	esc(o, t->id);
	nm_buf_puts(o->b, ")</span>");
}

static const char *const css =
	":root{--dup:#d62728;--nest:#1f77b4;--ovl:#f0a020;--ink:#1d1d1f;--muted:#5f6368;"
	"--rule:#d0d4da}\n"
	"body{font-family:system-ui,'Segoe UI',Helvetica,Arial,sans-serif;color:var(--ink);"
	"line-height:1.45;max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem;"
	"background:#fff}\n"
	"h1{font-size:1.7rem;margin:0 0 .2rem}\n"
	"h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.2rem;"
	"border-bottom:2px solid var(--rule)}\n"
	"h3{font-size:1rem;margin:1rem 0 .3rem}\n"
	".meta{color:var(--muted);margin:0 0 1rem}\n"
	".count{color:var(--muted);font-weight:normal}\n"
	".id{color:var(--muted);font-size:.85em;font-family:ui-monospace,Menlo,Consolas,monospace}\n"
	"table{border-collapse:collapse;margin:.5rem 0 1rem}\n"
	"th,td{padding:.25rem .6rem;border-bottom:1px solid var(--rule);text-align:left;"
	"vertical-align:top}\n"
	"th{font-weight:600}\n"
	"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"table.findings td.num{font-weight:600;min-width:3rem}\n"
	"td.note{color:var(--muted)}\n"
	"ul.items{padding-left:1.2rem;margin:.3rem 0}\n"
	"ul.items li{margin:.15rem 0 .6rem;overflow-wrap:anywhere}\n"
	".why{color:var(--muted)}\n"
	".advice{margin:.2rem 0 .8rem;padding:.35rem .7rem;background:#eef5fb;"
	"border-left:4px solid var(--nest)}\n"
	".more{color:var(--muted);font-style:italic}\n"
	".dup{border-left:4px solid var(--dup);padding-left:.5rem}\n"
	".nest{border-left:4px solid var(--nest);padding-left:.5rem}\n"
	".ovl{border-left:4px solid var(--ovl);padding-left:.5rem}\n"
	"figure{margin:1rem 0;page-break-inside:avoid;break-inside:avoid}\n"
	"figure svg,figure img{max-width:100%;height:auto;display:block;margin:0 auto}\n"
	"figcaption{color:var(--muted);font-size:.9rem;margin-top:.4rem}\n"
	".legend span{display:inline-block;margin-right:1.2rem;white-space:nowrap}\n"
	".legend i{display:inline-block;width:2rem;height:0;vertical-align:middle;"
	"margin-right:.35rem;border-top:4px solid}\n"
	".notice{padding:.6rem .8rem;background:#fff8e1;border-left:4px solid var(--ovl)}\n"
	"table.coverage{font-size:.85rem}\n"
	"table.coverage th.type{writing-mode:vertical-rl;transform:rotate(180deg);"
	"white-space:nowrap;font-weight:normal;padding:.4rem .2rem;text-align:left}\n"
	"table.coverage td.num{padding:.2rem .3rem;min-width:1.4rem;text-align:center}\n"
	"table.coverage td.zero{color:#b0b4ba}\n"
	"footer{margin-top:2.5rem;color:var(--muted);font-size:.85rem;"
	"border-top:1px solid var(--rule);padding-top:.5rem}\n"
	"@media print{@page{size:A4;margin:16mm 14mm}"
	"body{max-width:none;padding:0;font-size:10pt}"
	"h2{break-after:avoid;page-break-after:avoid}"
	"li,tr{break-inside:avoid;page-break-inside:avoid}"
	"figure svg{max-height:240mm}"
	".advice{background:none;border-left-color:#888}}\n";

static void runs(out *o, const nm_doc_node *nd);

/* The document's head and the page's header: the title and the date line. */
static void head(out *o, const nm_doc_node *headline)
{
	nm_buf_printf(o->b,
		      "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
		      "lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
		      "<meta name=\"generator\" content=\"netmap %s\"/>\n<title>",
		      nm_lang_code(o->opts->lang), NETMAP_VERSION);
	runs(o, headline->kids[0]);
	nm_buf_puts(o->b, "</title>\n");
	if (!o->cids)
		nm_html_map_csp(o->b);
	nm_buf_puts(o->b, "<style>\n");
	nm_buf_puts(o->b, css);
	if (!o->cids)
		nm_buf_puts(o->b, nm_html_map_css);
	nm_buf_puts(o->b, "</style>\n</head>\n<body>\n<header>\n<h1>");
	runs(o, headline->kids[0]);
	nm_buf_puts(o->b, "</h1>\n<p class=\"meta\">");
	runs(o, headline->kids[1]);
	nm_buf_puts(o->b, "</p>\n</header>\n");
}

static void legend(out *o)
{
	static const char *const words[NM_CLASS_COUNT] = {"duplicate", "nested", "overlap"};
	static const char *const styles[NM_CLASS_COUNT] = {"solid", "dashed", "solid"};

	nm_buf_puts(o->b, "<span class=\"legend\">");
	for (int c = 0; c < NM_CLASS_COUNT; c++)
		nm_buf_printf(o->b,
			      "<span><i style=\"border-top-color:%s;border-top-style:%s\">"
			      "</i>%s</span>",
			      nm_graph_class_colors[c], styles[c], tr(o, words[c]));
	nm_buf_puts(o->b, "</span>");
}

static void picture(out *o, nm_graph_network net)
{
	const nm_analysis *an = o->an;
	size_t n = nm_graph_size(an, net);
	bool overlaps = net == NM_GRAPH_OVERLAPS;

	nm_buf_printf(o->b, "<section id=\"%s\">\n<h2>%s</h2>\n", overlaps ? "network" : "map",
		      tr(o, overlaps ? "Committee overlap network" : "Actors and committees"));
	if (n == 0) {
		nm_buf_printf(o->b, "<p class=\"notice\">%s</p>\n</section>\n",
			      tr(o, "Nothing to draw."));
		return;
	}
	if (!nm_graph_drawable(an, net)) {
		nm_buf_puts(o->b, "<p class=\"notice\">");
		trf(o,
		    overlaps ? "The network has %zu committees, too many to draw legibly; "
			       "export it with netmap export --format gexf --network overlaps "
			       "and open it in Gephi."
			     : "The map has %zu actors and committees, too many to draw legibly; "
			       "export it with netmap export --format gexf and open it in Gephi.",
		    n);
		nm_buf_puts(o->b, "</p>\n");
		if (!o->cids && !overlaps)
			nm_html_map_members_hint(o->b, o->opts);
		nm_buf_puts(o->b, "</section>\n");
		return;
	}
	if (overlaps && nm_graph_drawn(an, net) < n) {
		nm_buf_puts(o->b, "<p class=\"notice\">");
		trf(o,
		    "The network has %zu committees, too many for one picture: it shows the %zu "
		    "in merge clusters and in the pairs that share most members. Every committee "
		    "has its profile below.",
		    n, nm_graph_drawn(an, net));
		nm_buf_puts(o->b, "</p>\n");
	}
	nm_buf_puts(o->b, "<figure>\n");
	if (o->cids) {
		if (o->cids[net]) {
			nm_buf_puts(o->b, "<img src=\"cid:");
			esc(o, o->cids[net]);
			nm_buf_printf(o->b, "\" alt=\"%s\"/>\n",
				      tr(o, overlaps ? "Committee overlap network"
						     : "Actors and committees"));
		} else {
			nm_buf_printf(o->b, "<p class=\"notice\">");
			trf(o, "The picture could not be drawn: %s.", "graphviz");
			nm_buf_puts(o->b, "</p>\n");
		}
	} else {
		nm_error err = {0, ""};
		size_t before = o->b->len;

		if (nm_graph_draw(o->b, an, net, NM_GRAPH_SVG, o->opts->lang, &err) != 0 ||
		    o->b->len == before) {
			nm_buf_puts(o->b, "<p class=\"notice\">");
			{
				nm_buf m = NM_BUF_INIT;
				nm_escape_xml(&m, err.message[0] ? err.message : "graphviz");
				trf(o, "The picture could not be drawn: %s.", m.ptr);
				nm_buf_release(&m);
			}
			nm_buf_puts(o->b, "</p>\n");
		} else {
			nm_buf_putc(o->b, '\n');
		}
	}
	nm_buf_puts(o->b, "<figcaption>");
	if (overlaps) {
		nm_buf_puts(o->b, tr(o, "Each circle is a committee, its size and number the "
					"members it has. Lines join classified pairs; committees "
					"of one merge cluster share a fill colour."));
		nm_buf_puts(o->b, "<br/>");
		legend(o);
	} else {
		nm_buf_puts(o->b,
			    tr(o,
			       o->cids ? "Boxes are committees, ellipses actors; green "
					 "actors are the voices the analysis looks for. "
					 "Thick lines: lead or chair; dashed: guest."
				       : "Square boxes with bold names are committees, rounded "
					 "ones actors; green actors are the voices the analysis "
					 "looks for. Thick lines: lead or chair; dashed: guest."));
	}
	nm_buf_puts(o->b, "</figcaption>\n</figure>\n</section>\n");
}

/* ---- rendering the document ----------------------------------------------- */

/* One run, escaped for XML; references link to the map and profiles. */
static void run(out *o, const nm_doc_run *r)
{
	const nm_dataset *ds = o->an->ds;

	switch (r->kind) {
	case NM_RUN_WORDS:
	case NM_RUN_CODE: {
		nm_buf words = NM_BUF_INIT;

		nm_buf_put(&words, r->s, r->len);
		esc(o, nm_buf_cstr(&words));
		nm_buf_release(&words);
		break;
	}
	case NM_RUN_DATA:
	case NM_RUN_ID:
		esc(o, r->s);
		break;
	case NM_RUN_COMMITTEE:
		committee_ref(o, &ds->committees[r->idx]);
		break;
	case NM_RUN_ACTOR:
		actor_ref(o, &ds->actors[r->idx]);
		break;
	case NM_RUN_THEME:
		theme_ref(o, &ds->themes[r->idx]);
		break;
	default:
		nm_doc_plain_run(o->b, o->doc, r);
		break;
	}
}

static void runs(out *o, const nm_doc_node *nd)
{
	for (size_t i = 0; i < nd->nruns; i++)
		run(o, &nd->runs[i]);
}

static void more_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "<p class=\"more\">");
	runs(o, nd);
	nm_buf_puts(o->b, "</p>\n");
}

static void advice_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "<p class=\"advice\">→ ");
	runs(o, nd);
	nm_buf_puts(o->b, "</p>\n");
}

/* A pair: both committees, why in a second line, then advice. */
static void pair_node(out *o, const nm_doc_node *nd)
{
	static const char *const cls[NM_CLASS_COUNT] = {"dup", "nest", "ovl"};
	size_t index = (size_t)(nd->pair - o->an->overlaps);

	if (o->cids)
		nm_buf_printf(o->b, "<li class=\"%s\">", cls[nd->pair->cls]);
	else
		nm_buf_printf(o->b, "<li class=\"%s\" id=\"f-%zu\">", cls[nd->pair->cls], index);
	runs(o, nd->kids[0]);
	if (!o->cids)
		nm_html_map_finding_link(o->b, o->an, index, o->opts);
	nm_buf_puts(o->b, "<br/><span class=\"why\">");
	runs(o, nd->kids[1]);
	nm_buf_puts(o->b, "</span>");
	advice_node(o, nd->kids[2]);
	nm_buf_puts(o->b, "</li>\n");
}

static void item_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "<li>");
	runs(o, nd);
	if (nd->nkids && nd->kids[0]->kind == NM_DOC_PARA) {
		nm_buf_puts(o->b, "<br/><span class=\"why\">");
		runs(o, nd->kids[0]);
		nm_buf_puts(o->b, "</span>");
	}
	nm_buf_puts(o->b, "</li>\n");
}

/* A list of the gaps: a heading with its count, the names in one line. */
static void group_node(out *o, const nm_doc_node *nd)
{
	size_t shown = 0;

	nm_buf_puts(o->b, "<h3>");
	runs(o, nd);
	nm_buf_puts(o->b, " <span class=\"count\">(");
	nm_i18n_count(o->b, o->opts->lang, nd->n);
	nm_buf_puts(o->b, ")</span></h3>\n<p>");
	for (size_t i = 0; i < nd->nkids; i++)
		if (nd->kids[i]->kind == NM_DOC_ITEM) {
			if (shown++)
				nm_buf_puts(o->b, ", ");
			runs(o, nd->kids[i]);
		}
	nm_buf_puts(o->b, "</p>\n");
	for (size_t i = 0; i < nd->nkids; i++)
		if (nd->kids[i]->kind == NM_DOC_MORE)
			more_node(o, nd->kids[i]);
		else if (nd->kids[i]->kind == NM_DOC_ADVICE)
			advice_node(o, nd->kids[i]);
}

static void load_table(out *o, const nm_doc_node *nd)
{
	nm_buf_printf(o->b,
		      "<table>\n<thead><tr><th>%s</th><th class=\"num\">%s</th>"
		      "<th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
		      tr(o, "actor"), tr(o, "committees"), tr(o, "meetings/year"));
	for (size_t i = 0; i < nd->nkids; i++) {
		nm_doc_node *const *cell = nd->kids[i]->kids;

		nm_buf_puts(o->b, "<tr><td>");
		runs(o, cell[0]);
		nm_buf_puts(o->b, "</td><td class=\"num\">");
		runs(o, cell[1]);
		nm_buf_puts(o->b, "</td><td class=\"num\">");
		runs(o, cell[2]);
		nm_buf_puts(o->b, "</td></tr>\n");
	}
	nm_buf_puts(o->b, "</tbody>\n</table>\n");
}

static void coverage_table(out *o, const nm_doc_node *nd)
{
	nm_buf_printf(o->b, "<table class=\"coverage\">\n<thead><tr><th>%s</th>", tr(o, "theme"));
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		nm_buf_printf(o->b, "<th class=\"type\" scope=\"col\">%s</th>",
			      nm_i18n_type(o->opts->lang, (nm_actor_type)t));
	nm_buf_puts(o->b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *row = nd->kids[i];

		nm_buf_puts(o->b, "<tr><th scope=\"row\">");
		runs(o, row->kids[0]);
		nm_buf_puts(o->b, "</th>");
		for (size_t c = 1; c < row->nkids; c++) {
			if (row->kids[c]->runs[0].n) {
				nm_buf_puts(o->b, "<td class=\"num\">");
				runs(o, row->kids[c]);
				nm_buf_puts(o->b, "</td>");
			} else {
				nm_buf_puts(o->b, "<td class=\"num zero\">0</td>");
			}
		}
		nm_buf_puts(o->b, "</tr>\n");
	}
	nm_buf_puts(o->b, "</tbody>\n</table>\n");
}

/* The id of each section's element, by nm_doc_section. */
static const char *const section_ids[] = {
	"merge-proposals", "invitations", "thin",    "duplicates", "clusters",
	"nested",          "overlaps",    "load",    "review",     "gaps",
	"voices",          "coverage",    "records",
};

static void section_node(out *o, const nm_doc_node *nd)
{
	const char *list = NULL; /* the open list element, if any */

	nm_buf_printf(o->b, "<section id=\"%s\">\n<h2>", section_ids[nd->tag]);
	runs(o, nd);
	if (nd->n) {
		nm_buf_puts(o->b, " <span class=\"count\">(");
		nm_i18n_count(o->b, o->opts->lang, nd->n);
		nm_buf_puts(o->b, ")</span>");
	}
	nm_buf_puts(o->b, "</h2>\n");
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *k = nd->kids[i];

		if (k->kind == NM_DOC_PAIR || k->kind == NM_DOC_ITEM) {
			if (!list) {
				list = k->n ? "ol" : "ul";
				nm_buf_printf(o->b, "<%s class=\"items\">\n", list);
			}
			if (k->kind == NM_DOC_PAIR)
				pair_node(o, k);
			else
				item_node(o, k);
			continue;
		}
		if (list) {
			nm_buf_printf(o->b, "</%s>\n", list);
			list = NULL;
		}
		switch (k->kind) {
		case NM_DOC_GROUP:
			group_node(o, k);
			break;
		case NM_DOC_TABLE:
			if (k->tag == NM_DOC_TABLE_LOAD)
				load_table(o, k);
			else
				coverage_table(o, k);
			break;
		case NM_DOC_MORE:
			more_node(o, k);
			break;
		case NM_DOC_ADVICE:
			if (k->tag != NM_DOC_FOR_TABLES) /* pairs carry their own */
				advice_node(o, k);
			break;
		default:
			break;
		}
	}
	if (list)
		nm_buf_printf(o->b, "</%s>\n", list);
	nm_buf_puts(o->b, "</section>\n");
}

/* A to-do list of the plan under its own heading, inside "To do". */
static void todo_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "<h3>");
	runs(o, nd);
	nm_buf_puts(o->b, "</h3>\n<ul class=\"todo\">\n");
	for (size_t i = 0; i < nd->nkids; i++)
		if (nd->kids[i]->kind == NM_DOC_ITEM)
			item_node(o, nd->kids[i]);
	nm_buf_puts(o->b, "</ul>\n");
	for (size_t i = 0; i < nd->nkids; i++)
		if (nd->kids[i]->kind == NM_DOC_MORE)
			more_node(o, nd->kids[i]);
}

static bool is_plan(const nm_doc_node *nd)
{
	return nd->kind == NM_DOC_PARA ||
	       (nd->kind == NM_DOC_SECTION && nd->tag <= NM_SEC_THIN_DATA);
}

/*
 * Right after the findings table: coordinators, the to-do list of merge
 * proposals and invitations, and hints where the data is thin (7).
 */
static void plan(out *o)
{
	const nm_doc_node *root = &o->doc->root;
	bool todo = false;

	for (size_t i = 0; i < root->nkids; i++) {
		const nm_doc_node *nd = root->kids[i];

		if (!is_plan(nd))
			continue;
		if (nd->kind == NM_DOC_PARA) {
			nm_buf_puts(o->b, "<p class=\"coordinators\">");
			runs(o, nd);
			nm_buf_puts(o->b, "</p>\n");
			continue;
		}
		if (nd->tag == NM_SEC_THIN_DATA) {
			if (todo)
				nm_buf_puts(o->b, "</section>\n");
			todo = false;
			nm_buf_puts(o->b, "<section id=\"thin\">\n<h2>");
			runs(o, nd);
			nm_buf_puts(o->b, "</h2>\n<ul class=\"items\">\n");
			for (size_t j = 0; j < nd->nkids; j++)
				item_node(o, nd->kids[j]);
			nm_buf_puts(o->b, "</ul>\n</section>\n");
			continue;
		}
		if (!todo) {
			nm_buf_puts(o->b, "<section id=\"todo\">\n<h2>");
			esc(o, nm_plan_tr(o->opts->lang, "To do"));
			nm_buf_puts(o->b, "</h2>\n");
			todo = true;
		}
		todo_node(o, nd);
	}
	if (todo)
		nm_buf_puts(o->b, "</section>\n");
}

/* The findings table: label, count, and what the rows under it say. */
static void summary_node(out *o, const nm_doc_node *nd)
{
	const nm_doc_node *table = nd->kids[1];

	nm_buf_puts(o->b, "<section id=\"summary\">\n<p class=\"totals\">");
	runs(o, nd->kids[0]);
	nm_buf_puts(o->b, "</p>\n<h2>");
	runs(o, table);
	nm_buf_puts(o->b, "</h2>\n<table class=\"findings\">\n<tbody>\n");
	for (size_t i = 0; i < table->nkids; i++) {
		const nm_doc_node *row = table->kids[i];
		bool parts = row->nkids && row->kids[0]->tag == NM_DOC_ROW_PART;
		size_t said = 0;

		nm_buf_puts(o->b, "<tr><th scope=\"row\">");
		runs(o, row);
		nm_buf_puts(o->b, "</th><td class=\"num\">");
		nm_i18n_count(o->b, o->opts->lang, row->n);
		nm_buf_puts(o->b, "</td><td class=\"note\">");
		for (size_t k = 0; k < row->nkids; k++) {
			if (parts ? !row->n : !row->kids[k]->n)
				continue;
			if (said++)
				nm_buf_puts(o->b, ", ");
			runs(o, row->kids[k]->kids[0]);
		}
		nm_buf_puts(o->b, "</td></tr>\n");
	}
	nm_buf_puts(o->b, "</tbody>\n</table>\n</section>\n");
}

/*
 * What changed since an earlier snapshot: a heading, each kind of record
 * and the findings under headings of their own, the marks kept in the
 * lists and as classes.
 */
static void since_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "<section class=\"since\">\n<h2>");
	runs(o, nd);
	nm_buf_puts(o->b, "</h2>\n");
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *k = nd->kids[i];
		bool findings = k->tag == NM_DOC_FINDINGS;
		size_t first = findings ? 0 : 1;

		if (k->kind == NM_DOC_PARA) {
			nm_buf_puts(o->b, "<p>");
			runs(o, k);
			nm_buf_puts(o->b, "</p>\n");
			continue;
		}
		nm_buf_puts(o->b, "<h3>");
		runs(o, k);
		if (findings) {
			nm_buf_puts(o->b, " (");
			nm_i18n_count(o->b, o->opts->lang, k->n);
			nm_buf_putc(o->b, ')');
		} else {
			nm_buf_puts(o->b, ": ");
			runs(o, k->kids[0]);
		}
		nm_buf_puts(o->b, "</h3>\n<ul>\n");
		for (size_t j = first; j < k->nkids; j++) {
			const nm_doc_node *it = k->kids[j];
			const char *cls = it->tag == '+'   ? (findings ? "new" : "added")
					  : it->tag == '-' ? (findings ? "resolved" : "removed")
							   : "changed";

			nm_buf_printf(o->b, "<li class=\"%s\">%c ", cls, (char)it->tag);
			runs(o, it);
			if (it->nkids)
				nm_buf_puts(o->b, "\n<ul>\n");
			for (size_t f = 0; f < it->nkids; f++) {
				nm_buf_puts(o->b, "<li>");
				runs(o, it->kids[f]);
				nm_buf_puts(o->b, "</li>\n");
			}
			nm_buf_puts(o->b, it->nkids ? "</ul></li>\n" : "</li>\n");
		}
		nm_buf_puts(o->b, "</ul>\n");
	}
	nm_buf_puts(o->b, "</section>\n");
}

static void sections(out *o)
{
	const nm_doc_node *root = &o->doc->root;

	for (size_t i = 0; i < root->nkids; i++)
		if (root->kids[i]->kind == NM_DOC_SECTION && !is_plan(root->kids[i]))
			section_node(o, root->kids[i]);
}

static void write_page(out *o)
{
	const nm_doc_node *root = &o->doc->root;

	head(o, root->kids[0]);
	for (size_t i = 0; i < root->nkids; i++)
		if (root->kids[i]->kind == NM_DOC_SINCE)
			since_node(o, root->kids[i]);
	if (!o->cids)
		nm_html_map_trend(o->b, o->an, o->opts);
	for (size_t i = 0; i < root->nkids; i++)
		if (root->kids[i]->kind == NM_DOC_SUMMARY)
			summary_node(o, root->kids[i]);
	plan(o);
	if (!o->cids)
		nm_html_map_tools(o->b, o->an, o->opts);
	picture(o, NM_GRAPH_OVERLAPS);
	sections(o);
	if (!o->cids)
		nm_html_map_profiles(o->b, o->an, o->opts);
	picture(o, NM_GRAPH_MEMBERS);
	nm_buf_puts(o->b, "<footer>");
	trf(o, "Written by netmap %s.", NETMAP_VERSION);
	nm_buf_puts(o->b, "</footer>\n");
	if (!o->cids)
		nm_html_map_script(o->b, o->an, o->opts);
	nm_buf_puts(o->b, "</body>\n</html>\n");
}

void nm_report_html(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	nm_doc doc;
	out o = {b, an, opts, NULL, &doc};

	nm_doc_build_capped(&doc, an, opts, LIST_CAP);
	write_page(&o);
	nm_doc_free(&doc);
}

void nm_report_html_cid(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts,
			const char *const cids[NM_GRAPH_COUNT])
{
	nm_doc doc;
	out o = {b, an, opts, cids, &doc};

	nm_doc_build_capped(&doc, an, opts, LIST_CAP);
	write_page(&o);
	nm_doc_free(&doc);
}
