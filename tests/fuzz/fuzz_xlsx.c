/*
 * fuzz_xlsx.c: arbitrary bytes through the .xlsx reader. Whatever the
 * bytes, it must neither crash, leak, hang nor grow without bound, and
 * the book it leaves must keep book.h's promises: cells sorted by row and
 * column within XFD1048576, each with a text; merged ranges ordered and
 * inside the sheet; every problem with a message, about the whole file or
 * one of the sheets; NM_OK exactly when no problem is an error.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "netmap/book.h"
#include "netmap/common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_sheet(const nm_sheet *s)
{
	for (size_t i = 0; i < s->ncells; i++) {
		const nm_cell *c = &s->cells[i];
		if (!c->text || c->row < 1 || c->row > NM_BOOK_MAX_ROWS || c->col < 1 ||
		    c->col > NM_BOOK_MAX_COLS || c->type > NM_CELL_INVALID)
			abort();
		if (i > 0 && (c->row < c[-1].row || (c->row == c[-1].row && c->col < c[-1].col)))
			abort();
	}
	for (size_t i = 0; i < s->nmerges; i++) {
		const nm_range *r = &s->merges[i];
		if (r->row1 < 1 || r->row1 > r->row2 || r->row2 > NM_BOOK_MAX_ROWS || r->col1 < 1 ||
		    r->col1 > r->col2 || r->col2 > NM_BOOK_MAX_COLS)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nm_book book;
	int rc;

	nm_book_init(&book);
	rc = nm_xlsx_read((const char *)data, size, &book);
	if ((rc == NM_OK) != (book.errors == 0) || book.nsheets > NM_BOOK_MAX_SHEETS)
		abort();
	for (size_t i = 0; i < book.nsheets; i++)
		check_sheet(&book.sheets[i]);
	for (size_t i = 0; i < book.nproblems; i++) {
		const nm_book_problem *p = &book.problems[i];
		if (!p->message[0] || p->sheet < -1 || p->sheet >= (int32_t)book.nsheets)
			abort();
	}
	nm_book_release(&book);
	return 0;
}
