/*
 * test_ods.c: the .ods reader (contract section 6). Real files saved by
 * LibreOffice Calc, and hostile ones: repeats, bombs, entities, damaged
 * archives and files that are not what their extension says. The files
 * are in tests/data/sheets/ods-*, made by make_ods_fixtures.py there; a
 * few too big to check in are built here with libzip.
 *
 * Each book is dumped as text (sheets, cells with their type, merges,
 * problems) and compared whole, so every value is checked exactly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "netmap/book.h"
#include "netmap/buf.h"
#include "netmap/common.h"
#include "testutil.h"

#define TIME_LIMIT 10.0 /* seconds for one file, under ASan on a busy machine */
/* A bomb is stopped after 1 GiB has been unpacked and parsed: that takes time. */
#define BOMB_TIME_LIMIT 40.0

static double time_limit = TIME_LIMIT;

static const char *const type_names[] = {"text", "number", "date", "bool", "error", "invalid"};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void put_escaped(nm_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			nm_buf_puts(b, "\\n");
		else if (*s == '\t')
			nm_buf_puts(b, "\\t");
		else
			nm_buf_putc(b, *s);
	}
}

static void put_ref(nm_buf *b, uint32_t row, uint32_t col)
{
	char name[8];

	nm_book_col_name(col, name);
	nm_buf_printf(b, "%s%u", name, row);
}

/* The book as text: problems first, then each sheet, its cells and merges. */
static char *dump(const nm_book *book)
{
	nm_buf b = NM_BUF_INIT;

	for (size_t i = 0; i < book->nproblems; i++) {
		const nm_book_problem *p = &book->problems[i];
		nm_buf_printf(&b, "%s %s %d %u:%u: %s\n",
			      p->severity == NM_SEV_ERROR ? "error" : "warning", p->rule, p->sheet,
			      p->row, p->col, p->message);
	}
	for (size_t i = 0; i < book->nsheets; i++) {
		const nm_sheet *s = &book->sheets[i];
		nm_buf_printf(&b, "sheet '%s'%s\n", s->name, s->hidden ? " hidden" : "");
		for (size_t j = 0; j < s->ncells; j++) {
			const nm_cell *c = &s->cells[j];
			put_ref(&b, c->row, c->col);
			nm_buf_printf(&b, " %s%s ", type_names[c->type],
				      c->formula ? " formula" : "");
			put_escaped(&b, c->text);
			nm_buf_putc(&b, '\n');
		}
		for (size_t j = 0; j < s->nmerges; j++) {
			nm_buf_puts(&b, "merge ");
			put_ref(&b, s->merges[j].row1, s->merges[j].col1);
			nm_buf_putc(&b, ':');
			put_ref(&b, s->merges[j].row2, s->merges[j].col2);
			nm_buf_putc(&b, '\n');
		}
	}
	return nm_buf_detach(&b);
}

/* Read bytes as .ods within TIME_LIMIT; the dump, and the return code in *rc. */
static char *read_bytes(const char *data, size_t len, int *rc, nm_book *keep)
{
	nm_book book;
	double start = now(), took;
	char *out;

	nm_book_init(&book);
	*rc = nm_ods_read(data, len, &book);
	took = now() - start;
	if (took > time_limit)
		fail_msg("took %.2f s, more than %.1f s", took, time_limit);
	out = dump(&book);
	if (keep)
		*keep = book;
	else
		nm_book_release(&book);
	return out;
}

static char *read_fixture(const char *name, int *rc)
{
	char *path = tu_path(NETMAP_TEST_DATA "/sheets", name);
	size_t len;
	char *data = tu_read_file(path, &len);
	char *out;

	if (!data)
		fail_msg("cannot read %s", path);
	out = read_bytes(data, len, rc, NULL);
	free(data);
	free(path);
	return out;
}

static void check_fixture(const char *name, int want_rc, const char *want)
{
	int rc;
	char *got = read_fixture(name, &rc);

	assert_string_equal(got, want);
	assert_int_equal(rc, want_rc);
	free(got);
}

/* ---- real files ---- */

static void test_ods__libreoffice_book_cells_types_merges_and_hidden_sheet(void **state)
{
	(void)state;
	check_fixture("ods-book.ods", NM_OK,
		      "sheet 'Zweite 2026'\n"
		      "A1 text ID\n"
		      "B1 text Name\n"
		      "C1 text Datum\n"
		      "D1 text ad hoc\n"
		      "E1 text Anteil\n"
		      "F1 text Betrag\n"
		      "G1 text Formel\n"
		      "H1 text Zeit\n"
		      "A2 text a-1\n"
		      "B2 text Verein  zweiTab\n"
		      "C2 date 2024-03-01\n"
		      "D2 bool true\n"
		      "E2 number 0.25\n"
		      "F2 number 12.5\n"
		      "G2 number formula 1\n"
		      "H2 invalid a time of day (10:30:00), not a date: write it as text\n"
		      "A3 number 7\n"
		      "B3 text Zeile 1\\nZeile 2 Link\n"
		      "C3 date 2024-12-31\n"
		      "D3 bool formula true\n"
		      "E3 number 0.1\n"
		      "F3 number -0.00000015\n"
		      "G3 error formula #DIV/0!\n"
		      "H3 text formula abc\n"
		      "A4 text Zusammengefasst\n"
		      "D4 error formula Err:509\n"
		      "E4 error formula #NAME?\n"
		      "D5 text unter\n"
		      "B6 text wieder\n"
		      "C6 text wieder\n"
		      "B7 text wieder\n"
		      "C7 text wieder\n"
		      "merge A4:C5\n"
		      "sheet 'Erste' hidden\n"
		      "A1 text versteckt\n"
		      /* LibreOffice writes this sheet's formatted rows and columns as
			 number-rows-repeated="1048574" of number-columns-repeated="16384" */
		      "sheet 'x-Archiv'\n"
		      "C1 number 3\n");
}

static void test_ods__libreoffice_csv_import_keeps_stored_values(void **state)
{
	(void)state;
	check_fixture("ods-csv.ods", NM_OK,
		      "sheet 'ods-csv'\n"
		      "A1 text ID\n"
		      "B1 text Name\n"
		      "C1 text seit\n"
		      "A2 text a1\n"
		      "B2 text Verein, e.V.\n"
		      "C2 date 2024-03-01\n"
		      "A3 number 7\n"
		      "B3 text \xC3\x84 \xC3\x96\n"
		      "C3 number 1.5\n");
}

/*
 * Every namespace under another prefix; "table:" bound to another URI is not
 * read; text:s's unprefixed c, in the default namespace, is no text:c (XML
 * namespaces do not apply a default namespace to attributes): one space.
 */
static void test_ods__namespaces_by_uri_not_by_prefix(void **state)
{
	(void)state;
	check_fixture("ods-prefixes.ods", NM_OK,
		      "sheet 'Pr\xC3\xA4"
		      "fix' hidden\n"
		      "A1 text a b\n"
		      "B1 number 2\n");
}

static void test_ods__cell_values_and_their_invalid_forms(void **state)
{
	(void)state;
	check_fixture("ods-cells.ods", NM_OK,
		      "sheet 'Zellen'\n"
		      "A1 invalid formula a formula without a saved value: =A2\n"
		      "B1 invalid formula a formula without a saved value: "
		      "=SUM(A1:B2)&\"[.x]\"&'Akteure 2026'.C3\n"
		      "C1 number formula 1\n" /* =TRUE() as older LibreOffice saves it */
		      "D1 invalid a number cell whose number 'abc' is not a number\n"
		      "E1 invalid a date cell whose date '2023-02-29' is not a calendar date\n"
		      "F1 invalid a boolean cell whose value 'maybe' is neither true nor false\n"
		      "G1 text gewinnt\n"
		      "H1 error Err\n"
		      "I1 invalid a cell of a type netmap does not know: 'foo'\n"
		      "J1 invalid a number cell without its number\n"
		      "K1 text a\\nb\\tc\n"
		      /* L1 is void; M1's frame and footnote are not its text */
		      "M1 text mit Notiz\n"
		      "N1 text ohne Typ\n"
		      "O1 date 2024-02-29\n"
		      "P1 invalid a time of day (36:00:00), not a date: write it as text\n"
		      "Q1 number formula 1E-3\n"
		      /* a repeated row with a merge; a covered cell's content is hidden */
		      "A2 text breit\n"
		      "C2 number 2\n"
		      "D2 number 2\n"
		      "A3 text breit\n"
		      "C3 number 2\n"
		      "D3 number 2\n"
		      /* header rows, a nested table (not read), row groups */
		      "A4 text au\xC3\x9F"
		      "en\n"
		      "C5 text gruppe\n"
		      /* an empty merged range is none; a cell style is no table style */
		      "merge A2:B2\n"
		      "merge A3:B3\n"
		      "sheet 'Sheet2'\n"
		      "A1 text ohne Namen\n");
}

static void test_ods__more_than_1000_sheets_is_an_error(void **state)
{
	const char *want = "error too-many-sheets -1 0:0: the workbook has more than 1000 sheets, "
			   "more than netmap reads\nsheet 't'\n";
	int rc;
	char *got;
	size_t n = 0;

	(void)state;
	got = read_fixture("ods-sheets.ods", &rc);
	assert_int_equal(rc, NM_EINVALID);
	for (const char *p = got; (p = strstr(p, "sheet 't'\n")) != NULL; p++)
		n++;
	assert_int_equal(n, 1000);
	assert_int_equal(strncmp(got, want, strlen(want)), 0);
	free(got);
}

static void test_ods__string_value_over_the_cell_budget_is_an_error(void **state)
{
	(void)state;
	check_fixture("ods-long-value.ods", NM_EINVALID,
		      "error cell-too-long 0 1:2: the cell holds more than 1048576 bytes of "
		      "text, more than netmap reads\n"
		      "sheet 'A'\n");
}

/* ---- repeats and budgets ---- */

static void test_ods__trailing_repeated_empty_rows_are_nothing_and_fast(void **state)
{
	int rc;
	char *got;

	(void)state;
	got = read_fixture("ods-trailing.ods", &rc);
	assert_int_equal(rc, NM_OK);
	/* A1, then 50 empty sheets */
	assert_non_null(strstr(got, "sheet 'A'\nA1 text eins\nsheet 'B0'\nsheet 'B1'\n"));
	assert_non_null(strstr(got, "sheet 'B49'\n"));
	free(got);
}

static void test_ods__repeated_nonempty_cell_over_the_sheet_is_a_budget_error(void **state)
{
	(void)state;
	check_fixture("ods-repeat-bomb.ods", NM_EINVALID,
		      "error too-many-cells 0 1:1: the sheet holds more than 5000000 non-empty "
		      "cells, more than netmap reads (each repeated cell counts)\n"
		      "sheet 'A'\n");
}

static void test_ods__nonempty_cell_right_of_xfd_is_an_error(void **state)
{
	(void)state;
	check_fixture("ods-too-wide.ods", NM_EINVALID,
		      "error cell-out-of-range 0 1:16384: a non-empty cell lies right of column "
		      "XFD (16384), the last column netmap reads\n"
		      "sheet 'A'\n");
}

static void test_ods__nonempty_cell_below_the_last_row_is_an_error(void **state)
{
	(void)state;
	check_fixture("ods-too-tall.ods", NM_EINVALID,
		      "error cell-out-of-range 0 1048576:1: a non-empty cell lies below row "
		      "1048576, the last row netmap reads\n"
		      "sheet 'A'\n");
}

static void test_ods__huge_space_count_is_a_cell_text_error(void **state)
{
	(void)state;
	check_fixture("ods-spaces.ods", NM_EINVALID,
		      "error cell-too-long 0 1:1: the cell holds more than 1048576 bytes of "
		      "text, more than netmap reads\n"
		      "sheet 'A'\n");
}

/* An archive of n empty entries, built with libzip. */
static char *zip_of_entries(size_t n, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	char *out;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	for (size_t i = 0; i < n; i++) {
		char name[32];
		zip_source_t *s = zip_source_buffer(za, "", 0, 0);
		snprintf(name, sizeof(name), "%zu", i);
		assert_true(zip_file_add(za, name, s, 0) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	out = malloc(st.size);
	assert_non_null(out);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, out, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = st.size;
	return out;
}

static void test_ods__too_many_entries_is_refused_before_reading(void **state)
{
	size_t len;
	char *data = zip_of_entries(NM_BOOK_MAX_ENTRIES + 1, &len);
	int rc;
	char *got;

	(void)state;
	got = read_bytes(data, len, &rc, NULL);
	assert_string_equal(got, "error too-many-entries -1 0:0: the archive holds 10001 entries, "
				 "more than the 10000 netmap reads from a workbook\n");
	assert_int_equal(rc, NM_EINVALID);
	free(got);
	free(data);
}

static void test_ods__zip_bomb_declared_size_is_refused_before_unpacking(void **state)
{
	(void)state;
	check_fixture("ods-bomb.ods", NM_EINVALID,
		      "error zip-bomb -1 0:0: 'content.xml' unpacks to more than 1024 MiB, more "
		      "than netmap reads from a workbook (a zip bomb?)\n");
}

/* The one entry of a ZIP fixture, unpacked with libzip. */
static char *unzip_fixture(const char *name, size_t *len)
{
	char *path = tu_path(NETMAP_TEST_DATA "/sheets", name);
	zip_t *za;
	zip_file_t *zf;
	zip_stat_t st;
	char *out;
	int err;

	za = zip_open(path, ZIP_RDONLY, &err);
	assert_non_null(za);
	assert_int_equal(zip_stat_index(za, 0, 0, &st), 0);
	out = malloc(st.size);
	assert_non_null(out);
	zf = zip_fopen_index(za, 0, 0);
	assert_non_null(zf);
	assert_int_equal(zip_fread(zf, out, st.size), (zip_int64_t)st.size);
	zip_fclose(zf);
	zip_discard(za);
	free(path);
	*len = st.size;
	return out;
}

static void test_ods__zip_bomb_lying_about_its_size_is_stopped_by_counting(void **state)
{
	size_t len;
	char *data = unzip_fixture("ods-bomb-lying.zip", &len); /* 1.1 MB, declaring 1 KB */
	int rc;
	char *got;

	(void)state;
	time_limit = BOMB_TIME_LIMIT;
	got = read_bytes(data, len, &rc, NULL);
	time_limit = TIME_LIMIT;
	assert_string_equal(got, "error zip-bomb -1 0:0: 'content.xml' unpacks to more than 1024 "
				 "MiB, more than netmap reads from a workbook (a zip bomb?)\n");
	assert_int_equal(rc, NM_EINVALID);
	free(got);
	free(data);
}

static void test_ods__endless_tag_is_refused(void **state)
{
	(void)state;
	check_fixture("ods-long-tag.ods", NM_EINVALID,
		      "error bad-xml -1 0:0: 'content.xml' holds an XML tag longer than 16 MiB "
		      "(line 1), more than netmap reads\n");
}

/* ---- XML safety ---- */

static void test_ods__billion_laughs_is_refused_at_the_doctype(void **state)
{
	(void)state;
	check_fixture("ods-laughs.ods", NM_EINVALID,
		      "error xml-doctype -1 0:0: 'content.xml' has a document type declaration "
		      "(line 1), which netmap does not read, for safety: a spreadsheet "
		      "saved by LibreOffice Calc has none\n");
}

static void test_ods__external_entity_is_never_read(void **state)
{
	int rc;
	char *got;

	(void)state;
	got = read_fixture("ods-xxe.ods", &rc);
	assert_int_equal(rc, NM_EINVALID);
	assert_null(strstr(got, "root:"));
	assert_string_equal(got, "error xml-doctype -1 0:0: 'content.xml' has a document type "
				 "declaration (line 1), which netmap does not read, for safety: a "
				 "spreadsheet saved by LibreOffice Calc has none\n");
	free(got);
}

static void test_ods__external_dtd_is_refused(void **state)
{
	(void)state;
	check_fixture("ods-dtd.ods", NM_EINVALID,
		      "error xml-doctype -1 0:0: 'content.xml' has a document type declaration "
		      "(line 2), which netmap does not read, for safety: a spreadsheet "
		      "saved by LibreOffice Calc has none\n");
}

static void test_ods__doctype_in_the_manifest_is_refused(void **state)
{
	(void)state;
	check_fixture("ods-manifest-dtd.ods", NM_EINVALID,
		      "error xml-doctype -1 0:0: 'META-INF/manifest.xml' has a document type "
		      "declaration (line 1), which netmap does not read, for safety: a spreadsheet "
		      "saved by LibreOffice Calc has none\n");
}

static void test_ods__malformed_xml_names_part_line_and_column(void **state)
{
	(void)state;
	check_fixture("ods-bad-xml.ods", NM_EINVALID,
		      "error bad-xml -1 0:0: 'content.xml' is not well-formed XML (line 2, "
		      "column 803: mismatched tag): the file is damaged; open it in LibreOffice "
		      "Calc and save it again\n"
		      "sheet 'A'\n");
}

static void test_ods__truncated_xml_is_an_error(void **state)
{
	(void)state;
	check_fixture("ods-truncated-xml.ods", NM_EINVALID,
		      "error bad-xml -1 0:0: 'content.xml' is not well-formed XML (line 2, "
		      "column 792: unclosed token): the file is damaged; open it in "
		      "LibreOffice Calc and save it again\n"
		      "sheet 'A'\n");
}

/* ---- files that are not spreadsheets ---- */

static void test_ods__truncated_archive_is_damaged(void **state)
{
	(void)state;
	check_fixture("ods-truncated.ods", NM_EINVALID,
		      "error damaged-archive -1 0:0: the file is a damaged or incomplete ZIP "
		      "archive (Not a zip archive): open it in LibreOffice Calc and save it "
		      "again as .ods\n");
}

static void test_ods__checksum_mismatch_is_damaged(void **state)
{
	(void)state;
	check_fixture("ods-bad-crc.ods", NM_EINVALID,
		      "error damaged-archive -1 0:0: 'content.xml' cannot be unpacked (CRC error): "
		      "the file is damaged or incomplete; open it in LibreOffice Calc and save it "
		      "again\n"
		      "sheet 'A'\n"
		      "A1 text x\n");
}

static void test_ods__unknown_compression_is_damaged(void **state)
{
	(void)state;
	check_fixture("ods-lzma.ods", NM_EINVALID,
		      "error damaged-archive -1 0:0: 'content.xml' cannot be unpacked (Compression "
		      "method not supported): the file is damaged or incomplete; open it in "
		      "LibreOffice Calc and save it again\n");
}

static void test_ods__encrypted_manifest_asks_for_no_password(void **state)
{
	(void)state;
	check_fixture("ods-encrypted.ods", NM_EINVALID,
		      "error encrypted-workbook -1 0:0: the spreadsheet is protected with a "
		      "password, which netmap cannot read: open it in LibreOffice Calc and save "
		      "it without a password (File, Save As, with 'Save with password' "
		      "unchecked)\n");
}

static void test_ods__xlsx_renamed_says_rename_it(void **state)
{
	(void)state;
	check_fixture("ods-xlsx-renamed.ods", NM_EINVALID,
		      "error not-a-spreadsheet -1 0:0: the file is an Excel workbook (.xlsx) "
		      "named .ods: rename it to .xlsx\n");
}

static void test_ods__xls_renamed_says_what_it_is(void **state)
{
	(void)state;
	check_fixture("ods-xls-renamed.ods", NM_EINVALID,
		      "error not-a-spreadsheet -1 0:0: the file is an old Excel (.xls) file or "
		      "an encrypted Office file, not an OpenDocument spreadsheet (.ods): open it "
		      "in LibreOffice Calc or Excel and save it as .ods, without a password\n");
}

static void test_ods__csv_renamed_says_rename_it(void **state)
{
	(void)state;
	check_fixture("ods-csv-renamed.ods", NM_EINVALID,
		      "error not-a-spreadsheet -1 0:0: the file is a text file, not an "
		      "OpenDocument spreadsheet (.ods): if it holds comma-separated values, "
		      "rename it to .csv; otherwise open it in LibreOffice Calc and save it as "
		      ".ods\n");
}

static void test_ods__odt_renamed_is_not_a_spreadsheet(void **state)
{
	(void)state;
	check_fixture("ods-odt-renamed.ods", NM_EINVALID,
		      "error not-a-spreadsheet -1 0:0: the file is an OpenDocument text (.odt), "
		      "not a spreadsheet: open the spreadsheet itself in LibreOffice Calc and "
		      "save it as .ods\n");
}

static void test_ods__archive_without_content_xml(void **state)
{
	(void)state;
	check_fixture("ods-no-content.ods", NM_EINVALID,
		      "error missing-content -1 0:0: the archive has no content.xml: it is not a "
		      "complete OpenDocument spreadsheet; open it in LibreOffice Calc and save it "
		      "again\n");
}

static void test_ods__content_without_spreadsheet(void **state)
{
	(void)state;
	check_fixture("ods-no-spreadsheet.ods", NM_EINVALID,
		      "error not-a-spreadsheet -1 0:0: the file's content.xml holds no "
		      "spreadsheet: open the file in LibreOffice Calc and save it as .ods\n");
}

static void test_ods__empty_and_binary_bytes(void **state)
{
	int rc;
	char *got;

	(void)state;
	got = read_bytes("", 0, &rc, NULL);
	assert_int_equal(rc, NM_EINVALID);
	assert_string_equal(got, "error not-a-spreadsheet -1 0:0: the file is empty, not an "
				 "OpenDocument spreadsheet (.ods): open the spreadsheet in "
				 "LibreOffice Calc and save it as .ods again\n");
	free(got);
	got = read_bytes("\x01\x00\x02", 3, &rc, NULL);
	assert_int_equal(rc, NM_EINVALID);
	assert_string_equal(got,
			    "error not-a-spreadsheet -1 0:0: the file is not an OpenDocument "
			    "spreadsheet (.ods), nor any kind of file netmap knows: open it in "
			    "LibreOffice Calc and save it as .ods\n");
	free(got);
	got = read_bytes("PK\x03\x04", 4, &rc, NULL);
	assert_int_equal(rc, NM_EINVALID);
	assert_string_equal(got, "error damaged-archive -1 0:0: the file is a damaged or "
				 "incomplete ZIP archive (Not a zip archive): open it in "
				 "LibreOffice Calc and save it again as .ods\n");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ods__libreoffice_book_cells_types_merges_and_hidden_sheet),
		cmocka_unit_test(test_ods__libreoffice_csv_import_keeps_stored_values),
		cmocka_unit_test(test_ods__namespaces_by_uri_not_by_prefix),
		cmocka_unit_test(test_ods__cell_values_and_their_invalid_forms),
		cmocka_unit_test(test_ods__more_than_1000_sheets_is_an_error),
		cmocka_unit_test(test_ods__string_value_over_the_cell_budget_is_an_error),
		cmocka_unit_test(test_ods__trailing_repeated_empty_rows_are_nothing_and_fast),
		cmocka_unit_test(test_ods__repeated_nonempty_cell_over_the_sheet_is_a_budget_error),
		cmocka_unit_test(test_ods__nonempty_cell_right_of_xfd_is_an_error),
		cmocka_unit_test(test_ods__nonempty_cell_below_the_last_row_is_an_error),
		cmocka_unit_test(test_ods__huge_space_count_is_a_cell_text_error),
		cmocka_unit_test(test_ods__too_many_entries_is_refused_before_reading),
		cmocka_unit_test(test_ods__zip_bomb_declared_size_is_refused_before_unpacking),
		cmocka_unit_test(test_ods__zip_bomb_lying_about_its_size_is_stopped_by_counting),
		cmocka_unit_test(test_ods__endless_tag_is_refused),
		cmocka_unit_test(test_ods__billion_laughs_is_refused_at_the_doctype),
		cmocka_unit_test(test_ods__external_entity_is_never_read),
		cmocka_unit_test(test_ods__external_dtd_is_refused),
		cmocka_unit_test(test_ods__doctype_in_the_manifest_is_refused),
		cmocka_unit_test(test_ods__malformed_xml_names_part_line_and_column),
		cmocka_unit_test(test_ods__truncated_xml_is_an_error),
		cmocka_unit_test(test_ods__truncated_archive_is_damaged),
		cmocka_unit_test(test_ods__checksum_mismatch_is_damaged),
		cmocka_unit_test(test_ods__unknown_compression_is_damaged),
		cmocka_unit_test(test_ods__encrypted_manifest_asks_for_no_password),
		cmocka_unit_test(test_ods__xlsx_renamed_says_rename_it),
		cmocka_unit_test(test_ods__xls_renamed_says_what_it_is),
		cmocka_unit_test(test_ods__csv_renamed_says_rename_it),
		cmocka_unit_test(test_ods__odt_renamed_is_not_a_spreadsheet),
		cmocka_unit_test(test_ods__archive_without_content_xml),
		cmocka_unit_test(test_ods__content_without_spreadsheet),
		cmocka_unit_test(test_ods__empty_and_binary_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
