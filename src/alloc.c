/*
 * alloc.c: the checked allocator and the error record. Running out of
 * memory is not an error netmap can recover from in any useful way, so it
 * prints one line and aborts, as git and redis do; everything else in the
 * code base may then treat allocation as infallible.
 */
#include "netmap/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
	fprintf(stderr, "netmap: out of memory (allocating %zu bytes)\n", size);
	abort();
}

void *nm_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *nm_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		out_of_memory(nmemb * size);
	return p;
}

void *nm_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *nm_xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	if (size && nmemb > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return nm_xrealloc(ptr, nmemb * size);
}

char *nm_xstrndup(const char *s, size_t n)
{
	char *p = nm_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *nm_xstrdup(const char *s)
{
	return nm_xstrndup(s, strlen(s));
}

void nm_grow(void **ptr, size_t *cap, size_t need, size_t size)
{
	size_t n;

	if (need <= *cap)
		return;
	n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			out_of_memory(SIZE_MAX);
		n *= 2;
	}
	*ptr = nm_xreallocarray(*ptr, n, size);
	*cap = n;
}

int nm_error_set(nm_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return code;
}

void nm_error_clear(nm_error *err)
{
	if (err) {
		err->code = NM_OK;
		err->message[0] = '\0';
	}
}
