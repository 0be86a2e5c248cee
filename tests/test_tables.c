/*
 * test_tables.c: the tables of a spreadsheet as documents (contract
 * 6.1-6.5). Each test fills a book by hand, reads it, and compares the
 * documents (printed as YAML-like text with every node's cell) and the
 * problems (as the CLI would print them) with exact expected text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/arena.h"
#include "netmap/book.h"
#include "netmap/buf.h"
#include "netmap/diag.h"
#include "netmap/labels.h"
#include "netmap/names.h"
#include "netmap/model.h"
#include "netmap/tables.h"
#include "netmap/validate.h"

/* ------------------------------------------------------------ helpers */

typedef struct fx {
	nm_book book;
	nm_diags diags;
	nm_arena arena;
	nm_tables_ctx ctx;
	nm_buf out;
} fx;

static const char *const committees_known[] = {"ak-sprache", "Netzwerk Integration", "rt-arbeit",
					       NULL};

static bool fake_is_committee(void *arg, const char *text)
{
	(void)arg;
	for (size_t i = 0; committees_known[i]; i++)
		if (strcmp(committees_known[i], text) == 0)
			return true;
	return false;
}

static fx *fx_new(const char *path, bool csv)
{
	fx *f = calloc(1, sizeof(*f));

	nm_book_init(&f->book);
	nm_diags_init(&f->diags);
	f->ctx.diags = &f->diags;
	f->ctx.file = nm_diags_file(&f->diags, path);
	f->ctx.csv = csv;
	f->ctx.arena = &f->arena;
	f->ctx.is_committee = fake_is_committee;
	return f;
}

static void fx_free(fx *f)
{
	nm_book_release(&f->book);
	nm_diags_release(&f->diags);
	nm_arena_release(&f->arena);
	nm_buf_release(&f->out);
	free(f);
}

static nm_sheet *sheet(fx *f, const char *name)
{
	return nm_book_add_sheet(&f->book, name, strlen(name));
}

/* "B12" into row 12, column 2. */
static void parse_ref(const char *ref, uint32_t *row, uint32_t *col)
{
	*col = 0;
	while (*ref >= 'A' && *ref <= 'Z')
		*col = *col * 26 + (uint32_t)(*ref++ - 'A' + 1);
	*row = (uint32_t)strtoul(ref, NULL, 10);
}

static nm_cell *cell(fx *f, nm_sheet *s, const char *ref, nm_cell_type type, const char *text)
{
	uint32_t row, col;

	parse_ref(ref, &row, &col);
	return nm_book_add_cell(&f->book, s, row, col, type, text, strlen(text));
}

/* Text cells of one row from column A on; NULL ends, "" leaves a cell empty. */
static void row(fx *f, nm_sheet *s, uint32_t r, ...)
{
	va_list ap;
	const char *t;
	uint32_t col = 1;

	va_start(ap, r);
	while ((t = va_arg(ap, const char *)) != NULL) {
		if (*t)
			nm_book_add_cell(&f->book, s, r, col, NM_CELL_TEXT, t, strlen(t));
		col++;
	}
	va_end(ap);
}

/* A CSV cell: record r, field c, starting at line:lcol. */
static void csv_cell(fx *f, nm_sheet *s, uint32_t r, uint32_t c, uint32_t line, uint32_t lcol,
		     nm_cell_type type, const char *text)
{
	nm_cell *x = nm_book_add_cell(&f->book, s, r, c, type, text, strlen(text));
	x->line = line;
	x->lcol = lcol;
}

static void merge(nm_sheet *s, const char *a, const char *b)
{
	nm_range g;

	parse_ref(a, &g.row1, &g.col1);
	parse_ref(b, &g.row2, &g.col2);
	nm_book_add_merge(s, g);
}

static void put_pos(fx *f, const nm_node *n)
{
	char name[16];

	if (f->ctx.csv) {
		nm_buf_printf(&f->out, "@%u:%u", n->line, n->col);
		return;
	}
	nm_diags_cell_name(n->line, n->col, name);
	nm_buf_printf(&f->out, "@%s", name);
}

static void put_node(fx *f, const nm_node *n, uint32_t file)
{
	assert_int_equal(n->from, NM_FROM_CELL);
	assert_int_equal(n->plain, 0);
	assert_int_equal(n->file, file);
	switch (n->kind) {
	case NM_NODE_SCALAR:
		nm_buf_printf(&f->out, "%s", n->u.value);
		assert_int_equal(n->n, strlen(n->u.value));
		break;
	case NM_NODE_SEQ:
		nm_buf_putc(&f->out, '[');
		for (uint32_t i = 0; i < n->n; i++) {
			if (i)
				nm_buf_puts(&f->out, ", ");
			put_node(f, n->u.items[i], file);
		}
		nm_buf_putc(&f->out, ']');
		break;
	default:
		nm_buf_putc(&f->out, '{');
		for (uint32_t i = 0; i + 1 < n->n; i += 2) {
			if (i)
				nm_buf_puts(&f->out, ", ");
			put_node(f, n->u.items[i], file);
			nm_buf_puts(&f->out, ": ");
			put_node(f, n->u.items[i + 1], file);
		}
		nm_buf_putc(&f->out, '}');
		break;
	}
	put_pos(f, n);
	if (n->flags & NM_NODE_DERIVED_ID)
		nm_buf_putc(&f->out, '*');
}

/*
 * Read the book with `which` and print every document (one a line, after
 * the sheet it came from) and then every problem, sorted.
 */
static const char *run(fx *f, unsigned which)
{
	nm_doc *docs = NULL;
	size_t ndocs = 0;

	for (size_t i = 0; i < f->book.nsheets; i++)
		nm_book_sort_cells(&f->book.sheets[i]);
	nm_buf_clear(&f->out);
	nm_buf_grow(&f->out, 1);
	(void)nm_tables_read(&f->book, &f->ctx, which, &docs, &ndocs);
	for (size_t i = 0; i < ndocs; i++) {
		const char *sh = f->diags.sheets[docs[i].file];
		nm_buf_printf(&f->out, "%s: ", sh ? sh : "-");
		put_node(f, docs[i].root, docs[i].file);
		nm_buf_putc(&f->out, '\n');
	}
	nm_diags_sort(&f->diags);
	for (size_t i = 0; i < f->diags.n; i++) {
		const nm_diag *d = &f->diags.items[i];
		nm_diags_place(&f->diags, d->file, d->line, d->col, &f->out);
		nm_buf_printf(&f->out, ": %s: %s [%s]\n",
			      d->severity == NM_SEV_ERROR ? "error" : "warning", d->message,
			      d->rule);
	}
	return nm_buf_cstr(&f->out);
}

#define ALL (NM_TABLES_PLAIN | NM_TABLES_MATRIX)

/* ------------------------------------------------------------ tests */

static void derive_id_follows_steps_1_to_3_then_dashes(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_tables_derive_id("Türkisch-Deutscher Elternverein e.V.", &b);
	assert_string_equal(b.ptr, "tuerkisch-deutscher-elternverein-e-v");
	nm_tables_derive_id("  Straße der Café-Kultur (Köln) ", &b);
	assert_string_equal(b.ptr, "strasse-der-cafe-kultur-koeln");
	nm_tables_derive_id("ＡＧ　Ｓｐｒａｃｈｅ", &b);
	assert_string_equal(b.ptr, "ag-sprache");
	nm_tables_derive_id("???", &b);
	assert_string_equal(b.ptr, "");
	nm_tables_derive_id("Дом", &b);
	assert_string_equal(b.ptr, "");
	/* cut to 64 characters */
	nm_tables_derive_id("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff",
			    &b);
	assert_string_equal(b.ptr,
			    "aaaaaaaaaa-bbbbbbbbbb-cccccccccc-dddddddddd-eeeeeeeeee-fffffffff");
	/* and a trailing '-' dropped again */
	nm_tables_derive_id("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeeeeeeeeeeee x",
			    &b);
	assert_string_equal(b.ptr,
			    "aaaaaaaaaa-bbbbbbbbbb-cccccccccc-dddddddddd-eeeeeeeeeeeeeeeeeee");
	nm_buf_release(&b);
}

static void names_fold_is_steps_1_to_3(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_names_fold("Grüße, Señor ÉLAN!", &b);
	assert_string_equal(b.ptr, "gruesse, senor elan!");
	nm_names_fold(NULL, &b);
	assert_string_equal(b.ptr, "");
	nm_buf_release(&b);
}

static void label_keys_of_ascii_and_other_text_agree(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_label_key("  LAST_MET\t- x ", &b);
	assert_string_equal(b.ptr, "last met x");
	nm_label_key("Kinder- und", &b);
	assert_string_equal(b.ptr, "kinder und");
	nm_label_key("KINDER\xC2\xA0UND Straße", &b);
	assert_string_equal(b.ptr, "kinder und strasse");
	nm_label_key("---", &b);
	assert_string_equal(b.ptr, "");
	assert_true(nm_label_equal("Ｌａｓｔ ｍｅｔ", "last-met"));
	nm_buf_release(&b);
}

static void actors_with_german_headers_below_a_title(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Akteure 2026");

	(void)state;
	row(f, s, 1, "Akteure der Stadt", NULL);
	row(f, s, 3, "Kürzel", "Name", "Art", "Themen", "E-Mail", "Ansprechperson", "x-Notiz",
	    NULL);
	row(f, s, 4, "caritas", " Caritas Kassel ", "Wohlfahrtsverband", "Sprache; Arbeit,\n",
	    "c@example.org", "Erika", "intern", NULL);
	row(f, s, 5, "", "Türkisch-Deutscher Elternverein e.V.", "Verein", NULL);
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Akteure 2026: {actors@A3: [{id@A3: caritas@A4, name@B3: Caritas Kassel@B4, "
		"type@C3: association@C4, themes@D3: [Sprache@D4, Arbeit@D4]@D4, "
		"contact@E3: {email@E3: c@example.org@E4, person@F3: Erika@F4}@E4}@A4, "
		"{id@B5*: tuerkisch-deutscher-elternverein-e-v@B5*, "
		"name@B3: Türkisch-Deutscher Elternverein e.V.@B5, type@C3: club@C5}@B5]@A3}@A3\n");
	fx_free(f);
}

static void english_headers_any_case_and_separators(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "committees");

	(void)state;
	row(f, s, 1, "ID", "NAME", "Kind", "Ad-Hoc", "LAST_MET", "last met", "Lead", "members",
	    NULL);
	row(f, s, 2, "ak", "AK Sprache", "round table", "ja", "1.3.2026", "", "vhs", "a, b;;c",
	    NULL);
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"committees: {committees@A1: [{id@A1: ak@A2, name@B1: AK Sprache@B2, "
		"kind@C1: round_table@C2, ad_hoc@D1: true@D2, last_met@E1: 2026-03-01@E2, "
		"lead@G1: vhs@G2, members@H1: [a@H2, b@H2, c@H2]@H2}@A2]@A1}@A1\n"
		"book.xlsx:committees!F1: error: the field 'last_met' has two columns, 'LAST_MET' "
		"and 'last met'; only the first is read [duplicate-column]\n");
	fx_free(f);
}

static void unknown_headers_warn_with_a_suggestion(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Gremien");

	(void)state;
	row(f, s, 1, "Name", "Typ", "Mitgleider", "Telefon Zentrale", "x-intern", "X-Intern", NULL);
	row(f, s, 2, "AK", "Netzwerk", "a", "0561", "q", "r", NULL);
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Gremien: {committees@A1: [{id@A2*: ak@A2*, name@A1: AK@A2, "
		"kind@B1: network@B2}@A2]@A1}@A1\n"
		"book.xlsx:Gremien!C1: warning: unknown column 'Mitgleider', not read; did you "
		"mean 'Mitglieder'? [unknown-column]\n"
		"book.xlsx:Gremien!D1: warning: unknown column 'Telefon Zentrale', not read "
		"[unknown-column]\n");
	fx_free(f);
}

static void merged_cells_apply_to_each_cell(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Mitgliedschaften");

	(void)state;
	row(f, s, 1, "Mitgliedschaften 2026", NULL);
	merge(s, "A1", "D1");
	row(f, s, 2, "Gremium", "Akteur", "Rolle", NULL);
	row(f, s, 3, "ak-sprache", "vhs", "Vorsitz", NULL);
	row(f, s, 4, "", "caritas", NULL);
	merge(s, "A3", "A4");
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Mitgliedschaften: {memberships@A2: [{committee@A2: ak-sprache@A3, "
		"actor@B2: vhs@B3, role@C2: chair@C3}@A3, {committee@A2: ak-sprache@A4, "
		"actor@B2: caritas@B4}@A4]@A2}@A2\n");
	fx_free(f);
}

static void template_rows_and_empty_formulas_are_no_records(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Themen");
	nm_cell *c;

	(void)state;
	row(f, s, 1, "Nr.", "ID", "Bezeichnung", NULL);
	cell(f, s, "A2", NM_CELL_NUMBER, "1");
	cell(f, s, "A3", NM_CELL_NUMBER, "2");
	c = cell(f, s, "B3", NM_CELL_TEXT, "");
	c->formula = true;
	cell(f, s, "C3", NM_CELL_TEXT, "   ");
	cell(f, s, "A4", NM_CELL_NUMBER, "3");
	cell(f, s, "C4", NM_CELL_TEXT, "Sprache und Förderung");
	cell(f, s, "A5", NM_CELL_NUMBER, "4");
	cell(f, s, "C5", NM_CELL_TEXT, "!!!");
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Themen: {themes@A1: [{id@C4*: sprache-und-foerderung@C4*, "
		"label@C1: Sprache und Förderung@C4}@C4, {label@C1: !!!@C5}@C5]@A1}@A1\n"
		"book.xlsx:Themen!A1: warning: unknown column 'Nr.', not read [unknown-column]\n"
		"book.xlsx:Themen!C5: error: no id can be derived from the label '!!!'; give the "
		"row an id [derive-id]\n");
	fx_free(f);
}

static void missing_values_are_reported_where_they_belong(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *a = sheet(f, "Akteure"), *m = sheet(f, "Mitgliedschaften");

	(void)state;
	row(f, a, 1, "ID", "Name", "Art", "Stadtteil", NULL);
	row(f, a, 2, "a1", "", "", "Nord", NULL);
	row(f, a, 3, "", "", "Verein", NULL);
	row(f, m, 1, "Akteur", "Gremium", "seit", NULL);
	row(f, m, 2, "", "", "2020-01-01", NULL);
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Akteure: {actors@A1: [{id@A1: a1@A2, district@D1: Nord@D2}@A2, "
		"{type@C1: club@C3}@C3]@A1}@A1\n"
		"Mitgliedschaften: {memberships@A1: [{since@C1: 2020-01-01@C2}@C2]@A1}@A1\n"
		"book.xlsx:Akteure!B2: error: actor is missing required field 'name' [required]\n"
		"book.xlsx:Akteure!C2: error: actor is missing required field 'type' [required]\n"
		"book.xlsx:Akteure!B3: error: actor is missing required field 'name' [required]\n"
		"book.xlsx:Mitgliedschaften!A2: error: membership is missing required field "
		"'actor' [required]\n"
		"book.xlsx:Mitgliedschaften!B2: error: membership is missing required field "
		"'committee' [required]\n");
	fx_free(f);
}

static void missing_columns_no_header_row_and_headless_data(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *a = sheet(f, "Akteure"), *g = sheet(f, "Gremien"), *t = sheet(f, "Themen");

	(void)state;
	row(f, a, 2, "", "ID", "", "x-a", "Notiz", NULL);
	row(f, a, 3, "links", "a1", "mitte", "x", "n", "rechts", NULL);
	row(f, a, 4, "", "a2", "mitte 2", NULL);
	row(f, g, 2, "", "Arbeitskreis", "Sprache", NULL);
	row(f, t, 1, "x-nur", NULL);
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Akteure: {actors@B2: [{id@B2: a1@B3, note@E2: n@E3}@B3, {id@B2: a2@B4}@B4]@B2}@B2\n"
		"book.xlsx:Akteure!B2: error: required column 'name' is missing (in German: "
		"'Name') [missing-column]\n"
		"book.xlsx:Akteure!B2: error: required column 'type' is missing (in German: "
		"'Art') [missing-column]\n"
		"book.xlsx:Akteure!A3: warning: this column has data but no header, so it is not "
		"read; give it a header (or one beginning with 'x-') [no-header]\n"
		"book.xlsx:Akteure!C3: warning: this column has data but no header, so it is not "
		"read; give it a header (or one beginning with 'x-') [no-header]\n"
		"book.xlsx:Akteure!F3: warning: this column has data but no header, so it is not "
		"read; give it a header (or one beginning with 'x-') [no-header]\n"
		"book.xlsx:Gremien!B2: error: no header row found: no row holds a known column "
		"header such as 'Name' or 'name'; the table is not read [no-header-row]\n"
		"book.xlsx:Themen!A1: error: no header row found: no row holds a known column "
		"header such as 'ID' or 'id'; the table is not read [no-header-row]\n");
	fx_free(f);
}

static void cells_by_type_in_text_fields(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Akteure");

	(void)state;
	row(f, s, 1, "ID", "Name", "Art", "Telefon", "Notiz", "Website", NULL);
	cell(f, s, "A2", NM_CELL_NUMBER, "7.0");
	cell(f, s, "B2", NM_CELL_NUMBER, "1E-3");
	cell(f, s, "C2", NM_CELL_TEXT, "Sonstige");
	cell(f, s, "D2", NM_CELL_NUMBER, "1.50");
	cell(f, s, "E2", NM_CELL_BOOL, "true");
	cell(f, s, "F2", NM_CELL_DATE, "2026-03-01");
	cell(f, s, "A3", NM_CELL_TEXT, "007");
	cell(f, s, "B3", NM_CELL_NUMBER, "-0.0");
	cell(f, s, "C3", NM_CELL_TEXT, "~");
	cell(f, s, "D3", NM_CELL_NUMBER, "1.5E+3");
	cell(f, s, "E3", NM_CELL_NUMBER, "-12.340e-1");
	cell(f, s, "F3", NM_CELL_NUMBER, "0.1");
	cell(f, s, "A4", NM_CELL_TEXT, "e1");
	cell(f, s, "B4", NM_CELL_ERROR, "#REF!");
	cell(f, s, "C4", NM_CELL_INVALID, "a formula without a cached value");
	cell(f, s, "D4", NM_CELL_NUMBER, "12345678901234567890");
	cell(f, s, "E4", NM_CELL_NUMBER, ".5");
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Akteure: {actors@A1: [{id@A1: 7@A2, name@B1: 0.001@B2, type@C1: other@C2, "
		"contact@D1: {phone@D1: 1.5@D2}@D2, note@E1: true@E2, "
		"website@F1: 2026-03-01@F2}@A2, "
		"{id@A1: 007@A3, name@B1: 0@B3, type@C1: ~@C3, contact@D1: {phone@D1: 1500@D3}@D3, "
		"note@E1: -1.234@E3, website@F1: 0.1@F3}@A3, "
		"{id@A1: e1@A4, contact@D1: {phone@D1: 12345678901234567890@D4}@D4, "
		"note@E1: 0.5@E4}@A4]@A1}@A1\n"
		"book.xlsx:Akteure!B4: error: the cell holds the error value #REF!; fix the "
		"formula or type the value [cell-error]\n"
		"book.xlsx:Akteure!C4: error: the cell has no usable value: a formula without a "
		"cached value [cell-error]\n");
	fx_free(f);
}

static void dates_in_every_form(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Gremien");

	(void)state;
	row(f, s, 1, "ID", "Name", "Art", "gegründet", "geplantes Ende", "zuletzt getagt", NULL);
	row(f, s, 2, "g1", "G1", "Beirat", NULL);
	cell(f, s, "D2", NM_CELL_DATE, "2024-03-01");
	cell(f, s, "E2", NM_CELL_TEXT, " 2027-06-30 ");
	cell(f, s, "F2", NM_CELL_TEXT, "1.3.2024");
	row(f, s, 3, "g2", "G2", "Beirat", "01.03.2024", "01.3.2024", "30.2.2026", NULL);
	row(f, s, 4, "g3", "G3", "Beirat", "2026-02-30", "März 2026", "1.3.24", NULL);
	row(f, s, 5, "g4", "G4", "Beirat", NULL);
	cell(f, s, "D5", NM_CELL_NUMBER, "45000");
	cell(f, s, "E5", NM_CELL_BOOL, "true");
	cell(f, s, "F5", NM_CELL_TEXT, "2026-3-1");
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Gremien: {committees@A1: [{id@A1: g1@A2, name@B1: G1@B2, "
		"kind@C1: advisory_board@C2, founded@D1: 2024-03-01@D2, ends@E1: 2027-06-30@E2, "
		"last_met@F1: 2024-03-01@F2}@A2, {id@A1: g2@A3, name@B1: G2@B3, "
		"kind@C1: advisory_board@C3, founded@D1: 2024-03-01@D3, "
		"ends@E1: 2024-03-01@E3}@A3, {id@A1: g3@A4, name@B1: G3@B4, "
		"kind@C1: advisory_board@C4}@A4, {id@A1: g4@A5, name@B1: G4@B5, "
		"kind@C1: advisory_board@C5}@A5]@A1}@A1\n"
		"book.xlsx:Gremien!F3: error: invalid date '30.2.2026': that day does not exist "
		"in the calendar [date]\n"
		"book.xlsx:Gremien!D4: error: invalid date '2026-02-30': that day does not exist "
		"in the calendar [date]\n"
		"book.xlsx:Gremien!E4: error: 'März 2026' is not a date: write the date as "
		"2026-03-01 or 1.3.2026, or make it a date cell [date]\n"
		"book.xlsx:Gremien!F4: error: '1.3.24' is not a date: write the date as "
		"2026-03-01 or 1.3.2026, or make it a date cell [date]\n"
		"book.xlsx:Gremien!D5: error: '45000' is not a date: write the date as "
		"2026-03-01 or 1.3.2026, or make it a date cell [date]\n"
		"book.xlsx:Gremien!E5: error: 'true' is not a date: write the date as "
		"2026-03-01 or 1.3.2026, or make it a date cell [date]\n"
		"book.xlsx:Gremien!F5: error: '2026-3-1' is not a date: write the date as "
		"2026-03-01 or 1.3.2026, or make it a date cell [date]\n");
	fx_free(f);
}

static void booleans_enums_and_lists(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Gremien");

	(void)state;
	row(f, s, 1, "ID", "Name", "Art", "ad hoc", "Status", "Turnus", "Themen", NULL);
	row(f, s, 2, "g1", "G1", "Runder Tisch", "Wahr", "ruht", "14-tägig", ",;\n", NULL);
	cell(f, s, "D3", NM_CELL_BOOL, "false");
	cell(f, s, "G3", NM_CELL_NUMBER, "12");
	row(f, s, 3, "g2", "G2", "round-table", NULL);
	row(f, s, 4, "g3", "G3", "Stammtisch", "NEIN", "Aktiv", "Monthly", NULL);
	row(f, s, 5, "g4", "G4", "network", "x", NULL);
	row(f, s, 6, "g5", "G5", "network", "vielleicht", NULL);
	cell(f, s, "D7", NM_CELL_NUMBER, "1.0");
	cell(f, s, "D8", NM_CELL_NUMBER, "2");
	cell(f, s, "D9", NM_CELL_DATE, "2026-01-01");
	row(f, s, 7, "g6", "G6", "network", NULL);
	row(f, s, 8, "g7", "G7", "network", NULL);
	row(f, s, 9, "g8", "G8", "network", NULL);
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Gremien: {committees@A1: [{id@A1: g1@A2, name@B1: G1@B2, kind@C1: round_table@C2, "
		"ad_hoc@D1: true@D2, status@E1: dormant@E2, meets@F1: biweekly@F2, "
		"themes@G1: []@G2}@A2, {id@A1: g2@A3, name@B1: G2@B3, kind@C1: round_table@C3, "
		"ad_hoc@D1: false@D3, themes@G1: [12@G3]@G3}@A3, {id@A1: g3@A4, name@B1: G3@B4, "
		"kind@C1: Stammtisch@C4, ad_hoc@D1: false@D4, status@E1: active@E4, "
		"meets@F1: monthly@F4}@A4, {id@A1: g4@A5, name@B1: G4@B5, kind@C1: network@C5, "
		"ad_hoc@D1: true@D5}@A5, {id@A1: g5@A6, name@B1: G5@B6, kind@C1: network@C6}@A6, "
		"{id@A1: g6@A7, name@B1: G6@B7, kind@C1: network@C7, ad_hoc@D1: true@D7}@A7, "
		"{id@A1: g7@A8, name@B1: G7@B8, kind@C1: network@C8}@A8, "
		"{id@A1: g8@A9, name@B1: G8@B9, kind@C1: network@C9}@A9]@A1}@A1\n"
		"book.xlsx:Gremien!D6: error: 'vielleicht' is not a yes/no value: write ja or nein "
		"(or true/false, yes/no, wahr/falsch, x, 1/0) [boolean]\n"
		"book.xlsx:Gremien!D8: error: '2' is not a yes/no value: write ja or nein "
		"(or true/false, yes/no, wahr/falsch, x, 1/0) [boolean]\n"
		"book.xlsx:Gremien!D9: error: '2026-01-01' is not a yes/no value: write ja or nein "
		"(or true/false, yes/no, wahr/falsch, x, 1/0) [boolean]\n");
	fx_free(f);
}

static void settings_by_key(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Einstellungen");

	(void)state;
	row(f, s, 1, "Einstellung", "Wert", "x-Erklärung", NULL);
	row(f, s, 2, "dataset", "Kassel", NULL);
	row(f, s, 3, "Duplicate Jaccard", "0,6", NULL);
	cell(f, s, "A4", NM_CELL_TEXT, "max-load");
	cell(f, s, "B4", NM_CELL_NUMBER, "8.0");
	row(f, s, 5, "voices", "Migrantenorganisation; Ehrenamt, club", NULL);
	row(f, s, 6, "coordinators", "-", NULL);
	row(f, s, 7, "MAX_LOAD", "9", NULL);
	row(f, s, 8, "max_lod", "9", NULL);
	row(f, s, 9, "stale_days", NULL);
	cell(f, s, "C9", NM_CELL_TEXT, "leer");
	row(f, s, 10, "", "5", NULL);
	row(f, s, 11, "similar_name", "0.85", NULL);
	row(f, s, 12, "overlap_jaccard", "0,3,5", NULL);
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Einstellungen: {dataset@A2: Kassel@B2, settings@A1: {"
		"duplicate_jaccard@A3: 0.6@B3, max_load@A4: 8@B4, "
		"voices@A5: [migrant_organisation@B5, volunteer_initiative@B5, club@B5]@B5, "
		"coordinators@A6: []@B6, similar_name@A11: 0.85@B11, "
		"overlap_jaccard@A12: 0,3,5@B12}@A1}@A1\n"
		"book.xlsx:Einstellungen!A7: error: setting 'max_load' is given twice; only the "
		"first is read [duplicate-key]\n"
		"book.xlsx:Einstellungen!A8: error: unknown setting 'max_lod'; did you mean "
		"'max_load'? [unknown-key]\n"
		"book.xlsx:Einstellungen!B9: error: setting 'stale_days' is missing required field "
		"'value' [required]\n"
		"book.xlsx:Einstellungen!A10: error: setting is missing required field 'key' "
		"[required]\n");
	fx_free(f);
}

static void settings_of_only_a_dataset_are_no_settings_block(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "settings");

	(void)state;
	row(f, s, 1, "key", "value", NULL);
	row(f, s, 2, "Dataset", " Stadt Kassel ", NULL);
	assert_string_equal(run(f, NM_TABLES_PLAIN),
			    "settings: {dataset@A2: Stadt Kassel@B2}@A1\n");
	fx_free(f);
}

static void matrix_marks_roles_and_errors(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Besetzung");
	bool matrix;
	nm_doc *docs;
	size_t n;

	(void)state;
	row(f, s, 1, "Wer sitzt wo", NULL);
	merge(s, "A1", "G1");
	row(f, s, 2, "Akteur", "ak-sprache", "Netzwerk Integration", "x-Notiz", "ak-sprache",
	    "AK Unbekannt", "rt-arbeit", "", NULL);
	row(f, s, 3, "vhs", "x", "Vorsitz", "egal", "x", "x", "nein", NULL);
	row(f, s, 4, "caritas", "✓", "-", "", "", "", "guest", "x", NULL);
	row(f, s, 5, "", "ja", NULL);
	row(f, s, 6, "jc", "vielleicht", NULL);
	cell(f, s, "C6", NM_CELL_BOOL, "true");
	cell(f, s, "G6", NM_CELL_NUMBER, "1.0");
	row(f, s, 7, "stadt", "", "Falsch", NULL);
	cell(f, s, "G7", NM_CELL_BOOL, "false");
	matrix = nm_tables_read(&f->book, &f->ctx, NM_TABLES_PLAIN, &docs, &n);
	assert_true(matrix);
	assert_int_equal(n, 0);
	assert_int_equal(f->diags.n, 0);
	assert_string_equal(
		run(f, NM_TABLES_MATRIX),
		"Besetzung: {memberships@A2: ["
		"{actor@A2: vhs@A3, committee@B2: ak-sprache@B2}@B3, "
		"{actor@A2: vhs@A3, committee@C2: Netzwerk Integration@C2, role@C3: chair@C3}@C3, "
		"{actor@A2: caritas@A4, committee@B2: ak-sprache@B2}@B4, "
		"{actor@A2: caritas@A4, committee@G2: rt-arbeit@G2, role@G4: guest@G4}@G4, "
		"{actor@A2: jc@A6, committee@C2: Netzwerk Integration@C2}@C6, "
		"{actor@A2: jc@A6, committee@G2: rt-arbeit@G2}@G6]@A2}@A2\n"
		"book.xlsx:Besetzung!E2: error: committee 'ak-sprache' has two columns; only the "
		"first is read [duplicate-column]\n"
		"book.xlsx:Besetzung!F2: error: unknown committee 'AK Unbekannt'; write a "
		"committee's id or exact name in the header [unknown-reference]\n"
		"book.xlsx:Besetzung!H4: warning: this column has data but no header, so it is "
		"not read; give it a header (or one beginning with 'x-') [no-header]\n"
		"book.xlsx:Besetzung!A5: error: the row has marks but no actor; write the actor's "
		"id or name here [required]\n"
		"book.xlsx:Besetzung!B6: error: unknown mark 'vielleicht': write x for a "
		"membership, or a role (Mitglied, Vorsitz, Federführung, Gast; member, chair, "
		"lead, guest), or leave the cell empty [matrix-mark]\n");
	fx_free(f);
}

static void matrix_without_header_row(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "matrix");

	(void)state;
	row(f, s, 1, "Akteur", "AK Unbekannt", NULL);
	row(f, s, 2, "vhs", "x", NULL);
	assert_string_equal(run(f, ALL),
			    "book.xlsx:matrix!A1: error: no header row found: no row names a "
			    "committee (by id or name) to the right of its first cell; the table "
			    "is not read [no-header-row]\n");
	fx_free(f);
}

static void which_sheets_are_tables(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s;

	(void)state;
	s = sheet(f, "Notizen");
	row(f, s, 1, "Name", NULL);
	s = sheet(f, "x-Akteure 2025");
	row(f, s, 1, "Name", "Art", NULL);
	row(f, s, 2, "Alt", "Verein", NULL);
	s = sheet(f, "Gremienbesetzung");
	row(f, s, 1, "Akteur", NULL);
	s = sheet(f, "Akteure_neu");
	row(f, s, 1, "Name", "Art", NULL);
	row(f, s, 2, "Neu", "Verein", NULL);
	s = sheet(f, "Themen.2026");
	nm_book_problem_add(&f->book, NM_SEV_WARNING, "test-rule", 4, 3, 2, "odd cell");
	nm_book_problem_add(&f->book, NM_SEV_ERROR, "test-whole", -1, 0, 0, "odd file");
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Akteure_neu: {actors@A1: [{id@A2*: neu@A2*, name@A1: Neu@A2, type@B1: club@B2}@A2]"
		"@A1}@A1\n"
		"book.xlsx:1:1: warning: sheet 'Gremienbesetzung' is not read as a table: to read "
		"it, name it 'Gremien' alone or followed by a space, '-', '_' or '.' (as in "
		"'Gremien 2026'); to keep it out without this warning, begin its name with 'x-' "
		"[table-name]\n"
		"book.xlsx:1:1: error: odd file [test-whole]\n"
		"book.xlsx:Themen.2026!B3: warning: odd cell [test-rule]\n");
	fx_free(f);
}

static void a_book_without_tables(void **state)
{
	fx *f = fx_new("notes.xlsx", false);

	(void)state;
	row(f, sheet(f, "Tabelle1"), 1, "Name", NULL);
	assert_string_equal(run(f, NM_TABLES_PLAIN),
			    "notes.xlsx:1:1: error: this workbook holds no table: name each sheet "
			    "after its table (Akteure, Gremien, Mitgliedschaften, Themen, "
			    "Einstellungen, Besetzung, or in English actors, committees, "
			    "memberships, themes, settings, matrix) [no-table]\n");
	fx_free(f);
	f = fx_new("dir/liste.csv", true);
	f->ctx.from_walk = true;
	row(f, sheet(f, "liste"), 1, "Name", NULL);
	assert_string_equal(run(f, NM_TABLES_PLAIN),
			    "dir/liste.csv:1:1: warning: this file holds no table: name it after "
			    "its table (Akteure, Gremien, Mitgliedschaften, Themen, "
			    "Einstellungen, Besetzung, or in English actors, committees, "
			    "memberships, themes, settings, matrix), as in 'Akteure.csv' "
			    "[no-table]\n");
	fx_free(f);
}

static void csv_positions_are_lines_and_columns(void **state)
{
	fx *f = fx_new("akteure.csv", true);
	nm_sheet *s = sheet(f, "akteure");

	(void)state;
	/* name;art;notiz;stadtteil / "Verein ""A""";verein;;x / ;;"a\nb";  */
	csv_cell(f, s, 1, 1, 1, 1, NM_CELL_TEXT, "name");
	csv_cell(f, s, 1, 2, 1, 6, NM_CELL_TEXT, "art");
	csv_cell(f, s, 1, 3, 1, 10, NM_CELL_TEXT, "notiz");
	csv_cell(f, s, 1, 4, 1, 16, NM_CELL_TEXT, "stadtteil");
	csv_cell(f, s, 2, 1, 2, 1, NM_CELL_TEXT, "Verein \"A\"");
	csv_cell(f, s, 2, 2, 2, 16, NM_CELL_TEXT, "Kammer");
	csv_cell(f, s, 2, 4, 2, 24, NM_CELL_TEXT, "Nord");
	csv_cell(f, s, 3, 3, 3, 3, NM_CELL_TEXT, "a\nb");
	csv_cell(f, s, 4, 2, 5, 2, NM_CELL_TEXT, "Verein");
	nm_book_problem_add(&f->book, NM_SEV_ERROR, "bad-csv-quote", 0, 6, 3,
			    "text after a "
			    "closing quote");
	nm_book_problem_add(&f->book, NM_SEV_WARNING, "csv-encoding", -1, 0, 0,
			    "not UTF-8: read as Windows-1252");
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"-: {actors@1:1: [{id@2:1*: verein-a@2:1*, name@1:1: Verein \"A\"@2:1, "
		"type@1:6: chamber@2:16, district@1:16: Nord@2:24}@2:1, "
		"{note@1:10: a\nb@3:3}@3:3, {type@1:6: club@5:2}@5:2]@1:1}@1:1\n"
		"akteure.csv:1:1: warning: not UTF-8: read as Windows-1252 [csv-encoding]\n"
		"akteure.csv:3:1: error: actor is missing required field 'name' [required]\n"
		"akteure.csv:3:2: error: actor is missing required field 'type' [required]\n"
		"akteure.csv:5:1: error: actor is missing required field 'name' [required]\n"
		"akteure.csv:6:3: error: text after a closing quote [bad-csv-quote]\n");
	fx_free(f);
}

static void csv_trailing_empty_cell_is_placed_after_the_last(void **state)
{
	fx *f = fx_new("gremien.csv", true);
	nm_sheet *s = sheet(f, "gremien");

	(void)state;
	csv_cell(f, s, 1, 1, 1, 1, NM_CELL_TEXT, "Art");
	csv_cell(f, s, 1, 2, 1, 5, NM_CELL_TEXT, "Name");
	csv_cell(f, s, 2, 1, 2, 1, NM_CELL_TEXT, "Beirat");
	csv_cell(f, s, 3, 1, 3, 1, NM_CELL_TEXT, "Bei\"rat");
	csv_cell(f, s, 4, 1, 4, 1, NM_CELL_TEXT, "Bei\nrat");
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"-: {committees@1:1: [{kind@1:1: advisory_board@2:1}@2:1, "
		"{kind@1:1: Bei\"rat@3:1}@3:1, {kind@1:1: Bei\nrat@4:1}@4:1]@1:1}@1:1\n"
		"gremien.csv:2:8: error: committee is missing required field 'name' [required]\n"
		"gremien.csv:3:12: error: committee is missing required field 'name' [required]\n"
		"gremien.csv:5:6: error: committee is missing required field 'name' [required]\n");
	fx_free(f);
}

static void merge_budget_stops_the_sheet(void **state)
{
	fx *f = fx_new("book.xlsx", false);
	nm_sheet *s = sheet(f, "Akteure");

	(void)state;
	row(f, s, 1, "Name", "Art", NULL);
	row(f, s, 2, "A", "Verein", NULL);
	merge(s, "A2", "XFD1048576");
	assert_string_equal(run(f, NM_TABLES_PLAIN),
			    "book.xlsx:Akteure!A2: error: the merged cells of this sheet stand for "
			    "more than 5000000 cells; the sheet is not read [merge-budget]\n");
	fx_free(f);
}

static void memberships_with_german_roles_and_hidden_copies(void **state)
{
	fx *f = fx_new("book.ods", false);
	nm_sheet *s = sheet(f, "Mitgliedschaften");
	nm_sheet *c = sheet(f, "Mitgliedschaften (2)");

	(void)state;
	c->hidden = true;
	row(f, s, 1, "Akteur", "Gremium", "Rolle", "seit", NULL);
	row(f, s, 2, "vhs", "ak-sprache", "Gast", NULL);
	cell(f, s, "D2", NM_CELL_DATE, "2019-01-01T00:00:00");
	row(f, s, 3, "vhs", "Netzwerk Integration", "Federführung", "1.1.2019", NULL);
	row(f, s, 4, "caritas", "ak-sprache", "Chef", NULL);
	row(f, c, 1, "actor", "committee", NULL);
	row(f, c, 2, "stadt", "rt-arbeit", NULL);
	assert_string_equal(
		run(f, NM_TABLES_PLAIN),
		"Mitgliedschaften: {memberships@A1: [{actor@A1: vhs@A2, committee@B1: "
		"ak-sprache@B2, role@C1: guest@C2, since@D1: 2019-01-01@D2}@A2, "
		"{actor@A1: vhs@A3, committee@B1: Netzwerk Integration@B3, role@C1: lead@C3, "
		"since@D1: 2019-01-01@D3}@A3, {actor@A1: caritas@A4, committee@B1: ak-sprache@B4, "
		"role@C1: Chef@C4}@A4]@A1}@A1\n"
		"Mitgliedschaften (2): {memberships@A1: [{actor@A1: stadt@A2, "
		"committee@B1: rt-arbeit@B2}@A2]@A1}@A1\n");
	fx_free(f);
}

static void matrix_without_a_committee_test_takes_every_header(void **state)
{
	fx *f = fx_new("besetzung.csv", true);
	nm_sheet *s = sheet(f, "besetzung");
	bool matrix;
	nm_doc *docs;
	size_t n;

	(void)state;
	f->ctx.is_committee = NULL;
	csv_cell(f, s, 1, 2, 1, 2, NM_CELL_TEXT, "AK 1");
	csv_cell(f, s, 1, 3, 1, 7, NM_CELL_TEXT, "AK 2");
	csv_cell(f, s, 2, 1, 2, 1, NM_CELL_TEXT, "vhs");
	csv_cell(f, s, 2, 3, 2, 6, NM_CELL_TEXT, "Mitglied");
	csv_cell(f, s, 3, 2, 3, 2, NM_CELL_TEXT, "X");
	matrix = nm_tables_read(&f->book, &f->ctx, NM_TABLES_PLAIN, &docs, &n);
	assert_true(matrix);
	assert_int_equal(n, 0);
	/* "AK 1" is the actor column's header: the first non-empty cell */
	assert_string_equal(
		run(f, NM_TABLES_MATRIX),
		"-: {memberships@1:2: []@1:2}@1:2\n"
		"besetzung.csv:2:1: warning: this column has data but no header, so it is not "
		"read; give it a header (or one beginning with 'x-') [no-header]\n"
		"besetzung.csv:2:5: error: the row has marks but no actor; write the actor's id "
		"or name here [required]\n");
	fx_free(f);
}

/* A whole workbook through validation: the documents read like YAML. */
static void a_workbook_validates_like_yaml(void **state)
{
	fx *f = fx_new("kassel.xlsx", false);
	nm_sheet *s;
	nm_doc *docs;
	size_t n;
	nm_validator *v;
	nm_dataset *ds = NULL;
	nm_date today;

	(void)state;
	s = sheet(f, "Themen");
	row(f, s, 1, "ID", "Bezeichnung", NULL);
	row(f, s, 2, "", "Sprache", NULL);
	row(f, s, 3, "arbeit", "Arbeit und Beruf", NULL);
	s = sheet(f, "Akteure");
	row(f, s, 1, "Name", "Art", "Themen", "Mitglied in", "E-Mail", NULL);
	row(f, s, 2, "VHS Kassel", "Bildungsträger", "sprache", "ak-sprache", "v@example.org",
	    NULL);
	row(f, s, 3, "Caritas", "Wohlfahrtsverband", "sprache, arbeit", NULL);
	s = sheet(f, "Gremien");
	row(f, s, 1, "Kürzel", "Name", "Typ", "ad hoc", "Federführung", "zuletzt getagt",
	    "Mitglieder", NULL);
	row(f, s, 2, "ak-sprache", "AK Sprache", "Arbeitskreis", "nein", "vhs-kassel", "1.10.2026",
	    "caritas", NULL);
	row(f, s, 3, "rt-arbeit", "Runder Tisch Arbeit", "Runder Tisch", NULL);
	s = sheet(f, "Besetzung");
	row(f, s, 1, "Akteur", "rt-arbeit", NULL);
	row(f, s, 2, "caritas", "Vorsitz", NULL);
	row(f, s, 3, "vhs-kassel", "x", NULL);
	s = sheet(f, "Einstellungen");
	row(f, s, 1, "Einstellung", "Wert", NULL);
	row(f, s, 2, "dataset", "Kassel", NULL);
	row(f, s, 3, "max_load", "4", NULL);
	row(f, s, 4, "voices", "Migrantenorganisation", NULL);
	row(f, s, 5, "overlap jaccard", "0,25", NULL);
	for (size_t i = 0; i < f->book.nsheets; i++)
		nm_book_sort_cells(&f->book.sheets[i]);
	assert_int_equal(nm_date_parse("2026-12-01", &today), 0);
	v = nm_validator_new(&f->diags, today);
	f->ctx.is_committee = NULL;
	assert_true(
		nm_tables_read(&f->book, &f->ctx, NM_TABLES_PLAIN | NM_TABLES_MATRIX, &docs, &n));
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		nm_validator_add_doc(v, &docs[i]);
	(void)nm_validator_finish(v, &ds);
	for (size_t i = 0; i < f->diags.n; i++)
		print_error("%u:%u: %s\n", f->diags.items[i].line, f->diags.items[i].col,
			    f->diags.items[i].message);
	assert_int_equal(f->diags.n, 0);
	assert_non_null(ds);
	assert_string_equal(ds->name, "Kassel");
	assert_int_equal(ds->nthemes, 2);
	assert_int_equal(ds->nactors, 2);
	assert_int_equal(ds->ncommittees, 2);
	assert_int_equal(ds->nmemberships, 4);
	assert_int_equal(ds->settings.max_load, 4);
	assert_int_equal(ds->settings.overlap_jaccard.num * 100,
			 25 * ds->settings.overlap_jaccard.den);
	nm_dataset_free(ds);
	nm_validator_free(v);
	fx_free(f);
}

/* Every node of a tree has a place and comes from a cell. */
static size_t check_tree(const nm_node *n)
{
	size_t count = 1;

	assert_true(n->line >= 1 && n->col >= 1);
	assert_int_equal(n->from, NM_FROM_CELL);
	if (n->kind == NM_NODE_SCALAR) {
		assert_non_null(n->u.value);
		return count;
	}
	for (uint32_t i = 0; i < n->n; i++)
		count += check_tree(n->u.items[i]);
	return count;
}

/* Random books of table words, marks, dates and merges: no crash, no leak. */
static void random_books_read_without_harm(void **state)
{
	static const char *const sheets[] = {"Akteure",  "Gremien",       "Mitgliedschaften",
					     "Themen",   "Einstellungen", "Besetzung",
					     "actors x", "Notiz"};
	static const char *const words[] = {"Name",         "Art",         "ID",
					    "Kürzel",       "Typ",         "Themen",
					    "E-Mail",       "x-a",         "ad hoc",
					    "gegründet",    "Mitglieder",  "Akteur",
					    "Gremium",      "Rolle",       "seit",
					    "Bezeichnung",  "Einstellung", "Wert",
					    "voices",       "max_load",    "dataset",
					    "coordinators", "-",           "x",
					    "ja",           "Vorsitz",     "ak-sprache",
					    "rt-arbeit",    "1.3.2026",    "2026-02-30",
					    "a, b; c",      " ",           "",
					    "Verein",       "???",         "\xC2\xA0",
					    "a\nb",         "0,6",         "Netzwerk Integration"};
	static const nm_cell_type types[] = {NM_CELL_TEXT,   NM_CELL_TEXT,   NM_CELL_TEXT,
					     NM_CELL_NUMBER, NM_CELL_DATE,   NM_CELL_BOOL,
					     NM_CELL_ERROR,  NM_CELL_INVALID};
	static const char *const numbers[] = {"1", "0", "7.0", "1E-3", "-0", "1E+999", "x"};
	unsigned seed = 12345;

	(void)state;
	for (int iter = 0; iter < 300; iter++) {
		fx *f = fx_new("random.xlsx", (iter % 5) == 0);
		nm_doc *docs;
		size_t n, nsheets = 1 + (size_t)(iter % 3);

		f->ctx.from_walk = iter % 2;
		for (size_t k = 0; k < nsheets; k++) {
			nm_sheet *s;
			seed = seed * 1103515245u + 12345u;
			s = sheet(f, sheets[(seed >> 16) % 8]);
			for (uint32_t r = 1; r <= 10; r++)
				for (uint32_t c = 1; c <= 7; c++) {
					nm_cell_type t;
					const char *text;
					nm_cell *x;
					seed = seed * 1103515245u + 12345u;
					if ((seed >> 16) % 3 == 0)
						continue;
					t = types[(seed >> 8) % 8];
					text = t == NM_CELL_NUMBER ? numbers[(seed >> 20) % 7]
					       : t == NM_CELL_DATE ? "2026-03-01"
					       : t == NM_CELL_BOOL
						       ? ((seed >> 20) % 2 ? "true" : "false")
					       : t == NM_CELL_ERROR ? "#REF!"
					       : t == NM_CELL_INVALID
						       ? "no value"
						       : words[(seed >> 20) %
							       (sizeof(words) / sizeof(*words))];
					x = nm_book_add_cell(&f->book, s, r, c, t, text,
							     strlen(text));
					x->line = r + 1;
					x->lcol = c * 3;
				}
			if (!f->ctx.csv) {
				seed = seed * 1103515245u + 12345u;
				nm_book_add_merge(
					s, (nm_range){1 + (seed >> 16) % 5, 1 + (seed >> 20) % 4,
						      3 + (seed >> 16) % 5, 2 + (seed >> 20) % 4});
				nm_book_add_merge(s, (nm_range){0, 0, 2, 2});
			}
		}
		for (size_t k = 0; k < f->book.nsheets; k++)
			nm_book_sort_cells(&f->book.sheets[k]);
		(void)nm_tables_read(&f->book, &f->ctx, NM_TABLES_PLAIN, &docs, &n);
		for (size_t k = 0; k < n; k++)
			(void)check_tree(docs[k].root);
		(void)nm_tables_read(&f->book, &f->ctx, NM_TABLES_MATRIX, &docs, &n);
		for (size_t k = 0; k < n; k++)
			(void)check_tree(docs[k].root);
		fx_free(f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(derive_id_follows_steps_1_to_3_then_dashes),
		cmocka_unit_test(names_fold_is_steps_1_to_3),
		cmocka_unit_test(label_keys_of_ascii_and_other_text_agree),
		cmocka_unit_test(actors_with_german_headers_below_a_title),
		cmocka_unit_test(english_headers_any_case_and_separators),
		cmocka_unit_test(unknown_headers_warn_with_a_suggestion),
		cmocka_unit_test(merged_cells_apply_to_each_cell),
		cmocka_unit_test(template_rows_and_empty_formulas_are_no_records),
		cmocka_unit_test(missing_values_are_reported_where_they_belong),
		cmocka_unit_test(missing_columns_no_header_row_and_headless_data),
		cmocka_unit_test(cells_by_type_in_text_fields),
		cmocka_unit_test(dates_in_every_form),
		cmocka_unit_test(booleans_enums_and_lists),
		cmocka_unit_test(settings_by_key),
		cmocka_unit_test(settings_of_only_a_dataset_are_no_settings_block),
		cmocka_unit_test(matrix_marks_roles_and_errors),
		cmocka_unit_test(matrix_without_header_row),
		cmocka_unit_test(which_sheets_are_tables),
		cmocka_unit_test(a_book_without_tables),
		cmocka_unit_test(csv_positions_are_lines_and_columns),
		cmocka_unit_test(csv_trailing_empty_cell_is_placed_after_the_last),
		cmocka_unit_test(merge_budget_stops_the_sheet),
		cmocka_unit_test(memberships_with_german_roles_and_hidden_copies),
		cmocka_unit_test(matrix_without_a_committee_test_takes_every_header),
		cmocka_unit_test(a_workbook_validates_like_yaml),
		cmocka_unit_test(random_books_read_without_harm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
