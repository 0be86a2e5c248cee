/*
 * fuzz_json.c: arbitrary bytes through the JSON reader (json_read.c),
 * which reads back what netmap stored, from a file anyone can edit. It
 * must refuse or read every input without a fault, with the root keys of
 * a skip list or without; what it reads, written out again with
 * nm_json_str, must read back, and from then on reading and writing
 * change nothing.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/buf.h"
#include "netmap/common.h"
#include "netmap/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The tree as JSON again; numbers, whose value is not kept, as 0. */
static void write_tree(nm_buf *b, const nm_json *v)
{
	switch (v->type) {
	case NM_JSON_NULL:
		nm_buf_puts(b, "null");
		break;
	case NM_JSON_BOOL:
		nm_buf_puts(b, v->truth ? "true" : "false");
		break;
	case NM_JSON_NUM:
		nm_buf_putc(b, '0');
		break;
	case NM_JSON_STR:
		nm_json_str(b, v->str);
		break;
	case NM_JSON_ARR:
	case NM_JSON_OBJ:
		nm_buf_putc(b, v->type == NM_JSON_OBJ ? '{' : '[');
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				nm_buf_putc(b, ',');
			if (v->type == NM_JSON_OBJ) {
				nm_json_str(b, v->keys[i]);
				nm_buf_putc(b, ':');
			}
			write_tree(b, &v->items[i]);
		}
		nm_buf_putc(b, v->type == NM_JSON_OBJ ? '}' : ']');
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const skip[] = {"load", "summary", NULL};
	char *text = nm_xmalloc(size + 1);
	nm_json v, again;

	memcpy(text, data, size);
	text[size] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		nm_buf out = NM_BUF_INIT, out2 = NM_BUF_INIT;

		if (nm_json_parse(text, &v, pass ? skip : NULL) < 0) {
			if (v.type != NM_JSON_NULL || v.n != 0)
				abort(); /* a refused document leaves nothing behind */
			continue;
		}
		/* Written out, a tree holds valid UTF-8 only (broken bytes become
		   U+FFFD); from then on writing and reading change nothing. */
		write_tree(&out, &v);
		nm_json_free(&v);
		if (nm_json_parse(nm_buf_cstr(&out), &v, NULL) < 0)
			abort(); /* what was read must be readable when written out */
		nm_buf_clear(&out);
		write_tree(&out, &v);
		if (nm_json_parse(nm_buf_cstr(&out), &again, NULL) < 0)
			abort();
		write_tree(&out2, &again);
		if (strcmp(nm_buf_cstr(&out), nm_buf_cstr(&out2)) != 0)
			abort();
		nm_json_free(&again);
		nm_json_free(&v);
		nm_buf_release(&out);
		nm_buf_release(&out2);
	}
	free(text);
	return 0;
}
