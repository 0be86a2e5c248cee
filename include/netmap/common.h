/*
 * common.h: what every netmap module shares: error codes, the error
 * record passed last to every function that can fail, and the one checked
 * allocator. Out of memory is fatal: nm_xmalloc and friends print and abort,
 * so callers never see NULL from them.
 */
#ifndef NETMAP_COMMON_H
#define NETMAP_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "netmap/version.h" /* NETMAP_VERSION, from project() in CMakeLists.txt */

#define NETMAP_FORMAT 1

/* Return codes: 0 on success, a negative NM_E... code on failure. */
enum {
	NM_OK = 0,
	NM_EINVALID = -1,  /* the data is invalid (exit 1) */
	NM_EIO = -2,       /* a file could not be read or written (exit 2) */
	NM_ESTORE = -3,    /* the store could not be opened, read or written */
	NM_EBUSY = -4,     /* the store is locked by another process */
	NM_ENOTFOUND = -5, /* no such snapshot, actor or committee */
	NM_EUSAGE = -6     /* a bad argument from the caller */
};

/*
 * An error: code, a one-line message (lowercase, no full stop), and the
 * place it is about when there is one (file NULL otherwise).
 */
typedef struct nm_error {
	int code;
	char message[512];
} nm_error;

/* Set *err (when err is not NULL) and return code. */
int nm_error_set(nm_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
void nm_error_clear(nm_error *err);

/* The checked allocator: these never return NULL. */
void *nm_xmalloc(size_t size);
void *nm_xcalloc(size_t nmemb, size_t size);
void *nm_xrealloc(void *ptr, size_t size);
/* Grow an array to hold n elements of size each, checking the product. */
void *nm_xreallocarray(void *ptr, size_t nmemb, size_t size);
char *nm_xstrdup(const char *s);
char *nm_xstrndup(const char *s, size_t n);

/* Grow *ptr (an array of *cap elements of size) so that it holds need. */
void nm_grow(void **ptr, size_t *cap, size_t need, size_t size);
#define NM_GROW(arr, cap, need) nm_grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

#endif
