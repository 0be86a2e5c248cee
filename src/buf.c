/*
 * buf.c: the growable byte buffer behind every string netmap builds.
 * Growth doubles and is checked for overflow; the contents are always
 * NUL-terminated so that a buffer can be handed to C string functions.
 */
#include "netmap/buf.h"
#include "netmap/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char empty_string[1];

void nm_buf_init(nm_buf *b)
{
	b->ptr = NULL;
	b->len = 0;
	b->cap = 0;
}

void nm_buf_release(nm_buf *b)
{
	free(b->ptr);
	nm_buf_init(b);
}

void nm_buf_clear(nm_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

void nm_buf_grow(nm_buf *b, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - b->len - 1)
		nm_xmalloc(SIZE_MAX); /* aborts */
	need = b->len + extra + 1;
	if (need > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < need)
			cap = cap > SIZE_MAX / 2 ? need : cap * 2;
		b->ptr = nm_xrealloc(b->ptr, cap);
		b->cap = cap;
		b->ptr[b->len] = '\0'; /* a new buffer is "" at once, not garbage */
	}
}

void nm_buf_put(nm_buf *b, const char *data, size_t len)
{
	nm_buf_grow(b, len);
	if (len)
		memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void nm_buf_puts(nm_buf *b, const char *s)
{
	nm_buf_put(b, s, strlen(s));
}

void nm_buf_putc(nm_buf *b, char c)
{
	nm_buf_grow(b, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}

void nm_buf_vprintf(nm_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	nm_buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void nm_buf_printf(nm_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *nm_buf_detach(nm_buf *b)
{
	char *p = b->ptr ? b->ptr : nm_xstrdup("");
	nm_buf_init(b);
	return p;
}

const char *nm_buf_cstr(const nm_buf *b)
{
	return b->ptr ? b->ptr : empty_string;
}
