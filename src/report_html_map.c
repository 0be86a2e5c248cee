/*
 * report_html_map.c: what makes the HTML report a map to explore, beside
 * the sections report_html.c writes:
 *
 * - a Content-Security-Policy that forbids every load from anywhere
 *   (default-src 'none'); the page's one script is allowed by its SHA-256,
 *   computed here over the exact text written; inline style is allowed
 *   ('unsafe-inline' for style only), since pictures and legend carry
 *   style attributes;
 * - a bar with a search box and filters (theme, actor type, district,
 *   finding) and a panel for what was clicked, both hidden until the
 *   script runs: without it the page is the static pictures and lists;
 * - a profile (Steckbrief) per committee: kind, status, themes, lead,
 *   meetings, members grouped by actor type with the missing voices
 *   named, and the findings it is part of, linked to their place;
 * - the data for the script in <script type="application/json">, where
 *   every string is JSON with '<', '>', '&', U+2028 and U+2029 written as
 *   \u escapes: no name can end the block, open a comment or break the
 *   XML the page is written as; the script reads it with JSON.parse and
 *   puts names into the page as text only.
 *
 * The script itself is src/report_html.js, embedded at build time.
 */
#include "report_html_map.h"

#include "netmap/escape.h"
#include "netmap/graph.h"
#include "netmap/trend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <utf8proc.h>

#define OPEN_PROFILES 60 /* up to this many committees, profiles are open */

static const nm_msg msgs[] = {
	{"Explore the map", "Karte erkunden"},
	{"Search", "Suche"},
	{"name or id", "Name oder id"},
	{"Theme", "Thema"},
	{"Actor type", "Akteurstyp"},
	{"District", "Stadtteil"},
	{"Finding", "Befund"},
	{"all", "alle"},
	{"Click a committee or an actor in the pictures to see its members, committees and "
	 "overlaps; drag to move a picture, +/− to zoom.",
	 "Klicken Sie in den Bildern auf ein Gremium oder einen Akteur, um Mitglieder, Gremien "
	 "und Überschneidungen zu sehen; ziehen verschiebt ein Bild, +/− zoomt."},
	{"Committee profiles", "Steckbriefe der Gremien"},
	{"Each committee's members are in its profile below; click a committee in the network "
	 "to see its own map.",
	 "Die Mitglieder jedes Gremiums stehen in seinem Steckbrief; klicken Sie im Netz auf ein "
	 "Gremium, um seine eigene Karte zu sehen."},
	{"kind", "Art"},
	{"status", "Status"},
	{"themes", "Themen"},
	{"lead", "Federführung"},
	{"meetings", "Sitzungen"},
	{"district", "Stadtteil"},
	{"founded", "gegründet"},
	{"ends", "endet"},
	{"none", "keine"},
	{"ad hoc", "ad hoc"},
	{"active", "aktiv"},
	{"dormant", "ruhend"},
	{"dissolved", "aufgelöst"},
	{"weekly", "wöchentlich"},
	{"every two weeks", "alle zwei Wochen"},
	{"monthly", "monatlich"},
	{"quarterly", "vierteljährlich"},
	{"twice a year", "halbjährlich"},
	{"yearly", "jährlich"},
	{"irregularly", "unregelmäßig"},
	{"not given", "nicht angegeben"},
	{"%u a year", "%u im Jahr"},
	{"last met %s", "zuletzt getagt am %s"},
	{"Members (%u)", "Mitglieder (%u)"},
	{"No members.", "Keine Mitglieder."},
	{"Voices missing at this table: ", "Es fehlen am Tisch: "},
	{"Findings", "Befunde"},
	{"No finding names this committee.", "Kein Befund nennt dieses Gremium."},
	{"duplicates ", "doppelt mit "},
	{"sits inside ", "liegt in "},
	{"contains ", "enthält "},
	{"overlaps with ", "überschneidet sich mit "},
	{"in a merge cluster of %zu groups", "in einem Zusammenlegungs-Cluster aus %zu Gremien"},
	{"to review: ", "zu prüfen: "},
	{"dormant", "ruht"},
	{"stale", "eingeschlafen"},
	{"ad-hoc group past its planned end", "Ad-hoc-Gremium über sein geplantes Ende hinaus"},
	{"ad-hoc group with no end", "Ad-hoc-Gremium ohne Ende"},
	{"only one actor type: %s", "nur ein Akteurstyp: %s"},
	{"Show in the network", "Im Netz zeigen"},
	{"map", "Karte"},
	{"Show this pair in the network", "Dieses Paar im Netz zeigen"},
	{" (chair)", " (Vorsitz)"},
	{" (lead)", " (Federführung)"},
	{" (guest)", " (Gast)"},
	{"How the network changed", "Wie sich das Netz verändert hat"},
	{"The last %zu snapshots of the store, oldest on the left; hover a point for its "
	 "snapshot and date.",
	 "Die letzten %zu Snapshots des Speichers, der älteste links; zeigen Sie auf einen "
	 "Punkt für Snapshot und Datum."},
	{"The last %zu snapshots of the store, oldest on the left.",
	 "Die letzten %zu Snapshots des Speichers, der älteste links."},
	{"duplicate pairs", "doppelte Paare"},
	{"overloaded actors", "überlastete Akteure"},
	{"missing voices", "fehlende Stimmen"},
	{"active or dormant committees", "aktive oder ruhende Gremien"},
	{"snapshot %lld, %s: %zu", "Snapshot %lld, %s: %zu"},
	{"History", "Verlauf"},
	{"snapshot %lld (%s): ", "Snapshot %lld (%s): "},
	{"not yet there", "noch nicht da"},
	{"%d members", "%d Mitglieder"},
	/* words of the script */
	{"members", "Mitglieder"},
	{"Overlapping groups", "Überschneidungen"},
	{"duplicate", "doppelt"},
	{"nested", "verschachtelt"},
	{"overlap", "Überschneidung"},
	{"shared", "gemeinsam"},
	{"finding", "Befund"},
	{"profile", "Steckbrief"},
	{"load", "Belastung"},
	{"committees", "Gremien"},
	{"meetings/year", "Sitzungen/Jahr"},
	{"overloaded", "überlastet"},
	{"nothing found", "nichts gefunden"},
	{"zoom in", "vergrößern"},
	{"zoom out", "verkleinern"},
	{"whole picture", "ganzes Bild"},
	{"close", "schließen"},
	{"to review", "zu prüfen"},
	{"single-type group", "nur ein Akteurstyp"},
	{"overloaded members", "überlastete Mitglieder"},
};

#define tr(lang, en) NM_TR(msgs, (lang), (en))

const char nm_html_map_css[] =
	"#nm-tools{margin:1rem 0;padding:.6rem .8rem;background:#f4f6f8;border-radius:6px}\n"
	"#nm-tools label{display:inline-block;margin:.2rem 1rem .2rem 0;font-size:.9rem}\n"
	"#nm-tools input,#nm-tools select{font:inherit;font-size:.9rem;padding:.15rem .3rem;"
	"max-width:14rem}\n"
	"#nm-results{list-style:none;padding:0;margin:.3rem 0}\n"
	"#nm-results li,#nm-panel{overflow-wrap:anywhere}\n"
	"#nm-count{color:var(--muted);font-size:.85rem}\n"
	".hint{color:var(--muted);font-size:.85rem;margin:.3rem 0 0}\n"
	"#nm-panel{position:fixed;right:1rem;bottom:1rem;width:24rem;max-width:calc(100% - 2rem);"
	"max-height:55vh;overflow:auto;background:#fff;border:1px solid var(--rule);"
	"border-radius:8px;box-shadow:0 4px 18px rgba(0,0,0,.18);padding:.6rem .9rem;z-index:10}\n"
	"#nm-panel h3{margin:.2rem 1.5rem .3rem 0}\n"
	"#nm-panel .close{position:absolute;right:.4rem;top:.3rem;border:0;background:none;"
	"font-size:1.3rem;cursor:pointer}\n"
	"ul.plain{list-style:none;padding:0;margin:.2rem 0}\n"
	"button.link{border:0;background:none;padding:0;color:#0b57d0;cursor:pointer;font:inherit;"
	"text-align:left;text-decoration:underline}\n"
	".zoom{text-align:right}\n"
	".zoom button{font:inherit;min-width:2rem;margin-left:.2rem;text-decoration:none;"
	"border:1px solid var(--rule);border-radius:4px;text-align:center;color:var(--ink)}\n"
	"svg.net{touch-action:none;cursor:grab}\n"
	"svg.net .node{cursor:pointer}\n"
	"svg.net.focus .node,svg.net.focus .edge,svg.net.focus .mem,svg.net.focus .label{"
	"opacity:.22}\n"
	"svg.net.focus .node.sel,svg.net.focus .node.nb,svg.net.focus .edge.sel,"
	"svg.net.focus .mem.sel,svg.net.focus .label.sel,svg.net.focus .label.nb{opacity:1}\n"
	"svg.net .node.sel circle,svg.net .node.sel rect{stroke:#000;stroke-width:3}\n"
	"svg.net .node.nb circle,svg.net .node.nb rect{stroke:#0b57d0;stroke-width:2.5}\n"
	"svg.net .mem.sel{stroke:#0b57d0;stroke-width:2.5}\n"
	"svg.net .node.match circle,svg.net .node.match rect{stroke:#e37400;stroke-width:3}\n"
	"svg.net .off{opacity:.12}\n"
	"svg.mini{width:100%;height:auto;font-size:11px}\n"
	"svg.mini rect.mc{fill:#eeeeee;stroke:#333}\n"
	"svg.mini line{stroke:#999}\n"
	"svg.mini text.voice{fill:#2e7d32}\n"
	"details.profile{border-bottom:1px solid var(--rule);padding:.3rem 0}\n"
	"details.profile summary{cursor:pointer}\n"
	"details.profile dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;"
	"margin:.4rem 0}\n"
	"details.profile dt{color:var(--muted)}\n"
	"details.profile dd{margin:0}\n"
	"details.profile h4{margin:.5rem 0 .2rem;font-size:.95rem}\n"
	".missing{color:#a50e0e}\n"
	"strong,bdi{unicode-bidi:isolate}\n"
	"a.pick,a.pick-a{color:inherit;text-decoration:none;border-bottom:1px dotted #8a8f98}\n"
	"a.pick:hover,a.pick-a:hover{border-bottom-color:#0b57d0}\n"
	"@media (max-width:40rem){table{display:block;overflow-x:auto;max-width:100%}"
	"#nm-panel{right:.5rem;left:.5rem;width:auto;max-width:none;bottom:.5rem}}\n"
	"@media print{#nm-tools,#nm-panel,.zoom{display:none}}\n";

/* ---- Content-Security-Policy ---- */

/* The <script> element's text, exactly as written (its hash is in the CSP). */
static void script_text(nm_buf *b)
{
	nm_buf_puts(b, "\n//<![CDATA[\n");
	nm_buf_put(b, nm_html_script, nm_html_script_len);
	nm_buf_puts(b, "\n//]]>\n");
}

void nm_html_map_csp(nm_buf *b)
{
	nm_buf text = NM_BUF_INIT;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned char b64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
	unsigned int mdlen = 0;

	script_text(&text);
	if (EVP_Digest(text.ptr, text.len, md, &mdlen, EVP_sha256(), NULL) != 1)
		mdlen = 0;
	EVP_EncodeBlock(b64, md, (int)mdlen);
	nm_buf_printf(b,
		      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
		      "'none'; script-src 'sha256-%s'; style-src 'unsafe-inline'; img-src data:; "
		      "base-uri 'none'; form-action 'none'\"/>\n",
		      mdlen ? (const char *)b64 : "none");
	nm_buf_release(&text);
}

/* ---- JSON for the script ---- */

/* A JSON string that can stand anywhere in HTML or XML text. */
static void jstr(nm_buf *b, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");

	nm_buf_putc(b, '"');
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);

		if (n <= 0) {
			nm_buf_puts(b, "\\ufffd");
			p++;
			continue;
		}
		if (cp == '"' || cp == '\\')
			nm_buf_printf(b, "\\%c", (char)cp);
		else if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cp == 0x7F ||
			 (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
			nm_buf_printf(b, "\\u%04x", (unsigned)cp);
		else
			nm_buf_put(b, (const char *)p, (size_t)n);
		p += n;
	}
	nm_buf_putc(b, '"');
}

static void jkey(nm_buf *b, const char *key, const char *value)
{
	nm_buf_printf(b, "\"%s\":", key);
	jstr(b, value);
}

static const char *const class_keys[NM_CLASS_COUNT] = {"dup", "nest", "ovl"};

/* Finding classes a committee is part of, as the script's filter keys. */
/*
 * Where each committee's memberships start: memberships are sorted by
 * committee (model.c), so committee c holds [run[c], run[c + 1]). One pass
 * instead of a scan of every membership for every committee.
 */
static size_t *membership_runs(const nm_dataset *ds)
{
	size_t *run = nm_xcalloc(ds->ncommittees + 1, sizeof(*run));

	for (size_t m = 0; m < ds->nmemberships; m++)
		run[ds->memberships[m].committee + 1]++;
	for (size_t c = 0; c < ds->ncommittees; c++)
		run[c + 1] += run[c];
	return run;
}

static void committee_findings(nm_buf *b, const nm_analysis *an, uint32_t c, const bool *over,
			       const size_t *run)
{
	const nm_dataset *ds = an->ds;
	bool cls[NM_CLASS_COUNT] = {false, false, false};
	bool first = true;

	for (size_t i = 0; i < an->noverlaps; i++)
		if (an->overlaps[i].a == c || an->overlaps[i].b == c)
			cls[an->overlaps[i].cls] = true;
	nm_buf_puts(b, "[");
	for (int k = 0; k < NM_CLASS_COUNT; k++)
		if (cls[k]) {
			nm_buf_printf(b, "%s\"%s\"", first ? "" : ",", class_keys[k]);
			first = false;
		}
	for (size_t i = 0; i < an->nreview; i++)
		if (an->review[i].committee == c) {
			nm_buf_printf(b, "%s\"review\"", first ? "" : ",");
			first = false;
			break;
		}
	for (size_t i = 0; i < an->nsingle_type_committees; i++)
		if (an->single_type_committees[i] == c) {
			nm_buf_printf(b, "%s\"single\"", first ? "" : ",");
			first = false;
			break;
		}
	for (size_t m = run[c]; m < run[c + 1]; m++)
		if (over[ds->memberships[m].actor]) {
			nm_buf_printf(b, "%s\"over\"", first ? "" : ",");
			break;
		}
	nm_buf_puts(b, "]");
}

static const char *status_word(nm_lang lang, nm_status s)
{
	return s == NM_STATUS_ACTIVE    ? tr(lang, "active")
	       : s == NM_STATUS_DORMANT ? tr(lang, "dormant")
					: tr(lang, "dissolved");
}

static void data_block(nm_buf *b, const nm_analysis *an, nm_lang lang)
{
	const nm_dataset *ds = an->ds;
	bool *over = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*over));
	uint32_t *meetings = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*meetings));
	size_t *run = membership_runs(ds);
	static const char *const words[][2] = {
		{"members", "members"},
		{"themes", "themes"},
		{"overlaps", "Overlapping groups"},
		{"dup", "duplicate"},
		{"nest", "nested"},
		{"ovl", "overlap"},
		{"shared", "shared"},
		{"finding", "finding"},
		{"profile", "profile"},
		{"load", "load"},
		{"committees", "committees"},
		{"meetings", "meetings/year"},
		{"overloaded", "overloaded"},
		{"nothing", "nothing found"},
		{"zoomin", "zoom in"},
		{"zoomout", "zoom out"},
		{"reset", "whole picture"},
		{"close", "close"},
		{"review", "to review"},
		{"single", "single-type group"},
		{"over", "overloaded members"},
	};

	for (size_t i = 0; i < an->nload; i++) {
		over[an->load[i].actor] = an->load[i].overloaded;
		meetings[an->load[i].actor] = an->load[i].meetings;
	}
	nm_buf_puts(b, "<script type=\"application/json\" id=\"nm-data\">{\"w\":{");
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (i)
			nm_buf_putc(b, ',');
		jkey(b, words[i][0], tr(lang, words[i][1]));
	}
	nm_buf_puts(b, "},\n\"t\":[");
	for (size_t t = 0; t < ds->nthemes; t++) {
		if (t)
			nm_buf_putc(b, ',');
		jstr(b, ds->themes[t].label ? ds->themes[t].label : ds->themes[t].id);
	}
	nm_buf_puts(b, "],\n\"y\":[");
	for (int t = 0; t < NM_TYPE_COUNT; t++) {
		if (t)
			nm_buf_putc(b, ',');
		jstr(b, nm_i18n_type(lang, (nm_actor_type)t));
	}
	nm_buf_puts(b, "],\n\"v\":[");
	for (int t = 0, first = 1; t < NM_TYPE_COUNT; t++)
		if (an->settings.voices & (1u << t)) {
			nm_buf_printf(b, "%s%d", first ? "" : ",", t);
			first = 0;
		}
	nm_buf_puts(
		b,
		"],\n\"fc\":[\"dup\",\"nest\",\"ovl\",\"review\",\"single\",\"over\"],\n\"c\":[");
	for (size_t c = 0; c < ds->ncommittees; c++) {
		const nm_committee *cm = &ds->committees[c];
		bool first = true;

		nm_buf_puts(b, c ? ",\n{" : "\n{");
		jkey(b, "n", cm->name);
		nm_buf_putc(b, ',');
		jkey(b, "id", cm->id);
		nm_buf_putc(b, ',');
		jkey(b, "k", nm_i18n_kind(lang, cm->kind));
		nm_buf_putc(b, ',');
		jkey(b, "s", status_word(lang, cm->status));
		nm_buf_putc(b, ',');
		jkey(b, "d", cm->district ? cm->district : "");
		nm_buf_puts(b, ",\"t\":[");
		for (size_t t = 0; t < cm->nthemes; t++)
			nm_buf_printf(b, "%s%u", t ? "," : "", cm->themes[t]);
		nm_buf_puts(b, "],\"m\":[");
		if (cm->status != NM_STATUS_DISSOLVED)
			for (size_t m = run[c]; m < run[c + 1]; m++) {
				nm_buf_printf(b, "%s%u", first ? "" : ",",
					      ds->memberships[m].actor);
				first = false;
			}
		nm_buf_puts(b, "],\"f\":");
		committee_findings(b, an, (uint32_t)c, over, run);
		nm_buf_puts(b, cm->status == NM_STATUS_DISSOLVED ? ",\"x\":1}" : "}");
	}
	nm_buf_puts(b, "],\n\"a\":[");
	for (size_t a = 0; a < ds->nactors; a++) {
		const nm_actor *ac = &ds->actors[a];

		nm_buf_puts(b, a ? ",\n{" : "\n{");
		jkey(b, "n", ac->name);
		nm_buf_putc(b, ',');
		jkey(b, "id", ac->id);
		nm_buf_putc(b, ',');
		jkey(b, "d", ac->district ? ac->district : "");
		nm_buf_printf(b, ",\"y\":%d,\"l\":%u,\"o\":%d}", (int)ac->type, meetings[a],
			      over[a] ? 1 : 0);
	}
	nm_buf_puts(b, "],\n\"o\":[");
	for (size_t i = 0; i < an->noverlaps; i++) {
		const nm_overlap *ov = &an->overlaps[i];
		nm_buf_printf(b, "%s{\"a\":%u,\"b\":%u,\"cls\":\"%s\",\"s\":%u}", i ? ",\n" : "\n",
			      ov->a, ov->b, class_keys[ov->cls], ov->shared);
	}
	nm_buf_puts(b, "]}</script>\n");
	free(over);
	free(meetings);
	free(run);
}

void nm_html_map_script(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	data_block(b, an, opts->lang);
	nm_buf_puts(b, "<script>");
	script_text(b);
	nm_buf_puts(b, "</script>\n");
}

/* ---- the bar and the panel ---- */

static void select_box(nm_buf *b, const char *id, const char *label, nm_lang lang)
{
	nm_buf_printf(b,
		      "<label>%s <select id=\"nm-f-%s\"><option value=\"\">%s</option>"
		      "</select></label>\n",
		      tr(lang, label), id, tr(lang, "all"));
}

void nm_html_map_tools(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	nm_lang lang = opts->lang;

	(void)an;
	nm_buf_printf(b,
		      "<div id=\"nm-tools\" hidden=\"hidden\" role=\"search\">\n"
		      "<label>%s <input type=\"search\" id=\"nm-search\" placeholder=\"%s\" "
		      "autocomplete=\"off\"/></label>\n",
		      tr(lang, "Search"), tr(lang, "name or id"));
	select_box(b, "theme", "Theme", lang);
	select_box(b, "type", "Actor type", lang);
	select_box(b, "district", "District", lang);
	select_box(b, "finding", "Finding", lang);
	nm_buf_printf(b,
		      "<span id=\"nm-count\"></span>\n<ul id=\"nm-results\"></ul>\n"
		      "<p class=\"hint\">%s</p>\n</div>\n"
		      "<aside id=\"nm-panel\" hidden=\"hidden\" aria-live=\"polite\"></aside>\n",
		      tr(lang, "Click a committee or an actor in the pictures to see its members, "
			       "committees and overlaps; drag to move a picture, +/− to zoom."));
}

void nm_html_map_finding_link(nm_buf *b, const nm_analysis *an, size_t i,
			      const nm_report_opts *opts)
{
	(void)an;
	nm_buf_printf(b, " <a class=\"tomap\" href=\"#e-%zu\" data-o=\"%zu\" title=\"%s\">→ %s</a>",
		      i, i, tr(opts->lang, "Show this pair in the network"), tr(opts->lang, "map"));
}

void nm_html_map_members_hint(nm_buf *b, const nm_report_opts *opts)
{
	nm_buf_printf(b, "<p class=\"notice\">%s</p>\n",
		      tr(opts->lang, "Each committee's members are in its profile below; click a "
				     "committee in the network to see its own map."));
}

/* ---- how the network changed ---- */

static size_t trend_value(const nm_trend_point *p, int series)
{
	return series == 0   ? p->committees
	       : series == 1 ? p->duplicates
	       : series == 2 ? p->overloaded
			     : p->missing_voices;
}

/* One panel of the chart: a line of one number across the snapshots. */
static void trend_panel(nm_buf *b, const nm_trend *t, int series, double x0, double y0,
			nm_lang lang)
{
	static const char *const titles[] = {"active or dormant committees", "duplicate pairs",
					     "overloaded actors", "missing voices"};
	static const char *const colours[] = {"#1d1d1f", "#d62728", "#e37400", "#2e7d32"};
	size_t lo = (size_t)-1, hi = 0;
	double w = 230, h = 48, top = y0 + 26;

	for (size_t i = 0; i < t->n; i++) {
		size_t v = trend_value(&t->points[i], series);
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	nm_buf_printf(b,
		      "<g class=\"panel\"><text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" "
		      "font-weight=\"bold\">%s</text>\n",
		      x0, y0 + 14, tr(lang, titles[series]));
	nm_buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
		      colours[series]);
	for (size_t i = 0; i < t->n; i++) {
		size_t v = trend_value(&t->points[i], series);
		double x = x0 + 20 + w * (double)i / (double)(t->n - 1);
		double y = hi == lo ? top + h / 2
				    : top + h - h * (double)(v - lo) / (double)(hi - lo);
		nm_buf_printf(b, "%s%.1f,%.1f", i ? " " : "", x, y);
	}
	nm_buf_puts(b, "\"/>\n");
	for (size_t i = 0; i < t->n; i++) {
		const nm_trend_point *p = &t->points[i];
		size_t v = trend_value(p, series);
		double x = x0 + 20 + w * (double)i / (double)(t->n - 1);
		double y = hi == lo ? top + h / 2
				    : top + h - h * (double)(v - lo) / (double)(hi - lo);
		nm_i18n_str date = nm_i18n_date_str(lang, p->today);

		nm_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>", x,
			      y, colours[series]);
		nm_buf_printf(b, tr(lang, "snapshot %lld, %s: %zu"), (long long)p->snapshot, date.s,
			      v);
		nm_buf_puts(b, "</title></circle>\n");
		if (i == 0 || i + 1 == t->n)
			nm_buf_printf(b,
				      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
				      "text-anchor=\"%s\">%zu</text>\n",
				      i ? x + 6 : x - 6, y + 4, i ? "start" : "end", v);
	}
	{
		nm_i18n_str a = nm_i18n_date_str(lang, t->points[0].today);
		nm_i18n_str z = nm_i18n_date_str(lang, t->points[t->n - 1].today);
		nm_buf_printf(
			b,
			"<text x=\"%.0f\" y=\"%.0f\" font-size=\"10\" fill=\"#5f6368\">%s"
			"</text><text x=\"%.0f\" y=\"%.0f\" font-size=\"10\" fill=\"#5f6368\" "
			"text-anchor=\"end\">%s</text></g>\n",
			x0 + 20, top + h + 16, a.s, x0 + 20 + w, top + h + 16, z.s);
	}
}

void nm_html_map_trend(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	const nm_trend *t = opts->trend;

	(void)an;
	if (!t || t->n < 2)
		return;
	nm_buf_printf(b, "<section id=\"trend\">\n<h2>%s</h2>\n<figure>\n",
		      tr(opts->lang, "How the network changed"));
	nm_buf_printf(b,
		      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"trend-chart\" "
		      "viewBox=\"0 0 580 220\" width=\"580\" height=\"220\" role=\"img\" "
		      "aria-label=\"%s\" font-family=\"Arial,Helvetica,'Liberation Sans',"
		      "sans-serif\">\n",
		      tr(opts->lang, "How the network changed"));
	for (int s = 0; s < 4; s++) {
		int row = s >= 2 ? 1 : 0;
		trend_panel(b, t, s, (double)(s % 2) * 290.0, row * 110.0, opts->lang);
	}
	nm_buf_puts(b, "</svg>\n<figcaption>");
	nm_buf_printf(b,
		      tr(opts->lang, "The last %zu snapshots of the store, oldest on the left; "
				     "hover a point for its snapshot and date."),
		      t->n);
	nm_buf_puts(b, "</figcaption>\n</figure>\n</section>\n");
}

void nm_html_map_trend_img(nm_buf *b, const char *cid, const nm_report_opts *opts)
{
	nm_buf_printf(b, "<section id=\"trend\">\n<h2>%s</h2>\n<figure>\n<img src=\"cid:",
		      tr(opts->lang, "How the network changed"));
	nm_escape_xml(b, cid);
	nm_buf_printf(b, "\" alt=\"%s\"/>\n<figcaption>",
		      tr(opts->lang, "How the network changed"));
	nm_buf_printf(b, tr(opts->lang, "The last %zu snapshots of the store, oldest on the left."),
		      opts->trend ? opts->trend->n : 0);
	nm_buf_puts(b, "</figcaption>\n</figure>\n</section>\n");
}

/* A committee's members in each snapshot of the trend. */
static void profile_history(nm_buf *b, const nm_trend *t, size_t c, nm_lang lang)
{
	if (!t || t->n < 2)
		return;
	nm_buf_printf(b, "<h4>%s</h4>\n<p class=\"history\">", tr(lang, "History"));
	for (size_t i = 0; i < t->n; i++) {
		const nm_trend_point *p = &t->points[i];
		nm_i18n_str date = nm_i18n_date_str(lang, p->today);

		if (i)
			nm_buf_puts(b, "; ");
		nm_buf_printf(b, tr(lang, "snapshot %lld (%s): "), (long long)p->snapshot, date.s);
		if (p->members[c] == -1)
			nm_buf_puts(b, tr(lang, "not yet there"));
		else if (p->members[c] == -2)
			nm_buf_puts(b, tr(lang, "dissolved"));
		else
			nm_buf_printf(b, tr(lang, "%d members"), (int)p->members[c]);
	}
	nm_buf_puts(b, "</p>\n");
}

/* ---- profiles ---- */

static void name_id(nm_buf *b, const char *name, const char *id)
{
	nm_buf_puts(b, "<bdi>");
	nm_escape_xml(b, name);
	nm_buf_puts(b, "</bdi> <span class=\"id\">(");
	nm_escape_xml(b, id);
	nm_buf_puts(b, ")</span>");
}

static const char *freq_word(nm_lang lang, nm_freq f)
{
	static const char *const words[NM_FREQ_COUNT + 1] = {
		"weekly",       "every two weeks", "monthly",     "quarterly",
		"twice a year", "yearly",          "irregularly", "not given",
	};
	return tr(lang, words[f <= NM_FREQ_COUNT ? f : NM_FREQ_COUNT]);
}

static void profile_facts(nm_buf *b, const nm_analysis *an, const nm_committee *cm, nm_lang lang)
{
	const nm_dataset *ds = an->ds;

	nm_buf_printf(b, "<dl>\n<dt>%s</dt><dd>%s%s%s</dd>\n", tr(lang, "kind"),
		      nm_i18n_kind(lang, cm->kind), cm->ad_hoc ? ", " : "",
		      cm->ad_hoc ? tr(lang, "ad hoc") : "");
	nm_buf_printf(b, "<dt>%s</dt><dd>%s</dd>\n", tr(lang, "status"),
		      status_word(lang, cm->status));
	nm_buf_printf(b, "<dt>%s</dt><dd>", tr(lang, "themes"));
	if (!cm->nthemes)
		nm_buf_puts(b, tr(lang, "none"));
	for (size_t t = 0; t < cm->nthemes; t++) {
		const nm_theme *th = &ds->themes[cm->themes[t]];
		if (t)
			nm_buf_puts(b, ", ");
		nm_escape_xml(b, th->label ? th->label : th->id);
	}
	nm_buf_printf(b, "</dd>\n<dt>%s</dt><dd>", tr(lang, "lead"));
	if (cm->lead != NM_NONE)
		name_id(b, ds->actors[cm->lead].name, ds->actors[cm->lead].id);
	else
		nm_buf_puts(b, tr(lang, "none"));
	nm_buf_printf(b, "</dd>\n<dt>%s</dt><dd>%s", tr(lang, "meetings"),
		      freq_word(lang, cm->meets));
	if (cm->meets < NM_FREQ_IRREGULAR) {
		nm_buf_puts(b, " (");
		nm_buf_printf(b, tr(lang, "%u a year"), nm_freq_meetings[cm->meets]);
		nm_buf_puts(b, ")");
	}
	if (cm->last_met != NM_DATE_NONE) {
		nm_buf date = NM_BUF_INIT;
		nm_i18n_date(&date, lang, cm->last_met);
		nm_buf_puts(b, ", ");
		nm_buf_printf(b, tr(lang, "last met %s"), nm_buf_cstr(&date));
		nm_buf_release(&date);
	}
	nm_buf_puts(b, "</dd>\n");
	if (cm->district) {
		nm_buf_printf(b, "<dt>%s</dt><dd>", tr(lang, "district"));
		nm_escape_xml(b, cm->district);
		nm_buf_puts(b, "</dd>\n");
	}
	if (cm->founded != NM_DATE_NONE) {
		nm_buf_printf(b, "<dt>%s</dt><dd>", tr(lang, "founded"));
		nm_i18n_date(b, lang, cm->founded);
		nm_buf_puts(b, "</dd>\n");
	}
	if (cm->ends != NM_DATE_NONE) {
		nm_buf_printf(b, "<dt>%s</dt><dd>", tr(lang, "ends"));
		nm_i18n_date(b, lang, cm->ends);
		nm_buf_puts(b, "</dd>\n");
	}
	nm_buf_puts(b, "</dl>\n");
}

static void profile_members(nm_buf *b, const nm_analysis *an, uint32_t c, nm_lang lang)
{
	const nm_dataset *ds = an->ds;
	uint32_t per_type[NM_TYPE_COUNT] = {0};
	bool missing = false;
	size_t lo = 0;

	/* memberships are sorted by committee: find the run of c by halving */
	for (size_t hi = ds->nmemberships; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;

		if (ds->memberships[mid].committee < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t m = lo; m < ds->nmemberships && ds->memberships[m].committee == c; m++)
		per_type[ds->actors[ds->memberships[m].actor].type]++;
	nm_buf_puts(b, "<h4>");
	nm_buf_printf(b, tr(lang, "Members (%u)"), an->member_count[c]);
	nm_buf_puts(b, "</h4>\n");
	if (!an->member_count[c])
		nm_buf_printf(b, "<p>%s</p>\n", tr(lang, "No members."));
	else
		nm_buf_puts(b, "<ul class=\"bytype\">\n");
	for (int t = 0; t < NM_TYPE_COUNT && an->member_count[c]; t++) {
		bool first = true;

		if (!per_type[t])
			continue;
		nm_buf_printf(b, "<li><span class=\"why\">%s (%u):</span> ",
			      nm_i18n_type(lang, (nm_actor_type)t), per_type[t]);
		for (size_t m = lo; m < ds->nmemberships && ds->memberships[m].committee == c;
		     m++) {
			const nm_membership *ms = &ds->memberships[m];
			const nm_actor *a = &ds->actors[ms->actor];
			if ((int)a->type != t)
				continue;
			if (!first)
				nm_buf_puts(b, ", ");
			first = false;
			nm_buf_puts(b, "<bdi>");
			nm_escape_xml(b, a->name);
			nm_buf_puts(b, "</bdi>");
			if (ms->role == NM_ROLE_CHAIR)
				nm_buf_puts(b, tr(lang, " (chair)"));
			else if (ms->role == NM_ROLE_LEAD)
				nm_buf_puts(b, tr(lang, " (lead)"));
			else if (ms->role == NM_ROLE_GUEST)
				nm_buf_puts(b, tr(lang, " (guest)"));
		}
		nm_buf_puts(b, "</li>\n");
	}
	if (an->member_count[c])
		nm_buf_puts(b, "</ul>\n");
	/* the voices the analysis looks for that are not among the members */
	for (int t = 0; t < NM_TYPE_COUNT; t++) {
		if (!(an->settings.voices & (1u << t)) || per_type[t])
			continue;
		nm_buf_puts(b, missing ? ", " : "<p class=\"missing\">");
		if (!missing)
			nm_buf_puts(b, tr(lang, "Voices missing at this table: "));
		nm_buf_puts(b, nm_i18n_type(lang, (nm_actor_type)t));
		missing = true;
	}
	if (missing)
		nm_buf_puts(b, "</p>\n");
}

static const char *review_word(nm_lang lang, nm_review_reason r)
{
	switch (r) {
	case NM_REVIEW_DORMANT:
		return tr(lang, "dormant");
	case NM_REVIEW_STALE:
		return tr(lang, "stale");
	case NM_REVIEW_OVERDUE_AD_HOC:
		return tr(lang, "ad-hoc group past its planned end");
	default:
		return tr(lang, "ad-hoc group with no end");
	}
}

static void profile_findings(nm_buf *b, const nm_analysis *an, uint32_t c, nm_lang lang)
{
	const nm_dataset *ds = an->ds;
	size_t n = 0;

	nm_buf_printf(b, "<h4>%s</h4>\n<ul class=\"plain\">\n", tr(lang, "Findings"));
	for (size_t i = 0; i < an->noverlaps; i++) {
		const nm_overlap *ov = &an->overlaps[i];
		uint32_t other;
		const char *what;

		if (ov->a != c && ov->b != c)
			continue;
		other = ov->a == c ? ov->b : ov->a;
		if (ov->cls == NM_CLASS_DUPLICATE)
			what = "duplicates ";
		else if (ov->cls == NM_CLASS_NESTED)
			what = ov->inside == c ? "sits inside " : "contains ";
		else
			what = "overlaps with ";
		nm_buf_printf(b, "<li class=\"%s\"><a href=\"#f-%zu\">%s", class_keys[ov->cls], i,
			      tr(lang, what));
		name_id(b, ds->committees[other].name, ds->committees[other].id);
		nm_buf_puts(b, "</a></li>\n");
		n++;
	}
	for (size_t k = 0; k < an->nclusters; k++)
		for (size_t j = 0; j < an->clusters[k].n; j++)
			if (an->clusters[k].committees[j] == c) {
				nm_buf_puts(b, "<li><a href=\"#clusters\">");
				nm_buf_printf(b, tr(lang, "in a merge cluster of %zu groups"),
					      an->clusters[k].n);
				nm_buf_puts(b, "</a></li>\n");
				n++;
			}
	for (size_t i = 0; i < an->nreview; i++)
		if (an->review[i].committee == c) {
			nm_buf_printf(b, "<li><a href=\"#review\">%s%s</a></li>\n",
				      tr(lang, "to review: "),
				      review_word(lang, an->review[i].reason));
			n++;
		}
	for (size_t i = 0; i < an->nsingle_type_committees; i++)
		if (an->single_type_committees[i] == c) {
			nm_buf_puts(b, "<li><a href=\"#gaps\">");
			nm_buf_printf(b, tr(lang, "only one actor type: %s"),
				      nm_i18n_type(lang, an->single_types[i]));
			nm_buf_puts(b, "</a></li>\n");
			n++;
		}
	if (!n)
		nm_buf_printf(b, "<li class=\"why\">%s</li>\n",
			      tr(lang, "No finding names this committee."));
	nm_buf_puts(b, "</ul>\n");
}

void nm_html_map_profiles(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	const nm_dataset *ds = an->ds;
	nm_lang lang = opts->lang;
	bool open = an->analysed_committees <= OPEN_PROFILES;
	bool all_drawn = nm_graph_drawn(an, NM_GRAPH_OVERLAPS) == an->analysed_committees;

	if (!an->analysed_committees)
		return;
	nm_buf_printf(b,
		      "<section id=\"profiles\">\n<h2>%s <span class=\"count\">(%zu)</span>"
		      "</h2>\n",
		      tr(lang, "Committee profiles"), an->analysed_committees);
	for (size_t c = 0; c < ds->ncommittees; c++) {
		const nm_committee *cm = &ds->committees[c];

		if (cm->status == NM_STATUS_DISSOLVED)
			continue;
		nm_buf_printf(b, "<details class=\"profile\" id=\"p-%zu\"%s><summary><strong>", c,
			      open ? " open=\"open\"" : "");
		nm_escape_xml(b, cm->name);
		nm_buf_puts(b, "</strong> <span class=\"id\">(");
		nm_escape_xml(b, cm->id);
		nm_buf_printf(b, ")</span> · %s</summary>\n", nm_i18n_kind(lang, cm->kind));
		profile_facts(b, an, cm, lang);
		profile_members(b, an, (uint32_t)c, lang);
		profile_findings(b, an, (uint32_t)c, lang);
		profile_history(b, opts->trend, c, lang);
		if (all_drawn)
			nm_buf_printf(b, "<p><a class=\"pick\" href=\"#n-%zu\" data-c=\"%zu\">", c,
				      c);
		else
			nm_buf_printf(b, "<p><a class=\"pick\" href=\"#network\" data-c=\"%zu\">",
				      c);
		nm_buf_printf(b, "%s</a></p>\n", tr(lang, "Show in the network"));
		nm_buf_puts(b, "</details>\n");
	}
	nm_buf_puts(b, "</section>\n");
}
