/*
 * test_sheet_write.c: the spreadsheet and YAML writers (sheet_write.c,
 * yaml_write.c) as a library: CSV fields (RFC 4180, formulas kept from
 * running), YAML scalars that read back as the same string, the CSV
 * tables of a small dataset byte for byte in both languages, workbooks
 * that come out the same twice, an .ods whose mimetype is first and
 * stored, and hostile names that survive YAML -> YAML unchanged.
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

#include "netmap/sheet_write.h"
#include "netmap/validate.h"
#include "netmap/yaml_write.h"
#include "testutil.h"

#define DATA NETMAP_TEST_DATA "/sheets/"
#define PYTHON "/usr/bin/python3"

static nm_dataset *load(const char *path)
{
	nm_diags d;
	nm_dataset *ds = NULL;
	nm_error err;
	size_t nfiles = 0;
	const char *paths[] = {path};

	nm_diags_init(&d);
	nm_error_clear(&err);
	assert_int_equal(nm_validate_paths(paths, 1, 0, 0, 1, &d, &ds, &nfiles, &err), NM_OK);
	assert_int_equal(d.errors, 0);
	nm_diags_release(&d);
	return ds;
}

static char *csv(const char *s, char delim)
{
	nm_buf b = NM_BUF_INIT;
	nm_sheet_csv_field(&b, s, delim);
	return nm_buf_detach(&b);
}

#define CSV_IS(in, delim, want) \
	do { \
		char *got_ = csv((in), (delim)); \
		assert_string_equal(got_, (want)); \
		free(got_); \
	} while (0)

static void test_sheet_write__csv_fields_quote_only_what_needs_it(void **state)
{
	CSV_IS("plain text", ';', "plain text");
	CSV_IS("", ';', "");
	CSV_IS("a;b", ';', "\"a;b\"");
	CSV_IS("a,b", ';', "\"a,b\"");
	CSV_IS("a,b", ',', "\"a,b\"");
	CSV_IS("say \"hi\"", ',', "\"say \"\"hi\"\"\"");
	CSV_IS("two\nlines", ',', "\"two\nlines\"");
	CSV_IS("cr\rhere", ',', "\"cr\rhere\"");
	CSV_IS(" padded ", ',', "\" padded \"");
	CSV_IS("Träger der Jugendarbeit", ';', "Träger der Jugendarbeit");
}

static void test_sheet_write__csv_formulas_get_a_space_the_reader_trims(void **state)
{
	CSV_IS("=SUM(A1:A9)", ';', "\" =SUM(A1:A9)\"");
	CSV_IS("+49 561 0000", ';', "\" +49 561 0000\"");
	CSV_IS("-", ';', "\" -\"");
	CSV_IS("@home", ',', "\" @home\"");
	CSV_IS("=HYPERLINK(\"x\")", ',', "\" =HYPERLINK(\"\"x\"\")\"");
	CSV_IS("a=b", ',', "a=b");
}

static char *yaml(const char *s)
{
	nm_buf b = NM_BUF_INIT;
	nm_yaml_scalar(&b, s);
	return nm_buf_detach(&b);
}

#define YAML_IS(in, want) \
	do { \
		char *got_ = yaml(in); \
		assert_string_equal(got_, (want)); \
		free(got_); \
	} while (0)

static void test_sheet_write__yaml_scalars_quote_what_reads_as_another_thing(void **state)
{
	YAML_IS("caritas-ks", "caritas-ks");
	YAML_IS("Caritasverband Kassel e.V.", "Caritasverband Kassel e.V.");
	YAML_IS("Ünïcödé – ✓ 日本", "Ünïcödé – ✓ 日本");
	YAML_IS("a-b: c", "\"a-b: c\"");
	YAML_IS("a #b", "\"a #b\"");
	YAML_IS("a#b", "a#b");
	YAML_IS("# x", "\"# x\"");
	YAML_IS("- dash", "\"- dash\"");
	YAML_IS("yes", "\"yes\"");
	YAML_IS("No", "\"No\"");
	YAML_IS("ON", "\"ON\"");
	YAML_IS("null", "\"null\"");
	YAML_IS("~", "\"~\"");
	YAML_IS("007", "\"007\"");
	YAML_IS("1.5", "\"1.5\"");
	YAML_IS("2024-01-01", "\"2024-01-01\"");
	YAML_IS("", "\"\"");
	YAML_IS("end:", "\"end:\"");
	YAML_IS("line\nbreak", "\"line\\nbreak\"");
	YAML_IS("tab\there", "\"tab\\there\"");
	YAML_IS("say \"hi\"", "\"say \\\"hi\\\"\"");
	YAML_IS("it's", "\"it's\"");
	YAML_IS("back\\slash", "\"back\\\\slash\"");
	YAML_IS("bell\x07", "\"bell\\x07\"");
	YAML_IS("a\xE2\x80\xA8"
		"b",
		"\"a\\Lb\"");
	YAML_IS("a\xC2\x85"
		"b",
		"\"a\\Nb\"");
	YAML_IS("c1\xC2\x90", "\"c1\\x90\"");
	YAML_IS("nc\xEF\xBF\xBE", "\"nc\\uFFFE\"");
	YAML_IS("bom\xEF\xBB\xBF", "\"bom\\uFEFF\"");
	YAML_IS("[list]", "\"[list]\"");
	YAML_IS("a, b", "\"a, b\"");
	YAML_IS("&anchor", "\"&anchor\"");
	YAML_IS("*alias", "\"*alias\"");
	YAML_IS("!tag", "\"!tag\"");
	YAML_IS("%x", "\"%x\"");
	YAML_IS("@x", "\"@x\"");
	YAML_IS("`x", "\"`x\"");
	YAML_IS("|", "\"|\"");
	YAML_IS(">", "\">\"");
	YAML_IS(" lead", "\" lead\"");
	YAML_IS("trail ", "\"trail \"");
	YAML_IS("https://example.org/x", "\"https://example.org/x\"");
	YAML_IS("a#:???", "\"a#:???\"");
}

/* A cell of several lines is several paragraphs in .ods, as LibreOffice writes it. */
static void test_sheet_write__ods_lines_are_paragraphs(void **state)
{
	nm_dataset *ds = load(DATA "hostile.yaml");
	char *dir = tu_tempdir("ods-lines");
	char *ods = tu_path(dir, "h.ods");
	nm_sheet_opts o = {NM_LANG_EN, false, NULL, true};
	nm_buf cmd = NM_BUF_INIT;
	nm_error err;

	nm_error_clear(&err);
	assert_int_equal(nm_sheet_write_dataset(ds, NM_SHEET_ODS, &o, ods, &err), NM_OK);
	nm_buf_printf(&cmd,
		      "unzip -p '%s' content.xml | grep -q '<text:p>line one</text:p><text:p>line "
		      "two</text:p><text:p>&quot;quoted&quot; and &apos;single&apos;</text:p>'"
		      " && unzip -p '%s' content.xml | grep -q '<text:p>tab<text:tab/>here; "
		      "semicolon, comma</text:p>'",
		      ods, ods);
	assert_int_equal(system(cmd.ptr), 0);
	nm_buf_release(&cmd);
	free(ods);
	nm_dataset_free(ds);
	free(dir);
}

/* Every string of two datasets, field by field. */
static void assert_same_dataset(const nm_dataset *a, const nm_dataset *b)
{
	assert_string_equal(a->name ? a->name : "(none)", b->name ? b->name : "(none)");
	assert_int_equal(a->nthemes, b->nthemes);
	assert_int_equal(a->nactors, b->nactors);
	assert_int_equal(a->ncommittees, b->ncommittees);
	assert_int_equal(a->nmemberships, b->nmemberships);
	assert_int_equal(a->settings_given, b->settings_given);
	assert_memory_equal(&a->settings, &b->settings, sizeof(a->settings));
	for (size_t i = 0; i < a->nthemes; i++) {
		assert_string_equal(a->themes[i].id, b->themes[i].id);
		assert_string_equal(a->themes[i].label ? a->themes[i].label : "",
				    b->themes[i].label ? b->themes[i].label : "");
	}
	for (size_t i = 0; i < a->nactors; i++) {
		const nm_actor *x = &a->actors[i], *y = &b->actors[i];
		assert_string_equal(x->id, y->id);
		assert_string_equal(x->name, y->name);
		assert_int_equal(x->type, y->type);
		assert_int_equal(x->nthemes, y->nthemes);
#define SAME(f) assert_string_equal(x->f ? x->f : "(none)", y->f ? y->f : "(none)")
		SAME(district);
		SAME(website);
		SAME(note);
		SAME(person);
		SAME(email);
		SAME(phone);
#undef SAME
	}
	for (size_t i = 0; i < a->ncommittees; i++) {
		const nm_committee *x = &a->committees[i], *y = &b->committees[i];
		assert_string_equal(x->id, y->id);
		assert_string_equal(x->name, y->name);
		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->ad_hoc, y->ad_hoc);
		assert_int_equal(x->status, y->status);
		assert_int_equal(x->lead, y->lead);
		assert_int_equal(x->parent, y->parent);
		assert_int_equal(x->founded, y->founded);
		assert_int_equal(x->ends, y->ends);
		assert_int_equal(x->last_met, y->last_met);
		assert_int_equal(x->meets, y->meets);
		assert_string_equal(x->note ? x->note : "(none)", y->note ? y->note : "(none)");
	}
	for (size_t i = 0; i < a->nmemberships; i++) {
		assert_int_equal(a->memberships[i].actor, b->memberships[i].actor);
		assert_int_equal(a->memberships[i].committee, b->memberships[i].committee);
		assert_int_equal(a->memberships[i].role, b->memberships[i].role);
		assert_int_equal(a->memberships[i].since, b->memberships[i].since);
	}
}

static void test_sheet_write__hostile_names_survive_yaml_to_yaml(void **state)
{
	nm_dataset *a = load(DATA "hostile.yaml"), *b;
	char *dir = tu_tempdir("yaml-hostile");
	nm_error err;

	nm_error_clear(&err);
	assert_int_equal(nm_yaml_write_dataset(a, dir, &err), NM_OK);
	b = load(dir);
	assert_same_dataset(a, b);
	assert_string_equal(a->actors[0].note, "line one\nline two\n\"quoted\" and 'single'");
	nm_dataset_free(a);
	nm_dataset_free(b);
	free(dir);
}

static void test_sheet_write__control_characters_survive_yaml_to_yaml(void **state)
{
	nm_dataset *a = load(DATA "controls.yaml"), *b;
	char *dir = tu_tempdir("yaml-controls");
	nm_error err;

	nm_error_clear(&err);
	assert_int_equal(nm_yaml_write_dataset(a, dir, &err), NM_OK);
	b = load(dir);
	assert_same_dataset(a, b);
	assert_string_equal(b->actors[0].name, "bell\x01 c1\xC2\x90 nb\xEF\xBF\xBE end");
	nm_dataset_free(a);
	nm_dataset_free(b);
	free(dir);
}

/* XML holds no U+FFFE; a literal `_x0041_` is escaped as Office Open XML says. */
static void test_sheet_write__workbook_text_is_always_well_formed_xml(void **state)
{
	nm_dataset *ds = load(DATA "controls.yaml");
	char *dir = tu_tempdir("books-controls");
	char *xlsx = tu_path(dir, "c.xlsx"), *ods = tu_path(dir, "c.ods");
	nm_sheet_opts o = {NM_LANG_EN, false, NULL, true};
	nm_buf cmd = NM_BUF_INIT;
	nm_error err;

	nm_error_clear(&err);
	assert_int_equal(nm_sheet_write_dataset(ds, NM_SHEET_XLSX, &o, xlsx, &err), NM_OK);
	assert_int_equal(nm_sheet_write_dataset(ds, NM_SHEET_ODS, &o, ods, &err), NM_OK);
	nm_buf_printf(
		&cmd,
		"unzip -p '%s' xl/sharedStrings.xml | grep -q '<t>bell_x0001_ c1\xC2\x90 nb end</t>'"
		" && unzip -p '%s' xl/sharedStrings.xml | grep -q '<t>x_x005F_x0041_y</t>'"
		" && unzip -p '%s' content.xml | grep -q '<text:p>bell c1\xC2\x90 nb end</text:p>'",
		xlsx, xlsx, ods);
	assert_int_equal(system(cmd.ptr), 0);
	nm_buf_release(&cmd);
	free(xlsx);
	free(ods);
	nm_dataset_free(ds);
	free(dir);
}

static void test_sheet_write__yaml_files_with_contacts_are_private(void **state)
{
	nm_dataset *a = load(DATA "small.yaml");
	char *dir = tu_tempdir("yaml-private");
	char *actors = tu_path(dir, "actors.yaml"), *themes = tu_path(dir, "themes.yaml");
	struct stat st;
	nm_error err;

	nm_error_clear(&err);
	assert_int_equal(nm_yaml_write_dataset(a, dir, &err), NM_OK);
	assert_int_equal(stat(actors, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(themes, &st), 0);
	assert_int_not_equal(st.st_mode & 0077, 0);
	nm_dataset_free(a);
	free(actors);
	free(themes);
	free(dir);
}

static void write_csv(const nm_dataset *ds, nm_lang lang, bool contacts, const char *dir)
{
	nm_sheet_opts o = {lang, contacts, NULL, true};
	nm_error err;

	nm_error_clear(&err);
	assert_int_equal(nm_sheet_write_dataset(ds, NM_SHEET_CSV, &o, dir, &err), NM_OK);
}

static void assert_file(const char *dir, const char *name, const char *want)
{
	char *path = tu_path(dir, name);
	char *got = tu_read_file(path, NULL);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
	free(path);
}

static void test_sheet_write__german_csv_tables_byte_for_byte(void **state)
{
	nm_dataset *ds = load(DATA "small.yaml");
	char *dir = tu_tempdir("csv-de");
	char *themes;
	struct stat st;

	write_csv(ds, NM_LANG_DE, false, dir);
	assert_file(dir, "Akteure.csv",
		    "\xEF\xBB\xBFID;Name;Art;Themen;Stadtteil;Website;Notiz\r\n"
		    "a1;Alpha e.V.;Verband;language;Nord;https://a.example;\r\n"
		    "a2;\"Beta; Gamma\";Migrantenorganisation;;;;\"say \"\"hi\"\"\"\r\n");
	assert_file(
		dir, "Gremien.csv",
		"\xEF\xBB\xBFID;Name;Art;ad hoc;Themen;Federführung;Status;gegründet;"
		"geplantes Ende;zuletzt getagt;Turnus;übergeordnetes Gremium;Stadtteil;Notiz\r\n"
		"c1;AK Sprache;Arbeitskreis;nein;\"language, school\";a1;aktiv;31.01.2020;;;"
		"monatlich;;;\r\n"
		"c2;\" =Runde\";Runder Tisch;ja;;;ruhend;;;;;c1;;\r\n");
	assert_file(dir, "Mitgliedschaften.csv",
		    "\xEF\xBB\xBF"
		    "Akteur;Gremium;Rolle;seit\r\n"
		    "a1;c1;Federführung;\r\n"
		    "a2;c1;Gast;03.02.2021\r\n"
		    "a2;c2;Mitglied;\r\n");
	assert_file(dir, "Themen.csv",
		    "\xEF\xBB\xBFID;Bezeichnung\r\nlanguage;Sprache\r\nschool;\r\n");
	assert_file(dir, "Einstellungen.csv",
		    "\xEF\xBB\xBF"
		    "Einstellung;Wert\r\n"
		    "dataset;Testdorf\r\n"
		    "duplicate_jaccard;\"0,6\"\r\n"
		    "duplicate_theme_jaccard;\"0,5\"\r\n"
		    "overlap_jaccard;\"0,25\"\r\n"
		    "min_shared;2\r\n"
		    "max_load;4\r\n"
		    "stale_days;365\r\n"
		    "ad_hoc_days;730\r\n"
		    "voices;\"Migrantenorganisation, ehrenamtliche Initiative\"\r\n"
		    "similar_name;\"0,9\"\r\n"
		    "coordinators;\" -\"\r\n");
	themes = tu_path(dir, "Themen.csv");
	assert_int_equal(stat(themes, &st), 0);
	free(themes);
	nm_dataset_free(ds);
	free(dir);
}

static void test_sheet_write__english_csv_with_contacts_only_when_asked(void **state)
{
	nm_dataset *ds = load(DATA "small.yaml");
	char *dir = tu_tempdir("csv-en"), *without = tu_tempdir("csv-en-plain");
	char *actors = tu_path(dir, "actors.csv");
	struct stat st;

	write_csv(ds, NM_LANG_EN, true, dir);
	assert_file(dir, "actors.csv",
		    "\xEF\xBB\xBFid,name,type,themes,district,website,contact.person,contact.email,"
		    "contact.phone,note\r\n"
		    "a1,Alpha e.V.,association,language,Nord,https://a.example,Erika Muster,"
		    "erika@example.org,\" +49 1\",\r\n"
		    "a2,\"Beta; Gamma\",migrant_organisation,,,,,,,\"say \"\"hi\"\"\"\r\n");
	assert_file(dir, "memberships.csv",
		    "\xEF\xBB\xBF"
		    "actor,committee,role,since\r\n"
		    "a1,c1,lead,\r\na2,c1,guest,2021-02-03\r\na2,c2,member,\r\n");
	assert_int_equal(stat(actors, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	write_csv(ds, NM_LANG_EN, false, without);
	assert_file(without, "actors.csv",
		    "\xEF\xBB\xBFid,name,type,themes,district,website,note\r\n"
		    "a1,Alpha e.V.,association,language,Nord,https://a.example,\r\n"
		    "a2,\"Beta; Gamma\",migrant_organisation,,,,\"say \"\"hi\"\"\"\r\n");
	nm_dataset_free(ds);
	free(actors);
	free(dir);
	free(without);
}

static void test_sheet_write__no_themes_table_when_none_declared(void **state)
{
	char *dir = tu_tempdir("csv-nothemes");
	char *src = tu_path(dir, "src.yaml"), *out = tu_path(dir, "out");
	char *themes = tu_path(out, "themes.csv"), *actors = tu_path(out, "actors.csv");
	nm_dataset *ds;
	struct stat st;

	tu_write_file(src, "actors:\n  - {id: a, name: A, type: club, themes: [free]}\n");
	ds = load(src);
	write_csv(ds, NM_LANG_EN, false, out);
	assert_int_not_equal(stat(themes, &st), 0);
	assert_int_equal(stat(actors, &st), 0);
	assert_file(
		out, "settings.csv",
		"\xEF\xBB\xBFkey,value\r\nduplicate_jaccard,0.6\r\nduplicate_theme_jaccard,0.5\r\n"
		"overlap_jaccard,0.3\r\nmin_shared,2\r\nmax_load,6\r\nstale_days,365\r\n"
		"ad_hoc_days,730\r\nvoices,\"migrant_organisation, volunteer_initiative\"\r\n"
		"similar_name,0.9\r\n"
		"coordinators,\" -\"\r\n");
	nm_dataset_free(ds);
	free(src);
	free(out);
	free(themes);
	free(actors);
	free(dir);
}

static char *read_all(const char *path, size_t *len)
{
	char *s = tu_read_file(path, len);
	assert_non_null(s);
	return s;
}

static void test_sheet_write__workbooks_are_the_same_bytes_twice(void **state)
{
	nm_dataset *ds = load(DATA "hostile.yaml");
	char *dir = tu_tempdir("books-twice");
	nm_sheet_opts o = {NM_LANG_DE, true, NULL, true};
	static const char *const names[] = {"a.xlsx", "b.xlsx", "a.ods", "b.ods"};
	char *paths[4];
	nm_error err;

	for (int i = 0; i < 4; i++) {
		paths[i] = tu_path(dir, names[i]);
		nm_error_clear(&err);
		assert_int_equal(nm_sheet_write_dataset(ds, i < 2 ? NM_SHEET_XLSX : NM_SHEET_ODS,
							&o, paths[i], &err),
				 NM_OK);
	}
	for (int i = 0; i < 4; i += 2) {
		size_t la, lb;
		char *a = read_all(paths[i], &la), *b = read_all(paths[i + 1], &lb);
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		free(a);
		free(b);
	}
	for (int i = 0; i < 4; i++)
		free(paths[i]);
	nm_dataset_free(ds);
	free(dir);
}

static void test_sheet_write__ods_mimetype_is_first_and_stored(void **state)
{
	nm_dataset *ds = load(DATA "small.yaml");
	char *dir = tu_tempdir("ods-mimetype");
	char *path = tu_path(dir, "t.ods");
	nm_sheet_opts o = {NM_LANG_EN, false, NULL, true};
	static const char mime[] = "application/vnd.oasis.opendocument.spreadsheet";
	nm_error err;
	size_t len;
	char *z;

	nm_error_clear(&err);
	assert_int_equal(nm_sheet_write_dataset(ds, NM_SHEET_ODS, &o, path, &err), NM_OK);
	z = read_all(path, &len);
	assert_true(len > 38 + sizeof(mime));
	assert_memory_equal(z, "PK\x03\x04", 4);
	assert_int_equal(z[8] | z[9] << 8, 0);   /* compression method: stored */
	assert_int_equal(z[26] | z[27] << 8, 8); /* name length */
	assert_int_equal(z[28] | z[29] << 8, 0); /* no extra field */
	assert_memory_equal(z + 30, "mimetype", 8);
	assert_memory_equal(z + 38, mime, sizeof(mime) - 1);
	free(z);
	free(path);
	nm_dataset_free(ds);
	free(dir);
}

static void test_sheet_write__xlsx_holds_text_and_date_cells(void **state)
{
	nm_dataset *ds = load(DATA "small.yaml");
	char *dir = tu_tempdir("xlsx-cells");
	char *path = tu_path(dir, "t.xlsx");
	nm_sheet_opts o = {NM_LANG_DE, false, NULL, true};
	nm_buf cmd = NM_BUF_INIT;
	nm_error err;
	FILE *p;
	char out[4096];
	size_t n;

	nm_error_clear(&err);
	assert_int_equal(nm_sheet_write_dataset(ds, NM_SHEET_XLSX, &o, path, &err), NM_OK);
	if (system(PYTHON " -c 'import openpyxl' 2>/dev/null") != 0) {
		fprintf(stderr, "skipped: python3-openpyxl is not installed\n");
		goto done;
	}
	nm_buf_printf(&cmd,
		      PYTHON " - '%s' <<'EOF'\n"
			     "import sys, openpyxl\n"
			     "wb = openpyxl.load_workbook(sys.argv[1])\n"
			     "print(wb.sheetnames)\n"
			     "ws = wb['Gremien']\n"
			     "print([c.value for c in ws[1]][:8])\n"
			     "c = ws['H2']\n"
			     "print(c.is_date, c.value.date(), c.number_format)\n"
			     "print(repr(ws['B3'].value), ws['B3'].data_type)\n"
			     "print(wb['Einstellungen']['B7'].value, wb['Akteure'].freeze_panes)\n"
			     "EOF\n",
		      path);
	p = popen(cmd.ptr, "r");
	assert_non_null(p);
	n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	assert_int_equal(pclose(p), 0);
	assert_string_equal(
		out,
		"['Akteure', 'Gremien', 'Mitgliedschaften', 'Themen', 'Einstellungen']\n"
		"['ID', 'Name', 'Art', 'ad hoc', 'Themen', 'Federführung', 'Status', 'gegründet']\n"
		"True 2020-01-31 dd.mm.yyyy\n"
		"'=Runde' s\n"
		"4 A2\n");
done:
	nm_buf_release(&cmd);
	free(path);
	nm_dataset_free(ds);
	free(dir);
}

/* The template's sheets that are not tables are not read, and draw no warning. */
static void test_sheet_write__hint_and_example_sheets_are_no_tables(void **state)
{
	static const char *const names[] = {"Hinweise", "How to", "Beispiele", "Examples"};

	for (size_t i = 0; i < 4; i++) {
		bool contains = true;
		assert_int_equal(nm_label_table_of(names[i], &contains), NM_TABLE_NONE);
		assert_false(contains);
	}
}

static void test_sheet_write__an_unwritable_place_is_an_io_error_naming_it(void **state)
{
	nm_dataset *ds = load(DATA "small.yaml");
	nm_sheet_opts o = {NM_LANG_EN, false, NULL, true};
	nm_error err;

	nm_error_clear(&err);
	assert_int_equal(nm_sheet_write_dataset(ds, NM_SHEET_XLSX, &o, "/nonexistent/dir/t.xlsx",
						&err),
			 NM_EIO);
	assert_string_equal(err.message,
			    "cannot write '/nonexistent/dir/t.xlsx': No such file or directory");
	nm_error_clear(&err);
	assert_int_equal(nm_sheet_write_dataset(ds, NM_SHEET_CSV, &o, "/nonexistent/dir", &err),
			 NM_EIO);
	assert_string_equal(err.message,
			    "cannot create '/nonexistent/dir': No such file or directory");
	nm_dataset_free(ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheet_write__csv_fields_quote_only_what_needs_it),
		cmocka_unit_test(test_sheet_write__csv_formulas_get_a_space_the_reader_trims),
		cmocka_unit_test(test_sheet_write__yaml_scalars_quote_what_reads_as_another_thing),
		cmocka_unit_test(test_sheet_write__hostile_names_survive_yaml_to_yaml),
		cmocka_unit_test(test_sheet_write__control_characters_survive_yaml_to_yaml),
		cmocka_unit_test(test_sheet_write__workbook_text_is_always_well_formed_xml),
		cmocka_unit_test(test_sheet_write__yaml_files_with_contacts_are_private),
		cmocka_unit_test(test_sheet_write__german_csv_tables_byte_for_byte),
		cmocka_unit_test(test_sheet_write__english_csv_with_contacts_only_when_asked),
		cmocka_unit_test(test_sheet_write__no_themes_table_when_none_declared),
		cmocka_unit_test(test_sheet_write__workbooks_are_the_same_bytes_twice),
		cmocka_unit_test(test_sheet_write__ods_mimetype_is_first_and_stored),
		cmocka_unit_test(test_sheet_write__ods_lines_are_paragraphs),
		cmocka_unit_test(test_sheet_write__xlsx_holds_text_and_date_cells),
		cmocka_unit_test(test_sheet_write__hint_and_example_sheets_are_no_tables),
		cmocka_unit_test(test_sheet_write__an_unwritable_place_is_an_io_error_naming_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
