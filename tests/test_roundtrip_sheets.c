/*
 * test_roundtrip_sheets.c: what netmap writes as spreadsheets, read back
 * by netmap (contract 6.6).
 *
 * PENDING THE SPREADSHEET READERS: these tests read .xlsx, .ods and .csv
 * files through `netmap scan`, `validate` and `import`. They fail until
 * the workbook and CSV readers (contract 6.1-6.5) are merged into
 * nm_validate_paths; they are kept in this file of their own so that the
 * writers' other tests (test_sheet_write.c, test_roundtrip_cli.c) pass
 * meanwhile. Once the readers land, every test here must pass unchanged.
 *
 * - YAML -> export xlsx|ods|csv (--include-contacts, both languages) ->
 *   scan --today T gives the same JSON report as the YAML;
 * - hostile names (YAML, CSV and formula look-alikes) the same way;
 * - xlsx -> import -> YAML -> scan gives the same report too;
 * - every template of `netmap init` validates with no error and no
 *   warning, as an empty dataset;
 * - examples/lindenau.xlsx scans like data/ (that it is what export
 *   writes is checked in test_roundtrip_cli.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR
#define DATA_DIR SRC "/data"
#define SHEETS NETMAP_TEST_DATA "/sheets/"
#define TODAY "2026-11-26"

static tu_run run(const char *cwd, const char *const *args)
{
	tu_run r;
	tu_netmap(&r, cwd, args);
	return r;
}

#define NETMAP(cwd, ...) run((cwd), (const char *const[]){__VA_ARGS__, NULL})

static char *scan_json(const char *dir, const char *db, const char *path)
{
	tu_run r = NETMAP(dir, "scan", "--db", db, "--today", TODAY, "--format", "json", path);
	char *out;

	if (r.status != 0)
		fprintf(stderr, "scan %s: %s", path, r.err);
	assert_int_equal(r.status, 0);
	out = r.out;
	r.out = NULL;
	tu_run_release(&r);
	return out;
}

/* Scan src, export it in format and lang, scan the export: the same report. */
static void export_and_rescan(const char *name, const char *src, const char *format,
			      const char *lang)
{
	char *dir = tu_tempdir(name);
	char *first = scan_json(dir, "a.db", src), *second;
	const char *out = strcmp(format, "csv") == 0
				  ? "out"
				  : (strcmp(format, "ods") == 0 ? "out.ods" : "out.xlsx");
	tu_run r = NETMAP(dir, "export", "--db", "a.db", "--format", format, "--lang", lang,
			  "--include-contacts", "-o", out);

	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	r = NETMAP(dir, "validate", "--today", TODAY, out);
	if (r.status != 0)
		fprintf(stderr, "%s%s", r.out, r.err);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	second = scan_json(dir, "b.db", out);
	assert_string_equal(first, second);
	free(first);
	free(second);
	free(dir);
}

static void test_roundtrip_sheets__town_xlsx_de_scans_the_same(void **state)
{
	export_and_rescan("rs-town-xlsx-de", DATA_DIR, "xlsx", "de");
}

static void test_roundtrip_sheets__town_xlsx_en_scans_the_same(void **state)
{
	export_and_rescan("rs-town-xlsx-en", DATA_DIR, "xlsx", "en");
}

static void test_roundtrip_sheets__town_ods_de_scans_the_same(void **state)
{
	export_and_rescan("rs-town-ods-de", DATA_DIR, "ods", "de");
}

static void test_roundtrip_sheets__town_csv_de_scans_the_same(void **state)
{
	export_and_rescan("rs-town-csv-de", DATA_DIR, "csv", "de");
}

static void test_roundtrip_sheets__town_csv_en_scans_the_same(void **state)
{
	export_and_rescan("rs-town-csv-en", DATA_DIR, "csv", "en");
}

static void test_roundtrip_sheets__hostile_names_xlsx_scan_the_same(void **state)
{
	export_and_rescan("rs-hostile-xlsx", SHEETS "hostile.yaml", "xlsx", "de");
}

static void test_roundtrip_sheets__hostile_names_ods_scan_the_same(void **state)
{
	export_and_rescan("rs-hostile-ods", SHEETS "hostile.yaml", "ods", "en");
}

static void test_roundtrip_sheets__hostile_names_csv_scan_the_same(void **state)
{
	export_and_rescan("rs-hostile-csv-de", SHEETS "hostile.yaml", "csv", "de");
	export_and_rescan("rs-hostile-csv-en", SHEETS "hostile.yaml", "csv", "en");
}

static void test_roundtrip_sheets__xlsx_import_yaml_scans_the_same(void **state)
{
	char *dir = tu_tempdir("rs-xlsx-import");
	char *first = scan_json(dir, "a.db", DATA_DIR), *second;
	tu_run r = NETMAP(dir, "export", "--db", "a.db", "--format", "xlsx", "--lang", "de",
			  "--include-contacts", "-o", "town.xlsx");

	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	r = NETMAP(dir, "import", "town.xlsx", "-o", "yaml");
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	second = scan_json(dir, "b.db", "yaml");
	assert_string_equal(first, second);
	free(first);
	free(second);
	free(dir);
}

static void test_roundtrip_sheets__templates_validate_clean(void **state)
{
	static const char *const formats[] = {"xlsx", "ods", "csv"};
	static const char *const langs[] = {"de", "en"};

	for (int f = 0; f < 3; f++) {
		for (int l = 0; l < 2; l++) {
			char name[64];
			char *dir;
			tu_run r;
			snprintf(name, sizeof(name), "rs-init-%s-%s", formats[f], langs[l]);
			dir = tu_tempdir(name);
			const char *out = f == 0 ? "t.xlsx" : f == 1 ? "t.ods" : "t";
			r = NETMAP(dir, "init", "--format", formats[f], "--lang", langs[l], "-o",
				   out);
			assert_int_equal(r.status, 0);
			tu_run_release(&r);
			r = NETMAP(dir, "validate", "--strict", out);
			if (r.status != 0)
				fprintf(stderr, "%s %s: %s%s", formats[f], langs[l], r.out, r.err);
			assert_int_equal(r.status, 0);
			assert_string_equal(r.out, f == 2 ? "0 errors, 0 warnings in 6 files\n"
							  : "0 errors, 0 warnings in 1 file\n");
			tu_run_release(&r);
			free(dir);
		}
	}
}

static void test_roundtrip_sheets__example_workbook_scans_like_the_yaml(void **state)
{
	char *dir = tu_tempdir("rs-example");
	char *json = scan_json(dir, "a.db", DATA_DIR);
	char *again = scan_json(dir, "b.db", SRC "/examples/lindenau.xlsx");

	assert_string_equal(json, again);
	free(again);
	free(json);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip_sheets__town_xlsx_de_scans_the_same),
		cmocka_unit_test(test_roundtrip_sheets__town_xlsx_en_scans_the_same),
		cmocka_unit_test(test_roundtrip_sheets__town_ods_de_scans_the_same),
		cmocka_unit_test(test_roundtrip_sheets__town_csv_de_scans_the_same),
		cmocka_unit_test(test_roundtrip_sheets__town_csv_en_scans_the_same),
		cmocka_unit_test(test_roundtrip_sheets__hostile_names_xlsx_scan_the_same),
		cmocka_unit_test(test_roundtrip_sheets__hostile_names_ods_scan_the_same),
		cmocka_unit_test(test_roundtrip_sheets__hostile_names_csv_scan_the_same),
		cmocka_unit_test(test_roundtrip_sheets__xlsx_import_yaml_scans_the_same),
		cmocka_unit_test(test_roundtrip_sheets__templates_validate_clean),
		cmocka_unit_test(test_roundtrip_sheets__example_workbook_scans_like_the_yaml),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
