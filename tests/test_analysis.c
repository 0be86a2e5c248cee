/*
 * test_analysis.c: every rule of contract section 3 on small datasets built
 * by hand, each threshold at exact equality and one step past it, with the
 * results derived by hand; and the pair search with hub actors checked
 * against a plain comparison of every pair.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"

#define TODAY "2026-11-26"

/* ------------------------------------------------------------ builder */

/*
 * A dataset is built by id, in any order, and sorted before the analysis
 * (which rewrites every index); results are then looked up by id again.
 */
typedef struct builder {
	nm_dataset *ds;
	size_t cap_t, cap_a, cap_c, cap_m;
} builder;

static void build_init(builder *b)
{
	memset(b, 0, sizeof(*b));
	b->ds = nm_dataset_new();
}

static uint32_t find_linear(const void *records, size_t n, size_t size, const char *id)
{
	const char *base = records;
	for (size_t i = 0; i < n; i++) {
		const char *key;
		memcpy((void *)&key, (const void *)(base + i * size), sizeof(key));
		if (strcmp(key, id) == 0)
			return (uint32_t)i;
	}
	return NM_NONE;
}

static uint32_t theme(builder *b, const char *id)
{
	nm_dataset *ds = b->ds;
	uint32_t t = find_linear(ds->themes, ds->nthemes, sizeof(nm_theme), id);

	if (t != NM_NONE)
		return t;
	NM_GROW(ds->themes, b->cap_t, ds->nthemes + 1);
	ds->themes[ds->nthemes].id = nm_xstrdup(id);
	ds->themes[ds->nthemes].label = NULL;
	return (uint32_t)ds->nthemes++;
}

/* "a,b,c" -> theme indices, ascending (themes are added as needed). */
static uint32_t *theme_list(builder *b, const char *list, size_t *n)
{
	uint32_t *out = nm_xreallocarray(NULL, 16, sizeof(*out));
	char *copy = nm_xstrdup(list ? list : ""), *save = NULL;

	*n = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		uint32_t t = theme(b, tok);
		size_t j = *n;
		assert_true(*n < 16);
		while (j > 0 && out[j - 1] > t) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = t;
		(*n)++;
	}
	free(copy);
	return out;
}

static uint32_t actor(builder *b, const char *id, nm_actor_type type, const char *themes)
{
	nm_dataset *ds = b->ds;
	nm_actor *a;

	NM_GROW(ds->actors, b->cap_a, ds->nactors + 1);
	a = &ds->actors[ds->nactors];
	memset(a, 0, sizeof(*a));
	a->id = nm_xstrdup(id);
	a->name = nm_xstrdup(id);
	a->type = type;
	a->themes = theme_list(b, themes, &a->nthemes);
	return (uint32_t)ds->nactors++;
}

/* A committee with defaults (active, not ad hoc, no dates); returned for changes. */
static nm_committee *committee(builder *b, const char *id, const char *themes)
{
	nm_dataset *ds = b->ds;
	nm_committee *c;

	NM_GROW(ds->committees, b->cap_c, ds->ncommittees + 1);
	c = &ds->committees[ds->ncommittees++];
	memset(c, 0, sizeof(*c));
	c->id = nm_xstrdup(id);
	c->name = nm_xstrdup(id);
	c->kind = NM_KIND_WORKING_GROUP;
	c->status = NM_STATUS_ACTIVE;
	c->themes = theme_list(b, themes, &c->nthemes);
	c->lead = NM_NONE;
	c->parent = NM_NONE;
	c->founded = c->ends = c->last_met = NM_DATE_NONE;
	c->meets = NM_FREQ_NONE;
	return c;
}

static nm_committee *com(builder *b, const char *id)
{
	uint32_t c = find_linear(b->ds->committees, b->ds->ncommittees, sizeof(nm_committee), id);
	assert_int_not_equal(c, NM_NONE);
	return &b->ds->committees[c];
}

static void parent(builder *b, const char *child, const char *par)
{
	com(b, child)->parent = find_linear(b->ds->committees, b->ds->ncommittees,
					    sizeof(nm_committee), par);
}

static void member(builder *b, const char *c, const char *a, nm_role role)
{
	nm_dataset *ds = b->ds;
	nm_membership *m;

	NM_GROW(ds->memberships, b->cap_m, ds->nmemberships + 1);
	m = &ds->memberships[ds->nmemberships++];
	m->committee = find_linear(ds->committees, ds->ncommittees, sizeof(nm_committee), c);
	m->actor = find_linear(ds->actors, ds->nactors, sizeof(nm_actor), a);
	assert_int_not_equal(m->committee, NM_NONE);
	assert_int_not_equal(m->actor, NM_NONE);
	m->role = role;
	m->since = NM_DATE_NONE;
}

/* Members (role member) from a space-separated list of actor ids. */
static void members(builder *b, const char *c, const char *list)
{
	char *copy = nm_xstrdup(list), *save = NULL;
	for (char *tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		member(b, c, tok, NM_ROLE_MEMBER);
	free(copy);
}

/* Actors of one type from a space-separated list of ids. */
static void actors(builder *b, nm_actor_type type, const char *list)
{
	char *copy = nm_xstrdup(list), *save = NULL;
	for (char *tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		actor(b, tok, type, NULL);
	free(copy);
}

static nm_date date(const char *s)
{
	nm_date d;
	assert_int_equal(nm_date_parse(s, &d), 0);
	return d;
}

static nm_analysis *analyse_with(builder *b, const nm_settings *st)
{
	nm_analysis *an = NULL;
	nm_error err;

	nm_dataset_sort(b->ds);
	assert_int_equal(nm_analysis_run(&an, b->ds, st, date(TODAY), &err), NM_OK);
	assert_non_null(an);
	return an;
}

static nm_analysis *analyse(builder *b)
{
	nm_settings st;
	nm_settings_default(&st);
	return analyse_with(b, &st);
}

static void done(builder *b, nm_analysis *an)
{
	nm_analysis_free(an);
	nm_dataset_free(b->ds);
}

/* ------------------------------------------------------------ lookups */

static uint32_t cidx(const nm_analysis *an, const char *id)
{
	uint32_t c = nm_dataset_find_committee(an->ds, id);
	assert_int_not_equal(c, NM_NONE);
	return c;
}

static uint32_t aidx(const nm_analysis *an, const char *id)
{
	uint32_t a = nm_dataset_find_actor(an->ds, id);
	assert_int_not_equal(a, NM_NONE);
	return a;
}

static const nm_overlap *pair(const nm_analysis *an, const char *x, const char *y)
{
	uint32_t a = cidx(an, x), b = cidx(an, y);
	for (size_t i = 0; i < an->noverlaps; i++)
		if (an->overlaps[i].a == (a < b ? a : b) && an->overlaps[i].b == (a < b ? b : a))
			return &an->overlaps[i];
	return NULL;
}

/* The class of the pair as its name, or "none". */
static const char *cls(const nm_analysis *an, const char *x, const char *y)
{
	const nm_overlap *o = pair(an, x, y);
	return o ? nm_class_names[o->cls] : "none";
}

static const nm_load *load_of(const nm_analysis *an, const char *id)
{
	uint32_t a = aidx(an, id);
	for (size_t i = 0; i < an->nload; i++)
		if (an->load[i].actor == a)
			return &an->load[i];
	return NULL;
}

/* Lists as space-separated ids, so that one assertion shows the whole list. */
static char *committee_ids(const nm_analysis *an, const uint32_t *v, size_t n)
{
	nm_buf b = NM_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		nm_buf_printf(&b, "%s%s", i ? " " : "", an->ds->committees[v[i]].id);
	return nm_buf_detach(&b);
}

static char *actor_ids(const nm_analysis *an, const uint32_t *v, size_t n)
{
	nm_buf b = NM_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		nm_buf_printf(&b, "%s%s", i ? " " : "", an->ds->actors[v[i]].id);
	return nm_buf_detach(&b);
}

static char *theme_ids(const nm_analysis *an, const uint32_t *v, size_t n)
{
	nm_buf b = NM_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		nm_buf_printf(&b, "%s%s", i ? " " : "", an->ds->themes[v[i]].id);
	return nm_buf_detach(&b);
}

#define assert_list(expr, expected) \
	do { \
		char *got_ = (expr); \
		assert_string_equal(got_, expected); \
		free(got_); \
	} while (0)

/* Overlaps as "a/b:class" in list order. */
static char *overlap_list(const nm_analysis *an)
{
	nm_buf b = NM_BUF_INIT;
	for (size_t i = 0; i < an->noverlaps; i++)
		nm_buf_printf(&b, "%s%s/%s:%s", i ? " " : "",
			      an->ds->committees[an->overlaps[i].a].id,
			      an->ds->committees[an->overlaps[i].b].id,
			      nm_class_names[an->overlaps[i].cls]);
	return nm_buf_detach(&b);
}

static char *review_list(const nm_analysis *an)
{
	nm_buf b = NM_BUF_INIT;
	for (size_t i = 0; i < an->nreview; i++)
		nm_buf_printf(&b, "%s%s:%s:%d", i ? " " : "",
			      an->ds->committees[an->review[i].committee].id,
			      nm_review_reason_names[an->review[i].reason],
			      (int)an->review[i].days);
	return nm_buf_detach(&b);
}

static char *load_list(const nm_analysis *an)
{
	nm_buf b = NM_BUF_INIT;
	for (size_t i = 0; i < an->nload; i++)
		nm_buf_printf(&b, "%s%s:%u:%u%s", i ? " " : "",
			      an->ds->actors[an->load[i].actor].id, an->load[i].committees,
			      an->load[i].meetings, an->load[i].overloaded ? "!" : "");
	return nm_buf_detach(&b);
}

static char *voices_list(const nm_analysis *an)
{
	nm_buf b = NM_BUF_INIT;
	for (size_t i = 0; i < an->nmissing_voices; i++)
		nm_buf_printf(&b, "%s%s:%s", i ? " " : "",
			      an->ds->themes[an->missing_voices[i].theme].id,
			      nm_actor_type_names[an->missing_voices[i].type]);
	return nm_buf_detach(&b);
}

static uint32_t coverage(const nm_analysis *an, const char *t, nm_actor_type type)
{
	uint32_t ti = nm_dataset_find_theme(an->ds, t);
	assert_int_not_equal(ti, NM_NONE);
	return an->coverage[ti * NM_TYPE_COUNT + type];
}

/* Ten actors a0..a9 (associations) to fill committees with. */
static void ten_actors(builder *b)
{
	actors(b, NM_TYPE_ASSOCIATION, "a0 a1 a2 a3 a4 a5 a6 a7 a8 a9");
}

/* ------------------------------------------------------------ 3.1 thresholds */

static void test_analysis__duplicate_at_jaccard_exactly_0_6(void **state)
{
	builder b;
	nm_analysis *an;
	const nm_overlap *o;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	/* s = 3, union = 5: jaccard 3/5 = 0.6 exactly. */
	committee(&b, "ak-x", "language");
	committee(&b, "nw-x", "language");
	members(&b, "ak-x", "a0 a1 a2 a3");
	members(&b, "nw-x", "a0 a1 a2 a4");
	/* s = 3, union = 6: 0.5, one step below. */
	committee(&b, "ak-y", "housing");
	committee(&b, "nw-y", "housing");
	members(&b, "ak-y", "a5 a6 a7 a8");
	members(&b, "nw-y", "a5 a6 a7 a9 a0");
	an = analyse(&b);

	o = pair(an, "ak-x", "nw-x");
	assert_non_null(o);
	assert_string_equal(nm_class_names[o->cls], "duplicate");
	assert_int_equal(o->shared, 3);
	assert_int_equal(o->size_a, 4);
	assert_int_equal(o->size_b, 4);
	assert_int_equal(o->themes_shared, 1);
	assert_int_equal(o->themes_union, 1);
	assert_int_equal(o->inside, NM_NONE);
	assert_list(actor_ids(an, o->shared_members, o->shared), "a0 a1 a2");
	assert_list(theme_ids(an, o->shared_themes, o->themes_shared), "language");
	assert_string_equal(cls(an, "ak-y", "nw-y"), "overlap");
	done(&b, an);
}

static void test_analysis__theme_jaccard_exactly_0_5_is_duplicate(void **state)
{
	builder b;
	nm_analysis *an;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	/* Same members (jaccard 1): themes decide. 1/2 fits, 1/3 does not. */
	committee(&b, "ak-half", "language,youth");
	committee(&b, "nw-half", "language");
	committee(&b, "ak-third", "housing,health,women");
	committee(&b, "nw-third", "housing");
	members(&b, "ak-half", "a0 a1 a2");
	members(&b, "nw-half", "a0 a1 a2");
	members(&b, "ak-third", "a3 a4 a5");
	members(&b, "nw-third", "a3 a4 a5");
	an = analyse(&b);
	assert_string_equal(cls(an, "ak-half", "nw-half"), "duplicate");
	/* Equal sets are never nested: jaccard 1 makes them an overlap. */
	assert_string_equal(cls(an, "ak-third", "nw-third"), "overlap");
	assert_int_equal(pair(an, "ak-third", "nw-third")->themes_shared, 1);
	assert_int_equal(pair(an, "ak-third", "nw-third")->themes_union, 3);
	done(&b, an);
}

static void test_analysis__overlap_at_jaccard_exactly_0_3(void **state)
{
	builder b;
	nm_analysis *an;

	(void)state;
	build_init(&b);
	actors(&b, NM_TYPE_CLUB, "c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10");
	/* s = 3, union = 6 + 7 - 3 = 10: 0.3 exactly. */
	committee(&b, "ak-a", NULL);
	committee(&b, "ak-b", NULL);
	members(&b, "ak-a", "c0 c1 c2 c3 c4 c5");
	members(&b, "ak-b", "c0 c1 c2 c6 c7 c8 c9");
	/* s = 3, union = 11: below. */
	committee(&b, "rt-a", NULL);
	committee(&b, "rt-b", NULL);
	members(&b, "rt-a", "c0 c1 c2 c3 c4 c5");
	members(&b, "rt-b", "c0 c1 c2 c6 c7 c8 c9 c10");
	an = analyse(&b);
	assert_string_equal(cls(an, "ak-a", "ak-b"), "overlap");
	assert_string_equal(cls(an, "rt-a", "rt-b"), "none");
	done(&b, an);
}

/*
 * Ten actors and pairs of committees sharing one member (jaccard 1/2),
 * two (equal sets) and three (of four), made before a test.
 */
static int pairs_sharing_one_two_and_three(void **state)
{
	builder *b = calloc(1, sizeof(*b));

	if (!b)
		return -1;
	build_init(b);
	ten_actors(b);
	committee(b, "one-a", "t");
	committee(b, "one-b", "t");
	members(b, "one-a", "a0");
	members(b, "one-b", "a0 a1");
	committee(b, "two-a", "t");
	committee(b, "two-b", "t");
	members(b, "two-a", "a2 a3");
	members(b, "two-b", "a2 a3");
	committee(b, "three-a", "t");
	committee(b, "three-b", "t");
	members(b, "three-a", "a4 a5 a6");
	members(b, "three-b", "a4 a5 a6 a7");
	*state = b;
	return 0;
}

static int builder_release(void **state)
{
	builder *b = *state;

	nm_dataset_free(b->ds);
	free(b);
	return 0;
}

static void test_analysis__min_shared_2_by_default_pairs_two_shared_members(void **state)
{
	nm_analysis *an = analyse(*state);

	/* One shared member, jaccard 1/2: never with the default 2. */
	assert_string_equal(cls(an, "one-a", "one-b"), "none");
	/* Two shared, equal sets: a duplicate at min_shared 2. */
	assert_string_equal(cls(an, "two-a", "two-b"), "duplicate");
	assert_string_equal(cls(an, "three-a", "three-b"), "duplicate");
	nm_analysis_free(an);
}

static void test_analysis__min_shared_3_leaves_two_shared_members_unpaired(void **state)
{
	nm_settings st;
	nm_analysis *an;

	nm_settings_default(&st);
	st.min_shared = 3;
	an = analyse_with(*state, &st);
	assert_string_equal(cls(an, "two-a", "two-b"), "none");
	assert_string_equal(cls(an, "three-a", "three-b"), "duplicate");
	nm_analysis_free(an);
}

static void test_analysis__min_shared_1_lets_one_shared_member_count(void **state)
{
	nm_settings st;
	nm_analysis *an;

	nm_settings_default(&st);
	/* min_shared 1 lets one shared member count: {a0} in {a0, a1} is nested. */
	st.min_shared = 1;
	an = analyse_with(*state, &st);
	assert_string_equal(cls(an, "one-a", "one-b"), "nested");
	nm_analysis_free(an);
}

static void test_analysis__min_shared_0_never_pairs_disjoint_committees(void **state)
{
	nm_settings st;
	nm_analysis *an;

	nm_settings_default(&st);
	/* min_shared 0 still needs s >= 1: disjoint committees never pair. */
	st.min_shared = 0;
	st.overlap_jaccard = (nm_ratio){0, 1};
	an = analyse_with(*state, &st);
	assert_string_equal(cls(an, "one-a", "two-a"), "none");
	assert_string_equal(cls(an, "one-a", "one-b"), "nested");
	nm_analysis_free(an);
}

static void test_analysis__classes_ordered_then_jaccard_then_ids(void **state)
{
	builder b;
	nm_analysis *an;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	actors(&b, NM_TYPE_CLUB, "b0 b1 b2 b3 b4 b5");
	committee(&b, "d1", "t");
	committee(&b, "d2", "t");
	members(&b, "d1", "a0 a1 a2");
	members(&b, "d2", "a0 a1 a2 a3"); /* 3/4: duplicate */
	committee(&b, "e1", "t");
	committee(&b, "e2", "t");
	members(&b, "e1", "a4 a5");
	members(&b, "e2", "a4 a5"); /* 1: duplicate, before the 3/4 one */
	committee(&b, "n1", "u");
	committee(&b, "n2", "u");
	members(&b, "n1", "a6 a7");
	members(&b, "n2", "a6 a7 a8 a9 b0"); /* 2/5 nested */
	committee(&b, "o1", "v");
	committee(&b, "o2", "w");
	members(&b, "o1", "b1 b2 b3 b4");
	members(&b, "o2", "b1 b2 b3 b5"); /* 3/5, themes apart: overlap */
	an = analyse(&b);
	assert_list(overlap_list(an), "e1/e2:duplicate d1/d2:duplicate n1/n2:nested o1/o2:overlap");
	assert_int_equal(nm_analysis_count_class(an, NM_CLASS_DUPLICATE), 2);
	assert_int_equal(nm_analysis_count_class(an, NM_CLASS_NESTED), 1);
	assert_int_equal(nm_analysis_count_class(an, NM_CLASS_OVERLAP), 1);
	done(&b, an);
}

/* ------------------------------------------------------------ M(c) and status */

static void test_analysis__guests_are_not_members_but_carry_load(void **state)
{
	builder b;
	nm_analysis *an;
	const nm_load *l;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	actor(&b, "guest", NM_TYPE_CLUB, NULL);
	committee(&b, "ak-a", "t")->meets = NM_FREQ_MONTHLY;
	committee(&b, "ak-b", "t");
	members(&b, "ak-a", "a0 a1 a2");
	member(&b, "ak-a", "guest", NM_ROLE_GUEST);
	members(&b, "ak-b", "a0 a1 a2");
	an = analyse(&b);
	/* M(ak-a) = {a0, a1, a2}: equal to ak-b. */
	assert_string_equal(cls(an, "ak-a", "ak-b"), "duplicate");
	assert_int_equal(an->member_count[cidx(an, "ak-a")], 3);
	l = load_of(an, "guest");
	assert_non_null(l);
	assert_int_equal(l->committees, 1);
	assert_int_equal(l->meetings, 12);
	assert_int_equal(l->guest, 1);
	assert_list(actor_ids(an, an->isolated_actors, an->nisolated_actors),
		    "a3 a4 a5 a6 a7 a8 a9");
	/* Every actor is in load or isolated. */
	assert_int_equal(an->nload + an->nisolated_actors, an->ds->nactors);
	done(&b, an);
}

static void test_analysis__dissolved_committees_take_no_part(void **state)
{
	builder b;
	nm_analysis *an;
	nm_committee *c;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	b.ds->themes_declared = true;
	theme(&b, "history");
	committee(&b, "ak-live", "t");
	members(&b, "ak-live", "a0 a1 a2");
	c = committee(&b, "ak-old", "history");
	c->status = NM_STATUS_DISSOLVED;
	c->ad_hoc = true;
	c->ends = date("2020-01-01");
	c->founded = date("2010-01-01");
	members(&b, "ak-old", "a0 a1 a2 a3");
	an = analyse(&b);
	assert_int_equal(an->analysed_committees, 1);
	assert_int_equal(an->noverlaps, 0);
	assert_int_equal(an->member_count[cidx(an, "ak-old")], 0);
	assert_int_equal(load_of(an, "a0")->committees, 1);
	assert_null(load_of(an, "a3"));
	assert_list(actor_ids(an, an->isolated_actors, an->nisolated_actors),
		    "a3 a4 a5 a6 a7 a8 a9");
	assert_int_equal(an->nreview, 0);
	assert_list(theme_ids(an, an->uncovered_themes, an->nuncovered_themes), "history");
	assert_int_equal(coverage(an, "history", NM_TYPE_ASSOCIATION), 0);
	done(&b, an);
}

/* ------------------------------------------------------------ nested */

static void test_analysis__nested_needs_theme_subset(void **state)
{
	builder b;
	nm_analysis *an;
	const nm_overlap *o;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	/* 2 of 7: jaccard 2/7 fits no other class; the subset makes it nested. */
	committee(&b, "nw-big", "language,youth");
	members(&b, "nw-big", "a0 a1 a2 a3 a4 a5 a6");
	committee(&b, "ag-sub", "language");
	members(&b, "ag-sub", "a0 a1");
	/* A theme the larger lacks: no nesting, and 2/7 is below 0.3. */
	committee(&b, "ag-other", "language,health");
	members(&b, "ag-other", "a2 a3");
	an = analyse(&b);
	o = pair(an, "ag-sub", "nw-big");
	assert_non_null(o);
	assert_string_equal(nm_class_names[o->cls], "nested");
	assert_int_equal(o->inside, cidx(an, "ag-sub"));
	assert_false(o->subgroup);
	assert_string_equal(cls(an, "ag-other", "nw-big"), "none");
	done(&b, an);
}

static void test_analysis__committees_without_themes(void **state)
{
	builder b;
	nm_analysis *an;
	nm_settings st;
	const nm_overlap *o;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	committee(&b, "x1", NULL);
	committee(&b, "x2", NULL);
	members(&b, "x1", "a0 a1 a2");
	members(&b, "x2", "a0 a1 a2");
	committee(&b, "y-small", NULL);
	committee(&b, "y-large", NULL);
	members(&b, "y-small", "a3 a4");
	members(&b, "y-large", "a3 a4 a5 a6 a7 a8 a9");
	an = analyse(&b);
	/* theme_jaccard is 0 when both have none: equal sets are an overlap. */
	o = pair(an, "x1", "x2");
	assert_non_null(o);
	assert_string_equal(nm_class_names[o->cls], "overlap");
	assert_int_equal(o->themes_union, 0);
	assert_null(o->shared_themes);
	/* No themes is a subset of no themes. */
	assert_string_equal(cls(an, "y-large", "y-small"), "nested");
	nm_analysis_free(an);

	nm_settings_default(&st);
	st.duplicate_theme_jaccard = (nm_ratio){0, 1};
	an = analyse_with(&b, &st);
	assert_string_equal(cls(an, "x1", "x2"), "duplicate");
	done(&b, an);
}

static void test_analysis__equal_size_subsets_are_never_nested(void **state)
{
	builder b;
	nm_analysis *an;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	committee(&b, "p1", "t");
	committee(&b, "p2", "t,u,v");
	members(&b, "p1", "a0 a1 a2");
	members(&b, "p2", "a0 a1 a2");
	committee(&b, "q1", "t");
	committee(&b, "q2", "t");
	members(&b, "q1", "a3 a4 a5");
	members(&b, "q2", "a3 a4 a5");
	an = analyse(&b);
	assert_string_equal(cls(an, "p1", "p2"), "overlap");
	assert_string_equal(cls(an, "q1", "q2"), "duplicate");
	done(&b, an);
}

static void test_analysis__parent_chains_block_nested(void **state)
{
	builder b;
	nm_analysis *an;
	const nm_overlap *o;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	/* big > mid > small through parents; small and mid inside big. */
	committee(&b, "big", "t");
	members(&b, "big", "a0 a1 a2 a3 a4 a5 a6 a7 a8 a9");
	committee(&b, "mid", "t");
	members(&b, "mid", "a0 a1 a2 a3 a4");
	parent(&b, "mid", "big");
	committee(&b, "small", "t");
	members(&b, "small", "a0 a1");
	parent(&b, "small", "mid");
	/* A chain through a dissolved committee still counts. */
	committee(&b, "via-gone", "t");
	members(&b, "via-gone", "a5 a6");
	committee(&b, "gone", "t")->status = NM_STATUS_DISSOLVED;
	parent(&b, "via-gone", "gone");
	parent(&b, "gone", "big");
	/* The same subset without parents is nested. */
	committee(&b, "free", "t");
	members(&b, "free", "a7 a8");
	an = analyse(&b);
	/* parent: 5/10 is below 0.6 but an overlap, not nested */
	o = pair(an, "big", "mid");
	assert_non_null(o);
	assert_string_equal(nm_class_names[o->cls], "overlap");
	assert_true(o->subgroup);
	/* grandparent: 2/10 fits no other class */
	assert_string_equal(cls(an, "big", "small"), "none");
	/* parent of small: 2/5 is an overlap */
	assert_string_equal(cls(an, "mid", "small"), "overlap");
	assert_string_equal(cls(an, "big", "via-gone"), "none");
	assert_string_equal(cls(an, "big", "free"), "nested");
	assert_false(pair(an, "big", "free")->subgroup);
	done(&b, an);
}

static void test_analysis__subgroup_can_still_be_duplicate(void **state)
{
	builder b;
	nm_analysis *an;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	committee(&b, "nw", "t");
	members(&b, "nw", "a0 a1 a2 a3");
	committee(&b, "ag", "t");
	members(&b, "ag", "a0 a1 a2");
	parent(&b, "ag", "nw");
	an = analyse(&b);
	assert_string_equal(cls(an, "ag", "nw"), "duplicate");
	assert_true(pair(an, "ag", "nw")->subgroup);
	done(&b, an);
}

/* ------------------------------------------------------------ clusters */

static void test_analysis__cluster_of_a_chain_of_three(void **state)
{
	builder b;
	nm_analysis *an;

	(void)state;
	build_init(&b);
	ten_actors(&b);
	/* c1 ~ c2 (3/4), c2 ~ c3 (3/4), c1 vs c3 2/5: not a duplicate. */
	committee(&b, "c3", "t");
	committee(&b, "c1", "t");
	committee(&b, "c2", "t");
	members(&b, "c1", "a0 a1 a2");
	members(&b, "c2", "a0 a1 a2 a3");
	members(&b, "c3", "a1 a2 a3");
	/* A separate pair, first id after c1. */
	committee(&b, "b1", "u");
	committee(&b, "d1", "u");
	members(&b, "b1", "a5 a6");
	members(&b, "d1", "a5 a6");
	/* A committee without duplicates is no cluster of its own. */
	committee(&b, "a-alone", "u");
	members(&b, "a-alone", "a7 a8");
	an = analyse(&b);
	assert_string_equal(cls(an, "c1", "c2"), "duplicate");
	assert_string_equal(cls(an, "c2", "c3"), "duplicate");
	assert_string_equal(cls(an, "c1", "c3"), "overlap");
	assert_int_equal(an->nclusters, 2);
	assert_list(committee_ids(an, an->clusters[0].committees, an->clusters[0].n), "b1 d1");
	assert_list(committee_ids(an, an->clusters[1].committees, an->clusters[1].n), "c1 c2 c3");
	done(&b, an);
}

/* ------------------------------------------------------------ 3.2 load */

static void test_analysis__load_order_and_overloaded_past_max_load(void **state)
{
	builder b;
	nm_analysis *an;
	nm_settings st;

	(void)state;
	build_init(&b);
	actor(&b, "seven", NM_TYPE_ADMINISTRATION, NULL);
	actor(&b, "six", NM_TYPE_AGENCY, NULL);
	actor(&b, "also-six", NM_TYPE_AGENCY, NULL);
	for (int i = 0; i < 7; i++) {
		char id[16];
		snprintf(id, sizeof(id), "g%d", i);
		committee(&b, id, NULL)->meets = i == 0   ? NM_FREQ_WEEKLY
						 : i == 1 ? NM_FREQ_MONTHLY
							  : NM_FREQ_NONE;
		member(&b, id, "seven", i == 6 ? NM_ROLE_GUEST : NM_ROLE_LEAD);
		if (i < 6) {
			member(&b, id, "six", NM_ROLE_MEMBER);
			member(&b, id, "also-six", NM_ROLE_CHAIR);
		}
	}
	an = analyse(&b);
	/* 7 > 6 is overloaded; 6 is not. Ties by id. 52 + 12 meetings. */
	assert_list(load_list(an), "seven:7:64! also-six:6:64 six:6:64");
	assert_int_equal(nm_analysis_count_overloaded(an), 1);
	nm_analysis_free(an);

	nm_settings_default(&st);
	st.max_load = 5;
	an = analyse_with(&b, &st);
	assert_int_equal(nm_analysis_count_overloaded(an), 3);
	done(&b, an);
}

/* ------------------------------------------------------------ 3.3 review */

static void test_analysis__review_boundaries(void **state)
{
	builder b;
	nm_analysis *an;
	nm_date today = date(TODAY);
	nm_committee *c;

	(void)state;
	build_init(&b);
	committee(&b, "met-365", NULL)->last_met = today - 365;
	committee(&b, "met-366", NULL)->last_met = today - 366;
	c = committee(&b, "dormant-old", NULL);
	c->status = NM_STATUS_DORMANT;
	c->last_met = today - 1000; /* stale needs active */
	c = committee(&b, "ends-today", NULL);
	c->ad_hoc = true;
	c->ends = today;
	c = committee(&b, "ends-yesterday", NULL);
	c->ad_hoc = true;
	c->ends = today - 1;
	c = committee(&b, "dormant-overdue", NULL);
	c->ad_hoc = true;
	c->status = NM_STATUS_DORMANT;
	c->ends = today - 10;
	c = committee(&b, "founded-730", NULL);
	c->ad_hoc = true;
	c->founded = today - 730;
	c = committee(&b, "founded-731", NULL);
	c->ad_hoc = true;
	c->founded = today - 731;
	c = committee(&b, "founded-old-with-ends", NULL);
	c->ad_hoc = true;
	c->founded = today - 2000;
	c->ends = today + 10;
	c = committee(&b, "not-ad-hoc", NULL);
	c->founded = today - 2000;
	c->ends = today - 5;
	c = committee(&b, "stale-long", NULL);
	c->ad_hoc = true;
	c->last_met = today - 400;
	c->founded = today - 800;
	c = committee(&b, "gone", NULL);
	c->status = NM_STATUS_DISSOLVED;
	c->ad_hoc = true;
	c->ends = today - 3;
	an = analyse(&b);
	assert_list(review_list(an), "dormant-old:dormant:0 "
				     "dormant-overdue:dormant:0 dormant-overdue:overdue_ad_hoc:10 "
				     "ends-yesterday:overdue_ad_hoc:1 "
				     "founded-731:long_running_ad_hoc:731 "
				     "met-366:stale:366 "
				     "stale-long:long_running_ad_hoc:800 stale-long:stale:400");
	done(&b, an);
}

static void test_analysis__review_days_follow_settings(void **state)
{
	builder b;
	nm_analysis *an;
	nm_settings st;
	nm_date today = date(TODAY);
	nm_committee *c;

	(void)state;
	build_init(&b);
	committee(&b, "met-100", NULL)->last_met = today - 100;
	c = committee(&b, "founded-100", NULL);
	c->ad_hoc = true;
	c->founded = today - 100;
	nm_settings_default(&st);
	st.stale_days = 99;
	st.ad_hoc_days = 100;
	an = analyse_with(&b, &st);
	assert_list(review_list(an), "met-100:stale:100");
	done(&b, an);
}

/* ------------------------------------------------------------ 3.4 gaps */

static void test_analysis__gaps_with_declared_themes(void **state)
{
	builder b;
	nm_analysis *an;

	(void)state;
	build_init(&b);
	b.ds->themes_declared = true;
	theme(&b, "health");
	theme(&b, "language");
	theme(&b, "youth");
	actor(&b, "mo1", NM_TYPE_MIGRANT_ORGANISATION, "language");
	actor(&b, "vhs", NM_TYPE_EDUCATION_PROVIDER, NULL);
	actor(&b, "vhs2", NM_TYPE_EDUCATION_PROVIDER, NULL);
	actor(&b, "vhs3", NM_TYPE_EDUCATION_PROVIDER, NULL);
	actor(&b, "club", NM_TYPE_CLUB, NULL);
	actor(&b, "alone", NM_TYPE_OTHER, "health");
	committee(&b, "ak-sprache", "language");
	members(&b, "ak-sprache", "vhs vhs2 vhs3");
	member(&b, "ak-sprache", "mo1", NM_ROLE_GUEST);
	committee(&b, "ak-jugend", "youth");
	members(&b, "ak-jugend", "vhs mo1 club");
	committee(&b, "pair", "youth");
	members(&b, "pair", "vhs vhs2");
	an = analyse(&b);
	assert_list(theme_ids(an, an->uncovered_themes, an->nuncovered_themes), "health");
	assert_list(actor_ids(an, an->isolated_actors, an->nisolated_actors), "alone");
	/* Three education providers; the guest does not count; "pair" has two. */
	assert_list(committee_ids(an, an->single_type_committees, an->nsingle_type_committees),
		    "ak-sprache");
	assert_int_equal(an->single_types[0], NM_TYPE_EDUCATION_PROVIDER);
	/* Coverage: distinct actors over committees on the theme, zeros included. */
	assert_int_equal(coverage(an, "language", NM_TYPE_EDUCATION_PROVIDER), 3);
	assert_int_equal(coverage(an, "language", NM_TYPE_MIGRANT_ORGANISATION), 0);
	assert_int_equal(coverage(an, "youth", NM_TYPE_EDUCATION_PROVIDER), 2);
	assert_int_equal(coverage(an, "youth", NM_TYPE_MIGRANT_ORGANISATION), 1);
	assert_int_equal(coverage(an, "youth", NM_TYPE_CLUB), 1);
	assert_int_equal(coverage(an, "health", NM_TYPE_OTHER), 0);
	/* No volunteer initiative in the dataset: never a missing voice. */
	assert_list(voices_list(an), "language:migrant_organisation");
	done(&b, an);
}

static void test_analysis__uncovered_without_declared_themes_are_actor_themes(void **state)
{
	builder b;
	nm_analysis *an;

	(void)state;
	build_init(&b);
	/* With none declared, ds->themes holds every theme in use. */
	actor(&b, "x", NM_TYPE_CLUB, "sports,culture");
	actor(&b, "y", NM_TYPE_CLUB, NULL);
	committee(&b, "ak-sport", "sports");
	members(&b, "ak-sport", "x y");
	committee(&b, "ak-only-committee", "digital");
	members(&b, "ak-only-committee", "x");
	committee(&b, "ak-gone", "culture,history")->status = NM_STATUS_DISSOLVED;
	an = analyse(&b);
	/* culture: an actor's, on a dissolved committee only; history: no actor's */
	assert_list(theme_ids(an, an->uncovered_themes, an->nuncovered_themes), "culture");
	assert_int_equal(coverage(an, "history", NM_TYPE_CLUB), 0);
	assert_int_equal(coverage(an, "digital", NM_TYPE_CLUB), 1);
	done(&b, an);
}

static void test_analysis__missing_voices_custom_and_ordered_by_type_name(void **state)
{
	builder b;
	nm_analysis *an;
	nm_settings st;

	(void)state;
	build_init(&b);
	actor(&b, "yw", NM_TYPE_YOUTH_WORK, NULL);
	actor(&b, "adm", NM_TYPE_ADMINISTRATION, NULL);
	actor(&b, "cl", NM_TYPE_CLUB, NULL);
	actor(&b, "vi", NM_TYPE_VOLUNTEER_INITIATIVE, NULL);
	actor(&b, "mo", NM_TYPE_MIGRANT_ORGANISATION, NULL);
	committee(&b, "b-theme", "beta");
	members(&b, "b-theme", "mo");
	committee(&b, "a-theme", "alpha");
	members(&b, "a-theme", "cl vi");
	an = analyse(&b);
	assert_list(voices_list(an), "alpha:migrant_organisation beta:volunteer_initiative");
	nm_analysis_free(an);

	nm_settings_default(&st);
	st.voices = (1u << NM_TYPE_YOUTH_WORK) | (1u << NM_TYPE_CLUB) |
		    (1u << NM_TYPE_ADMINISTRATION) | (1u << NM_TYPE_SCHOOL);
	an = analyse_with(&b, &st);
	/* by theme, then type name; no school in the dataset */
	assert_list(voices_list(an), "alpha:administration alpha:youth_work "
				     "beta:administration beta:club beta:youth_work");
	done(&b, an);
}

/* ------------------------------------------------------------ the rest */

static void test_analysis__empty_dataset(void **state)
{
	builder b;
	nm_analysis *an;

	(void)state;
	build_init(&b);
	an = analyse(&b);
	assert_int_equal(an->noverlaps + an->nclusters + an->nload + an->nreview, 0);
	assert_int_equal(an->nisolated_actors + an->nuncovered_themes + an->nmissing_voices, 0);
	assert_non_null(an->coverage);
	done(&b, an);
}

static void test_analysis__bad_arguments_are_usage_errors(void **state)
{
	builder b;
	nm_analysis *an = NULL;
	nm_settings st;
	nm_error err;

	(void)state;
	build_init(&b);
	nm_settings_default(&st);
	assert_int_equal(nm_analysis_run(&an, b.ds, &st, NM_DATE_NONE, &err), NM_EUSAGE);
	assert_null(an);
	st.overlap_jaccard = (nm_ratio){1, 0};
	assert_int_equal(nm_analysis_run(&an, b.ds, &st, date(TODAY), &err), NM_EUSAGE);
	assert_null(an);
	nm_analysis_free(NULL);
	assert_int_equal(nm_analysis_count_class(NULL, NM_CLASS_DUPLICATE), 0);
	nm_dataset_free(b.ds);
}

static void test_analysis__duplicate_actors_come_from_names(void **state)
{
	builder b;
	nm_analysis *an;
	nm_duplicate_actor *dups;
	size_t n;

	(void)state;
	build_init(&b);
	actor(&b, "awo-ks", NM_TYPE_ASSOCIATION, NULL);
	actor(&b, "awo-kassel", NM_TYPE_ASSOCIATION, NULL);
	free(b.ds->actors[1].name);
	b.ds->actors[1].name = nm_xstrdup(b.ds->actors[0].name);
	an = analyse(&b);
	nm_names_find_duplicates(&dups, &n, b.ds, an->settings.similar_name);
	assert_int_equal(an->nduplicate_actors, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(an->duplicate_actors[i].a, dups[i].a);
		assert_int_equal(an->duplicate_actors[i].b, dups[i].b);
		assert_int_equal(an->duplicate_actors[i].reason, dups[i].reason);
	}
	free(dups);
	done(&b, an);
}

/* ------------------------------------------------------------ hubs */

static uint32_t rnd_state = 12345;
static uint32_t rnd(uint32_t n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % n;
}

/*
 * Hub actors in hundreds of committees take the heavy path of the pair
 * search (more committees than its limit of 256 here); committees of hubs
 * only, and of mostly hubs, are the pairs it must still find. The result
 * must equal a plain comparison of every pair by the rules of 3.1.
 */
static int cmp_pair(const void *x, const void *y)
{
	const nm_overlap *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

/* nc committees, 400 other actors, nh hubs each in p_lo..p_hi % of committees. */
static void check_hubs(int nc, int nh, unsigned p_lo, unsigned p_hi)
{
	const int na = 400;
	builder b;
	nm_analysis *an;
	nm_overlap *sorted;
	size_t expect = 0, heavy = 0, next = 0, *moff;
	uint32_t *mact;

	build_init(&b);
	for (int i = 0; i < na + nh; i++) {
		char id[16];
		snprintf(id, sizeof(id), i < nh ? "hub%02d" : "x%03d", i < nh ? i : i - nh);
		actor(&b, id, (nm_actor_type)(i % NM_TYPE_COUNT), NULL);
	}
	for (int c = 0; c < nc; c++) {
		char id[16];
		/* kind 0: hubs only; 1: hubs and one other; 2: a small pool */
		int kind = c % 7, nlight = kind == 0 ? 0 : kind == 1 ? 1 : 2 + (int)rnd(6);
		nm_committee *cm;

		snprintf(id, sizeof(id), "c%04d", c);
		cm = committee(&b, id, rnd(3) == 0 ? "t1" : rnd(2) ? "t1,t2" : NULL);
		if (c % 50 == 7)
			cm->parent = (uint32_t)(c - 1);
		for (int h = 0; h < nh; h++) {
			unsigned pct = p_hi - (p_hi - p_lo) * (unsigned)h / (unsigned)nh;
			if (kind <= 1)
				pct /= 8;
			if (rnd(100) < pct || (kind <= 1 && h < 2)) {
				char hid[16];
				snprintf(hid, sizeof(hid), "hub%02d", h);
				member(&b, id, hid, NM_ROLE_MEMBER);
			}
		}
		for (int k = 0; k < nlight; k++) {
			char aid[16];
			snprintf(aid, sizeof(aid), "x%03d",
				 (int)rnd(kind == 2 ? 20 : (uint32_t)na));
			member(&b, id, aid, rnd(10) == 0 ? NM_ROLE_GUEST : NM_ROLE_MEMBER);
		}
	}
	/* One membership per pair, as validation leaves it. */
	nm_dataset_sort(b.ds);
	{
		size_t k = 0;
		for (size_t i = 0; i < b.ds->nmemberships; i++) {
			if (k &&
			    b.ds->memberships[k - 1].committee == b.ds->memberships[i].committee &&
			    b.ds->memberships[k - 1].actor == b.ds->memberships[i].actor)
				continue;
			b.ds->memberships[k++] = b.ds->memberships[i];
		}
		b.ds->nmemberships = k;
	}
	an = analyse(&b);

	/* M(c) as sorted lists (memberships are sorted by committee, actor). */
	moff = nm_xcalloc((size_t)nc + 1, sizeof(*moff));
	mact = nm_xreallocarray(NULL, b.ds->nmemberships + 1, sizeof(*mact));
	for (size_t i = 0, k = 0; i < b.ds->nmemberships; i++) {
		const nm_membership *m = &b.ds->memberships[i];
		if (m->role == NM_ROLE_GUEST)
			continue;
		mact[k++] = m->actor;
		moff[m->committee + 1] = k;
	}
	for (int c = 0; c < nc; c++)
		if (moff[c + 1] < moff[c])
			moff[c + 1] = moff[c];
	sorted = nm_xreallocarray(NULL, an->noverlaps + 1, sizeof(*sorted));
	if (an->noverlaps) {
		memcpy(sorted, an->overlaps, an->noverlaps * sizeof(*sorted));
		qsort(sorted, an->noverlaps, sizeof(*sorted), cmp_pair);
	}

	/* Every pair by the letter of 3.1, in the order of the sorted copy. */
	for (uint32_t x = 0; x < (uint32_t)nc; x++) {
		for (uint32_t y = x + 1; y < (uint32_t)nc; y++) {
			const nm_committee *cx = &b.ds->committees[x], *cy = &b.ds->committees[y];
			const uint32_t *mx = mact + moff[x], *my = mact + moff[y];
			uint32_t nx = (uint32_t)(moff[x + 1] - moff[x]);
			uint32_t ny = (uint32_t)(moff[y + 1] - moff[y]);
			uint32_t s = 0, ts = 0, tu, u;
			const char *want = NULL;

			for (uint32_t i = 0, j = 0; i < nx && j < ny;) {
				if (mx[i] == my[j]) {
					s++;
					i++;
					j++;
				} else if (mx[i] < my[j]) {
					i++;
				} else {
					j++;
				}
			}
			for (size_t i = 0; i < cx->nthemes; i++)
				for (size_t j = 0; j < cy->nthemes; j++)
					ts += cx->themes[i] == cy->themes[j];
			tu = (uint32_t)(cx->nthemes + cy->nthemes) - ts;
			u = nx + ny - s;
			if (s >= 2) {
				if (10 * s >= 6 * u && tu && 10 * ts >= 5 * tu) {
					want = "duplicate";
				} else if (nx != ny && s == (nx < ny ? nx : ny)) {
					uint32_t small = nx < ny ? x : y, large = nx < ny ? y : x;
					bool anc = false;
					for (uint32_t p = b.ds->committees[small].parent;
					     p != NM_NONE; p = b.ds->committees[p].parent)
						anc = anc || p == large;
					if (ts == b.ds->committees[small].nthemes && !anc)
						want = "nested";
				}
				if (!want && 10 * s >= 3 * u)
					want = "overlap";
			}
			if (!want)
				continue;
			expect++;
			assert_true(next < an->noverlaps);
			assert_int_equal(sorted[next].a, x);
			assert_int_equal(sorted[next].b, y);
			assert_string_equal(nm_class_names[sorted[next].cls], want);
			assert_int_equal(sorted[next].shared, s);
			next++;
		}
	}
	assert_int_equal(an->noverlaps, expect);
	/* The data must really exercise all three classes, and every hub. */
	assert_true(nm_analysis_count_class(an, NM_CLASS_DUPLICATE) > 0);
	assert_true(nm_analysis_count_class(an, NM_CLASS_NESTED) > 0);
	assert_true(nm_analysis_count_class(an, NM_CLASS_OVERLAP) > 0);
	for (size_t i = 0; i < an->nload; i++)
		heavy += an->load[i].committees - an->load[i].guest > 256;
	assert_int_equal(heavy, (size_t)nh);
	free(sorted);
	free(moff);
	free(mact);
	done(&b, an);
}

static void test_analysis__hub_actors_match_every_pair_compared(void **state)
{
	(void)state;
	/* up to 64 hubs: the search keeps them in bit masks */
	check_hubs(700, 5, 60, 90);
}

static void test_analysis__many_hub_actors_match_every_pair_compared(void **state)
{
	(void)state;
	/* more: in lists */
	check_hubs(1800, 70, 20, 26);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analysis__duplicate_at_jaccard_exactly_0_6),
		cmocka_unit_test(test_analysis__theme_jaccard_exactly_0_5_is_duplicate),
		cmocka_unit_test(test_analysis__overlap_at_jaccard_exactly_0_3),
		cmocka_unit_test_setup_teardown(
			test_analysis__min_shared_2_by_default_pairs_two_shared_members,
			pairs_sharing_one_two_and_three, builder_release),
		cmocka_unit_test_setup_teardown(
			test_analysis__min_shared_3_leaves_two_shared_members_unpaired,
			pairs_sharing_one_two_and_three, builder_release),
		cmocka_unit_test_setup_teardown(
			test_analysis__min_shared_1_lets_one_shared_member_count,
			pairs_sharing_one_two_and_three, builder_release),
		cmocka_unit_test_setup_teardown(
			test_analysis__min_shared_0_never_pairs_disjoint_committees,
			pairs_sharing_one_two_and_three, builder_release),
		cmocka_unit_test(test_analysis__classes_ordered_then_jaccard_then_ids),
		cmocka_unit_test(test_analysis__guests_are_not_members_but_carry_load),
		cmocka_unit_test(test_analysis__dissolved_committees_take_no_part),
		cmocka_unit_test(test_analysis__nested_needs_theme_subset),
		cmocka_unit_test(test_analysis__committees_without_themes),
		cmocka_unit_test(test_analysis__equal_size_subsets_are_never_nested),
		cmocka_unit_test(test_analysis__parent_chains_block_nested),
		cmocka_unit_test(test_analysis__subgroup_can_still_be_duplicate),
		cmocka_unit_test(test_analysis__cluster_of_a_chain_of_three),
		cmocka_unit_test(test_analysis__load_order_and_overloaded_past_max_load),
		cmocka_unit_test(test_analysis__review_boundaries),
		cmocka_unit_test(test_analysis__review_days_follow_settings),
		cmocka_unit_test(test_analysis__gaps_with_declared_themes),
		cmocka_unit_test(test_analysis__uncovered_without_declared_themes_are_actor_themes),
		cmocka_unit_test(test_analysis__missing_voices_custom_and_ordered_by_type_name),
		cmocka_unit_test(test_analysis__empty_dataset),
		cmocka_unit_test(test_analysis__bad_arguments_are_usage_errors),
		cmocka_unit_test(test_analysis__duplicate_actors_come_from_names),
		cmocka_unit_test(test_analysis__hub_actors_match_every_pair_compared),
		cmocka_unit_test(test_analysis__many_hub_actors_match_every_pair_compared),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
