/*
 * fuzz_ods.c: arbitrary bytes through the .ods reader. Bytes that begin
 * with "PK" are read as the archive itself; any others are first put into
 * an archive as its content.xml (stored, beside the right mimetype), so
 * that mutations reach the XML rather than only the ZIP structure and its
 * checksums. Whatever the bytes, the reader must neither crash, leak, hang
 * nor grow without bound, and the book must keep its promises (book.h).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "netmap/book.h"
#include "netmap/common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char mimetype[] = "application/vnd.oasis.opendocument.spreadsheet";

/* An archive of mimetype and content.xml (the bytes); NULL when libzip fails. */
static char *wrap(const uint8_t *data, size_t size, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src, *s;
	zip_t *za;
	zip_stat_t st;
	char *out = NULL;
	zip_int64_t i;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		goto done;
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za) {
		zip_source_free(src);
		goto done;
	}
	s = zip_source_buffer(za, mimetype, strlen(mimetype), 0);
	i = zip_file_add(za, "mimetype", s, 0);
	zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
	s = zip_source_buffer(za, data, size, 0);
	i = zip_file_add(za, "content.xml", s, 0);
	zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
	if (zip_close(za) != 0) {
		zip_discard(za);
		zip_source_free(src);
		goto done;
	}
	if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		out = nm_xmalloc(st.size);
		if (zip_source_read(src, out, st.size) != (zip_int64_t)st.size)
			abort();
		zip_source_close(src);
		*len = st.size;
	}
	zip_source_free(src);
done:
	zip_error_fini(&ze);
	return out;
}

static void check(const nm_book *book, int rc)
{
	if ((rc == NM_OK) != (book->errors == 0))
		abort();
	for (size_t i = 0; i < book->nproblems; i++) {
		const nm_book_problem *p = &book->problems[i];
		if (!p->message[0] || !p->rule[0] || p->sheet < -1 ||
		    (p->sheet >= 0 && (size_t)p->sheet >= book->nsheets))
			abort();
	}
	if (book->nsheets > NM_BOOK_MAX_SHEETS)
		abort();
	for (size_t i = 0; i < book->nsheets; i++) {
		const nm_sheet *s = &book->sheets[i];
		if (!s->name || s->ncells > NM_BOOK_MAX_CELLS)
			abort();
		for (size_t j = 0; j < s->ncells; j++) {
			const nm_cell *c = &s->cells[j];
			if (c->row < 1 || c->row > NM_BOOK_MAX_ROWS || c->col < 1 ||
			    c->col > NM_BOOK_MAX_COLS || c->type > NM_CELL_INVALID || !c->text ||
			    !c->text[0] || strlen(c->text) > NM_BOOK_MAX_CELL_BYTES)
				abort();
			if (j > 0 &&
			    (s->cells[j - 1].row > c->row ||
			     (s->cells[j - 1].row == c->row && s->cells[j - 1].col >= c->col)))
				abort();
		}
		for (size_t j = 0; j < s->nmerges; j++) {
			const nm_range *m = &s->merges[j];
			if (m->row1 > m->row2 || m->col1 > m->col2 || m->row1 < 1 || m->col1 < 1 ||
			    m->row2 > NM_BOOK_MAX_ROWS || m->col2 > NM_BOOK_MAX_COLS)
				abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nm_book book;
	char *zipped = NULL;
	const char *bytes = (const char *)data;
	size_t len = size;
	int rc;

	if (size < 2 || data[0] != 'P' || data[1] != 'K') {
		zipped = wrap(data, size, &len);
		if (!zipped)
			return 0;
		bytes = zipped;
	}
	nm_book_init(&book);
	rc = nm_ods_read(bytes, len, &book);
	check(&book, rc);
	nm_book_release(&book);
	free(zipped);
	return 0;
}
