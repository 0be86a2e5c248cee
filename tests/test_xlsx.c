/*
 * test_xlsx.c: the .xlsx reader (src/xlsx.c, contract section 6). Real
 * files written by openpyxl and LibreOffice (tests/data/sheets/xlsx-*,
 * from make_fixtures.py) and archives built here with libzip, part by
 * part, for the cases a spreadsheet program never writes: every cell type
 * and date rule, prefixed element names, and hostile files (zip bombs,
 * thousands of entries, entity tricks, references beyond the last cell,
 * truncation, encrypted and old-format files, files renamed .xlsx).
 *
 * Each case reads the bytes into a book and compares a dump of it (sheets,
 * cells with their types, merged ranges, problems) with the exact text
 * expected, within TIME_LIMIT seconds even under ASan.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "netmap/book.h"
#include "netmap/buf.h"
#include "netmap/common.h"
#include "testutil.h"

#define TIME_LIMIT 10.0 /* seconds for one read, under ASan on a busy machine */

static double time_limit = TIME_LIMIT;

static const char *const type_names[] = {"text", "number", "date", "bool", "error", "invalid"};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The text of a cell with line breaks and tabs made visible. */
static void put_visible(nm_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			nm_buf_puts(b, "\\n");
		else if (*s == '\r')
			nm_buf_puts(b, "\\r");
		else if (*s == '\t')
			nm_buf_puts(b, "\\t");
		else
			nm_buf_putc(b, *s);
	}
}

/*
 * The book as text: a line per sheet ("sheet NAME [hidden]"), then a line
 * per cell ("  F7 text=value", "+f" after the type when it is a formula's
 * value) and per merged range; then one line per problem.
 */
static char *dump(const nm_book *book)
{
	nm_buf b = NM_BUF_INIT;
	char c1[8], c2[8];

	if (book->date1904)
		nm_buf_puts(&b, "date1904\n");
	for (size_t i = 0; i < book->nsheets; i++) {
		const nm_sheet *s = &book->sheets[i];
		nm_buf_printf(&b, "sheet %s%s\n", s->name, s->hidden ? " [hidden]" : "");
		for (size_t k = 0; k < s->ncells; k++) {
			const nm_cell *c = &s->cells[k];
			nm_book_col_name(c->col, c1);
			nm_buf_printf(&b, "  %s%u %s%s=", c1, c->row, type_names[c->type],
				      c->formula ? "+f" : "");
			put_visible(&b, c->text);
			nm_buf_putc(&b, '\n');
		}
		for (size_t k = 0; k < s->nmerges; k++) {
			const nm_range *r = &s->merges[k];
			nm_book_col_name(r->col1, c1);
			nm_book_col_name(r->col2, c2);
			nm_buf_printf(&b, "  merge %s%u:%s%u\n", c1, r->row1, c2, r->row2);
		}
	}
	for (size_t i = 0; i < book->nproblems; i++) {
		const nm_book_problem *p = &book->problems[i];
		nm_buf_printf(&b, "%s %s %d %u:%u: %s\n",
			      p->severity == NM_SEV_ERROR ? "error" : "warning", p->rule, p->sheet,
			      p->row, p->col, p->message);
	}
	return nm_buf_detach(&b);
}

/* Read len bytes and return the dump; *rc gets the reader's result. */
static char *read_bytes(const char *data, size_t len, int *rc)
{
	nm_book book;
	double start = now(), took;
	char *out;
	int r;

	nm_book_init(&book);
	r = nm_xlsx_read(data, len, &book);
	took = now() - start;
	if (took > time_limit)
		fail_msg("took %.2f s, more than %.1f s", took, time_limit);
	out = dump(&book);
	/* NM_OK exactly when no problem is an error. */
	assert_int_equal(r, book.errors ? NM_EINVALID : NM_OK);
	nm_book_release(&book);
	if (rc)
		*rc = r;
	return out;
}

static void expect_bytes(const char *data, size_t len, const char *want)
{
	char *got = read_bytes(data, len, NULL);
	assert_string_equal(got, want);
	free(got);
}

static void expect_file(const char *name, const char *want)
{
	char path[512];
	size_t len;
	char *data;

	snprintf(path, sizeof(path), "%s/sheets/%s", NETMAP_TEST_DATA, name);
	data = tu_read_file(path, &len);
	assert_non_null(data);
	expect_bytes(data, len, want);
	free(data);
}

/* ---- archives built here ------------------------------------------------ */

typedef struct part {
	const char *name;
	const char *data; /* NULL ends a list */
	size_t len;       /* 0: strlen(data) */
} part;

/* The part that zip_parts stores as it is instead of deflating it. */
static const char *stored_part;

/* A ZIP archive of the parts, in memory (free with free()). */
static char *zip_parts(const part *parts, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src, *file;
	zip_t *za;
	zip_stat_t st;
	char *out;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	for (const part *p = parts; p->name; p++) {
		size_t n = p->len ? p->len : strlen(p->data);
		file = zip_source_buffer(za, p->data, n, 0);
		assert_non_null(file);
		zip_int64_t idx = zip_file_add(za, p->name, file, ZIP_FL_ENC_UTF_8);
		assert_true(idx >= 0);
		if (stored_part && strcmp(p->name, stored_part) == 0)
			assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)idx,
								  ZIP_CM_STORE, 0),
					 0);
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	out = malloc(st.size ? st.size : 1);
	assert_non_null(out);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, out, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = st.size;
	return out;
}

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_TYPE NS_REL "/"

static const char pkg_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"xl/workbook.xml\"/>"
	"</Relationships>";

static const char one_sheet_workbook[] =
	"<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
	"<sheet name=\"Akteure\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char one_sheet_rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_TYPE
	"worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL_TYPE
	"sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>"
	"</Relationships>";

/*
 * A workbook of one sheet 'Akteure' whose <sheetData> is data, with the
 * shared strings (the <si> elements) and the styles (<numFmts> and
 * <cellXfs>) given, or none when NULL.
 */
static char *book_of(const char *sheet_data, const char *strings, const char *styles,
		     const char *workbook_pr, size_t *len)
{
	nm_buf wb = NM_BUF_INIT, sh = NM_BUF_INIT, sst = NM_BUF_INIT, st = NM_BUF_INIT;
	part parts[8];
	size_t n = 0;
	char *out;

	nm_buf_printf(&wb,
		      "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">%s<sheets>"
		      "<sheet name=\"Akteure\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
		      workbook_pr ? workbook_pr : "");
	nm_buf_printf(&sh, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>%s</sheetData></worksheet>",
		      sheet_data);
	parts[n++] = (part){"_rels/.rels", pkg_rels, 0};
	parts[n++] = (part){"xl/workbook.xml", wb.ptr, 0};
	parts[n++] = (part){"xl/_rels/workbook.xml.rels", one_sheet_rels, 0};
	parts[n++] = (part){"xl/worksheets/sheet1.xml", sh.ptr, 0};
	if (strings) {
		nm_buf_printf(&sst, "<sst xmlns=\"" NS_MAIN "\">%s</sst>", strings);
		parts[n++] = (part){"xl/sharedStrings.xml", sst.ptr, 0};
	}
	if (styles) {
		nm_buf_printf(&st, "<styleSheet xmlns=\"" NS_MAIN "\">%s</styleSheet>", styles);
		parts[n++] = (part){"xl/styles.xml", st.ptr, 0};
	}
	parts[n] = (part){NULL, NULL, 0};
	out = zip_parts(parts, len);
	nm_buf_release(&wb);
	nm_buf_release(&sh);
	nm_buf_release(&sst);
	nm_buf_release(&st);
	return out;
}

static void expect_book(const char *sheet_data, const char *strings, const char *styles,
			const char *workbook_pr, const char *want)
{
	size_t len;
	char *data = book_of(sheet_data, strings, styles, workbook_pr, &len);
	expect_bytes(data, len, want);
	free(data);
}

static void expect_parts(const part *parts, const char *want)
{
	size_t len;
	char *data = zip_parts(parts, &len);
	expect_bytes(data, len, want);
	free(data);
}

/* A workbook of one sheet 'Akteure' whose parts are given whole (NULL: none). */
static void expect_whole(const char *sheet_xml, const char *strings_xml, const char *want)
{
	part parts[8] = {
		{"_rels/.rels", pkg_rels, 0},
		{"xl/workbook.xml", one_sheet_workbook, 0},
		{"xl/_rels/workbook.xml.rels", one_sheet_rels, 0},
	};
	size_t n = 3;

	if (sheet_xml)
		parts[n++] = (part){"xl/worksheets/sheet1.xml", sheet_xml, 0};
	if (strings_xml)
		parts[n++] = (part){"xl/sharedStrings.xml", strings_xml, 0};
	parts[n] = (part){NULL, NULL, 0};
	expect_parts(parts, want);
}

/* ---- real files --------------------------------------------------------- */

static void test_xlsx__openpyxl_file(void **state)
{
	/* openpyxl writes inline strings and no cached values of formulas. */
	expect_file(
		"xlsx-openpyxl.xlsx",
		"sheet Akteure 2026\n"
		"  A1 text=ID\n"
		"  B1 text=Name\n"
		"  C1 text=Anzahl\n"
		"  D1 text=gegründet\n"
		"  E1 text=aktiv\n"
		"  F1 text=Summe\n"
		"  A2 text=a1\n"
		"  B2 text=Caritas\n"
		"  C2 number=7\n"
		"  D2 date=2024-03-01\n"
		"  E2 bool=true\n"
		"  F2 invalid+f=a formula without a saved value: open the file in your spreadsheet "
		"program and save it again\n"
		"  A3 text=a2\n"
		"  B3 text=Diakonie\n"
		"  C3 number=0.1\n"
		"  D3 date=1900-01-01\n"
		"  E3 bool=false\n"
		"  F3 invalid+f=a formula without a saved value: open the file in your spreadsheet "
		"program and save it again\n"
		"  C4 number=12.5\n"
		"  D4 date=2023-12-31\n"
		"  E4 number=3\n"
		"  A5 text=zusammen\n"
		"  F7 text=weit\n"
		"  B10 text=Zeile\\nzwei\n"
		"  merge A5:C5\n"
		"sheet Versteckt [hidden]\n"
		"  A1 text=geheim\n"
		"sheet Gremien [hidden]\n"
		"  B2 text=Runder Tisch\n");
}

static void test_xlsx__libreoffice_file(void **state)
{
	/* LibreOffice writes shared strings, saves the formulas' values and
	 * turns TRUE into =TRUE(). */
	expect_file("xlsx-libreoffice.xlsx", "sheet Akteure 2026\n"
					     "  A1 text=ID\n"
					     "  B1 text=Name\n"
					     "  C1 text=Anzahl\n"
					     "  D1 text=gegründet\n"
					     "  E1 text=aktiv\n"
					     "  F1 text=Summe\n"
					     "  A2 text=a1\n"
					     "  B2 text=Caritas\n"
					     "  C2 number=7\n"
					     "  D2 date=2024-03-01\n"
					     "  E2 bool+f=true\n"
					     "  F2 number+f=14\n"
					     "  A3 text=a2\n"
					     "  B3 text=Diakonie\n"
					     "  C3 number=0.1\n"
					     "  D3 date=1900-01-01\n"
					     "  E3 bool+f=false\n"
					     "  F3 text+f=Diakonie!\n"
					     "  C4 number=12.5\n"
					     "  D4 date=2023-12-31\n"
					     "  E4 number=3\n"
					     "  A5 text=zusammen\n"
					     "  F7 text=weit\n"
					     "  B10 text=Zeile\\nzwei\n"
					     "  merge A5:C5\n"
					     "sheet Versteckt [hidden]\n"
					     "  A1 text=geheim\n"
					     "sheet Gremien [hidden]\n"
					     "  B2 text=Runder Tisch\n");
}

static void test_xlsx__1904_file(void **state)
{
	expect_file("xlsx-1904.xlsx", "date1904\n"
				      "sheet Mac\n"
				      "  A1 date=2024-03-01\n"
				      "  A2 date=1904-01-01\n"
				      "  A3 number=5\n");
}

/* ---- cell types ---------------------------------------------------------- */

static void test_xlsx__shared_strings_plain_rich_and_phonetic(void **state)
{
	expect_book(
		"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
		"<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
		"<c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c>"
		"<c r=\"G1\" t=\"s\"><v> 6 </v></c><c r=\"H1\" t=\"s\"><v>7</v></c>"
		"<c r=\"I1\" t=\"s\"><v>x</v></c></row>",
		"<si><t>Caritas</t></si>"
		"<si><r><rPr><b/></rPr><t>Dia</t></r><r><t xml:space=\"preserve\">konie </t></r></si>"
		"<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
		"<si><t>a_x000D_&#10;b_x0009_c</t></si>"
		"<si><t>_x005F_x0041_ _x0041_ _xD83D__xDE00_ _x0000_ _xZZZZ_</t></si>"
		"<si><t></t></si>"
		"<si><t>  </t></si>",
		NULL, NULL,
		"sheet Akteure\n"
		"  A1 text=Caritas\n"
		"  B1 text=Diakonie \n"
		"  C1 text=東京\n"
		"  D1 text=a\\r\\nb\\tc\n"
		"  E1 text=_x0041_ A 😀 \xEF\xBF\xBD _xZZZZ_\n"
		"  G1 text=  \n"
		"  H1 invalid=refers to shared string 7, which the file does not have\n"
		"  I1 invalid=refers to shared string x, which the file does not have\n");
}

static void test_xlsx__inline_strings_and_rich_runs(void **state)
{
	expect_book(
		"<row><c t=\"inlineStr\"><is><t>eins</t></is></c>"
		"<c t=\"inlineStr\"><is><r><t>zw</t></r><r><rPr><i/></rPr><t>ei</t></r>"
		"<rPh><t>x</t></rPh></is></c>"
		"<c t=\"inlineStr\"><is><t>_x000D_drei &amp; &lt;vier&gt; &quot;&apos;</t></is></c>"
		"<c t=\"inlineStr\"><is><t></t></is></c><c t=\"inlineStr\"/>"
		"<c><is><t>ohne t</t></is></c></row>",
		NULL, NULL, NULL,
		"sheet Akteure\n"
		"  A1 text=eins\n"
		"  B1 text=zwei\n"
		"  C1 text=\\rdrei & <vier> \"'\n"
		"  F1 text=ohne t\n");
}

static void test_xlsx__skipped_cells_and_rows_take_the_next_position(void **state)
{
	expect_book("<row><c><v>1</v></c><c r=\"D1\"><v>2</v></c><c><v>3</v></c></row>"
		    "<row><c><v>4</v></c></row>"
		    "<row r=\"7\"><c r=\"F7\"><v>5</v></c><c/><c><v>6</v></c></row>"
		    "<row><c r=\"B8\"><v>7</v></c></row>"
		    "<row r=\"1048576\"><c r=\"XFD1048576\"><v>8</v></c></row>",
		    NULL, NULL, NULL,
		    "sheet Akteure\n"
		    "  A1 number=1\n"
		    "  D1 number=2\n"
		    "  E1 number=3\n"
		    "  A2 number=4\n"
		    "  F7 number=5\n"
		    "  H7 number=6\n"
		    "  B8 number=7\n"
		    "  XFD1048576 number=8\n");
}

static void test_xlsx__cells_out_of_order_are_sorted(void **state)
{
	expect_book("<row r=\"3\"><c r=\"B3\"><v>1</v></c><c r=\"A3\"><v>2</v></c></row>"
		    "<row r=\"1\"><c r=\"C1\"><v>3</v></c></row>",
		    NULL, NULL, NULL,
		    "sheet Akteure\n"
		    "  C1 number=3\n"
		    "  A3 number=2\n"
		    "  B3 number=1\n");
}

static void test_xlsx__numbers_booleans_errors_and_formulas(void **state)
{
	expect_book(
		"<row r=\"1\"><c r=\"A1\"><v>7</v></c><c r=\"B1\" t=\"n\"><v>0.1</v></c>"
		"<c r=\"C1\"><v>1E-3</v></c><c r=\"D1\"><v>-12.50</v></c><c r=\"E1\"><v>abc</v></c>"
		"<c r=\"F1\"><v></v></c><c r=\"G1\" t=\"b\"><v>1</v></c><c r=\"H1\" t=\"b\"><v>0</v></c>"
		"<c r=\"I1\" t=\"b\"><v>2</v></c><c r=\"J1\" t=\"e\"><v>#REF!</v></c>"
		"<c r=\"K1\" t=\"q\"><v>1</v></c></row>"
		"<row r=\"2\"><c r=\"A2\"><f>1+1</f><v>2</v></c>"
		"<c r=\"B2\" t=\"str\"><f>A1&amp;\"x\"</f><v>7x</v></c>"
		"<c r=\"C2\"><f>SUM(A1)</f></c><c r=\"D2\"><f>SUM(A1)</f><v></v></c>"
		"<c r=\"E2\" t=\"str\"><f>\"\"</f><v></v></c>"
		"<c r=\"F2\" t=\"str\"><f>B1</f></c>"
		"<c r=\"G2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
		"<c r=\"H2\" t=\"b\"><f>TRUE()</f><v>1</v></c>"
		"<c r=\"I2\"><f t=\"shared\" si=\"0\"/><v>3</v></c></row>",
		NULL, NULL, NULL,
		"sheet Akteure\n"
		"  A1 number=7\n"
		"  B1 number=0.1\n"
		"  C1 number=1E-3\n"
		"  D1 number=-12.50\n"
		"  E1 invalid=the cell is a number cell but holds 'abc', which is not a number\n"
		"  G1 bool=true\n"
		"  H1 bool=false\n"
		"  I1 invalid=the cell is a boolean cell but holds '2', which is neither true nor false\n"
		"  J1 error=#REF!\n"
		"  K1 invalid=the cell has a type netmap does not know ('q')\n"
		"  A2 number+f=2\n"
		"  B2 text+f=7x\n"
		"  C2 invalid+f=a formula without a saved value: open the file in your spreadsheet "
		"program and save it again\n"
		"  D2 invalid+f=a formula without a saved value: open the file in your spreadsheet "
		"program and save it again\n"
		"  F2 invalid+f=a formula without a saved value: open the file in your spreadsheet "
		"program and save it again\n"
		"  G2 error+f=#DIV/0!\n"
		"  H2 bool+f=true\n"
		"  I2 number+f=3\n");
}

static void test_xlsx__long_values_are_cut_in_the_reasons(void **state)
{
	nm_buf b = NM_BUF_INIT;

	nm_buf_puts(&b, "<row><c><v>");
	for (int i = 0; i < 30; i++)
		nm_buf_puts(&b, "zwölf");
	nm_buf_puts(&b, "</v></c><c t=\"ünbekanntö\"><v>1</v></c></row>");
	expect_book(
		b.ptr, NULL, NULL, NULL,
		"sheet Akteure\n"
		"  A1 invalid=the cell is a number cell but holds 'zwölfzwölfzwölfzwölfzwölfzwölf"
		"zwölfzwölfzwölfzwölfzwö\xE2\x80\xA6', which is not a number\n"
		"  B1 invalid=the cell has a type netmap does not know ('ünbekannt')\n");
	nm_buf_release(&b);
}

static const char date_styles[] =
	"<numFmts count=\"9\">"
	"<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"&quot;d&quot;0\"/>"
	"<numFmt numFmtId=\"166\" formatCode=\"[Red]0.00\"/>"
	"<numFmt numFmtId=\"167\" formatCode=\"\\d0_m*y\"/>"
	"<numFmt numFmtId=\"168\" formatCode=\"0.00E+00\"/>"
	"<numFmt numFmtId=\"14\" formatCode=\"0.00\"/>"
	"<numFmt numFmtId=\"169\" formatCode=\"[$-407]MMMM\\ YY\"/>"
	"<numFmt numFmtId=\"170\" formatCode=\"[h]:mm\"/>"
	"<numFmt numFmtId=\"171\" formatCode=\"General\"/>"
	"</numFmts>"
	"<cellStyleXfs count=\"1\"><xf numFmtId=\"22\"/></cellStyleXfs>"
	"<cellXfs count=\"15\">"
	"<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"22\"/><xf numFmtId=\"45\"/>"
	"<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"
	"<xf numFmtId=\"168\"/><xf numFmtId=\"169\"/><xf numFmtId=\"170\"/><xf numFmtId=\"171\"/>"
	"<xf numFmtId=\"15\"/><xf numFmtId=\"58\"/><xf numFmtId=\"59\"/>"
	"</cellXfs>";

static void test_xlsx__dates_from_formats_built_in_and_custom(void **state)
{
	expect_book(
		"<row r=\"1\"><c r=\"A1\" s=\"0\"><v>45352</v></c><c r=\"B1\" s=\"1\"><v>45352</v></c>"
		"<c r=\"C1\" s=\"2\"><v>45352.75</v></c><c r=\"D1\" s=\"3\"><v>45352</v></c>"
		"<c r=\"E1\" s=\"4\"><v>45352</v></c><c r=\"F1\" s=\"5\"><v>45352</v></c>"
		"<c r=\"G1\" s=\"6\"><v>45352</v></c><c r=\"H1\" s=\"7\"><v>45352</v></c>"
		"<c r=\"I1\" s=\"8\"><v>45352</v></c><c r=\"J1\" s=\"9\"><v>45352</v></c>"
		"<c r=\"K1\" s=\"10\"><v>45352</v></c><c r=\"L1\" s=\"11\"><v>45352</v></c>"
		"<c r=\"M1\" s=\"12\"><v>45352</v></c><c r=\"N1\" s=\"13\"><v>45352</v></c>"
		"<c r=\"O1\" s=\"14\"><v>45352</v></c><c r=\"P1\" s=\"99\"><v>45352</v></c></row>",
		NULL, date_styles, NULL,
		"sheet Akteure\n"
		"  A1 number=45352\n"
		"  B1 number=45352\n"
		"  C1 date=2024-03-01\n"
		"  D1 date=2024-03-01\n"
		"  E1 date=2024-03-01\n"
		"  F1 number=45352\n"
		"  G1 number=45352\n"
		"  H1 number=45352\n"
		"  I1 number=45352\n"
		"  J1 date=2024-03-01\n"
		"  K1 date=2024-03-01\n"
		"  L1 number=45352\n"
		"  M1 date=2024-03-01\n"
		"  N1 date=2024-03-01\n"
		"  O1 number=45352\n"
		"  P1 number=45352\n");
}

static void test_xlsx__date_serials_of_the_1900_system(void **state)
{
	expect_book(
		"<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c><c r=\"B1\" s=\"1\"><v>59</v></c>"
		"<c r=\"C1\" s=\"1\"><v>60</v></c><c r=\"D1\" s=\"1\"><v>60.5</v></c>"
		"<c r=\"E1\" s=\"1\"><v>61</v></c><c r=\"F1\" s=\"1\"><v>0.5</v></c>"
		"<c r=\"G1\" s=\"1\"><v>0</v></c><c r=\"H1\" s=\"1\"><v>-3</v></c>"
		"<c r=\"I1\" s=\"1\"><v>2958465</v></c><c r=\"J1\" s=\"1\"><v>2958466</v></c>"
		"<c r=\"K1\" s=\"1\"><v>36526</v></c></row>",
		NULL, "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>", NULL,
		"sheet Akteure\n"
		"  A1 date=1900-01-01\n"
		"  B1 date=1900-02-28\n"
		"  C1 invalid=the cell holds the date 29 February 1900, a day that never was "
		"(spreadsheets count it for compatibility); write the date again\n"
		"  D1 invalid=the cell holds the date 29 February 1900, a day that never was "
		"(spreadsheets count it for compatibility); write the date again\n"
		"  E1 date=1900-03-01\n"
		"  F1 invalid=the cell is formatted as a date but holds 0.5, which is before 1 "
		"January 1900, the first date a spreadsheet can show\n"
		"  G1 invalid=the cell is formatted as a date but holds 0, which is before 1 "
		"January 1900, the first date a spreadsheet can show\n"
		"  H1 invalid=the cell is formatted as a date but holds -3, which is before 1 "
		"January 1900, the first date a spreadsheet can show\n"
		"  I1 date=9999-12-31\n"
		"  J1 invalid=the cell is formatted as a date but holds 2958466, which is after 31 "
		"December 9999, the last date a spreadsheet can show\n"
		"  K1 date=2000-01-01\n");
}

static void test_xlsx__date_serials_of_the_1904_system(void **state)
{
	static const char cells[] =
		"<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>60</v></c>"
		"<c r=\"C1\" s=\"1\"><v>43890</v></c><c r=\"D1\" s=\"1\"><v>-1</v></c></row>";
	static const char want[] =
		"date1904\n"
		"sheet Akteure\n"
		"  A1 date=1904-01-01\n"
		"  B1 date=1904-03-01\n"
		"  C1 date=2024-03-01\n"
		"  D1 invalid=the cell is formatted as a date but holds -1, which is before 1 January "
		"1904, the first date of the workbook's 1904 date system\n";
	static const char styles[] = "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";

	expect_book(cells, NULL, styles, "<workbookPr date1904=\"1\"/>", want);
	expect_book(cells, NULL, styles, "<workbookPr date1904=\"true\"/>", want);
	expect_book(
		"<row><c s=\"1\"><v>0</v></c></row>", NULL, styles,
		"<workbookPr date1904=\"false\"/>",
		"sheet Akteure\n"
		"  A1 invalid=the cell is formatted as a date but holds 0, which is before 1 January "
		"1900, the first date a spreadsheet can show\n");
}

static void test_xlsx__iso_date_cells_give_their_date_part(void **state)
{
	expect_book(
		"<row><c t=\"d\"><v>2024-03-01T10:30:00</v></c><c t=\"d\"><v>2024-02-29</v></c>"
		"<c t=\"d\"><v>2023-02-29</v></c><c t=\"d\"><v>1.3.2024</v></c>"
		"<c t=\"d\"><v>T10:00:00</v></c><c t=\"d\" s=\"1\"><v>2000-12-31 08:00</v></c></row>",
		NULL, NULL, NULL,
		"sheet Akteure\n"
		"  A1 date=2024-03-01\n"
		"  B1 date=2024-02-29\n"
		"  C1 invalid=the cell is a date cell but holds '2023-02-29', which is not a date "
		"(YYYY-MM-DD)\n"
		"  D1 invalid=the cell is a date cell but holds '1.3.2024', which is not a date "
		"(YYYY-MM-DD)\n"
		"  E1 invalid=the cell is a date cell but holds 'T10:00:00', which is not a date "
		"(YYYY-MM-DD)\n"
		"  F1 date=2000-12-31\n");
}

static void test_xlsx__merged_cells(void **state)
{
	size_t len;
	char *data = book_of(
		"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Kopf</t></is></c></row>"
		"</sheetData><mergeCells count=\"3\"><mergeCell ref=\"A1:C2\"/>"
		"<mergeCell ref=\"E5:D4\"/><mergeCell ref=\"F9\"/></mergeCells><sheetData>",
		NULL, NULL, NULL, &len);

	expect_bytes(data, len,
		     "sheet Akteure\n"
		     "  A1 text=Kopf\n"
		     "  merge A1:C2\n"
		     "  merge D4:E5\n"
		     "  merge F9:F9\n");
	free(data);
}

/* ---- workbook structure ------------------------------------------------- */

static const char three_sheets_rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_TYPE
	"worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL_TYPE
	"worksheet\" Target=\"./worksheets/../worksheets/sheet2.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL_TYPE
	"worksheet\" Target=\"worksheets/sheet3.xml\"/>"
	"<Relationship Id=\"rId9\" Type=\"" REL_TYPE
	"hyperlink\" Target=\"http://example.org/\" TargetMode=\"External\"/>"
	"</Relationships>";

static void test_xlsx__sheets_in_workbook_order_hidden_ones_too(void **state)
{
	static const part parts[] = {
		{"_rels/.rels", pkg_rels, 0},
		{"xl/workbook.xml",
		 "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
		 "<sheet name=\"Zweite\" sheetId=\"2\" r:id=\"rId2\"/>"
		 "<sheet name=\"Erste\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"
		 "<sheet name=\"Dritte &amp; letzte\" sheetId=\"3\" state=\"veryHidden\" r:id=\"rId3\"/>"
		 "</sheets></workbook>",
		 0},
		{"xl/_rels/workbook.xml.rels", three_sheets_rels, 0},
		{"xl/worksheets/sheet1.xml",
		 "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>", 0},
		{"xl/worksheets/sheet2.xml",
		 "<worksheet><sheetData><row><c><v>2</v></c></row></sheetData></worksheet>", 0},
		{"XL/Worksheets/Sheet3.XML", "<worksheet><sheetData/></worksheet>", 0},
		{NULL, NULL, 0}};

	expect_parts(parts, "sheet Zweite\n"
			    "  A1 number=2\n"
			    "sheet Erste [hidden]\n"
			    "  A1 number=1\n"
			    "sheet Dritte & letzte [hidden]\n");
}

static void test_xlsx__prefixed_element_names(void **state)
{
	static const part parts[] = {
		{"_rels/.rels",
		 "<pr:Relationships xmlns:pr=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		 "<pr:Relationship Id=\"rId1\" Type=\"" REL_TYPE
		 "officeDocument\" Target=\"/xl/workbook.xml\"/>"
		 "</pr:Relationships>",
		 0},
		{"xl/workbook.xml",
		 "<x:workbook xmlns:x=\"" NS_MAIN "\" xmlns:r=\"" NS_REL
		 "\"><x:workbookPr date1904=\"1\"/>"
		 "<x:sheets><x:sheet name=\"Gremien\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>",
		 0},
		{"xl/_rels/workbook.xml.rels", one_sheet_rels, 0},
		{"xl/sharedStrings.xml",
		 "<x:sst xmlns:x=\"" NS_MAIN
		 "\"><x:si><x:r><x:t>Run</x:t></x:r><x:r><x:t>der Tisch</x:t></x:r>"
		 "</x:si></x:sst>",
		 0},
		{"xl/styles.xml",
		 "<x:styleSheet xmlns:x=\"" NS_MAIN
		 "\"><x:numFmts><x:numFmt numFmtId=\"200\" formatCode=\"yyyy\"/>"
		 "</x:numFmts><x:cellXfs><x:xf numFmtId=\"0\"/><x:xf numFmtId=\"200\"/></x:cellXfs></x:styleSheet>",
		 0},
		{"xl/worksheets/sheet1.xml",
		 "<x:worksheet xmlns:x=\"" NS_MAIN "\"><x:sheetData><x:row x:r=\"2\">"
		 "<x:c r=\"B2\" t=\"s\"><x:v>0</x:v></x:c><x:c s=\"1\"><x:v>0</x:v></x:c>"
		 "<x:c t=\"inlineStr\"><x:is><x:t>inline</x:t></x:is></x:c></x:row></x:sheetData>"
		 "<x:mergeCells><x:mergeCell ref=\"B2:C2\"/></x:mergeCells></x:worksheet>",
		 0},
		{NULL, NULL, 0}};

	expect_parts(parts, "date1904\n"
			    "sheet Gremien\n"
			    "  B2 text=Runder Tisch\n"
			    "  C2 date=1904-01-01\n"
			    "  D2 text=inline\n"
			    "  merge B2:C2\n");
}

static void test_xlsx__workbook_found_without_package_relationships(void **state)
{
	static const part parts[] = {
		{"xl/workbook.xml", one_sheet_workbook, 0},
		{"xl/_rels/workbook.xml.rels", one_sheet_rels, 0},
		{"xl/worksheets/sheet1.xml",
		 "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>", 0},
		{NULL, NULL, 0}};

	expect_parts(parts, "sheet Akteure\n  A1 number=1\n");
}

static void test_xlsx__workbook_named_by_the_package_relationships(void **state)
{
	static const part parts[] = {
		{"_rels/.rels",
		 "<Relationships><Relationship Id=\"a\" Type=\"" REL_TYPE
		 "extended-properties\" Target=\"docProps/app.xml\"/>"
		 "<Relationship Id=\"b\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" "
		 "Target=\"book/main.xml\"/></Relationships>",
		 0},
		{"book/main.xml", one_sheet_workbook, 0},
		{"book/_rels/main.xml.rels",
		 "<Relationships><Relationship Id=\"rId1\" Type=\"" REL_TYPE
		 "worksheet\" Target=\"s/sheet%20one.xml\"/>"
		 "<Relationship Id=\"rId2\" Type=\"" REL_TYPE
		 "sharedStrings\" Target=\"../strings.xml\"/>"
		 "</Relationships>",
		 0},
		{"book/s/sheet one.xml",
		 "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
		 0},
		{"strings.xml", "<sst><si><t>gefunden</t></si></sst>", 0},
		{"xl/workbook.xml", "<workbook/>", 0},
		{NULL, NULL, 0}};

	expect_parts(parts, "sheet Akteure\n  A1 text=gefunden\n");
}

static void test_xlsx__sheet_whose_part_is_missing(void **state)
{
	static const part parts[] = {{"_rels/.rels", pkg_rels, 0},
				     {"xl/workbook.xml", one_sheet_workbook, 0},
				     {"xl/_rels/workbook.xml.rels", one_sheet_rels, 0},
				     {NULL, NULL, 0}};

	expect_parts(
		parts,
		"sheet Akteure\n"
		"error bad-workbook -1 0:0: the workbook lists the sheet 'Akteure', but its part "
		"'xl/worksheets/sheet1.xml' is missing from the file; the file is damaged: save it "
		"again in your spreadsheet program\n");
}

/* ---- files that are not workbooks --------------------------------------- */

static void test_xlsx__csv_renamed_xlsx(void **state)
{
	static const char csv[] = "ID;Name\na1;Caritas\n";

	expect_bytes(
		csv, sizeof(csv) - 1,
		"error not-a-workbook -1 0:0: this file is a text file, not an Excel workbook; if "
		"it is a CSV file, rename it to end in .csv, or open it in your spreadsheet program "
		"and save it as Excel workbook (.xlsx)\n");
	expect_bytes("", 0,
		     "error not-a-workbook -1 0:0: this file is empty, not an Excel workbook\n");
	expect_bytes(
		"%PDF-1.4\n\x80\x00", 11,
		"error not-a-workbook -1 0:0: this file is a PDF file, not an Excel workbook; open "
		"it in your spreadsheet program and save it as Excel workbook (.xlsx)\n");
	expect_bytes(
		"\x01\x00\x02", 3,
		"error not-a-workbook -1 0:0: this file is not an Excel workbook (every .xlsx "
		"file is a ZIP archive, and this one is not); open it in your spreadsheet program "
		"and save it as Excel workbook (.xlsx)\n");
	expect_bytes(
		"<?xml version=\"1.0\"?><Workbook/>", 32,
		"error not-a-workbook -1 0:0: this file is an XML file, not an Excel workbook; "
		"open it in your spreadsheet program and save it as Excel workbook (.xlsx)\n");
}

static void test_xlsx__ods_renamed_xlsx(void **state)
{
	expect_file(
		"xlsx-renamed-ods.xlsx",
		"error not-a-workbook -1 0:0: this file is an OpenDocument spreadsheet (.ods), not "
		"an Excel workbook; rename it to end in .ods\n");
}

static void test_xlsx__zip_without_a_workbook(void **state)
{
	static const part docx[] = {
		{"_rels/.rels",
		 "<Relationships><Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" "
		 "Target=\"word/document.xml\"/></Relationships>",
		 0},
		{"word/document.xml", "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>", 0},
		{NULL, NULL, 0}};
	static const part other[] = {{"readme.txt", "hello", 0}, {NULL, NULL, 0}};
	static const part xlsb[] = {{"_rels/.rels",
				     "<Relationships><Relationship Id=\"rId1\" Type=\"" REL_TYPE
				     "officeDocument\" "
				     "Target=\"xl/workbook.bin\"/></Relationships>",
				     0},
				    {"xl/workbook.bin", "\x83\x01\x00", 0},
				    {NULL, NULL, 0}};

	expect_parts(
		docx,
		"error not-a-workbook -1 0:0: this file is an Office document but not an Excel "
		"workbook (its main part 'word/document.xml' is a 'document'); open it in your "
		"spreadsheet program and save it as Excel workbook (.xlsx)\n");
	expect_parts(
		xlsb,
		"error not-a-workbook -1 0:0: this file is an Excel binary workbook (.xlsb), which "
		"netmap does not read; open it in your spreadsheet program and save it as Excel "
		"workbook (.xlsx)\n");
	expect_parts(
		other,
		"error not-a-workbook -1 0:0: this file is a ZIP archive without an Excel workbook "
		"in it (no 'xl/workbook.xml'); open it in your spreadsheet program and save it as "
		"Excel workbook (.xlsx)\n");
}

/*
 * A minimal OLE compound file (512-byte sectors): the header, one FAT
 * sector (sector 0) and one directory sector (sector 1) holding the root
 * storage and the streams named.
 */
static char *ole_file(const char *const *streams, size_t *len)
{
	size_t n = 512 * 3;
	unsigned char *d = calloc(1, n);
	unsigned char *fat = d + 512, *dir = d + 1024;
	const char *names[5] = {"Root Entry"};
	size_t nnames = 1;

	assert_non_null(d);
	for (; streams[nnames - 1]; nnames++)
		names[nnames] = streams[nnames - 1];
	memcpy(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
	d[24] = 0x3E;               /* minor version */
	d[26] = 3;                  /* major version 3: 512-byte sectors */
	d[28] = 0xFE, d[29] = 0xFF; /* byte order */
	d[30] = 9;                  /* sector shift */
	d[32] = 6;                  /* mini sector shift */
	d[44] = 1;                  /* one FAT sector */
	d[48] = 1;                  /* the directory starts at sector 1 */
	memset(d + 60, 0xFF, 4);    /* no mini FAT */
	d[60] = 0xFE;
	memset(d + 68, 0xFF, 4); /* no DIFAT sectors */
	d[68] = 0xFE;
	memset(d + 76, 0xFF, 109 * 4); /* DIFAT: FAT sector 0 */
	memset(d + 76, 0, 4);
	memset(fat, 0xFF, 512);
	memcpy(fat, "\xFD\xFF\xFF\xFF\xFE\xFF\xFF\xFF", 8); /* FATSECT, ENDOFCHAIN */
	for (size_t i = 0; i < nnames && i < 4; i++) {
		unsigned char *e = dir + 128 * i;
		size_t k = 0;
		for (; names[i][k]; k++)
			e[2 * k] = (unsigned char)names[i][k];
		e[64] = (unsigned char)(2 * (k + 1));
		e[66] = i == 0 ? 5 : 2; /* root storage, stream */
	}
	*len = n;
	return (char *)d;
}

static void test_xlsx__encrypted_workbook(void **state)
{
	static const char *const streams[] = {"EncryptionInfo", "EncryptedPackage", NULL};
	size_t len;
	char *d = ole_file(streams, &len);

	expect_bytes(
		d, len,
		"error encrypted-workbook -1 0:0: the workbook is protected with a password; save "
		"it in your spreadsheet program without a password (File > Save As...)\n");
	free(d);
}

static void test_xlsx__old_xls_file(void **state)
{
	static const char *const streams[] = {"Workbook", "\005SummaryInformation", NULL};
	size_t len;
	char *d = ole_file(streams, &len);

	expect_bytes(
		d, len,
		"error xls-workbook -1 0:0: this file is an old Excel workbook (.xls), which "
		"netmap does not read; open it in your spreadsheet program and save it as Excel "
		"workbook (.xlsx)\n");
	free(d);
}

static void test_xlsx__xls_file_from_libreoffice(void **state)
{
	expect_file(
		"xlsx-renamed-xls.xlsx",
		"error xls-workbook -1 0:0: this file is an old Excel workbook (.xls), which "
		"netmap does not read; open it in your spreadsheet program and save it as Excel "
		"workbook (.xlsx)\n");
}

static void test_xlsx__archive_with_a_zip_password(void **state)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	zip_int64_t idx;
	char *out;
	static const char sheet[] = "<worksheet><sheetData/></worksheet>";

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	zip_file_add(za, "_rels/.rels", zip_source_buffer(za, pkg_rels, strlen(pkg_rels), 0), 0);
	zip_file_add(za, "xl/workbook.xml",
		     zip_source_buffer(za, one_sheet_workbook, strlen(one_sheet_workbook), 0), 0);
	zip_file_add(za, "xl/_rels/workbook.xml.rels",
		     zip_source_buffer(za, one_sheet_rels, strlen(one_sheet_rels), 0), 0);
	idx = zip_file_add(za, "xl/worksheets/sheet1.xml",
			   zip_source_buffer(za, sheet, strlen(sheet), 0), 0);
	assert_true(idx >= 0);
	if (zip_file_set_encryption(za, (zip_uint64_t)idx, ZIP_EM_AES_256, "geheim") != 0) {
		zip_discard(za);
		zip_source_free(src);
		skip();
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	out = malloc(st.size);
	assert_non_null(out);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, out, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	expect_bytes(
		out, st.size,
		"sheet Akteure\n"
		"error encrypted-workbook -1 0:0: the workbook's archive is protected with a "
		"password; save it in your spreadsheet program without a password (File > Save "
		"As...)\n");
	free(out);
}

/* ---- hostile files ------------------------------------------------------ */

static void test_xlsx__truncated_archive(void **state)
{
	char path[512];
	size_t len;
	char *data;

	snprintf(path, sizeof(path), "%s/sheets/xlsx-libreoffice.xlsx", NETMAP_TEST_DATA);
	data = tu_read_file(path, &len);
	assert_non_null(data);
	expect_bytes(data, len / 2,
		     "error bad-zip -1 0:0: this file looks like an Excel workbook, but it is "
		     "incomplete or damaged (its ZIP directory is missing); save it again in your "
		     "spreadsheet program or get a fresh copy\n");
	free(data);
}

static void test_xlsx__damaged_entry(void **state)
{
	static const part parts[] = {
		{"_rels/.rels", pkg_rels, 0},
		{"xl/workbook.xml", one_sheet_workbook, 0},
		{"xl/_rels/workbook.xml.rels", one_sheet_rels, 0},
		{"xl/worksheets/sheet1.xml",
		 "<worksheet><sheetData><row><c><v>12345</v></c></row></sheetData></worksheet>", 0},
		{NULL, NULL, 0}};
	size_t len;
	char *data, *v = NULL;

	stored_part = "xl/worksheets/sheet1.xml";
	data = zip_parts(parts, &len);
	stored_part = NULL;

	for (size_t i = 0; i + 5 <= len && !v; i++)
		if (memcmp(data + i, "12345", 5) == 0)
			v = data + i;

	/* Still well-formed XML, but not the bytes the archive's checksum is of. */
	assert_non_null(v);
	v[0] = '9';
	expect_bytes(
		data, len,
		"sheet Akteure\n"
		"  A1 number=92345\n"
		"error bad-zip -1 0:0: cannot unpack 'xl/worksheets/sheet1.xml' from the "
		"workbook: CRC error; the file is damaged or incomplete: save it again in your "
		"spreadsheet program\n");
	free(data);
}

static void test_xlsx__truncated_xml(void **state)
{
	expect_whole(
		"<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n"
		"<row r=\"2\"><c r=\"A2\"><v>2",
		NULL,
		"sheet Akteure\n"
		"  A1 number=1\n"
		"error bad-xml -1 0:0: the workbook's part 'xl/worksheets/sheet1.xml' is not "
		"well-formed XML (line 2, column 26: no element found); the file is damaged: save "
		"it again in your spreadsheet program\n");
	expect_whole(
		"<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n"
		"<row r=\"2\"><c r=\"A",
		NULL,
		"sheet Akteure\n"
		"  A1 number=1\n"
		"error bad-xml -1 0:0: the workbook's part 'xl/worksheets/sheet1.xml' is not "
		"well-formed XML (line 2, column 12: unclosed token); the file is damaged: save "
		"it again in your spreadsheet program\n");
}

static void test_xlsx__dimension_of_a_whole_sheet_allocates_nothing(void **state)
{
	size_t len;
	char *data;
	static const part parts[] = {
		{"_rels/.rels", pkg_rels, 0},
		{"xl/workbook.xml", one_sheet_workbook, 0},
		{"xl/_rels/workbook.xml.rels", one_sheet_rels, 0},
		{"xl/worksheets/sheet1.xml",
		 "<worksheet><dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1048576\">"
		 "<c r=\"XFD1048576\"><v>1</v></c></row></sheetData></worksheet>",
		 0},
		{NULL, NULL, 0}};

	data = zip_parts(parts, &len);
	expect_bytes(data, len, "sheet Akteure\n  XFD1048576 number=1\n");
	free(data);
}

static void test_xlsx__cell_reference_beyond_the_last_cell(void **state)
{
	static const char beyond[] =
		"the file is damaged or was not made by a spreadsheet program\n";
	char want[1024];

	snprintf(
		want, sizeof(want),
		"sheet Akteure\n"
		"  A1 number=1\n"
		"error cell-out-of-range -1 0:0: the sheet 'Akteure' has a cell 'XFE1', beyond the "
		"last cell a sheet can have (XFD1048576); %s",
		beyond);
	expect_book("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFE1\"><v>2</v></c></row>", NULL,
		    NULL, NULL, want);
	snprintf(
		want, sizeof(want),
		"sheet Akteure\n"
		"error cell-out-of-range -1 0:0: the sheet 'Akteure' has a cell 'A1048577', beyond "
		"the last cell a sheet can have (XFD1048576); %s",
		beyond);
	expect_book("<row r=\"1\"><c r=\"A1048577\"><v>1</v></c></row>", NULL, NULL, NULL, want);
	snprintf(want, sizeof(want),
		 "sheet Akteure\n"
		 "error cell-out-of-range -1 0:0: the sheet 'Akteure' has a row number "
		 "'99999999999999999999', beyond the last cell a sheet can have (XFD1048576); %s",
		 beyond);
	expect_book("<row r=\"99999999999999999999\"><c><v>1</v></c></row>", NULL, NULL, NULL,
		    want);
	snprintf(want, sizeof(want),
		 "sheet Akteure\n"
		 "error cell-out-of-range -1 0:0: the sheet 'Akteure' has a row number '1048577', "
		 "beyond the last cell a sheet can have (XFD1048576); %s",
		 beyond);
	expect_book("<row r=\"1048576\"/><row><c><v>1</v></c></row>", NULL, NULL, NULL, want);
	snprintf(
		want, sizeof(want),
		"sheet Akteure\n"
		"error cell-out-of-range -1 0:0: the sheet 'Akteure' has a cell 'A1048577', beyond "
		"the last cell a sheet can have (XFD1048576); %s",
		beyond);
	expect_book("<row r=\"1048576\"/><c><v>1</v></c>", NULL, NULL, NULL, want);
	snprintf(
		want, sizeof(want),
		"sheet Akteure\n"
		"  XFD3 number=1\n"
		"error cell-out-of-range -1 0:0: the sheet 'Akteure' has a cell 'XFE3', beyond the "
		"last cell a sheet can have (XFD1048576); %s",
		beyond);
	expect_book("<row r=\"3\"><c r=\"XFD3\"><v>1</v></c><c><v>2</v></c></row>", NULL, NULL,
		    NULL, want);
	expect_book(
		"<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", NULL, NULL, NULL,
		"sheet Akteure\n"
		"error bad-cell-ref -1 0:0: the sheet 'Akteure' has a cell '1A', which is not a "
		"cell reference; the file is damaged: save it again in your spreadsheet program\n");
	expect_book(
		"<row r=\"0\"/>", NULL, NULL, NULL,
		"sheet Akteure\n"
		"error bad-cell-ref -1 0:0: the sheet 'Akteure' has a row number '0', which is not "
		"a cell reference; the file is damaged: save it again in your spreadsheet program\n");
}

static void test_xlsx__billion_laughs(void **state)
{
	nm_buf b = NM_BUF_INIT;

	nm_buf_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [\n <!ENTITY lol \"lol\">\n");
	for (int i = 1; i < 10; i++) {
		nm_buf_printf(&b, " <!ENTITY lol%d \"", i);
		for (int k = 0; k < 10; k++)
			nm_buf_printf(&b, "&lol%s;",
				      i == 1 ? "" : (char[2]){(char)('0' + i - 1), 0});
		nm_buf_puts(&b, "\">\n");
	}
	nm_buf_puts(&b, "]>\n<sst><si><t>&lol9;</t></si></sst>");
	expect_whole(
		"<worksheet><sheetData><row><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
		b.ptr,
		"sheet Akteure\n"
		"error xml-dtd -1 0:0: the workbook's part 'xl/sharedStrings.xml' holds a document "
		"type declaration (<!DOCTYPE>), which workbooks never have; netmap reads no DTD and "
		"expands no entities, and does not read this file\n");
	nm_buf_release(&b);
}

static void test_xlsx__external_entity_is_not_read(void **state)
{
	static const char want[] =
		"sheet Akteure\n"
		"error xml-dtd -1 0:0: the workbook's part 'xl/worksheets/sheet1.xml' holds a document "
		"type declaration (<!DOCTYPE>), which workbooks never have; netmap reads no DTD and "
		"expands no entities, and does not read this file\n";

	expect_whole("<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		     "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is></c></row>"
		     "</sheetData></worksheet>",
		     NULL, want);
	/* A parameter entity that would load an external DTD. */
	expect_whole("<!DOCTYPE worksheet [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
		     "<worksheet/>",
		     NULL, want);
	/* An entity never declared is an XML error, not an empty text. */
	expect_whole(
		"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is></c></row>"
		"</sheetData></worksheet>",
		NULL,
		"sheet Akteure\n"
		"error bad-xml -1 0:0: the workbook's part 'xl/worksheets/sheet1.xml' is not "
		"well-formed XML (line 1, column 52: undefined entity); the file is damaged: save "
		"it again in your spreadsheet program\n");
}

static void test_xlsx__external_dtd_is_not_loaded(void **state)
{
	expect_whole(
		"<?xml version=\"1.0\"?><!DOCTYPE worksheet SYSTEM \"http://example.invalid/x.dtd\">"
		"<worksheet><sheetData/></worksheet>",
		NULL,
		"sheet Akteure\n"
		"error xml-dtd -1 0:0: the workbook's part 'xl/worksheets/sheet1.xml' holds a document "
		"type declaration (<!DOCTYPE>), which workbooks never have; netmap reads no DTD and "
		"expands no entities, and does not read this file\n");
}

/* Set the uncompressed size that the archive declares for the entry name. */
static void declare_size(char *data, size_t len, const char *name, uint32_t size)
{
	size_t n = strlen(name);
	int patched = 0;

	for (size_t i = 0; i + 46 + n <= len; i++) {
		unsigned char *p = (unsigned char *)data + i;
		size_t at;
		if (memcmp(p, "PK\x01\x02", 4) == 0 && memcmp(p + 46, name, n) == 0)
			at = 24; /* central directory */
		else if (memcmp(p, "PK\x03\x04", 4) == 0 && memcmp(p + 30, name, n) == 0)
			at = 22; /* local header */
		else
			continue;
		for (int k = 0; k < 4; k++)
			p[at + k] = (unsigned char)(size >> (8 * k));
		patched++;
	}
	assert_int_equal(patched, 2);
}

/*
 * 120 sheets that are all one part of 10 MiB of white space, which
 * deflates to about 10 KB: a 10 KB file that unpacks to over a gigabyte.
 */
static char *bomb(size_t *len)
{
	nm_buf wb = NM_BUF_INIT, rels = NM_BUF_INIT, sheet = NM_BUF_INIT;
	part parts[5];
	char *out;

	nm_buf_puts(&wb, "<workbook xmlns:r=\"" NS_REL "\"><sheets>");
	for (int i = 1; i <= 120; i++)
		nm_buf_printf(&wb, "<sheet name=\"S%d\" sheetId=\"%d\" r:id=\"rId1\"/>", i, i);
	nm_buf_puts(&wb, "</sheets></workbook>");
	nm_buf_puts(&rels,
		    "<Relationships><Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" "
		    "Target=\"worksheets/sheet1.xml\"/></Relationships>");
	nm_buf_puts(&sheet, "<worksheet><sheetData>");
	nm_buf_grow(&sheet, 10u << 20);
	memset(sheet.ptr + sheet.len, ' ', 10u << 20);
	sheet.len += 10u << 20;
	nm_buf_puts(&sheet, "</sheetData></worksheet>");
	parts[0] = (part){"_rels/.rels", pkg_rels, 0};
	parts[1] = (part){"xl/workbook.xml", wb.ptr, 0};
	parts[2] = (part){"xl/_rels/workbook.xml.rels", rels.ptr, 0};
	parts[3] = (part){"xl/worksheets/sheet1.xml", sheet.ptr, sheet.len};
	parts[4] = (part){NULL, NULL, 0};
	out = zip_parts(parts, len);
	nm_buf_release(&wb);
	nm_buf_release(&rels);
	nm_buf_release(&sheet);
	return out;
}

static const char bomb_error[] =
	"error zip-bomb -1 0:0: the workbook would unpack to more than 1024 MiB (reading "
	"'xl/worksheets/sheet1.xml'); it may be a zip bomb, a file made to exhaust memory, and is "
	"not read\n";

/* The dump's problem lines only. */
static char *problems_of(const char *data, size_t len)
{
	char *d = read_bytes(data, len, NULL), *p = strstr(d, "error ");
	char *out = strdup(p ? p : "");
	free(d);
	return out;
}

static void test_xlsx__zip_bomb_is_stopped_by_counting_inflated_bytes(void **state)
{
	size_t len;
	char *data = bomb(&len), *got;

	assert_true(len < 100 * 1024);
	/*
	 * The archive says each sheet unpacks to 100 bytes: the inflated bytes
	 * are counted all the same, and reading stops at the budget (this
	 * inflates a whole gigabyte: about ten seconds).
	 */
	declare_size(data, len, "xl/worksheets/sheet1.xml", 100);
	time_limit = 60.0;
	got = problems_of(data, len);
	time_limit = TIME_LIMIT;
	assert_string_equal(got, bomb_error);
	free(got);
	/* A declared size over the budget is refused before a byte is inflated. */
	declare_size(data, len, "xl/worksheets/sheet1.xml", 0xFFFFFFF0u);
	got = problems_of(data, len);
	assert_string_equal(got, bomb_error);
	free(got);
	free(data);
}

static void test_xlsx__thousands_of_entries(void **state)
{
	part *parts = calloc(NM_BOOK_MAX_ENTRIES + 2, sizeof(*parts));
	char(*names)[16] = calloc(NM_BOOK_MAX_ENTRIES + 1, sizeof(*names));
	size_t len;
	char *data;

	assert_non_null(parts);
	assert_non_null(names);
	for (size_t i = 0; i <= NM_BOOK_MAX_ENTRIES; i++) {
		snprintf(names[i], sizeof(names[i]), "e%zu", i);
		parts[i] = (part){names[i], "x", 0};
	}
	data = zip_parts(parts, &len);
	expect_bytes(
		data, len,
		"error too-many-entries -1 0:0: the workbook's archive holds 10001 entries, more "
		"than the 10000 a workbook may have; it is not read\n");
	free(data);
	free(parts);
	free(names);
}

static void test_xlsx__too_many_sheets(void **state)
{
	nm_buf wb = NM_BUF_INIT;
	part parts[4];
	size_t len;
	char *data, *got;

	nm_buf_puts(&wb, "<workbook><sheets>");
	for (unsigned i = 0; i <= NM_BOOK_MAX_SHEETS; i++)
		nm_buf_printf(&wb, "<sheet name=\"S%u\" r:id=\"rId1\"/>", i);
	nm_buf_puts(&wb, "</sheets></workbook>");
	parts[0] = (part){"_rels/.rels", pkg_rels, 0};
	parts[1] = (part){"xl/workbook.xml", wb.ptr, 0};
	parts[2] = (part){"xl/_rels/workbook.xml.rels", one_sheet_rels, 0};
	parts[3] = (part){NULL, NULL, 0};
	data = zip_parts(parts, &len);
	got = problems_of(data, len);
	assert_string_equal(got, "error too-many-sheets -1 0:0: the workbook has more than 1000 "
				 "sheets, more than netmap reads\n");
	free(got);
	free(data);
	nm_buf_release(&wb);
}

static void test_xlsx__cell_text_over_the_budget(void **state)
{
	nm_buf b = NM_BUF_INIT;

	nm_buf_puts(&b, "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>");
	for (size_t i = 0; i < NM_BOOK_MAX_CELL_BYTES / 16; i++)
		nm_buf_puts(&b, "0123456789abcdef");
	nm_buf_puts(&b, "</t><r><t>!</t></r></is></c><c r=\"C3\"><v>1</v></c></row>");
	expect_book(
		b.ptr, NULL, NULL, NULL,
		"sheet Akteure\n"
		"  C3 number=1\n"
		"error cell-too-long 0 3:2: the cell B3 holds more than 1048576 bytes of text, more "
		"than a cell may hold\n");
	nm_buf_clear(&b);
	nm_buf_puts(&b, "<si><t>a</t></si><si><t>");
	for (size_t i = 0; i < NM_BOOK_MAX_CELL_BYTES / 16 + 1; i++)
		nm_buf_puts(&b, "0123456789abcdef");
	nm_buf_puts(&b, "</t></si>");
	expect_book(
		"", b.ptr, NULL, NULL,
		"sheet Akteure\n"
		"error cell-too-long -1 0:0: the shared string 1 of the workbook is longer than "
		"1048576 bytes, more than a cell may hold\n");
	nm_buf_release(&b);
}

static void test_xlsx__one_enormous_tag_is_stopped(void **state)
{
	nm_buf b = NM_BUF_INIT;

	nm_buf_puts(&b, "<worksheet><sheetData><row><c r=\"A1\"><v>1</v></c></row></sheetData>"
			"<x a=\"");
	nm_buf_grow(&b, 17u << 20);
	memset(b.ptr + b.len, 'a', 17u << 20);
	b.len += 17u << 20;
	nm_buf_puts(&b, "\"/></worksheet>");
	{
		part parts[] = {{"_rels/.rels", pkg_rels, 0},
				{"xl/workbook.xml", one_sheet_workbook, 0},
				{"xl/_rels/workbook.xml.rels", one_sheet_rels, 0},
				{"xl/worksheets/sheet1.xml", b.ptr, b.len},
				{NULL, NULL, 0}};
		expect_parts(
			parts,
			"sheet Akteure\n"
			"  A1 number=1\n"
			"error xml-too-big -1 0:0: the workbook's part 'xl/worksheets/sheet1.xml' "
			"holds an XML tag or comment longer than 16 MiB, which no workbook needs; the "
			"file is not read\n");
	}
	nm_buf_release(&b);
}

static void test_xlsx__deep_nesting_is_stopped(void **state)
{
	nm_buf b = NM_BUF_INIT;

	/* A million open elements (3 MB) would cost expat about 140 MB. */
	nm_buf_puts(&b, "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData>");
	for (int i = 0; i < 1000000; i++)
		nm_buf_puts(&b, "<a>");
	{
		part parts[] = {{"_rels/.rels", pkg_rels, 0},
				{"xl/workbook.xml", one_sheet_workbook, 0},
				{"xl/_rels/workbook.xml.rels", one_sheet_rels, 0},
				{"xl/worksheets/sheet1.xml", b.ptr, b.len},
				{NULL, NULL, 0}};
		expect_parts(
			parts,
			"sheet Akteure\n"
			"  A1 number=1\n"
			"error xml-too-deep -1 0:0: the workbook's part 'xl/worksheets/sheet1.xml' "
			"nests XML elements more than 256 deep, which no workbook needs; the file is "
			"not read\n");
	}
	nm_buf_release(&b);
	/* 256 levels (the worksheet and 255 more) are read. */
	nm_buf_puts(&b, "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData>");
	for (int i = 0; i < 255; i++)
		nm_buf_puts(&b, "<a>");
	for (int i = 0; i < 255; i++)
		nm_buf_puts(&b, "</a>");
	nm_buf_puts(&b, "</worksheet>");
	expect_whole(b.ptr, NULL, "sheet Akteure\n  A1 number=1\n");
	nm_buf_release(&b);
}

static void test_xlsx__cell_budget_of_a_sheet(void **state)
{
	nm_buf b = NM_BUF_INIT;
	const size_t per_row = NM_BOOK_MAX_COLS;
	size_t rows = NM_BOOK_MAX_CELLS / per_row + 1;

	/* 5,013,504 cells of one digit each. */
	for (size_t r = 0; r < rows; r++) {
		nm_buf_puts(&b, "<row>");
		for (size_t c = 0; c < per_row; c++)
			nm_buf_puts(&b, "<c><v>1</v></c>");
		nm_buf_puts(&b, "</row>");
	}
	{
		size_t len;
		char *data = book_of(b.ptr, NULL, NULL, NULL, &len), *got;
		nm_buf_release(&b);
		time_limit = 60.0; /* five million cells under ASan */
		got = problems_of(data, len);
		time_limit = TIME_LIMIT;
		/* Cell 5,000,001 is the 5,000,001 - 305 * 16384 = 2,881st of row 306. */
		assert_string_equal(got,
				    "error too-many-cells 0 306:2881: the sheet 'Akteure' holds "
				    "more than 5000000 non-empty cells, more than netmap reads; "
				    "the rest of the file is not read (from DFU306 on)\n");
		free(got);
		free(data);
	}
}

int main(void)

{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx__openpyxl_file),
		cmocka_unit_test(test_xlsx__libreoffice_file),
		cmocka_unit_test(test_xlsx__1904_file),
		cmocka_unit_test(test_xlsx__shared_strings_plain_rich_and_phonetic),
		cmocka_unit_test(test_xlsx__inline_strings_and_rich_runs),
		cmocka_unit_test(test_xlsx__skipped_cells_and_rows_take_the_next_position),
		cmocka_unit_test(test_xlsx__cells_out_of_order_are_sorted),
		cmocka_unit_test(test_xlsx__numbers_booleans_errors_and_formulas),
		cmocka_unit_test(test_xlsx__long_values_are_cut_in_the_reasons),
		cmocka_unit_test(test_xlsx__dates_from_formats_built_in_and_custom),
		cmocka_unit_test(test_xlsx__date_serials_of_the_1900_system),
		cmocka_unit_test(test_xlsx__date_serials_of_the_1904_system),
		cmocka_unit_test(test_xlsx__iso_date_cells_give_their_date_part),
		cmocka_unit_test(test_xlsx__merged_cells),
		cmocka_unit_test(test_xlsx__sheets_in_workbook_order_hidden_ones_too),
		cmocka_unit_test(test_xlsx__prefixed_element_names),
		cmocka_unit_test(test_xlsx__workbook_found_without_package_relationships),
		cmocka_unit_test(test_xlsx__workbook_named_by_the_package_relationships),
		cmocka_unit_test(test_xlsx__sheet_whose_part_is_missing),
		cmocka_unit_test(test_xlsx__csv_renamed_xlsx),
		cmocka_unit_test(test_xlsx__ods_renamed_xlsx),
		cmocka_unit_test(test_xlsx__zip_without_a_workbook),
		cmocka_unit_test(test_xlsx__encrypted_workbook),
		cmocka_unit_test(test_xlsx__old_xls_file),
		cmocka_unit_test(test_xlsx__xls_file_from_libreoffice),
		cmocka_unit_test(test_xlsx__archive_with_a_zip_password),
		cmocka_unit_test(test_xlsx__truncated_archive),
		cmocka_unit_test(test_xlsx__damaged_entry),
		cmocka_unit_test(test_xlsx__truncated_xml),
		cmocka_unit_test(test_xlsx__dimension_of_a_whole_sheet_allocates_nothing),
		cmocka_unit_test(test_xlsx__cell_reference_beyond_the_last_cell),
		cmocka_unit_test(test_xlsx__billion_laughs),
		cmocka_unit_test(test_xlsx__external_entity_is_not_read),
		cmocka_unit_test(test_xlsx__external_dtd_is_not_loaded),
		cmocka_unit_test(test_xlsx__zip_bomb_is_stopped_by_counting_inflated_bytes),
		cmocka_unit_test(test_xlsx__thousands_of_entries),
		cmocka_unit_test(test_xlsx__too_many_sheets),
		cmocka_unit_test(test_xlsx__cell_text_over_the_budget),
		cmocka_unit_test(test_xlsx__one_enormous_tag_is_stopped),
		cmocka_unit_test(test_xlsx__deep_nesting_is_stopped),
		cmocka_unit_test(test_xlsx__cell_budget_of_a_sheet),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
