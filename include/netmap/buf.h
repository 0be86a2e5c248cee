/*
 * buf.h: the one growable byte buffer. Always NUL-terminated, size_t
 * lengths, overflow-checked growth through the checked allocator.
 */
#ifndef NETMAP_BUF_H
#define NETMAP_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct nm_buf {
	char *ptr;  /* NUL-terminated contents; never NULL after init */
	size_t len; /* bytes used, without the NUL */
	size_t cap; /* bytes allocated */
} nm_buf;

#define NM_BUF_INIT \
	{ \
		NULL, 0, 0 \
	}

void nm_buf_init(nm_buf *b);
void nm_buf_release(nm_buf *b);
void nm_buf_clear(nm_buf *b);
void nm_buf_grow(nm_buf *b, size_t extra);
void nm_buf_put(nm_buf *b, const char *data, size_t len);
void nm_buf_puts(nm_buf *b, const char *s);
void nm_buf_putc(nm_buf *b, char c);
void nm_buf_printf(nm_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void nm_buf_vprintf(nm_buf *b, const char *fmt, va_list ap);
/* Hand the contents to the caller (free with free()); b is left empty. */
char *nm_buf_detach(nm_buf *b);
/* The contents, or "" when nothing was ever put. */
const char *nm_buf_cstr(const nm_buf *b);

#endif
