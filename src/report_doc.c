/*
 * report_doc.c: the overview built once as a document (report_doc.h).
 *
 * Every section of the overview is walked here and only here: which
 * pairs, clusters, actors and themes are shown, how many are left out
 * behind "and N more", which advice follows, and every word of it in
 * English or German (the shared words of report_words.c, the ones only
 * the document uses below). The renderers (report_text.c,
 * report_markdown.c, report_html.c) lay the nodes out and escape the
 * runs. The what-changed section of a diff is built here too, from the
 * sentences of diff_write.c.
 *
 * Words are kept as format strings whose %s and %u are filled with runs:
 * say() cuts a translated format at its conversions, so a committee's name
 * stays a reference the renderer escapes, and a number stays a count
 * written with the language's digit groups wherever it appears.
 */
#include "netmap/report_doc.h"

#include <stdlib.h>
#include <string.h>

#include "netmap/common.h"
#include "netmap/diff.h"
#include "diff_words.h"
#include "report_plan.h"
#include "report_words.h"

#define LIST_CAP 10 /* items per list before "and N more", unless asked otherwise */

static const nm_msg msgs[] = {
	{"… and %s more (%s shows them all)", "… und %s weitere (%s zeigt alle)"},
	{"%s sits inside %s", "%s ist vollständig in %s enthalten"},
	{"all %u members are also in the larger group of %u; ",
	 "alle %u Mitglieder sitzen auch im größeren Gremium mit %u; "},
	{"its themes are covered there", "seine Themen sind dort abgedeckt"},
	{"Declare it a sub-group (parent: %s) or fold it into the larger group.",
	 "Als Untergruppe erklären (parent: %s) oder im größeren Gremium aufgehen lassen."},
	{"Declare the smaller group a sub-group (%s the larger one) or fold it into the larger "
	 "group.",
	 "Das kleinere Gremium als Untergruppe erklären (%s das größere) oder im größeren "
	 "Gremium aufgehen lassen."},
	{"%u of %u members shared (%s overlap), ",
	 "%u von %u Mitgliedern gemeinsam (%s Überschneidung), "},
	{"%u of %u", "%u von %u"},
	{": no %s at the table", ": ohne %s am Tisch"},
	{"As of %s", "Stand: %s"},
	{"Findings", "Befunde"},
	{"merge clusters", "Cluster zum Zusammenlegen"},
	{"missing voices", "Fehlende Stimmen"},
	{"in %s merge cluster", "in %s Cluster zum Zusammenlegen"},
	{"in %s merge clusters", "in %s Clustern zum Zusammenlegen"},
	{"%s uncovered theme", "%s Thema ohne Gremium"},
	{"%s uncovered themes", "%s Themen ohne Gremium"},
	{"%s isolated actor", "%s Akteur ohne Gremium"},
	{"%s isolated actors", "%s Akteure ohne Gremium"},
	{"%s single-type group", "%s Gremium mit nur einer Akteursart"},
	{"%s single-type groups", "%s Gremien mit nur einer Akteursart"},
	{"%s missing voice", "%s fehlende Stimme"},
	{"%s missing voices", "%s fehlende Stimmen"},
};

#define T(d, en) nm_report_tr(msgs, sizeof(msgs) / sizeof(msgs[0]), (d)->opts->lang, (en))

/* ---- runs ------------------------------------------------------------------ */

static nm_doc_run r_words(const char *s)
{
	nm_doc_run r = {NM_RUN_WORDS, s, strlen(s), 0, 0, 0, NM_DATE_NONE, 0};
	return r;
}

static nm_doc_run r_code(const char *s)
{
	nm_doc_run r = {NM_RUN_CODE, s, strlen(s), 0, 0, 0, NM_DATE_NONE, 0};
	return r;
}

static nm_doc_run r_id(const char *s)
{
	nm_doc_run r = {NM_RUN_ID, s, strlen(s), 0, 0, 0, NM_DATE_NONE, 0};
	return r;
}

static nm_doc_run r_ref(nm_doc_run_kind kind, uint32_t idx)
{
	nm_doc_run r = {kind, NULL, 0, idx, 0, 0, NM_DATE_NONE, 0};
	return r;
}

static nm_doc_run r_count(uint64_t n)
{
	nm_doc_run r = {NM_RUN_COUNT, NULL, 0, 0, n, 0, NM_DATE_NONE, 0};
	return r;
}

static nm_doc_run r_date(nm_date d)
{
	nm_doc_run r = {NM_RUN_DATE, NULL, 0, 0, 0, 0, d, 0};
	return r;
}

static nm_doc_run r_percent(uint64_t n, uint64_t den)
{
	nm_doc_run r = {NM_RUN_PERCENT, NULL, 0, 0, n, den, NM_DATE_NONE, 0};
	return r;
}

static void add_run(nm_doc_node *nd, nm_doc_run r)
{
	NM_GROW(nd->runs, nd->rcap, nd->nruns + 1);
	nd->runs[nd->nruns++] = r;
}

/* Text built from the data (a plan's sentence), copied into the node. */
static void add_data(nm_doc_node *nd, const nm_buf *text)
{
	nm_doc_run r = {NM_RUN_DATA, NULL, 0, 0, 0, 0, NM_DATE_NONE, 1};

	r.s = nm_xstrdup(nm_buf_cstr(text));
	r.len = strlen(r.s);
	add_run(nd, r);
}

/* Words built here (a title with numbers), copied into the node. */
static void add_words_copy(nm_doc_node *nd, const nm_buf *text)
{
	nm_doc_run r = {NM_RUN_WORDS, NULL, 0, 0, 0, 0, NM_DATE_NONE, 1};

	r.s = nm_xstrdup(nm_buf_cstr(text));
	r.len = strlen(r.s);
	add_run(nd, r);
}

/*
 * The runs of fmt: its words, each conversion (%s, %u, %zu, %lld)
 * replaced by the next of args (nargs of them), %% a percent sign. fmt is a translation and lives as
 * long as the program, so words point into it.
 */
static void say(nm_doc_node *nd, const char *fmt, const nm_doc_run *args, size_t nargs)
{
	const char *p = fmt, *start = fmt;
	size_t next = 0;

	while (*p) {
		const char *conv;

		if (p[0] != '%' || !p[1]) {
			p++;
			continue;
		}
		if (p > start) {
			nm_doc_run w = r_words(start);
			w.len = (size_t)(p - start);
			add_run(nd, w);
		}
		conv = p + 1;
		while (*conv && strchr("0123456789.-+ #lhzjt", *conv))
			conv++; /* flags, width and length: %zu, %lld */
		if (*conv == '%') {
			add_run(nd, r_words("%"));
		} else if (*conv && next < nargs) {
			add_run(nd, args[next++]);
		}
		p = *conv ? conv + 1 : conv;
		start = p;
	}
	if (p > start) {
		nm_doc_run w = r_words(start);
		w.len = (size_t)(p - start);
		add_run(nd, w);
	}
}

#define SAY(nd, fmt, ...) \
	say((nd), (fmt), (const nm_doc_run[]){__VA_ARGS__}, \
	    sizeof((const nm_doc_run[]){__VA_ARGS__}) / sizeof(nm_doc_run))
#define WORDS(nd, text) say((nd), (text), NULL, 0)

/* ---- nodes ----------------------------------------------------------------- */

static nm_doc_node *add(nm_doc_node *parent, nm_doc_kind kind, int tag, uint64_t n)
{
	nm_doc_node *nd = nm_xcalloc(1, sizeof(*nd));

	nd->kind = kind;
	nd->tag = tag;
	nd->n = n;
	NM_GROW(parent->kids, parent->kcap, parent->nkids + 1);
	parent->kids[parent->nkids++] = nd;
	return nd;
}

static void free_node(nm_doc_node *nd)
{
	for (size_t i = 0; i < nd->nruns; i++)
		if (nd->runs[i].owned)
			free((char *)nd->runs[i].s); // NOLINT: the document's own copy
	free(nd->runs);
	for (size_t i = 0; i < nd->nkids; i++) {
		free_node(nd->kids[i]);
		free(nd->kids[i]);
	}
	free(nd->kids);
}

static size_t cap(nm_doc *d, size_t n)
{
	return d->opts->all || n <= d->cap ? n : d->cap;
}

/* "… and N more (--all shows them all)" when items were left out. */
static void more(nm_doc *d, nm_doc_node *parent, size_t shown, size_t n)
{
	if (shown < n)
		SAY(add(parent, NM_DOC_MORE, 0, n - shown),
		    T(d, "… and %s more (%s shows them all)"), r_count(n - shown), r_code("--all"));
}

static void advice(nm_doc *d, nm_doc_node *parent, int tag, const char *en)
{
	WORDS(add(parent, NM_DOC_ADVICE, tag, 0), T(d, en));
}

static nm_doc_node *section(nm_doc *d, nm_doc_section which, const char *title, size_t n)
{
	nm_doc_node *s = add(&d->root, NM_DOC_SECTION, (int)which, n);

	WORDS(s, title);
	return s;
}

/* ---- the headline and the findings table ------------------------------------ */

/* The title with the dataset's name, then the date and snapshot. */
static void headline(nm_doc *d, nm_doc_node *h)
{
	const nm_dataset *ds = d->an->ds;
	nm_doc_node *title = add(h, NM_DOC_PARA, NM_DOC_TITLE, 0);
	nm_doc_node *meta = add(h, NM_DOC_PARA, NM_DOC_META, 0);

	WORDS(title, T(d, "netmap overview: "));
	if (ds->name) {
		nm_doc_run r = {NM_RUN_DATA, ds->name, strlen(ds->name), 0, 0, 0, NM_DATE_NONE, 0};
		add_run(title, r);
	} else {
		WORDS(title, T(d, "(unnamed dataset)"));
	}
	SAY(meta, T(d, "As of %s"), r_date(d->an->today));
	if (d->opts->snapshot) {
		nm_buf line = NM_BUF_INIT;

		nm_buf_printf(&line, T(d, ", snapshot %lld"), d->opts->snapshot);
		add_words_copy(meta, &line);
		nm_buf_release(&line);
	}
}

/* "2 actors": the count, then the word for one or many. */
static void counted(nm_doc *d, nm_doc_node *nd, uint64_t n, const char *one, const char *many)
{
	add_run(nd, r_count(n));
	WORDS(nd, " ");
	WORDS(nd, T(d, n == 1 ? one : many));
}

/* A row of the findings table: its label and count. */
static nm_doc_node *finding(nm_doc *d, nm_doc_node *table, const char *label, uint64_t n)
{
	nm_doc_node *row = add(table, NM_DOC_ROW, 0, n);

	WORDS(row, T(d, label));
	return row;
}

/* A row under a finding: a label for a table, a phrase for a sentence. */
static void finding_detail(nm_doc *d, nm_doc_node *row, int tag, const char *label, uint64_t n,
			   const char *one, const char *many)
{
	nm_doc_node *sub = add(row, NM_DOC_ROW, tag, n);

	WORDS(sub, T(d, label));
	SAY(add(sub, NM_DOC_PARA, 0, 0), T(d, n == 1 ? one : many), r_count(n));
}

/* The totals of the dataset and the table of how many of each finding. */
static void summary(nm_doc *d, nm_doc_node *s)
{
	const nm_analysis *an = d->an;
	const nm_dataset *ds = an->ds;
	nm_doc_node *totals = add(s, NM_DOC_PARA, 0, 0);
	nm_doc_node *table = add(s, NM_DOC_TABLE, NM_DOC_TABLE_FINDINGS, 0);
	nm_doc_node *row;
	size_t gaps = an->nuncovered_themes + an->nisolated_actors + an->nsingle_type_committees +
		      an->nmissing_voices;

	counted(d, totals, ds->nactors, "actor", "actors");
	WORDS(totals, ", ");
	counted(d, totals, ds->ncommittees, "committee", "committees");
	SAY(totals, T(d, " (%s active or dormant), "), r_count(an->analysed_committees));
	counted(d, totals, ds->nmemberships, "membership", "memberships");
	WORDS(totals, ", ");
	counted(d, totals, ds->nthemes, "theme", "themes");

	WORDS(table, T(d, "Findings"));
	row = finding(d, table, "duplicate groups (pairs)",
		      nm_analysis_count_class(an, NM_CLASS_DUPLICATE));
	finding_detail(d, row, NM_DOC_ROW_WITHIN, "merge clusters", an->nclusters,
		       "in %s merge cluster", "in %s merge clusters");
	finding(d, table, "nested groups", nm_analysis_count_class(an, NM_CLASS_NESTED));
	finding(d, table, "overlapping groups (pairs)",
		nm_analysis_count_class(an, NM_CLASS_OVERLAP));
	finding(d, table, "overloaded actors", nm_analysis_count_overloaded(an));
	finding(d, table, "groups to review", an->nreview);
	row = finding(d, table, "gaps", gaps);
	finding_detail(d, row, NM_DOC_ROW_PART, "uncovered themes", an->nuncovered_themes,
		       "%s uncovered theme", "%s uncovered themes");
	finding_detail(d, row, NM_DOC_ROW_PART, "isolated actors", an->nisolated_actors,
		       "%s isolated actor", "%s isolated actors");
	finding_detail(d, row, NM_DOC_ROW_PART, "single-type groups", an->nsingle_type_committees,
		       "%s single-type group", "%s single-type groups");
	finding_detail(d, row, NM_DOC_ROW_PART, "missing voices", an->nmissing_voices,
		       "%s missing voice", "%s missing voices");
	finding(d, table, "possible duplicate records", an->nduplicate_actors);
}

/* ---- the plan (contract 7) ------------------------------------------------- */

static void plan_list(nm_doc *d, nm_doc_section which, const char *title, size_t n,
		      void (*sentence)(nm_buf *, const nm_analysis *, size_t, nm_lang))
{
	size_t shown = cap(d, n);
	nm_doc_node *s;
	nm_buf line = NM_BUF_INIT;

	if (!n)
		return;
	s = section(d, which, nm_plan_tr(d->opts->lang, title), n);
	for (size_t i = 0; i < shown; i++) {
		nm_buf_clear(&line);
		sentence(&line, d->an, i, d->opts->lang);
		add_data(add(s, NM_DOC_ITEM, NM_DOC_TODO, 0), &line);
	}
	more(d, s, shown, n);
	nm_buf_release(&line);
}

static void merge_sentence(nm_buf *b, const nm_analysis *an, size_t i, nm_lang lang)
{
	nm_plan_merge(b, an, &an->merge_proposals[i], lang);
}

static void invitation_sentence(nm_buf *b, const nm_analysis *an, size_t i, nm_lang lang)
{
	nm_plan_invitation(b, an, &an->invitations[i], lang);
}

static void plan(nm_doc *d)
{
	const nm_analysis *an = d->an;
	nm_lang lang = d->opts->lang;
	nm_buf line = NM_BUF_INIT;

	if (an->ncoordinators) {
		nm_plan_coordinators(&line, an, lang);
		add_data(add(&d->root, NM_DOC_PARA, 0, 0), &line);
	}
	plan_list(d, NM_SEC_MERGE_PROPOSALS, "Merge proposals: what merging would save",
		  an->nmerge_proposals, merge_sentence);
	plan_list(d, NM_SEC_INVITATIONS, "Invitations: whom to invite where", an->ninvitations,
		  invitation_sentence);
	if (nm_plan_hint_count(an)) {
		nm_doc_node *s = section(d, NM_SEC_THIN_DATA,
					 nm_plan_tr(lang, "Where the data is thin"), 0);

		for (int i = 0; i < NM_PLAN_HINTS; i++) {
			nm_buf_clear(&line);
			if (nm_plan_hint(&line, an, i, lang))
				add_data(add(s, NM_DOC_ITEM, 0, 0), &line);
		}
	}
	nm_buf_release(&line);
}

/* ---- pairs of committees --------------------------------------------------- */

static void themes_phrase(nm_doc *d, nm_doc_node *nd, const nm_overlap *ov)
{
	if (ov->themes_union == 0)
		WORDS(nd, T(d, "neither has themes"));
	else if (ov->themes_shared == ov->themes_union)
		WORDS(nd, T(d, "same themes"));
	else
		SAY(nd, T(d, "%u of %u themes shared"), r_count(ov->themes_shared),
		    r_count(ov->themes_union));
}

/* A pair: two lines and advice for a block, a row for a table. */
static void pair(nm_doc *d, nm_doc_node *s, const nm_overlap *ov)
{
	nm_doc_node *p = add(s, NM_DOC_PAIR, 0, 0);
	nm_doc_node *head = add(p, NM_DOC_PARA, 0, 0), *detail = add(p, NM_DOC_PARA, 0, 0);
	nm_doc_node *adv = add(p, NM_DOC_ADVICE, 0, 0), *row = add(p, NM_DOC_ROW, 0, 0);
	uint32_t uni = ov->size_a + ov->size_b - ov->shared;

	p->pair = ov;
	if (ov->cls == NM_CLASS_NESTED) {
		uint32_t small = ov->inside, large = ov->inside == ov->a ? ov->b : ov->a;
		uint32_t ns = ov->inside == ov->a ? ov->size_a : ov->size_b;
		uint32_t nl = ov->inside == ov->a ? ov->size_b : ov->size_a;

		SAY(head, T(d, "%s sits inside %s"), r_ref(NM_RUN_COMMITTEE, small),
		    r_ref(NM_RUN_COMMITTEE, large));
		SAY(detail, T(d, "all %u members are also in the larger group of %u; "),
		    r_count(ns), r_count(nl));
		WORDS(detail, ov->themes_union == 0 ? T(d, "neither has themes")
						    : T(d, "its themes are covered there"));
		SAY(adv,
		    T(d, "Declare it a sub-group (parent: %s) or fold it into the larger group."),
		    r_id(d->an->ds->committees[large].id));
		add_run(add(row, NM_DOC_CELL, 0, 0), r_ref(NM_RUN_COMMITTEE, small));
		add_run(add(row, NM_DOC_CELL, 0, 0), r_ref(NM_RUN_COMMITTEE, large));
		SAY(add(row, NM_DOC_CELL, 0, 0), T(d, "%u of %u"), r_count(ns), r_count(nl));
	} else {
		SAY(head, T(d, "%s and %s"), r_ref(NM_RUN_COMMITTEE, ov->a),
		    r_ref(NM_RUN_COMMITTEE, ov->b));
		SAY(detail, T(d, "%u of %u members shared (%s overlap), "), r_count(ov->shared),
		    r_count(uni), r_percent(ov->shared, uni));
		themes_phrase(d, detail, ov);
		WORDS(adv,
		      ov->cls == NM_CLASS_DUPLICATE
			      ? T(d, "Merge them, or give each a distinct mandate and membership.")
			      : T(d, "Coordinate agendas and dates, or agree who covers what."));
		add_run(add(row, NM_DOC_CELL, 0, 0), r_ref(NM_RUN_COMMITTEE, ov->a));
		add_run(add(row, NM_DOC_CELL, 0, 0), r_ref(NM_RUN_COMMITTEE, ov->b));
		SAY(add(row, NM_DOC_CELL, 0, 0), T(d, "%u of %u"), r_count(ov->shared),
		    r_count(uni));
		add_run(add(row, NM_DOC_CELL, 0, 0), r_percent(ov->shared, uni));
	}
	themes_phrase(d, add(row, NM_DOC_CELL, 0, 0), ov);
}

static void overlaps(nm_doc *d, nm_class cls, nm_doc_section which, const char *title)
{
	const nm_analysis *an = d->an;
	size_t n = nm_analysis_count_class(an, cls), shown = 0;
	nm_doc_node *s;

	if (!n)
		return;
	s = section(d, which, T(d, title), n);
	for (size_t i = 0; i < an->noverlaps && shown < cap(d, n); i++) {
		if (an->overlaps[i].cls != cls)
			continue;
		pair(d, s, &an->overlaps[i]);
		shown++;
	}
	more(d, s, shown, n);
	if (cls == NM_CLASS_NESTED) {
		SAY(add(s, NM_DOC_ADVICE, NM_DOC_FOR_TABLES, 0),
		    T(d,
		      "Declare the smaller group a sub-group (%s the larger one) or fold it into "
		      "the larger group."),
		    r_code("parent:"));
	} else {
		advice(d, s, NM_DOC_FOR_TABLES,
		       cls == NM_CLASS_DUPLICATE
			       ? "Merge them, or give each a distinct mandate and membership."
			       : "Coordinate agendas and dates, or agree who covers what.");
	}
}

static void clusters(nm_doc *d)
{
	const nm_analysis *an = d->an;
	size_t shown = cap(d, an->nclusters);
	nm_doc_node *s;

	if (!an->nclusters)
		return;
	s = section(d, NM_SEC_CLUSTERS, T(d, "Merge clusters"), an->nclusters);
	for (size_t i = 0; i < shown; i++) {
		const nm_cluster *c = &an->clusters[i];
		nm_doc_node *it = add(s, NM_DOC_ITEM, 0, i + 1);

		SAY(it, T(d, "%s groups that duplicate each other: "), r_count(c->n));
		for (size_t k = 0; k < c->n; k++) {
			if (k)
				WORDS(it, ", ");
			add_run(it, r_ref(NM_RUN_COMMITTEE, c->committees[k]));
		}
	}
	more(d, s, shown, an->nclusters);
	advice(d, s, 0, "One group per cluster is usually enough: merge them into one.");
}

/* ---- actors and groups ----------------------------------------------------- */

static void load(nm_doc *d)
{
	const nm_analysis *an = d->an;
	size_t n = nm_analysis_count_overloaded(an), shown = 0;
	nm_doc_node *s, *t;

	if (!n)
		return;
	s = section(d, NM_SEC_LOAD, T(d, "Overloaded actors"), n);
	t = add(s, NM_DOC_TABLE, NM_DOC_TABLE_LOAD, 0);
	for (size_t i = 0; i < an->nload && shown < cap(d, n); i++) {
		const nm_load *l = &an->load[i];
		nm_doc_node *row;

		if (!l->overloaded)
			continue;
		row = add(t, NM_DOC_ROW, 0, 0);
		add_run(add(row, NM_DOC_CELL, 0, 0), r_ref(NM_RUN_ACTOR, l->actor));
		add_run(add(row, NM_DOC_CELL, 0, 0), r_count(l->committees));
		add_run(add(row, NM_DOC_CELL, 0, 0), r_count(l->meetings));
		shown++;
	}
	more(d, s, shown, n);
	SAY(add(s, NM_DOC_ADVICE, 0, 0),
	    T(d, "More than %u committees each: share seats with partners, or merge the groups "
		 "they sit in twice."),
	    r_count(an->settings.max_load));
}

static void review(nm_doc *d)
{
	const nm_analysis *an = d->an;
	size_t shown = cap(d, an->nreview);
	nm_doc_node *s;

	if (!an->nreview)
		return;
	s = section(d, NM_SEC_REVIEW, T(d, "Groups to review"), an->nreview);
	for (size_t i = 0; i < shown; i++) {
		const nm_review *r = &an->review[i];
		const nm_committee *c = &an->ds->committees[r->committee];
		nm_doc_node *it = add(s, NM_DOC_ITEM, 0, 0);
		uint64_t days = r->days > 0 ? (uint64_t)r->days : 0;

		add_run(it, r_ref(NM_RUN_COMMITTEE, r->committee));
		WORDS(it, ": ");
		switch (r->reason) {
		case NM_REVIEW_DORMANT:
			WORDS(it, T(d, "dormant. Revive it with a mandate, or dissolve it."));
			break;
		case NM_REVIEW_STALE:
			SAY(it,
			    T(d,
			      "stale, last met %s (%s days ago). Ask whether it is still needed."),
			    r_date(c->last_met), r_count(days));
			break;
		case NM_REVIEW_OVERDUE_AD_HOC:
			if (days == 1)
				SAY(it,
				    T(d,
				      "ad-hoc group past its planned end %s (1 day ago). Dissolve "
				      "it or set a new end."),
				    r_date(c->ends));
			else
				SAY(it,
				    T(d, "ad-hoc group past its planned end %s (%s days ago). "
					 "Dissolve it or set a new end."),
				    r_date(c->ends), r_count(days));
			break;
		case NM_REVIEW_LONG_RUNNING_AD_HOC:
			SAY(it,
			    T(d, "ad-hoc group running since %s (%s days) with no end. Set an end "
				 "date or make it permanent."),
			    r_date(c->founded), r_count(days));
			break;
		default:
			break;
		}
	}
	more(d, s, shown, an->nreview);
}

/* One list of the gaps: themes, actors or committees by index. */
static void gap_group(nm_doc *d, nm_doc_node *s, const char *label, const uint32_t *idx, size_t n,
		      nm_doc_run_kind kind, const char *hint)
{
	size_t shown = cap(d, n);
	nm_doc_node *g;

	if (!n)
		return;
	g = add(s, NM_DOC_GROUP, 0, n);
	WORDS(g, T(d, label));
	for (size_t i = 0; i < shown; i++)
		add_run(add(g, NM_DOC_ITEM, 0, 0), r_ref(kind, idx[i]));
	more(d, g, shown, n);
	advice(d, g, 0, hint);
}

static void gaps(nm_doc *d)
{
	const nm_analysis *an = d->an;
	nm_doc_node *s;

	if (!an->nuncovered_themes && !an->nisolated_actors && !an->nsingle_type_committees)
		return;
	s = section(d, NM_SEC_GAPS, T(d, "Gaps"), 0);
	gap_group(d, s, "Themes no group works on", an->uncovered_themes, an->nuncovered_themes,
		  NM_RUN_THEME,
		  "Find a group that could take the theme on, or say why none is needed.");
	gap_group(d, s, "Actors in no group", an->isolated_actors, an->nisolated_actors,
		  NM_RUN_ACTOR, "Invite them where their themes are discussed.");
	gap_group(d, s, "Groups of one actor type only", an->single_type_committees,
		  an->nsingle_type_committees, NM_RUN_COMMITTEE,
		  "Open them to other sectors, or link them to a mixed network.");
}

static void voices(nm_doc *d)
{
	const nm_analysis *an = d->an;
	size_t shown = cap(d, an->nmissing_voices);
	nm_doc_node *s;

	if (!an->nmissing_voices)
		return;
	s = section(d, NM_SEC_VOICES, T(d, "Missing voices"), an->nmissing_voices);
	for (size_t i = 0; i < shown; i++) {
		const nm_missing_voice *m = &an->missing_voices[i];
		nm_doc_node *it = add(s, NM_DOC_ITEM, 0, 0);

		add_run(it, r_ref(NM_RUN_THEME, m->theme));
		SAY(it, T(d, ": no %s at the table"),
		    r_words(nm_i18n_type(d->opts->lang, m->type)));
	}
	more(d, s, shown, an->nmissing_voices);
	advice(d, s, 0, "Invite them on equal footing to the groups on these themes.");
}

static void coverage(nm_doc *d)
{
	const nm_analysis *an = d->an;
	const nm_dataset *ds = an->ds;
	size_t shown = cap(d, ds->nthemes);
	nm_doc_node *s, *t;

	if (!ds->nthemes)
		return;
	s = section(d, NM_SEC_COVERAGE, T(d, "Coverage: actors of each type working on each theme"),
		    0);
	t = add(s, NM_DOC_TABLE, NM_DOC_TABLE_COVERAGE, 0);
	for (size_t th = 0; th < shown; th++) {
		nm_doc_node *row = add(t, NM_DOC_ROW, 0, 0);

		add_run(add(row, NM_DOC_CELL, 0, 0), r_ref(NM_RUN_THEME, (uint32_t)th));
		for (int ty = 0; ty < NM_TYPE_COUNT; ty++)
			add_run(add(row, NM_DOC_CELL, 0, 0),
				r_count(an->coverage[th * NM_TYPE_COUNT + (size_t)ty]));
	}
	more(d, s, shown, ds->nthemes);
}

static void duplicates(nm_doc *d)
{
	const nm_analysis *an = d->an;
	size_t shown = cap(d, an->nduplicate_actors);
	nm_doc_node *s;

	if (!an->nduplicate_actors)
		return;
	s = section(d, NM_SEC_DUPLICATE_RECORDS, T(d, "Possible duplicate records"),
		    an->nduplicate_actors);
	for (size_t i = 0; i < shown; i++) {
		const nm_duplicate_actor *dup = &an->duplicate_actors[i];
		nm_doc_node *it = add(s, NM_DOC_ITEM, 0, 0), *why;

		SAY(it, T(d, "%s and %s"), r_ref(NM_RUN_ACTOR, dup->a),
		    r_ref(NM_RUN_ACTOR, dup->b));
		why = add(it, NM_DOC_PARA, 0, 0); /* why they may be one */
		switch (dup->reason) {
		case NM_DUP_SAME_NAME:
			WORDS(why,
			      T(d, "the same name once spelling and legal form are set aside"));
			break;
		case NM_DUP_SAME_CONTACT:
			WORDS(why, dup->by_email ? T(d, "the same contact e-mail address")
						 : T(d, "the same website"));
			break;
		default:
			SAY(why, T(d, "similar names (%u%% alike)"),
			    r_count((dup->similarity + 5) / 10));
			break;
		}
	}
	more(d, s, shown, an->nduplicate_actors);
	advice(d, s, 0,
	       "If they are one organisation, keep one id and move the memberships to it.");
}

/* ---- what changed (a diff) ------------------------------------------------- */

/*
 * The what-changed section: the title, then per kind of record a group of
 * the added, removed and changed (with their fields as sub-items), then
 * the new and the resolved findings.
 */
static void changes(nm_doc_node *c, const nm_diff *df, nm_lang lang)
{
	nm_buf line = NM_BUF_INIT;

	nm_diff_title(&line, df, lang);
	add_words_copy(c, &line);
	if (nm_diff_is_empty(df))
		WORDS(add(c, NM_DOC_PARA, NM_DOC_NOTHING_CHANGED, 0),
		      nm_diff_tr(lang, "Nothing changed."));
	for (int what = NM_DIFF_ACTOR; what <= NM_DIFF_MEMBERSHIP; what++) {
		nm_doc_node *g;
		size_t n[3];

		nm_diff_count_changes(df, (nm_diff_what)what, n);
		if (n[0] + n[1] + n[2] == 0)
			continue;
		g = add(c, NM_DOC_GROUP, 0, 0);
		WORDS(g, nm_diff_tr(lang, nm_diff_section_word((nm_diff_what)what)));
		SAY(add(g, NM_DOC_PARA, 0, 0),
		    nm_diff_tr(lang, "%zu added, %zu removed, %zu changed"), r_count(n[0]),
		    r_count(n[1]), r_count(n[2]));
		for (size_t i = 0; i < df->nrecords; i++) {
			const nm_diff_record *r = &df->records[i];
			nm_doc_node *it;

			if ((int)r->what != what)
				continue;
			it = add(g, NM_DOC_ITEM, nm_diff_marks[r->change], 0);
			nm_buf_clear(&line);
			nm_diff_record_words(&line, lang, r);
			add_data(it, &line);
			for (size_t j = 0; j < r->nfields; j++) {
				nm_buf_clear(&line);
				nm_diff_field_words(&line, lang, &r->fields[j]);
				add_data(add(it, NM_DOC_ITEM, 0, 0), &line);
			}
		}
	}
	for (int resolved = 0; resolved < 2; resolved++) {
		size_t n = nm_diff_count_findings(df, resolved);
		nm_doc_node *g;

		if (!n)
			continue;
		g = add(c, NM_DOC_GROUP, NM_DOC_FINDINGS, n);
		WORDS(g, nm_diff_tr(lang, resolved ? "Resolved findings" : "New findings"));
		for (size_t i = 0; i < df->nfindings; i++) {
			if (df->findings[i].resolved != (bool)resolved)
				continue;
			nm_buf_clear(&line);
			nm_diff_finding_words(&line, lang, &df->findings[i]);
			add_data(add(g, NM_DOC_ITEM, resolved ? '-' : '+', 0), &line);
		}
	}
	if (!df->findings_compared)
		WORDS(add(c, NM_DOC_PARA, NM_DOC_UNCOMPARED, 0),
		      nm_diff_tr(lang, "The findings of one of the snapshots could not be read; "
				       "they are not compared."));
	nm_buf_release(&line);
}

/* ---- the document ------------------------------------------------------------ */

void nm_doc_build(nm_doc *doc, const nm_analysis *an, const nm_report_opts *opts)
{
	nm_doc_build_capped(doc, an, opts, LIST_CAP);
}

void nm_doc_build_capped(nm_doc *doc, const nm_analysis *an, const nm_report_opts *opts,
			 size_t list_cap)
{
	memset(doc, 0, sizeof(*doc));
	doc->root.kind = NM_DOC_ROOT;
	doc->an = an;
	doc->opts = opts;
	doc->cap = list_cap;
	headline(doc, add(&doc->root, NM_DOC_HEADLINE, 0, 0));
	if (opts->since)
		changes(add(&doc->root, NM_DOC_SINCE, 0, 0), opts->since, opts->lang);
	summary(doc, add(&doc->root, NM_DOC_SUMMARY, 0, 0));
	plan(doc);
	overlaps(doc, NM_CLASS_DUPLICATE, NM_SEC_DUPLICATE,
		 "Duplicate groups: candidates for merging");
	clusters(doc);
	overlaps(doc, NM_CLASS_NESTED, NM_SEC_NESTED, "Nested groups");
	overlaps(doc, NM_CLASS_OVERLAP, NM_SEC_OVERLAP, "Overlapping groups");
	load(doc);
	review(doc);
	gaps(doc);
	voices(doc);
	coverage(doc);
	duplicates(doc);
}

void nm_doc_build_changes(nm_doc *doc, const nm_diff *diff, const nm_report_opts *opts)
{
	memset(doc, 0, sizeof(*doc));
	doc->root.kind = NM_DOC_ROOT;
	doc->opts = opts;
	changes(add(&doc->root, NM_DOC_SINCE, 0, 0), diff, opts->lang);
}

void nm_doc_free(nm_doc *doc)
{
	free_node(&doc->root);
	memset(doc, 0, sizeof(*doc));
}

int nm_doc_plain_run(nm_buf *b, const nm_doc *doc, const nm_doc_run *r)
{
	nm_lang lang = doc->opts->lang;

	switch (r->kind) {
	case NM_RUN_WORDS:
		nm_buf_put(b, r->s, r->len);
		return 1;
	case NM_RUN_COUNT:
		nm_i18n_count(b, lang, r->n);
		return 1;
	case NM_RUN_DATE:
		nm_i18n_date(b, lang, r->date);
		return 1;
	case NM_RUN_PERCENT:
		nm_buf_puts(b, nm_i18n_percent_str(lang, r->n, r->den).s);
		return 1;
	default:
		return 0;
	}
}
