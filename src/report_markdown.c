/*
 * report_markdown.c: the overview for wikis and issue trackers. The same
 * findings, numbers and advice as the text report, as headings, lists and
 * pipe tables that render on GitHub and GitLab.
 *
 * Nothing from the data may change the structure: every string from the
 * data is cleaned of control characters (line breaks become spaces, so a
 * name never ends a table row), and every character Markdown could read as
 * markup is backslash-escaped, < and > included, so no raw HTML and no
 * link reaches the page. Ids go into code spans; they cannot hold a
 * backtick (contract 2.1).
 */
#include "netmap/diff.h"
#include "netmap/report.h"
#include "report_plan.h"
#include "report_words.h"
#include "netmap/textfmt.h"

#include <stdio.h>
#include <string.h>

#define LIST_CAP 10 /* items per list before "and N more", as in text */

static const nm_msg msgs[] = {
	{"As of %s", "Stand: %s"},
	{"Findings", "Befunde"},
	{"finding", "Befund"},
	{"number", "Anzahl"},
	{"merge clusters", "Cluster zum Zusammenlegen"},
	{"missing voices", "Fehlende Stimmen"},
	{"group", "Gremium"},
	{"group A", "Gremium A"},
	{"group B", "Gremium B"},
	{"inside", "enthalten in"},
	{"members shared", "gemeinsame Mitglieder"},
	{"overlap", "Überschneidung"},
	{"%u of %u", "%u von %u"},
	{"Declare the smaller group a sub-group (`parent:` the larger one) or fold it into "
	 "the larger group.",
	 "Das kleinere Gremium als Untergruppe erklären (`parent:` das größere) oder im "
	 "größeren Gremium aufgehen lassen."},
	{"meetings a year", "Treffen im Jahr"},
	{"… and %s more (`--all` shows them all)", "… und %s weitere (`--all` zeigt alle)"},
	{": no %s at the table", ": ohne %s am Tisch"},
};

typedef struct out {
	nm_buf *b;
	const nm_analysis *an;
	const nm_report_opts *opts;
} out;

#define T(o, en) nm_report_tr(msgs, sizeof(msgs) / sizeof(msgs[0]), (o)->opts->lang, (en))

/* Numbers and dates as the reader's language writes them (i18n.h). */
typedef nm_i18n_str numstr;
#define num(o, n) nm_i18n_count_str((o)->opts->lang, (n))
#define date_str(o, d) nm_i18n_date_str((o)->opts->lang, (d))
#define percent(o, n, den) nm_i18n_percent_str((o)->opts->lang, (n), (den))


/*
 * Append s for Markdown: line breaks and tabs become spaces, other control
 * characters U+FFFD (nm_text_clean), and markup characters are escaped.
 * A leading character that could open a block (heading, list, quote,
 * ordered list number) is escaped too.
 */
static void md(nm_buf *b, const char *s)
{
	nm_buf flat = NM_BUF_INIT, clean = NM_BUF_INIT;
	const char *p;

	for (p = s; *p; p++)
		nm_buf_putc(&flat, (char)(*p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p));
	nm_text_clean(&clean, nm_buf_cstr(&flat));
	p = nm_buf_cstr(&clean);
	if (*p == '#' || *p == '+' || *p == '-' || *p == '=' || *p == '>')
		nm_buf_putc(b, '\\');
	for (const char *q = p; *q; q++) {
		if (strchr("\\`*_[]<>|&~$@!#", *q))
			nm_buf_putc(b, '\\');
		/* "1. " or "1) " at the start would begin an ordered list. */
		if ((*q == '.' || *q == ')') && q > p && strspn(p, "0123456789") == (size_t)(q - p))
			nm_buf_putc(b, '\\');
		nm_buf_putc(b, *q);
	}
	nm_buf_release(&flat);
	nm_buf_release(&clean);
}

/*
 * An id in a code span, where backslash escapes do not work; ids hold only
 * [A-Za-z0-9._-] (contract 2.1), anything else is escaped as text instead.
 */
static void code(nm_buf *b, const char *id)
{
	if (id[0] && strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				"0123456789._-") == strlen(id)) {
		nm_buf_printf(b, "`%s`", id);
		return;
	}
	md(b, id);
}

static void committee_ref(nm_buf *b, const nm_committee *c)
{
	md(b, c->name);
	nm_buf_puts(b, " (");
	code(b, c->id);
	nm_buf_putc(b, ')');
}

static void actor_ref(nm_buf *b, const nm_actor *a)
{
	md(b, a->name);
	nm_buf_puts(b, " (");
	code(b, a->id);
	nm_buf_putc(b, ')');
}

static void theme_ref(nm_buf *b, const nm_theme *t)
{
	md(b, t->label ? t->label : t->id);
	nm_buf_puts(b, " (");
	code(b, t->id);
	nm_buf_putc(b, ')');
}

static void section(out *o, const char *title, size_t count)
{
	nm_buf_printf(o->b, "\n## %s", title);
	if (count)
		nm_buf_printf(o->b, " (%s)", num(o, count).s);
	nm_buf_puts(o->b, "\n\n");
}

static void advice(out *o, const char *text)
{
	nm_buf_printf(o->b, "\n→ %s\n", text);
}

static size_t cap(const out *o, size_t n)
{
	return o->opts->all || n <= LIST_CAP ? n : LIST_CAP;
}

static void more(out *o, size_t shown, size_t n)
{
	if (shown < n) {
		nm_buf_puts(o->b, "\n*");
		nm_buf_printf(o->b, T(o, "… and %s more (`--all` shows them all)"),
			      num(o, n - shown).s);
		nm_buf_puts(o->b, "*\n");
	}
}

static void plural(const out *o, nm_buf *b, size_t n, const char *one, const char *many)
{
	nm_buf_printf(b, "%s %s", num(o, n).s, n == 1 ? T(o, one) : T(o, many));
}

static void headline(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	nm_buf *b = o->b;

	nm_buf_printf(b, "# %s", T(o, "netmap overview: "));
	md(b, ds->name ? ds->name : T(o, "(unnamed dataset)"));
	nm_buf_puts(b, "\n\n*");
	nm_buf_printf(b, T(o, "As of %s"), date_str(o, an->today).s);
	if (o->opts->snapshot)
		nm_buf_printf(b, T(o, ", snapshot %lld"), o->opts->snapshot);
	nm_buf_puts(b, "*\n");
}

static void row(out *o, const char *label, size_t n)
{
	nm_buf_printf(o->b, "| %s | %s |\n", T(o, label), num(o, n).s);
}

static void summary(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	nm_buf *b = o->b;
	size_t gaps = an->nuncovered_themes + an->nisolated_actors +
		      an->nsingle_type_committees + an->nmissing_voices;

	nm_buf_putc(b, '\n');
	plural(o, b, ds->nactors, "actor", "actors");
	nm_buf_puts(b, ", ");
	plural(o, b, ds->ncommittees, "committee", "committees");
	nm_buf_printf(b, T(o, " (%s active or dormant), "), num(o, an->analysed_committees).s);
	plural(o, b, ds->nmemberships, "membership", "memberships");
	nm_buf_puts(b, ", ");
	plural(o, b, ds->nthemes, "theme", "themes");
	nm_buf_puts(b, "\n");

	section(o, T(o, "Findings"), 0);
	nm_buf_printf(b, "| %s | %s |\n|---|---:|\n", T(o, "finding"), T(o, "number"));
	row(o, "duplicate groups (pairs)", nm_analysis_count_class(an, NM_CLASS_DUPLICATE));
	row(o, "merge clusters", an->nclusters);
	row(o, "nested groups", nm_analysis_count_class(an, NM_CLASS_NESTED));
	row(o, "overlapping groups (pairs)", nm_analysis_count_class(an, NM_CLASS_OVERLAP));
	row(o, "overloaded actors", nm_analysis_count_overloaded(an));
	row(o, "groups to review", an->nreview);
	row(o, "gaps", gaps);
	nm_buf_printf(b, "| %s %s | %s |\n", "↳", T(o, "uncovered themes"),
		      num(o, an->nuncovered_themes).s);
	nm_buf_printf(b, "| %s %s | %s |\n", "↳", T(o, "isolated actors"),
		      num(o, an->nisolated_actors).s);
	nm_buf_printf(b, "| %s %s | %s |\n", "↳", T(o, "single-type groups"),
		      num(o, an->nsingle_type_committees).s);
	nm_buf_printf(b, "| %s %s | %s |\n", "↳", T(o, "missing voices"),
		      num(o, an->nmissing_voices).s);
	row(o, "possible duplicate records", an->nduplicate_actors);
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

static void overlaps(out *o, nm_class cls, const char *title)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t n = nm_analysis_count_class(an, cls), shown = 0;

	if (!n)
		return;
	section(o, T(o, title), n);
	if (cls == NM_CLASS_NESTED)
		nm_buf_printf(o->b, "| %s | %s | %s | %s |\n|---|---|---:|---|\n", T(o, "group"),
			      T(o, "inside"), T(o, "members shared"), T(o, "themes"));
	else
		nm_buf_printf(o->b, "| %s | %s | %s | %s | %s |\n|---|---|---:|---:|---|\n",
			      T(o, "group A"), T(o, "group B"), T(o, "members shared"),
			      T(o, "overlap"), T(o, "themes"));
	for (size_t i = 0; i < an->noverlaps && shown < cap(o, n); i++) {
		const nm_overlap *ov = &an->overlaps[i];
		uint32_t uni = ov->size_a + ov->size_b - ov->shared;

		if (ov->cls != cls)
			continue;
		nm_buf_puts(o->b, "| ");
		if (cls == NM_CLASS_NESTED) {
			uint32_t small = ov->inside, large = ov->inside == ov->a ? ov->b : ov->a;
			uint32_t ns = ov->inside == ov->a ? ov->size_a : ov->size_b;
			uint32_t nl = ov->inside == ov->a ? ov->size_b : ov->size_a;

			committee_ref(o->b, &ds->committees[small]);
			nm_buf_puts(o->b, " | ");
			committee_ref(o->b, &ds->committees[large]);
			nm_buf_puts(o->b, " | ");
			nm_buf_printf(o->b, T(o, "%u of %u"), ns, nl);
		} else {
			committee_ref(o->b, &ds->committees[ov->a]);
			nm_buf_puts(o->b, " | ");
			committee_ref(o->b, &ds->committees[ov->b]);
			nm_buf_puts(o->b, " | ");
			nm_buf_printf(o->b, T(o, "%u of %u"), ov->shared, uni);
			nm_buf_printf(o->b, " | %s", percent(o, ov->shared, uni).s);
		}
		nm_buf_puts(o->b, " | ");
		themes_phrase(o, o->b, ov);
		nm_buf_puts(o->b, " |\n");
		shown++;
	}
	more(o, shown, n);
	if (cls == NM_CLASS_DUPLICATE)
		advice(o, T(o, "Merge them, or give each a distinct mandate and membership."));
	else if (cls == NM_CLASS_NESTED)
		advice(o, T(o, "Declare the smaller group a sub-group (`parent:` the larger one) "
			       "or fold it into the larger group."));
	else
		advice(o, T(o, "Coordinate agendas and dates, or agree who covers what."));
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

		nm_buf_printf(o->b, "%zu. ", i + 1);
		nm_buf_printf(o->b, T(o, "%s groups that duplicate each other: "),
			      num(o, c->n).s);
		for (size_t k = 0; k < c->n; k++) {
			if (k)
				nm_buf_puts(o->b, ", ");
			committee_ref(o->b, &an->ds->committees[c->committees[k]]);
		}
		nm_buf_putc(o->b, '\n');
	}
	more(o, shown, an->nclusters);
	advice(o, T(o, "One group per cluster is usually enough: merge them into one."));
}

static void load(out *o)
{
	const nm_analysis *an = o->an;
	size_t n = nm_analysis_count_overloaded(an), shown = 0;
	nm_buf line = NM_BUF_INIT;

	if (!n)
		return;
	section(o, T(o, "Overloaded actors"), n);
	nm_buf_printf(o->b, "| %s | %s | %s |\n|---|---:|---:|\n", T(o, "actor"),
		      T(o, "committees"), T(o, "meetings a year"));
	for (size_t i = 0; i < an->nload && shown < cap(o, n); i++) {
		const nm_load *l = &an->load[i];

		if (!l->overloaded)
			continue;
		nm_buf_puts(o->b, "| ");
		actor_ref(o->b, &an->ds->actors[l->actor]);
		nm_buf_printf(o->b, " | %s | %s |\n", num(o, l->committees).s,
			      num(o, l->meetings).s);
		shown++;
	}
	more(o, shown, n);
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
		uint64_t days = r->days > 0 ? (uint64_t)r->days : 0;

		nm_buf_puts(o->b, "- ");
		committee_ref(o->b, c);
		nm_buf_puts(o->b, ": ");
		switch (r->reason) {
		case NM_REVIEW_DORMANT:
			nm_buf_puts(o->b, T(o, "dormant. Revive it with a mandate, or dissolve it."));
			break;
		case NM_REVIEW_STALE:
			nm_buf_printf(o->b,
				      T(o, "stale, last met %s (%s days ago). Ask whether it is "
					   "still needed."),
				      date_str(o, c->last_met).s, num(o, days).s);
			break;
		case NM_REVIEW_OVERDUE_AD_HOC:
			if (days == 1)
				nm_buf_printf(o->b,
					      T(o, "ad-hoc group past its planned end %s (1 day ago). "
						   "Dissolve it or set a new end."),
					      date_str(o, c->ends).s);
			else
				nm_buf_printf(o->b,
					      T(o, "ad-hoc group past its planned end %s (%s days "
						   "ago). Dissolve it or set a new end."),
					      date_str(o, c->ends).s, num(o, days).s);
			break;
		case NM_REVIEW_LONG_RUNNING_AD_HOC:
			nm_buf_printf(o->b,
				      T(o, "ad-hoc group running since %s (%s days) with no end. "
					   "Set an end date or make it permanent."),
				      date_str(o, c->founded).s, num(o, days).s);
			break;
		default:
			break;
		}
		nm_buf_putc(o->b, '\n');
	}
	more(o, shown, an->nreview);
}

static void id_list(out *o, const char *label, const uint32_t *idx, size_t n, int what,
		    const char *hint)
{
	const nm_dataset *ds = o->an->ds;
	size_t shown = cap(o, n);

	if (!n)
		return;
	nm_buf_printf(o->b, "\n### %s (%s)\n\n", T(o, label), num(o, n).s);
	for (size_t i = 0; i < shown; i++) {
		nm_buf_puts(o->b, "- ");
		if (what == 0)
			theme_ref(o->b, &ds->themes[idx[i]]);
		else if (what == 1)
			actor_ref(o->b, &ds->actors[idx[i]]);
		else
			committee_ref(o->b, &ds->committees[idx[i]]);
		nm_buf_putc(o->b, '\n');
	}
	more(o, shown, n);
	advice(o, T(o, hint));
}

static void gaps(out *o)
{
	const nm_analysis *an = o->an;

	if (!an->nuncovered_themes && !an->nisolated_actors && !an->nsingle_type_committees)
		return;
	nm_buf_printf(o->b, "\n## %s\n", T(o, "Gaps"));
	id_list(o, "Themes no group works on", an->uncovered_themes, an->nuncovered_themes, 0,
		"Find a group that could take the theme on, or say why none is needed.");
	id_list(o, "Actors in no group", an->isolated_actors, an->nisolated_actors, 1,
		"Invite them where their themes are discussed.");
	id_list(o, "Groups of one actor type only", an->single_type_committees,
		an->nsingle_type_committees, 2,
		"Open them to other sectors, or link them to a mixed network.");
}

static void voices(out *o)
{
	const nm_analysis *an = o->an;
	size_t shown = cap(o, an->nmissing_voices);

	if (!an->nmissing_voices)
		return;
	section(o, T(o, "Missing voices"), an->nmissing_voices);
	for (size_t i = 0; i < shown; i++) {
		const nm_missing_voice *m = &an->missing_voices[i];

		nm_buf_puts(o->b, "- ");
		theme_ref(o->b, &an->ds->themes[m->theme]);
		nm_buf_printf(o->b, T(o, ": no %s at the table"),
			      nm_i18n_type(o->opts->lang, m->type));
		nm_buf_putc(o->b, '\n');
	}
	more(o, shown, an->nmissing_voices);
	advice(o, T(o, "Invite them on equal footing to the groups on these themes."));
}

static void coverage(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;
	size_t shown = cap(o, ds->nthemes);

	if (!ds->nthemes)
		return;
	section(o, T(o, "Coverage: actors of each type working on each theme"), 0);
	nm_buf_printf(o->b, "| %s |", T(o, "theme"));
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		nm_buf_printf(o->b, " %s |", nm_i18n_type(o->opts->lang, (nm_actor_type)t));
	nm_buf_puts(o->b, "\n|---|");
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		nm_buf_puts(o->b, "---:|");
	nm_buf_putc(o->b, '\n');
	for (size_t th = 0; th < shown; th++) {
		nm_buf_puts(o->b, "| ");
		theme_ref(o->b, &ds->themes[th]);
		nm_buf_puts(o->b, " |");
		for (int t = 0; t < NM_TYPE_COUNT; t++)
			nm_buf_printf(o->b, " %s |",
				      num(o, an->coverage[th * NM_TYPE_COUNT + (size_t)t]).s);
		nm_buf_putc(o->b, '\n');
	}
	more(o, shown, ds->nthemes);
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
		nm_buf ra = NM_BUF_INIT, rb = NM_BUF_INIT;

		actor_ref(&ra, &ds->actors[d->a]);
		actor_ref(&rb, &ds->actors[d->b]);
		nm_buf_puts(o->b, "- ");
		nm_buf_printf(o->b, T(o, "%s and %s"), ra.ptr, rb.ptr);
		switch (d->reason) {
		case NM_DUP_SAME_NAME:
			nm_buf_puts(o->b,
				    T(o, ": the same name once spelling and legal form are set aside"));
			break;
		case NM_DUP_SAME_CONTACT:
			nm_buf_puts(o->b, d->by_email ? T(o, ": the same contact e-mail address")
						      : T(o, ": the same website"));
			break;
		default:
			nm_buf_printf(o->b, T(o, ": similar names (%u%% alike)"),
				      (d->similarity + 5) / 10);
			break;
		}
		nm_buf_putc(o->b, '\n');
		nm_buf_release(&ra);
		nm_buf_release(&rb);
	}
	more(o, shown, an->nduplicate_actors);
	advice(o, T(o, "If they are one organisation, keep one id and move the memberships to "
		       "it."));
}

/* A sentence of the plan, escaped, as a list item ("- [ ] " for a to-do). */
static void plan_item(out *o, const char *mark, const nm_buf *sentence)
{
	nm_buf_puts(o->b, mark);
	md(o->b, nm_buf_cstr(sentence));
	nm_buf_putc(o->b, '\n');
}

/* Coordinators, the to-do list, then hints where the data is thin (7). */
static void plan(out *o)
{
	const nm_analysis *an = o->an;
	nm_lang lang = o->opts->lang;
	nm_buf line = NM_BUF_INIT;
	size_t shown;

	if (an->ncoordinators) {
		nm_plan_coordinators(&line, an, lang);
		nm_buf_putc(o->b, '\n');
		md(o->b, nm_buf_cstr(&line));
		nm_buf_putc(o->b, '\n');
	}
	if (an->nmerge_proposals) {
		shown = cap(o, an->nmerge_proposals);
		section(o, nm_plan_tr(lang, "Merge proposals: what merging would save"),
			an->nmerge_proposals);
		for (size_t i = 0; i < shown; i++) {
			nm_buf_clear(&line);
			nm_plan_merge(&line, an, &an->merge_proposals[i], lang);
			plan_item(o, "- [ ] ", &line);
		}
		more(o, shown, an->nmerge_proposals);
	}
	if (an->ninvitations) {
		shown = cap(o, an->ninvitations);
		section(o, nm_plan_tr(lang, "Invitations: whom to invite where"), an->ninvitations);
		for (size_t i = 0; i < shown; i++) {
			nm_buf_clear(&line);
			nm_plan_invitation(&line, an, &an->invitations[i], lang);
			plan_item(o, "- [ ] ", &line);
		}
		more(o, shown, an->ninvitations);
	}
	if (nm_plan_hint_count(an)) {
		section(o, nm_plan_tr(lang, "Where the data is thin"), 0);
		for (int i = 0; i < NM_PLAN_HINTS; i++) {
			nm_buf_clear(&line);
			if (nm_plan_hint(&line, an, i, lang))
				plan_item(o, "- ", &line);
		}
	}
	nm_buf_release(&line);
}

void nm_report_markdown(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	out o = {b, an, opts};

	headline(&o);
	if (opts->since) {
		nm_buf_putc(b, '\n');
		nm_diff_write_markdown(b, opts->since, opts->lang);
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
