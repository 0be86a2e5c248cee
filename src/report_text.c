/*
 * report_text.c: the transparency overview people read in a terminal and
 * in the weekly e-mail. A headline of counts and findings comes first,
 * then one section per kind of finding, each naming committees and actors
 * by name and id, saying why in numbers and suggesting what to do.
 *
 * Everything is laid out for 80 columns by display width, so umlauts and
 * other multi-byte names align; every string from the data goes through
 * nm_text_clean, so nothing in the data can reach a terminal as a control
 * sequence. Colour is a handful of SGR codes, only when asked for.
 *
 * Every word comes from the table below in English or German; numbers,
 * dates and percentages follow the language (26.11.2026, 2.521, 80 %).
 * Labels are padded by display width, since German words carry umlauts.
 */
#include "netmap/diff.h"
#include "netmap/report.h"
#include "report_plan.h"
#include "report_words.h"
#include "netmap/textfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_CAP 10 /* items per list before "and N more" */

static const nm_msg msgs[] = {
	{"as of %s", "Stand: %s"},
	{"Findings:", "Befunde:"},
	{"   in %s merge cluster", "   in %s Cluster zum Zusammenlegen"},
	{"   in %s merge clusters", "   in %s Clustern zum Zusammenlegen"},
	{"uncovered theme", "Thema ohne Gremium"},
	{"isolated actor", "Akteur ohne Gremium"},
	{"single-type group", "Gremium mit nur einer Akteursart"},
	{"missing voice", "fehlende Stimme"},
	{"missing voices", "fehlende Stimmen"},
	{"%s sits inside %s", "%s ist vollständig in %s enthalten"},
	{"all %u members are also in the larger group of %u; ",
	 "alle %u Mitglieder sitzen auch im größeren Gremium mit %u; "},
	{"its themes are covered there", "seine Themen sind dort abgedeckt"},
	{"Declare it a sub-group (parent: %s) or fold it into the larger group.",
	 "Als Untergruppe erklären (parent: %s) oder im größeren Gremium aufgehen lassen."},
	{"%u of %u members shared (%s overlap), ",
	 "%u von %u Mitgliedern gemeinsam (%s Überschneidung), "},
	{"meetings/y", "Treffen/J."},
	{" … and %s more (--all shows them all)", " … und %s weitere (--all zeigt alle)"},
	{"… and %s more (--all shows them all)", "… und %s weitere (--all zeigt alle)"},
	{"%s (%s): no %s at the table", "%s (%s): ohne %s am Tisch"},
};

/* Short column heads for the 13 actor types, in enum order. */
static const char *const type_abbrev_en[NM_TYPE_COUNT] = {
	"ass", "cha", "age", "mig", "you", "vol", "clu", "soc", "rel", "edu", "sch", "adm", "oth",
};

static const char *const type_abbrev_de[NM_TYPE_COUNT] = {
	"Vbd", "Kam", "Beh", "MO", "Jug", "Ehr", "Ver", "Soz", "Rel", "Bil", "Sch", "Vwt", "Son",
};

typedef struct out {
	nm_buf *b;
	const nm_analysis *an;
	const nm_report_opts *opts;
	unsigned width;
} out;

#define T(o, en) nm_report_tr(msgs, sizeof(msgs) / sizeof(msgs[0]), (o)->opts->lang, (en))

/* Numbers and dates as the reader's language writes them (i18n.h). */
typedef nm_i18n_str numstr;
#define num(o, n) nm_i18n_count_str((o)->opts->lang, (n))
#define date_str(o, d) nm_i18n_date_str((o)->opts->lang, (d))
#define percent(o, n, den) nm_i18n_percent_str((o)->opts->lang, (n), (den))

static const char *sgr(const out *o, const char *code)
{
	return o->opts->color ? code : "";
}

#define BOLD "\033[1m"
#define RED "\033[31m"
#define YELLOW "\033[33m"
#define CYAN "\033[36m"
#define DIM "\033[2m"
#define RESET "\033[0m"
#define NBSP "\xC2\xA0"

static void section(out *o, const char *title, size_t count)
{
	nm_buf head = NM_BUF_INIT;
	size_t w;

	nm_buf_puts(&head, title);
	if (count)
		nm_buf_printf(&head, " (%s)", num(o, count).s);
	nm_buf_printf(o->b, "\n%s%s%s\n", sgr(o, BOLD), head.ptr, sgr(o, RESET));
	w = nm_text_width(head.ptr);
	for (size_t i = 0; i < w && i < o->width; i++)
		nm_buf_putc(o->b, '-');
	nm_buf_putc(o->b, '\n');
	nm_buf_release(&head);
}

/* "Name (id)" for a committee or actor. */
static void committee_ref(nm_buf *b, const nm_committee *c)
{
	nm_text_clean(b, c->name);
	nm_buf_puts(b, " (");
	nm_text_clean(b, c->id);
	nm_buf_putc(b, ')');
}

static void actor_ref(nm_buf *b, const nm_actor *a)
{
	nm_text_clean(b, a->name);
	nm_buf_puts(b, " (");
	nm_text_clean(b, a->id);
	nm_buf_putc(b, ')');
}

static const char *theme_name(const nm_theme *t)
{
	return t->label ? t->label : t->id;
}

/* Write a paragraph wrapped at the width, indented. */
static void para(out *o, size_t indent, const char *text)
{
	for (size_t i = 0; i < indent; i++)
		nm_buf_putc(o->b, ' ');
	nm_text_wrap(o->b, text, indent, indent, o->width);
}

/* A list item: first line at 2 columns, the rest hanging at 4. */
static void item(out *o, const char *text)
{
	nm_buf_puts(o->b, "  ");
	nm_text_wrap(o->b, text, 2, 4, o->width);
}

/* A suggestion line, "→ ..." wrapped. */
static void advice(out *o, const char *text)
{
	nm_buf_printf(o->b, "    %s→%s ", sgr(o, CYAN), sgr(o, RESET));
	nm_text_wrap(o->b, text, 6, 6, o->width);
}

static size_t cap(const out *o, size_t n)
{
	return o->opts->all || n <= LIST_CAP ? n : LIST_CAP;
}

static void more(out *o, size_t shown, size_t n, size_t indent)
{
	if (shown < n) {
		for (size_t i = 0; i < indent; i++)
			nm_buf_putc(o->b, ' ');
		nm_buf_puts(o->b, sgr(o, DIM));
		nm_buf_printf(o->b, T(o, "… and %s more (--all shows them all)"),
			      num(o, n - shown).s);
		nm_buf_printf(o->b, "%s\n", sgr(o, RESET));
	}
}

static void plural(const out *o, nm_buf *b, size_t n, const char *one, const char *many)
{
	nm_buf_printf(b, "%s %s", num(o, n).s, n == 1 ? T(o, one) : T(o, many));
}

/* A row of the findings table: the label padded by display width. */
static void finding(out *o, const char *label, size_t n)
{
	nm_buf_puts(o->b, "  ");
	nm_text_fit(o->b, T(o, label), 28, 1);
	nm_buf_printf(o->b, " %6s", num(o, n).s);
}

static void headline(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	nm_buf *b = o->b;
	const char *title = T(o, "netmap overview: ");

	nm_buf_printf(b, "%s%s", sgr(o, BOLD), title);
	nm_text_fit(b, ds->name ? ds->name : T(o, "(unnamed dataset)"),
		    o->width - nm_text_width(title) - 18, 0);
	nm_buf_printf(b, "%s\n", sgr(o, RESET));
	nm_buf_printf(b, T(o, "as of %s"), date_str(o, an->today).s);
	if (o->opts->snapshot)
		nm_buf_printf(b, T(o, ", snapshot %lld"), o->opts->snapshot);
	nm_buf_putc(b, '\n');
	for (unsigned i = 0; i < o->width; i++)
		nm_buf_putc(b, '=');
	nm_buf_putc(b, '\n');
}

static void summary(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	nm_buf *b = o->b;
	nm_buf line = NM_BUF_INIT;
	size_t dup = nm_analysis_count_class(an, NM_CLASS_DUPLICATE);
	size_t nested = nm_analysis_count_class(an, NM_CLASS_NESTED);
	size_t overlap = nm_analysis_count_class(an, NM_CLASS_OVERLAP);
	size_t overloaded = nm_analysis_count_overloaded(an);
	size_t gaps = an->nuncovered_themes + an->nisolated_actors +
		      an->nsingle_type_committees + an->nmissing_voices;

	plural(o, &line, ds->nactors, "actor", "actors");
	nm_buf_puts(&line, ", ");
	plural(o, &line, ds->ncommittees, "committee", "committees");
	nm_buf_printf(&line, T(o, " (%s active or dormant), "), num(o, an->analysed_committees).s);
	plural(o, &line, ds->nmemberships, "membership", "memberships");
	nm_buf_puts(&line, ", ");
	plural(o, &line, ds->nthemes, "theme", "themes");
	para(o, 0, line.ptr);
	nm_buf_clear(&line);

	nm_buf_printf(b, "\n%s\n", T(o, "Findings:"));
	finding(o, "duplicate groups (pairs)", dup);
	if (an->nclusters)
		nm_buf_printf(b, an->nclusters == 1 ? T(o, "   in %s merge cluster")
						    : T(o, "   in %s merge clusters"),
			      num(o, an->nclusters).s);
	nm_buf_putc(b, '\n');
	finding(o, "nested groups", nested);
	nm_buf_putc(b, '\n');
	finding(o, "overlapping groups (pairs)", overlap);
	nm_buf_putc(b, '\n');
	finding(o, "overloaded actors", overloaded);
	nm_buf_putc(b, '\n');
	finding(o, "groups to review", an->nreview);
	nm_buf_putc(b, '\n');
	finding(o, "gaps", gaps);
	if (gaps) {
		nm_buf half = NM_BUF_INIT;

		nm_buf_puts(&line, "(");
		plural(o, &line, an->nuncovered_themes, "uncovered theme", "uncovered themes");
		nm_buf_puts(&line, ", ");
		plural(o, &line, an->nisolated_actors, "isolated actor", "isolated actors");
		nm_buf_puts(&line, ",");
		plural(o, &half, an->nsingle_type_committees, "single-type group",
		       "single-type groups");
		nm_buf_puts(&half, ", ");
		plural(o, &half, an->nmissing_voices, "missing voice", "missing voices");
		nm_buf_puts(&half, ")");
		nm_buf_puts(b, "   ");
		if (nm_text_width(line.ptr) <= o->width - 40 &&
		    nm_text_width(half.ptr) <= o->width - 38) {
			/* One half a line, aligned under the opening parenthesis. */
			nm_buf_printf(b, "%s\n%38s%s\n", line.ptr, "", half.ptr);
		} else {
			nm_buf_putc(&line, ' ');
			nm_buf_puts(&line, half.ptr);
			nm_text_wrap(b, line.ptr, 40, 38, o->width);
		}
		nm_buf_clear(&line);
		nm_buf_release(&half);
	} else {
		nm_buf_putc(b, '\n');
	}
	finding(o, "possible duplicate records", an->nduplicate_actors);
	nm_buf_putc(b, '\n');
	nm_buf_release(&line);
}

static void themes_phrase(const out *o, nm_buf *b, const nm_overlap *ov)
{
	if (ov->themes_union == 0)
		nm_buf_puts(b, T(o, "neither has themes"));
	else if (ov->themes_shared == ov->themes_union)
		nm_buf_puts(b, T(o, "same themes"));
	else
		nm_buf_printf(b, T(o, "%u of %u themes shared"), ov->themes_shared,
			      ov->themes_union);
}


static void pair_block(out *o, const nm_overlap *ov)
{
	const nm_dataset *ds = o->an->ds;
	nm_buf line = NM_BUF_INIT, ra = NM_BUF_INIT, rb = NM_BUF_INIT;
	uint32_t uni = ov->size_a + ov->size_b - ov->shared;
	const nm_committee *a = &ds->committees[ov->a], *b = &ds->committees[ov->b];

	if (ov->cls == NM_CLASS_NESTED) {
		const nm_committee *small = ov->inside == ov->a ? a : b;
		const nm_committee *large = ov->inside == ov->a ? b : a;
		uint32_t ns = ov->inside == ov->a ? ov->size_a : ov->size_b;
		uint32_t nl = ov->inside == ov->a ? ov->size_b : ov->size_a;

		committee_ref(&ra, small);
		committee_ref(&rb, large);
		nm_buf_printf(&line, T(o, "%s sits inside %s"), ra.ptr, rb.ptr);
		para(o, 2, line.ptr);
		nm_buf_clear(&line);
		nm_buf_printf(&line, T(o, "all %u members are also in the larger group of %u; "),
			      ns, nl);
		if (ov->themes_union == 0)
			nm_buf_puts(&line, T(o, "neither has themes"));
		else
			nm_buf_puts(&line, T(o, "its themes are covered there"));
		para(o, 4, line.ptr);
		nm_buf_clear(&line);
		nm_buf_clear(&ra);
		nm_text_clean(&ra, large->id);
		nm_buf_printf(&line,
			      T(o, "Declare it a sub-group (parent: %s) or fold it into the larger "
				   "group."),
			      ra.ptr);
		advice(o, line.ptr);
	} else {
		committee_ref(&ra, a);
		committee_ref(&rb, b);
		nm_buf_printf(&line, T(o, "%s and %s"), ra.ptr, rb.ptr);
		para(o, 2, line.ptr);
		nm_buf_clear(&line);
		nm_buf_printf(&line, T(o, "%u of %u members shared (%s overlap), "), ov->shared,
			      uni, percent(o, ov->shared, uni).s);
		themes_phrase(o, &line, ov);
		para(o, 4, line.ptr);
		if (ov->cls == NM_CLASS_DUPLICATE)
			advice(o, T(o, "Merge them, or give each a distinct mandate and "
				       "membership."));
		else
			advice(o, T(o, "Coordinate agendas and dates, or agree who covers what."));
	}
	nm_buf_release(&line);
	nm_buf_release(&ra);
	nm_buf_release(&rb);
}

static void overlaps(out *o, nm_class cls, const char *title)
{
	const nm_analysis *an = o->an;
	size_t n = nm_analysis_count_class(an, cls), shown = 0;

	if (!n)
		return;
	section(o, T(o, title), n);
	for (size_t i = 0; i < an->noverlaps && shown < cap(o, n); i++) {
		if (an->overlaps[i].cls != cls)
			continue;
		if (shown)
			nm_buf_putc(o->b, '\n');
		pair_block(o, &an->overlaps[i]);
		shown++;
	}
	more(o, shown, n, 2);
}

static void clusters(out *o)
{
	const nm_analysis *an = o->an;
	size_t shown = cap(o, an->nclusters);

	if (!an->nclusters)
		return;
	section(o, T(o, "Merge clusters"), an->nclusters);
	for (size_t i = 0; i < shown; i++) {
		const nm_cluster *c = &an->clusters[i];
		nm_buf line = NM_BUF_INIT;
		size_t indent = 5 + (i + 1 >= 10) + (i + 1 >= 100) + (i + 1 >= 1000);

		nm_buf_printf(&line, T(o, "%s groups that duplicate each other: "), num(o, c->n).s);
		for (size_t k = 0; k < c->n; k++) {
			if (k)
				nm_buf_puts(&line, ", ");
			committee_ref(&line, &an->ds->committees[c->committees[k]]);
		}
		nm_buf_printf(o->b, "  %zu. ", i + 1);
		nm_text_wrap(o->b, line.ptr, indent, indent, o->width);
		nm_buf_release(&line);
	}
	more(o, shown, an->nclusters, 2);
	advice(o, T(o, "One group per cluster is usually enough: merge them into one."));
}

/* Right-align s (already in the language) in width columns. */
static void right(out *o, const char *s, size_t width)
{
	size_t w = nm_text_width(s);

	for (; w < width; w++)
		nm_buf_putc(o->b, ' ');
	nm_text_clean(o->b, s);
}

static void load(out *o)
{
	const nm_analysis *an = o->an;
	size_t n = nm_analysis_count_overloaded(an), shown = 0;
	nm_buf line = NM_BUF_INIT;

	if (!n)
		return;
	section(o, T(o, "Overloaded actors"), n);
	nm_buf_puts(o->b, "  ");
	nm_text_fit(o->b, T(o, "actor"), 48, 1);
	nm_buf_putc(o->b, ' ');
	right(o, T(o, "committees"), 10);
	nm_buf_putc(o->b, ' ');
	right(o, T(o, "meetings/y"), 10);
	nm_buf_putc(o->b, '\n');
	for (size_t i = 0; i < an->nload && shown < cap(o, n); i++) {
		const nm_load *l = &an->load[i];
		nm_buf ref = NM_BUF_INIT;
		if (!l->overloaded)
			continue;
		actor_ref(&ref, &an->ds->actors[l->actor]);
		nm_buf_puts(o->b, "  ");
		nm_text_fit(o->b, ref.ptr, 48, 1);
		nm_buf_printf(o->b, " %10s %10s\n", num(o, l->committees).s, num(o, l->meetings).s);
		nm_buf_release(&ref);
		shown++;
	}
	more(o, shown, n, 2);
	nm_buf_printf(&line,
		      T(o, "More than %u committees each: share seats with partners, or merge the "
			   "groups they sit in twice."),
		      an->settings.max_load);
	advice(o, line.ptr);
	nm_buf_release(&line);
}

static void review(out *o)
{
	const nm_analysis *an = o->an;
	size_t shown = cap(o, an->nreview);

	if (!an->nreview)
		return;
	section(o, T(o, "Groups to review"), an->nreview);
	for (size_t i = 0; i < shown; i++) {
		const nm_review *r = &an->review[i];
		const nm_committee *c = &an->ds->committees[r->committee];
		nm_buf line = NM_BUF_INIT;
		uint64_t days = r->days > 0 ? (uint64_t)r->days : 0;

		committee_ref(&line, c);
		nm_buf_puts(&line, ": ");
		switch (r->reason) {
		case NM_REVIEW_DORMANT:
			nm_buf_puts(&line, T(o, "dormant. Revive it with a mandate, or dissolve it."));
			break;
		case NM_REVIEW_STALE:
			nm_buf_printf(&line,
				      T(o, "stale, last met %s (%s days ago). Ask whether it is "
					   "still needed."),
				      date_str(o, c->last_met).s, num(o, days).s);
			break;
		case NM_REVIEW_OVERDUE_AD_HOC:
			if (days == 1)
				nm_buf_printf(&line,
					      T(o, "ad-hoc group past its planned end %s (1 day ago). "
						   "Dissolve it or set a new end."),
					      date_str(o, c->ends).s);
			else
				nm_buf_printf(&line,
					      T(o, "ad-hoc group past its planned end %s (%s days "
						   "ago). Dissolve it or set a new end."),
					      date_str(o, c->ends).s, num(o, days).s);
			break;
		case NM_REVIEW_LONG_RUNNING_AD_HOC:
			nm_buf_printf(&line,
				      T(o, "ad-hoc group running since %s (%s days) with no end. "
					   "Set an end date or make it permanent."),
				      date_str(o, c->founded).s, num(o, days).s);
			break;
		default:
			break;
		}
		item(o, line.ptr);
		nm_buf_release(&line);
	}
	more(o, shown, an->nreview, 2);
}

static void id_names(out *o, const char *label, const uint32_t *idx, size_t n, int what)
{
	const nm_dataset *ds = o->an->ds;
	size_t shown = cap(o, n);
	nm_buf line = NM_BUF_INIT;

	if (!n)
		return;
	nm_buf_printf(&line, "%s:", T(o, label));
	for (size_t i = 0; i < shown; i++) {
		nm_buf_puts(&line, i ? ", " : " ");
		if (what == 0) {
			nm_text_clean(&line, theme_name(&ds->themes[idx[i]]));
			nm_buf_puts(&line, " (");
			nm_text_clean(&line, ds->themes[idx[i]].id);
			nm_buf_putc(&line, ')');
		} else if (what == 1) {
			actor_ref(&line, &ds->actors[idx[i]]);
		} else {
			committee_ref(&line, &ds->committees[idx[i]]);
		}
	}
	if (shown < n)
		nm_buf_printf(&line, T(o, " … and %s more (--all shows them all)"),
			      num(o, n - shown).s);
	item(o, line.ptr);
	nm_buf_release(&line);
}

static void gaps(out *o)
{
	const nm_analysis *an = o->an;
	size_t n = an->nuncovered_themes + an->nisolated_actors + an->nsingle_type_committees;

	if (!n)
		return;
	section(o, T(o, "Gaps"), 0);
	id_names(o, "Themes no group works on", an->uncovered_themes, an->nuncovered_themes, 0);
	if (an->nuncovered_themes)
		advice(o, T(o, "Find a group that could take the theme on, or say why none is "
			       "needed."));
	id_names(o, "Actors in no group", an->isolated_actors, an->nisolated_actors, 1);
	if (an->nisolated_actors)
		advice(o, T(o, "Invite them where their themes are discussed."));
	id_names(o, "Groups of one actor type only", an->single_type_committees,
		 an->nsingle_type_committees, 2);
	if (an->nsingle_type_committees)
		advice(o, T(o, "Open them to other sectors, or link them to a mixed network."));
}

static void voices(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t shown = cap(o, an->nmissing_voices);

	if (!an->nmissing_voices)
		return;
	section(o, T(o, "Missing voices"), an->nmissing_voices);
	for (size_t i = 0; i < shown; i++) {
		const nm_missing_voice *m = &an->missing_voices[i];
		nm_buf line = NM_BUF_INIT, label = NM_BUF_INIT, id = NM_BUF_INIT;

		nm_text_clean(&label, theme_name(&ds->themes[m->theme]));
		nm_text_clean(&id, ds->themes[m->theme].id);
		nm_buf_printf(&line, T(o, "%s (%s): no %s at the table"), label.ptr, id.ptr,
			      nm_i18n_type(o->opts->lang, m->type));
		item(o, line.ptr);
		nm_buf_release(&line);
		nm_buf_release(&label);
		nm_buf_release(&id);
	}
	more(o, shown, an->nmissing_voices, 2);
	advice(o, T(o, "Invite them on equal footing to the groups on these themes."));
}

static void coverage(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	const char *const *abbrev =
		o->opts->lang == NM_LANG_DE ? type_abbrev_de : type_abbrev_en;
	size_t shown = cap(o, ds->nthemes);
	size_t namew = o->width >= 80 ? o->width - 13 * 4 - 2 : 20;
	nm_buf legend = NM_BUF_INIT, wrapped = NM_BUF_INIT;

	if (!ds->nthemes)
		return;
	section(o, T(o, "Coverage: actors of each type working on each theme"), 0);
	nm_buf_puts(o->b, "  ");
	nm_text_fit(o->b, T(o, "theme"), namew, 1);
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		nm_buf_printf(o->b, " %3s", abbrev[t]);
	nm_buf_putc(o->b, '\n');
	for (size_t th = 0; th < shown; th++) {
		nm_buf_puts(o->b, "  ");
		nm_text_fit(o->b, theme_name(&ds->themes[th]), namew, 1);
		for (int t = 0; t < NM_TYPE_COUNT; t++) {
			uint32_t v = an->coverage[th * NM_TYPE_COUNT + (size_t)t];
			if (v == 0)
				nm_buf_printf(o->b, " %s  .%s", sgr(o, DIM), sgr(o, RESET));
			else
				nm_buf_printf(o->b, " %3u", v > 999 ? 999 : v);
		}
		nm_buf_putc(o->b, '\n');
	}
	more(o, shown, ds->nthemes, 2);
	/* Each abbreviation stays on the line of its word: wrap with no-break
	   spaces there, then turn them back into plain spaces. */
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		nm_buf_printf(&legend, "%s%s" NBSP "%s", t ? ", " : "", abbrev[t],
			      nm_i18n_type(o->opts->lang, (nm_actor_type)t));
	nm_buf_clear(&wrapped);
	nm_buf_puts(&wrapped, "  ");
	nm_text_wrap(&wrapped, legend.ptr, 2, 2, o->width);
	for (const char *p = wrapped.ptr; *p; p++) {
		if (strncmp(p, NBSP, 2) == 0) {
			nm_buf_putc(o->b, ' ');
			p++;
		} else {
			nm_buf_putc(o->b, *p);
		}
	}
	nm_buf_release(&wrapped);
	nm_buf_release(&legend);
}

static void duplicates(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t shown = cap(o, an->nduplicate_actors);

	if (!an->nduplicate_actors)
		return;
	section(o, T(o, "Possible duplicate records"), an->nduplicate_actors);
	for (size_t i = 0; i < shown; i++) {
		const nm_duplicate_actor *d = &an->duplicate_actors[i];
		nm_buf line = NM_BUF_INIT, ra = NM_BUF_INIT, rb = NM_BUF_INIT;

		actor_ref(&ra, &ds->actors[d->a]);
		actor_ref(&rb, &ds->actors[d->b]);
		nm_buf_printf(&line, T(o, "%s and %s"), ra.ptr, rb.ptr);
		switch (d->reason) {
		case NM_DUP_SAME_NAME:
			nm_buf_puts(&line,
				    T(o, ": the same name once spelling and legal form are set aside"));
			break;
		case NM_DUP_SAME_CONTACT:
			nm_buf_puts(&line, d->by_email ? T(o, ": the same contact e-mail address")
						       : T(o, ": the same website"));
			break;
		default:
			nm_buf_printf(&line, T(o, ": similar names (%u%% alike)"),
				      (d->similarity + 5) / 10);
			break;
		}
		item(o, line.ptr);
		nm_buf_release(&line);
		nm_buf_release(&ra);
		nm_buf_release(&rb);
	}
	more(o, shown, an->nduplicate_actors, 2);
	advice(o, T(o, "If they are one organisation, keep one id and move the memberships to "
		       "it."));
}

/* A sentence of the plan as a list item, cleaned of control characters. */
static void plan_item(out *o, const nm_buf *sentence)
{
	nm_buf clean = NM_BUF_INIT;

	nm_text_clean(&clean, nm_buf_cstr(sentence));
	item(o, nm_buf_cstr(&clean));
	nm_buf_release(&clean);
}

/* Coordinators, the to-do list, then hints where the data is thin (7). */
static void plan(out *o)
{
	const nm_analysis *an = o->an;
	nm_lang lang = o->opts->lang;
	nm_buf line = NM_BUF_INIT;
	size_t shown;

	if (an->ncoordinators) {
		nm_buf clean = NM_BUF_INIT;

		nm_plan_coordinators(&line, an, lang);
		nm_text_clean(&clean, nm_buf_cstr(&line));
		nm_buf_putc(o->b, '\n');
		para(o, 0, nm_buf_cstr(&clean));
		nm_buf_release(&clean);
		nm_buf_clear(&line);
	}
	if (an->nmerge_proposals) {
		shown = cap(o, an->nmerge_proposals);
		section(o, nm_plan_tr(lang, "Merge proposals: what merging would save"),
			an->nmerge_proposals);
		for (size_t i = 0; i < shown; i++) {
			nm_buf_clear(&line);
			nm_plan_merge(&line, an, &an->merge_proposals[i], lang);
			plan_item(o, &line);
		}
		more(o, shown, an->nmerge_proposals, 2);
	}
	if (an->ninvitations) {
		shown = cap(o, an->ninvitations);
		section(o, nm_plan_tr(lang, "Invitations: whom to invite where"), an->ninvitations);
		for (size_t i = 0; i < shown; i++) {
			nm_buf_clear(&line);
			nm_plan_invitation(&line, an, &an->invitations[i], lang);
			plan_item(o, &line);
		}
		more(o, shown, an->ninvitations, 2);
	}
	if (nm_plan_hint_count(an)) {
		section(o, nm_plan_tr(lang, "Where the data is thin"), 0);
		for (int i = 0; i < NM_PLAN_HINTS; i++) {
			nm_buf_clear(&line);
			if (nm_plan_hint(&line, an, i, lang))
				plan_item(o, &line);
		}
	}
	nm_buf_release(&line);
}

void nm_report_text(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	out o = {b, an, opts, opts->width >= 60 ? opts->width : 60};

	headline(&o);
	if (opts->since) {
		nm_diff_write_text(b, opts->since, opts->lang, o.width);
		nm_buf_putc(b, '\n'); /* set the news apart from the counts */
	}
	summary(&o);
	plan(&o);
	overlaps(&o, NM_CLASS_DUPLICATE, "Duplicate groups: candidates for merging");
	clusters(&o);
	overlaps(&o, NM_CLASS_NESTED, "Nested groups");
	overlaps(&o, NM_CLASS_OVERLAP, "Overlapping groups");
	load(&o);
	review(&o);
	gaps(&o);
	voices(&o);
	coverage(&o);
	duplicates(&o);
}
