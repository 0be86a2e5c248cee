/*
 * book.c: the structure the spreadsheet readers fill (book.h): sheets,
 * typed cells, merged ranges and the problems found in the bytes.
 */
#include "netmap/book.h"
#include "netmap/buf.h"
#include "netmap/common.h"

#include <stdlib.h>
#include <string.h>

void nm_book_init(nm_book *book)
{
	memset(book, 0, sizeof(*book));
}

void nm_book_release(nm_book *book)
{
	for (size_t i = 0; i < book->nsheets; i++) {
		free(book->sheets[i].cells);
		free(book->sheets[i].merges);
	}
	for (size_t i = 0; i < book->nproblems; i++)
		free(book->problems[i].message);
	free(book->sheets);
	free(book->problems);
	nm_arena_release(&book->arena);
	nm_book_init(book);
}

nm_sheet *nm_book_add_sheet(nm_book *book, const char *name, size_t len)
{
	nm_sheet *s;

	NM_GROW(book->sheets, book->sheets_cap, book->nsheets + 1);
	s = &book->sheets[book->nsheets++];
	memset(s, 0, sizeof(*s));
	s->name = nm_arena_strndup(&book->arena, name, len);
	return s;
}

nm_cell *nm_book_add_cell(nm_book *book, nm_sheet *sheet, uint32_t row, uint32_t col,
			  nm_cell_type type, const char *text, size_t len)
{
	nm_cell *c;

	if (sheet->ncells >= NM_BOOK_MAX_CELLS)
		return NULL;
	NM_GROW(sheet->cells, sheet->cells_cap, sheet->ncells + 1);
	c = &sheet->cells[sheet->ncells++];
	memset(c, 0, sizeof(*c));
	c->row = row;
	c->col = col;
	c->type = (uint8_t)type;
	c->text = nm_arena_strndup(&book->arena, text, len);
	return c;
}

void nm_book_add_merge(nm_sheet *sheet, nm_range r)
{
	NM_GROW(sheet->merges, sheet->merges_cap, sheet->nmerges + 1);
	sheet->merges[sheet->nmerges++] = r;
}

static int cmp_cell(const nm_cell *a, const nm_cell *b)
{
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

/* A merge sort, stable, so that a cell written twice keeps its file order. */
static void merge_sort(nm_cell *v, nm_cell *tmp, size_t n)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	merge_sort(v, tmp, mid);
	merge_sort(v + mid, tmp, n - mid);
	while (i < mid && j < n)
		tmp[k++] = cmp_cell(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while (i < mid)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

void nm_book_sort_cells(nm_sheet *sheet)
{
	bool sorted = true;
	nm_cell *tmp;

	for (size_t i = 1; i < sheet->ncells && sorted; i++)
		sorted = cmp_cell(&sheet->cells[i - 1], &sheet->cells[i]) <= 0;
	if (sorted)
		return;
	tmp = nm_xreallocarray(NULL, sheet->ncells, sizeof(*tmp));
	merge_sort(sheet->cells, tmp, sheet->ncells);
	free(tmp);
}

void nm_book_problem_add(nm_book *book, nm_severity sev, const char *rule, int32_t sheet,
			 uint32_t row, uint32_t col, const char *fmt, ...)
{
	nm_buf msg = NM_BUF_INIT;
	nm_book_problem *p;
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	nm_diags_cut_message(&msg);
	NM_GROW(book->problems, book->problems_cap, book->nproblems + 1);
	p = &book->problems[book->nproblems++];
	p->severity = sev;
	p->rule = rule;
	p->sheet = sheet;
	p->row = row;
	p->col = col;
	p->message = nm_buf_detach(&msg);
	if (sev == NM_SEV_ERROR)
		book->errors++;
}

const nm_cell *nm_sheet_cell(const nm_sheet *sheet, uint32_t row, uint32_t col)
{
	size_t lo = 0, hi = sheet->ncells;
	nm_cell key;

	key.row = row;
	key.col = col;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_cell(&sheet->cells[mid], &key);
		if (c == 0)
			return &sheet->cells[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void nm_book_col_name(uint32_t col, char *out)
{
	char tmp[8];
	size_t n = 0;

	while (col > 0 && n < sizeof(tmp)) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

const char *nm_book_sniff(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;

	if (len >= 4 && memcmp(p, "PK\x03\x04", 4) == 0)
		return "a ZIP archive";
	if (len >= 8 && memcmp(p, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return "an old Excel (.xls) file or an encrypted Office file";
	if (len >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "a PDF file";
	if (len >= 5 && memcmp(p, "<?xml", 5) == 0)
		return "an XML file";
	for (size_t i = 0; i < len && i < 512; i++)
		if (p[i] == 0)
			return NULL;
	return len ? "a text file" : "an empty file";
}
