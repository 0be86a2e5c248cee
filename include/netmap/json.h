/*
 * json.h: the small pieces every JSON writer needs: string escaping that
 * always yields valid JSON (invalid UTF-8 becomes U+FFFD), and numbers
 * rounded to three decimals from exact fractions; and a small reader
 * (json_read.c) for the JSON netmap stored itself and reads back.
 */
#ifndef NETMAP_JSON_H
#define NETMAP_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netmap/buf.h"

/* Append s as a quoted JSON string; NULL appends null. */
void nm_json_str(nm_buf *b, const char *s);
/* Append num/den rounded to 3 decimals (half up), as 0.667 or 1.0. */
void nm_json_fraction(nm_buf *b, uint64_t num, uint64_t den);

/* ---- reading ------------------------------------------------------------ */

/* Documents nested deeper than this are refused. */
#define NM_JSON_MAX_DEPTH 64

typedef enum nm_json_type {
	NM_JSON_NULL,
	NM_JSON_BOOL,
	NM_JSON_NUM, /* checked, its value not kept */
	NM_JSON_STR,
	NM_JSON_ARR,
	NM_JSON_OBJ
} nm_json_type;

/* One value of a document; a tree that owns its strings and children. */
typedef struct nm_json {
	nm_json_type type;
	bool truth;            /* NM_JSON_BOOL */
	char *str;             /* NM_JSON_STR, decoded UTF-8 */
	struct nm_json *items; /* NM_JSON_ARR, NM_JSON_OBJ: the values, in order */
	char **keys;           /* NM_JSON_OBJ: the keys, parallel to items */
	size_t n, cap;
} nm_json;

/*
 * Parse the whole of text into *out. skip, when not NULL, is a NULL-ended
 * list of keys of the root object whose values are stepped over unbuilt.
 * 0, or -1 (and *out empty) when text is not one JSON value.
 */
int nm_json_parse(const char *text, nm_json *out, const char *const *skip);
/*
 * Read text, a JSON array of strings, without building a tree: each(ctx,
 * s, len) is called for every string in order, decoded (into scratch when
 * it has escapes; s is not NUL-terminated otherwise). 0; -1 when text is
 * no such array or each returned a negative number.
 */
int nm_json_strings(const char *text, nm_buf *scratch,
		    int (*each)(void *ctx, const char *s, size_t len), void *ctx);
/* Free what a value holds and leave it empty (NM_JSON_NULL). */
void nm_json_free(nm_json *v);
/* The value of key in an object; NULL when absent or obj is no object. */
const nm_json *nm_json_get(const nm_json *obj, const char *key);
/* Item i of an array; NULL past its end or when arr is no array. */
const nm_json *nm_json_at(const nm_json *arr, size_t i);
/* The text of a string value; NULL for any other value or NULL. */
const char *nm_json_string(const nm_json *v);
/* The number of items of an array; 0 for any other value or NULL. */
size_t nm_json_len(const nm_json *v);
/* Whether v is the value true. */
bool nm_json_true(const nm_json *v);

#endif
