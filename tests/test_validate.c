/*
 * test_validate.c: every rule of contract 2.1-2.7, positive and negative,
 * with the exact file, line, column and message of each problem, and the
 * membership merging of 2.4.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/buf.h"
#include "testutil.h"

#define TODAY "2026-11-26"

typedef struct result {
	char *problems; /* "line:col: severity: message\n" per problem */
	nm_dataset *ds;
	size_t errors, warnings;
} result;

/* Validate YAML documents given as files t1.yaml, t2.yaml, ... */
static result run_files(const char *const *files, size_t n)
{
	tu_data t;
	nm_buf out = NM_BUF_INIT;
	result r = {0};

	tu_validate(&t, files, NULL, n, TODAY, TU_NUMBERED);
	for (size_t i = 0; i < t.diags.n; i++) {
		const nm_diag *x = &t.diags.items[i];
		if (n > 1)
			nm_buf_printf(&out, "%s:", t.diags.files[x->file]);
		nm_buf_printf(&out, "%u:%u: %s: %s\n", x->line, x->col,
			      x->severity == NM_SEV_ERROR ? "error" : "warning", x->message);
	}
	r.errors = t.diags.errors;
	r.warnings = t.diags.warnings;
	r.problems = nm_buf_detach(&out);
	r.ds = t.ds;
	t.ds = NULL;
	tu_data_release(&t);
	return r;
}

static result run(const char *yaml)
{
	return run_files(&yaml, 1);
}

static void release(result *r)
{
	free(r->problems);
	nm_dataset_free(r->ds);
}

static void expect(const char *yaml, const char *problems)
{
	result r = run(yaml);
	assert_string_equal(r.problems, problems);
	release(&r);
}

static const char base[] = "netmap: 1\n"
			   "dataset: Lindenau\n"
			   "actors:\n"
			   "  - id: caritas\n"
			   "    name: Caritasverband Lindenau e.V.\n"
			   "    type: association\n"
			   "  - id: vhs\n"
			   "    name: Volkshochschule\n"
			   "    type: education_provider\n"
			   "committees:\n"
			   "  - id: ak-sprache\n"
			   "    name: Arbeitskreis Sprache\n"
			   "    kind: working_group\n"
			   "    members: [caritas, vhs]\n";

static void test_validate__valid_dataset_has_no_problems(void **state)
{
	result r = run(base);

	assert_string_equal(r.problems, "");
	assert_non_null(r.ds);
	assert_string_equal(r.ds->name, "Lindenau");
	assert_int_equal(r.ds->nactors, 2);
	assert_string_equal(r.ds->actors[0].id, "caritas");
	assert_int_equal(r.ds->ncommittees, 1);
	assert_int_equal(r.ds->nmemberships, 2);
	assert_int_equal(r.ds->memberships[0].role, NM_ROLE_MEMBER);
	assert_int_equal(r.ds->committees[0].status, NM_STATUS_ACTIVE);
	assert_int_equal(r.ds->committees[0].meets, NM_FREQ_NONE);
	release(&r);
}

static void test_validate__empty_documents_are_empty_parts(void **state)
{
	result r = run("# only a comment\n---\n---\n");
	assert_string_equal(r.problems, "");
	assert_non_null(r.ds);
	assert_null(r.ds->name);
	assert_int_equal(r.ds->nactors, 0);
	release(&r);
}

static void test_validate__unknown_key_suggests_the_close_one(void **state)
{
	expect("committees:\n"
	       "  - id: ak\n"
	       "    name: AK\n"
	       "    kind: network\n"
	       "    memebrs: []\n"
	       "    x-anything: {whatever: [1, 2]}\n",
	       "2:5: warning: active committee 'ak' has no members\n"
	       "5:5: error: unknown key 'memebrs' in committee; did you mean 'members'?\n");
}

static void test_validate__unknown_top_level_key(void **state)
{
	expect("actor: []\n",
	       "1:1: error: unknown key 'actor' in the document; did you mean 'actors'?\n");
}

static void test_validate__missing_required_fields(void **state)
{
	expect("actors:\n"
	       "  - name: Ohne Id\n"
	       "    type: club\n"
	       "  - id: ohne-name\n"
	       "    type: club\n"
	       "  - id: ohne-typ\n"
	       "    name: X\n"
	       "committees:\n"
	       "  - id: k\n"
	       "    name: K\n",
	       "2:5: error: actor is missing required field 'id'\n"
	       "4:5: error: actor is missing required field 'name'\n"
	       "6:5: error: actor is missing required field 'type'\n"
	       "9:5: error: committee is missing required field 'kind'\n"
	       "9:5: warning: active committee 'k' has no members\n");
}

static void test_validate__empty_name_is_an_error(void **state)
{
	expect("actors:\n  - {id: a, name: \"\", type: club}\n",
	       "2:19: error: 'name' must not be empty\n");
}

static void test_validate__id_syntax(void **state)
{
	expect("actors:\n"
	       "  - {id: -a, name: A, type: club}\n"
	       "  - {id: a.b_c-D9, name: B, type: club}\n"
	       "  - {id: 00000000001111111111222222222233333333334444444444555555555566666, "
	       "name: C, type: club}\n"
	       "  - {id: 007, name: D, type: club}\n",
	       "2:10: error: invalid id '-a': ids are 1-64 letters, digits, '.', '_' or '-', "
	       "starting with a letter or digit\n"
	       "4:10: error: invalid id '00000000001111111111222222222233333333334444444444555555555566666': "
	       "ids are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit\n");
}

static void test_validate__ids_share_one_namespace(void **state)
{
	expect("actors:\n"
	       "  - {id: x, name: A, type: club}\n"
	       "committees:\n"
	       "  - {id: x, name: K, kind: network, members: [x]}\n",
	       "4:10: error: duplicate id 'x', first defined at t1.yaml:2:10\n");
}

static void test_validate__ids_are_case_sensitive(void **state)
{
	result r = run("actors:\n"
		       "  - {id: A, name: A, type: club}\n"
		       "  - {id: a, name: B, type: club}\n");
	assert_string_equal(r.problems, "");
	assert_int_equal(r.ds->nactors, 2);
	assert_string_equal(r.ds->actors[0].id, "A");
	release(&r);
}

static void test_validate__duplicate_id_across_files_names_both_places(void **state)
{
	const char *files[] = {
		"actors:\n  - {id: x, name: A, type: club}\n",
		"actors:\n  - {id: y, name: B, type: club}\n  - {id: x, name: C, type: club}\n"};
	result r = run_files(files, 2);
	assert_string_equal(
		r.problems,
		"t2.yaml:3:10: error: duplicate id 'x', first defined at t1.yaml:2:10\n");
	assert_null(r.ds);
	release(&r);
}

static void test_validate__unknown_references_suggest_ids(void **state)
{
	expect("actors:\n"
	       "  - id: caritas-ks\n"
	       "    name: Caritas\n"
	       "    type: association\n"
	       "    member_of: [ak-sprach]\n"
	       "committees:\n"
	       "  - id: ak-sprache\n"
	       "    name: AK\n"
	       "    kind: working_group\n"
	       "    lead: caritas-kss\n"
	       "    parent: nowhere-at-all\n"
	       "    members: [caritas-ks, ak-sprache]\n"
	       "memberships:\n"
	       "  - {actor: caritas-ks, committee: caritas-ks}\n",
	       "5:17: error: unknown committee 'ak-sprach'; did you mean 'ak-sprache'?\n"
	       "10:11: error: unknown actor 'caritas-kss'; did you mean 'caritas-ks'?\n"
	       "11:13: error: unknown committee 'nowhere-at-all'\n"
	       "12:27: error: unknown actor 'ak-sprache' ('ak-sprache' is a committee)\n"
	       "14:36: error: unknown committee 'caritas-ks' ('caritas-ks' is an actor)\n");
}

static void test_validate__enum_values_are_exact(void **state)
{
	expect("actors:\n"
	       "  - {id: a, name: A, type: Association}\n"
	       "committees:\n"
	       "  - id: k\n"
	       "    name: K\n"
	       "    kind: workinggroup\n"
	       "    status: Active\n"
	       "    meets: montly\n"
	       "    members: [{actor: a, role: Chair}]\n",
	       "2:28: error: unknown actor type 'Association'; did you mean 'association'?\n"
	       "6:11: error: unknown kind 'workinggroup'; did you mean 'working_group'?\n"
	       "7:13: error: unknown status 'Active'; did you mean 'active'?\n"
	       "8:12: error: unknown frequency 'montly'; did you mean 'monthly'?\n"
	       "9:32: error: unknown role 'Chair'; did you mean 'chair'?\n");
}

static void test_validate__german_enum_words_in_yaml_name_the_english_value(void **state)
{
	/* A German label stays an error in YAML (2.3, 6.3), but says what to write. */
	expect("actors:\n"
	       "  - {id: a, name: A, type: Wohlfahrtsverband}\n"
	       "committees:\n"
	       "  - id: k\n"
	       "    name: K\n"
	       "    kind: Arbeitskreis\n"
	       "    status: ruhend\n"
	       "    meets: monatlich\n"
	       "    members: [{actor: a, role: Vorsitz}]\n",
	       "2:28: error: unknown actor type 'Wohlfahrtsverband'; write 'association' "
	       "(Wohlfahrtsverband)\n"
	       "6:11: error: unknown kind 'Arbeitskreis'; write 'working_group' (Arbeitskreis)\n"
	       "7:13: error: unknown status 'ruhend'; write 'dormant' (ruhend)\n"
	       "8:12: error: unknown frequency 'monatlich'; write 'monthly' (monatlich)\n"
	       "9:32: error: unknown role 'Vorsitz'; write 'chair' (Vorsitz)\n");
}

static void test_validate__german_dates_in_yaml_suggest_the_iso_form(void **state)
{
	expect("committees:\n"
	       "  - {id: k, name: K, kind: network, founded: 1.3.2024, ends: 31.12.2026,\n"
	       "     last_met: 31.2.2026}\n",
	       "2:5: warning: active committee 'k' has no members\n"
	       "2:46: error: invalid date '1.3.2024': write it as 2024-03-01 (YYYY-MM-DD)\n"
	       "2:62: error: invalid date '31.12.2026': write it as 2026-12-31 (YYYY-MM-DD)\n"
	       "3:16: error: invalid date '31.2.2026': dates are YYYY-MM-DD and must exist in "
	       "the calendar\n");
}

static void test_validate__booleans_and_quoted_scalars(void **state)
{
	result r = run("netmap: \"1\"\n"
		       "committees:\n"
		       "  - {id: a, name: A, kind: network, ad_hoc: \"yes\", status: dormant}\n"
		       "  - {id: b, name: B, kind: network, ad_hoc: NO, status: dormant}\n"
		       "  - {id: c, name: C, kind: network, ad_hoc: True, status: dormant}\n"
		       "  - {id: d, name: D, kind: network, ad_hoc: 1, status: dormant}\n");
	assert_string_equal(r.problems,
			    "6:45: error: 'ad_hoc' must be true or false (or yes/no), not '1'\n");
	release(&r);
	r = run("committees:\n"
		"  - {id: a, name: A, kind: network, ad_hoc: \"yes\", status: dormant}\n"
		"  - {id: b, name: B, kind: network, ad_hoc: NO, status: dormant}\n"
		"  - {id: c, name: C, kind: network, ad_hoc: True, status: dormant}\n");
	assert_true(r.ds->committees[0].ad_hoc);
	assert_false(r.ds->committees[1].ad_hoc);
	assert_true(r.ds->committees[2].ad_hoc);
	release(&r);
}

static void test_validate__dates_must_exist(void **state)
{
	expect("committees:\n"
	       "  - id: k\n"
	       "    name: K\n"
	       "    kind: network\n"
	       "    status: dormant\n"
	       "    founded: 2026-02-30\n"
	       "    ends: 2024-02-29\n"
	       "    last_met: 26.11.2026\n",
	       "6:14: error: invalid date '2026-02-30': dates are YYYY-MM-DD and must exist in the calendar\n"
	       "8:15: error: invalid date '26.11.2026': write it as 2026-11-26 (YYYY-MM-DD)\n");
}

static void test_validate__version_other_than_1(void **state)
{
	expect("netmap: 2\n",
	       "1:9: error: unsupported format version '2'; this netmap reads version 1\n");
	expect("netmap: 1.0\n",
	       "1:9: error: unsupported format version '1.0'; this netmap reads version 1\n");
}

static void test_validate__null_values_are_absent_but_null_items_are_errors(void **state)
{
	result r = run("dataset: ~\n"
		       "actors:\n"
		       "  - {id: a, name: A, type: club, district: null, themes: ~}\n"
		       "  - ~\n");
	assert_string_equal(r.problems, "4:5: error: a list item must not be null\n");
	release(&r);
}

static void test_validate__wrong_node_types(void **state)
{
	expect("actors:\n"
	       "  - [a, b]\n"
	       "  - {id: a, name: [x], type: club}\n"
	       "committees: {id: k}\n",
	       "2:5: error: expected a mapping for an actor, found a list\n"
	       "3:19: error: expected a text for 'name', found a list\n"
	       "4:13: error: expected a list for 'committees', found a mapping\n");
}

static void test_validate__declared_themes_must_be_used_correctly(void **state)
{
	expect("themes:\n"
	       "  - {id: language, label: Sprache}\n"
	       "  - housing\n"
	       "  - language\n"
	       "actors:\n"
	       "  - {id: a, name: A, type: club, themes: [langauge, housing]}\n",
	       "4:5: error: theme 'language' declared twice, first at t1.yaml:2:10\n"
	       "6:43: error: unknown theme 'langauge'; did you mean 'language'?\n");
}

static void test_validate__free_themes_are_collected_when_none_declared(void **state)
{
	result r = run(
		"actors:\n"
		"  - {id: a, name: A, type: club, themes: [youth, language]}\n"
		"committees:\n"
		"  - {id: k, name: K, kind: network, themes: [housing, youth], status: dissolved}\n");
	assert_string_equal(r.problems, "");
	assert_false(r.ds->themes_declared);
	assert_int_equal(r.ds->nthemes, 3);
	assert_string_equal(r.ds->themes[0].id, "housing");
	assert_string_equal(r.ds->themes[1].id, "language");
	assert_string_equal(r.ds->themes[2].id, "youth");
	assert_int_equal(r.ds->actors[0].nthemes, 2);
	assert_int_equal(r.ds->actors[0].themes[0], 1);
	assert_int_equal(r.ds->actors[0].themes[1], 2);
	release(&r);
}

static void test_validate__parent_cycle(void **state)
{
	expect("committees:\n"
	       "  - {id: a, name: A, kind: network, parent: b, status: dormant}\n"
	       "  - {id: b, name: B, kind: network, parent: c, status: dormant}\n"
	       "  - {id: c, name: C, kind: network, parent: a, status: dormant}\n"
	       "  - {id: d, name: D, kind: network, parent: d, status: dormant}\n",
	       "2:45: error: parent cycle: a -> b -> c -> a\n"
	       "5:45: error: parent cycle: d -> d\n");
}

static void test_validate__settings_block(void **state)
{
	result r = run("settings:\n"
		       "  duplicate_jaccard: 0.75\n"
		       "  min_shared: 3\n"
		       "  voices: [club]\n"
		       "  x-comment: fine\n");
	assert_string_equal(r.problems, "");
	assert_int_equal(r.ds->settings.duplicate_jaccard.num, 75);
	assert_int_equal(r.ds->settings.duplicate_jaccard.den, 100);
	assert_int_equal(r.ds->settings.min_shared, 3);
	assert_int_equal(r.ds->settings.voices, 1u << NM_TYPE_CLUB);
	assert_int_equal(r.ds->settings.max_load, 6);
	assert_int_equal(r.ds->settings_given,
			 NM_SET_DUPLICATE_JACCARD | NM_SET_MIN_SHARED | NM_SET_VOICES);
	release(&r);
}

static void test_validate__settings_out_of_range_and_twice(void **state)
{
	const char *files[] = {"settings:\n"
			       "  overlap_jaccard: 1.5\n"
			       "  max_load: -1\n"
			       "  stale_days: 1.5\n"
			       "  voices: [migrant_organisation, volunter_initiative]\n"
			       "  colour: red\n",
			       "settings: {min_shared: 2}\n"};
	result r = run_files(files, 2);
	assert_string_equal(
		r.problems,
		"t1.yaml:2:20: error: 'overlap_jaccard' must be a decimal from 0 to 1, not '1.5'\n"
		"t1.yaml:3:13: error: 'max_load' must be a whole number of at least 0, not '-1'\n"
		"t1.yaml:4:15: error: 'stale_days' must be a whole number of at least 0, not '1.5'\n"
		"t1.yaml:5:34: error: unknown actor type 'volunter_initiative'; did you mean 'volunteer_initiative'?\n"
		"t1.yaml:6:3: error: unknown key 'colour' in settings\n"
		"t2.yaml:1:11: error: a second 'settings' block, first at t1.yaml:2:3\n");
	release(&r);
}

static void test_validate__first_dataset_name_counts(void **state)
{
	const char *files[] = {"dataset: Erste\n---\ndataset: Zweite\n", "dataset: Dritte\n"};
	result r = run_files(files, 2);
	assert_string_equal(r.ds->name, "Erste");
	release(&r);
}

static void test_validate__membership_written_three_ways_is_one(void **state)
{
	result r = run(
		"actors:\n"
		"  - id: a\n"
		"    name: A\n"
		"    type: club\n"
		"    member_of: [k, {committee: k, since: 2020-01-01}]\n"
		"committees:\n"
		"  - {id: k, name: K, kind: network, members: [a, {actor: a, since: 2019-05-01}]}\n"
		"memberships:\n"
		"  - {actor: a, committee: k}\n"
		"  - {actor: a, committee: k, role: guest}\n");
	assert_string_equal(r.problems, "");
	assert_int_equal(r.ds->nmemberships, 1);
	assert_int_equal(r.ds->memberships[0].role, NM_ROLE_GUEST);
	{
		nm_date d;
		nm_date_parse("2019-05-01", &d);
		assert_int_equal(r.ds->memberships[0].since, d);
	}
	release(&r);
}

static void test_validate__strongest_written_role_wins_with_a_warning(void **state)
{
	result r = run(
		"actors:\n"
		"  - id: a\n"
		"    name: A\n"
		"    type: club\n"
		"    member_of: [{committee: k, role: chair}]\n"
		"committees:\n"
		"  - {id: k, name: K, kind: network, members: [{actor: a, role: member}]}\n");
	assert_string_equal(r.problems,
			    "7:47: warning: conflicting roles for 'a' in 'k': 'member' here, "
			    "'chair' at t1.yaml:5:17\n");
	assert_int_equal(r.ds->memberships[0].role, NM_ROLE_CHAIR);
	release(&r);
}

static void test_validate__lead_listed_without_role_is_no_conflict(void **state)
{
	result r = run("actors:\n"
		       "  - {id: a, name: A, type: club}\n"
		       "committees:\n"
		       "  - {id: k, name: K, kind: network, lead: a, members: [a]}\n");
	assert_string_equal(r.problems, "");
	assert_int_equal(r.ds->committees[0].lead, 0);
	assert_int_equal(r.ds->memberships[0].role, NM_ROLE_LEAD);
	release(&r);
}

static void test_validate__lead_listed_as_member_is_a_conflict(void **state)
{
	result r = run(
		"actors:\n"
		"  - {id: a, name: A, type: club}\n"
		"committees:\n"
		"  - {id: k, name: K, kind: network, lead: a, members: [{actor: a, role: member}]}\n");
	assert_string_equal(r.problems,
			    "4:56: warning: conflicting roles for 'a' in 'k': 'member' here, "
			    "'lead' at t1.yaml:4:43\n");
	assert_int_equal(r.ds->memberships[0].role, NM_ROLE_LEAD);
	release(&r);
}

static void test_validate__warnings(void **state)
{
	result r = run("actors:\n"
		       "  - {id: a, name: A, type: club}\n"
		       "committees:\n"
		       "  - {id: old, name: Old, kind: network, status: dissolved, members: [a]}\n"
		       "  - {id: empty, name: Empty, kind: network}\n"
		       "  - id: odd\n"
		       "    name: Odd\n"
		       "    kind: network\n"
		       "    status: dormant\n"
		       "    founded: 2021-03-01\n"
		       "    ends: 2020-01-01\n"
		       "    last_met: 2027-01-10\n");
	assert_string_equal(r.problems,
			    "4:5: warning: dissolved committee 'old' still has 1 membership\n"
			    "5:5: warning: active committee 'empty' has no members\n"
			    "11:11: warning: ends 2020-01-01 is before founded 2021-03-01\n"
			    "12:15: warning: last_met 2027-01-10 is after today (2026-11-26)\n");
	assert_int_equal(r.errors, 0);
	assert_int_equal(r.warnings, 4);
	assert_non_null(r.ds);
	release(&r);
}

static void test_validate__problems_come_in_reading_order(void **state)
{
	const char *files[] = {"committees:\n  - {id: k, name: K, kind: network, members: [zz]}\n",
			       "actors:\n  - {id: a, name: A, type: nope}\n"};
	result r = run_files(files, 2);
	assert_string_equal(r.problems,
			    "t1.yaml:2:5: warning: active committee 'k' has no members\n"
			    "t1.yaml:2:47: error: unknown actor 'zz'\n"
			    "t2.yaml:2:28: error: unknown actor type 'nope'\n");
	release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate__valid_dataset_has_no_problems),
		cmocka_unit_test(test_validate__empty_documents_are_empty_parts),
		cmocka_unit_test(test_validate__unknown_key_suggests_the_close_one),
		cmocka_unit_test(test_validate__unknown_top_level_key),
		cmocka_unit_test(test_validate__missing_required_fields),
		cmocka_unit_test(test_validate__empty_name_is_an_error),
		cmocka_unit_test(test_validate__id_syntax),
		cmocka_unit_test(test_validate__ids_share_one_namespace),
		cmocka_unit_test(test_validate__ids_are_case_sensitive),
		cmocka_unit_test(test_validate__duplicate_id_across_files_names_both_places),
		cmocka_unit_test(test_validate__unknown_references_suggest_ids),
		cmocka_unit_test(test_validate__enum_values_are_exact),
		cmocka_unit_test(test_validate__german_enum_words_in_yaml_name_the_english_value),
		cmocka_unit_test(test_validate__german_dates_in_yaml_suggest_the_iso_form),
		cmocka_unit_test(test_validate__booleans_and_quoted_scalars),
		cmocka_unit_test(test_validate__dates_must_exist),
		cmocka_unit_test(test_validate__version_other_than_1),
		cmocka_unit_test(test_validate__null_values_are_absent_but_null_items_are_errors),
		cmocka_unit_test(test_validate__wrong_node_types),
		cmocka_unit_test(test_validate__declared_themes_must_be_used_correctly),
		cmocka_unit_test(test_validate__free_themes_are_collected_when_none_declared),
		cmocka_unit_test(test_validate__parent_cycle),
		cmocka_unit_test(test_validate__settings_block),
		cmocka_unit_test(test_validate__settings_out_of_range_and_twice),
		cmocka_unit_test(test_validate__first_dataset_name_counts),
		cmocka_unit_test(test_validate__membership_written_three_ways_is_one),
		cmocka_unit_test(test_validate__strongest_written_role_wins_with_a_warning),
		cmocka_unit_test(test_validate__lead_listed_without_role_is_no_conflict),
		cmocka_unit_test(test_validate__lead_listed_as_member_is_a_conflict),
		cmocka_unit_test(test_validate__warnings),
		cmocka_unit_test(test_validate__problems_come_in_reading_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
