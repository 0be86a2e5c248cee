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
#include "report_plan.h"
#include "report_html.h"
#include "report_html_map.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define LIST_CAP 50 /* items per list before "and N more", without --all */

static const nm_msg msgs[] = {
	{"netmap overview", "netmap-Übersicht"},
	{"(unnamed dataset)", "(Datensatz ohne Namen)"},
	{"as of", "Stand"},
	{"snapshot", "Snapshot"},
	{"actors", "Akteure"},
	{"committees", "Gremien"},
	{"active or dormant", "aktiv oder ruhend"},
	{"memberships", "Mitgliedschaften"},
	{"themes", "Themen"},
	{"Findings", "Befunde"},
	{"duplicate groups (pairs)", "doppelte Gremien (Paare)"},
	{"in %zu merge clusters", "in %zu Zusammenlegungs-Clustern"},
	{"in 1 merge cluster", "in 1 Zusammenlegungs-Cluster"},
	{"nested groups", "verschachtelte Gremien"},
	{"overlapping groups (pairs)", "überlappende Gremien (Paare)"},
	{"overloaded actors", "überlastete Akteure"},
	{"groups to review", "zu prüfende Gremien"},
	{"gaps", "Lücken"},
	{"uncovered themes", "unbesetzte Themen"},
	{"uncovered theme", "unbesetztes Thema"},
	{"isolated actors", "Akteure ohne Gremium"},
	{"isolated actor", "Akteur ohne Gremium"},
	{"single-type groups", "Gremien mit nur einem Akteurstyp"},
	{"single-type group", "Gremium mit nur einem Akteurstyp"},
	{"missing voices", "fehlende Stimmen"},
	{"missing voice", "fehlende Stimme"},
	{"possible duplicate records", "mögliche doppelte Einträge"},
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
	{"Duplicate groups: candidates for merging", "Doppelte Gremien: Kandidaten für eine Zusammenlegung"},
	{"Merge clusters", "Zusammenlegungs-Cluster"},
	{"Nested groups", "Verschachtelte Gremien"},
	{"Overlapping groups", "Überlappende Gremien"},
	{"Overloaded actors", "Überlastete Akteure"},
	{"Groups to review", "Zu prüfende Gremien"},
	{"Gaps", "Lücken"},
	{"Missing voices", "Fehlende Stimmen"},
	{"Coverage: actors of each type working on each theme",
	 "Abdeckung: Akteure jedes Typs, die an jedem Thema arbeiten"},
	{"Possible duplicate records", "Mögliche doppelte Einträge"},
	{" and ", " und "},
	{" sits inside ", " liegt in "},
	{"all %u members are also in the larger group of %u; ",
	 "alle %u Mitglieder sind auch im größeren Gremium mit %u; "},
	{"neither has themes", "keines hat Themen"},
	{"its themes are covered there", "seine Themen sind dort abgedeckt"},
	{"same themes", "gleiche Themen"},
	{"%u of %u themes shared", "%u von %u Themen gemeinsam"},
	{"%u of %u members shared (%s overlap), ", "%u von %u Mitgliedern gemeinsam (%s Überschneidung), "},
	{"Declare it a sub-group (parent: %s) or fold it into the larger group.",
	 "Als Untergruppe erklären (parent: %s) oder in das größere Gremium eingliedern."},
	{"Merge them, or give each a distinct mandate and membership.",
	 "Zusammenlegen oder jedem einen eigenen Auftrag und eigene Mitglieder geben."},
	{"Coordinate agendas and dates, or agree who covers what.",
	 "Tagesordnungen und Termine abstimmen oder vereinbaren, wer was abdeckt."},
	{"%zu groups that duplicate each other: ", "%zu Gremien, die einander doppeln: "},
	{"One group per cluster is usually enough: merge them into one.",
	 "Ein Gremium je Cluster genügt meist: legen Sie sie zusammen."},
	{"actor", "Akteur"},
	{"committees", "Gremien"},
	{"meetings/year", "Sitzungen/Jahr"},
	{"More than %u committees each: share seats with partners, or merge the groups "
	 "they sit in twice.",
	 "Jeweils mehr als %u Gremien: Sitze mit Partnern teilen oder Gremien "
	 "zusammenlegen, in denen sie doppelt sitzen."},
	{"dormant. Revive it with a mandate, or dissolve it.",
	 "ruht. Mit einem Auftrag wiederbeleben oder auflösen."},
	{"stale, last met %s (%d days ago). Ask whether it is still needed.",
	 "eingeschlafen, zuletzt getagt am %s (vor %d Tagen). Fragen, ob es noch gebraucht wird."},
	{"ad-hoc group past its planned end %s (%d days ago). Dissolve it or set a new end.",
	 "Ad-hoc-Gremium über sein geplantes Ende %s hinaus (seit %d Tagen). "
	 "Auflösen oder ein neues Ende setzen."},
	{"ad-hoc group running since %s (%d days) with no end. Set an end date or make it "
	 "permanent.",
	 "Ad-hoc-Gremium seit %s (%d Tage) ohne Ende. Ein Enddatum setzen oder es "
	 "dauerhaft einrichten."},
	{"Themes no group works on", "Themen, an denen kein Gremium arbeitet"},
	{"Find a group that could take the theme on, or say why none is needed.",
	 "Ein Gremium finden, das das Thema übernimmt, oder begründen, warum keines nötig ist."},
	{"Actors in no group", "Akteure in keinem Gremium"},
	{"Invite them where their themes are discussed.",
	 "Dort einladen, wo ihre Themen besprochen werden."},
	{"Groups of one actor type only", "Gremien mit nur einem Akteurstyp"},
	{"Open them to other sectors, or link them to a mixed network.",
	 "Für andere Bereiche öffnen oder an ein gemischtes Netzwerk anbinden."},
	{"no %s at the table", "kein Akteur vom Typ %s am Tisch"},
	{"Invite them on equal footing to the groups on these themes.",
	 "Gleichberechtigt in die Gremien zu diesen Themen einladen."},
	{"theme", "Thema"},
	{"the same name once spelling and legal form are set aside",
	 "derselbe Name, von Schreibweise und Rechtsform abgesehen"},
	{"the same contact e-mail address", "dieselbe Kontakt-E-Mail-Adresse"},
	{"the same website", "dieselbe Website"},
	{"similar names (%u%% alike)", "ähnliche Namen (%u %% ähnlich)"},
	{"If they are one organisation, keep one id and move the memberships to it.",
	 "Wenn es eine Organisation ist: eine id behalten und die Mitgliedschaften dorthin verschieben."},
	{"… and %zu more (--all shows them all)", "… und %zu weitere (--all zeigt alle)"},
	{"Nothing to report in this section.", "In diesem Abschnitt gibt es nichts zu berichten."},
	{"Written by netmap %s.", "Erstellt mit netmap %s."},
	{"%s%%", "%s %%"},
};

typedef struct out {
	nm_buf *b;
	const nm_analysis *an;
	const nm_report_opts *opts;
	const char *const *cids; /* e-mail: cid per network, or NULL for inline SVG */
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

static size_t cap(const out *o, size_t n)
{
	return o->opts->all || n <= LIST_CAP ? n : LIST_CAP;
}

static void more(out *o, size_t shown, size_t n)
{
	if (shown < n) {
		nm_buf_puts(o->b, "<p class=\"more\">");
		trf(o, "… and %zu more (--all shows them all)", n - shown);
		nm_buf_puts(o->b, "</p>\n");
	}
}

static void advice(out *o, const char *text_html)
{
	nm_buf_puts(o->b, "<p class=\"advice\">→ ");
	nm_buf_puts(o->b, text_html);
	nm_buf_puts(o->b, "</p>\n");
}

static void section(out *o, const char *id, const char *title, size_t count)
{
	nm_buf_printf(o->b, "<section id=\"%s\">\n<h2>%s", id, tr(o, title));
	if (count)
		nm_buf_printf(o->b, " <span class=\"count\">(%zu)</span>", count);
	nm_buf_puts(o->b, "</h2>\n");
}

static void committee_ref(out *o, const nm_committee *c)
{
	if (!o->cids)
		nm_buf_printf(o->b, "<a class=\"pick\" href=\"#p-%zu\" data-c=\"%zu\">",
			      (size_t)(c - o->an->ds->committees), (size_t)(c - o->an->ds->committees));
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

static void head(out *o)
{
	const nm_dataset *ds = o->an->ds;
	const char *name = ds->name ? ds->name : tr(o, "(unnamed dataset)");

	nm_buf_printf(o->b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
		      "lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
		      "<meta name=\"generator\" content=\"netmap %s\"/>\n<title>",
		      nm_lang_code(o->opts->lang), NETMAP_VERSION);
	nm_buf_printf(o->b, "%s: ", tr(o, "netmap overview"));
	esc(o, name);
	nm_buf_puts(o->b, "</title>\n");
	if (!o->cids)
		nm_html_map_csp(o->b);
	nm_buf_puts(o->b, "<style>\n");
	nm_buf_puts(o->b, css);
	if (!o->cids)
		nm_buf_puts(o->b, nm_html_map_css);
	nm_buf_puts(o->b, "</style>\n</head>\n<body>\n<header>\n<h1>");
	nm_buf_printf(o->b, "%s: ", tr(o, "netmap overview"));
	esc(o, name);
	nm_buf_printf(o->b, "</h1>\n<p class=\"meta\">%s ", tr(o, "as of"));
	nm_i18n_date(o->b, o->opts->lang, o->an->today);
	if (o->opts->snapshot)
		nm_buf_printf(o->b, ", %s %lld", tr(o, "snapshot"), o->opts->snapshot);
	nm_buf_puts(o->b, "</p>\n</header>\n");
}

static void count_word(out *o, size_t n, const char *words)
{
	nm_i18n_count(o->b, o->opts->lang, n);
	nm_buf_printf(o->b, " %s", tr(o, words));
}

static void finding_row(out *o, const char *label, size_t n, const char *note_html)
{
	nm_buf_printf(o->b, "<tr><th scope=\"row\">%s</th><td class=\"num\">%zu</td>"
		      "<td class=\"note\">%s</td></tr>\n", tr(o, label), n, note_html);
}

static void headline(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t gaps = an->nuncovered_themes + an->nisolated_actors +
		      an->nsingle_type_committees + an->nmissing_voices;
	nm_buf note = NM_BUF_INIT;

	nm_buf_puts(o->b, "<section id=\"summary\">\n<p class=\"totals\">");
	count_word(o, ds->nactors, "actors");
	nm_buf_puts(o->b, ", ");
	count_word(o, ds->ncommittees, "committees");
	nm_buf_printf(o->b, " (%zu %s), ", an->analysed_committees, tr(o, "active or dormant"));
	count_word(o, ds->nmemberships, "memberships");
	nm_buf_puts(o->b, ", ");
	count_word(o, ds->nthemes, "themes");
	nm_buf_printf(o->b, "</p>\n<h2>%s</h2>\n<table class=\"findings\">\n<tbody>\n",
		      tr(o, "Findings"));
	if (an->nclusters == 1)
		nm_buf_puts(&note, tr(o, "in 1 merge cluster"));
	else if (an->nclusters)
		trfb(o, &note, "in %zu merge clusters", an->nclusters);
	finding_row(o, "duplicate groups (pairs)", nm_analysis_count_class(an, NM_CLASS_DUPLICATE),
		    nm_buf_cstr(&note));
	finding_row(o, "nested groups", nm_analysis_count_class(an, NM_CLASS_NESTED), "");
	finding_row(o, "overlapping groups (pairs)", nm_analysis_count_class(an, NM_CLASS_OVERLAP),
		    "");
	finding_row(o, "overloaded actors", nm_analysis_count_overloaded(an), "");
	finding_row(o, "groups to review", an->nreview, "");
	nm_buf_clear(&note);
	if (gaps)
		nm_buf_printf(&note, "%zu %s, %zu %s, %zu %s, %zu %s", an->nuncovered_themes,
			      tr(o, an->nuncovered_themes == 1 ? "uncovered theme" : "uncovered themes"),
			      an->nisolated_actors,
			      tr(o, an->nisolated_actors == 1 ? "isolated actor" : "isolated actors"),
			      an->nsingle_type_committees,
			      tr(o, an->nsingle_type_committees == 1 ? "single-type group"
								     : "single-type groups"),
			      an->nmissing_voices,
			      tr(o, an->nmissing_voices == 1 ? "missing voice" : "missing voices"));
	finding_row(o, "gaps", gaps, nm_buf_cstr(&note));
	finding_row(o, "possible duplicate records", an->nduplicate_actors, "");
	nm_buf_puts(o->b, "</tbody>\n</table>\n</section>\n");
	nm_buf_release(&note);
}

static void legend(out *o)
{
	static const char *const words[NM_CLASS_COUNT] = {"duplicate", "nested", "overlap"};
	static const char *const styles[NM_CLASS_COUNT] = {"solid", "dashed", "solid"};

	nm_buf_puts(o->b, "<span class=\"legend\">");
	for (int c = 0; c < NM_CLASS_COUNT; c++)
		nm_buf_printf(o->b, "<span><i style=\"border-top-color:%s;border-top-style:%s\">"
			      "</i>%s</span>", nm_graph_class_colors[c], styles[c],
			      tr(o, words[c]));
	nm_buf_puts(o->b, "</span>");
}

static void picture(out *o, nm_graph_network net)
{
	const nm_analysis *an = o->an;
	size_t n = nm_graph_size(an, net);
	bool overlaps = net == NM_GRAPH_OVERLAPS;

	nm_buf_printf(o->b, "<section id=\"%s\">\n<h2>%s</h2>\n",
		      overlaps ? "network" : "map",
		      tr(o, overlaps ? "Committee overlap network" : "Actors and committees"));
	if (n == 0) {
		nm_buf_printf(o->b, "<p class=\"notice\">%s</p>\n</section>\n",
			      tr(o, "Nothing to draw."));
		return;
	}
	if (!nm_graph_drawable(an, net)) {
		nm_buf_puts(o->b, "<p class=\"notice\">");
		trf(o, overlaps ? "The network has %zu committees, too many to draw legibly; "
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
		trf(o, "The network has %zu committees, too many for one picture: it shows the %zu "
		       "in merge clusters and in the pairs that share most members. Every committee "
		       "has its profile below.", n, nm_graph_drawn(an, net));
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
		nm_buf_puts(o->b, tr(o, o->cids ? "Boxes are committees, ellipses actors; green "
						  "actors are the voices the analysis looks for. "
						  "Thick lines: lead or chair; dashed: guest."
						: "Square boxes with bold names are committees, rounded "
						  "ones actors; green actors are the voices the analysis "
						  "looks for. Thick lines: lead or chair; dashed: guest."));
	}
	nm_buf_puts(o->b, "</figcaption>\n</figure>\n</section>\n");
}

static void percent(out *o, nm_buf *b, uint64_t num, uint64_t den)
{
	char n[32];
	uint64_t pct = den ? (num * 200 / den + 1) / 2 : 0;

	snprintf(n, sizeof(n), "%llu", (unsigned long long)pct);
	trfb(o, b, "%s%%", n);
}

static void pair_item(out *o, const nm_overlap *ov)
{
	const nm_dataset *ds = o->an->ds;
	const nm_committee *a = &ds->committees[ov->a], *b = &ds->committees[ov->b];
	uint32_t uni = ov->size_a + ov->size_b - ov->shared;
	static const char *const cls[NM_CLASS_COUNT] = {"dup", "nest", "ovl"};

	size_t index = (size_t)(ov - o->an->overlaps);

	if (o->cids)
		nm_buf_printf(o->b, "<li class=\"%s\">", cls[ov->cls]);
	else
		nm_buf_printf(o->b, "<li class=\"%s\" id=\"f-%zu\">", cls[ov->cls], index);
	if (ov->cls == NM_CLASS_NESTED) {
		const nm_committee *small = ov->inside == ov->a ? a : b;
		const nm_committee *large = ov->inside == ov->a ? b : a;
		uint32_t ns = ov->inside == ov->a ? ov->size_a : ov->size_b;
		uint32_t nl = ov->inside == ov->a ? ov->size_b : ov->size_a;
		nm_buf id = NM_BUF_INIT, text = NM_BUF_INIT;

		committee_ref(o, small);
		nm_buf_puts(o->b, tr(o, " sits inside "));
		committee_ref(o, large);
		if (!o->cids)
			nm_html_map_finding_link(o->b, o->an, index, o->opts);
		nm_buf_puts(o->b, "<br/><span class=\"why\">");
		trf(o, "all %u members are also in the larger group of %u; ", ns, nl);
		nm_buf_puts(o->b, tr(o, ov->themes_union == 0 ? "neither has themes"
							     : "its themes are covered there"));
		nm_buf_puts(o->b, "</span>");
		nm_escape_xml(&id, large->id);
		trfb(o, &text, "Declare it a sub-group (parent: %s) or fold it into the larger "
			       "group.", id.ptr);
		advice(o, text.ptr);
		nm_buf_release(&id);
		nm_buf_release(&text);
		nm_buf_puts(o->b, "</li>\n");
		return;
	}
	committee_ref(o, a);
	nm_buf_puts(o->b, tr(o, " and "));
	committee_ref(o, b);
	if (!o->cids)
		nm_html_map_finding_link(o->b, o->an, index, o->opts);
	nm_buf_puts(o->b, "<br/><span class=\"why\">");
	{
		nm_buf pct = NM_BUF_INIT;
		percent(o, &pct, ov->shared, uni);
		trf(o, "%u of %u members shared (%s overlap), ", ov->shared, uni, pct.ptr);
		nm_buf_release(&pct);
	}
	if (ov->themes_union == 0)
		nm_buf_puts(o->b, tr(o, "neither has themes"));
	else if (ov->themes_shared == ov->themes_union)
		nm_buf_puts(o->b, tr(o, "same themes"));
	else
		trf(o, "%u of %u themes shared", ov->themes_shared, ov->themes_union);
	nm_buf_puts(o->b, "</span>");
	advice(o, tr(o, ov->cls == NM_CLASS_DUPLICATE
			      ? "Merge them, or give each a distinct mandate and membership."
			      : "Coordinate agendas and dates, or agree who covers what."));
	nm_buf_puts(o->b, "</li>\n");
}

static void overlaps(out *o, nm_class cls, const char *id, const char *title)
{
	const nm_analysis *an = o->an;
	size_t n = nm_analysis_count_class(an, cls), shown = 0;

	if (!n)
		return;
	section(o, id, title, n);
	nm_buf_puts(o->b, "<ul class=\"items\">\n");
	for (size_t i = 0; i < an->noverlaps && shown < cap(o, n); i++) {
		if (an->overlaps[i].cls != cls)
			continue;
		pair_item(o, &an->overlaps[i]);
		shown++;
	}
	nm_buf_puts(o->b, "</ul>\n");
	more(o, shown, n);
	nm_buf_puts(o->b, "</section>\n");
}

static void clusters(out *o)
{
	const nm_analysis *an = o->an;
	size_t shown = cap(o, an->nclusters);

	if (!an->nclusters)
		return;
	section(o, "clusters", "Merge clusters", an->nclusters);
	nm_buf_puts(o->b, "<ol class=\"items\">\n");
	for (size_t i = 0; i < shown; i++) {
		const nm_cluster *c = &an->clusters[i];
		nm_buf_puts(o->b, "<li>");
		trf(o, "%zu groups that duplicate each other: ", c->n);
		for (size_t k = 0; k < c->n; k++) {
			if (k)
				nm_buf_puts(o->b, ", ");
			committee_ref(o, &an->ds->committees[c->committees[k]]);
		}
		nm_buf_puts(o->b, "</li>\n");
	}
	nm_buf_puts(o->b, "</ol>\n");
	more(o, shown, an->nclusters);
	advice(o, tr(o, "One group per cluster is usually enough: merge them into one."));
	nm_buf_puts(o->b, "</section>\n");
}

static void load(out *o)
{
	const nm_analysis *an = o->an;
	size_t n = nm_analysis_count_overloaded(an), shown = 0;
	nm_buf text = NM_BUF_INIT;

	if (!n)
		return;
	section(o, "load", "Overloaded actors", n);
	nm_buf_printf(o->b, "<table>\n<thead><tr><th>%s</th><th class=\"num\">%s</th>"
		      "<th class=\"num\">%s</th></tr></thead>\n<tbody>\n", tr(o, "actor"),
		      tr(o, "committees"), tr(o, "meetings/year"));
	for (size_t i = 0; i < an->nload && shown < cap(o, n); i++) {
		const nm_load *l = &an->load[i];
		if (!l->overloaded)
			continue;
		nm_buf_puts(o->b, "<tr><td>");
		actor_ref(o, &an->ds->actors[l->actor]);
		nm_buf_printf(o->b, "</td><td class=\"num\">%u</td><td class=\"num\">%u</td></tr>\n",
			      l->committees, l->meetings);
		shown++;
	}
	nm_buf_puts(o->b, "</tbody>\n</table>\n");
	more(o, shown, n);
	trfb(o, &text, "More than %u committees each: share seats with partners, or merge the "
		       "groups they sit in twice.", an->settings.max_load);
	advice(o, text.ptr);
	nm_buf_release(&text);
	nm_buf_puts(o->b, "</section>\n");
}

static void review(out *o)
{
	const nm_analysis *an = o->an;
	size_t shown = cap(o, an->nreview);

	if (!an->nreview)
		return;
	section(o, "review", "Groups to review", an->nreview);
	nm_buf_puts(o->b, "<ul class=\"items\">\n");
	for (size_t i = 0; i < shown; i++) {
		const nm_review *r = &an->review[i];
		const nm_committee *c = &an->ds->committees[r->committee];
		nm_buf date = NM_BUF_INIT;

		nm_buf_puts(o->b, "<li>");
		committee_ref(o, c);
		nm_buf_puts(o->b, ": ");
		switch (r->reason) {
		case NM_REVIEW_DORMANT:
			nm_buf_puts(o->b, tr(o, "dormant. Revive it with a mandate, or dissolve it."));
			break;
		case NM_REVIEW_STALE:
			nm_i18n_date(&date, o->opts->lang, c->last_met);
			trf(o, "stale, last met %s (%d days ago). Ask whether it is still needed.",
			    date.ptr, r->days);
			break;
		case NM_REVIEW_OVERDUE_AD_HOC:
			nm_i18n_date(&date, o->opts->lang, c->ends);
			trf(o, "ad-hoc group past its planned end %s (%d days ago). Dissolve it or "
			       "set a new end.", date.ptr, r->days);
			break;
		case NM_REVIEW_LONG_RUNNING_AD_HOC:
			nm_i18n_date(&date, o->opts->lang, c->founded);
			trf(o, "ad-hoc group running since %s (%d days) with no end. Set an end "
			       "date or make it permanent.", date.ptr, r->days);
			break;
		default:
			break;
		}
		nm_buf_puts(o->b, "</li>\n");
		nm_buf_release(&date);
	}
	nm_buf_puts(o->b, "</ul>\n");
	more(o, shown, an->nreview);
	nm_buf_puts(o->b, "</section>\n");
}

/* what: 0 themes, 1 actors, 2 committees. */
static void id_names(out *o, const char *title, const uint32_t *idx, size_t n, int what,
		     const char *advice_en)
{
	const nm_dataset *ds = o->an->ds;
	size_t shown = cap(o, n);

	if (!n)
		return;
	nm_buf_printf(o->b, "<h3>%s <span class=\"count\">(%zu)</span></h3>\n<p>",
		      tr(o, title), n);
	for (size_t i = 0; i < shown; i++) {
		if (i)
			nm_buf_puts(o->b, ", ");
		if (what == 0)
			theme_ref(o, &ds->themes[idx[i]]);
		else if (what == 1)
			actor_ref(o, &ds->actors[idx[i]]);
		else
			committee_ref(o, &ds->committees[idx[i]]);
	}
	nm_buf_puts(o->b, "</p>\n");
	more(o, shown, n);
	advice(o, tr(o, advice_en));
}

static void gaps(out *o)
{
	const nm_analysis *an = o->an;

	if (!(an->nuncovered_themes + an->nisolated_actors + an->nsingle_type_committees))
		return;
	section(o, "gaps", "Gaps", 0);
	id_names(o, "Themes no group works on", an->uncovered_themes, an->nuncovered_themes, 0,
		 "Find a group that could take the theme on, or say why none is needed.");
	id_names(o, "Actors in no group", an->isolated_actors, an->nisolated_actors, 1,
		 "Invite them where their themes are discussed.");
	id_names(o, "Groups of one actor type only", an->single_type_committees,
		 an->nsingle_type_committees, 2,
		 "Open them to other sectors, or link them to a mixed network.");
	nm_buf_puts(o->b, "</section>\n");
}

static void voices(out *o)
{
	const nm_analysis *an = o->an;
	size_t shown = cap(o, an->nmissing_voices);

	if (!an->nmissing_voices)
		return;
	section(o, "voices", "Missing voices", an->nmissing_voices);
	nm_buf_puts(o->b, "<ul class=\"items\">\n");
	for (size_t i = 0; i < shown; i++) {
		const nm_missing_voice *m = &an->missing_voices[i];
		nm_buf_puts(o->b, "<li>");
		theme_ref(o, &an->ds->themes[m->theme]);
		nm_buf_puts(o->b, ": ");
		trf(o, "no %s at the table", nm_i18n_type(o->opts->lang, m->type));
		nm_buf_puts(o->b, "</li>\n");
	}
	nm_buf_puts(o->b, "</ul>\n");
	more(o, shown, an->nmissing_voices);
	advice(o, tr(o, "Invite them on equal footing to the groups on these themes."));
	nm_buf_puts(o->b, "</section>\n");
}

static void coverage(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t shown = cap(o, ds->nthemes);

	if (!ds->nthemes)
		return;
	section(o, "coverage", "Coverage: actors of each type working on each theme", 0);
	nm_buf_printf(o->b, "<table class=\"coverage\">\n<thead><tr><th>%s</th>", tr(o, "theme"));
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		nm_buf_printf(o->b, "<th class=\"type\" scope=\"col\">%s</th>",
			      nm_i18n_type(o->opts->lang, (nm_actor_type)t));
	nm_buf_puts(o->b, "</tr></thead>\n<tbody>\n");
	for (size_t th = 0; th < shown; th++) {
		nm_buf_puts(o->b, "<tr><th scope=\"row\">");
		theme_ref(o, &ds->themes[th]);
		nm_buf_puts(o->b, "</th>");
		for (int t = 0; t < NM_TYPE_COUNT; t++) {
			uint32_t v = an->coverage[th * NM_TYPE_COUNT + (size_t)t];
			if (v)
				nm_buf_printf(o->b, "<td class=\"num\">%u</td>", v);
			else
				nm_buf_puts(o->b, "<td class=\"num zero\">0</td>");
		}
		nm_buf_puts(o->b, "</tr>\n");
	}
	nm_buf_puts(o->b, "</tbody>\n</table>\n");
	more(o, shown, ds->nthemes);
	nm_buf_puts(o->b, "</section>\n");
}

static void duplicates(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t shown = cap(o, an->nduplicate_actors);

	if (!an->nduplicate_actors)
		return;
	section(o, "records", "Possible duplicate records", an->nduplicate_actors);
	nm_buf_puts(o->b, "<ul class=\"items\">\n");
	for (size_t i = 0; i < shown; i++) {
		const nm_duplicate_actor *d = &an->duplicate_actors[i];
		nm_buf_puts(o->b, "<li>");
		actor_ref(o, &ds->actors[d->a]);
		nm_buf_puts(o->b, tr(o, " and "));
		actor_ref(o, &ds->actors[d->b]);
		nm_buf_puts(o->b, "<br/><span class=\"why\">");
		switch (d->reason) {
		case NM_DUP_SAME_NAME:
			nm_buf_puts(o->b, tr(o, "the same name once spelling and legal form are "
					       "set aside"));
			break;
		case NM_DUP_SAME_CONTACT:
			nm_buf_puts(o->b, tr(o, d->by_email ? "the same contact e-mail address"
							    : "the same website"));
			break;
		default:
			trf(o, "similar names (%u%% alike)", (d->similarity + 5) / 10);
			break;
		}
		nm_buf_puts(o->b, "</span></li>\n");
	}
	nm_buf_puts(o->b, "</ul>\n");
	more(o, shown, an->nduplicate_actors);
	advice(o, tr(o, "If they are one organisation, keep one id and move the memberships "
			"to it."));
	nm_buf_puts(o->b, "</section>\n");
}

/* A section whose title comes from the plan's words (report_plan.c). */
static void plan_section(out *o, const char *id, const char *title, size_t count)
{
	nm_buf_printf(o->b, "<section id=\"%s\">\n<h2>", id);
	esc(o, title);
	if (count)
		nm_buf_printf(o->b, " <span class=\"count\">(%zu)</span>", count);
	nm_buf_puts(o->b, "</h2>\n");
}

static void plan_li(out *o, const nm_buf *sentence)
{
	nm_buf_puts(o->b, "<li>");
	esc(o, nm_buf_cstr(sentence));
	nm_buf_puts(o->b, "</li>\n");
}

/*
 * Right after the findings table: coordinators, hints where the data is
 * thin, and the to-do list of merge proposals and invitations (7).
 */
static void plan(out *o)
{
	const nm_analysis *an = o->an;
	nm_lang lang = o->opts->lang;
	nm_buf line = NM_BUF_INIT;
	size_t shown;

	if (an->ncoordinators) {
		nm_plan_coordinators(&line, an, lang);
		nm_buf_puts(o->b, "<p class=\"coordinators\">");
		esc(o, nm_buf_cstr(&line));
		nm_buf_puts(o->b, "</p>\n");
	}
	if (an->nmerge_proposals || an->ninvitations) {
		plan_section(o, "todo", nm_plan_tr(lang, "To do"), 0);
		if (an->nmerge_proposals) {
			shown = cap(o, an->nmerge_proposals);
			nm_buf_puts(o->b, "<h3>");
			esc(o, nm_plan_tr(lang, "Merge proposals: what merging would save"));
			nm_buf_puts(o->b, "</h3>\n<ul class=\"todo\">\n");
			for (size_t i = 0; i < shown; i++) {
				nm_buf_clear(&line);
				nm_plan_merge(&line, an, &an->merge_proposals[i], lang);
				plan_li(o, &line);
			}
			nm_buf_puts(o->b, "</ul>\n");
			more(o, shown, an->nmerge_proposals);
		}
		if (an->ninvitations) {
			shown = cap(o, an->ninvitations);
			nm_buf_puts(o->b, "<h3>");
			esc(o, nm_plan_tr(lang, "Invitations: whom to invite where"));
			nm_buf_puts(o->b, "</h3>\n<ul class=\"todo\">\n");
			for (size_t i = 0; i < shown; i++) {
				nm_buf_clear(&line);
				nm_plan_invitation(&line, an, &an->invitations[i], lang);
				plan_li(o, &line);
			}
			nm_buf_puts(o->b, "</ul>\n");
			more(o, shown, an->ninvitations);
		}
		nm_buf_puts(o->b, "</section>\n");
	}
	if (nm_plan_hint_count(an)) {
		plan_section(o, "thin", nm_plan_tr(lang, "Where the data is thin"), 0);
		nm_buf_puts(o->b, "<ul class=\"items\">\n");
		for (int i = 0; i < NM_PLAN_HINTS; i++) {
			nm_buf_clear(&line);
			if (nm_plan_hint(&line, an, i, lang))
				plan_li(o, &line);
		}
		nm_buf_puts(o->b, "</ul>\n</section>\n");
	}
	nm_buf_release(&line);
}

static void write_page(out *o)
{
	head(o);
	if (o->opts->since)
		nm_diff_write_html(o->b, o->opts->since, o->opts->lang);
	if (!o->cids)
		nm_html_map_trend(o->b, o->an, o->opts);
	headline(o);
	plan(o);
	if (!o->cids)
		nm_html_map_tools(o->b, o->an, o->opts);
	picture(o, NM_GRAPH_OVERLAPS);
	overlaps(o, NM_CLASS_DUPLICATE, "duplicates", "Duplicate groups: candidates for merging");
	clusters(o);
	overlaps(o, NM_CLASS_NESTED, "nested", "Nested groups");
	overlaps(o, NM_CLASS_OVERLAP, "overlaps", "Overlapping groups");
	load(o);
	review(o);
	gaps(o);
	voices(o);
	coverage(o);
	duplicates(o);
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
	out o = {b, an, opts, NULL};

	write_page(&o);
}

void nm_report_html_cid(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts,
			const char *const cids[NM_GRAPH_COUNT])
{
	out o = {b, an, opts, cids};

	write_page(&o);
}
