/*
 * test_cli.c: the real netmap binary, its stdout, stderr and exit status
 * (contract 5.1, 5.2): usage errors, validate's three formats, scan and
 * report on a store, golden reports of the example data, and the text
 * report's manners in a terminal (80 columns, no control characters).
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
#include <unistd.h>

#include "netmap/textfmt.h"
#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR
#define GOLDEN NETMAP_TEST_DATA "/golden/"
#define SMALL "tests/data/cli/small.yaml"
#define BROKEN "tests/data/cli/broken.yaml"

static tu_run run_in(const char *cwd, const char *const *args)
{
	tu_run r;
	tu_netmap(&r, cwd, args);
	return r;
}

#define NETMAP(...) run_in(SRC, (const char *const[]){__VA_ARGS__, NULL})

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/*
 * A store holding one scan, made before a test and removed after it: the
 * scan's own run is kept for the tests that check what the scan printed.
 */
typedef struct scanned {
	char *dir;
	char *db;
	tu_run scan;
} scanned;

static int scan_into(void **state, const char *name, const char *const *extra)
{
	scanned *f = calloc(1, sizeof(*f));
	const char *args[16] = {"scan", "--db"};
	size_t n = 3;

	if (!f)
		return -1;
	f->dir = tu_tempdir(name);
	f->db = tu_path(f->dir, "n.db");
	args[2] = f->db;
	for (; *extra && n < 15; extra++)
		args[n++] = *extra;
	args[n] = NULL;
	f->scan = run_in(SRC, args);
	*state = f;
	return 0;
}

/* SMALL as of 2026-11-26, the text report on stdout. */
static int small_scanned(void **state)
{
	return scan_into(state, "cli-small",
			 (const char *const[]){"--today", "2026-11-26", SMALL, NULL});
}

/* The same with the JSON report on stdout. */
static int small_scanned_json(void **state)
{
	return scan_into(state, "cli-same",
			 (const char *const[]){"--today", "2026-11-26", "--format", "json", SMALL,
					       NULL});
}

/* The same, failing on duplicates, which SMALL has. */
static int small_scanned_failing_on_duplicates(void **state)
{
	return scan_into(state, "cli-failon",
			 (const char *const[]){"--today", "2026-11-26", "--fail-on", "duplicate",
					       SMALL, NULL});
}

/* The example data of data/. */
static int example_scanned(void **state)
{
	return scan_into(state, "cli-example",
			 (const char *const[]){"--today", "2026-11-26", "data/", NULL});
}

static int remove_scan(void **state)
{
	scanned *f = *state;

	tu_run_release(&f->scan);
	free(f->db);
	free(f->dir);
	free(f);
	return 0;
}

static void test_cli__help_prints_the_usage_on_stdout(void **state)
{
	tu_run r = NETMAP("--help");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "usage: netmap [--help] [--version] <command>", 44) == 0);
	assert_string_equal(r.err, "");
	tu_run_release(&r);
}

static void test_cli__version_names_the_data_format_and_libyaml(void **state)
{
	tu_run r = NETMAP("--version");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "netmap 1.0.0 (data format 1; libyaml ", 37) == 0);
	tu_run_release(&r);
}

static void test_cli__help_of_a_command_lists_its_options(void **state)
{
	tu_run r = NETMAP("help", "scan");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "usage: netmap scan [options] PATH...\n", 37) == 0);
	assert_non_null(strstr(r.out, "--max-load N"));
	tu_run_release(&r);
}

static void test_cli__help_option_after_a_command_prints_its_usage(void **state)
{
	tu_run r = NETMAP("validate", "--help");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "usage: netmap validate", 22) == 0);
	tu_run_release(&r);
}

static void test_cli__unknown_command_exits_2_with_a_hint(void **state)
{
	tu_run r = NETMAP("frobnicate");

	(void)state;
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err, "netmap: unknown command 'frobnicate'\nTry 'netmap --help'\n");
	tu_run_release(&r);
}

static void test_cli__unknown_option_exits_2_with_the_usage_and_a_hint(void **state)
{
	tu_run r = NETMAP("scan", "--bogus", SMALL);

	(void)state;
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err, "netmap: unknown option '--bogus'\n"
				   "usage: netmap scan [options] PATH...\n"
				   "Try 'netmap help scan'\n");
	tu_run_release(&r);
}

static void test_cli__impossible_today_exits_2(void **state)
{
	tu_run r = NETMAP("validate", "--today", "2026-02-30", SMALL);

	(void)state;
	assert_int_equal(r.status, 2);
	assert_true(strncmp(r.err, "netmap: --today takes a date YYYY-MM-DD, not '2026-02-30'\n",
			    58) == 0);
	tu_run_release(&r);
}

static void test_cli__max_load_that_is_no_number_exits_2(void **state)
{
	tu_run r = NETMAP("report", "--max-load", "many");

	(void)state;
	assert_int_equal(r.status, 2);
	tu_run_release(&r);
}

static void test_cli__validate_without_a_path_exits_2(void **state)
{
	tu_run r = NETMAP("validate");

	(void)state;
	assert_int_equal(r.status, 2);
	tu_run_release(&r);
}

static void test_cli__options_before_the_command_exit_2(void **state)
{
	(void)state;
	/* Options belong after the command. */
	tu_run r = NETMAP("--db", "x.db", "scan", SMALL);
	assert_int_equal(r.status, 2);
	tu_run_release(&r);
}

static void test_cli__validate_valid_data(void **state)
{
	tu_run r = NETMAP("validate", "--today", "2026-11-26", SMALL);

	(void)state;
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "0 errors, 0 warnings in 1 file\n");
	assert_string_equal(r.err, "");
	tu_run_release(&r);
}

static void test_cli__validate_text_lists_every_problem(void **state)
{
	tu_run r = NETMAP("validate", "--today", "2026-11-26", BROKEN);

	(void)state;
	assert_int_equal(r.status, 1);
	tu_assert_golden(r.out, GOLDEN "validate-broken.txt");
	assert_string_equal(r.err, "");
	tu_run_release(&r);
}

static void test_cli__validate_json_lists_every_problem(void **state)
{
	tu_run r = NETMAP("validate", "--today", "2026-11-26", "--format", "json", BROKEN);

	(void)state;
	assert_int_equal(r.status, 1);
	tu_assert_golden(r.out, GOLDEN "validate-broken.json");
	tu_run_release(&r);
}

static void test_cli__validate_github_annotates_every_problem(void **state)
{
	tu_run r = NETMAP("validate", "--today", "2026-11-26", "--format", "github", BROKEN);

	(void)state;
	assert_int_equal(r.status, 1);
	tu_assert_golden(r.out, GOLDEN "validate-broken.github");
	tu_run_release(&r);
}

static void test_cli__github_annotations_cannot_be_broken_by_the_data(void **state)
{
	char *dir = tu_tempdir("cli-github");
	char *file = tu_path(dir, "a,b:c.yaml");
	tu_run r;
	char *expected;
	size_t n;

	(void)state;
	/* A key with a newline, a percent sign and a fake annotation. */
	tu_write_file(file, "\"x%0A\\n::error file=evil::pwned\": 1\n");
	r = NETMAP("validate", "--format", "github", file);
	assert_int_equal(r.status, 1);
	n = strlen(dir) + 200;
	expected = malloc(n);
	assert_non_null(expected);
	snprintf(expected, n,
		 "::error file=%s/a%%2Cb%%3Ac.yaml,line=1,col=1::unknown key 'x%%250A%%0A::error "
		 "file=evil::pwned' in the document\n",
		 dir);
	assert_string_equal(r.out, expected);
	/* One line: the data cannot start an annotation of its own. */
	assert_int_equal(strchr(r.out, '\n') - r.out + 1, (long)strlen(r.out));
	free(expected);
	tu_run_release(&r);
	free(file);
	free(dir);
}

/* A folder with a file that has a warning and no error. */
static int warning_file(void **state)
{
	char **paths = calloc(2, sizeof(*paths));

	if (!paths)
		return -1;
	paths[0] = tu_tempdir("cli-strict");
	paths[1] = tu_path(paths[0], "w.yaml");
	tu_write_file(paths[1], "committees:\n  - {id: k, name: K, kind: network}\n");
	*state = paths;
	return 0;
}

static int remove_warning_file(void **state)
{
	char **paths = *state;

	free(paths[1]);
	free(paths[0]);
	free(paths);
	return 0;
}

static void test_cli__validate_passes_data_with_only_warnings(void **state)
{
	char **paths = *state;
	tu_run r = NETMAP("validate", paths[1]);

	assert_int_equal(r.status, 0);
	tu_run_release(&r);
}

static void test_cli__validate_strict_fails_on_warnings(void **state)
{
	char **paths = *state;
	tu_run r = NETMAP("validate", "--strict", paths[1]);

	assert_int_equal(r.status, 1);
	tu_run_release(&r);
}

static void test_cli__unreadable_path_exits_2_but_checks_the_rest(void **state)
{
	tu_run r = NETMAP("validate", "tests/data/cli/nope.yaml", BROKEN);

	(void)state;
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.out, "3 errors, "));
	assert_string_equal(r.err, "netmap: cannot read 'tests/data/cli/nope.yaml': "
				   "No such file or directory\n");
	tu_run_release(&r);
}

static void test_cli__scan_of_invalid_data_creates_no_store(void **state)
{
	char *dir = tu_tempdir("cli-invalid");
	char *db = tu_path(dir, "n.db");
	tu_run r = NETMAP("scan", "--db", db, BROKEN);

	(void)state;
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	assert_non_null(strstr(r.err, "broken.yaml:3:28: error: unknown actor type 'asociation'"));
	assert_false(exists(db));
	tu_run_release(&r);
	free(db);
	free(dir);
}

static void test_cli__scan_and_report_print_the_same_json(void **state)
{
	scanned *f = *state;
	tu_run r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--format", "json");

	assert_int_equal(f->scan.status, 0);
	assert_int_equal(r.status, 0);
	assert_string_equal(f->scan.out, r.out);
	tu_assert_golden(f->scan.out, GOLDEN "small.json");
	tu_run_release(&r);
}

static void test_cli__report_of_another_today_changes_the_findings_not_the_data(void **state)
{
	scanned *f = *state;
	tu_run r;

	assert_int_equal(f->scan.status, 0);
	r = NETMAP("report", "--db", f->db, "--today", "2030-01-01", "--format", "json");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"today\": \"2030-01-01\""));
	tu_run_release(&r);
}

static void test_cli__report_without_a_store_or_snapshot_exits_2(void **state)
{
	char *dir = tu_tempdir("cli-nostore");
	char *db = tu_path(dir, "none.db");
	tu_run r = NETMAP("report", "--db", db);

	(void)state;
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_true(strncmp(r.err, "netmap: ", 8) == 0);
	assert_false(exists(db));
	tu_run_release(&r);
	free(db);
	free(dir);
}

static void test_cli__scan_fail_on_a_finding_present_exits_1_with_the_report(void **state)
{
	scanned *f = *state;

	assert_int_equal(f->scan.status, 1);
	assert_true(strlen(f->scan.out) > 0);
}

static void test_cli__report_fail_on_a_finding_absent_exits_0(void **state)
{
	scanned *f = *state;
	tu_run r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--fail-on",
			  "overloaded");

	assert_int_equal(r.status, 0);
	tu_run_release(&r);
}

static void test_cli__report_fail_on_a_list_exits_1_when_one_is_present(void **state)
{
	scanned *f = *state;
	tu_run r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--fail-on",
			  "review,gaps");

	assert_int_equal(r.status, 1);
	tu_run_release(&r);
}

static void test_cli__report_fail_on_an_unknown_finding_exits_2(void **state)
{
	scanned *f = *state;
	tu_run r = NETMAP("report", "--db", f->db, "--fail-on", "everything");

	assert_int_equal(r.status, 2);
	tu_run_release(&r);
}

static void test_cli__text_report_fits_80_columns_without_control_characters(void **state)
{
	scanned *f = *state;
	char *line, *save = NULL;

	assert_int_equal(f->scan.status, 0);
	tu_assert_golden(f->scan.out, GOLDEN "small.txt");
	assert_null(strchr(f->scan.out, '\033'));
	assert_null(strchr(f->scan.out, '\r'));
	for (line = strtok_r(f->scan.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (nm_text_width(line) > 80)
			fail_msg("line wider than 80 columns: '%s'", line);
	}
}

static void test_cli__scan_of_the_example_data_prints_the_golden_text(void **state)
{
	scanned *f = *state;

	assert_int_equal(f->scan.status, 0);
	assert_string_equal(f->scan.err, "");
	tu_assert_golden(f->scan.out, GOLDEN "example.txt");
}

static void test_cli__report_json_of_the_example_data_is_golden(void **state)
{
	scanned *f = *state;
	tu_run r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--format", "json");

	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "example.json");
	tu_run_release(&r);
}

static void test_cli__report_all_of_the_example_data_succeeds(void **state)
{
	scanned *f = *state;
	tu_run r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--all");

	assert_int_equal(r.status, 0);
	tu_run_release(&r);
}

static void test_cli__show_of_a_committee_is_golden(void **state)
{
	scanned *f = *state;
	tu_run r;

	assert_int_equal(f->scan.status, 0);
	r = NETMAP("show", "--db", f->db, "--today", "2026-11-26", "ak-sprache");
	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "show-ak-sprache.txt");
	tu_run_release(&r);
}

static void test_cli__show_of_an_actor_is_golden(void **state)
{
	scanned *f = *state;
	tu_run r;

	assert_int_equal(f->scan.status, 0);
	r = NETMAP("show", "--db", f->db, "--today", "2026-11-26", "vhs");
	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "show-vhs.txt");
	tu_run_release(&r);
}

static void test_cli__show_of_an_unknown_id_exits_2(void **state)
{
	scanned *f = *state;
	tu_run r;

	assert_int_equal(f->scan.status, 0);
	r = NETMAP("show", "--db", f->db, "nobody");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err,
			    "netmap: no actor or committee 'nobody' in the latest snapshot\n");
	tu_run_release(&r);
}

static void test_cli__list_of_actors_of_a_type_is_golden(void **state)
{
	scanned *f = *state;
	tu_run r;

	assert_int_equal(f->scan.status, 0);
	r = NETMAP("list", "--db", f->db, "--type", "association", "actors");
	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "list-associations.txt");
	tu_run_release(&r);
}

static void test_cli__list_of_committees_on_a_theme_as_json(void **state)
{
	scanned *f = *state;
	tu_run r;

	assert_int_equal(f->scan.status, 0);
	r = NETMAP("list", "--db", f->db, "--theme", "language", "--format", "json", "committees");
	assert_int_equal(r.status, 0);
	assert_string_equal(
		r.out, "[\n  {\"id\": \"ak-sprache\", \"name\": \"Arbeitskreis Sprache\", "
		       "\"kind\": \"working_group\", \"status\": \"active\", \"members\": 5},\n"
		       "  {\"id\": \"nw-sprache\", \"name\": \"Netzwerk Sprachförderung\", "
		       "\"kind\": \"network\", \"status\": \"active\", \"members\": 5}\n]\n");
	tu_run_release(&r);
}

#define WITH(test, setup) cmocka_unit_test_setup_teardown(test, setup, remove_scan)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli__help_prints_the_usage_on_stdout),
		cmocka_unit_test(test_cli__version_names_the_data_format_and_libyaml),
		cmocka_unit_test(test_cli__help_of_a_command_lists_its_options),
		cmocka_unit_test(test_cli__help_option_after_a_command_prints_its_usage),
		cmocka_unit_test(test_cli__unknown_command_exits_2_with_a_hint),
		cmocka_unit_test(test_cli__unknown_option_exits_2_with_the_usage_and_a_hint),
		cmocka_unit_test(test_cli__impossible_today_exits_2),
		cmocka_unit_test(test_cli__max_load_that_is_no_number_exits_2),
		cmocka_unit_test(test_cli__validate_without_a_path_exits_2),
		cmocka_unit_test(test_cli__options_before_the_command_exit_2),
		cmocka_unit_test(test_cli__validate_valid_data),
		cmocka_unit_test(test_cli__validate_text_lists_every_problem),
		cmocka_unit_test(test_cli__validate_json_lists_every_problem),
		cmocka_unit_test(test_cli__validate_github_annotates_every_problem),
		cmocka_unit_test(test_cli__github_annotations_cannot_be_broken_by_the_data),
		cmocka_unit_test_setup_teardown(test_cli__validate_passes_data_with_only_warnings,
						warning_file, remove_warning_file),
		cmocka_unit_test_setup_teardown(test_cli__validate_strict_fails_on_warnings,
						warning_file, remove_warning_file),
		cmocka_unit_test(test_cli__unreadable_path_exits_2_but_checks_the_rest),
		cmocka_unit_test(test_cli__scan_of_invalid_data_creates_no_store),
		WITH(test_cli__scan_and_report_print_the_same_json, small_scanned_json),
		WITH(test_cli__report_of_another_today_changes_the_findings_not_the_data,
		     small_scanned_json),
		cmocka_unit_test(test_cli__report_without_a_store_or_snapshot_exits_2),
		WITH(test_cli__scan_fail_on_a_finding_present_exits_1_with_the_report,
		     small_scanned_failing_on_duplicates),
		WITH(test_cli__report_fail_on_a_finding_absent_exits_0,
		     small_scanned_failing_on_duplicates),
		WITH(test_cli__report_fail_on_a_list_exits_1_when_one_is_present,
		     small_scanned_failing_on_duplicates),
		WITH(test_cli__report_fail_on_an_unknown_finding_exits_2,
		     small_scanned_failing_on_duplicates),
		WITH(test_cli__text_report_fits_80_columns_without_control_characters,
		     small_scanned),
		WITH(test_cli__scan_of_the_example_data_prints_the_golden_text, example_scanned),
		WITH(test_cli__report_json_of_the_example_data_is_golden, example_scanned),
		WITH(test_cli__report_all_of_the_example_data_succeeds, example_scanned),
		WITH(test_cli__show_of_a_committee_is_golden, small_scanned),
		WITH(test_cli__show_of_an_actor_is_golden, small_scanned),
		WITH(test_cli__show_of_an_unknown_id_exits_2, small_scanned),
		WITH(test_cli__list_of_actors_of_a_type_is_golden, small_scanned),
		WITH(test_cli__list_of_committees_on_a_theme_as_json, small_scanned),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
