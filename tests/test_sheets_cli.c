/*
 * test_sheets_cli.c: spreadsheets as data sources, through the real
 * binary (contract section 6). A coordinator's workbook (German headers
 * and labels, names instead of ids, a title line, a matrix of who sits
 * where) scans to the same report as the same data in YAML, whether it
 * comes as .xlsx (written by openpyxl, or re-saved by LibreOffice), as
 * .ods, or as a folder of CSV files; problems name sheets and cells.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define COORD NETMAP_TEST_DATA "/sheets/coordinator"

static char *scan_json(const char *source)
{
	tu_run r;
	const char *args[] = {"scan",     "--db", ":memory:", "--today", "2026-12-01",
			      "--format", "json", source,     NULL};
	char *out;

	tu_netmap(&r, NULL, args);
	if (r.status != 0)
		fprintf(stderr, "netmap scan %s: exit %d\n%s", source, r.status, r.err);
	assert_int_equal(r.status, 0);
	out = r.out;
	r.out = NULL;
	tu_run_release(&r);
	return out;
}

static void same_report_as_yaml(const char *source)
{
	char *yaml = scan_json(COORD "/musterstadt");
	char *sheet = scan_json(source);

	assert_string_equal(sheet, yaml);
	free(yaml);
	free(sheet);
}

static void test_sheets__xlsx_scans_to_the_same_report_as_yaml(void **state)
{
	same_report_as_yaml(COORD "/musterstadt.xlsx");
}

static void test_sheets__xlsx_saved_by_libreoffice_scans_the_same(void **state)
{
	same_report_as_yaml(COORD "/musterstadt-libreoffice.xlsx");
}

static void test_sheets__ods_scans_to_the_same_report_as_yaml(void **state)
{
	same_report_as_yaml(COORD "/musterstadt.ods");
}

static void test_sheets__csv_folder_scans_to_the_same_report_as_yaml(void **state)
{
	same_report_as_yaml(COORD "/musterstadt-csv");
}

static void test_sheets__the_workbook_validates_without_problems(void **state)
{
	tu_run r;
	const char *args[] = {"validate", "--today", "2026-12-01", COORD "/musterstadt.xlsx", NULL};

	tu_netmap(&r, NULL, args);
	assert_string_equal(r.out, "0 errors, 0 warnings in 1 file\n");
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
}

static void test_sheets__messages_name_sheet_and_cell_and_say_what_to_do(void **state)
{
	tu_run r;
	const char *args[] = {"validate",    "liste.xlsx", "leer.xlsx",
			      "Akteure.csv", "alt.xlsx",   NULL};

	tu_netmap(&r, NETMAP_TEST_DATA "/sheets/messages", args);
	tu_assert_golden(r.out, NETMAP_TEST_DATA "/sheets/messages/expected.txt");
	assert_string_equal(r.err, "");
	assert_int_equal(r.status, 1);
	tu_run_release(&r);
}

static void test_sheets__json_names_the_sheet_and_cell_or_null_for_a_whole_file(void **state)
{
	tu_run r;
	const char *json[] = {"validate", "--format", "json", "leer.xlsx", "liste.xlsx", NULL};

	(void)state;
	tu_netmap(&r, NETMAP_TEST_DATA "/sheets/messages", json);
	/* A whole-file problem: line 1, column 1, sheet and cell null (6.5). */
	assert_non_null(strstr(r.out, "{\"file\": \"leer.xlsx\", \"line\": 1, \"column\": 1, "
				      "\"severity\": \"error\", \"rule\": \"no-table\""));
	assert_non_null(strstr(r.out, "\"sheet\": null, \"cell\": null}"));
	assert_non_null(
		strstr(r.out, "{\"file\": \"liste.xlsx\", \"line\": 2, \"column\": 2, "
			      "\"severity\": \"error\", \"rule\": \"enum\", \"message\": "
			      "\"unknown actor type 'Wohlfartsverband'; did you mean "
			      "'Wohlfahrtsverband'?\", \"sheet\": \"Akteure\", \"cell\": \"B2\"}"));
	tu_run_release(&r);
}

static void test_sheets__github_annotation_starts_its_message_with_the_cell(void **state)
{
	tu_run r;
	const char *gh[] = {"validate", "--format", "github", "liste.xlsx", NULL};

	(void)state;
	tu_netmap(&r, NETMAP_TEST_DATA "/sheets/messages", gh);
	assert_non_null(strstr(r.out, "::error file=liste.xlsx,line=2,col=2::Akteure!B2: unknown "
				      "actor type 'Wohlfartsverband'; did you mean "
				      "'Wohlfahrtsverband'?\n"));
	tu_run_release(&r);
}

static void test_sheets__invalid_workbook_leaves_no_store(void **state)
{
	tu_run r;
	const char *args[] = {"scan", "--db", "sheets-invalid.db",
			      NETMAP_TEST_DATA "/sheets/messages/liste.xlsx", NULL};
	FILE *f;

	tu_netmap(&r, NULL, args);
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	f = fopen("sheets-invalid.db", "rb");
	assert_null(f);
	tu_run_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheets__the_workbook_validates_without_problems),
		cmocka_unit_test(test_sheets__xlsx_scans_to_the_same_report_as_yaml),
		cmocka_unit_test(test_sheets__xlsx_saved_by_libreoffice_scans_the_same),
		cmocka_unit_test(test_sheets__ods_scans_to_the_same_report_as_yaml),
		cmocka_unit_test(test_sheets__csv_folder_scans_to_the_same_report_as_yaml),
		cmocka_unit_test(test_sheets__messages_name_sheet_and_cell_and_say_what_to_do),
		cmocka_unit_test(
			test_sheets__json_names_the_sheet_and_cell_or_null_for_a_whole_file),
		cmocka_unit_test(test_sheets__github_annotation_starts_its_message_with_the_cell),
		cmocka_unit_test(test_sheets__invalid_workbook_leaves_no_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
