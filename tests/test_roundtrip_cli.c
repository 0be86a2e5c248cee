/*
 * test_roundtrip_cli.c: the real binary's init, import and export of
 * spreadsheets and YAML (contract 6.6). YAML -> import -> YAML -> scan
 * gives the same JSON report as the original, for the example town and
 * for hostile names; import never overwrites without --force; the YAML
 * template validates clean and carries a CI workflow; the workbook
 * templates hold their sheets, headers, drop-downs and frozen header rows
 * (inspected with python3-openpyxl and unzip); export writes the dataset
 * as workbooks and CSV files, contacts only when asked.
 *
 * Reading the workbooks back (export -> scan) is in test_roundtrip_sheets.c.
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

#include "netmap/buf.h"
#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR
#define DATA_DIR SRC "/data"
#define SHEETS NETMAP_TEST_DATA "/sheets/"
#define TODAY "2026-11-26"
#define PYTHON "/usr/bin/python3"

static tu_run run(const char *cwd, const char *const *args)
{
	tu_run r;
	tu_netmap(&r, cwd, args);
	return r;
}

#define NETMAP(cwd, ...) run((cwd), (const char *const[]){__VA_ARGS__, NULL})

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The JSON report of a scan of path into a fresh store in dir. */
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

static bool have_openpyxl(void)
{
	if (system(PYTHON " -c 'import openpyxl' 2>/dev/null") == 0)
		return true;
	fprintf(stderr, "skipped: python3-openpyxl is not installed\n");
	return false;
}

/* Run a python script (argv[1] = arg) and return its stdout; it must exit 0. */
static char *python(const char *script, const char *arg)
{
	nm_buf cmd = NM_BUF_INIT, out = NM_BUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *p;

	nm_buf_printf(&cmd, PYTHON " - '%s' <<'EOF'\n%s\nEOF\n", arg, script);
	p = popen(cmd.ptr, "r");
	assert_non_null(p);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		nm_buf_put(&out, chunk, n);
	assert_int_equal(pclose(p), 0);
	nm_buf_release(&cmd);
	return nm_buf_detach(&out);
}

/* A shell command's stdout; fmt has one %s, for arg. */
static char *shell(const char *fmt, const char *arg)
{
	nm_buf cmd = NM_BUF_INIT, out = NM_BUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *p;

	for (const char *f = fmt; *f; f++) {
		if (f[0] == '%' && f[1] == 's') {
			nm_buf_puts(&cmd, arg);
			f++;
		} else {
			nm_buf_putc(&cmd, *f);
		}
	}
	p = popen(cmd.ptr, "r");
	assert_non_null(p);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		nm_buf_put(&out, chunk, n);
	pclose(p);
	nm_buf_release(&cmd);
	return nm_buf_detach(&out);
}

static void test_roundtrip_cli__example_town_yaml_import_yaml_scans_the_same(void **state)
{
	char *dir = tu_tempdir("rt-town");
	char *first = scan_json(dir, "a.db", DATA_DIR), *second;
	tu_run r = NETMAP(dir, "import", DATA_DIR, "-o", "town");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "town: 63 actors, 23 committees, 169 memberships, 12 themes "
				   "written as YAML\n");
	assert_string_equal(r.err, "");
	tu_run_release(&r);
	r = NETMAP(dir, "validate", "--strict", "town");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "0 errors, 0 warnings in 5 files\n");
	tu_run_release(&r);
	second = scan_json(dir, "b.db", "town");
	assert_string_equal(first, second);
	free(first);
	free(second);
	free(dir);
}

static void test_roundtrip_cli__hostile_names_import_and_scan_the_same(void **state)
{
	char *dir = tu_tempdir("rt-hostile");
	char *first = scan_json(dir, "a.db", SHEETS "hostile.yaml"), *second;
	tu_run r = NETMAP(dir, "import", "-o", "out", SHEETS "hostile.yaml");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	tu_run_release(&r);
	second = scan_json(dir, "b.db", "out");
	assert_string_equal(first, second);
	free(first);
	free(second);
	free(dir);
}

static void test_roundtrip_cli__import_overwrites_only_with_force(void **state)
{
	char *dir = tu_tempdir("rt-force");
	char *actors = tu_path(dir, "out/actors.yaml"), *text;
	tu_run r = NETMAP(dir, "import", SHEETS "small.yaml", "-o", "out");

	(void)state;
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	tu_write_file(actors, "# mine\n");
	r = NETMAP(dir, "import", SHEETS "small.yaml", "-o", "out");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err,
			    "netmap: 'out/themes.yaml' exists; give --force to overwrite it\n");
	tu_run_release(&r);
	text = tu_read_file(actors, NULL);
	assert_string_equal(text, "# mine\n");
	free(text);
	r = NETMAP(dir, "import", "--force", SHEETS "small.yaml", "-o", "out");
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	text = tu_read_file(actors, NULL);
	assert_non_null(strstr(text, "  - id: a1\n    name: Alpha e.V.\n    type: association\n"));
	free(text);
	free(actors);
	free(dir);
}

static void test_roundtrip_cli__import_of_invalid_data_writes_nothing(void **state)
{
	char *dir = tu_tempdir("rt-invalid");
	char *bad = tu_path(dir, "bad.yaml");
	tu_run r;

	(void)state;
	tu_write_file(bad, "actors:\n  - {id: a, name: A, type: clubb}\n");
	r = NETMAP(dir, "import", "bad.yaml", "-o", "out");
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	assert_string_equal(
		r.err, "bad.yaml:2:28: error: unknown actor type 'clubb'; did you mean 'club'?\n"
		       "netmap: 1 error in the data; nothing was written\n");
	tu_run_release(&r);
	{
		char *out = tu_path(dir, "out");
		assert_false(exists(out));
		free(out);
	}
	r = NETMAP(dir, "import", "missing.yaml", "-o", "out2");
	assert_int_equal(r.status, 2);
	tu_run_release(&r);
	free(bad);
	free(dir);
}

/* A scratch folder made before a test; its path is the state. */
static int scratch_folder(void **state)
{
	*state = tu_tempdir("rt-usage");
	return 0;
}

static int scratch_folder_release(void **state)
{
	free(*state);
	return 0;
}

static void test_roundtrip_cli__import_without_an_output_folder_exits_2_with_the_usage(void **state)
{
	tu_run r = NETMAP(*state, "import", SHEETS "small.yaml");

	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, "netmap: give the folder to write with -o DIR\n"
				   "usage: netmap import PATH... -o DIR [--force]\n"
				   "Try 'netmap help import'\n");
	tu_run_release(&r);
}

static void test_roundtrip_cli__import_without_a_path_exits_2(void **state)
{
	tu_run r = NETMAP(*state, "import", "-o", "x");

	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "netmap: no PATH given\n"));
	tu_run_release(&r);
}

static void test_roundtrip_cli__import_with_an_unknown_option_exits_2(void **state)
{
	tu_run r = NETMAP(*state, "import", "--bogus", "-o", "x", SHEETS "small.yaml");

	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "netmap: unknown option '--bogus'\n"));
	tu_run_release(&r);
}

static void test_roundtrip_cli__yaml_template_validates_clean_with_a_workflow(void **state)
{
	static const char *const langs[] = {"de", "en"};

	(void)state;
	for (int i = 0; i < 2; i++) {
		char *dir = tu_tempdir(i ? "rt-init-yaml-en" : "rt-init-yaml-de");
		char *wf = tu_path(dir, "repo/.github/workflows/netmap.yml"), *text;
		tu_run r = NETMAP(dir, "init", "--format", "yaml", "--lang", langs[i], "-o",
				  "repo");

		assert_int_equal(r.status, 0);
		assert_string_equal(r.out, "repo: template written; fill it in, then run 'netmap "
					   "validate repo/data'\n");
		tu_run_release(&r);
		r = NETMAP(dir, "validate", "--strict", "repo");
		assert_int_equal(r.status, 0);
		assert_string_equal(r.out, "0 errors, 0 warnings in 5 files\n");
		tu_run_release(&r);
		text = tu_read_file(wf, NULL);
		assert_non_null(text);
		assert_non_null(strstr(
			text, "        run: netmap validate --strict --format github data/\n"));
		free(text);
		r = NETMAP(dir, "init", "--format", "yaml", "--lang", langs[i], "-o", "repo");
		assert_int_equal(r.status, 2);
		assert_string_equal(r.err,
				    "netmap: 'repo/data/themes.yaml' exists; give --force to "
				    "overwrite it\n");
		tu_run_release(&r);
		free(wf);
		free(dir);
	}
}

/*
 * The examples in the YAML template's comments, uncommented, are a valid
 * dataset: what a coordinator gets by removing the `#`.
 */
static void test_roundtrip_cli__yaml_template_examples_are_valid_when_uncommented(void **state)
{
	static const char *const langs[] = {"de", "en"};

	(void)state;
	for (int i = 0; i < 2; i++) {
		char *dir = tu_tempdir(i ? "rt-init-yaml-examples-en" : "rt-init-yaml-examples-de");
		char *out;
		tu_run r = NETMAP(dir, "init", "--format", "yaml", "--lang", langs[i], "-o",
				  "repo");

		assert_int_equal(r.status, 0);
		tu_run_release(&r);
		/* Keep the commented YAML (`# key:` and indented lines), drop the prose. */
		out = shell("cd '%s'/repo/data && for f in *.yaml; do "
			    "grep -E '^[^#]|^# [a-z_]+:( |$)|^#   ' \"$f\" | sed 's/^# "
			    "\\{0,1\\}//' > \"$f.new\" && "
			    "mv \"$f.new\" \"$f\"; done; cat settings.yaml",
			    dir);
		assert_non_null(strstr(out, "dataset: Musterstadt\nsettings:\n"));
		free(out);
		r = NETMAP(dir, "validate", "--strict", "--today", TODAY, "repo");
		if (r.status != 0)
			fprintf(stderr, "%s%s", r.out, r.err);
		assert_int_equal(r.status, 0);
		assert_string_equal(r.out, "0 errors, 0 warnings in 5 files\n");
		tu_run_release(&r);
		free(dir);
	}
}

static void test_roundtrip_cli__xlsx_template_has_sheets_headers_lists_and_frozen_rows(void **state)
{
	char *dir = tu_tempdir("rt-init-xlsx"), *path = tu_path(dir, "v.xlsx"), *out;
	tu_run r = NETMAP(dir, "init", "--lang", "de", "-o", "v.xlsx");

	(void)state;
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	if (!have_openpyxl())
		goto done;
	out = python(
		"import sys, openpyxl\n"
		"wb = openpyxl.load_workbook(sys.argv[1])\n"
		"print(wb.sheetnames)\n"
		"for ws in wb.worksheets[1:6]:\n"
		"    print(ws.title, ws.freeze_panes, [c.value for c in ws[1]])\n"
		"    for dv in ws.data_validations.dataValidation:\n"
		"        print(' ', dv.sqref, dv.type, dv.formula1)\n"
		"    print(' rows', ws.max_row)\n"
		"g = wb['Gremien']\n"
		"print('dates', [g.column_dimensions[c].number_format for c in 'HIJ'])\n"
		"print('example', wb['Beispiele']['A5'].value, wb['Beispiele']['C5'].value)\n"
		"b = wb['Besetzung']\n"
		"print('matrix', b.freeze_panes, [c.value for c in b[1]],\n"
		"      [(str(d.sqref), d.formula1) for d in b.data_validations.dataValidation])\n",
		path);
	assert_string_equal(
		out,
		"['Hinweise', 'Akteure', 'Gremien', 'Mitgliedschaften', 'Themen', 'Einstellungen', "
		"'Besetzung', 'Beispiele']\n"
		"Akteure A2 ['ID', 'Name', 'Art', 'Themen', 'Stadtteil', 'Mitglied in', 'Website', "
		"'Ansprechperson', 'E-Mail', 'Telefon', 'Notiz']\n"
		"  C2:C1048576 list \"Verband,Kammer,Behörde,Migrantenorganisation,Träger der "
		"Jugendarbeit,"
		"ehrenamtliche "
		"Initiative,Verein,Sozialpartner,Religionsgemeinschaft,Bildungsträger,Schule,"
		"Verwaltung,Sonstige\"\n"
		" rows 1\n"
		"Gremien A2 ['ID', 'Name', 'Art', 'ad hoc', 'Themen', 'Federführung', 'Status', "
		"'gegründet', "
		"'geplantes Ende', 'zuletzt getagt', 'Turnus', 'übergeordnetes Gremium', 'Stadtteil', "
		"'Mitglieder', 'Notiz']\n"
		"  C2:C1048576 list \"Arbeitskreis,Netzwerk,Runder "
		"Tisch,Steuerungsgruppe,Beirat,Ausschuss\"\n"
		"  D2:D1048576 list \"ja,nein\"\n"
		"  G2:G1048576 list \"aktiv,ruhend,aufgelöst\"\n"
		"  K2:K1048576 list "
		"\"wöchentlich,vierzehntäglich,monatlich,vierteljährlich,halbjährlich,"
		"jährlich,unregelmäßig\"\n"
		" rows 1\n"
		"Mitgliedschaften A2 ['Akteur', 'Gremium', 'Rolle', 'seit']\n"
		"  C2:C1048576 list \"Federführung,Vorsitz,Mitglied,Gast\"\n"
		" rows 1\n"
		"Themen A2 ['ID', 'Bezeichnung']\n"
		" rows 1\n"
		"Einstellungen A2 ['Einstellung', 'Wert']\n"
		" rows 1\n"
		"dates ['dd.mm.yyyy', 'dd.mm.yyyy', 'dd.mm.yyyy']\n"
		"example caritas Verband\n"
		"matrix B2 ['Akteur / Gremium →', 'x-Notiz'] [('C2:XFD1048576', "
		"'\"x,Federführung,Vorsitz,Mitglied,Gast\"')]\n");
	free(out);
done:
	free(path);
	free(dir);
}

static void test_roundtrip_cli__english_xlsx_template_uses_english_words(void **state)
{
	char *dir = tu_tempdir("rt-init-xlsx-en"), *path = tu_path(dir, "netmap-template.xlsx"),
	     *out;
	tu_run r = NETMAP(dir, "init", "--lang", "en");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "netmap-template.xlsx: template written; fill it in, then run "
				   "'netmap validate netmap-template.xlsx'\n");
	tu_run_release(&r);
	if (!have_openpyxl())
		goto done;
	out = python(
		"import sys, openpyxl\n"
		"wb = openpyxl.load_workbook(sys.argv[1])\n"
		"print(wb.sheetnames)\n"
		"m = wb['memberships']\n"
		"print([c.value for c in m[1]], m.data_validations.dataValidation[0].formula1)\n",
		path);
	assert_string_equal(
		out, "['How to', 'actors', 'committees', 'memberships', 'themes', "
		     "'settings', 'matrix', 'Examples']\n"
		     "['actor', 'committee', 'role', 'since'] \"lead,chair,member,guest\"\n");
	free(out);
done:
	free(path);
	free(dir);
}

static void test_roundtrip_cli__ods_template_has_validations_and_dates(void **state)
{
	char *dir = tu_tempdir("rt-init-ods"), *path = tu_path(dir, "v.ods"), *out;
	tu_run r = NETMAP(dir, "init", "--lang", "de", "--format", "ods", "-o", "v.ods");

	(void)state;
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	out = shell("unzip -Z1 '%s'", path);
	assert_string_equal(
		out, "mimetype\nMETA-INF/manifest.xml\ncontent.xml\nstyles.xml\nsettings.xml\n");
	free(out);
	out = shell("unzip -p '%s' content.xml | grep -o '<table:table table:name=\"[^\"]*\"'",
		    path);
	assert_string_equal(out, "<table:table table:name=\"Hinweise\"\n"
				 "<table:table table:name=\"Akteure\"\n"
				 "<table:table table:name=\"Gremien\"\n"
				 "<table:table table:name=\"Mitgliedschaften\"\n"
				 "<table:table table:name=\"Themen\"\n"
				 "<table:table table:name=\"Einstellungen\"\n"
				 "<table:table table:name=\"Besetzung\"\n"
				 "<table:table table:name=\"Beispiele\"\n");
	free(out);
	out = shell(
		"unzip -p '%s' content.xml | grep -o 'cell-content-is-in-list([^)]*)' | head -1",
		path);
	assert_string_equal(
		out, "cell-content-is-in-list(&quot;Verband&quot;;&quot;Kammer&quot;;"
		     "&quot;Behörde&quot;;&quot;Migrantenorganisation&quot;;&quot;Träger der "
		     "Jugendarbeit&quot;;&quot;ehrenamtliche Initiative&quot;;&quot;Verein&quot;;"
		     "&quot;Sozialpartner&quot;;&quot;Religionsgemeinschaft&quot;;&quot;"
		     "Bildungsträger&quot;;&quot;Schule&quot;;&quot;Verwaltung&quot;;&quot;"
		     "Sonstige&quot;)\n");
	free(out);
	out = shell("unzip -p '%s' content.xml | grep -c 'office:date-value=\"2024-03-01\"'", path);
	assert_string_equal(out, "1\n");
	free(out);
	out = shell("unzip -p '%s' settings.xml | grep -o 'config:name=\"Gremien\"'", path);
	assert_string_equal(out, "config:name=\"Gremien\"\n");
	free(out);
	free(path);
	free(dir);
}

static void test_roundtrip_cli__csv_template_is_one_file_a_table_with_headers(void **state)
{
	char *dir = tu_tempdir("rt-init-csv"), *out;
	tu_run r = NETMAP(dir, "init", "--lang", "en", "--format", "csv", "-o", "t");

	(void)state;
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	out = shell("cd '%s'/t && ls && cat memberships.csv", dir);
	assert_string_equal(
		out,
		"actors.csv\ncommittees.csv\nmatrix.csv\nmemberships.csv\nsettings.csv\nthemes.csv\n"
		"\xEF\xBB\xBF"
		"actor,committee,role,since\r\n");
	free(out);
	free(dir);
}

static void test_roundtrip_cli__init_of_an_unknown_format_exits_2_with_the_usage(void **state)
{
	tu_run r = NETMAP(*state, "init", "--format", "xls");

	assert_int_equal(r.status, 2);
	assert_string_equal(
		r.err, "netmap: unknown format 'xls' (xlsx, ods, csv or yaml)\n"
		       "usage: netmap init [--lang de|en] [--format xlsx|ods|csv|yaml] [-o PATH] "
		       "[--force]\nTry 'netmap help init'\n");
	tu_run_release(&r);
}

static void test_roundtrip_cli__init_of_an_unknown_language_exits_2(void **state)
{
	tu_run r = NETMAP(*state, "init", "--lang", "fr");

	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "netmap: --lang takes de or en, not 'fr'\n"));
	tu_run_release(&r);
}

static void test_roundtrip_cli__init_with_an_operand_exits_2(void **state)
{
	tu_run r = NETMAP(*state, "init", "extra");

	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "netmap: unexpected argument 'extra'\n"));
	tu_run_release(&r);
}

static void test_roundtrip_cli__init_to_stdout_exits_2(void **state)
{
	tu_run r = NETMAP(*state, "init", "-o", "-");

	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "netmap: a template is written to files: give -o PATH\n"));
	tu_run_release(&r);
}

static void test_roundtrip_cli__init_into_a_missing_folder_exits_2(void **state)
{
	tu_run r = NETMAP(*state, "init", "-o", "/nonexistent/v.xlsx");

	assert_int_equal(r.status, 2);
	assert_string_equal(
		r.err, "netmap: cannot write '/nonexistent/v.xlsx': No such file or directory\n");
	tu_run_release(&r);
}

static void test_roundtrip_cli__export_xlsx_holds_the_dataset(void **state)
{
	char *dir = tu_tempdir("rt-export-xlsx"), *path = tu_path(dir, "town.xlsx");
	char *json = scan_json(dir, "t.db", DATA_DIR), *out;
	tu_run r = NETMAP(dir, "export", "--db", "t.db", "--format", "xlsx", "--lang", "de", "-o",
			  "town.xlsx");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err, "");
	tu_run_release(&r);
	free(json);
	if (!have_openpyxl())
		goto done;
	out = python(
		"import sys, openpyxl\n"
		"wb = openpyxl.load_workbook(sys.argv[1])\n"
		"print(wb.sheetnames)\n"
		"for ws in wb.worksheets:\n"
		"    print(ws.title, ws.max_row - 1, [c.value for c in ws[1]][:4])\n"
		"a = wb['Akteure']\n"
		"print('E-Mail' in [c.value for c in a[1]])\n"
		"m = wb['Mitgliedschaften']\n"
		"dated = [r[3] for r in m.iter_rows(min_row=2) if r[3].value]\n"
		"print(type(dated[0].value).__name__, dated[0].number_format)\n"
		"s = wb['Einstellungen']\n"
		"print([(r[0], r[1]) for r in s.iter_rows(min_row=2, max_row=3, values_only=True)])\n",
		path);
	assert_string_equal(
		out, "['Akteure', 'Gremien', 'Mitgliedschaften', 'Themen', 'Einstellungen']\n"
		     "Akteure 63 ['ID', 'Name', 'Art', 'Themen']\n"
		     "Gremien 23 ['ID', 'Name', 'Art', 'ad hoc']\n"
		     "Mitgliedschaften 169 ['Akteur', 'Gremium', 'Rolle', 'seit']\n"
		     "Themen 12 ['ID', 'Bezeichnung']\n"
		     "Einstellungen 11 ['Einstellung', 'Wert']\n"
		     "False\n"
		     "datetime dd.mm.yyyy\n"
		     "[('dataset', 'Stadt Lindenau'), ('duplicate_jaccard', '0,6')]\n");
	free(out);
done:
	free(path);
	free(dir);
}

static void test_roundtrip_cli__export_contacts_only_with_include_contacts(void **state)
{
	char *dir = tu_tempdir("rt-export-contacts"),
	     *json = scan_json(dir, "t.db", SHEETS "small.yaml");
	char *out;
	struct stat st;
	tu_run r = NETMAP(dir, "export", "--db", "t.db", "--format", "csv", "--lang", "en", "-o",
			  "plain");

	(void)state;
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	r = NETMAP(dir, "export", "--db", "t.db", "--format", "csv", "--lang", "en", "-o", "full",
		   "--include-contacts");
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	out = shell(
		"cd '%s' && head -1 plain/actors.csv full/actors.csv && grep -c erika@ full/actors.csv",
		dir);
	assert_string_equal(out, "==> plain/actors.csv <==\n"
				 "\xEF\xBB\xBFid,name,type,themes,district,website,note\r\n\n"
				 "==> full/actors.csv <==\n"
				 "\xEF\xBB\xBFid,name,type,themes,district,website,contact.person,"
				 "contact.email,contact.phone,note\r\n"
				 "1\n");
	free(out);
	{
		char *p = tu_path(dir, "full/actors.csv");
		assert_int_equal(stat(p, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0600);
		free(p);
	}
	free(json);
	free(dir);
}

static void test_roundtrip_cli__export_ods_writes_dates_as_date_values(void **state)
{
	char *dir = tu_tempdir("rt-export-ods"),
	     *json = scan_json(dir, "t.db", SHEETS "small.yaml");
	char *path = tu_path(dir, "t.ods"), *out;
	tu_run r = NETMAP(dir, "export", "--db", "t.db", "--format", "ods", "--lang", "en", "-o",
			  "t.ods");

	(void)state;
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	out = shell("unzip -p '%s' content.xml | grep -o 'office:date-value=\"[^\"]*\"'", path);
	assert_string_equal(out,
			    "office:date-value=\"2020-01-31\"\noffice:date-value=\"2021-02-03\"\n");
	free(out);
	out = shell("unzip -p '%s' content.xml | grep -o '<text:p>[^<]*Runde</text:p>'", path);
	assert_string_equal(out, "<text:p>=Runde</text:p>\n");
	free(out);
	free(json);
	free(path);
	free(dir);
}

static void test_roundtrip_cli__export_sheet_usage_errors(void **state)
{
	char *dir = tu_tempdir("rt-export-usage"),
	     *json = scan_json(dir, "t.db", SHEETS "small.yaml");
	tu_run r = NETMAP(dir, "export", "--db", "t.db", "--format", "csv");

	(void)state;
	assert_int_equal(r.status, 2);
	assert_string_equal(r.err, "netmap: --format csv writes one file a table: give -o DIR\n"
				   "usage: netmap export [options] --format "
				   "graphml|gexf|dot|json|xlsx|ods|csv\n"
				   "Try 'netmap help export'\n");
	tu_run_release(&r);
	r = NETMAP(dir, "export", "--db", "none.db", "--format", "xlsx", "-o", "x.xlsx");
	assert_int_equal(r.status, 2);
	{
		char *x = tu_path(dir, "x.xlsx");
		assert_false(exists(x));
		free(x);
	}
	tu_run_release(&r);
	/* Not a terminal: the workbook goes to stdout. */
	r = NETMAP(dir, "export", "--db", "t.db", "--format", "xlsx");
	assert_int_equal(r.status, 0);
	assert_memory_equal(r.out, "PK\x03\x04", 4);
	tu_run_release(&r);
	free(json);
	free(dir);
}

/* Every setting of the table survives import and export: coordinators were once lost. */
static void test_roundtrip_cli__coordinators_survive_import_and_export(void **state)
{
	static const char yaml[] =
		"netmap: 1\ndataset: Co\nsettings:\n"
		"  coordinators: [amt, \"007\"]\n  max_load: 3\nactors:\n"
		"  - {id: amt, name: Amt, type: administration}\n"
		"  - {id: \"007\", name: Sieben, type: other}\n"
		"  - {id: x, name: X, type: club}\ncommittees:\n"
		"  - {id: k1, name: K1, kind: network, members: [amt, x, \"007\"]}\n";
	static const char want[] = "\"coordinators\": [\"007\", \"amt\"]";
	char *dir = tu_tempdir("rt-coordinators");
	char *data = tu_path(dir, "data"), *file = tu_path(dir, "data/d.yaml");
	char *json, *from_yaml, *from_xlsx;
	tu_run r;

	(void)state;
	assert_int_equal(mkdir(data, 0700), 0);
	tu_write_file(file, yaml);
	json = scan_json(dir, "a.db", "data");
	assert_non_null(strstr(json, want));
	r = NETMAP(dir, "import", "data", "-o", "yaml");
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	from_yaml = scan_json(dir, "b.db", "yaml");
	assert_non_null(strstr(from_yaml, want));
	assert_non_null(strstr(from_yaml, "\"max_load\": 3"));
	r = NETMAP(dir, "export", "--db", "a.db", "--format", "xlsx", "-o", "co.xlsx");
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	from_xlsx = scan_json(dir, "c.db", "co.xlsx");
	assert_non_null(strstr(from_xlsx, want));
	free(json);
	free(from_yaml);
	free(from_xlsx);
	free(file);
	free(data);
	free(dir);
}

/* examples/lindenau.xlsx is checked in: it must stay what export writes. */
static void test_roundtrip_cli__example_workbook_is_what_export_writes(void **state)
{
	char *dir = tu_tempdir("rt-example");
	char *json = scan_json(dir, "a.db", DATA_DIR);
	char *path = tu_path(dir, "lindenau.xlsx");
	char *made, *shipped;
	size_t lm = 0, ls = 0;
	tu_run r = NETMAP(dir, "export", "--db", "a.db", "--format", "xlsx", "--lang", "de",
			  "--include-contacts", "-o", "lindenau.xlsx");

	(void)state;
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	made = tu_read_file(path, &lm);
	shipped = tu_read_file(SRC "/examples/lindenau.xlsx", &ls);
	assert_non_null(made);
	assert_non_null(shipped);
	if (lm != ls || memcmp(made, shipped, lm) != 0)
		fail_msg(
			"examples/lindenau.xlsx is not what 'netmap export --format xlsx --lang de "
			"--include-contacts' writes of data/: write it again");
	free(made);
	free(shipped);
	free(json);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip_cli__example_town_yaml_import_yaml_scans_the_same),
		cmocka_unit_test(test_roundtrip_cli__hostile_names_import_and_scan_the_same),
		cmocka_unit_test(test_roundtrip_cli__import_overwrites_only_with_force),
		cmocka_unit_test(test_roundtrip_cli__import_of_invalid_data_writes_nothing),
		cmocka_unit_test_setup_teardown(
			test_roundtrip_cli__import_without_an_output_folder_exits_2_with_the_usage,
			scratch_folder, scratch_folder_release),
		cmocka_unit_test_setup_teardown(test_roundtrip_cli__import_without_a_path_exits_2,
						scratch_folder, scratch_folder_release),
		cmocka_unit_test_setup_teardown(
			test_roundtrip_cli__import_with_an_unknown_option_exits_2, scratch_folder,
			scratch_folder_release),
		cmocka_unit_test(test_roundtrip_cli__yaml_template_validates_clean_with_a_workflow),
		cmocka_unit_test(
			test_roundtrip_cli__yaml_template_examples_are_valid_when_uncommented),
		cmocka_unit_test(
			test_roundtrip_cli__xlsx_template_has_sheets_headers_lists_and_frozen_rows),
		cmocka_unit_test(test_roundtrip_cli__english_xlsx_template_uses_english_words),
		cmocka_unit_test(test_roundtrip_cli__ods_template_has_validations_and_dates),
		cmocka_unit_test(test_roundtrip_cli__csv_template_is_one_file_a_table_with_headers),
		cmocka_unit_test_setup_teardown(
			test_roundtrip_cli__init_of_an_unknown_format_exits_2_with_the_usage,
			scratch_folder, scratch_folder_release),
		cmocka_unit_test_setup_teardown(
			test_roundtrip_cli__init_of_an_unknown_language_exits_2, scratch_folder,
			scratch_folder_release),
		cmocka_unit_test_setup_teardown(test_roundtrip_cli__init_with_an_operand_exits_2,
						scratch_folder, scratch_folder_release),
		cmocka_unit_test_setup_teardown(test_roundtrip_cli__init_to_stdout_exits_2,
						scratch_folder, scratch_folder_release),
		cmocka_unit_test_setup_teardown(
			test_roundtrip_cli__init_into_a_missing_folder_exits_2, scratch_folder,
			scratch_folder_release),
		cmocka_unit_test(test_roundtrip_cli__export_xlsx_holds_the_dataset),
		cmocka_unit_test(test_roundtrip_cli__export_contacts_only_with_include_contacts),
		cmocka_unit_test(test_roundtrip_cli__export_ods_writes_dates_as_date_values),
		cmocka_unit_test(test_roundtrip_cli__export_sheet_usage_errors),
		cmocka_unit_test(test_roundtrip_cli__example_workbook_is_what_export_writes),
		cmocka_unit_test(test_roundtrip_cli__coordinators_survive_import_and_export),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
