/*
 * json.c: JSON escaping and exact-fraction numbers. Escaping decodes
 * UTF-8 with utf8proc, as the other writers do, so that output stays valid
 * JSON whatever bytes a path or a name holds: control characters are escaped, broken sequences replaced.
 */
#include "netmap/json.h"

#include <stdio.h>
#include <utf8proc.h>

/* Length of a valid UTF-8 character at p (1-4), or 0 when invalid. */
static size_t utf8_len(const unsigned char *p)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);

	return n > 0 ? (size_t)n : 0;
}

void nm_json_str(nm_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s) {
		nm_buf_puts(b, "null");
		return;
	}
	nm_buf_putc(b, '"');
	while (*p) {
		const unsigned char *run = p;
		size_t n;

		/* Plain printable ASCII goes out in one piece. */
		while (*p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\')
			p++;
		if (p > run)
			nm_buf_put(b, (const char *)run, (size_t)(p - run));
		if (!*p)
			break;
		if (*p == '"' || *p == '\\') {
			nm_buf_putc(b, '\\');
			nm_buf_putc(b, (char)*p++);
			continue;
		}
		if (*p < 0x20 || *p == 0x7F) {
			switch (*p) {
			case '\n':
				nm_buf_puts(b, "\\n");
				break;
			case '\t':
				nm_buf_puts(b, "\\t");
				break;
			case '\r':
				nm_buf_puts(b, "\\r");
				break;
			default:
				nm_buf_printf(b, "\\u%04x", *p);
			}
			p++;
			continue;
		}
		n = utf8_len(p);
		if (n == 0) {
			nm_buf_puts(b, "\\ufffd");
			p++;
			continue;
		}
		nm_buf_put(b, (const char *)p, n);
		p += n;
	}
	nm_buf_putc(b, '"');
}

void nm_json_fraction(nm_buf *b, uint64_t num, uint64_t den)
{
	uint64_t milli;

	if (den == 0) {
		nm_buf_puts(b, "0.0");
		return;
	}
	milli = (num * 2000 / den + 1) / 2; /* round half up */
	if (milli % 1000 == 0) {
		nm_buf_printf(b, "%llu.0", (unsigned long long)(milli / 1000));
		return;
	}
	{
		char frac[8];
		int len;
		snprintf(frac, sizeof(frac), "%03llu", (unsigned long long)(milli % 1000));
		len = 3;
		while (len > 1 && frac[len - 1] == '0')
			frac[--len] = '\0';
		nm_buf_printf(b, "%llu.%s", (unsigned long long)(milli / 1000), frac);
	}
}
