/*
 * test_csv.c: the CSV reader (contract 6.5): delimiters, quoting, line
 * endings, encodings, positions in characters, and the budgets, on bytes
 * written here and on files saved by LibreOffice and in Excel's style.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "netmap/book.h"
#include "netmap/common.h"
#include "testutil.h"

/* Read n bytes as the CSV file "Akteure.csv" into *book. */
static int read_n(nm_book *book, const char *data, size_t n)
{
	nm_book_init(book);
	return nm_csv_read(data, n, "Akteure", book);
}

static int read_s(nm_book *book, const char *data)
{
	return read_n(book, data, strlen(data));
}

#define CELL(b, i, r, c, ln, lc, txt) \
	do { \
		const nm_cell *cell_ = &(b)->sheets[0].cells[i]; \
		assert_true((i) < (b)->sheets[0].ncells); \
		assert_string_equal(cell_->text, (txt)); \
		assert_int_equal(cell_->row, (r)); \
		assert_int_equal(cell_->col, (c)); \
		assert_int_equal(cell_->line, (ln)); \
		assert_int_equal(cell_->lcol, (lc)); \
		assert_int_equal(cell_->type, NM_CELL_TEXT); \
	} while (0)

#define PROBLEM(b, i, sev, rl, sh, r, c, msg) \
	do { \
		const nm_book_problem *p_ = &(b)->problems[i]; \
		assert_true((i) < (b)->nproblems); \
		assert_int_equal(p_->severity, (sev)); \
		assert_string_equal(p_->rule, (rl)); \
		assert_int_equal(p_->sheet, (sh)); \
		assert_int_equal(p_->row, (r)); \
		assert_int_equal(p_->col, (c)); \
		assert_string_equal(p_->message, (msg)); \
	} while (0)

/* The text of the cell at (row, col), or NULL. */
static const char *at(const nm_book *b, uint32_t row, uint32_t col)
{
	const nm_cell *c = nm_sheet_cell(&b->sheets[0], row, col);
	return c ? c->text : NULL;
}

static void test_csv__comma_separated_cells_with_positions(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "id,name\ncaritas,Caritas\n"), NM_OK);
	assert_int_equal(b.nsheets, 1);
	assert_string_equal(b.sheets[0].name, "Akteure");
	assert_int_equal(b.sheets[0].ncells, 4);
	assert_int_equal(b.nproblems, 0);
	CELL(&b, 0, 1, 1, 1, 1, "id");
	CELL(&b, 1, 1, 2, 1, 4, "name");
	CELL(&b, 2, 2, 1, 2, 1, "caritas");
	CELL(&b, 3, 2, 2, 2, 9, "Caritas");
	nm_book_release(&b);
}

static void test_csv__semicolon_separated(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "Name;Art\nCaritas, K;Verband"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 4);
	CELL(&b, 2, 2, 1, 2, 1, "Caritas, K");
	CELL(&b, 3, 2, 2, 2, 12, "Verband");
	nm_book_release(&b);
}

static void test_csv__tab_separated(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "Name\tArt\nA, B; C\tVerein\n"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 4);
	CELL(&b, 2, 2, 1, 2, 1, "A, B; C");
	CELL(&b, 3, 2, 2, 2, 9, "Verein");
	nm_book_release(&b);
}

static void test_csv__text_is_kept_as_stored(void **state)
{
	nm_book b;

	(void)state;
	/* Not trimmed; a quote inside an unquoted cell is literal; ~ is text. */
	assert_int_equal(read_s(&b, " a ;5\" Rohr;x\"y\"; \"q\";~"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 5);
	CELL(&b, 0, 1, 1, 1, 1, " a ");
	CELL(&b, 1, 1, 2, 1, 5, "5\" Rohr");
	CELL(&b, 2, 1, 3, 1, 13, "x\"y\"");
	CELL(&b, 3, 1, 4, 1, 18, " \"q\"");
	CELL(&b, 4, 1, 5, 1, 23, "~");
	nm_book_release(&b);
}

static void test_csv__empty_fields_are_no_cells(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "a;;\"\";d;\n;;\n"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 2);
	CELL(&b, 0, 1, 1, 1, 1, "a");
	CELL(&b, 1, 1, 4, 1, 7, "d");
	nm_book_release(&b);
}

static void test_csv__sep_line_sets_the_delimiter_and_is_no_row(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "sep=,\r\nName;x,y\r\nz\r\n"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 3);
	CELL(&b, 0, 1, 1, 2, 1, "Name;x");
	CELL(&b, 1, 1, 2, 2, 8, "y");
	CELL(&b, 2, 2, 1, 3, 1, "z");
	nm_book_release(&b);

	assert_int_equal(read_s(&b, "sep=|\na|b;c"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 2);
	CELL(&b, 1, 1, 2, 2, 3, "b;c");
	nm_book_release(&b);

	assert_int_equal(read_s(&b, "SEP=\t\na\tb"), NM_OK);
	CELL(&b, 1, 1, 2, 2, 3, "b");
	nm_book_release(&b);

	/* Only the line itself: no rows at all. */
	assert_int_equal(read_s(&b, "sep=;"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 0);
	nm_book_release(&b);
}

static void test_csv__sep_line_without_one_delimiter_is_an_error(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "sep=;;\na;b"), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-sep", 0, 1, 5,
		"the first line 'sep=' must name one delimiter, such as 'sep=;' or 'sep=,'");
	nm_book_release(&b);

	assert_int_equal(read_s(&b, "sep=\n"), NM_EINVALID);
	assert_int_equal(b.errors, 1);
	nm_book_release(&b);
}

static void test_csv__delimiter_is_the_most_frequent(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "a,b,c;d\n"), NM_OK);
	assert_string_equal(at(&b, 1, 3), "c;d");
	nm_book_release(&b);

	assert_int_equal(read_s(&b, "a\tb\tc,d;e\n"), NM_OK);
	assert_string_equal(at(&b, 1, 3), "c,d;e");
	nm_book_release(&b);
}

static void test_csv__delimiter_ties_prefer_semicolon_then_comma(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "a,b;c\n"), NM_OK);
	assert_string_equal(at(&b, 1, 1), "a,b");
	assert_string_equal(at(&b, 1, 2), "c");
	nm_book_release(&b);

	assert_int_equal(read_s(&b, "a\tb;c\n"), NM_OK);
	assert_string_equal(at(&b, 1, 1), "a\tb");
	nm_book_release(&b);

	assert_int_equal(read_s(&b, "a\tb,c\n"), NM_OK);
	assert_string_equal(at(&b, 1, 1), "a\tb");
	assert_string_equal(at(&b, 1, 2), "c");
	nm_book_release(&b);

	assert_int_equal(read_s(&b, "a;b,c\td\n"), NM_OK);
	assert_string_equal(at(&b, 1, 2), "b,c\td");
	nm_book_release(&b);
}

static void test_csv__delimiter_from_first_line_holding_one_outside_quotes(void **state)
{
	nm_book b;

	(void)state;
	/* A title line without any, then a quoted cell full of commas. */
	assert_int_equal(read_s(&b, "Akteure 2026\n\"a,b,c\";d\ne,f;g\n"), NM_OK);
	assert_string_equal(at(&b, 1, 1), "Akteure 2026");
	assert_string_equal(at(&b, 2, 1), "a,b,c");
	assert_string_equal(at(&b, 2, 2), "d");
	assert_string_equal(at(&b, 3, 1), "e,f");
	nm_book_release(&b);

	/* None anywhere: one column. */
	assert_int_equal(read_s(&b, "a b\n\"c;d\"\n"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 2);
	assert_string_equal(at(&b, 2, 1), "c;d");
	nm_book_release(&b);
}

static void test_csv__quoted_cells_hold_delimiters_quotes_and_line_breaks(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "\"a;b\";\"say \"\"hi\"\"\";\"line1\nline2\r\nline3\";x\n"
				    "next;\"q\"\n"),
			 NM_OK);
	assert_int_equal(b.sheets[0].ncells, 6);
	CELL(&b, 0, 1, 1, 1, 1, "a;b");
	CELL(&b, 1, 1, 2, 1, 7, "say \"hi\"");
	CELL(&b, 2, 1, 3, 1, 20, "line1\nline2\r\nline3");
	/* Cells after a multi-line cell: on its last line. */
	CELL(&b, 3, 1, 4, 3, 8, "x");
	CELL(&b, 4, 2, 1, 4, 1, "next");
	CELL(&b, 5, 2, 2, 4, 6, "q");
	nm_book_release(&b);
}

static void test_csv__mixed_line_endings(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "a;1\r\nb;2\rc;3\nd;4\r\n"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 8);
	CELL(&b, 2, 2, 1, 2, 1, "b");
	CELL(&b, 4, 3, 1, 3, 1, "c");
	CELL(&b, 7, 4, 2, 4, 3, "4");
	nm_book_release(&b);

	/* A CR inside a quoted cell counts as a line too. */
	assert_int_equal(read_s(&b, "\"x\ry\";z\r\"w\""), NM_OK);
	CELL(&b, 0, 1, 1, 1, 1, "x\ry");
	CELL(&b, 1, 1, 2, 2, 4, "z");
	CELL(&b, 2, 2, 1, 3, 1, "w");
	nm_book_release(&b);
}

static void test_csv__final_line_break_and_empty_lines_make_no_cells(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "a\n"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 1);
	nm_book_release(&b);

	/* An empty line is a row without cells: rows as a spreadsheet shows them. */
	assert_int_equal(read_s(&b, "\na\n\r\n\rb\n\n"), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 2);
	CELL(&b, 0, 2, 1, 2, 1, "a");
	CELL(&b, 1, 5, 1, 5, 1, "b");
	nm_book_release(&b);

	assert_int_equal(read_n(&b, "", 0), NM_OK);
	assert_int_equal(b.nsheets, 1);
	assert_int_equal(b.sheets[0].ncells, 0);
	assert_int_equal(b.nproblems, 0);
	nm_book_release(&b);
}

static void test_csv__columns_count_characters_not_bytes(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "Gr\xc3\xb6\xc3\x9f"
				    "e;Ma\xc3\x9f;\xe2\x82\xac\n"
				    "\"\xc3\x9c\";x;\xf0\x9f\x98\x80;y\n"),
			 NM_OK);
	CELL(&b, 1, 1, 2, 1, 7, "Ma\xc3\x9f");
	CELL(&b, 2, 1, 3, 1, 11, "\xe2\x82\xac");
	CELL(&b, 4, 2, 2, 2, 5, "x");
	CELL(&b, 6, 2, 4, 2, 9, "y");
	nm_book_release(&b);
}

static void test_csv__utf8_bom_is_not_counted(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "\xef\xbb\xbfName;Art\n\xc3\x9c"
				    "ber;x"),
			 NM_OK);
	assert_int_equal(b.nproblems, 0);
	CELL(&b, 0, 1, 1, 1, 1, "Name");
	CELL(&b, 1, 1, 2, 1, 6, "Art");
	CELL(&b, 2, 2, 1, 2, 1,
	     "\xc3\x9c"
	     "ber");
	CELL(&b, 3, 2, 2, 2, 6, "x");
	nm_book_release(&b);

	/* sep= after the mark. */
	assert_int_equal(read_s(&b, "\xef\xbb\xbfsep=,\na;b,c"), NM_OK);
	CELL(&b, 1, 1, 2, 2, 5, "c");
	nm_book_release(&b);
}

/* s (Latin-1 code points, or \x01 for U+1F600) as UTF-16 with a byte-order mark. */
static char *utf16(const char *s, int big_endian, size_t *len)
{
	size_t n = strlen(s), k = 0;
	char *out = malloc(4 * n + 2);
	unsigned units[2];

	assert_non_null(out);
	out[k++] = big_endian ? '\xFE' : '\xFF';
	out[k++] = big_endian ? '\xFF' : '\xFE';
	for (size_t i = 0; i < n; i++) {
		size_t nu = 1;
		units[0] = (unsigned char)s[i];
		if (s[i] == '\x01') {
			units[0] = 0xD83D;
			units[1] = 0xDE00;
			nu = 2;
		}
		for (size_t u = 0; u < nu; u++) {
			out[k++] = (char)(big_endian ? units[u] >> 8 : units[u] & 0xFF);
			out[k++] = (char)(big_endian ? units[u] & 0xFF : units[u] >> 8);
		}
	}
	*len = k;
	return out;
}

static void test_csv__utf16_le_with_bom_as_excel_unicode_text(void **state)
{
	nm_book b;
	size_t n;
	char *data = utf16("Name\tArt\r\nM\xfcller\t\x01 x\r\n", 0, &n);

	(void)state;
	assert_int_equal(read_n(&b, data, n), NM_OK);
	assert_int_equal(b.nproblems, 0);
	assert_int_equal(b.sheets[0].ncells, 4);
	CELL(&b, 1, 1, 2, 1, 6, "Art");
	CELL(&b, 2, 2, 1, 2, 1, "M\xc3\xbcller");
	CELL(&b, 3, 2, 2, 2, 8, "\xf0\x9f\x98\x80 x");
	nm_book_release(&b);
	free(data);
}

static void test_csv__utf16_be_with_bom(void **state)
{
	nm_book b;
	size_t n;
	char *data = utf16("a;\xe4\n\"\xf6\";\x01", 1, &n);

	(void)state;
	assert_int_equal(read_n(&b, data, n), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 4);
	CELL(&b, 1, 1, 2, 1, 3, "\xc3\xa4");
	CELL(&b, 2, 2, 1, 2, 1, "\xc3\xb6");
	CELL(&b, 3, 2, 2, 2, 5, "\xf0\x9f\x98\x80");
	nm_book_release(&b);
	free(data);
}

static void test_csv__broken_utf16_is_an_error_where_it_breaks(void **state)
{
	nm_book b;
	/* "ab\nc" then a lone low surrogate. */
	static const char lone[] = "\xFF\xFE"
				   "a\0b\0\n\0c\0\x00\xDC";
	/* An odd number of bytes: the text ends inside a character. */
	static const char odd[] = "\xFE\xFF\0a\0;\0b\0";

	(void)state;
	assert_int_equal(read_n(&b, lone, sizeof(lone) - 1), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-encoding", 0, 2, 2,
		"broken UTF-16LE text, although the file begins as UTF-16LE; save the file "
		"again as 'CSV UTF-8'");
	nm_book_release(&b);

	assert_int_equal(read_n(&b, odd, sizeof(odd) - 1), NM_EINVALID);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-encoding", 0, 1, 4,
		"broken UTF-16BE text, although the file begins as UTF-16BE; save the file "
		"again as 'CSV UTF-8'");
	nm_book_release(&b);
}

static void test_csv__windows_1252_is_read_with_one_warning(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "Name;Ort\nM\xfcller;K\xf6ln \x80\n\xc4rger;x\n"), NM_OK);
	assert_int_equal(b.errors, 0);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_WARNING, "csv-encoding", -1, 0, 0,
		"the file is not UTF-8; netmap read it as Windows-1252 (Western European), "
		"so some characters may be wrong; save it as 'CSV UTF-8' to be sure");
	CELL(&b, 2, 2, 1, 2, 1, "M\xc3\xbcller");
	CELL(&b, 3, 2, 2, 2, 8, "K\xc3\xb6ln \xe2\x82\xac");
	CELL(&b, 4, 3, 1, 3, 1, "\xc3\x84rger");
	CELL(&b, 5, 3, 2, 3, 7, "x");
	nm_book_release(&b);
}

static void test_csv__windows_1252_text_may_triple_in_utf8(void **state)
{
	nm_book b;
	char s[3001];

	(void)state;
	memset(s, '\x80', 3000); /* each one a euro sign, three bytes in UTF-8 */
	s[3000] = '\0';
	assert_int_equal(read_s(&b, s), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 1);
	assert_int_equal(strlen(b.sheets[0].cells[0].text), 9000);
	assert_memory_equal(b.sheets[0].cells[0].text + 8997, "\xe2\x82\xac", 3);
	nm_book_release(&b);
}

static void test_csv__bytes_windows_1252_does_not_define_are_an_error(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "M\xfcller;a\nb;c\x81"), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-encoding", 0, 2, 4,
		"byte 0x81 is neither UTF-8 nor Windows-1252 text; save the file as 'CSV UTF-8'");
	nm_book_release(&b);
}

static void test_csv__invalid_utf8_after_utf8_bom_is_an_error_there(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "\xef\xbb\xbf\xc3\xa4;b\n\xc3\xbc;M\xfcller"), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-encoding", 0, 2, 4,
		"byte 0xFC is not UTF-8, although the file begins as UTF-8; save the file "
		"again as 'CSV UTF-8'");
	nm_book_release(&b);

	/* A surrogate written as UTF-8 is not UTF-8 either. */
	assert_int_equal(read_s(&b, "\xef\xbb\xbfx\xed\xa0\x80"), NM_EINVALID);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-encoding", 0, 1, 2,
		"byte 0xED is not UTF-8, although the file begins as UTF-8; save the file "
		"again as 'CSV UTF-8'");
	nm_book_release(&b);
}

static void test_csv__nul_byte_is_an_error_at_its_position(void **state)
{
	nm_book b;
	static const char data[] = "a;\xc3\xa4\nbc;d\0e";
	size_t n;
	char *u16 = utf16("ab\n\xe4", 0, &n);

	(void)state;
	assert_int_equal(read_n(&b, data, sizeof(data) - 1), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-nul", 0, 2, 5,
		"NUL byte (a zero byte) in the file, which text never holds; save the file "
		"as 'CSV UTF-8'");
	nm_book_release(&b);

	u16[n - 2] = '\0'; /* U+00E4 becomes U+0000 */
	assert_int_equal(read_n(&b, u16, n), NM_EINVALID);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-nul", 0, 2, 1,
		"NUL byte (a zero byte) in the file, which text never holds; save the file "
		"as 'CSV UTF-8'");
	nm_book_release(&b);
	free(u16);
}

static void test_csv__unclosed_quote_is_an_error_where_it_opened(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "a;b\n\xc3\xa4;\"open\nmore;x\n"), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-quote", 0, 2, 3,
		"the quote that opens this cell is never closed; end the cell with '\"' and "
		"write each quote inside it twice (\"\")");
	nm_book_release(&b);

	/* A doubled quote at the very end does not close the cell. */
	assert_int_equal(read_s(&b, "\"a\"\""), NM_EINVALID);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-quote", 0, 1, 1,
		"the quote that opens this cell is never closed; end the cell with '\"' and "
		"write each quote inside it twice (\"\")");
	nm_book_release(&b);
}

static void test_csv__text_after_closing_quote_is_an_error_at_that_character(void **state)
{
	nm_book b;

	(void)state;
	assert_int_equal(read_s(&b, "x;y\n\xc3\xa4;\"b\"c;d\n"), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-quote", 0, 2, 6,
		"text after the closing quote of the cell at line 2, column 3; put the whole "
		"cell in quotes and write each quote inside it twice (\"\")");
	nm_book_release(&b);

	/* After a multi-line cell: the line and column of the character. */
	assert_int_equal(read_s(&b, "\"a\nbc\" d"), NM_EINVALID);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-quote", 0, 2, 4,
		"text after the closing quote of the cell at line 1, column 1; put the whole "
		"cell in quotes and write each quote inside it twice (\"\")");
	nm_book_release(&b);
}

/* n fields "a" joined by d, then a line break. */
static char *fields(size_t n, char d)
{
	char *s = malloc(2 * n + 1);

	assert_non_null(s);
	for (size_t i = 0; i < n; i++) {
		s[2 * i] = 'a';
		s[2 * i + 1] = d;
	}
	s[2 * n - 1] = '\n';
	s[2 * n] = '\0';
	return s;
}

static void test_csv__columns_up_to_the_budget_are_read(void **state)
{
	nm_book b;
	char *s = fields(NM_BOOK_MAX_COLS, ',');

	(void)state;
	assert_int_equal(read_s(&b, s), NM_OK);
	assert_int_equal(b.sheets[0].ncells, NM_BOOK_MAX_COLS);
	CELL(&b, NM_BOOK_MAX_COLS - 1, 1, NM_BOOK_MAX_COLS, 1, 2 * NM_BOOK_MAX_COLS - 1, "a");
	nm_book_release(&b);
	free(s);
}

static void test_csv__hundred_thousand_columns_stop_at_the_budget(void **state)
{
	nm_book b;
	char *s = fields(100000, ';');

	(void)state;
	assert_int_equal(read_s(&b, s), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "too-many-columns", 0, 1, 2 * NM_BOOK_MAX_COLS + 1,
		"more than 16384 columns in one row, the most a spreadsheet holds (netmap "
		"read ';' as the delimiter)");
	nm_book_release(&b);
	free(s);
}

static void test_csv__cell_over_the_byte_budget_is_an_error(void **state)
{
	nm_book b;
	size_t n = NM_BOOK_MAX_CELL_BYTES + 6;
	char *s = malloc(n + 1);

	(void)state;
	assert_non_null(s);
	/* Exactly the budget: read. */
	memset(s, 'x', NM_BOOK_MAX_CELL_BYTES);
	assert_int_equal(read_n(&b, s, NM_BOOK_MAX_CELL_BYTES), NM_OK);
	assert_int_equal(strlen(b.sheets[0].cells[0].text), NM_BOOK_MAX_CELL_BYTES);
	nm_book_release(&b);

	/* One byte more, on one line without any break: an error, bounded. */
	memset(s, 'x', n);
	assert_int_equal(read_n(&b, s, NM_BOOK_MAX_CELL_BYTES + 1), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "cell-too-long", 0, 1, 1,
		"cell longer than 1048576 bytes, more than netmap reads; is a quote missing?");
	assert_int_equal(b.sheets[0].ncells, 0);
	nm_book_release(&b);

	/* The same in quotes (a doubled quote is one byte), after a first cell. */
	s[0] = 'a';
	s[1] = ';';
	s[2] = '"';
	s[3] = '"';
	s[4] = '"';
	s[n - 1] = '"';
	assert_int_equal(read_n(&b, s, n), NM_EINVALID);
	PROBLEM(&b, 0, NM_SEV_ERROR, "cell-too-long", 0, 1, 3,
		"cell longer than 1048576 bytes, more than netmap reads; is a quote missing?");
	nm_book_release(&b);
	s[5] = '"';
	s[6] = '"'; /* now "a;"""""xxx...x": exactly the budget */
	assert_int_equal(read_n(&b, s, n), NM_OK);
	assert_int_equal(strlen(at(&b, 1, 2)), NM_BOOK_MAX_CELL_BYTES);
	nm_book_release(&b);
	free(s);
}

static void test_csv__long_line_without_breaks_is_bounded(void **state)
{
	nm_book b;
	size_t n = 4u << 20;
	char *s = malloc(n);
	clock_t t0 = clock();

	(void)state;
	assert_non_null(s);
	/* 4 MB of short cells: the column budget stops it at once. */
	for (size_t i = 0; i < n; i++)
		s[i] = i % 3 == 2 ? ',' : 'b';
	assert_int_equal(read_n(&b, s, n), NM_EINVALID);
	PROBLEM(&b, 0, NM_SEV_ERROR, "too-many-columns", 0, 1, 3 * NM_BOOK_MAX_COLS + 1,
		"more than 16384 columns in one row, the most a spreadsheet holds (netmap "
		"read ',' as the delimiter)");
	nm_book_release(&b);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	free(s);
}

static void test_csv__quote_never_closed_at_the_start_of_a_large_file(void **state)
{
	nm_book b;
	size_t n = 10u << 20;
	char *s = malloc(n);
	clock_t t0 = clock();

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = (char)(i % 40 == 39 ? '\n' : i % 8 == 7 ? ';' : 'c');
	s[0] = '"';
	assert_int_equal(read_n(&b, s, n), NM_EINVALID);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "csv-quote", 0, 1, 1,
		"the quote that opens this cell is never closed; end the cell with '\"' and "
		"write each quote inside it twice (\"\")");
	assert_int_equal(b.sheets[0].ncells, 0);
	nm_book_release(&b);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	free(s);
}

static void test_csv__rows_beyond_the_budget_are_an_error(void **state)
{
	nm_book b;
	size_t rows = NM_BOOK_MAX_ROWS + 1;
	char *s = malloc(rows + 3);

	(void)state;
	assert_non_null(s);
	/* "r", empty lines up to the budget, and one line more. */
	memset(s, '\n', rows + 2);
	s[0] = 'r';
	assert_int_equal(read_n(&b, s, rows + 1), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 1);
	nm_book_release(&b);

	/* Empty lines past the budget cost nothing; a cell there is an error. */
	s[rows] = 'r';
	assert_int_equal(read_n(&b, s, rows + 2), NM_EINVALID);
	assert_int_equal(b.sheets[0].ncells, 1);
	assert_int_equal(b.nproblems, 1);
	PROBLEM(&b, 0, NM_SEV_ERROR, "too-many-rows", 0, NM_BOOK_MAX_ROWS + 1, 1,
		"more than 1048576 rows, the most a spreadsheet holds");
	nm_book_release(&b);

	/* The last row of the budget is read. */
	s[rows] = '\n';
	s[rows - 1] = 'r';
	assert_int_equal(read_n(&b, s, rows + 1), NM_OK);
	assert_int_equal(b.sheets[0].ncells, 2);
	CELL(&b, 1, NM_BOOK_MAX_ROWS, 1, NM_BOOK_MAX_ROWS, 1, "r");
	nm_book_release(&b);
	free(s);
}

/* ---- files saved by spreadsheet programs ---------------------------------- */

/*
 * The same table, saved from one workbook by LibreOffice 7.4
 * (`soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1'`,
 * 44,34,1,1 for Windows-1252 with commas, 9,34,65535,1 for UTF-16 with
 * tabs) and in Excel's "CSV UTF-8" style (byte-order mark, `;`, CRLF,
 * quotes only where needed), written by hand.
 */
static const struct {
	uint32_t row, col;
	const char *text;
} akteure[] = {
	{1, 1, "ID"},
	{1, 2, "Name"},
	{1, 3, "Art"},
	{1, 4, "Notiz"},
	{2, 1, "tdev"},
	{2, 2, "T\xc3\xbcrkisch-Deutscher Elternverein e.V."},
	{2, 3, "Verein"},
	{2, 4, "Treffen: Mo; Do"},
	{3, 1, "caritas"},
	{3, 2, "Caritas, K\xc3\xb6ln"},
	{3, 3, "Wohlfahrtsverband"},
	{3, 4, "sagt \"ja\"\nzweite Zeile"},
	{4, 1, "jc"},
	{4, 2,
	 "Jobcenter S\xc3\xbc"
	 "d"},
	{4, 3, "Beh\xc3\xb6rde"},
	{5, 1, "mue"},
	{5, 2,
	 "M\xc3\xbcller & S\xc3\xb6hne \xe2\x80\x93 Stra\xc3\x9f"
	 "e"},
	{5, 3, "Sonstige"},
	{5, 4, "\xe2\x82\xac 5"},
};

static void read_sample(nm_book *b, const char *dir, int want_rc)
{
	char path[512];
	size_t len;
	char *data;

	snprintf(path, sizeof(path), "%s/sheets/%s/Akteure.csv", NETMAP_TEST_DATA, dir);
	data = tu_read_file(path, &len);
	assert_non_null(data);
	assert_int_equal(read_n(b, data, len), want_rc);
	free(data);
	assert_int_equal(b->errors, 0);
	assert_int_equal(b->sheets[0].ncells, sizeof(akteure) / sizeof(akteure[0]));
	for (size_t i = 0; i < sizeof(akteure) / sizeof(akteure[0]); i++) {
		assert_int_equal(b->sheets[0].cells[i].row, akteure[i].row);
		assert_int_equal(b->sheets[0].cells[i].col, akteure[i].col);
		assert_string_equal(b->sheets[0].cells[i].text, akteure[i].text);
	}
	/* Row 4 starts on line 5, after the note that spans two lines. */
	CELL(b, 12, 4, 1, 5, 1, "jc");
}

static void test_csv__libreoffice_utf8_semicolon_file(void **state)
{
	nm_book b;

	(void)state;
	read_sample(&b, "csv-libreoffice-utf8", NM_OK);
	assert_int_equal(b.nproblems, 0);
	CELL(&b, 13, 4, 2, 5, 6,
	     "Jobcenter S\xc3\xbc"
	     "d");
	CELL(&b, 18, 5, 4, 6, 44, "\xe2\x82\xac 5");
	nm_book_release(&b);
}

static void test_csv__libreoffice_windows_1252_comma_file(void **state)
{
	nm_book b;

	(void)state;
	read_sample(&b, "csv-libreoffice-cp1252", NM_OK);
	assert_int_equal(b.nproblems, 1);
	assert_int_equal(b.problems[0].severity, NM_SEV_WARNING);
	assert_string_equal(b.problems[0].rule, "csv-encoding");
	assert_int_equal(b.problems[0].sheet, -1);
	CELL(&b, 18, 5, 4, 6, 44, "\xe2\x82\xac 5");
	nm_book_release(&b);
}

static void test_csv__libreoffice_utf16_tab_file(void **state)
{
	nm_book b;

	(void)state;
	read_sample(&b, "csv-libreoffice-utf16", NM_OK);
	assert_int_equal(b.nproblems, 0);
	CELL(&b, 18, 5, 4, 6, 44, "\xe2\x82\xac 5");
	nm_book_release(&b);
}

static void test_csv__excel_style_csv_utf8_file(void **state)
{
	nm_book b;

	(void)state;
	read_sample(&b, "csv-excel-utf8", NM_OK);
	assert_int_equal(b.nproblems, 0);
	CELL(&b, 13, 4, 2, 5, 4,
	     "Jobcenter S\xc3\xbc"
	     "d");
	CELL(&b, 18, 5, 4, 6, 38, "\xe2\x82\xac 5");
	nm_book_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv__comma_separated_cells_with_positions),
		cmocka_unit_test(test_csv__semicolon_separated),
		cmocka_unit_test(test_csv__tab_separated),
		cmocka_unit_test(test_csv__text_is_kept_as_stored),
		cmocka_unit_test(test_csv__empty_fields_are_no_cells),
		cmocka_unit_test(test_csv__sep_line_sets_the_delimiter_and_is_no_row),
		cmocka_unit_test(test_csv__sep_line_without_one_delimiter_is_an_error),
		cmocka_unit_test(test_csv__delimiter_is_the_most_frequent),
		cmocka_unit_test(test_csv__delimiter_ties_prefer_semicolon_then_comma),
		cmocka_unit_test(test_csv__delimiter_from_first_line_holding_one_outside_quotes),
		cmocka_unit_test(test_csv__quoted_cells_hold_delimiters_quotes_and_line_breaks),
		cmocka_unit_test(test_csv__mixed_line_endings),
		cmocka_unit_test(test_csv__final_line_break_and_empty_lines_make_no_cells),
		cmocka_unit_test(test_csv__columns_count_characters_not_bytes),
		cmocka_unit_test(test_csv__utf8_bom_is_not_counted),
		cmocka_unit_test(test_csv__utf16_le_with_bom_as_excel_unicode_text),
		cmocka_unit_test(test_csv__utf16_be_with_bom),
		cmocka_unit_test(test_csv__broken_utf16_is_an_error_where_it_breaks),
		cmocka_unit_test(test_csv__windows_1252_is_read_with_one_warning),
		cmocka_unit_test(test_csv__windows_1252_text_may_triple_in_utf8),
		cmocka_unit_test(test_csv__bytes_windows_1252_does_not_define_are_an_error),
		cmocka_unit_test(test_csv__invalid_utf8_after_utf8_bom_is_an_error_there),
		cmocka_unit_test(test_csv__nul_byte_is_an_error_at_its_position),
		cmocka_unit_test(test_csv__unclosed_quote_is_an_error_where_it_opened),
		cmocka_unit_test(test_csv__text_after_closing_quote_is_an_error_at_that_character),
		cmocka_unit_test(test_csv__columns_up_to_the_budget_are_read),
		cmocka_unit_test(test_csv__hundred_thousand_columns_stop_at_the_budget),
		cmocka_unit_test(test_csv__cell_over_the_byte_budget_is_an_error),
		cmocka_unit_test(test_csv__long_line_without_breaks_is_bounded),
		cmocka_unit_test(test_csv__quote_never_closed_at_the_start_of_a_large_file),
		cmocka_unit_test(test_csv__rows_beyond_the_budget_are_an_error),
		cmocka_unit_test(test_csv__libreoffice_utf8_semicolon_file),
		cmocka_unit_test(test_csv__libreoffice_windows_1252_comma_file),
		cmocka_unit_test(test_csv__libreoffice_utf16_tab_file),
		cmocka_unit_test(test_csv__excel_style_csv_utf8_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
