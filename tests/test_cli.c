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

static void test_cli__help_and_version(void **state)
{
	tu_run r = NETMAP("--help");
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "usage: netmap [--help] [--version] <command>", 44) == 0);
	assert_string_equal(r.err, "");
	tu_run_release(&r);

	r = NETMAP("--version");
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "netmap 1.0.0 (data format 1; libyaml ", 37) == 0);
	tu_run_release(&r);

	r = NETMAP("help", "scan");
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "usage: netmap scan [options] PATH...\n", 37) == 0);
	assert_non_null(strstr(r.out, "--max-load N"));
	tu_run_release(&r);

	r = NETMAP("validate", "--help");
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "usage: netmap validate", 22) == 0);
	tu_run_release(&r);
}

static void test_cli__usage_errors_exit_2_with_a_hint(void **state)
{
	tu_run r = NETMAP("frobnicate");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err, "netmap: unknown command 'frobnicate'\nTry 'netmap --help'\n");
	tu_run_release(&r);

	r = NETMAP("scan", "--bogus", SMALL);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err, "netmap: unknown option '--bogus'\n"
				   "usage: netmap scan [options] PATH...\n"
				   "Try 'netmap help scan'\n");
	tu_run_release(&r);

	r = NETMAP("validate", "--today", "2026-02-30", SMALL);
	assert_int_equal(r.status, 2);
	assert_true(strncmp(r.err, "netmap: --today takes a date YYYY-MM-DD, not '2026-02-30'\n", 58) == 0);
	tu_run_release(&r);

	r = NETMAP("report", "--max-load", "many");
	assert_int_equal(r.status, 2);
	tu_run_release(&r);

	r = NETMAP("validate");
	assert_int_equal(r.status, 2);
	tu_run_release(&r);

	/* Options belong after the command. */
	r = NETMAP("--db", "x.db", "scan", SMALL);
	assert_int_equal(r.status, 2);
	tu_run_release(&r);
}

static void test_cli__validate_valid_data(void **state)
{
	tu_run r = NETMAP("validate", "--today", "2026-11-26", SMALL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "0 errors, 0 warnings in 1 file\n");
	assert_string_equal(r.err, "");
	tu_run_release(&r);
}

static void test_cli__validate_text_lists_every_problem(void **state)
{
	tu_run r = NETMAP("validate", "--today", "2026-11-26", BROKEN);
	assert_int_equal(r.status, 1);
	tu_assert_golden(r.out, GOLDEN "validate-broken.txt");
	assert_string_equal(r.err, "");
	tu_run_release(&r);
}

static void test_cli__validate_json_and_github(void **state)
{
	tu_run r = NETMAP("validate", "--today", "2026-11-26", "--format", "json", BROKEN);
	assert_int_equal(r.status, 1);
	tu_assert_golden(r.out, GOLDEN "validate-broken.json");
	tu_run_release(&r);

	r = NETMAP("validate", "--today", "2026-11-26", "--format", "github", BROKEN);
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

	/* A key with a newline, a percent sign and a fake annotation. */
	tu_write_file(file, "\"x%0A\\n::error file=evil::pwned\": 1\n");
	r = NETMAP("validate", "--format", "github", file);
	assert_int_equal(r.status, 1);
	n = strlen(dir) + 200;
	expected = malloc(n);
	assert_non_null(expected);
	snprintf(expected, n,
		 "::error file=%s/a%%2Cb%%3Ac.yaml,line=1,col=1::unknown key 'x%%250A%%0A::error "
		 "file=evil::pwned' in the document\n", dir);
	assert_string_equal(r.out, expected);
	/* One line: the data cannot start an annotation of its own. */
	assert_int_equal(strchr(r.out, '\n') - r.out + 1, (long)strlen(r.out));
	free(expected);
	tu_run_release(&r);
	free(file);
	free(dir);
}

static void test_cli__validate_strict_fails_on_warnings(void **state)
{
	char *dir = tu_tempdir("cli-strict");
	char *file = tu_path(dir, "w.yaml");
	tu_run r;

	tu_write_file(file, "committees:\n  - {id: k, name: K, kind: network}\n");
	r = NETMAP("validate", file);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	r = NETMAP("validate", "--strict", file);
	assert_int_equal(r.status, 1);
	tu_run_release(&r);
	free(file);
	free(dir);
}

static void test_cli__unreadable_path_exits_2_but_checks_the_rest(void **state)
{
	tu_run r = NETMAP("validate", "tests/data/cli/nope.yaml", BROKEN);
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
	char *dir = tu_tempdir("cli-same");
	char *db = tu_path(dir, "n.db");
	tu_run s = NETMAP("scan", "--db", db, "--today", "2026-11-26", "--format", "json", SMALL);
	tu_run r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "json");

	assert_int_equal(s.status, 0);
	assert_int_equal(r.status, 0);
	assert_string_equal(s.out, r.out);
	tu_assert_golden(s.out, GOLDEN "small.json");
	tu_run_release(&s);
	tu_run_release(&r);

	/* Another today changes the findings, not the stored data. */
	r = NETMAP("report", "--db", db, "--today", "2030-01-01", "--format", "json");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"today\": \"2030-01-01\""));
	tu_run_release(&r);
	free(db);
	free(dir);
}

static void test_cli__report_without_a_store_or_snapshot_exits_2(void **state)
{
	char *dir = tu_tempdir("cli-nostore");
	char *db = tu_path(dir, "none.db");
	tu_run r = NETMAP("report", "--db", db);

	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_true(strncmp(r.err, "netmap: ", 8) == 0);
	assert_false(exists(db));
	tu_run_release(&r);
	free(db);
	free(dir);
}

static void test_cli__fail_on_sets_exit_1(void **state)
{
	char *dir = tu_tempdir("cli-failon");
	char *db = tu_path(dir, "n.db");
	tu_run r = NETMAP("scan", "--db", db, "--today", "2026-11-26", "--fail-on", "duplicate",
			  SMALL);

	assert_int_equal(r.status, 1);
	assert_true(strlen(r.out) > 0);
	tu_run_release(&r);
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--fail-on", "overloaded");
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--fail-on", "review,gaps");
	assert_int_equal(r.status, 1);
	tu_run_release(&r);
	r = NETMAP("report", "--db", db, "--fail-on", "everything");
	assert_int_equal(r.status, 2);
	tu_run_release(&r);
	free(db);
	free(dir);
}

static void test_cli__text_report_fits_80_columns_without_control_characters(void **state)
{
	char *dir = tu_tempdir("cli-text");
	char *db = tu_path(dir, "n.db");
	tu_run r = NETMAP("scan", "--db", db, "--today", "2026-11-26", SMALL);
	char *line, *save = NULL;

	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "small.txt");
	assert_null(strchr(r.out, '\033'));
	assert_null(strchr(r.out, '\r'));
	for (line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (nm_text_width(line) > 80)
			fail_msg("line wider than 80 columns: '%s'", line);
	}
	tu_run_release(&r);
	free(db);
	free(dir);
}

static void test_cli__example_data_golden_reports(void **state)
{
	char *dir = tu_tempdir("cli-example");
	char *db = tu_path(dir, "n.db");
	tu_run r = NETMAP("scan", "--db", db, "--today", "2026-11-26", "data/");

	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	tu_assert_golden(r.out, GOLDEN "example.txt");
	tu_run_release(&r);
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "json");
	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "example.json");
	tu_run_release(&r);
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--all");
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	free(db);
	free(dir);
}

static void test_cli__show_and_list(void **state)
{
	char *dir = tu_tempdir("cli-show");
	char *db = tu_path(dir, "n.db");
	tu_run r = NETMAP("scan", "--db", db, "--today", "2026-11-26", SMALL);

	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	r = NETMAP("show", "--db", db, "--today", "2026-11-26", "ak-sprache");
	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "show-ak-sprache.txt");
	tu_run_release(&r);
	r = NETMAP("show", "--db", db, "--today", "2026-11-26", "vhs");
	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "show-vhs.txt");
	tu_run_release(&r);
	r = NETMAP("show", "--db", db, "nobody");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, "netmap: no actor or committee 'nobody' in the latest snapshot\n");
	tu_run_release(&r);
	r = NETMAP("list", "--db", db, "--type", "association", "actors");
	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "list-associations.txt");
	tu_run_release(&r);
	r = NETMAP("list", "--db", db, "--theme", "language", "--format", "json", "committees");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out,
			    "[\n  {\"id\": \"ak-sprache\", \"name\": \"Arbeitskreis Sprache\", "
			    "\"kind\": \"working_group\", \"status\": \"active\", \"members\": 5},\n"
			    "  {\"id\": \"nw-sprache\", \"name\": \"Netzwerk Sprachförderung\", "
			    "\"kind\": \"network\", \"status\": \"active\", \"members\": 5}\n]\n");
	tu_run_release(&r);
	free(db);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli__help_and_version),
		cmocka_unit_test(test_cli__usage_errors_exit_2_with_a_hint),
		cmocka_unit_test(test_cli__validate_valid_data),
		cmocka_unit_test(test_cli__validate_text_lists_every_problem),
		cmocka_unit_test(test_cli__validate_json_and_github),
		cmocka_unit_test(test_cli__github_annotations_cannot_be_broken_by_the_data),
		cmocka_unit_test(test_cli__validate_strict_fails_on_warnings),
		cmocka_unit_test(test_cli__unreadable_path_exits_2_but_checks_the_rest),
		cmocka_unit_test(test_cli__scan_of_invalid_data_creates_no_store),
		cmocka_unit_test(test_cli__scan_and_report_print_the_same_json),
		cmocka_unit_test(test_cli__report_without_a_store_or_snapshot_exits_2),
		cmocka_unit_test(test_cli__fail_on_sets_exit_1),
		cmocka_unit_test(test_cli__text_report_fits_80_columns_without_control_characters),
		cmocka_unit_test(test_cli__example_data_golden_reports),
		cmocka_unit_test(test_cli__show_and_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
