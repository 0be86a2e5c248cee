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
 */
#include "netmap/report.h"
#include "netmap/textfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_CAP 10 /* items per list before "and N more" */

typedef struct out {
	nm_buf *b;
	const nm_analysis *an;
	const nm_report_opts *opts;
	unsigned width;
} out;

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

static void section(out *o, const char *title, size_t count)
{
	size_t w;

	nm_buf_printf(o->b, "\n%s%s", sgr(o, BOLD), title);
	if (count)
		nm_buf_printf(o->b, " (%zu)", count);
	nm_buf_printf(o->b, "%s\n", sgr(o, RESET));
	w = strlen(title);
	if (count) {
		char tmp[32];
		w += (size_t)snprintf(tmp, sizeof(tmp), " (%zu)", count);
	}
	for (size_t i = 0; i < w && i < o->width; i++)
		nm_buf_putc(o->b, '-');
	nm_buf_putc(o->b, '\n');
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

/* An actor type as words: "migrant organisation". */
static void type_words(nm_buf *b, nm_actor_type t)
{
	for (const char *p = nm_actor_type_names[t]; *p; p++)
		nm_buf_putc(b, *p == '_' ? ' ' : *p);
}

/* A suggestion line, "→ ..." wrapped. */
static void advice(out *o, const char *text)
{
	nm_buf line = NM_BUF_INIT;

	nm_buf_printf(&line, "%s", text);
	nm_buf_printf(o->b, "    %s→%s ", sgr(o, CYAN), sgr(o, RESET));
	nm_text_wrap(o->b, line.ptr, 6, 6, o->width);
	nm_buf_release(&line);
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
		nm_buf_printf(o->b, "%s… and %zu more (--all shows them all)%s\n", sgr(o, DIM),
			      n - shown, sgr(o, RESET));
	}
}

static void plural(nm_buf *b, size_t n, const char *one, const char *many)
{
	nm_buf_printf(b, "%zu %s", n, n == 1 ? one : many);
}

static void headline(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	nm_buf *b = o->b;
	nm_buf line = NM_BUF_INIT;
	char today[11];
	size_t dup = nm_analysis_count_class(an, NM_CLASS_DUPLICATE);
	size_t nested = nm_analysis_count_class(an, NM_CLASS_NESTED);
	size_t overlap = nm_analysis_count_class(an, NM_CLASS_OVERLAP);
	size_t overloaded = nm_analysis_count_overloaded(an);
	size_t gaps = an->nuncovered_themes + an->nisolated_actors +
		      an->nsingle_type_committees + an->nmissing_voices;

	nm_date_format(an->today, today);
	nm_buf_printf(b, "%snetmap overview: ", sgr(o, BOLD));
	nm_text_fit(b, ds->name ? ds->name : "(unnamed dataset)", o->width - 35, 0);
	nm_buf_printf(b, "%s\n", sgr(o, RESET));
	nm_buf_printf(b, "as of %s", today);
	if (o->opts->snapshot)
		nm_buf_printf(b, ", snapshot %lld", o->opts->snapshot);
	nm_buf_putc(b, '\n');
	for (unsigned i = 0; i < o->width; i++)
		nm_buf_putc(b, '=');
	nm_buf_putc(b, '\n');

	plural(&line, ds->nactors, "actor", "actors");
	nm_buf_puts(&line, ", ");
	plural(&line, ds->ncommittees, "committee", "committees");
	nm_buf_printf(&line, " (%zu active or dormant), ", an->analysed_committees);
	plural(&line, ds->nmemberships, "membership", "memberships");
	nm_buf_puts(&line, ", ");
	plural(&line, ds->nthemes, "theme", "themes");
	para(o, 0, line.ptr);
	nm_buf_clear(&line);

	nm_buf_puts(b, "\nFindings:\n");
	nm_buf_printf(b, "  %-28s %6zu", "duplicate groups (pairs)", dup);
	if (an->nclusters)
		nm_buf_printf(b, "   in %zu merge cluster%s", an->nclusters,
			      an->nclusters == 1 ? "" : "s");
	nm_buf_putc(b, '\n');
	nm_buf_printf(b, "  %-28s %6zu\n", "nested groups", nested);
	nm_buf_printf(b, "  %-28s %6zu\n", "overlapping groups (pairs)", overlap);
	nm_buf_printf(b, "  %-28s %6zu\n", "overloaded actors", overloaded);
	nm_buf_printf(b, "  %-28s %6zu\n", "groups to review", an->nreview);
	nm_buf_printf(b, "  %-28s %6zu", "gaps", gaps);
	if (gaps) {
		nm_buf_printf(b, "   (%zu uncovered theme%s, %zu isolated actor%s,",
			      an->nuncovered_themes, an->nuncovered_themes == 1 ? "" : "s",
			      an->nisolated_actors, an->nisolated_actors == 1 ? "" : "s");
		nm_buf_printf(b, "\n  %-35s %zu single-type group%s, %zu missing voice%s)",
			      "", an->nsingle_type_committees,
			      an->nsingle_type_committees == 1 ? "" : "s", an->nmissing_voices,
			      an->nmissing_voices == 1 ? "" : "s");
	}
	nm_buf_putc(b, '\n');
	nm_buf_printf(b, "  %-28s %6zu\n", "possible duplicate records", an->nduplicate_actors);
	nm_buf_release(&line);
}

static void themes_phrase(nm_buf *b, const nm_overlap *ov)
{
	if (ov->themes_union == 0)
		nm_buf_puts(b, "neither has themes");
	else if (ov->themes_shared == ov->themes_union)
		nm_buf_puts(b, "same themes");
	else
		nm_buf_printf(b, "%u of %u themes shared", ov->themes_shared, ov->themes_union);
}

static void permille(nm_buf *b, uint64_t num, uint64_t den)
{
	uint64_t pct = den ? (num * 200 / den + 1) / 2 : 0;
	nm_buf_printf(b, "%llu%%", (unsigned long long)pct);
}

static void pair_block(out *o, const nm_overlap *ov)
{
	const nm_dataset *ds = o->an->ds;
	nm_buf line = NM_BUF_INIT;
	uint32_t uni = ov->size_a + ov->size_b - ov->shared;
	const nm_committee *a = &ds->committees[ov->a], *b = &ds->committees[ov->b];

	if (ov->cls == NM_CLASS_NESTED) {
		const nm_committee *small = ov->inside == ov->a ? a : b;
		const nm_committee *large = ov->inside == ov->a ? b : a;
		uint32_t ns = ov->inside == ov->a ? ov->size_a : ov->size_b;
		uint32_t nl = ov->inside == ov->a ? ov->size_b : ov->size_a;

		committee_ref(&line, small);
		nm_buf_puts(&line, " sits inside ");
		committee_ref(&line, large);
		para(o, 2, line.ptr);
		nm_buf_clear(&line);
		nm_buf_printf(&line, "all %u members are also in the larger group of %u; ", ns, nl);
		if (ov->themes_union == 0)
			nm_buf_puts(&line, "neither has themes");
		else
			nm_buf_puts(&line, "its themes are covered there");
		para(o, 4, line.ptr);
		nm_buf_clear(&line);
		nm_buf_puts(&line, "Declare it a sub-group (parent: ");
		nm_text_clean(&line, large->id);
		nm_buf_puts(&line, ") or fold it into the larger group.");
		advice(o, line.ptr);
		nm_buf_release(&line);
		return;
	}
	committee_ref(&line, a);
	nm_buf_puts(&line, ov->cls == NM_CLASS_DUPLICATE ? " and " : " and ");
	committee_ref(&line, b);
	para(o, 2, line.ptr);
	nm_buf_clear(&line);
	nm_buf_printf(&line, "%u of %u members shared (", ov->shared, uni);
	permille(&line, ov->shared, uni);
	nm_buf_puts(&line, " overlap), ");
	themes_phrase(&line, ov);
	para(o, 4, line.ptr);
	nm_buf_clear(&line);
	if (ov->cls == NM_CLASS_DUPLICATE)
		advice(o, "Merge them, or give each a distinct mandate and membership.");
	else
		advice(o, "Coordinate agendas and dates, or agree who covers what.");
	nm_buf_release(&line);
}

static void overlaps(out *o, nm_class cls, const char *title)
{
	const nm_analysis *an = o->an;
	size_t n = nm_analysis_count_class(an, cls), shown = 0;

	if (!n)
		return;
	section(o, title, n);
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
	section(o, "Merge clusters", an->nclusters);
	for (size_t i = 0; i < shown; i++) {
		const nm_cluster *c = &an->clusters[i];
		nm_buf line = NM_BUF_INIT;
		nm_buf_printf(&line, "%zu groups that duplicate each other: ", c->n);
		for (size_t k = 0; k < c->n; k++) {
			if (k)
				nm_buf_puts(&line, ", ");
			committee_ref(&line, &an->ds->committees[c->committees[k]]);
		}
		nm_buf_printf(o->b, "  %zu. ", i + 1);
		nm_text_wrap(o->b, line.ptr, 5 + (i + 1 >= 10), 5 + (i + 1 >= 10), o->width);
		nm_buf_release(&line);
	}
	more(o, shown, an->nclusters, 2);
	advice(o, "One group per cluster is usually enough: merge them into one.");
}

static void load(out *o)
{
	const nm_analysis *an = o->an;
	size_t n = nm_analysis_count_overloaded(an), shown = 0;

	if (!n)
		return;
	section(o, "Overloaded actors", n);
	nm_buf_printf(o->b, "  %-48s %10s %10s\n", "actor", "committees", "meetings/y");
	for (size_t i = 0; i < an->nload && shown < cap(o, n); i++) {
		const nm_load *l = &an->load[i];
		nm_buf ref = NM_BUF_INIT;
		if (!l->overloaded)
			continue;
		actor_ref(&ref, &an->ds->actors[l->actor]);
		nm_buf_puts(o->b, "  ");
		nm_text_fit(o->b, ref.ptr, 48, 1);
		nm_buf_printf(o->b, " %10u %10u\n", l->committees, l->meetings);
		nm_buf_release(&ref);
		shown++;
	}
	more(o, shown, n, 2);
	{
		nm_buf line = NM_BUF_INIT;
		nm_buf_printf(&line, "More than %u committees each: share seats with partners, "
			      "or merge the groups they sit in twice.", an->settings.max_load);
		advice(o, line.ptr);
		nm_buf_release(&line);
	}
}

static void review(out *o)
{
	const nm_analysis *an = o->an;
	size_t shown = cap(o, an->nreview);

	if (!an->nreview)
		return;
	section(o, "Groups to review", an->nreview);
	for (size_t i = 0; i < shown; i++) {
		const nm_review *r = &an->review[i];
		const nm_committee *c = &an->ds->committees[r->committee];
		nm_buf line = NM_BUF_INIT;
		char date[11];

		committee_ref(&line, c);
		nm_buf_puts(&line, ": ");
		switch (r->reason) {
		case NM_REVIEW_DORMANT:
			nm_buf_puts(&line, "dormant. Revive it with a mandate, or dissolve it.");
			break;
		case NM_REVIEW_STALE:
			nm_date_format(c->last_met, date);
			nm_buf_printf(&line, "stale, last met %s (%d days ago). Ask whether it is "
				      "still needed.", date, r->days);
			break;
		case NM_REVIEW_OVERDUE_AD_HOC:
			nm_date_format(c->ends, date);
			nm_buf_printf(&line, "ad-hoc group past its planned end %s (%d days ago). "
				      "Dissolve it or set a new end.", date, r->days);
			break;
		case NM_REVIEW_LONG_RUNNING_AD_HOC:
			nm_date_format(c->founded, date);
			nm_buf_printf(&line, "ad-hoc group running since %s (%d days) with no end. "
				      "Set an end date or make it permanent.", date, r->days);
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
	nm_buf_printf(&line, "%s:", label);
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
		nm_buf_printf(&line, " … and %zu more (--all shows them all)", n - shown);
	item(o, line.ptr);
	nm_buf_release(&line);
}

static void gaps(out *o)
{
	const nm_analysis *an = o->an;
	size_t n = an->nuncovered_themes + an->nisolated_actors + an->nsingle_type_committees;

	if (!n)
		return;
	section(o, "Gaps", 0);
	id_names(o, "Themes no group works on", an->uncovered_themes, an->nuncovered_themes, 0);
	if (an->nuncovered_themes)
		advice(o, "Find a group that could take the theme on, or say why none is needed.");
	id_names(o, "Actors in no group", an->isolated_actors, an->nisolated_actors, 1);
	if (an->nisolated_actors)
		advice(o, "Invite them where their themes are discussed.");
	id_names(o, "Groups of one actor type only", an->single_type_committees,
		 an->nsingle_type_committees, 2);
	if (an->nsingle_type_committees)
		advice(o, "Open them to other sectors, or link them to a mixed network.");
}

static void voices(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t shown = cap(o, an->nmissing_voices);

	if (!an->nmissing_voices)
		return;
	section(o, "Missing voices", an->nmissing_voices);
	for (size_t i = 0; i < shown; i++) {
		const nm_missing_voice *m = &an->missing_voices[i];
		nm_buf line = NM_BUF_INIT;
		nm_text_clean(&line, theme_name(&ds->themes[m->theme]));
		nm_buf_puts(&line, " (");
		nm_text_clean(&line, ds->themes[m->theme].id);
		nm_buf_puts(&line, "): no ");
		type_words(&line, m->type);
		nm_buf_puts(&line, " at the table");
		item(o, line.ptr);
		nm_buf_release(&line);
	}
	more(o, shown, an->nmissing_voices, 2);
	advice(o, "Invite them on equal footing to the groups on these themes.");
}

/* Short column heads for the 13 actor types, in enum order. */
static const char *const type_abbrev[NM_TYPE_COUNT] = {
	"ass", "cha", "age", "mig", "you", "vol", "clu", "soc", "rel", "edu", "sch", "adm", "oth",
};

static void coverage(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t shown = cap(o, ds->nthemes);
	size_t namew = o->width >= 80 ? o->width - 13 * 4 - 2 : 20;

	if (!ds->nthemes)
		return;
	section(o, "Coverage: actors of each type working on each theme", 0);
	nm_buf_puts(o->b, "  ");
	nm_text_fit(o->b, "theme", namew, 1);
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		nm_buf_printf(o->b, " %3s", type_abbrev[t]);
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
	para(o, 2, "ass association, cha chamber, age agency, mig migrant organisation, "
		   "you youth work, vol volunteer initiative, clu club, soc social partner, "
		   "rel religious community, edu education provider, sch school, "
		   "adm administration, oth other");
}

static void duplicates(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t shown = cap(o, an->nduplicate_actors);

	if (!an->nduplicate_actors)
		return;
	section(o, "Possible duplicate records", an->nduplicate_actors);
	for (size_t i = 0; i < shown; i++) {
		const nm_duplicate_actor *d = &an->duplicate_actors[i];
		nm_buf line = NM_BUF_INIT;
		actor_ref(&line, &ds->actors[d->a]);
		nm_buf_puts(&line, " and ");
		actor_ref(&line, &ds->actors[d->b]);
		switch (d->reason) {
		case NM_DUP_SAME_NAME:
			nm_buf_puts(&line, ": the same name once spelling and legal form are set aside");
			break;
		case NM_DUP_SAME_CONTACT:
			nm_buf_puts(&line, d->by_email ? ": the same contact e-mail address"
						       : ": the same website");
			break;
		default:
			nm_buf_printf(&line, ": similar names (%u%% alike)",
				      (d->similarity + 5) / 10);
			break;
		}
		item(o, line.ptr);
		nm_buf_release(&line);
	}
	more(o, shown, an->nduplicate_actors, 2);
	advice(o, "If they are one organisation, keep one id and move the memberships to it.");
}

void nm_report_text(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	out o = {b, an, opts, opts->width >= 60 ? opts->width : 60};

	headline(&o);
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
