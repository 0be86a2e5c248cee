/*
 * fuzz_escape.c: arbitrary bytes through nm_text_escape, the escaping
 * every message and listing of the command line goes through (print.c).
 * Whatever the bytes, the result must be valid UTF-8 holding no C0
 * control but the kept newline and tab, no DEL, no C1 control and no
 * format character (bidirectional overrides among them), and the
 * characters that need no escape must come out as they went in.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "netmap/textfmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const char *s, size_t len, unsigned keep)
{
	size_t i = 0;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		utf8proc_category_t cat;

		if (n <= 0)
			abort(); /* not UTF-8 */
		if ((cp < 0x20 && !(cp == '\n' && (keep & NM_TEXT_KEEP_NEWLINE)) &&
		     !(cp == '\t' && (keep & NM_TEXT_KEEP_TAB))) ||
		    cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			abort();
		cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_ZL ||
		    cat == UTF8PROC_CATEGORY_ZP)
			abort();
		i += (size_t)n;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nm_buf out = NM_BUF_INIT;
	unsigned keep = size ? data[0] & 3u : 0;
	const char *s = (const char *)data + (size ? 1 : 0);
	size_t len = size ? size - 1 : 0, span;

	nm_text_escape(&out, s, len, keep);
	check(nm_buf_cstr(&out), out.len, keep);
	/* What needs no escape is copied as it is. */
	span = nm_text_plain_span(s, len, keep);
	if (out.len < span || (span && memcmp(out.ptr, s, span) != 0))
		abort();
	if (span == len && out.len != len)
		abort();
	nm_buf_release(&out);
	return 0;
}
