/*
 * json_read.c: a small JSON reader for what netmap stored itself (the
 * findings of a snapshot, theme lists). It builds a tree of nm_json
 * values; it takes any bytes: nesting is limited to NM_JSON_MAX_DEPTH, a
 * broken document is refused, never half read. Numbers are checked but
 * their value is not kept: nothing netmap reads back needs one.
 *
 * Written here rather than taken from jansson or json-c: what is read is
 * small and known (netmap wrote it), the reader is 300 lines, and it can
 * step over the large parts of a document a caller does not need without
 * building them (the skip list), which neither library offers.
 */
#include "netmap/json.h"

#include <stdlib.h>
#include <string.h>

#include "netmap/common.h"

typedef struct json_parser {
	const char *p;
	int depth;
	const char *const *skip; /* keys of the root object whose values are skipped */
} json_parser;

void nm_json_free(nm_json *v)
{
	for (size_t i = 0; i < v->n; i++) {
		nm_json_free(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->str);
	memset(v, 0, sizeof(*v));
}

static void skip_space(json_parser *jp)
{
	while (*jp->p == ' ' || *jp->p == '\t' || *jp->p == '\n' || *jp->p == '\r')
		jp->p++;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++) {
		int h = hexval(p[i]);
		if (h < 0)
			return -1;
		v = v * 16 + (unsigned)h;
	}
	*out = v;
	return 0;
}

static void put_utf8(nm_buf *b, unsigned cp)
{
	if (cp < 0x80) {
		nm_buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		nm_buf_putc(b, (char)(0xC0 | (cp >> 6)));
		nm_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		nm_buf_putc(b, (char)(0xE0 | (cp >> 12)));
		nm_buf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		nm_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else {
		nm_buf_putc(b, (char)(0xF0 | (cp >> 18)));
		nm_buf_putc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
		nm_buf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		nm_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	}
}

/*
 * The rest of a string after its opening quote, with escapes, appended
 * to b; jp->p ends after the closing quote. 0, or -1 on a bad string.
 */
static int decode_string(json_parser *jp, nm_buf *b)
{
	unsigned cp, lo;

	for (;;) {
		unsigned char c = (unsigned char)*jp->p;
		if (c == '"') {
			jp->p++;
			return 0;
		}
		if (c < 0x20)
			return -1; /* the end of the input, or a raw control character */
		if (c != '\\') {
			nm_buf_putc(b, (char)c);
			jp->p++;
			continue;
		}
		jp->p++;
		switch (*jp->p) {
		case '"':
		case '\\':
		case '/':
			nm_buf_putc(b, *jp->p);
			break;
		case 'b':
			nm_buf_putc(b, '\b');
			break;
		case 'f':
			nm_buf_putc(b, '\f');
			break;
		case 'n':
			nm_buf_putc(b, '\n');
			break;
		case 'r':
			nm_buf_putc(b, '\r');
			break;
		case 't':
			nm_buf_putc(b, '\t');
			break;
		case 'u':
			if (hex4(jp->p + 1, &cp) < 0)
				return -1;
			jp->p += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && jp->p[1] == '\\' && jp->p[2] == 'u' &&
			    hex4(jp->p + 3, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				jp->p += 6;
			} else if (cp >= 0xD800 && cp < 0xE000) {
				cp = 0xFFFD; /* a lone surrogate */
			}
			put_utf8(b, cp);
			break;
		default:
			return -1;
		}
		jp->p++;
	}
}

/* Bytes from p on before a closing quote, when the string has no escape. */
static size_t plain_span(const char *p)
{
	const char *q = p;

	while ((unsigned char)*q >= 0x20 && *q != '"' && *q != '\\')
		q++;
	return *q == '"' ? (size_t)(q - p) : (size_t)-1;
}

/* A string after its opening quote; NULL on a bad one. */
static char *read_string(json_parser *jp)
{
	nm_buf b = NM_BUF_INIT;
	size_t n = plain_span(jp->p);
	char *str = NULL;

	/* Most strings have no escape: one copy, no buffer. */
	if (n != (size_t)-1) {
		str = nm_xstrndup(jp->p, n);
		jp->p += n + 1;
		return str;
	}
	if (decode_string(jp, &b) == 0)
		str = nm_xstrdup(nm_buf_cstr(&b)); /* "" when empty */
	nm_buf_release(&b);
	return str;
}

static int read_value(json_parser *jp, nm_json *out);

/* Step over one value without keeping it (strings, scalars, nesting). */
static int skip_value(json_parser *jp)
{
	int depth = 0;

	skip_space(jp);
	for (;;) {
		char c = *jp->p;

		if (c == '\0')
			return -1;
		if (c == '"') {
			for (jp->p++; *jp->p != '"'; jp->p++) {
				if (*jp->p == '\0')
					return -1;
				if (*jp->p == '\\' && jp->p[1])
					jp->p++;
			}
			jp->p++;
		} else if (c == '{' || c == '[') {
			if (++depth > NM_JSON_MAX_DEPTH)
				return -1;
			jp->p++;
		} else if (c == '}' || c == ']') {
			if (--depth < 0)
				return -1;
			jp->p++;
		} else if (depth > 0) {
			jp->p++; /* separators and scalars inside */
			continue;
		} else {
			while (*jp->p && !strchr(",}] \t\r\n", *jp->p))
				jp->p++;
		}
		if (depth == 0)
			return 0;
	}
}

static bool skipped_key(const json_parser *jp, const char *key)
{
	for (const char *const *k = jp->skip; k && *k; k++)
		if (strcmp(*k, key) == 0)
			return true;
	return false;
}

static void append(nm_json *v, nm_json *item, char *key)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 4;
		v->items = nm_xreallocarray(v->items, v->cap, sizeof(*v->items));
		if (v->type == NM_JSON_OBJ)
			v->keys = nm_xreallocarray(v->keys, v->cap, sizeof(*v->keys));
	}
	v->items[v->n] = *item;
	if (v->type == NM_JSON_OBJ)
		v->keys[v->n] = key;
	v->n++;
}

/* An array or object after its opening bracket. */
static int read_container(json_parser *jp, nm_json *out, bool obj)
{
	char close = obj ? '}' : ']';

	out->type = obj ? NM_JSON_OBJ : NM_JSON_ARR;
	if (++jp->depth > NM_JSON_MAX_DEPTH)
		return -1;
	skip_space(jp);
	if (*jp->p == close) {
		jp->p++;
		jp->depth--;
		return 0;
	}
	for (;;) {
		nm_json item = {0};
		char *key = NULL;

		skip_space(jp);
		if (obj) {
			if (*jp->p != '"')
				return -1;
			jp->p++;
			if (!(key = read_string(jp)))
				return -1;
			skip_space(jp);
			if (*jp->p != ':') {
				free(key);
				return -1;
			}
			jp->p++;
			if (jp->depth == 1 && skipped_key(jp, key)) {
				free(key);
				if (skip_value(jp) < 0)
					return -1;
				goto next;
			}
		}
		if (read_value(jp, &item) < 0) {
			nm_json_free(&item);
			free(key);
			return -1;
		}
		append(out, &item, key);
next:
		skip_space(jp);
		if (*jp->p == ',') {
			jp->p++;
			continue;
		}
		if (*jp->p != close)
			return -1;
		jp->p++;
		jp->depth--;
		return 0;
	}
}

static int read_value(json_parser *jp, nm_json *out)
{
	memset(out, 0, sizeof(*out));
	skip_space(jp);
	switch (*jp->p) {
	case '{':
		jp->p++;
		return read_container(jp, out, true);
	case '[':
		jp->p++;
		return read_container(jp, out, false);
	case '"':
		jp->p++;
		out->type = NM_JSON_STR;
		return (out->str = read_string(jp)) ? 0 : -1;
	case 't':
		out->type = NM_JSON_BOOL;
		out->truth = true;
		return strncmp(jp->p, "true", 4) == 0 ? (jp->p += 4, 0) : -1;
	case 'f':
		out->type = NM_JSON_BOOL;
		return strncmp(jp->p, "false", 5) == 0 ? (jp->p += 5, 0) : -1;
	case 'n':
		out->type = NM_JSON_NULL;
		return strncmp(jp->p, "null", 4) == 0 ? (jp->p += 4, 0) : -1;
	default:
		/* Numbers are never needed: check the characters, keep nothing. */
		out->type = NM_JSON_NUM;
		if (*jp->p == '-')
			jp->p++;
		if (*jp->p < '0' || *jp->p > '9')
			return -1;
		while (*jp->p && strchr("+-0123456789.eE", *jp->p))
			jp->p++;
		return 0;
	}
}

int nm_json_parse(const char *text, nm_json *out, const char *const *skip)
{
	json_parser jp = {text, 0, skip};

	if (read_value(&jp, out) == 0) {
		skip_space(&jp);
		if (*jp.p == '\0')
			return 0;
	}
	nm_json_free(out);
	return -1;
}

const nm_json *nm_json_get(const nm_json *obj, const char *key)
{
	if (!obj || obj->type != NM_JSON_OBJ)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return &obj->items[i];
	return NULL;
}

const char *nm_json_string(const nm_json *v)
{
	return v && v->type == NM_JSON_STR ? v->str : NULL;
}

size_t nm_json_len(const nm_json *v)
{
	return v && v->type == NM_JSON_ARR ? v->n : 0;
}

int nm_json_strings(const char *text, nm_buf *scratch,
		    int (*each)(void *ctx, const char *s, size_t len), void *ctx)
{
	json_parser jp = {text, 0, NULL};

	skip_space(&jp);
	if (*jp.p++ != '[')
		return -1;
	skip_space(&jp);
	if (*jp.p == ']') {
		jp.p++;
	} else {
		for (;;) {
			size_t n;

			skip_space(&jp);
			if (*jp.p++ != '"')
				return -1;
			n = plain_span(jp.p);
			if (n != (size_t)-1) {
				if (each(ctx, jp.p, n) < 0)
					return -1;
				jp.p += n + 1;
			} else {
				nm_buf_clear(scratch);
				if (decode_string(&jp, scratch) < 0 ||
				    each(ctx, nm_buf_cstr(scratch), scratch->len) < 0)
					return -1;
			}
			skip_space(&jp);
			if (*jp.p == ']') {
				jp.p++;
				break;
			}
			if (*jp.p++ != ',')
				return -1;
		}
	}
	skip_space(&jp);
	return *jp.p == '\0' ? 0 : -1;
}

const nm_json *nm_json_at(const nm_json *arr, size_t i)
{
	return arr && arr->type == NM_JSON_ARR && i < arr->n ? &arr->items[i] : NULL;
}

bool nm_json_true(const nm_json *v)
{
	return v && v->type == NM_JSON_BOOL && v->truth;
}
