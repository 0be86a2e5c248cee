/*
 * tables.c: the tables of a spreadsheet book as documents that validation
 * reads like YAML (tables.h, contract 6.1-6.5).
 *
 * A sheet is first spread out into "virtual cells": its own cells plus a
 * copy of each merged range's value in every other cell of the range (a
 * budget bounds what merges may stand for), sorted by row and column. The
 * header row and the columns are found on those, then every further row
 * with a value in a read column becomes one record: a mapping whose keys
 * sit at their header cells and whose values sit at their cells. What only
 * a table can get wrong (headers, cell types, a missing value in a row) is
 * reported here; everything else is left to validation, which sees the
 * same mappings a YAML file would give.
 */
#include "netmap/tables.h"
#include "netmap/buf.h"
#include "netmap/common.h"
#include "netmap/labels.h"
#include "netmap/model.h"
#include "netmap/names.h"
#include "netmap/strmap.h"
#include "netmap/validate.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Cells that merged ranges of one sheet may stand for, beyond its own. */
#define MAX_MERGED_CELLS NM_BOOK_MAX_CELLS
/* An exponent beyond this is kept as written (validation reports it). */
#define MAX_EXPONENT 400
/* Columns of one table, at most (labels.c has 16 for committees). */
#define MAX_FIELDS 32
/* Longest id derived from a name (6.4). */
#define MAX_ID 64

typedef struct place {
	uint32_t file, line, col;
} place;

/* A cell of the sheet, or a merged range's value copied to one of its cells. */
typedef struct vcell {
	uint32_t row, col;
	uint32_t src;  /* index into the sheet's cells */
	uint32_t copy; /* 1 for a copy of a merged range's value */
} vcell;

/* A growable list of nodes, copied into the arena when complete. */
typedef struct nvec {
	nm_node **v;
	size_t n, cap;
} nvec;

enum col_state {
	COL_NONE,   /* no header: data here is one warning */
	COL_READ,   /* a known header (or a committee, in the matrix) */
	COL_ACTOR,  /* the matrix's actor column */
	COL_IGNORED /* an x- header, an unknown header, a second column */
};

typedef struct colinfo {
	nm_node *key, *value;    /* the matrix: a committee column's nodes */
	uint8_t state;           /* col_state */
	bool warned;             /* data without a header: warned once */
	const nm_column *column; /* COL_READ in a plain table */
	const char *committee;   /* COL_READ in the matrix: the header's text */
	size_t hdr;              /* the header's vcell */
} colinfo;

/* A header's comparison key and the column it names. */
typedef struct hdrkey {
	char *key;
	const nm_column *column;
} hdrkey;

/* The keys of an enum field's words and the values they stand for. */
typedef struct enum_keys {
	char **keys;
	int *values;
	size_t n;
	bool built;
} enum_keys;

typedef struct reader {
	const nm_book *book;
	const nm_tables_ctx *ctx;
	const nm_sheet *sheet;
	uint32_t file; /* the sheet's diags entry (the file's, for CSV) */
	vcell *cells;
	size_t ncells;
	colinfo *cols; /* [0 .. ncols) by column number */
	uint32_t ncols;
	size_t hdr_first; /* the header row's first vcell */
	size_t hdr_end;
	place hdr_place; /* the header row's first non-empty cell */
	nm_buf text, key, tmp;
	enum_keys enums[NM_ENUM_FIELD_COUNT];
	nm_doc *docs;
	size_t ndocs, docs_cap;
} reader;

/* ------------------------------------------------------------------ */
/* Text                                                               */

/* The bytes of the Unicode White_Space character at s, or 0. */
static size_t space_at(const char *s, size_t len)
{
	utf8proc_int32_t c = -1;
	utf8proc_ssize_t n;
	utf8proc_category_t cat;

	if (len == 0)
		return 0;
	if ((unsigned char)*s < 0x80)
		return *s == ' ' || (*s >= '\t' && *s <= '\r') ? 1 : 0;
	n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);
	if (n <= 0)
		return 0;
	if (c == 0x85)
		return (size_t)n;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
			       cat == UTF8PROC_CATEGORY_ZP
		       ? (size_t)n
		       : 0;
}

/* s trimmed of white space at both ends: *len receives its length. */
static const char *trim(const char *s, size_t *len)
{
	size_t n = strlen(s), k, end = 0, i = 0;

	while ((k = space_at(s, n)) > 0) {
		s += k;
		n -= k;
	}
	/* Most cells end in an ASCII character: trim those from the end
	 * without walking the whole text. */
	while (n > 0 && (unsigned char)s[n - 1] < 0x80) {
		if (space_at(s + n - 1, 1) == 0) {
			*len = n;
			return s;
		}
		n--;
	}
	while (i < n) {
		k = space_at(s + i, n - i);
		if (k) {
			i += k;
			continue;
		}
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		end = i;
	}
	*len = end;
	return s;
}

/*
 * The plain decimal of a number's stored digits into out: "7" for "7.0",
 * "0.001" for "1E-3", "1.5" for "1.50", no exponent, no "-0". False (out
 * untouched) when s is no decimal number.
 */
static bool plain_decimal(const char *s, size_t len, nm_buf *out)
{
	nm_buf digits = NM_BUF_INIT;
	size_t i = 0, nint = 0;
	bool neg = false, ok = false;
	long exp = 0, point;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, nint++)
		nm_buf_putc(&digits, s[i]);
	if (i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			nm_buf_putc(&digits, s[i]);
	if (digits.len == 0)
		goto done;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		bool eneg = false;
		size_t start;
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			eneg = s[i++] == '-';
		start = i;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			exp = exp * 10 + (s[i] - '0');
			if (exp > MAX_EXPONENT)
				goto done;
		}
		if (i == start)
			goto done;
		if (eneg)
			exp = -exp;
	}
	if (i != len || digits.len > NM_BOOK_MAX_CELL_BYTES)
		goto done;
	ok = true;
	{
		const char *d = digits.ptr;
		long n = (long)digits.len, first = 0, last = n;
		bool zero = true;

#define DIGIT(k) ((k) >= 0 && (k) < n ? d[(k)] : '0')
		point = (long)nint + exp; /* digits before the decimal point */
		for (long k = 0; k < n && zero; k++)
			zero = d[k] == '0';
		/* leading zeros of the whole part, trailing zeros of the fraction */
		while (first < point - 1 && DIGIT(first) == '0')
			first++;
		while (last > point && DIGIT(last - 1) == '0')
			last--;
		nm_buf_clear(out);
		nm_buf_grow(out, 1);
		if (neg && !zero)
			nm_buf_putc(out, '-');
		if (point <= 0)
			nm_buf_putc(out, '0');
		for (long k = first; k < point; k++)
			nm_buf_putc(out, DIGIT(k));
		if (last > point) {
			nm_buf_putc(out, '.');
			for (long k = point; k < last; k++)
				nm_buf_putc(out, DIGIT(k));
		}
#undef DIGIT
	}
done:
	nm_buf_release(&digits);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Places and problems                                                */

static place file_place(const reader *r)
{
	return (place){r->ctx->file, 1, 1};
}

static const nm_cell *src_of(const reader *r, const vcell *c)
{
	return &r->sheet->cells[c->src];
}

static place cell_place(const reader *r, const vcell *c)
{
	if (r->ctx->csv) {
		const nm_cell *s = src_of(r, c);
		return (place){r->file, s->line ? s->line : c->row, s->lcol ? s->lcol : c->col};
	}
	return (place){r->file, c->row, c->col};
}

/* The characters of s (code points) and the line breaks in it. */
static void text_extent(const char *s, uint32_t *chars_after_break, uint32_t *breaks,
			uint32_t *quotes)
{
	uint32_t n = 0;

	*breaks = 0;
	*quotes = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '\n') {
			(*breaks)++;
			n = 0;
			*quotes = 0;
			continue;
		}
		if (*p == '"')
			(*quotes)++;
		if (((unsigned char)*p & 0xC0) != 0x80)
			n++;
	}
	*chars_after_break = n;
}

/*
 * The place of a cell that is empty, in row [b, e). In a workbook it is
 * the row and column; a CSV file keeps no empty cells, so the place is
 * worked out from a neighbour: an empty field takes no character, only
 * its delimiter.
 */
static place empty_place(const reader *r, size_t b, size_t e, uint32_t row, uint32_t col)
{
	const vcell *prev = NULL;

	if (!r->ctx->csv)
		return (place){r->file, row, col};
	for (size_t i = b; i < e; i++) {
		const nm_cell *s = src_of(r, &r->cells[i]);
		if (r->cells[i].col > col) {
			uint32_t back = r->cells[i].col - col;
			return (place){r->file, s->line, s->lcol > back ? s->lcol - back : 1};
		}
		prev = &r->cells[i];
	}
	if (prev) {
		const nm_cell *s = src_of(r, prev);
		uint32_t after, breaks, quotes, end;
		bool quoted;

		text_extent(s->text, &after, &breaks, &quotes);
		quoted = breaks || quotes || strchr(s->text, '\r');
		if (breaks)
			end = after + quotes + 2; /* the closing quote, then the delimiter */
		else
			end = s->lcol + after + (quoted ? 2 + quotes : 0);
		return (place){r->file, s->line + breaks, end + (col - prev->col)};
	}
	return (place){r->file, row, col};
}

static void problem(reader *r, nm_severity sev, const char *rule, place p, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

static void problem(reader *r, nm_severity sev, const char *rule, place p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nm_diags_vadd(r->ctx->diags, sev, rule, p.file, p.line, p.col, fmt, ap);
	va_end(ap);
}

/* The diags entry of a sheet: the one registered before, or a new one. */
static uint32_t sheet_entry(const nm_tables_ctx *ctx, const char *name)
{
	const nm_diags *d = ctx->diags;

	if (ctx->csv)
		return ctx->file;
	for (size_t i = 0; i < d->nfiles; i++)
		if (i != ctx->file && d->book[i] == ctx->file && d->sheets[i] &&
		    strcmp(d->sheets[i], name) == 0)
			return (uint32_t)i;
	return nm_diags_sheet(ctx->diags, ctx->file, name);
}

/* ------------------------------------------------------------------ */
/* Nodes                                                              */

static nm_node *new_node(const reader *r, uint8_t kind, place p)
{
	nm_node *n = nm_arena_alloc(r->ctx->arena, sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->from = NM_FROM_CELL;
	n->file = p.file;
	n->line = p.line;
	n->col = p.col;
	n->weight = 1;
	return n;
}

static nm_node *scalar_node(const reader *r, place p, const char *s, size_t len)
{
	nm_node *n = new_node(r, NM_NODE_SCALAR, p);

	n->u.value = nm_arena_strndup(r->ctx->arena, s, len);
	n->n = (uint32_t)len;
	n->weight = (uint32_t)(1 + len / NM_ALIAS_BYTES_PER_NODE); /* a cell is far shorter */
	return n;
}

static nm_node *text_node(const reader *r, place p, const char *s)
{
	return scalar_node(r, p, s, strlen(s));
}

/* A scalar of static text (a key, an enum value): not copied. */
static nm_node *lit_node(const reader *r, place p, const char *s)
{
	nm_node *n = new_node(r, NM_NODE_SCALAR, p);

	n->u.value = s;
	n->n = (uint32_t)strlen(s);
	return n;
}

static void nvec_push(nvec *v, nm_node *n)
{
	NM_GROW(v->v, v->cap, v->n + 1);
	v->v[v->n++] = n;
}

static void nvec_insert2(nvec *v, size_t at, nm_node *a, nm_node *b)
{
	NM_GROW(v->v, v->cap, v->n + 2);
	memmove(v->v + at + 2, v->v + at, (v->n - at) * sizeof(*v->v));
	v->v[at] = a;
	v->v[at + 1] = b;
	v->n += 2;
}

/* A sequence or mapping of the nodes in v (v is emptied). */
static nm_node *collection(const reader *r, uint8_t kind, place p, nvec *v)
{
	nm_node *n = new_node(r, kind, p);

	n->n = (uint32_t)v->n;
	if (v->n) {
		n->u.items = nm_arena_alloc(r->ctx->arena, v->n * sizeof(*v->v));
		memcpy(n->u.items, v->v, v->n * sizeof(*v->v));
	}
	for (size_t i = 0; i < v->n; i++) {
		uint64_t w = (uint64_t)n->weight + v->v[i]->weight;
		n->weight = w > UINT32_MAX ? UINT32_MAX : (uint32_t)w;
	}
	v->n = 0;
	return n;
}

static void emit_doc(reader *r, nm_node *root)
{
	NM_GROW(r->docs, r->docs_cap, r->ndocs + 1);
	r->docs[r->ndocs].root = root;
	r->docs[r->ndocs].file = r->file;
	r->docs[r->ndocs].base = 0;
	r->ndocs++;
}

/* A document {key: value}, with the key at the table's header. */
static void emit_table(reader *r, const char *key, nm_node *value)
{
	nvec top = {NULL, 0, 0};

	nvec_push(&top, lit_node(r, r->hdr_place, key));
	nvec_push(&top, value);
	emit_doc(r, collection(r, NM_NODE_MAP, r->hdr_place, &top));
	free(top.v);
}

/* ------------------------------------------------------------------ */
/* Cells                                                              */

static bool is_blank(const nm_cell *c)
{
	size_t len;

	if (c->type == NM_CELL_ERROR || c->type == NM_CELL_INVALID)
		return false;
	trim(c->text, &len);
	return len == 0;
}

/*
 * The text of a cell for comparisons (headers, keys, marks): text trimmed,
 * a number as its plain decimal, anything else as stored.
 */
static const char *cell_text(reader *r, const nm_cell *c)
{
	size_t len;
	const char *s = trim(c->text, &len);

	nm_buf_clear(&r->text);
	nm_buf_grow(&r->text, 1);
	if (c->type == NM_CELL_NUMBER && plain_decimal(s, len, &r->text))
		return r->text.ptr;
	nm_buf_put(&r->text, s, len);
	return r->text.ptr;
}

/* Report an error or invalid cell; true when the cell holds a value. */
static bool cell_usable(reader *r, const vcell *vc)
{
	const nm_cell *c = src_of(r, vc);

	if (c->type == NM_CELL_ERROR) {
		problem(r, NM_SEV_ERROR, "cell-error", cell_place(r, vc),
			"the cell holds the error value %s; fix the formula or type the value",
			c->text);
		return false;
	}
	if (c->type == NM_CELL_INVALID) {
		problem(r, NM_SEV_ERROR, "cell-error", cell_place(r, vc),
			"the cell has no usable value: %s", c->text);
		return false;
	}
	return true;
}

/* Whether text (trimmed) is `D.M.YYYY`; *iso receives "YYYY-MM-DD". */
static bool german_date(const char *s, char *iso)
{
	unsigned d = 0, m = 0;
	size_t i = 0, k;

	for (k = 0; s[i] >= '0' && s[i] <= '9' && k < 3; i++, k++)
		d = d * 10 + (unsigned)(s[i] - '0');
	if (k < 1 || k > 2 || s[i++] != '.')
		return false;
	for (k = 0; s[i] >= '0' && s[i] <= '9' && k < 3; i++, k++)
		m = m * 10 + (unsigned)(s[i] - '0');
	if (k < 1 || k > 2 || s[i++] != '.')
		return false;
	for (k = 0; k < 4; k++)
		if (s[i + k] < '0' || s[i + k] > '9')
			return false;
	if (s[i + 4] != '\0')
		return false;
	memcpy(iso, s + i, 4);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = '\0';
	return true;
}

static bool iso_shape(const char *s)
{
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return false;
		} else if (s[i] < '0' || s[i] > '9') {
			return false;
		}
	}
	return s[10] == '\0';
}

static nm_node *date_node(reader *r, const vcell *vc)
{
	const nm_cell *c = src_of(r, vc);
	const char *s = cell_text(r, c);
	char iso[11];
	nm_date d;

	if (c->type == NM_CELL_DATE) {
		/* a calendar date already; any time of day after it is ignored (6.3) */
		if (strlen(s) > 10 && (s[10] == 'T' || s[10] == ' ')) {
			memcpy(iso, s, 10);
			iso[10] = '\0';
			if (iso_shape(iso))
				return text_node(r, cell_place(r, vc), iso);
		}
		return text_node(r, cell_place(r, vc), s);
	}
	if (c->type == NM_CELL_TEXT && iso_shape(s)) {
		memcpy(iso, s, sizeof(iso));
	} else if (c->type != NM_CELL_TEXT || !german_date(s, iso)) {
		problem(r, NM_SEV_ERROR, "date", cell_place(r, vc),
			"'%s' is not a date: write the date as 2026-03-01 or 1.3.2026, or make it "
			"a date cell",
			s);
		return NULL;
	}
	if (nm_date_parse(iso, &d) != 0) {
		problem(r, NM_SEV_ERROR, "date", cell_place(r, vc),
			"invalid date '%s': that day does not exist in the calendar", s);
		return NULL;
	}
	return text_node(r, cell_place(r, vc), iso);
}

static const char *const true_words[] = {"true", "yes", "ja", "wahr", "x", "1"};
static const char *const false_words[] = {"false", "no", "nein", "falsch", "0"};

/*
 * Whether a key is one of words. Each word is its own key (lowercase
 * ASCII or a check mark, no separators), so the words are not keyed.
 */
static bool in_keys(const char *key, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(words[i], key) == 0)
			return true;
	return false;
}

static nm_node *bool_node(reader *r, const vcell *vc)
{
	const nm_cell *c = src_of(r, vc);
	const char *s = cell_text(r, c);

	if (c->type != NM_CELL_DATE) {
		nm_label_key(s, &r->key);
		if (in_keys(r->key.ptr, true_words, sizeof(true_words) / sizeof(*true_words)))
			return lit_node(r, cell_place(r, vc), "true");
		if (in_keys(r->key.ptr, false_words, sizeof(false_words) / sizeof(*false_words)))
			return lit_node(r, cell_place(r, vc), "false");
	}
	problem(r, NM_SEV_ERROR, "boolean", cell_place(r, vc),
		"'%s' is not a yes/no value: write ja or nein (or true/false, yes/no, wahr/falsch, "
		"x, 1/0)",
		s);
	return NULL;
}

/* nm_label_enum_lookup with the words' keys made once per book. */
static int enum_lookup(reader *r, nm_enum_field field, const char *text)
{
	enum_keys *e = &r->enums[field];

	if (!e->built) {
		size_t n;
		const char *const *words = nm_label_enum_words(field, &n);
		nm_buf k = NM_BUF_INIT;

		e->keys = nm_xcalloc(n + 1, sizeof(*e->keys));
		e->values = nm_xcalloc(n + 1, sizeof(*e->values));
		for (size_t i = 0; i < n; i++) {
			nm_label_key(words[i], &k);
			e->keys[i] = nm_xstrdup(k.ptr);
			e->values[i] = nm_label_enum_lookup(field, words[i]);
		}
		e->n = n;
		e->built = true;
		nm_buf_release(&k);
	}
	nm_label_key(text, &r->key);
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->keys[i], r->key.ptr) == 0)
			return e->values[i];
	return -1;
}

/* The English value of an enum cell; an unknown word is kept for validation. */
static nm_node *enum_node(reader *r, const vcell *vc, nm_enum_field field)
{
	const char *s = cell_text(r, src_of(r, vc));
	int i = enum_lookup(r, field, s);

	if (i >= 0)
		return lit_node(r, cell_place(r, vc), nm_label_enum_word(field, i, NM_LANG_EN));
	return text_node(r, cell_place(r, vc), s);
}

/*
 * A list cell: items separated by `,`, `;` or line breaks, each trimmed,
 * empty ones skipped, each a scalar at the cell. A single `-` is an empty
 * list where dash_empty. Items of voices are types (field >= 0).
 */
static nm_node *list_node(reader *r, const vcell *vc, bool dash_empty, int field)
{
	const nm_cell *c = src_of(r, vc);
	place p = cell_place(r, vc);
	nvec items = {NULL, 0, 0};
	nm_buf all = NM_BUF_INIT;
	nm_node *n;
	const char *s;

	nm_buf_puts(&all, cell_text(r, c));
	s = nm_buf_cstr(&all);
	if (!(dash_empty && strcmp(s, "-") == 0) && c->type != NM_CELL_TEXT) {
		nvec_push(&items, text_node(r, p, s));
	} else if (!(dash_empty && strcmp(s, "-") == 0)) {
		while (*s) {
			size_t n_item = strcspn(s, ",;\n\r"), len;
			char *item = nm_xstrndup(s, n_item);
			const char *t = trim(item, &len);

			if (len > 0) {
				nm_buf_clear(&r->tmp);
				nm_buf_put(&r->tmp, t, len);
				if (field >= 0) {
					int i = enum_lookup(r, (nm_enum_field)field, r->tmp.ptr);
					if (i >= 0) {
						nm_buf_clear(&r->tmp);
						nm_buf_puts(&r->tmp,
							    nm_label_enum_word((nm_enum_field)field,
									       i, NM_LANG_EN));
					}
				}
				nvec_push(&items, scalar_node(r, p, r->tmp.ptr, r->tmp.len));
			}
			free(item);
			s += n_item;
			if (*s)
				s++;
		}
	}
	n = collection(r, NM_NODE_SEQ, p, &items);
	free(items.v);
	nm_buf_release(&all);
	return n;
}

/* The value node of a read cell by its column's kind; NULL when reported. */
static nm_node *value_node(reader *r, const nm_column *col, const vcell *vc)
{
	if (!cell_usable(r, vc))
		return NULL;
	switch (col->kind) {
	case NM_COL_ENUM:
		return enum_node(r, vc, (nm_enum_field)col->enum_field);
	case NM_COL_DATE:
		return date_node(r, vc);
	case NM_COL_BOOL:
		return bool_node(r, vc);
	case NM_COL_LIST:
		return list_node(r, vc, false, -1);
	default:
		return text_node(r, cell_place(r, vc), cell_text(r, src_of(r, vc)));
	}
}

/* ------------------------------------------------------------------ */
/* Virtual cells                                                      */

static int cmp_vcell(const void *pa, const void *pb)
{
	const vcell *a = pa, *b = pb;

	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if (a->copy != b->copy)
		return a->copy < b->copy ? -1 : 1;
	return (a->src > b->src) - (a->src < b->src);
}

/*
 * The sheet's cells and the copies its merged ranges make, sorted, one
 * per place (a cell of its own wins over a copy). False, with an error,
 * when the merges stand for more cells than the budget allows.
 */
static bool spread_cells(reader *r)
{
	const nm_sheet *sh = r->sheet;
	size_t cap = 0, n = 0, copies = 0;
	vcell *v = NULL;

	NM_GROW(v, cap, sh->ncells + 1);
	for (size_t i = 0; i < sh->ncells; i++)
		v[n++] = (vcell){sh->cells[i].row, sh->cells[i].col, (uint32_t)i, 0};
	for (size_t m = 0; m < sh->nmerges; m++) {
		nm_range g = sh->merges[m];
		const nm_cell *first;
		uint64_t size;

		if (g.row1 == 0 || g.col1 == 0 || g.row2 < g.row1 || g.col2 < g.col1)
			continue;
		if (g.row2 > NM_BOOK_MAX_ROWS)
			g.row2 = NM_BOOK_MAX_ROWS;
		if (g.col2 > NM_BOOK_MAX_COLS)
			g.col2 = NM_BOOK_MAX_COLS;
		first = nm_sheet_cell(sh, g.row1, g.col1);
		if (!first || g.row2 < g.row1 || g.col2 < g.col1)
			continue;
		size = (uint64_t)(g.row2 - g.row1 + 1) * (g.col2 - g.col1 + 1) - 1;
		if (size + copies > MAX_MERGED_CELLS) {
			problem(r, NM_SEV_ERROR, "merge-budget",
				r->ctx->csv ? file_place(r) : (place){r->file, g.row1, g.col1},
				"the merged cells of this sheet stand for more than %u cells; the sheet "
				"is not read",
				MAX_MERGED_CELLS);
			free(v);
			return false;
		}
		copies += (size_t)size;
		NM_GROW(v, cap, n + (size_t)size + 1);
		for (uint32_t row = g.row1; row <= g.row2; row++)
			for (uint32_t col = g.col1; col <= g.col2; col++)
				if (row != g.row1 || col != g.col1)
					v[n++] = (vcell){row, col, (uint32_t)(first - sh->cells),
							 1};
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_vcell);
	{
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (k == 0 || v[i].row != v[k - 1].row || v[i].col != v[k - 1].col)
				v[k++] = v[i];
		n = k;
	}
	r->cells = v;
	r->ncells = n;
	r->ncols = 1;
	for (size_t i = 0; i < n; i++)
		if (v[i].col + 1 > r->ncols)
			r->ncols = v[i].col + 1;
	r->cols = nm_xcalloc(r->ncols, sizeof(*r->cols));
	return true;
}

/* The end of the row that starts at vcell i. */
static size_t row_end(const reader *r, size_t i)
{
	size_t j = i;

	while (j < r->ncells && r->cells[j].row == r->cells[i].row)
		j++;
	return j;
}

/* The first vcell of rows [b, e) that is not blank, or e. */
static size_t first_value(const reader *r, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++)
		if (!is_blank(src_of(r, &r->cells[i])))
			return i;
	return e;
}

/* ------------------------------------------------------------------ */
/* Headers                                                            */

/* cap grows through NM_GROW, which clang-tidy does not see. */
static void add_key(hdrkey **keys, size_t *n,
		    size_t *cap, // NOLINT(readability-non-const-parameter)
		    const char *word, const nm_column *col, nm_buf *tmp)
{
	nm_label_key(word, tmp);
	NM_GROW(*keys, *cap, *n + 1);
	(*keys)[*n].key = nm_xstrdup(tmp->ptr);
	(*keys)[*n].column = col;
	(*n)++;
}

/* Every header of a table as its key, and every header as written (for hints). */
static hdrkey *table_keys(nm_table t, size_t *nkeys, const char ***words, size_t *nwords,
			  nm_buf *tmp)
{
	size_t ncol, cap = 0, wcap = 0;
	const nm_column *cols = nm_label_columns(t, &ncol);
	hdrkey *keys = NULL;

	*nkeys = 0;
	*nwords = 0;
	*words = NULL;
	for (size_t i = 0; i < ncol; i++) {
		const nm_column *c = &cols[i];
		NM_GROW(*words, wcap, *nwords + 1);
		(*words)[(*nwords)++] = c->field;
		add_key(&keys, nkeys, &cap, c->field, c, tmp);
		for (const char *const *a = c->aliases; a && *a; a++) {
			NM_GROW(*words, wcap, *nwords + 1);
			(*words)[(*nwords)++] = *a;
			add_key(&keys, nkeys, &cap, *a, c, tmp);
		}
	}
	for (size_t i = 0; i < ncol; i++)
		for (const char *const *g = cols[i].headers_de; g && *g; g++) {
			NM_GROW(*words, wcap, *nwords + 1);
			(*words)[(*nwords)++] = *g;
			add_key(&keys, nkeys, &cap, *g, &cols[i], tmp);
		}
	return keys;
}

static const nm_column *key_column(const hdrkey *keys, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(keys[i].key, key) == 0)
			return keys[i].column;
	return NULL;
}

static void free_keys(hdrkey *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(keys[i].key);
	free(keys);
}

/* The header row of a plain table: its first row with a known header. */
static bool find_header(reader *r, const hdrkey *keys, size_t nkeys)
{
	for (size_t i = 0; i < r->ncells;) {
		size_t e = row_end(r, i);
		for (size_t k = i; k < e; k++) {
			const nm_cell *c = src_of(r, &r->cells[k]);
			if (c->type != NM_CELL_TEXT || strlen(c->text) > 200)
				continue;
			nm_label_key(cell_text(r, c), &r->key);
			if (key_column(keys, nkeys, r->key.ptr)) {
				r->hdr_first = i;
				r->hdr_end = e;
				r->hdr_place = cell_place(r, &r->cells[first_value(r, i, e)]);
				return true;
			}
		}
		i = e;
	}
	return false;
}

/* A table with data but no header row: one error at its first value. */
static void no_header(reader *r, const char *hint)
{
	size_t f = first_value(r, 0, r->ncells);

	if (f < r->ncells)
		problem(r, NM_SEV_ERROR, "no-header-row", cell_place(r, &r->cells[f]),
			"no header row found: %s; the table is not read", hint);
}

/* Columns of a plain table from its header row; reports what is wrong. */
static void read_headers(reader *r, nm_table t, const hdrkey *keys, size_t nkeys,
			 const char **words, size_t nwords)
{
	size_t ncol;
	const nm_column *cols = nm_label_columns(t, &ncol);
	const colinfo *by_field[MAX_FIELDS] = {NULL};

	for (size_t k = r->hdr_first; k < r->hdr_end; k++) {
		const vcell *vc = &r->cells[k];
		colinfo *ci = &r->cols[vc->col];
		const nm_cell *c = src_of(r, vc);
		const nm_column *col;
		const char *text;

		if (vc->copy || is_blank(c))
			continue; /* a merged range counts once */
		text = cell_text(r, c);
		ci->hdr = k;
		ci->state = COL_IGNORED;
		if (nm_label_is_extension(text))
			continue;
		nm_label_key(text, &r->key);
		col = key_column(keys, nkeys, r->key.ptr);
		if (!col) {
			const char *hint = nm_suggest(text, words, nwords);
			if (hint)
				problem(r, NM_SEV_WARNING, "unknown-column", cell_place(r, vc),
					"unknown column '%s', not read; did you mean '%s'?", text,
					hint);
			else
				problem(r, NM_SEV_WARNING, "unknown-column", cell_place(r, vc),
					"unknown column '%s', not read", text);
			continue;
		}
		{
			const colinfo *first = by_field[col - cols];
			if (first) {
				nm_buf was = NM_BUF_INIT;
				nm_buf_puts(&was, cell_text(r, src_of(r, &r->cells[first->hdr])));
				text = cell_text(r, c);
				problem(r, NM_SEV_ERROR, "duplicate-column", cell_place(r, vc),
					"the field '%s' has two columns, '%s' and '%s'; only the first "
					"is read",
					col->field, was.ptr, text);
				nm_buf_release(&was);
				continue;
			}
		}
		ci->state = COL_READ;
		ci->column = col;
		by_field[col - cols] = ci;
	}
	/* required columns */
	for (size_t i = 0; i < ncol; i++) {
		if (cols[i].required && !by_field[i])
			problem(r, NM_SEV_ERROR, "missing-column", r->hdr_place,
				"required column '%s' is missing (in German: '%s')", cols[i].field,
				nm_label_header(&cols[i], NM_LANG_DE));
	}
	if (t == NM_TABLE_THEMES) {
		bool have = false;
		for (size_t i = 0; i < ncol; i++)
			have |= by_field[i] != NULL;
		if (!have)
			problem(r, NM_SEV_ERROR, "missing-column", r->hdr_place,
				"required column 'id' or 'label' is missing (in German: 'ID' or "
				"'Bezeichnung')");
	}
}

/* Data in a column without a header, below the header row: one warning each. */
static void warn_headless(reader *r, size_t b, size_t e)
{
	for (size_t k = b; k < e; k++) {
		colinfo *ci = &r->cols[r->cells[k].col];
		if (ci->state != COL_NONE || ci->warned || is_blank(src_of(r, &r->cells[k])))
			continue;
		ci->warned = true;
		problem(r, NM_SEV_WARNING, "no-header", cell_place(r, &r->cells[k]),
			"this column has data but no header, so it is not read; give it a header "
			"(or one beginning with 'x-')");
	}
}

/* Whether row [b, e) has a value in a read column. */
static bool is_record(const reader *r, size_t b, size_t e)
{
	for (size_t k = b; k < e; k++)
		if (r->cols[r->cells[k].col].state == COL_READ &&
		    !is_blank(src_of(r, &r->cells[k])))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Records                                                            */

static const char *record_word(nm_table t)
{
	switch (t) {
	case NM_TABLE_ACTORS:
		return "actor";
	case NM_TABLE_COMMITTEES:
		return "committee";
	case NM_TABLE_MEMBERSHIPS:
		return "membership";
	case NM_TABLE_THEMES:
		return "theme";
	default:
		return "setting";
	}
}

/* The column number where a field is read, or 0. */
static uint32_t field_col(const reader *r, const char *field)
{
	for (uint32_t j = 0; j < r->ncols; j++)
		if (r->cols[j].state == COL_READ && strcmp(r->cols[j].column->field, field) == 0)
			return j;
	return 0;
}

static place header_place(const reader *r, uint32_t col)
{
	return cell_place(r, &r->cells[r->cols[col].hdr]);
}

/* The id derived from the name (or label) node, added to items at the front. */
static void derive_id(reader *r, nvec *items, const nm_node *name, nm_table t)
{
	nm_buf id = NM_BUF_INIT;
	place p = {name->file, name->line, name->col};

	nm_tables_derive_id(name->u.value, &id);
	if (id.len == 0) {
		problem(r, NM_SEV_ERROR, "derive-id", p,
			"no id can be derived from the %s '%s'; give the row an id",
			t == NM_TABLE_THEMES ? "label" : "name", name->u.value);
	} else {
		nm_node *k = lit_node(r, p, "id"), *v = text_node(r, p, id.ptr);
		k->flags |= NM_NODE_DERIVED_ID;
		v->flags |= NM_NODE_DERIVED_ID;
		nvec_insert2(items, 0, k, v);
	}
	nm_buf_release(&id);
}

/* One record of a plain table (not settings) from row [b, e). */
static nm_node *read_record(reader *r, nm_table t, size_t b, size_t e)
{
	static const char *const required[][2] = {
		{"name", "type"}, {"name", "kind"}, {"actor", "committee"}, {NULL, NULL}};
	nvec items = {NULL, 0, 0}, contact = {NULL, 0, 0};
	const nm_node *name = NULL;
	bool id_given = false, given[2] = {false, false};
	size_t contact_at = 0;
	place rec_place = {0, 0, 0}, contact_key = {0, 0, 0}, contact_place = {0, 0, 0};
	const char *const *req = required[t <= NM_TABLE_MEMBERSHIPS ? t : 3];
	nm_node *map;

	for (size_t k = b; k < e; k++) {
		const vcell *vc = &r->cells[k];
		colinfo *ci = &r->cols[vc->col];
		const char *field;
		nm_node *v;

		if (ci->state != COL_READ || is_blank(src_of(r, vc)))
			continue;
		field = ci->column->field;
		if (rec_place.line == 0)
			rec_place = cell_place(r, vc);
		if (strcmp(field, "id") == 0)
			id_given = true;
		for (int i = 0; i < 2; i++)
			if (req[i] && strcmp(field, req[i]) == 0)
				given[i] = true;
		v = value_node(r, ci->column, vc);
		if (!v)
			continue;
		if (strncmp(field, "contact.", 8) == 0) {
			if (contact.n == 0) {
				contact_at = items.n;
				contact_key = header_place(r, vc->col);
				contact_place = cell_place(r, vc);
			}
			/* One key node per column serves every row (nodes may be
			 * shared, as YAML aliases are): half the nodes of a table. */
			if (!ci->value)
				ci->value = lit_node(r, header_place(r, vc->col), field + 8);
			nvec_push(&contact, ci->value);
			nvec_push(&contact, v);
			continue;
		}
		if ((t == NM_TABLE_THEMES && strcmp(field, "label") == 0) ||
		    (t != NM_TABLE_THEMES && strcmp(field, "name") == 0))
			name = v;
		if (!ci->key)
			ci->key = lit_node(r, header_place(r, vc->col), field);
		nvec_push(&items, ci->key);
		nvec_push(&items, v);
	}
	if (contact.n)
		nvec_insert2(&items, contact_at, lit_node(r, contact_key, "contact"),
			     collection(r, NM_NODE_MAP, contact_place, &contact));
	for (int i = 0; i < 2; i++) {
		uint32_t col = req[i] ? field_col(r, req[i]) : 0;
		if (req[i] && !given[i] && col)
			problem(r, NM_SEV_ERROR, "required",
				empty_place(r, b, e, r->cells[b].row, col),
				"%s is missing required field '%s'", record_word(t), req[i]);
	}
	if (!id_given && name && t != NM_TABLE_MEMBERSHIPS)
		derive_id(r, &items, name, t);
	map = collection(r, NM_NODE_MAP, rec_place, &items);
	free(items.v);
	free(contact.v);
	return map;
}

/* ------------------------------------------------------------------ */
/* Settings                                                           */

/* A ratio or count: a number as its decimal; text with a decimal comma mended. */
static nm_node *number_setting(reader *r, const vcell *vc)
{
	const nm_cell *c = src_of(r, vc);
	const char *s = cell_text(r, c);

	if (c->type == NM_CELL_TEXT) {
		size_t a = strspn(s, "0123456789");
		if (s[a] == ',' && s[a + 1] &&
		    strspn(s + a + 1, "0123456789") == strlen(s + a + 1)) {
			nm_buf_clear(&r->tmp);
			nm_buf_put(&r->tmp, s, a);
			nm_buf_putc(&r->tmp, '.');
			nm_buf_puts(&r->tmp, s + a + 1);
			return text_node(r, cell_place(r, vc), r->tmp.ptr);
		}
	}
	return text_node(r, cell_place(r, vc), s);
}

static void read_settings(reader *r, size_t start)
{
	const char *const *keys;
	size_t nkeys;
	uint32_t kcol = field_col(r, "key"), vcol = field_col(r, "value");
	nvec set = {NULL, 0, 0}, top = {NULL, 0, 0};
	const char **seen = NULL;
	size_t nseen = 0, seen_cap = 0;

	keys = nm_label_setting_keys(&nkeys);
	for (size_t i = start; i < r->ncells;) {
		size_t e = row_end(r, i), b = i;
		const vcell *kc = NULL, *vc = NULL;
		const char *key;
		const nm_setting_def *def;
		bool dup = false;
		nm_node *v = NULL;

		i = e;
		warn_headless(r, b, e);
		if (!is_record(r, b, e))
			continue;
		for (size_t k = b; k < e; k++) {
			if (r->cells[k].col == kcol && !is_blank(src_of(r, &r->cells[k])))
				kc = &r->cells[k];
			if (r->cells[k].col == vcol && !is_blank(src_of(r, &r->cells[k])))
				vc = &r->cells[k];
		}
		if (!kcol || !vcol)
			continue; /* reported with the headers */
		if (!kc) {
			problem(r, NM_SEV_ERROR, "required",
				empty_place(r, b, e, r->cells[b].row, kcol),
				"setting is missing required field 'key'");
			if (vc)
				(void)cell_usable(r, vc);
			continue;
		}
		if (!cell_usable(r, kc))
			continue;
		key = nm_label_setting_of(cell_text(r, src_of(r, kc)));
		if (!key) {
			const char *text = cell_text(r, src_of(r, kc));
			const char *hint = nm_suggest(text, keys, nkeys);
			if (hint)
				problem(r, NM_SEV_ERROR, "unknown-key", cell_place(r, kc),
					"unknown setting '%s'; did you mean '%s'?", text, hint);
			else
				problem(r, NM_SEV_ERROR, "unknown-key", cell_place(r, kc),
					"unknown setting '%s'", text);
			continue;
		}
		for (size_t s = 0; s < nseen && !dup; s++)
			dup = strcmp(seen[s], key) == 0;
		if (dup) {
			problem(r, NM_SEV_ERROR, "duplicate-key", cell_place(r, kc),
				"setting '%s' is given twice; only the first is read", key);
			continue;
		}
		NM_GROW(seen, seen_cap, nseen + 1);
		seen[nseen++] = key;
		if (!vc) {
			problem(r, NM_SEV_ERROR, "required",
				empty_place(r, b, e, r->cells[b].row, vcol),
				"setting '%s' is missing required field 'value'", key);
			continue;
		}
		if (!cell_usable(r, vc))
			continue;
		def = nm_setting_find(key);
		if (!def) /* dataset */
			v = text_node(r, cell_place(r, vc), cell_text(r, src_of(r, vc)));
		else if (def->kind == NM_SETTING_TYPES)
			v = list_node(r, vc, true, NM_ENUM_TYPE);
		else if (def->kind == NM_SETTING_IDS)
			v = list_node(r, vc, true, -1);
		else
			v = number_setting(r, vc); /* a ratio or a count */
		if (strcmp(key, "dataset") == 0) {
			nvec_push(&top, lit_node(r, cell_place(r, kc), key));
			nvec_push(&top, v);
		} else {
			nvec_push(&set, lit_node(r, cell_place(r, kc), key));
			nvec_push(&set, v);
		}
	}
	if (set.n) {
		nm_node *k = lit_node(r, r->hdr_place, "settings");
		nvec_push(&top, k);
		nvec_push(&top, collection(r, NM_NODE_MAP, r->hdr_place, &set));
	}
	if (top.n)
		emit_doc(r, collection(r, NM_NODE_MAP, r->hdr_place, &top));
	free(set.v);
	free(top.v);
	free(seen);
}

/* ------------------------------------------------------------------ */
/* Plain tables                                                       */

static void read_plain(reader *r, nm_table t)
{
	static const char *const hints[] = {
		"no row holds a known column header such as 'Name' or 'name'",
		"no row holds a known column header such as 'Name' or 'name'",
		"no row holds a known column header such as 'Akteur' or 'actor'",
		"no row holds a known column header such as 'ID' or 'id'",
		"no row holds a known column header such as 'Einstellung' or 'key'",
	};
	size_t nkeys, nwords;
	const char **words;
	hdrkey *keys = table_keys(t, &nkeys, &words, &nwords, &r->tmp);

	if (!find_header(r, keys, nkeys)) {
		no_header(r, hints[t]);
		goto done;
	}
	read_headers(r, t, keys, nkeys, words, nwords);
	if (t == NM_TABLE_SETTINGS) {
		read_settings(r, r->hdr_end);
		goto done;
	}
	{
		nvec recs = {NULL, 0, 0};
		for (size_t i = r->hdr_end; i < r->ncells;) {
			size_t e = row_end(r, i);
			warn_headless(r, i, e);
			if (is_record(r, i, e))
				nvec_push(&recs, read_record(r, t, i, e));
			i = e;
		}
		emit_table(r, nm_label_table_name(t, NM_LANG_EN),
			   collection(r, NM_NODE_SEQ, r->hdr_place, &recs));
		free(recs.v);
	}
done:
	free_keys(keys, nkeys);
	free(words);
}

/* ------------------------------------------------------------------ */
/* The matrix                                                         */

static bool names_committee(const reader *r, const char *text)
{
	return !r->ctx->is_committee || r->ctx->is_committee(r->ctx->arg, text);
}

/* The header row of the matrix (6.1); *actor receives its first value. */
static bool find_matrix_header(reader *r, size_t *actor)
{
	for (size_t i = 0; i < r->ncells;) {
		size_t e = row_end(r, i), f = first_value(r, i, e);
		for (size_t k = f + 1; k < e; k++) {
			const nm_cell *c = src_of(r, &r->cells[k]);
			const char *text;
			if (r->cells[k].copy || is_blank(c))
				continue;
			text = cell_text(r, c);
			if (nm_label_is_extension(text) || names_committee(r, text)) {
				r->hdr_first = i;
				r->hdr_end = e;
				r->hdr_place = cell_place(r, &r->cells[f]);
				*actor = f;
				return true;
			}
		}
		i = e;
	}
	return false;
}

/* Committee names compared as written: NFC, runs of white space as one space. */
static void committee_key(const char *s, nm_buf *out)
{
	utf8proc_uint8_t *nfc = NULL;
	const char *p = s;
	bool space = false;

	nm_buf_clear(out);
	nm_buf_grow(out, 1);
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfc,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE) >= 0)
		p = (const char *)nfc;
	for (size_t n = strlen(p); *p;) {
		size_t w = space_at(p, n);
		if (w) {
			space = out->len > 0;
			p += w;
			n -= w;
			continue;
		}
		if (space)
			nm_buf_putc(out, ' ');
		space = false;
		nm_buf_putc(out, *p++);
		n--;
	}
	free(nfc);
}

static void read_matrix_headers(reader *r, size_t actor)
{
	nm_buf a = NM_BUF_INIT;
	nm_strmap seen;

	nm_strmap_init(&seen);
	r->cols[r->cells[actor].col].state = COL_ACTOR;
	r->cols[r->cells[actor].col].hdr = actor;
	for (size_t k = actor + 1; k < r->hdr_end; k++) {
		const vcell *vc = &r->cells[k];
		colinfo *ci = &r->cols[vc->col];
		const nm_cell *c = src_of(r, vc);
		const char *text, *key;

		if (vc->copy || is_blank(c))
			continue;
		ci->hdr = k;
		ci->state = COL_IGNORED;
		if (!cell_usable(r, vc))
			continue;
		text = cell_text(r, c);
		if (nm_label_is_extension(text))
			continue;
		committee_key(text, &a);
		key = nm_arena_strdup(r->ctx->arena, a.ptr);
		if (nm_strmap_put(&seen, key, vc->col) != vc->col) {
			problem(r, NM_SEV_ERROR, "duplicate-column", cell_place(r, vc),
				"committee '%s' has two columns; only the first is read", text);
			continue;
		}
		if (!names_committee(r, text)) {
			problem(r, NM_SEV_ERROR, "unknown-reference", cell_place(r, vc),
				"unknown committee '%s'; write a committee's id or exact name in the "
				"header",
				text);
			continue;
		}
		ci->state = COL_READ;
		ci->committee = nm_arena_strdup(r->ctx->arena, text);
		ci->key = lit_node(r, cell_place(r, vc), "committee");
		ci->value = lit_node(r, cell_place(r, vc), ci->committee);
	}
	nm_buf_release(&a);
	nm_strmap_release(&seen);
}

/* `-` (and any other cell of separators only) has the empty key. */
static const char *const none_marks[] = {"false", "falsch", "0", "no", "nein"};
static const char *const yes_marks[] = {
	"x", "\xE2\x9C\x93", "\xE2\x9C\x94", "true", "wahr", "1", "yes", "ja"};

/*
 * A mark cell: 0 no membership, 1 a membership, 2 one with a role (*role
 * its English word), -1 reported as wrong.
 */
static int read_mark(reader *r, const vcell *vc, const char **role)
{
	const nm_cell *c = src_of(r, vc);
	const char *s;
	int i;

	if (!cell_usable(r, vc))
		return -1;
	s = cell_text(r, c);
	if (c->type != NM_CELL_DATE) {
		nm_label_key(s, &r->key);
		if (r->key.len == 0 ||
		    in_keys(r->key.ptr, none_marks, sizeof(none_marks) / sizeof(*none_marks)))
			return 0;
		if (in_keys(r->key.ptr, yes_marks, sizeof(yes_marks) / sizeof(*yes_marks)))
			return 1;
		i = enum_lookup(r, NM_ENUM_ROLE, s);
		if (i >= 0) {
			*role = nm_label_enum_word(NM_ENUM_ROLE, i, NM_LANG_EN);
			return 2;
		}
	}
	problem(r, NM_SEV_ERROR, "matrix-mark", cell_place(r, vc),
		"unknown mark '%s': write x for a membership, or a role (Mitglied, Vorsitz, "
		"Federführung, Gast; member, chair, lead, guest), or leave the cell empty",
		s);
	return -1;
}

static void read_matrix_row(reader *r, nvec *recs, size_t b, size_t e, uint32_t acol,
			    nm_node *actor_key)
{
	const vcell *actor = NULL;
	nm_node *actor_node = NULL;
	nvec items = {NULL, 0, 0};
	bool marks = false, actor_bad = false;

	for (size_t k = b; k < e; k++)
		if (r->cells[k].col == acol && !is_blank(src_of(r, &r->cells[k])))
			actor = &r->cells[k];
	if (actor) {
		if (cell_usable(r, actor))
			actor_node = text_node(r, cell_place(r, actor),
					       cell_text(r, src_of(r, actor)));
		else
			actor_bad = true;
	}
	for (size_t k = b; k < e; k++) {
		const vcell *vc = &r->cells[k];
		const colinfo *ci = &r->cols[vc->col];
		const char *role = NULL;
		place p;
		int m;

		if (ci->state != COL_READ || is_blank(src_of(r, vc)))
			continue;
		m = read_mark(r, vc, &role);
		if (m != 0)
			marks = true;
		if (m <= 0 || !actor_node)
			continue;
		p = cell_place(r, vc);
		nvec_push(&items, actor_key);
		nvec_push(&items, actor_node);
		nvec_push(&items, ci->key);
		nvec_push(&items, ci->value);
		if (role) {
			nvec_push(&items, lit_node(r, p, "role"));
			nvec_push(&items, lit_node(r, p, role));
		}
		nvec_push(recs, collection(r, NM_NODE_MAP, p, &items));
	}
	free(items.v);
	if (marks && !actor && !actor_bad)
		problem(r, NM_SEV_ERROR, "required", empty_place(r, b, e, r->cells[b].row, acol),
			"the row has marks but no actor; write the actor's id or name here");
}

static void read_matrix(reader *r)
{
	nvec recs = {NULL, 0, 0};
	size_t actor;
	uint32_t acol;
	nm_node *actor_key;

	if (!find_matrix_header(r, &actor)) {
		no_header(r, "no row names a committee (by id or name) to the right of its first "
			     "cell");
		return;
	}
	acol = r->cells[actor].col;
	read_matrix_headers(r, actor);
	actor_key = lit_node(r, header_place(r, acol), "actor");
	for (size_t i = r->hdr_end; i < r->ncells;) {
		size_t e = row_end(r, i);
		warn_headless(r, i, e);
		read_matrix_row(r, &recs, i, e, acol, actor_key);
		i = e;
	}
	emit_table(r, "memberships", collection(r, NM_NODE_SEQ, r->hdr_place, &recs));
	free(recs.v);
}

/* ------------------------------------------------------------------ */
/* Books                                                              */

static void read_sheet(reader *r, size_t index, nm_table t)
{
	r->sheet = &r->book->sheets[index];
	r->file = sheet_entry(r->ctx, r->sheet->name);
	if (!spread_cells(r))
		return;
	if (t == NM_TABLE_MATRIX)
		read_matrix(r);
	else
		read_plain(r, t);
	free(r->cells);
	free(r->cols);
	r->cells = NULL;
	r->cols = NULL;
	r->ncells = 0;
	r->ncols = 0;
}

/* The table name a sheet name holds without matching it (for the warning). */
static const char *contained_name(const char *sheet, nm_buf *k, nm_buf *t)
{
	const char *best = NULL;
	size_t at = SIZE_MAX;

	nm_label_key(sheet, k);
	for (int i = 0; i < NM_TABLE_COUNT; i++)
		for (int l = 0; l < 2; l++) {
			const char *name = nm_label_table_name((nm_table)i, (nm_lang)l);
			const char *hit;
			nm_label_key(name, t);
			hit = strstr(k->ptr, t->ptr);
			if (hit && (size_t)(hit - k->ptr) < at) {
				at = (size_t)(hit - k->ptr);
				best = name;
			}
		}
	return best;
}

static void book_problems(reader *r)
{
	const nm_book *book = r->book;

	for (size_t i = 0; i < book->nproblems; i++) {
		const nm_book_problem *p = &book->problems[i];
		place at = file_place(r);

		if (p->sheet >= 0 && (size_t)p->sheet < book->nsheets && p->row > 0) {
			at.line = p->row;
			at.col = p->col ? p->col : 1;
			if (!r->ctx->csv)
				at.file = sheet_entry(r->ctx, book->sheets[p->sheet].name);
		}
		nm_diags_add(r->ctx->diags, p->severity, p->rule, at.file, at.line, at.col, "%s",
			     p->message);
	}
}

bool nm_tables_read(const nm_book *book, const nm_tables_ctx *ctx, unsigned which, nm_doc **docs,
		    size_t *ndocs)
{
	reader r;
	bool matrix = false, any = false;
	nm_table *kinds = nm_xcalloc(book->nsheets + 1, sizeof(*kinds));
	nm_buf k = NM_BUF_INIT, t = NM_BUF_INIT;

	memset(&r, 0, sizeof(r));
	r.book = book;
	r.ctx = ctx;
	r.file = ctx->file;
	for (size_t i = 0; i < book->nsheets; i++) {
		bool contains = false;
		kinds[i] = nm_label_table_of(book->sheets[i].name, &contains);
		matrix |= kinds[i] == NM_TABLE_MATRIX;
		any |= kinds[i] != NM_TABLE_NONE;
		if (contains && (which & NM_TABLES_PLAIN)) {
			const char *name = contained_name(book->sheets[i].name, &k, &t);
			problem(&r, NM_SEV_WARNING, "table-name", file_place(&r),
				"%s '%s' is not read as a table: to read it, name it '%s' alone or "
				"followed by a space, '-', '_' or '.' (as in '%s 2026'); to keep it "
				"out without this warning, begin its name with 'x-'",
				ctx->csv ? "file" : "sheet", book->sheets[i].name,
				name ? name : "Akteure", name ? name : "Akteure");
		}
	}
	if (which & NM_TABLES_PLAIN) {
		/* Sheets in their order, so that problems sort by sheet order. */
		for (size_t i = 0; i < book->nsheets && !ctx->csv; i++) {
			bool problems = false;
			for (size_t j = 0; j < book->nproblems && !problems; j++)
				problems = book->problems[j].sheet == (int32_t)i;
			if (kinds[i] != NM_TABLE_NONE || problems)
				(void)sheet_entry(ctx, book->sheets[i].name);
		}
		book_problems(&r);
		/* A file its reader could not read has said why; "no table" would
		 * only repeat it. */
		if (!any && !(book->errors && book->nsheets == 0))
			problem(&r, ctx->from_walk ? NM_SEV_WARNING : NM_SEV_ERROR, "no-table",
				file_place(&r),
				ctx->csv
					? "this file holds no table: name it after its table "
					  "(Akteure, Gremien, Mitgliedschaften, Themen, Einstellungen, "
					  "Besetzung, or in English actors, committees, memberships, "
					  "themes, settings, matrix), as in 'Akteure.csv'"
					: "this workbook holds no table: name each sheet after its "
					  "table (Akteure, Gremien, Mitgliedschaften, Themen, "
					  "Einstellungen, Besetzung, or in English actors, committees, "
					  "memberships, themes, settings, matrix)");
	}
	for (size_t i = 0; i < book->nsheets; i++) {
		if (kinds[i] == NM_TABLE_NONE)
			continue;
		if ((kinds[i] == NM_TABLE_MATRIX && (which & NM_TABLES_MATRIX)) ||
		    (kinds[i] != NM_TABLE_MATRIX && (which & NM_TABLES_PLAIN)))
			read_sheet(&r, i, kinds[i]);
	}
	*ndocs = r.ndocs;
	*docs = NULL;
	if (r.ndocs) {
		*docs = nm_arena_alloc(ctx->arena, r.ndocs * sizeof(**docs));
		memcpy(*docs, r.docs, r.ndocs * sizeof(**docs));
	}
	free(r.docs);
	free(kinds);
	for (int f = 0; f < NM_ENUM_FIELD_COUNT; f++) {
		for (size_t i = 0; i < r.enums[f].n; i++)
			free(r.enums[f].keys[i]);
		free(r.enums[f].keys);
		free(r.enums[f].values);
	}
	nm_buf_release(&r.text);
	nm_buf_release(&r.key);
	nm_buf_release(&r.tmp);
	nm_buf_release(&k);
	nm_buf_release(&t);
	return matrix;
}

void nm_tables_derive_id(const char *name, nm_buf *out)
{
	nm_buf folded = NM_BUF_INIT;
	bool dash = false;

	nm_buf_clear(out);
	nm_buf_grow(out, 1);
	nm_names_fold(name, &folded);
	for (const char *p = nm_buf_cstr(&folded); *p && out->len < MAX_ID; p++) {
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && out->len > 0)
				nm_buf_putc(out, '-');
			dash = false;
			if (out->len < MAX_ID)
				nm_buf_putc(out, c);
		} else {
			dash = true;
		}
	}
	while (out->len > 0 && out->ptr[out->len - 1] == '-')
		out->ptr[--out->len] = '\0';
	nm_buf_release(&folded);
}
