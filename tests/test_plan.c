/*
 * test_plan.c: contract section 7 on small fixtures whose figures were
 * worked out by hand (tests/data/plan): coordinators left out of M(c) for
 * overlaps, clusters and single-type committees but holding seats in merge
 * proposals; hosts with ties and a theme with no active committee; a
 * cluster where no committee gives meets; and the changes `netmap plan`
 * applies (merging a chair and a guest of the same actor, leads, themes,
 * meets, invitations, and every usage error).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/analysis.h"
#include "netmap/diag.h"
#include "netmap/diff.h"
#include "netmap/plan.h"
#include "netmap/report.h"
#include "netmap/validate.h"
#include "testutil.h"

#define DATA NETMAP_TEST_DATA "/plan/"

static nm_dataset *load(const char *name)
{
	const char *path = name;
	nm_diags d;
	nm_dataset *ds = NULL;
	nm_error err;
	nm_date today;
	size_t nfiles = 0;
	int rc;

	nm_diags_init(&d);
	nm_error_clear(&err);
	assert_int_equal(nm_date_parse("2026-11-26", &today), 0);
	rc = nm_validate_paths(&path, 1, today, 0, 1, &d, &ds, &nfiles, &err);
	if (rc != NM_OK)
		fail_msg("%s: %zu errors (%s)", name, d.errors,
			 d.n ? d.items[0].message : err.message);
	nm_diags_release(&d);
	return ds;
}

/* Analyse with the dataset's settings, coordinators replaced when given. */
static nm_analysis *analyse(const nm_dataset *ds, const char *coordinators)
{
	nm_settings s;
	nm_analysis *an = NULL;
	nm_error err;
	nm_date today;

	nm_date_parse("2026-11-26", &today);
	nm_settings_copy(&s, &ds->settings);
	if (coordinators) {
		nm_settings_release(&s);
		s.coordinators = coordinators[0] ? nm_xstrdup(coordinators) : NULL;
	}
	assert_int_equal(nm_analysis_run(&an, ds, &s, today, &err), NM_OK);
	nm_settings_release(&s);
	return an;
}

/* The JSON report's line starting with `"key": `, up to its end (one line or a list). */
static char *json_field(const nm_analysis *an, const char *key)
{
	nm_buf b = NM_BUF_INIT, pat = NM_BUF_INIT;
	nm_report_opts ro;
	const char *at, *end;
	char *out;

	nm_report_opts_init(&ro);
	nm_report_json(&b, an, &ro);
	nm_buf_printf(&pat, "\"%s\": ", key);
	at = strstr(nm_buf_cstr(&b), nm_buf_cstr(&pat));
	assert_non_null(at);
	if (strncmp(at + pat.len, "[\n", 2) == 0) {
		/* The list closes at the key's own indentation. */
		const char *line = at;
		nm_buf close = NM_BUF_INIT;

		while (line > nm_buf_cstr(&b) && line[-1] == ' ')
			line--;
		nm_buf_putc(&close, '\n');
		for (const char *p = line; p < at; p++)
			nm_buf_putc(&close, ' ');
		nm_buf_putc(&close, ']');
		end = strstr(at, nm_buf_cstr(&close));
		assert_non_null(end);
		end += close.len;
		nm_buf_release(&close);
	} else {
		end = strchr(at, '\n');
	}
	assert_non_null(end);
	out = nm_xstrndup(at, (size_t)(end - at));
	nm_buf_release(&b);
	nm_buf_release(&pat);
	return out;
}

static void assert_field(const nm_analysis *an, const char *key, const char *expected)
{
	char *got = json_field(an, key);

	if (strcmp(got, expected) != 0)
		fail_msg("%s:\n%s\nexpected:\n%s", key, got, expected);
	free(got);
}

/* ---------------------------------------------------------- 7.2 */

static void test_plan__hosts_break_ties_by_id_and_skip_dormant_committees(void **state)
{
	nm_dataset *ds = load(DATA "hosts.yaml");
	nm_analysis *an = analyse(ds, NULL);

	(void)state;
	/*
	 * health: a-health and b-health have 2 members each (a-health, the
	 * smaller id, hosts), z-health 3 but dormant. housing has only a
	 * dormant committee: a missing voice there, but no host, so no
	 * invitation. mig1 and vol1 are isolated; mig2 is a guest in c-lang
	 * (in load, not isolated) and a missing voice on language.
	 */
	assert_field(an, "missing_voices",
		     "\"missing_voices\": [\n"
		     "      {\"theme\": \"health\", \"type\": \"migrant_organisation\"},\n"
		     "      {\"theme\": \"health\", \"type\": \"volunteer_initiative\"},\n"
		     "      {\"theme\": \"housing\", \"type\": \"migrant_organisation\"},\n"
		     "      {\"theme\": \"housing\", \"type\": \"volunteer_initiative\"},\n"
		     "      {\"theme\": \"language\", \"type\": \"migrant_organisation\"},\n"
		     "      {\"theme\": \"language\", \"type\": \"volunteer_initiative\"}\n"
		     "    ]");
	assert_field(
		an, "invitations",
		"\"invitations\": [\n"
		"    {\"actor\": \"mig1\", \"committee\": \"a-health\", \"theme\": \"health\", \"reason\": \"isolated\"},\n"
		"    {\"actor\": \"mig1\", \"committee\": \"a-health\", \"theme\": \"health\", \"reason\": \"missing_voice\"},\n"
		"    {\"actor\": \"mig1\", \"committee\": \"c-lang\", \"theme\": \"language\", \"reason\": \"isolated\"},\n"
		"    {\"actor\": \"mig1\", \"committee\": \"c-lang\", \"theme\": \"language\", \"reason\": \"missing_voice\"},\n"
		"    {\"actor\": \"mig2\", \"committee\": \"c-lang\", \"theme\": \"language\", \"reason\": \"missing_voice\"},\n"
		"    {\"actor\": \"vol1\", \"committee\": \"a-health\", \"theme\": \"health\", \"reason\": \"isolated\"},\n"
		"    {\"actor\": \"vol1\", \"committee\": \"a-health\", \"theme\": \"health\", \"reason\": \"missing_voice\"}\n"
		"  ]");
	nm_analysis_free(an);
	nm_dataset_free(ds);
}

static void test_plan__a_larger_active_committee_takes_the_host_over(void **state)
{
	nm_dataset *ds = load(DATA "hosts.yaml");
	nm_analysis *an;

	(void)state;
	/* z-health active: 3 members, more than a-health's 2. */
	ds->committees[nm_dataset_find_committee(ds, "z-health")].status = NM_STATUS_ACTIVE;
	an = analyse(ds, NULL);
	assert_int_equal(an->ninvitations, 7);
	assert_string_equal(ds->committees[an->invitations[0].committee].id, "z-health");
	assert_string_equal(ds->committees[an->invitations[2].committee].id, "c-lang");
	nm_analysis_free(an);
	nm_dataset_free(ds);
}

/* ---------------------------------------------------------- 7.3 */

static void test_plan__merge_proposal_counts_seats_and_member_meetings(void **state)
{
	nm_dataset *ds = load(DATA "hosts.yaml");
	nm_analysis *an = analyse(ds, NULL);

	(void)state;
	/*
	 * a-health {adm, assoc1} and b-health {adm, assoc2} each duplicate
	 * z-health {adm, assoc1, assoc2}: U = 3, seats 2 + 2 + 3 = 7; meets:
	 * monthly (12) beats irregular (0), z-health gives none; before
	 * 2*12 + 2*0 + 3*0 = 24, after 3*12 = 36.
	 */
	assert_field(
		an, "clusters",
		"\"clusters\": [\n    {\"committees\": [\"a-health\", \"b-health\", \"z-health\"]}\n  ]");
	assert_field(
		an, "merge_proposals",
		"\"merge_proposals\": [\n"
		"    {\"committees\": [\"a-health\", \"b-health\", \"z-health\"], \"members\": 3, "
		"\"themes\": [\"health\"], \"seats_before\": 7, \"seats_after\": 3, "
		"\"meets\": \"monthly\", \"member_meetings_before\": 24, \"member_meetings_after\": 36}\n"
		"  ]");
	nm_analysis_free(an);
	nm_dataset_free(ds);
}

static void test_plan__without_coordinators_they_count_like_anyone(void **state)
{
	nm_dataset *ds = load(DATA "coord.yaml");
	nm_analysis *an = analyse(ds, NULL);

	(void)state;
	/*
	 * min_shared 1, duplicate_jaccard 0.3. k1, k2: {coord, p, q} twice
	 * (r is a guest): J = 1. m1 {coord, p}, m2 {coord, s}: J = 1/3. No
	 * meets in k1, k2: meets null, 0 member-meetings. m1 weekly (52), m2
	 * quarterly (4): before 2*52 + 2*4 = 112, after 3*52 = 156.
	 */
	assert_field(an, "clusters",
		     "\"clusters\": [\n    {\"committees\": [\"k1\", \"k2\"]},\n"
		     "    {\"committees\": [\"m1\", \"m2\"]}\n  ]");
	assert_field(an, "merge_proposals",
		     "\"merge_proposals\": [\n"
		     "    {\"committees\": [\"k1\", \"k2\"], \"members\": 3, \"themes\": [\"t\"], "
		     "\"seats_before\": 6, \"seats_after\": 3, \"meets\": null, "
		     "\"member_meetings_before\": 0, \"member_meetings_after\": 0},\n"
		     "    {\"committees\": [\"m1\", \"m2\"], \"members\": 3, \"themes\": [\"u\"], "
		     "\"seats_before\": 4, \"seats_after\": 3, \"meets\": \"weekly\", "
		     "\"member_meetings_before\": 112, \"member_meetings_after\": 156}\n"
		     "  ]");
	/* coord: k1, k2, m1, m2, k3 = 5 > max_load 4; 52 + 4 meetings. */
	assert_field(
		an, "load",
		"\"load\": [\n"
		"    {\"actor\": \"coord\", \"committees\": 5, \"meetings_per_year\": 56, \"overloaded\": true},\n"
		"    {\"actor\": \"p\", \"committees\": 4, \"meetings_per_year\": 52, \"overloaded\": false},\n"
		"    {\"actor\": \"q\", \"committees\": 3, \"meetings_per_year\": 0, \"overloaded\": false},\n"
		"    {\"actor\": \"r\", \"committees\": 2, \"meetings_per_year\": 0, \"overloaded\": false},\n"
		"    {\"actor\": \"s\", \"committees\": 1, \"meetings_per_year\": 4, \"overloaded\": false}\n"
		"  ]");
	assert_field(an, "single_type_committees", "\"single_type_committees\": [],");
	nm_analysis_free(an);
	nm_dataset_free(ds);
}

static void test_plan__coordinators_leave_overlaps_but_keep_their_seats(void **state)
{
	nm_dataset *ds = load(DATA "coord.yaml");
	nm_analysis *an = analyse(ds, "coord");

	(void)state;
	/*
	 * Without coord, m1 {p} and m2 {s} share no one: no pair, no cluster.
	 * k1, k2 {p, q} still duplicate; the proposal counts coord's seats.
	 * k3 {p, q, r} is all associations. coord is never overloaded.
	 */
	assert_field(
		an, "settings",
		"\"settings\": {\"duplicate_jaccard\": 0.3, \"duplicate_theme_jaccard\": 0.5, "
		"\"overlap_jaccard\": 0.3, \"min_shared\": 1, \"max_load\": 4, \"stale_days\": 365, "
		"\"ad_hoc_days\": 730, \"voices\": [\"migrant_organisation\", \"volunteer_initiative\"], "
		"\"similar_name\": 0.9, \"coordinators\": [\"coord\"]},");
	assert_field(an, "clusters",
		     "\"clusters\": [\n    {\"committees\": [\"k1\", \"k2\"]}\n  ]");
	assert_field(an, "merge_proposals",
		     "\"merge_proposals\": [\n"
		     "    {\"committees\": [\"k1\", \"k2\"], \"members\": 3, \"themes\": [\"t\"], "
		     "\"seats_before\": 6, \"seats_after\": 3, \"meets\": null, "
		     "\"member_meetings_before\": 0, \"member_meetings_after\": 0}\n"
		     "  ]");
	for (size_t i = 0; i < an->noverlaps; i++) {
		const nm_overlap *o = &an->overlaps[i];
		for (uint32_t k = 0; k < o->shared; k++)
			assert_string_not_equal(ds->actors[o->shared_members[k]].id, "coord");
		assert_false(strcmp(ds->committees[o->a].id, "m1") == 0 &&
			     strcmp(ds->committees[o->b].id, "m2") == 0);
	}
	assert_string_equal(ds->actors[an->load[0].actor].id, "coord");
	assert_int_equal(an->load[0].committees, 5);
	assert_false(an->load[0].overloaded);
	assert_field(an, "single_type_committees", "\"single_type_committees\": [\"k3\"],");
	/* Coverage is unchanged: coord still counts there. */
	assert_int_equal(an->coverage[nm_dataset_find_theme(ds, "t") * NM_TYPE_COUNT +
				      NM_TYPE_ADMINISTRATION],
			 1);
	nm_analysis_free(an);
	nm_dataset_free(ds);
}

static void test_plan__unknown_coordinator_ids_are_ignored_by_the_analysis(void **state)
{
	nm_dataset *ds = load(DATA "coord.yaml");
	nm_analysis *an = analyse(ds, "nobody,,coord,coord");

	(void)state;
	assert_int_equal(an->ncoordinators, 1);
	assert_true(nm_analysis_is_coordinator(an, nm_dataset_find_actor(ds, "coord")));
	assert_false(nm_analysis_is_coordinator(an, nm_dataset_find_actor(ds, "p")));
	nm_analysis_free(an);
	nm_dataset_free(ds);
}

/* ---------------------------------------------------------- 7.4 */

static int apply1(nm_dataset *ds, nm_plan_op op, const char *arg, nm_error *err)
{
	nm_plan_change c = {op, arg};

	nm_error_clear(err);
	return nm_plan_apply(ds, &c, 1, err);
}

static const nm_membership *pair(const nm_dataset *ds, const char *c, const char *a)
{
	uint32_t ci = nm_dataset_find_committee(ds, c), ai = nm_dataset_find_actor(ds, a);

	for (size_t i = 0; i < ds->nmemberships; i++)
		if (ds->memberships[i].committee == ci && ds->memberships[i].actor == ai)
			return &ds->memberships[i];
	return NULL;
}

static void assert_sorted_pairs(const nm_dataset *ds)
{
	for (size_t i = 1; i < ds->nmemberships; i++) {
		const nm_membership *a = &ds->memberships[i - 1], *b = &ds->memberships[i];
		assert_true(a->committee < b->committee ||
			    (a->committee == b->committee && a->actor < b->actor));
	}
}

static void test_plan__merging_a_chair_and_a_guest_keeps_the_chair(void **state)
{
	nm_dataset *ds = load(DATA "merge.yaml");
	const nm_committee *a, *b;
	nm_error err;

	(void)state;
	/* x: chair in ak-a, guest in ak-b since 2020-01-01 (earlier than ak-a's 2021). */
	assert_int_equal(apply1(ds, NM_PLAN_MERGE, "ak-b,ak-a", &err), NM_OK);
	assert_sorted_pairs(ds);
	a = &ds->committees[nm_dataset_find_committee(ds, "ak-a")];
	b = &ds->committees[nm_dataset_find_committee(ds, "ak-b")];
	assert_int_equal(pair(ds, "ak-b", "x")->role, NM_ROLE_CHAIR);
	{
		char since[11];
		nm_date_format(pair(ds, "ak-b", "x")->since, since);
		assert_string_equal(since, "2020-01-01");
	}
	/* ak-a's lead y becomes a lead of ak-b; ak-a's lead field is cleared. */
	assert_int_equal(pair(ds, "ak-b", "y")->role, NM_ROLE_LEAD);
	assert_int_equal(a->lead, NM_NONE);
	assert_string_equal(ds->actors[b->lead].id, "z"); /* ak-b's own lead stays */
	assert_null(pair(ds, "ak-a", "x"));
	assert_null(pair(ds, "ak-a", "y"));
	assert_int_equal(a->status, NM_STATUS_DISSOLVED);
	assert_int_equal(b->status, NM_STATUS_ACTIVE);
	/* Themes: union; meets: monthly (12) beats quarterly (4). */
	assert_int_equal(b->nthemes, 2);
	assert_string_equal(ds->themes[b->themes[0]].id, "health");
	assert_string_equal(ds->themes[b->themes[1]].id, "language");
	assert_int_equal(b->meets, NM_FREQ_MONTHLY);
	/* No other field and no parent link changes. */
	assert_string_equal(a->name, "Arbeitskreis A");
	assert_string_equal(ds->committees[a->parent].id, "nw");
	assert_int_equal(ds->nmemberships, 5); /* z, x, y in ak-b; x, w in nw */
	nm_dataset_free(ds);
}

static void test_plan__invite_makes_a_member_and_keeps_stronger_roles(void **state)
{
	nm_dataset *ds = load(DATA "merge.yaml");
	nm_error err;

	(void)state;
	assert_int_equal(apply1(ds, NM_PLAN_INVITE, "x:ak-b", &err), NM_OK); /* guest */
	assert_int_equal(pair(ds, "ak-b", "x")->role, NM_ROLE_MEMBER);
	assert_int_equal(apply1(ds, NM_PLAN_INVITE, "x:ak-a", &err), NM_OK); /* chair */
	assert_int_equal(pair(ds, "ak-a", "x")->role, NM_ROLE_CHAIR);
	assert_null(pair(ds, "ak-a", "w"));
	assert_int_equal(apply1(ds, NM_PLAN_INVITE, "w:ak-a", &err), NM_OK); /* new */
	assert_int_equal(pair(ds, "ak-a", "w")->role, NM_ROLE_MEMBER);
	assert_int_equal(pair(ds, "ak-a", "w")->since, NM_DATE_NONE);
	assert_sorted_pairs(ds);
	assert_int_equal(apply1(ds, NM_PLAN_DISSOLVE, "nw", &err), NM_OK);
	assert_int_equal(ds->committees[nm_dataset_find_committee(ds, "nw")].status,
			 NM_STATUS_DISSOLVED);
	nm_dataset_free(ds);
}

static void assert_usage(nm_plan_op op, const char *arg, const char *message)
{
	nm_dataset *ds = load(DATA "merge.yaml");
	nm_error err;

	assert_int_equal(apply1(ds, op, arg, &err), NM_EUSAGE);
	assert_string_equal(err.message, message);
	nm_dataset_free(ds);
}

static void test_plan__bad_changes_are_usage_errors_with_suggestions(void **state)
{
	(void)state;
	assert_usage(NM_PLAN_MERGE, "ak-a",
		     "--merge needs at least two different committees, not 'ak-a'");
	assert_usage(NM_PLAN_MERGE, "ak-a,ak-a",
		     "--merge needs at least two different committees, not 'ak-a,ak-a'");
	assert_usage(NM_PLAN_MERGE, "ak-a,ak-c",
		     "--merge: unknown committee 'ak-c'; did you mean 'ak-a'?");
	assert_usage(NM_PLAN_MERGE, "ak-a,old", "--merge: committee 'old' is already dissolved");
	assert_usage(NM_PLAN_DISSOLVE, "old", "--dissolve: committee 'old' is already dissolved");
	assert_usage(NM_PLAN_DISSOLVE, "zzzzzz", "--dissolve: unknown committee 'zzzzzz'");
	assert_usage(NM_PLAN_INVITE, "x", "--invite takes ACTOR:COMMITTEE, not 'x'");
	assert_usage(NM_PLAN_INVITE, "x:", "--invite takes ACTOR:COMMITTEE, not 'x:'");
	assert_usage(NM_PLAN_INVITE, "xx:ak-a", "--invite: unknown actor 'xx'; did you mean 'x'?");
	assert_usage(NM_PLAN_INVITE, "x:ak-bb",
		     "--invite: unknown committee 'ak-bb'; did you mean 'ak-b'?");
}

static void test_plan__a_change_to_a_committee_dissolved_by_an_earlier_one_fails(void **state)
{
	nm_dataset *ds = load(DATA "merge.yaml");
	nm_plan_change c[] = {{NM_PLAN_MERGE, "ak-b,ak-a"}, {NM_PLAN_INVITE, "w:ak-a"}};
	nm_error err;

	(void)state;
	nm_error_clear(&err);
	assert_int_equal(nm_plan_apply(ds, c, 2, &err), NM_EUSAGE);
	assert_string_equal(err.message, "--invite: committee 'ak-a' is already dissolved");
	nm_dataset_free(ds);
}

static void test_plan__a_merged_cluster_has_no_duplicates_left(void **state)
{
	nm_dataset *ds = load(DATA "hosts.yaml");
	nm_analysis *an;
	nm_error err;

	(void)state;
	assert_int_equal(apply1(ds, NM_PLAN_MERGE, "a-health,b-health,z-health", &err), NM_OK);
	an = analyse(ds, NULL);
	assert_int_equal(nm_analysis_count_class(an, NM_CLASS_DUPLICATE), 0);
	assert_int_equal(an->nclusters, 0);
	assert_int_equal(an->nmerge_proposals, 0);
	/* a-health now has adm, assoc1, assoc2 (z-health was dormant: dissolved now). */
	assert_int_equal(an->member_count[nm_dataset_find_committee(ds, "a-health")], 3);
	nm_analysis_free(an);
	nm_dataset_free(ds);
}

/* ---------------------------------------------------------- comparing */

static void test_plan__findings_after_skipped_parts_are_still_compared(void **state)
{
	nm_dataset *ds = load(DATA "merge.yaml");
	/* Skipped parts with brackets, braces and quotes inside strings. */
	const char *from =
		"{\"netmap\": {\"format\": 1}, \"invitations\": [{\"actor\": \"a\\\"]}\", "
		"\"x\": [1, -2.5e3, true, null, {\"y\": \"}\\\\\"}]}], \"merge_proposals\": [],"
		" \"overlaps\": [{\"a\": \"ak-a\", \"b\": \"nw\", \"class\": \"overlap\"}]}";
	const char *to = "{\"overlaps\": [], \"changes\": {\"from\": 1}}";
	nm_diff *d = NULL;
	nm_error err;

	(void)state;
	nm_error_clear(&err);
	assert_int_equal(nm_diff_compute(&d, ds, from, 1, ds, to, 2, &err), NM_OK);
	assert_true(d->findings_compared);
	assert_int_equal(d->nfindings, 1);
	assert_true(d->findings[0].resolved);
	assert_string_equal(d->findings[0].part[0], "ak-a");
	assert_string_equal(d->findings[0].part[1], "nw");
	assert_int_equal(d->nrecords, 0);
	nm_diff_free(d);
	/* An unterminated skipped part makes the document unreadable. */
	assert_int_equal(nm_diff_compute(&d, ds, "{\"invitations\": [\"x]}", 1, ds, to, 2, &err),
			 NM_OK);
	assert_false(d->findings_compared);
	nm_diff_free(d);
	nm_dataset_free(ds);
}

/* ---------------------------------------------------------- thin data */

static char *render(void (*write)(nm_buf *, const nm_analysis *, const nm_report_opts *),
		    const nm_analysis *an, nm_lang lang)
{
	nm_buf b = NM_BUF_INIT;
	nm_report_opts ro;
	char *out;

	nm_report_opts_init(&ro);
	ro.lang = lang;
	write(&b, an, &ro);
	out = nm_xstrdup(nm_buf_cstr(&b));
	nm_buf_release(&b);
	return out;
}

static void clear_themes(nm_dataset *ds, const char *id)
{
	nm_committee *c = &ds->committees[nm_dataset_find_committee(ds, id)];

	free(c->themes);
	c->themes = NULL;
	c->nthemes = 0;
}

static void test_plan__thin_data_is_named_when_more_than_two_groups_lack_a_field(void **state)
{
	nm_dataset *ds = load(DATA "coord.yaml");
	nm_analysis *an = analyse(ds, NULL);
	char *text;

	(void)state;
	/* k1, k2, k3 give no meets; no committee gives last_met; all have themes. */
	assert_int_equal(an->without_meets, 3);
	assert_int_equal(an->without_last_met, 5);
	assert_int_equal(an->without_themes, 0);
	text = render(nm_report_text, an, NM_LANG_EN);
	assert_non_null(strstr(text,
			       "Where the data is thin\n----------------------\n"
			       "  3 of 5 groups do not say how often they meet (meets): their "
			       "meetings count 0\n    in the load.\n"
			       "  5 of 5 groups have no last_met date: they can never show as "
			       "stale.\n"));
	assert_null(strstr(text, "have no themes"));
	free(text);
	nm_analysis_free(an);

	/* Two without themes: not yet a hint; three: a hint. */
	clear_themes(ds, "k1");
	clear_themes(ds, "k2");
	an = analyse(ds, NULL);
	text = render(nm_report_markdown, an, NM_LANG_EN);
	assert_null(strstr(text, "have no themes"));
	free(text);
	nm_analysis_free(an);
	clear_themes(ds, "k3");
	an = analyse(ds, NULL);
	text = render(nm_report_markdown, an, NM_LANG_EN);
	assert_non_null(strstr(text,
			       "- 3 of 5 groups have no themes: they can never be duplicates, "
			       "only nested or overlapping. Give them their themes.\n"));
	free(text);
	text = render(nm_report_html, an, NM_LANG_DE);
	assert_non_null(strstr(text,
			       "<li>3 von 5 Gremien haben keine Themen: sie können nie doppelt "
			       "sein, nur verschachtelt oder überschneidend. Ihre Themen "
			       "eintragen.</li>\n"));
	free(text);
	nm_analysis_free(an);
	nm_dataset_free(ds);
}

/* ---------------------------------------------------------- generated data */

static uint32_t rnd_state;

static uint32_t rnd(uint32_t n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % n;
}

/* A random dataset as YAML: few ids, so that pairs, clusters and ties occur. */
static void random_yaml(nm_buf *y, uint32_t seed)
{
	static const char *const types[] = {"association", "migrant_organisation",
					    "volunteer_initiative", "administration"};
	static const char *const statuses[] = {"active", "active", "active", "dormant",
					       "dissolved"};
	static const char *const freqs[] = {"weekly", "monthly", "quarterly", "irregular"};
	uint32_t na = 4 + rnd(8), nc = 2 + rnd(9);

	rnd_state = seed;
	nm_buf_puts(y, "netmap: 1\nthemes: [t0, t1, t2, t3]\nactors:\n");
	for (uint32_t a = 0; a < na; a++) {
		nm_buf_printf(y, "  - {id: a%u, name: Akteur %u, type: %s, themes: [", a, a,
			      types[rnd(4)]);
		for (uint32_t t = 0, k = 0; t < 4; t++)
			if (rnd(3) == 0)
				nm_buf_printf(y, "%st%u", k++ ? ", " : "", t);
		nm_buf_puts(y, "]}\n");
	}
	nm_buf_puts(y, "committees:\n");
	for (uint32_t c = 0; c < nc; c++) {
		nm_buf_printf(y,
			      "  - id: c%u\n    name: Gremium %u\n    kind: network\n"
			      "    status: %s\n    themes: [",
			      c, c, statuses[rnd(5)]);
		for (uint32_t t = 0, k = 0; t < 4; t++)
			if (rnd(2) == 0)
				nm_buf_printf(y, "%st%u", k++ ? ", " : "", t);
		nm_buf_puts(y, "]\n");
		if (rnd(3))
			nm_buf_printf(y, "    meets: %s\n", freqs[rnd(4)]);
		nm_buf_puts(y, "    members:\n");
		for (uint32_t a = 0; a < na; a++)
			if (rnd(2) == 0)
				nm_buf_printf(y, "      - {actor: a%u, role: %s}\n", a,
					      rnd(5) == 0 ? "guest" : "member");
	}
	nm_buf_printf(y,
		      "settings: {duplicate_jaccard: 0.5, duplicate_theme_jaccard: 0.3, "
		      "min_shared: %u}\n",
		      1 + rnd(2));
}

static uint32_t naive_size(const nm_dataset *ds, uint32_t c)
{
	uint32_t n = 0;

	for (size_t i = 0; i < ds->nmemberships; i++)
		n += ds->memberships[i].committee == c && ds->memberships[i].role != NM_ROLE_GUEST;
	return n;
}

static bool has_theme(const uint32_t *v, size_t n, uint32_t t)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == t)
			return true;
	return false;
}

/* Invitations and merge proposals recomputed the plain way, from the rules. */
static void cross_check(const nm_dataset *ds, const nm_analysis *an)
{
	size_t k = 0;

	for (uint32_t x = 0; x < ds->nactors; x++) {
		const nm_actor *a = &ds->actors[x];
		bool isolated = false;

		for (size_t i = 0; i < an->nisolated_actors; i++)
			isolated = isolated || an->isolated_actors[i] == x;
		for (size_t j = 0; j < a->nthemes; j++) {
			uint32_t t = a->themes[j], host = NM_NONE, best = 0;
			bool missing = false;

			for (uint32_t c = 0; c < ds->ncommittees; c++) {
				uint32_t n = naive_size(ds, c);
				if (ds->committees[c].status != NM_STATUS_ACTIVE ||
				    !has_theme(ds->committees[c].themes, ds->committees[c].nthemes,
					       t))
					continue;
				if (host == NM_NONE || n > best) {
					host = c;
					best = n;
				}
			}
			if (host == NM_NONE)
				continue;
			for (size_t i = 0; i < an->nmissing_voices; i++)
				missing = missing || (an->missing_voices[i].theme == t &&
						      an->missing_voices[i].type == a->type);
			if (isolated) {
				assert_true(k < an->ninvitations);
				assert_int_equal(an->invitations[k].actor, x);
				assert_int_equal(an->invitations[k].theme, t);
				assert_int_equal(an->invitations[k].committee, host);
				assert_int_equal(an->invitations[k++].reason, NM_INVITE_ISOLATED);
			}
			if (missing) {
				assert_true(k < an->ninvitations);
				assert_int_equal(an->invitations[k].actor, x);
				assert_int_equal(an->invitations[k].committee, host);
				assert_int_equal(an->invitations[k++].reason,
						 NM_INVITE_MISSING_VOICE);
			}
		}
	}
	assert_int_equal(k, an->ninvitations);

	assert_int_equal(an->nmerge_proposals, an->nclusters);
	for (size_t i = 0; i < an->nclusters; i++) {
		const nm_cluster *cl = &an->clusters[i];
		const nm_merge_proposal *m = &an->merge_proposals[i];
		uint32_t members = 0, seats = 0, f = 0;
		uint64_t before = 0;
		int meets = -1;

		for (uint32_t x = 0; x < ds->nactors; x++) {
			bool in = false;
			for (size_t c = 0; c < cl->n; c++)
				for (size_t j = 0; j < ds->nmemberships; j++)
					in = in ||
					     (ds->memberships[j].committee == cl->committees[c] &&
					      ds->memberships[j].actor == x &&
					      ds->memberships[j].role != NM_ROLE_GUEST);
			members += in;
		}
		for (size_t c = 0; c < cl->n; c++) {
			const nm_committee *cm = &ds->committees[cl->committees[c]];
			uint32_t n = naive_size(ds, cl->committees[c]);
			seats += n;
			before += (uint64_t)n * nm_freq_meetings[cm->meets];
			if (cm->meets != NM_FREQ_NONE &&
			    (meets < 0 || nm_freq_meetings[cm->meets] > f)) {
				meets = (int)cm->meets;
				f = nm_freq_meetings[cm->meets];
			}
		}
		assert_int_equal(m->members, members);
		assert_int_equal(m->seats_before, seats);
		assert_int_equal(m->seats_after, members);
		assert_int_equal(m->member_meetings_before, before);
		assert_int_equal(m->meets, meets < 0 ? NM_FREQ_NONE : (nm_freq)meets);
		assert_int_equal(m->member_meetings_after, (uint64_t)members * f);
	}
}

/* With coordinators, the pairs are those of the data where they are guests. */
static void assert_same_pairs(const nm_analysis *x, const nm_analysis *y)
{
	assert_int_equal(x->noverlaps, y->noverlaps);
	for (size_t i = 0; i < x->noverlaps; i++) {
		assert_int_equal(x->overlaps[i].a, y->overlaps[i].a);
		assert_int_equal(x->overlaps[i].b, y->overlaps[i].b);
		assert_int_equal(x->overlaps[i].cls, y->overlaps[i].cls);
		assert_int_equal(x->overlaps[i].shared, y->overlaps[i].shared);
	}
	assert_int_equal(x->nclusters, y->nclusters);
	assert_int_equal(x->nsingle_type_committees, y->nsingle_type_committees);
	for (size_t i = 0; i < x->nsingle_type_committees; i++)
		assert_int_equal(x->single_type_committees[i], y->single_type_committees[i]);
}

static void test_plan__generated_data_agrees_with_a_plain_recount(void **state)
{
	char *dir = tu_tempdir("plan-generated"), *path = tu_path(dir, "g.yaml");

	(void)state;
	for (uint32_t seed = 1; seed <= 300; seed++) {
		nm_buf y = NM_BUF_INIT;
		nm_dataset *ds;
		nm_analysis *an, *with, *as_guests;
		char coord[16];

		random_yaml(&y, seed);
		tu_write_file(path, nm_buf_cstr(&y));
		nm_buf_release(&y);
		ds = load(path);
		an = analyse(ds, NULL);
		cross_check(ds, an);

		/* a0 as a coordinator against a0 written as a guest everywhere. */
		snprintf(coord, sizeof(coord), "%s", ds->actors[0].id);
		with = analyse(ds, coord);
		for (size_t i = 0; i < ds->nmemberships; i++)
			if (ds->memberships[i].actor == 0)
				ds->memberships[i].role = NM_ROLE_GUEST;
		as_guests = analyse(ds, NULL);
		assert_same_pairs(with, as_guests);
		nm_analysis_free(an);
		nm_analysis_free(with);
		nm_analysis_free(as_guests);
		nm_dataset_free(ds);
	}
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan__hosts_break_ties_by_id_and_skip_dormant_committees),
		cmocka_unit_test(test_plan__a_larger_active_committee_takes_the_host_over),
		cmocka_unit_test(test_plan__merge_proposal_counts_seats_and_member_meetings),
		cmocka_unit_test(test_plan__without_coordinators_they_count_like_anyone),
		cmocka_unit_test(test_plan__coordinators_leave_overlaps_but_keep_their_seats),
		cmocka_unit_test(test_plan__unknown_coordinator_ids_are_ignored_by_the_analysis),
		cmocka_unit_test(test_plan__merging_a_chair_and_a_guest_keeps_the_chair),
		cmocka_unit_test(test_plan__invite_makes_a_member_and_keeps_stronger_roles),
		cmocka_unit_test(test_plan__bad_changes_are_usage_errors_with_suggestions),
		cmocka_unit_test(
			test_plan__a_change_to_a_committee_dissolved_by_an_earlier_one_fails),
		cmocka_unit_test(test_plan__a_merged_cluster_has_no_duplicates_left),
		cmocka_unit_test(test_plan__findings_after_skipped_parts_are_still_compared),
		cmocka_unit_test(
			test_plan__thin_data_is_named_when_more_than_two_groups_lack_a_field),
		cmocka_unit_test(test_plan__generated_data_agrees_with_a_plain_recount),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
