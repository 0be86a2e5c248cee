/*
 * diag.c: the list of problems found in the data. Problems are collected
 * as they are found, in whatever order the checks run, and sorted into
 * reading order once at the end, so that every check may run in the pass
 * that suits it.
 */
#include "netmap/diag.h"
#include "diag_words.h"
#include "netmap/buf.h"
#include "netmap/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nm_diags_init(nm_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void nm_diags_release(nm_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].message);
		free(d->items[i].message_de);
	}
	for (size_t i = 0; i < d->nfiles; i++) {
		free(d->files[i]);
		free(d->sheets[i]);
	}
	free(d->items);
	free(d->files);
	free(d->sheets);
	free(d->book);
	free(d->cells);
	nm_diags_init(d);
}

static uint32_t add_entry(nm_diags *d, const char *path, const char *sheet, uint32_t book)
{
	size_t cap = d->files_cap;

	NM_GROW(d->files, d->files_cap, d->nfiles + 1);
	if (cap != d->files_cap) {
		d->sheets = nm_xreallocarray(d->sheets, d->files_cap, sizeof(*d->sheets));
		d->book = nm_xreallocarray(d->book, d->files_cap, sizeof(*d->book));
		d->cells = nm_xreallocarray(d->cells, d->files_cap, sizeof(*d->cells));
	}
	d->cells[d->nfiles] = sheet != NULL;
	d->files[d->nfiles] = nm_xstrdup(path);
	d->sheets[d->nfiles] = sheet ? nm_xstrdup(sheet) : NULL;
	d->book[d->nfiles] = book == UINT32_MAX ? (uint32_t)d->nfiles : book;
	return (uint32_t)d->nfiles++;
}

uint32_t nm_diags_file(nm_diags *d, const char *path)
{
	return add_entry(d, path, NULL, UINT32_MAX);
}

uint32_t nm_diags_sheet(nm_diags *d, uint32_t file, const char *sheet)
{
	return add_entry(d, d->files[file], sheet, d->book[file]);
}

void nm_diags_mark_cells(nm_diags *d, uint32_t file)
{
	d->cells[file] = 1;
}

void nm_diags_cell_name(uint32_t line, uint32_t col, char *out)
{
	char letters[8];
	size_t n = 0, k = 0;

	while (col > 0 && n < sizeof(letters)) {
		col--;
		letters[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	while (n > 0)
		out[k++] = letters[--n];
	snprintf(out + k, 16 - k, "%u", line);
}

int nm_diags_sheet_needs_quotes(const char *sheet)
{
	if (!*sheet)
		return 1;
	for (const char *p = sheet; *p; p++) {
		char c = *p;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.'))
			return 1;
	}
	return 0;
}

/* "Sheet!C7", the sheet quoted when it must be ('Akteure 2026'!C7). */
static void put_cell(nm_buf *b, const char *sheet, uint32_t line, uint32_t col)
{
	char cell[16];

	if (nm_diags_sheet_needs_quotes(sheet)) {
		/* A quote inside the name is written twice, as spreadsheets do. */
		nm_buf_putc(b, '\'');
		for (const char *p = sheet; *p; p++) {
			if (*p == '\'')
				nm_buf_putc(b, '\'');
			nm_buf_putc(b, *p);
		}
		nm_buf_putc(b, '\'');
	} else {
		nm_buf_puts(b, sheet);
	}
	nm_diags_cell_name(line, col, cell);
	nm_buf_printf(b, "!%s", cell);
}

void nm_diags_place(const nm_diags *d, uint32_t file, uint32_t line, uint32_t col, nm_buf *b)
{
	const char *sheet = d->sheets ? d->sheets[file] : NULL;

	nm_buf_puts(b, d->files[file]);
	if (sheet && line) {
		nm_buf_putc(b, ':');
		put_cell(b, sheet, line, col);
	} else if (line) {
		nm_buf_printf(b, ":%u:%u", line, col);
	}
}

void nm_diags_message(const nm_diags *d, const nm_diag *x, nm_buf *b)
{
	const char *sheet = d->sheets ? d->sheets[x->file] : NULL;

	if (sheet && x->line) {
		put_cell(b, sheet, x->line, x->col);
		nm_buf_puts(b, ": ");
	}
	nm_buf_puts(b, x->message);
}

void nm_diags_cut_message(nm_buf *msg)
{
	size_t cut = NM_DIAG_MAX_MESSAGE;

	if (msg->len <= NM_DIAG_MAX_MESSAGE)
		return;
	/* Cut at a character boundary; a quoted value may be huge. */
	while (cut > 0 && ((unsigned char)msg->ptr[cut] & 0xC0) == 0x80)
		cut--;
	msg->len = cut;
	msg->ptr[cut] = '\0';
	nm_buf_puts(msg, "\xE2\x80\xA6");
}

/* Count the problem; a new item for it, or NULL past NM_DIAG_MAX. */
static nm_diag *new_item(nm_diags *d, nm_severity sev, const char *rule, uint32_t file,
			 uint32_t line, uint32_t col)
{
	nm_diag *x;

	if (sev == NM_SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->n >= NM_DIAG_MAX) {
		d->dropped++;
		return NULL;
	}
	NM_GROW(d->items, d->cap, d->n + 1);
	x = &d->items[d->n];
	x->file = file;
	x->line = line;
	x->col = col;
	x->severity = sev;
	x->rule = rule;
	x->message = x->message_de = NULL;
	x->seq = d->n++;
	return x;
}

static char *cut_copy(nm_buf *msg)
{
	nm_diags_cut_message(msg);
	return nm_buf_detach(msg);
}

/*
 * de (a German format of diag_words.c) with the arguments of its English
 * twin. A %s not inside quotes is one of the messages' own words ("a
 * list", "actor") and is said in German; a quoted one is data and stays.
 * The conversions are the ones the table uses: %s, %d, %u and %02x.
 */
static void format_de(nm_buf *b, const char *de, va_list ap)
{
	for (const char *p = de; *p; p++) {
		if (*p != '%') {
			nm_buf_putc(b, *p);
			continue;
		}
		p++;
		if (*p == 's') {
			const char *s = va_arg(ap, const char *);
			const char *word = p - 1 > de && p[-2] == '\'' ? NULL : nm_diag_word_de(s);

			nm_buf_puts(b, word ? word : s);
		} else if (*p == 'd') {
			nm_buf_printf(b, "%d", va_arg(ap, int));
		} else if (*p == 'u') {
			nm_buf_printf(b, "%u", va_arg(ap, unsigned));
		} else if (strncmp(p, "02x", 3) == 0) {
			nm_buf_printf(b, "%02x", va_arg(ap, unsigned));
			p += 2;
		} else {
			nm_buf_putc(b, *p); /* "%%" */
		}
	}
}

void nm_diags_vadd(nm_diags *d, nm_severity sev, const char *rule, uint32_t file, uint32_t line,
		   uint32_t col, const char *fmt, va_list ap)
{
	nm_diag *x = new_item(d, sev, rule, file, line, col);
	const char *de = x ? nm_diag_words_de(fmt) : NULL;
	nm_buf msg = NM_BUF_INIT;
	va_list again;

	if (!x)
		return;
	va_copy(again, ap);
	nm_buf_vprintf(&msg, fmt, ap);
	x->message = cut_copy(&msg);
	if (de) {
		format_de(&msg, de, again); /* the same conversions (test_diag_words) */
		x->message_de = cut_copy(&msg);
	}
	va_end(again);
}

const char *nm_diag_text(const nm_diag *x, int german)
{
	return german && x->message_de ? x->message_de : x->message;
}

void nm_diags_add(nm_diags *d, nm_severity sev, const char *rule, uint32_t file, uint32_t line,
		  uint32_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nm_diags_vadd(d, sev, rule, file, line, col, fmt, ap);
	va_end(ap);
}

uint32_t nm_diags_absorb(nm_diags *d, nm_diags *from)
{
	uint32_t base = (uint32_t)d->nfiles;

	for (size_t k = 0; k < from->nfiles; k++) {
		uint32_t e = add_entry(d, from->files[k], from->sheets[k],
				       from->sheets[k] ? base + from->book[k] : UINT32_MAX);
		d->cells[e] = from->cells[k];
	}
	d->errors += from->errors;
	d->warnings += from->warnings;
	d->dropped += from->dropped;
	for (size_t i = 0; i < from->n; i++) {
		nm_diag *x = &from->items[i];
		if (d->n >= NM_DIAG_MAX) {
			d->dropped++;
			free(x->message);
			free(x->message_de);
			continue;
		}
		NM_GROW(d->items, d->cap, d->n + 1);
		d->items[d->n] = *x;
		d->items[d->n].file = x->file + base;
		d->items[d->n].seq = d->n;
		d->n++;
	}
	from->n = 0; /* the messages moved */
	nm_diags_release(from);
	return base;
}

/*
 * The sort key of a problem: its workbook's entry first, then its own
 * (the workbook, then its sheets in order: 6.5), line and column. Sorted
 * as one wide key, with no comparison function and no state outside the
 * call, so that lists may be sorted on several threads at once.
 */
typedef struct diag_key {
	uint32_t book, file, line, col;
	size_t seq, at; /* the problem's insertion order; its place in items */
} diag_key;

static int cmp_diag(const void *pa, const void *pb)
{
	const diag_key *a = pa, *b = pb;

	if (a->book != b->book)
		return a->book < b->book ? -1 : 1;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

void nm_diags_sort(nm_diags *d)
{
	size_t w = 0;
	diag_key *keys;
	nm_diag *sorted;

	if (d->n < 2)
		return;
	keys = nm_xreallocarray(NULL, d->n, sizeof(*keys));
	for (size_t i = 0; i < d->n; i++) {
		const nm_diag *x = &d->items[i];
		keys[i] = (diag_key){d->book[x->file], x->file, x->line, x->col, x->seq, i};
	}
	qsort(keys, d->n, sizeof(*keys), cmp_diag);
	sorted = nm_xreallocarray(NULL, d->cap, sizeof(*sorted));
	for (size_t i = 0; i < d->n; i++)
		sorted[i] = d->items[keys[i].at];
	free(keys);
	free(d->items);
	d->items = sorted;
	/* In spreadsheets, one problem at one cell is said once. */
	for (size_t i = 0; i < d->n; i++) {
		nm_diag *x = &d->items[i];
		if (w > 0 && d->cells[x->file]) {
			const nm_diag *p = &d->items[w - 1];
			if (p->file == x->file && p->line == x->line && p->col == x->col &&
			    p->severity == x->severity && strcmp(p->message, x->message) == 0) {
				if (x->severity == NM_SEV_ERROR)
					d->errors--;
				else
					d->warnings--;
				free(x->message);
				free(x->message_de);
				continue;
			}
		}
		d->items[w++] = *x;
	}
	d->n = w;
}
