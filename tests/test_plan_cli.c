/*
 * test_plan_cli.c: `netmap plan` and the coordinators flag through the
 * real binary (contract 7.1, 7.4): what would change, the changed
 * overview, the snapshot's today and settings, a store left byte for byte
 * as it was, and usage errors (exit 2, nothing on stdout).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "netmap/common.h"
#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR
#define PLAN_DATA NETMAP_TEST_DATA "/plan/"

static tu_run run(const char *const *args)
{
	tu_run r;
	tu_netmap(&r, SRC, args);
	return r;
}

#define NETMAP(...) run((const char *const[]){__VA_ARGS__, NULL})

/* A store with the example town scanned as of 2026-11-26. */
static char *example_store(const char *name)
{
	char *dir = tu_tempdir(name), *db = tu_path(dir, "netmap.db");
	tu_run r = NETMAP("scan", "--db", db, "--today", "2026-11-26", "--format", "json", "data");

	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	free(dir);
	return db;
}

static void assert_has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("expected to find\n%s\nin\n%s", needle, hay);
}

static void assert_lacks(const char *hay, const char *needle)
{
	if (strstr(hay, needle))
		fail_msg("did not expect\n%s\nin\n%s", needle, hay);
}

static void test_plan_cli__merging_a_cluster_resolves_its_duplicates(void **state)
{
	char *db = example_store("plan-merge");
	char *before = tu_read_file(db, NULL), *after;
	tu_run r;

	(void)state;
	/* No --today: the snapshot's 2026-11-26, not the clock's. */
	r = NETMAP("plan", "--db", db, "--merge", "ak-sprache,nw-sprachfoerderung,ag-sprachkurse",
		   "--format", "json");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_has(r.out, "\"today\": \"2026-11-26\"");
	assert_has(
		r.out,
		"\"clusters\": [\n    {\"committees\": [\"ak-uebergang\", \"rt-ausbildung\"]}\n  ],");
	assert_has(r.out, "\"changes\": {\"from\": 1, \"to\": 1, \"plan\": true");
	assert_lacks(r.out, "{\"a\": \"ak-sprache\", \"b\": \"nw-sprachfoerderung\"");
	tu_run_release(&r);

	r = NETMAP("plan", "--db", db, "--merge", "ak-sprache,nw-sprachfoerderung,ag-sprachkurse",
		   "--lang", "en");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "What the plan would change in snapshot 1\n");
	assert_has(r.out, "  ~ Netzwerk Sprachförderung (nw-sprachfoerderung)\n"
			  "      status: active → dissolved\n");
	assert_has(r.out, "Resolved findings (5)\n");
	assert_has(r.out, "Merge proposals: what merging would save (1)\n");
	tu_run_release(&r);

	/* The store is only read. */
	after = tu_read_file(db, NULL);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(db);
}

static void test_plan_cli__plan_works_on_a_read_only_store(void **state)
{
	char *db = example_store("plan-readonly");
	tu_run r;

	(void)state;
	assert_int_equal(chmod(db, 0444), 0);
	r = NETMAP("plan", "--db", db, "--dissolve", "ak-sprache", "--invite",
		   "buergerstiftung:nw-integration", "--today", "2026-12-01", "--format",
		   "markdown", "--lang", "de");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_has(r.out, "Was der Plan an Stand 1 ändern würde");
	assert_has(r.out, "Stand: 01.12.2026");
	tu_run_release(&r);
	chmod(db, 0644);
	free(db);
}

static void assert_usage(const char *db, const char *opt, const char *value, const char *message)
{
	tu_run r = NETMAP("plan", "--db", db, opt, value);

	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	if (strncmp(r.err, message, strlen(message)) != 0)
		fail_msg("expected stderr to start with\n%s\ngot\n%s", message, r.err);
	tu_run_release(&r);
}

static void test_plan_cli__bad_changes_exit_2_and_print_nothing(void **state)
{
	char *db = example_store("plan-usage");

	(void)state;
	assert_usage(db, "--merge", "ak-sprache",
		     "netmap: --merge needs at least two different committees, not 'ak-sprache'\n");
	assert_usage(db, "--merge", "ak-sprache,ak-sprache",
		     "netmap: --merge needs at least two different committees, not "
		     "'ak-sprache,ak-sprache'\n");
	assert_usage(db, "--merge", "ak-sprach,nw-sprachfoerderung",
		     "netmap: --merge: unknown committee 'ak-sprach'; did you mean 'ak-sprache'?\n"
		     "usage: netmap plan");
	assert_usage(db, "--invite", "vhs", "netmap: --invite takes ACTOR:COMMITTEE, not 'vhs'\n");
	assert_usage(db, "--invite", "vhx:ak-sprache",
		     "netmap: --invite: unknown actor 'vhx'; did you mean 'vhs'?\n");
	assert_usage(
		db, "--dissolve", "ak-sprach",
		"netmap: --dissolve: unknown committee 'ak-sprach'; did you mean 'ak-sprache'?\n");
	assert_usage(db, "--coordinators", "stadt-bildungskoordinaton",
		     "netmap: --coordinators: unknown actor 'stadt-bildungskoordinaton'; did you "
		     "mean 'stadt-bildungskoordination'?\n");
	{
		tu_run r = NETMAP("plan", "--db", db, "--merge", "ak-sprache,ag-sprachkurse",
				  "--merge", "ag-sprachkurse,nw-sprachfoerderung");
		assert_int_equal(r.status, 2);
		assert_string_equal(r.out, "");
		assert_has(r.err,
			   "netmap: --merge: committee 'ag-sprachkurse' is already dissolved\n");
		tu_run_release(&r);
		r = NETMAP("plan", "--db", db, "--merge");
		assert_int_equal(r.status, 2);
		assert_has(r.err, "netmap: option '--merge' needs a value\n");
		tu_run_release(&r);
	}
	free(db);
}

static void test_plan_cli__help_plan_has_an_example(void **state)
{
	tu_run r = NETMAP("help", "plan");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_has(r.out, "usage: netmap plan [options] [--merge ID,ID...]... [--dissolve ID]... "
			  "[--invite ACTOR:COMMITTEE]...\n");
	assert_has(r.out, "Example:\n  netmap plan --merge ");
	tu_run_release(&r);
}

/* A scratch folder for a store; with a scan that names a coordinator. */
typedef struct coord_store {
	char *dir;
	char *db;
	tu_run scan;
} coord_store;

static const char COORD[] = PLAN_DATA "coord.yaml";

static int coord_folder(void **state)
{
	coord_store *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->dir = tu_tempdir("plan-coord");
	f->db = tu_path(f->dir, "netmap.db");
	*state = f;
	return 0;
}

static int coord_scanned(void **state)
{
	coord_store *f;

	if (coord_folder(state) != 0)
		return -1;
	f = *state;
	f->scan = NETMAP("scan", "--db", f->db, "--today", "2026-11-26", "--coordinators", "coord",
			 COORD);
	return 0;
}

static int coord_release(void **state)
{
	coord_store *f = *state;

	tu_run_release(&f->scan);
	free(f->db);
	free(f->dir);
	free(f);
	return 0;
}

static void
test_plan_cli__coordinators_flag_of_an_unknown_id_exits_2_and_stores_nothing(void **state)
{
	coord_store *f = *state;
	/* As a flag: an unknown id is a usage error and nothing is stored. */
	tu_run r = NETMAP("scan", "--db", f->db, "--coordinators", "cord", COORD);

	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_has(r.err, "netmap: --coordinators: unknown actor 'cord'; did you mean 'coord'?\n");
	tu_run_release(&r);
	assert_null(tu_read_file(f->db, NULL));
}

static void test_plan_cli__coordinators_flag_names_them_in_the_report(void **state)
{
	coord_store *f = *state;

	assert_int_equal(f->scan.status, 0);
	assert_has(f->scan.out,
		   "\nKoordinierungsstelle (coord): coordinating office, not counted in "
		   "overlaps and\nnever overloaded\n");
}

static void test_plan_cli__coordinators_are_stored_with_the_snapshot(void **state)
{
	coord_store *f = *state;
	tu_run r;

	assert_int_equal(f->scan.status, 0);
	/* Stored with the snapshot: report analyses with it again... */
	r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--format", "json");
	assert_has(r.out, "\"similar_name\": 0.9, \"coordinators\": [\"coord\"]}");
	tu_run_release(&r);
}

static void test_plan_cli__empty_coordinators_flag_overrides_the_stored_ones(void **state)
{
	coord_store *f = *state;
	tu_run r;

	assert_int_equal(f->scan.status, 0);
	/* ... unless --coordinators '' says none. */
	r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--format", "json",
		   "--coordinators", "");
	assert_has(r.out, "\"coordinators\": []}");
	assert_has(r.out, "{\"actor\": \"coord\", \"committees\": 5, \"meetings_per_year\": 56, "
			  "\"overloaded\": true}");
	tu_run_release(&r);
}

static void test_plan_cli__german_report_names_the_coordinators(void **state)
{
	coord_store *f = *state;
	tu_run r;

	assert_int_equal(f->scan.status, 0);
	r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--lang", "de");
	assert_has(r.out, "\nKoordinierungsstelle (coord): Koordinierungsstelle, nicht in "
			  "Überschneidungen\ngezählt und nie überlastet\n");
	tu_run_release(&r);
}

static void
test_plan_cli__coordinators_setting_of_an_unknown_id_is_an_error_at_its_place(void **state)
{
	coord_store *f = *state;
	char *yaml = tu_path(f->dir, "bad.yaml");
	char *text = tu_read_file(COORD, NULL);
	size_t n = strlen(text);
	char *bad = nm_xmalloc(n + 64);
	tu_run r;

	/* In the data: an unknown id is an error at its place, with a suggestion. */
	snprintf(bad, n + 64, "%s  coordinators: [coord, cord]\n", text);
	tu_write_file(yaml, bad);
	r = NETMAP("validate", yaml);
	assert_int_equal(r.status, 1);
	assert_has(r.out, ":25:25: error: unknown actor 'cord'; did you mean 'coord'?\n");
	tu_run_release(&r);
	free(bad);
	free(text);
	free(yaml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_cli__merging_a_cluster_resolves_its_duplicates),
		cmocka_unit_test(test_plan_cli__plan_works_on_a_read_only_store),
		cmocka_unit_test(test_plan_cli__bad_changes_exit_2_and_print_nothing),
		cmocka_unit_test(test_plan_cli__help_plan_has_an_example),
		cmocka_unit_test_setup_teardown(
			test_plan_cli__coordinators_flag_of_an_unknown_id_exits_2_and_stores_nothing,
			coord_folder, coord_release),
		cmocka_unit_test_setup_teardown(
			test_plan_cli__coordinators_flag_names_them_in_the_report, coord_scanned,
			coord_release),
		cmocka_unit_test_setup_teardown(
			test_plan_cli__coordinators_are_stored_with_the_snapshot, coord_scanned,
			coord_release),
		cmocka_unit_test_setup_teardown(
			test_plan_cli__empty_coordinators_flag_overrides_the_stored_ones,
			coord_scanned, coord_release),
		cmocka_unit_test_setup_teardown(test_plan_cli__german_report_names_the_coordinators,
						coord_scanned, coord_release),
		cmocka_unit_test_setup_teardown(
			test_plan_cli__coordinators_setting_of_an_unknown_id_is_an_error_at_its_place,
			coord_folder, coord_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
