/*
 * ods.c: the OpenDocument spreadsheet reader (contract section 6): a .ods
 * file's bytes into a book of sheets of typed cells.
 *
 * A .ods file is a ZIP archive (libzip reads it from memory) whose
 * content.xml holds the sheets. Every part is streamed: each chunk libzip
 * inflates goes straight to expat, so no part is ever held whole, and the
 * bytes are counted as they come (NM_BOOK_MAX_UNPACKED), whatever sizes the
 * archive declares. Expat is created with namespace processing, and names
 * are compared as namespace URI and local name, since a file may bind any
 * prefix. Any document type declaration stops the parse: with no DTD there
 * is no entity but the standard five, and nothing external is ever read.
 *
 * The state is a set of depths rather than a stack: the element depth at
 * which the current spreadsheet, table, row, cell and paragraph opened,
 * and the depth of a subtree being skipped (an annotation, a shape, a
 * nested table). A row's cells are kept until the row ends, because only
 * then is it known how often the row repeats; a repeated empty cell or row
 * only moves the position, and a repeated non-empty one is checked against
 * the budgets before a single copy is made.
 */
#include "netmap/book.h"
#include "netmap/buf.h"
#include "netmap/common.h"
#include "netmap/strmap.h"

#include <expat.h>
#include <zip.h>

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ODS_CHUNK 65536u                            /* bytes inflated at a time */
#define ODS_MAX_BOOK_CELLS (2u * NM_BOOK_MAX_CELLS) /* cells of all sheets together */
#define ODS_MAX_TEXT NM_BOOK_MAX_UNPACKED           /* bytes of all cell text together */
#define ODS_MAX_TOKEN (16u * 1024u * 1024u)         /* bytes of one XML tag expat may hold */
#define ODS_MAX_FORMULA_SHOWN 200u                  /* bytes of a formula quoted in a message */
#define ODS_FAR ((uint64_t)1 << 40)                 /* positions saturate here */

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

/* expat joins a namespace URI and a local name with this separator. */
#define NS_SEP '\n'
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0\n"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0\n"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0\n"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0\n"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\n"
#define NS_CALCEXT "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\n"

enum {
	EL_OTHER,       /* any element of another namespace */
	EL_SPREADSHEET, /* office:spreadsheet */
	EL_ANNOTATION,  /* office:annotation: a comment, not the cell's text */
	EL_TABLE,       /* table:table */
	EL_ROW,         /* table:table-row */
	EL_CELL,        /* table:table-cell */
	EL_COVERED,     /* table:covered-table-cell */
	EL_TABLE_OTHER, /* any other table: element (groups, columns) */
	EL_TEXT_P,      /* text:p and text:h */
	EL_TEXT_S,      /* text:s */
	EL_TEXT_TAB,    /* text:tab */
	EL_TEXT_BREAK,  /* text:line-break */
	EL_TEXT_SKIP,   /* text:note, text:ruby-text: not the cell's text */
	EL_TEXT_OTHER,  /* any other text: element (span, a, fields, lists) */
	EL_STYLE,       /* style:style */
	EL_TABLE_PROPS, /* style:table-properties */
	EL_ENCRYPTION   /* manifest:encryption-data */
};

/* What a cell's value-type says it holds. */
enum {
	VT_NONE,   /* no value-type: text, or nothing */
	VT_FLOAT,  /* float, percentage, currency: office:value */
	VT_DATE,   /* office:date-value */
	VT_TIME,   /* office:time-value */
	VT_BOOL,   /* office:boolean-value */
	VT_STRING, /* office:string-value or the paragraphs */
	VT_VOID,   /* an empty cell, said so */
	VT_UNKNOWN /* a value-type ODF does not define */
};

/* A cell of the current row, kept until the row's repeat count is known. */
typedef struct ods_pending {
	uint32_t col, repeat;      /* first column, columns it repeats over */
	uint32_t rowspan, colspan; /* merged range it starts (1, 1: none) */
	uint8_t type;              /* nm_cell_type */
	bool formula;
	size_t off, len; /* its text in the row buffer */
} ods_pending;

typedef struct ods_reader {
	nm_book *book;
	zip_t *za;
	XML_Parser parser;
	const char *part;      /* the part being parsed, for messages */
	uint64_t unpacked;     /* bytes inflated from every part read */
	uint64_t fed;          /* bytes of the current part given to expat */
	bool stopped;          /* a handler recorded a problem and stopped */
	bool seen_spreadsheet; /* content.xml has office:spreadsheet */

	/* element depths (0: not inside) */
	uint64_t depth, skip_at, spreadsheet_at, table_at, row_at, cell_at, para_at;

	/* table styles */
	nm_arena styles; /* names of table styles that hide a sheet */
	nm_strmap hidden_styles;
	char *style_name; /* the table style:style being read, or NULL */

	/* the current sheet, row and cell */
	nm_sheet *sheet;
	int32_t sheet_index;
	uint64_t row, col; /* 1-based position of the next row, cell */
	uint64_t row_repeat;
	ods_pending *pending;
	size_t npending, pending_cap;
	uint64_t row_cells;  /* cells of one copy of the row */
	nm_buf rowtext;      /* the pending cells' text */
	uint64_t book_cells; /* cells of every sheet so far */
	uint64_t book_text;  /* bytes of cell text so far */

	bool covered;          /* a covered-table-cell: only its position counts */
	int vtype;             /* VT_... */
	bool vt_error;         /* calcext:value-type="error" */
	bool has_value;        /* the value attribute of vtype is there */
	bool has_string_value; /* office:string-value is there */
	bool has_formula;
	bool collect; /* the paragraphs are the cell's text */
	uint32_t cell_repeat, cell_rowspan, cell_colspan;
	size_t nparas;
	nm_buf value;   /* the value attribute, or the string value */
	nm_buf formula; /* the formula, cut for messages */
	nm_buf text;    /* the paragraphs' text */
} ods_reader;

/* ---- names ---- */

static bool has_prefix(const char *s, const char *prefix, const char **rest)
{
	size_t n = strlen(prefix);

	if (strncmp(s, prefix, n) != 0)
		return false;
	*rest = s + n;
	return true;
}

static int element_id(const char *name)
{
	const char *l;

	if (has_prefix(name, NS_TABLE, &l)) {
		if (strcmp(l, "table-cell") == 0)
			return EL_CELL;
		if (strcmp(l, "table-row") == 0)
			return EL_ROW;
		if (strcmp(l, "covered-table-cell") == 0)
			return EL_COVERED;
		if (strcmp(l, "table") == 0)
			return EL_TABLE;
		return EL_TABLE_OTHER;
	}
	if (has_prefix(name, NS_TEXT, &l)) {
		if (strcmp(l, "p") == 0 || strcmp(l, "h") == 0)
			return EL_TEXT_P;
		if (strcmp(l, "s") == 0)
			return EL_TEXT_S;
		if (strcmp(l, "tab") == 0)
			return EL_TEXT_TAB;
		if (strcmp(l, "line-break") == 0)
			return EL_TEXT_BREAK;
		if (strcmp(l, "note") == 0 || strcmp(l, "ruby-text") == 0 ||
		    strcmp(l, "tracked-changes") == 0)
			return EL_TEXT_SKIP;
		return EL_TEXT_OTHER;
	}
	if (has_prefix(name, NS_OFFICE, &l)) {
		if (strcmp(l, "spreadsheet") == 0)
			return EL_SPREADSHEET;
		if (strcmp(l, "annotation") == 0)
			return EL_ANNOTATION;
		return EL_OTHER;
	}
	if (has_prefix(name, NS_STYLE, &l)) {
		if (strcmp(l, "style") == 0)
			return EL_STYLE;
		if (strcmp(l, "table-properties") == 0)
			return EL_TABLE_PROPS;
		return EL_OTHER;
	}
	if (has_prefix(name, NS_MANIFEST, &l) && strcmp(l, "encryption-data") == 0)
		return EL_ENCRYPTION;
	return EL_OTHER;
}

static const char *attr(const XML_Char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

/* A repeat or span count: digits, at least 1; anything else is 1. */
static uint32_t count_attr(const XML_Char **atts, const char *name)
{
	const char *s = attr(atts, name);
	uint64_t v = 0;

	if (!s || !*s)
		return 1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 1;
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > UINT32_MAX)
			return UINT32_MAX;
	}
	return v ? (uint32_t)v : 1;
}

static uint64_t sat_add(uint64_t a, uint64_t b)
{
	return a + b > ODS_FAR ? ODS_FAR : a + b;
}

static uint32_t clamp32(uint64_t v, uint32_t max)
{
	return v > max ? max : (uint32_t)v;
}

/* ---- problems ---- */

static void file_error(ods_reader *r, const char *rule, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

static void file_error(ods_reader *r, const char *rule, const char *fmt, ...)
{
	nm_buf msg = NM_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	nm_book_problem_add(r->book, NM_SEV_ERROR, rule, -1, 0, 0, "%s", nm_buf_cstr(&msg));
	nm_buf_release(&msg);
}

/* Stop the parse after a problem (handlers check r->stopped first). */
static void stop(ods_reader *r)
{
	r->stopped = true;
	XML_StopParser(r->parser, XML_FALSE);
}

static void cell_error(ods_reader *r, const char *rule, uint64_t row, uint64_t col, const char *fmt,
		       ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

static void cell_error(ods_reader *r, const char *rule, uint64_t row, uint64_t col, const char *fmt,
		       ...)
{
	nm_buf msg = NM_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	nm_book_problem_add(r->book, NM_SEV_ERROR, rule, r->sheet_index,
			    clamp32(row, NM_BOOK_MAX_ROWS), clamp32(col, NM_BOOK_MAX_COLS), "%s",
			    nm_buf_cstr(&msg));
	nm_buf_release(&msg);
	stop(r);
}

static void too_long(ods_reader *r)
{
	cell_error(r, "cell-too-long", r->row, r->col,
		   "the cell holds more than %u bytes of text, more than netmap reads",
		   NM_BOOK_MAX_CELL_BYTES);
}

/* ---- values ---- */

/* The stored decimal digits of a number: -12, 0.1, 1E-3, .5 */
static bool is_number(const char *s)
{
	bool digits = false;

	if (*s == '-' || *s == '+')
		s++;
	while (*s >= '0' && *s <= '9') {
		s++;
		digits = true;
	}
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			s++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		bool exp = false;
		s++;
		if (*s == '-' || *s == '+')
			s++;
		while (*s >= '0' && *s <= '9') {
			s++;
			exp = true;
		}
		if (!exp)
			return false;
	}
	return *s == '\0';
}

static int digits(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* YYYY-MM-DD, then nothing, a time (T...) or a zone (Z, +hh:mm, -hh:mm). */
static bool is_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;

	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return false;
	return s[10] == '\0' || s[10] == 'T' || s[10] == 'Z' || s[10] == '+' || s[10] == '-';
}

/* PT10H30M00S as 10:30:00, or the stored text when it is not of that form. */
static void show_time(nm_buf *out, const char *s)
{
	unsigned long h, m;
	const char *p = s;
	char *end;

	if (strncmp(p, "PT", 2) != 0)
		goto raw;
	p += 2;
	if (*p < '0' || *p > '9')
		goto raw;
	h = strtoul(p, &end, 10);
	if (*end != 'H' || end[1] < '0' || end[1] > '9')
		goto raw;
	m = strtoul(end + 1, &end, 10);
	if (*end != 'M' || end[1] < '0' || end[1] > '9')
		goto raw;
	p = end + 1;
	nm_buf_printf(out, "%02lu:%02lu:", h, m);
	while (*p >= '0' && *p <= '9')
		nm_buf_putc(out, *p++);
	if (strcmp(p, "S") == 0 || (*p == '.' && p[strlen(p) - 1] == 'S'))
		return;
	nm_buf_clear(out);
raw:
	nm_buf_puts(out, s);
}

/* Keep at most max bytes of s, cut at a character boundary, marked with "…". */
static void put_cut(nm_buf *out, const char *s, size_t len, size_t max)
{
	size_t n = len;

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	nm_buf_put(out, s, n);
	if (n < len)
		nm_buf_puts(out, "\xE2\x80\xA6");
}

/*
 * A formula as LibreOffice Calc shows it: of:=SUM([.A1:.A3]) as
 * =SUM(A1:A3), [Akteure.B2] as Akteure.B2; text in quotes is kept.
 */
static void show_formula(nm_buf *out, const char *f)
{
	nm_buf b = NM_BUF_INIT;
	const char *eq = strchr(f, '=');
	bool quoted = false;

	if (eq && eq != f && (size_t)(eq - f) < 16 && eq[-1] == ':')
		f = eq; /* the namespace prefix: of:, msoxl: */
	for (const char *p = f; *p && b.len <= ODS_MAX_FORMULA_SHOWN; p++) {
		if (*p == '"')
			quoted = !quoted;
		if (!quoted && (*p == '[' || *p == ']'))
			continue;
		if (!quoted && *p == '.' && p > f && (p[-1] == '[' || p[-1] == ':'))
			continue;
		nm_buf_putc(&b, *p);
	}
	put_cut(out, nm_buf_cstr(&b), b.len, ODS_MAX_FORMULA_SHOWN);
	nm_buf_release(&b);
}

/* ---- the row ---- */

/* A further copy of a cell already in the sheet, sharing its text. */
static nm_cell *copy_cell(nm_sheet *sheet, const nm_cell *proto, uint32_t row, uint32_t col)
{
	nm_cell c = *proto;

	if (sheet->ncells >= NM_BOOK_MAX_CELLS)
		return NULL;
	c.row = row;
	c.col = col;
	NM_GROW(sheet->cells, sheet->cells_cap, sheet->ncells + 1);
	sheet->cells[sheet->ncells] = c;
	return &sheet->cells[sheet->ncells++];
}

static void too_many_cells(ods_reader *r, uint64_t row, uint64_t col)
{
	if (r->sheet->ncells + r->row_cells * r->row_repeat > NM_BOOK_MAX_CELLS)
		cell_error(r, "too-many-cells", row, col,
			   "the sheet holds more than %u non-empty cells, more than netmap "
			   "reads (each repeated cell counts)",
			   NM_BOOK_MAX_CELLS);
	else
		cell_error(r, "too-many-cells", row, col,
			   "the workbook holds more than %u non-empty cells in all its sheets, "
			   "more than netmap reads (each repeated cell counts)",
			   ODS_MAX_BOOK_CELLS);
}

/* The row's cells, once for each time the row repeats. */
static void end_row(ods_reader *r)
{
	nm_sheet *sheet = r->sheet;
	uint64_t total;
	size_t first = sheet->ncells;

	if (r->npending == 0) {
		r->row = sat_add(r->row, r->row_repeat);
		return;
	}
	if (r->row + r->row_repeat - 1 > NM_BOOK_MAX_ROWS) {
		uint64_t at = r->row > NM_BOOK_MAX_ROWS ? r->row : NM_BOOK_MAX_ROWS + 1;
		cell_error(r, "cell-out-of-range", at, r->pending[0].col,
			   "a non-empty cell lies below row %u, the last row netmap reads",
			   NM_BOOK_MAX_ROWS);
		return;
	}
	total = r->row_cells * r->row_repeat;
	if (sheet->ncells + total > NM_BOOK_MAX_CELLS ||
	    r->book_cells + total > ODS_MAX_BOOK_CELLS) {
		too_many_cells(r, r->row, r->pending[0].col);
		return;
	}
	for (uint64_t k = 0; k < r->row_repeat; k++) {
		uint32_t row = (uint32_t)(r->row + k);
		size_t at = first;
		for (size_t i = 0; i < r->npending; i++) {
			const ods_pending *p = &r->pending[i];
			for (uint32_t j = 0; j < p->repeat; j++) {
				uint32_t col = p->col + j;
				nm_cell *c;
				if (k == 0 && j == 0)
					c = nm_book_add_cell(r->book, sheet, row, col,
							     (nm_cell_type)p->type,
							     r->rowtext.ptr + p->off, p->len);
				else
					c = copy_cell(
						sheet,
						&sheet->cells[k == 0 ? sheet->ncells - 1 : at], row,
						col);
				if (!c) {
					too_many_cells(r, row, col);
					return;
				}
				c->formula = p->formula;
				at++;
				if (p->rowspan > 1 || p->colspan > 1) {
					nm_range m;
					m.row1 = row;
					m.col1 = col;
					m.row2 = clamp32((uint64_t)row + p->rowspan - 1,
							 NM_BOOK_MAX_ROWS);
					m.col2 = clamp32((uint64_t)col + p->colspan - 1,
							 NM_BOOK_MAX_COLS);
					nm_book_add_merge(sheet, m);
				}
			}
		}
	}
	r->book_cells += total;
	r->row = sat_add(r->row, r->row_repeat);
}

/* ---- the cell ---- */

static void start_cell(ods_reader *r, const XML_Char **atts, bool covered)
{
	const char *vt = attr(atts, NS_OFFICE "value-type");
	const char *cvt = attr(atts, NS_CALCEXT "value-type");
	const char *v = NULL, *f;

	r->covered = covered;
	r->cell_repeat = count_attr(atts, NS_TABLE "number-columns-repeated");
	r->cell_rowspan = count_attr(atts, NS_TABLE "number-rows-spanned");
	r->cell_colspan = count_attr(atts, NS_TABLE "number-columns-spanned");
	r->nparas = 0;
	r->has_value = r->has_string_value = false;
	nm_buf_clear(&r->value);
	nm_buf_clear(&r->formula);
	nm_buf_clear(&r->text);
	r->vt_error = cvt && strcmp(cvt, "error") == 0;
	f = attr(atts, NS_TABLE "formula");
	r->has_formula = f != NULL;
	if (f)
		show_formula(&r->formula, f);
	if (!vt)
		r->vtype = VT_NONE;
	else if (strcmp(vt, "float") == 0 || strcmp(vt, "percentage") == 0 ||
		 strcmp(vt, "currency") == 0) {
		r->vtype = VT_FLOAT;
		v = attr(atts, NS_OFFICE "value");
	} else if (strcmp(vt, "date") == 0) {
		r->vtype = VT_DATE;
		v = attr(atts, NS_OFFICE "date-value");
	} else if (strcmp(vt, "time") == 0) {
		r->vtype = VT_TIME;
		v = attr(atts, NS_OFFICE "time-value");
	} else if (strcmp(vt, "boolean") == 0) {
		r->vtype = VT_BOOL;
		v = attr(atts, NS_OFFICE "boolean-value");
	} else if (strcmp(vt, "string") == 0) {
		r->vtype = VT_STRING;
		v = attr(atts, NS_OFFICE "string-value");
		r->has_string_value = v != NULL;
	} else if (strcmp(vt, "void") == 0) {
		r->vtype = VT_VOID;
	} else {
		r->vtype = VT_UNKNOWN;
		v = vt;
	}
	if (v) {
		size_t n = strlen(v);
		if (n > NM_BOOK_MAX_CELL_BYTES) {
			too_long(r);
			return;
		}
		r->has_value = true;
		nm_buf_put(&r->value, v, n);
	}
	r->collect = !covered && (r->vt_error || r->vtype == VT_NONE ||
				  (r->vtype == VT_STRING && !r->has_string_value));
}

static void put_text(ods_reader *r, const char *s, size_t len)
{
	if (!r->collect || r->stopped)
		return;
	if (len > NM_BOOK_MAX_CELL_BYTES - r->text.len) {
		too_long(r);
		return;
	}
	nm_buf_put(&r->text, s, len);
}

/* The cell's type and text (into out); false when the cell is empty. */
static bool cell_value(ods_reader *r, nm_cell_type *type, nm_buf *out)
{
	const char *v = nm_buf_cstr(&r->value);
	size_t start = out->len;

	if (r->vt_error) {
		*type = NM_CELL_ERROR;
		if (r->text.len)
			nm_buf_put(out, r->text.ptr, r->text.len);
		else
			nm_buf_puts(out, "Err");
		return true;
	}
	if (r->has_formula && (r->vtype == VT_NONE || r->vtype == VT_VOID ||
			       (!r->has_value && r->vtype != VT_STRING))) {
		*type = NM_CELL_INVALID;
		nm_buf_printf(out, "a formula without a saved value: %s", nm_buf_cstr(&r->formula));
		return true;
	}
	switch (r->vtype) {
	case VT_NONE:
	case VT_STRING:
		*type = NM_CELL_TEXT;
		if (r->has_string_value)
			nm_buf_put(out, r->value.ptr, r->value.len);
		else
			nm_buf_put(out, nm_buf_cstr(&r->text), r->text.len);
		return out->len > start;
	case VT_VOID:
		return false;
	case VT_FLOAT:
		if (!r->has_value) {
			*type = NM_CELL_INVALID;
			nm_buf_puts(out, "a number cell without its number");
		} else if (!is_number(v)) {
			*type = NM_CELL_INVALID;
			nm_buf_puts(out, "a number cell whose number '");
			put_cut(out, v, r->value.len, ODS_MAX_FORMULA_SHOWN);
			nm_buf_puts(out, "' is not a number");
		} else {
			*type = NM_CELL_NUMBER;
			nm_buf_put(out, v, r->value.len);
		}
		return true;
	case VT_DATE:
		if (r->has_value && is_date(v)) {
			*type = NM_CELL_DATE;
			nm_buf_put(out, v, 10);
		} else {
			*type = NM_CELL_INVALID;
			nm_buf_puts(out, "a date cell whose date '");
			put_cut(out, v, r->value.len, ODS_MAX_FORMULA_SHOWN);
			nm_buf_puts(out, "' is not a calendar date");
		}
		return true;
	case VT_TIME: {
		nm_buf t = NM_BUF_INIT;
		*type = NM_CELL_INVALID;
		show_time(&t, v);
		nm_buf_puts(out, "a time of day (");
		put_cut(out, nm_buf_cstr(&t), t.len, ODS_MAX_FORMULA_SHOWN);
		nm_buf_puts(out, "), not a date: write it as text");
		nm_buf_release(&t);
		return true;
	}
	case VT_BOOL:
		if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0) {
			*type = NM_CELL_BOOL;
			nm_buf_puts(out, "true");
		} else if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0) {
			*type = NM_CELL_BOOL;
			nm_buf_puts(out, "false");
		} else {
			*type = NM_CELL_INVALID;
			nm_buf_puts(out, "a boolean cell whose value '");
			put_cut(out, v, r->value.len, ODS_MAX_FORMULA_SHOWN);
			nm_buf_puts(out, "' is neither true nor false");
		}
		return true;
	default:
		*type = NM_CELL_INVALID;
		nm_buf_puts(out, "a cell of a type netmap does not know: '");
		put_cut(out, v, r->value.len, ODS_MAX_FORMULA_SHOWN);
		nm_buf_puts(out, "'");
		return true;
	}
}

static void end_cell(ods_reader *r)
{
	nm_cell_type type = NM_CELL_TEXT;
	uint64_t col = r->col;
	ods_pending *p;
	size_t off;

	r->col = sat_add(r->col, r->cell_repeat);
	if (r->covered)
		return;
	off = r->rowtext.len;
	if (!cell_value(r, &type, &r->rowtext))
		return;
	if (col + r->cell_repeat - 1 > NM_BOOK_MAX_COLS) {
		char name[8];
		nm_book_col_name(NM_BOOK_MAX_COLS, name);
		cell_error(r, "cell-out-of-range", r->row,
			   col > NM_BOOK_MAX_COLS ? col : NM_BOOK_MAX_COLS + 1,
			   "a non-empty cell lies right of column %s (%u), the last column netmap "
			   "reads",
			   name, NM_BOOK_MAX_COLS);
		return;
	}
	if (r->rowtext.len - off > NM_BOOK_MAX_CELL_BYTES) {
		r->col = col;
		too_long(r);
		return;
	}
	r->book_text += r->rowtext.len - off;
	if (r->book_text > ODS_MAX_TEXT) {
		cell_error(r, "too-much-text", r->row, col,
			   "the workbook's cells hold more than %u MiB of text, more than netmap "
			   "reads",
			   ODS_MAX_TEXT / (1024u * 1024u));
		return;
	}
	r->row_cells += r->cell_repeat;
	if (r->sheet->ncells + r->row_cells > NM_BOOK_MAX_CELLS ||
	    r->book_cells + r->row_cells > ODS_MAX_BOOK_CELLS) {
		too_many_cells(r, r->row, col);
		return;
	}
	NM_GROW(r->pending, r->pending_cap, r->npending + 1);
	p = &r->pending[r->npending++];
	p->col = (uint32_t)col;
	p->repeat = r->cell_repeat;
	p->rowspan = r->cell_rowspan;
	p->colspan = r->cell_colspan;
	p->type = (uint8_t)type;
	p->formula = r->has_formula;
	p->off = off;
	p->len = r->rowtext.len - off;
}

/* ---- content.xml ---- */

static void start_table(ods_reader *r, const XML_Char **atts)
{
	const char *name = attr(atts, NS_TABLE "name");
	const char *style = attr(atts, NS_TABLE "style-name");
	char fallback[32];

	if (r->book->nsheets >= NM_BOOK_MAX_SHEETS) {
		file_error(r, "too-many-sheets",
			   "the workbook has more than %u sheets, more than netmap reads",
			   NM_BOOK_MAX_SHEETS);
		stop(r);
		return;
	}
	if (!name) {
		snprintf(fallback, sizeof(fallback), "Sheet%zu", r->book->nsheets + 1);
		name = fallback;
	}
	r->sheet = nm_book_add_sheet(r->book, name, strlen(name));
	r->sheet_index = (int32_t)(r->book->nsheets - 1);
	r->sheet->hidden = style && nm_strmap_get(&r->hidden_styles, style) != UINT32_MAX;
	r->row = 1;
}

static void start_in_cell(ods_reader *r, int id, const XML_Char **atts)
{
	if (!r->para_at) {
		if (id == EL_TEXT_P) {
			if (r->nparas++ > 0)
				put_text(r, "\n", 1);
			r->para_at = r->depth;
		} else if (id != EL_TEXT_OTHER) {
			r->skip_at = r->depth; /* an annotation, a shape */
		}
		return;
	}
	switch (id) {
	case EL_TEXT_S: {
		uint32_t n = count_attr(atts, NS_TEXT "c");
		if (!r->collect)
			break;
		if (n > NM_BOOK_MAX_CELL_BYTES - r->text.len) {
			too_long(r);
			break;
		}
		nm_buf_grow(&r->text, n);
		memset(r->text.ptr + r->text.len, ' ', n);
		r->text.len += n;
		r->text.ptr[r->text.len] = '\0';
		break;
	}
	case EL_TEXT_TAB:
		put_text(r, "\t", 1);
		break;
	case EL_TEXT_BREAK:
		put_text(r, "\n", 1);
		break;
	case EL_TEXT_P:
	case EL_TEXT_OTHER:
		break;
	default:
		r->skip_at = r->depth; /* a note, an annotation, a frame */
		break;
	}
}

static void XMLCALL content_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	ods_reader *r = ud;
	int id;

	if (r->stopped)
		return;
	r->depth++;
	if (r->skip_at)
		return;
	id = element_id(name);
	if (r->cell_at) {
		start_in_cell(r, id, atts);
		return;
	}
	if (r->row_at) {
		if (id == EL_CELL || id == EL_COVERED) {
			r->cell_at = r->depth;
			start_cell(r, atts, id == EL_COVERED);
		} else {
			r->skip_at = r->depth;
		}
		return;
	}
	if (r->table_at) {
		if (id == EL_ROW) {
			r->row_at = r->depth;
			r->row_repeat = count_attr(atts, NS_TABLE "number-rows-repeated");
			r->col = 1;
			r->npending = 0;
			r->row_cells = 0;
			nm_buf_clear(&r->rowtext);
		} else if (id == EL_TABLE || id == EL_CELL || id == EL_COVERED) {
			r->skip_at = r->depth; /* a nested table, a stray cell */
		}
		return;
	}
	if (r->spreadsheet_at) {
		if (id == EL_TABLE) {
			r->table_at = r->depth;
			start_table(r, atts);
		}
		return;
	}
	switch (id) {
	case EL_SPREADSHEET:
		r->spreadsheet_at = r->depth;
		r->seen_spreadsheet = true;
		break;
	case EL_STYLE: {
		const char *family = attr(atts, NS_STYLE "family");
		const char *sname = attr(atts, NS_STYLE "name");
		r->style_name = NULL;
		if (family && sname && strcmp(family, "table") == 0)
			r->style_name = nm_arena_strdup(&r->styles, sname);
		break;
	}
	case EL_TABLE_PROPS: {
		const char *display = attr(atts, NS_TABLE "display");
		if (r->style_name && display && strcmp(display, "false") == 0)
			nm_strmap_put(&r->hidden_styles, r->style_name, 1);
		break;
	}
	default:
		break;
	}
}

static void XMLCALL content_end(void *ud, const XML_Char *name)
{
	ods_reader *r = ud;
	uint64_t d;

	(void)name;
	if (r->stopped)
		return;
	d = r->depth--;
	if (r->skip_at) {
		if (d == r->skip_at)
			r->skip_at = 0;
		return;
	}
	if (d == r->para_at) {
		r->para_at = 0;
	} else if (d == r->cell_at) {
		r->cell_at = 0;
		end_cell(r);
	} else if (d == r->row_at) {
		r->row_at = 0;
		end_row(r);
	} else if (d == r->table_at) {
		r->table_at = 0;
		nm_book_sort_cells(r->sheet);
		r->sheet = NULL;
	} else if (d == r->spreadsheet_at) {
		r->spreadsheet_at = 0;
	} else if (!r->spreadsheet_at && element_id(name) == EL_STYLE) {
		r->style_name = NULL;
	}
}

static void XMLCALL content_text(void *ud, const XML_Char *s, int len)
{
	ods_reader *r = ud;

	if (r->stopped || r->skip_at || !r->para_at || len <= 0)
		return;
	put_text(r, s, (size_t)len);
}

static void XMLCALL manifest_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	ods_reader *r = ud;

	(void)atts;
	if (!r->stopped && element_id(name) == EL_ENCRYPTION) {
		file_error(r, "encrypted-workbook",
			   "the spreadsheet is protected with a password, which netmap cannot "
			   "read: open it in LibreOffice Calc and save it without a password "
			   "(File, Save As, with 'Save with password' unchecked)");
		stop(r);
	}
}

/* ---- XML safety ---- */

static void XMLCALL refuse_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
				   const XML_Char *pubid, int has_internal_subset)
{
	ods_reader *r = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	if (r->stopped)
		return;
	file_error(r, "xml-doctype",
		   "'%s' has a document type declaration (line %lu), which netmap does not "
		   "read, for safety: a spreadsheet saved by LibreOffice Calc has none",
		   r->part, (unsigned long)XML_GetCurrentLineNumber(r->parser));
	stop(r);
}

static void XMLCALL refuse_entity(void *ud, const XML_Char *name, int is_param,
				  const XML_Char *value, int value_len, const XML_Char *base,
				  const XML_Char *sysid, const XML_Char *pubid,
				  const XML_Char *notation)
{
	(void)name;
	(void)is_param;
	(void)value;
	(void)value_len;
	(void)base;
	(void)sysid;
	(void)pubid;
	(void)notation;
	refuse_doctype(ud, NULL, NULL, NULL, 0);
}

static int XMLCALL refuse_external(XML_Parser p, const XML_Char *context, const XML_Char *base,
				   const XML_Char *sysid, const XML_Char *pubid)
{
	(void)p;
	(void)context;
	(void)base;
	(void)sysid;
	(void)pubid;
	return XML_STATUS_ERROR;
}

static XML_Parser new_parser(ods_reader *r)
{
	/* expat allocates through the checked allocator: out of memory is fatal */
	static const XML_Memory_Handling_Suite mem = {nm_xmalloc, nm_xrealloc, free};
	static const XML_Char sep[] = {NS_SEP, '\0'};
	XML_Parser p = XML_ParserCreate_MM(NULL, &mem, sep);

	if (!p)
		abort(); /* expat fails only when it cannot allocate */
	XML_SetUserData(p, r);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	XML_SetStartDoctypeDeclHandler(p, refuse_doctype);
	XML_SetEntityDeclHandler(p, refuse_entity);
	XML_SetExternalEntityRefHandler(p, refuse_external);
	return p;
}

/* ---- the archive ---- */

static void bomb(ods_reader *r, const char *part)
{
	file_error(r, "zip-bomb",
		   "'%s' unpacks to more than %u MiB, more than netmap reads from a workbook "
		   "(a zip bomb?)",
		   part, NM_BOOK_MAX_UNPACKED / (1024u * 1024u));
}

static void damaged(ods_reader *r, const char *part, zip_error_t *ze)
{
	int code = zip_error_code_zip(ze);

	if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
		file_error(r, "encrypted-workbook",
			   "the spreadsheet is protected with a password, which netmap cannot "
			   "read: open it in LibreOffice Calc and save it without a password");
	else
		file_error(r, "damaged-archive",
			   "'%s' cannot be unpacked (%s): the file is damaged or incomplete; "
			   "open it in LibreOffice Calc and save it again",
			   part, zip_error_strerror(ze));
}

/*
 * Inflate the entry at index chunk by chunk, each chunk to expat (p) or,
 * with p NULL, into out (at most max bytes: reading stops there; max > 0).
 * Returns 0 or NM_EINVALID.
 */
static int read_entry(ods_reader *r, zip_int64_t index, const char *part, XML_Parser p, nm_buf *out,
		      size_t max)
{
	zip_stat_t st;
	zip_file_t *zf = NULL;
	char *chunk = NULL;
	int rc = NM_OK;

	r->part = part;
	r->fed = 0;
	zip_stat_init(&st);
	if (zip_stat_index(r->za, (zip_uint64_t)index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    st.size > NM_BOOK_MAX_UNPACKED - r->unpacked) {
		bomb(r, part);
		return NM_EINVALID;
	}
	zf = zip_fopen_index(r->za, (zip_uint64_t)index, 0);
	if (!zf) {
		damaged(r, part, zip_get_error(r->za));
		return NM_EINVALID;
	}
	chunk = nm_xmalloc(ODS_CHUNK);
	for (;;) {
		zip_int64_t n = zip_fread(zf, chunk, ODS_CHUNK);
		if (n < 0) {
			damaged(r, part, zip_file_get_error(zf));
			rc = NM_EINVALID;
			break;
		}
		if ((uint64_t)n > NM_BOOK_MAX_UNPACKED - r->unpacked) {
			bomb(r, part);
			rc = NM_EINVALID;
			break;
		}
		r->unpacked += (uint64_t)n;
		if (!p) {
			/* a short entry read into out: what lies beyond max is not read */
			nm_buf_put(out, chunk,
				   (size_t)n < max - out->len ? (size_t)n : max - out->len);
			if (n == 0 || out->len >= max)
				break;
			continue;
		}
		r->fed += (uint64_t)n;
		if (XML_Parse(p, chunk, (int)n, n == 0) != XML_STATUS_OK) {
			if (!r->stopped)
				file_error(
					r, "bad-xml",
					"'%s' is not well-formed XML (line %lu, column %lu: %s): "
					"the file is damaged; open it in LibreOffice Calc and save "
					"it again",
					part, (unsigned long)XML_GetErrorLineNumber(p),
					(unsigned long)XML_GetErrorColumnNumber(p) + 1,
					XML_ErrorString(XML_GetErrorCode(p)));
			rc = NM_EINVALID;
			break;
		}
		if (n == 0)
			break;
		/* expat keeps an unfinished tag whole: a tag without end is refused */
		if (r->fed - (uint64_t)XML_GetCurrentByteIndex(p) > ODS_MAX_TOKEN) {
			file_error(r, "bad-xml",
				   "'%s' holds an XML tag longer than %u MiB (line %lu), more than "
				   "netmap reads",
				   part, ODS_MAX_TOKEN / (1024u * 1024u),
				   (unsigned long)XML_GetCurrentLineNumber(p));
			rc = NM_EINVALID;
			break;
		}
	}
	free(chunk);
	zip_fclose(zf);
	return rc;
}

static int parse_part(ods_reader *r, zip_int64_t index, const char *part, bool content)
{
	int rc;

	r->parser = new_parser(r);
	r->stopped = false;
	if (content) {
		XML_SetElementHandler(r->parser, content_start, content_end);
		XML_SetCharacterDataHandler(r->parser, content_text);
	} else {
		XML_SetStartElementHandler(r->parser, manifest_start);
	}
	rc = read_entry(r, index, part, r->parser, NULL, 0);
	XML_ParserFree(r->parser);
	r->parser = NULL;
	return rc;
}

static void not_ods(ods_reader *r, const char *data, size_t len)
{
	const char *what = nm_book_sniff(data, len);

	if (!what)
		file_error(r, "not-a-spreadsheet",
			   "the file is not an OpenDocument spreadsheet (.ods), nor any kind of "
			   "file netmap knows: open it in LibreOffice Calc and save it as .ods");
	else if (strcmp(what, "a text file") == 0)
		file_error(r, "not-a-spreadsheet",
			   "the file is a text file, not an OpenDocument spreadsheet (.ods): if it "
			   "holds comma-separated values, rename it to .csv; otherwise open it in "
			   "LibreOffice Calc and save it as .ods");
	else if (strcmp(what, "an XML file") == 0)
		file_error(
			r, "not-a-spreadsheet",
			"the file is an XML file, not an OpenDocument spreadsheet (.ods): if it "
			"is a flat OpenDocument spreadsheet (.fods), open it in LibreOffice Calc "
			"and save it as .ods");
	else if (strncmp(what, "an old Excel", 12) == 0)
		file_error(r, "not-a-spreadsheet",
			   "the file is %s, not an OpenDocument spreadsheet (.ods): open it in "
			   "LibreOffice Calc or Excel and save it as .ods, without a password",
			   what);
	else if (strcmp(what, "an empty file") == 0)
		file_error(r, "not-a-spreadsheet",
			   "the file is empty, not an OpenDocument spreadsheet (.ods): open the "
			   "spreadsheet in LibreOffice Calc and save it as .ods again");
	else
		file_error(r, "not-a-spreadsheet",
			   "the file is %s, not an OpenDocument spreadsheet (.ods): open it in "
			   "LibreOffice Calc and save it as .ods",
			   what);
}

/* The archive is no spreadsheet: say what it seems to be. */
static void wrong_zip(ods_reader *r, const char *mimetype)
{
	static const struct {
		const char *type, *what;
	} odf[] = {
		{"application/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)"},
		{"application/vnd.oasis.opendocument.presentation",
		 "an OpenDocument presentation (.odp)"},
		{"application/vnd.oasis.opendocument.graphics", "an OpenDocument drawing (.odg)"},
	};

	if (!mimetype && zip_name_locate(r->za, "xl/workbook.xml", 0) >= 0) {
		file_error(r, "not-a-spreadsheet",
			   "the file is an Excel workbook (.xlsx) named .ods: rename it to .xlsx");
		return;
	}
	if (!mimetype && zip_name_locate(r->za, "word/document.xml", 0) >= 0) {
		file_error(r, "not-a-spreadsheet",
			   "the file is a Word document (.docx), not a spreadsheet: open the "
			   "spreadsheet itself and save it as .ods");
		return;
	}
	for (size_t i = 0; mimetype && i < sizeof(odf) / sizeof(odf[0]); i++)
		if (strncmp(mimetype, odf[i].type, strlen(odf[i].type)) == 0) {
			file_error(r, "not-a-spreadsheet",
				   "the file is %s, not a spreadsheet: open the spreadsheet itself "
				   "in LibreOffice Calc and save it as .ods",
				   odf[i].what);
			return;
		}
	file_error(r, "not-a-spreadsheet",
		   "the file is a ZIP archive, but not an OpenDocument spreadsheet (.ods): open "
		   "the spreadsheet in LibreOffice Calc and save it as .ods");
}

/* The mimetype entry, trimmed, into out; false when there is none. */
static int read_mimetype(ods_reader *r, nm_buf *out, bool *found)
{
	zip_int64_t i = zip_name_locate(r->za, "mimetype", 0);
	int rc;

	*found = i >= 0;
	if (i < 0)
		return NM_OK;
	rc = read_entry(r, i, "mimetype", NULL, out, 128);
	while (out->len > 0 && (out->ptr[out->len - 1] == '\n' || out->ptr[out->len - 1] == '\r' ||
				out->ptr[out->len - 1] == ' '))
		out->ptr[--out->len] = '\0';
	return rc;
}

static int read_archive(ods_reader *r)
{
	nm_buf mime = NM_BUF_INIT;
	bool has_mime;
	zip_int64_t n, content, manifest;
	int rc;

	n = zip_get_num_entries(r->za, 0);
	if (n > (zip_int64_t)NM_BOOK_MAX_ENTRIES) {
		file_error(r, "too-many-entries",
			   "the archive holds %" PRId64 " entries, more than the %u netmap reads "
			   "from a workbook",
			   (int64_t)n, NM_BOOK_MAX_ENTRIES);
		rc = NM_EINVALID;
		goto done;
	}
	rc = read_mimetype(r, &mime, &has_mime);
	if (rc)
		goto done;
	content = zip_name_locate(r->za, "content.xml", 0);
	if (has_mime ? strcmp(mime.ptr, ODS_MIMETYPE) != 0 &&
			       strcmp(mime.ptr, ODS_MIMETYPE "-template") != 0
		     : content < 0) {
		wrong_zip(r, has_mime ? mime.ptr : NULL);
		rc = NM_EINVALID;
		goto done;
	}
	manifest = zip_name_locate(r->za, "META-INF/manifest.xml", 0);
	if (manifest >= 0) {
		rc = parse_part(r, manifest, "META-INF/manifest.xml", false);
		if (rc)
			goto done;
	}
	if (content < 0) {
		file_error(r, "missing-content",
			   "the archive has no content.xml: it is not a complete OpenDocument "
			   "spreadsheet; open it in LibreOffice Calc and save it again");
		rc = NM_EINVALID;
		goto done;
	}
	rc = parse_part(r, content, "content.xml", true);
	if (rc)
		goto done;
	if (!r->seen_spreadsheet) {
		file_error(r, "not-a-spreadsheet",
			   "the file's content.xml holds no spreadsheet: open the file in "
			   "LibreOffice Calc and save it as .ods");
		rc = NM_EINVALID;
	}
done:
	nm_buf_release(&mime);
	return rc;
}

int nm_ods_read(const char *data, size_t len, nm_book *book)
{
	ods_reader r;
	zip_error_t ze;
	zip_source_t *src = NULL;
	const char *what = nm_book_sniff(data, len);
	int rc;

	memset(&r, 0, sizeof(r));
	r.book = book;
	r.sheet_index = -1;
	nm_strmap_init(&r.hidden_styles);
	nm_buf_init(&r.rowtext);
	nm_buf_init(&r.value);
	nm_buf_init(&r.formula);
	nm_buf_init(&r.text);
	if (!what || strcmp(what, "a ZIP archive") != 0) {
		not_ods(&r, data, len);
		rc = NM_EINVALID;
		goto done;
	}
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src)
		r.za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!r.za) {
		file_error(&r, "damaged-archive",
			   "the file is a damaged or incomplete ZIP archive (%s): open it in "
			   "LibreOffice Calc and save it again as .ods",
			   zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		rc = NM_EINVALID;
		goto done;
	}
	zip_error_fini(&ze);
	rc = read_archive(&r);
	zip_discard(r.za);
done:
	free(r.pending);
	nm_buf_release(&r.rowtext);
	nm_buf_release(&r.value);
	nm_buf_release(&r.formula);
	nm_buf_release(&r.text);
	nm_strmap_release(&r.hidden_styles);
	nm_arena_release(&r.styles);
	return rc || book->errors ? NM_EINVALID : NM_OK;
}
