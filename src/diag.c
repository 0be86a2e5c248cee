/*
 * diag.c: the list of problems found in the data. Problems are collected
 * as they are found, in whatever order the checks run, and sorted into
 * reading order once at the end, so that every check may run in the pass
 * that suits it.
 */
#include "netmap/diag.h"
#include "netmap/buf.h"
#include "netmap/common.h"

#include <stdlib.h>
#include <string.h>

void nm_diags_init(nm_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void nm_diags_release(nm_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->items[i].message);
	for (size_t i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->items);
	free(d->files);
	nm_diags_init(d);
}

uint32_t nm_diags_file(nm_diags *d, const char *path)
{
	NM_GROW(d->files, d->files_cap, d->nfiles + 1);
	d->files[d->nfiles] = nm_xstrdup(path);
	return (uint32_t)d->nfiles++;
}

void nm_diags_vadd(nm_diags *d, nm_severity sev, const char *rule, uint32_t file,
		   uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
	nm_buf msg = NM_BUF_INIT;
	nm_diag *x;

	if (sev == NM_SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->n >= NM_DIAG_MAX) {
		d->dropped++;
		return;
	}
	nm_buf_vprintf(&msg, fmt, ap);
	if (msg.len > NM_DIAG_MAX_MESSAGE) {
		/* Cut at a character boundary; a quoted value may be huge. */
		size_t cut = NM_DIAG_MAX_MESSAGE;
		while (cut > 0 && ((unsigned char)msg.ptr[cut] & 0xC0) == 0x80)
			cut--;
		msg.len = cut;
		msg.ptr[cut] = '\0';
		nm_buf_puts(&msg, "\xE2\x80\xA6");
	}
	NM_GROW(d->items, d->cap, d->n + 1);
	x = &d->items[d->n];
	x->file = file;
	x->line = line;
	x->col = col;
	x->severity = sev;
	x->rule = rule;
	x->message = nm_buf_detach(&msg);
	x->seq = d->n++;
}

void nm_diags_add(nm_diags *d, nm_severity sev, const char *rule, uint32_t file,
		  uint32_t line, uint32_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nm_diags_vadd(d, sev, rule, file, line, col, fmt, ap);
	va_end(ap);
}

static int cmp_diag(const void *pa, const void *pb)
{
	const nm_diag *a = pa, *b = pb;

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
	if (d->n > 1)
		qsort(d->items, d->n, sizeof(*d->items), cmp_diag);
}
