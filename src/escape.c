/*
 * escape.c: XML/HTML escaping. Control characters are not allowed in XML
 * 1.0 at all, so they are dropped rather than written as references.
 */
#include "netmap/escape.h"

#include <utf8proc.h>

void nm_escape_xml(nm_buf *b, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);

		if (n <= 0) {
			nm_buf_puts(b, "\xEF\xBF\xBD");
			p++;
			continue;
		}
		switch (cp) {
		case '&':
			nm_buf_puts(b, "&amp;");
			break;
		case '<':
			nm_buf_puts(b, "&lt;");
			break;
		case '>':
			nm_buf_puts(b, "&gt;");
			break;
		case '"':
			nm_buf_puts(b, "&quot;");
			break;
		case '\'':
			nm_buf_puts(b, "&#39;");
			break;
		default:
			if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
			    (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF)
				break; /* not allowed in XML */
			nm_buf_put(b, (const char *)p, (size_t)n);
		}
		p += n;
	}
}
