/*
 * fuzz_csv.c: arbitrary bytes through the CSV reader. Whatever the bytes,
 * it must neither crash, leak, hang nor grow without bound; the budgets of
 * book.h hold; cells come in row, then column order, non-empty and valid
 * UTF-8; every problem names a place. For input that is UTF-8 already,
 * each cell must start where its line and column say: at its opening
 * quote, or at the very bytes of its text.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "netmap/book.h"
#include "netmap/common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool valid_utf8(const uint8_t *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || cp == 0)
			return false;
		i += (size_t)k;
	}
	return true;
}

/* Walk a cursor through UTF-8 text, lines ending at CRLF, LF or CR. */
typedef struct cursor {
	size_t off;
	uint32_t line, col;
} cursor;

static void advance(cursor *c, const uint8_t *p, size_t n)
{
	if (p[c->off] == '\r' && c->off + 1 < n && p[c->off + 1] == '\n') {
		c->off += 2;
		c->line++;
		c->col = 1;
	} else if (p[c->off] == '\r' || p[c->off] == '\n') {
		c->off++;
		c->line++;
		c->col = 1;
	} else {
		c->off++;
		while (c->off < n && (p[c->off] & 0xC0) == 0x80)
			c->off++;
		c->col++;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nm_book book;
	int rc;
	const nm_sheet *s;
	bool plain = (size < 3 || memcmp(data, "\xEF\xBB\xBF", 3) != 0) &&
		     (size < 2 || !((data[0] == 0xFF && data[1] == 0xFE) ||
				    (data[0] == 0xFE && data[1] == 0xFF))) &&
		     valid_utf8(data, size);
	cursor cur = {0, 1, 1};

	nm_book_init(&book);
	rc = nm_csv_read((const char *)data, size, "fuzz", &book);
	if (book.nsheets != 1 || (rc == NM_OK) != (book.errors == 0) ||
	    (rc != NM_OK && rc != NM_EINVALID))
		abort();
	s = &book.sheets[0];
	if (s->ncells > NM_BOOK_MAX_CELLS)
		abort();
	for (size_t i = 0; i < s->ncells; i++) {
		const nm_cell *c = &s->cells[i];
		size_t len = strlen(c->text);

		if (len == 0 || len > NM_BOOK_MAX_CELL_BYTES || c->type != NM_CELL_TEXT ||
		    c->row < 1 || c->row > NM_BOOK_MAX_ROWS || c->col < 1 ||
		    c->col > NM_BOOK_MAX_COLS || c->line < 1 || c->lcol < 1 ||
		    !valid_utf8((const uint8_t *)c->text, len))
			abort();
		if (i > 0 && (c->row < s->cells[i - 1].row ||
			      (c->row == s->cells[i - 1].row && c->col <= s->cells[i - 1].col)))
			abort();
		if (!plain)
			continue;
		while (cur.off < size &&
		       (cur.line < c->line || (cur.line == c->line && cur.col < c->lcol)))
			advance(&cur, data, size);
		if (cur.off >= size || cur.line != c->line || cur.col != c->lcol)
			abort();
		if (data[cur.off] != '"' &&
		    (size - cur.off < len || memcmp(data + cur.off, c->text, len) != 0))
			abort();
	}
	for (size_t i = 0; i < book.nproblems; i++) {
		const nm_book_problem *p = &book.problems[i];
		if (!p->message[0] || !p->rule[0] || p->sheet < -1 || p->sheet > 0 ||
		    (p->sheet == -1 && (p->row != 0 || p->col != 0)) ||
		    (p->sheet == 0 && (p->row < 1 || p->col < 1)))
			abort();
	}
	nm_book_release(&book);
	return 0;
}
