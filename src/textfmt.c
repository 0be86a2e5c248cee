/*
 * textfmt.c: cleaning, measuring, cutting and wrapping text by display
 * columns. Everything goes through one decoder (utf8proc_iterate) so that
 * cleaning and measuring agree about every byte.
 */
#include "netmap/textfmt.h"

#include <string.h>
#include <utf8proc.h>

#define REPLACEMENT "\xEF\xBF\xBD"

/* Decode one character: its code point (or -1 when broken) and length. */
static utf8proc_ssize_t next_char(const char *s, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, cp);

	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	return n;
}

static int is_control(utf8proc_int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0)
		return 1;
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return 1;
	cat = utf8proc_category(cp);
	/* Format characters such as bidi overrides reorder what a reader sees. */
	return cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

/* Decode one character of at most len bytes (len >= 1); NUL is a character. */
static utf8proc_ssize_t next_char_n(const char *s, size_t len, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
					      cp);

	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	return n;
}

/* Whether cp needs an escape under nm_text_escape's keep flags. */
static int needs_escape(utf8proc_int32_t cp, unsigned keep)
{
	if (cp == '\n')
		return !(keep & NM_TEXT_KEEP_NEWLINE);
	if (cp == '\t')
		return !(keep & NM_TEXT_KEEP_TAB);
	return is_control(cp);
}

size_t nm_text_plain_span(const char *s, size_t len, unsigned keep)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		n = next_char_n(s + i, len - i, &cp);
		if (needs_escape(cp, keep))
			break;
		i += (size_t)n;
	}
	return i;
}

size_t nm_text_escape_one(nm_buf *b, const char *s, size_t len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = next_char_n(s, len, &cp);

	if (cp < 0)
		nm_buf_printf(b, "\\x%02x", (unsigned)(unsigned char)s[0]); /* not UTF-8 */
	else if (cp == '\n')
		nm_buf_puts(b, "\\n");
	else if (cp == '\t')
		nm_buf_puts(b, "\\t");
	else if (cp == '\r')
		nm_buf_puts(b, "\\r");
	else if (cp < 0x20 || cp == 0x7F)
		nm_buf_printf(b, "\\x%02x", (unsigned)cp);
	else if (cp <= 0xFFFF)
		nm_buf_printf(b, "\\u%04x", (unsigned)cp);
	else
		nm_buf_printf(b, "\\U%08x", (unsigned)cp);
	return (size_t)n;
}

void nm_text_escape(nm_buf *b, const char *s, size_t len, unsigned keep)
{
	while (len > 0) {
		size_t n = nm_text_plain_span(s, len, keep);

		nm_buf_put(b, s, n);
		s += n;
		len -= n;
		if (len > 0) {
			n = nm_text_escape_one(b, s, len);
			s += n;
			len -= n;
		}
	}
}

static int char_width(utf8proc_int32_t cp)
{
	int w;

	if (is_control(cp))
		return 1; /* shown as U+FFFD */
	w = utf8proc_charwidth(cp);
	return w < 0 ? 1 : w;
}

void nm_text_clean(nm_buf *b, const char *s)
{
	while (*s) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = next_char(s, &cp);

		if (is_control(cp))
			nm_buf_puts(b, REPLACEMENT);
		else
			nm_buf_put(b, s, (size_t)n);
		s += n;
	}
}

size_t nm_text_width(const char *s)
{
	size_t w = 0;

	while (*s) {
		utf8proc_int32_t cp;
		s += next_char(s, &cp);
		w += (size_t)char_width(cp);
	}
	return w;
}

void nm_text_fit(nm_buf *b, const char *s, size_t width, int pad)
{
	size_t w = 0, total = nm_text_width(s);

	if (total <= width) {
		nm_text_clean(b, s);
		w = total;
	} else {
		/* Keep what fits in width - 1 columns, then the ellipsis. */
		while (*s) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t n = next_char(s, &cp);
			int cw = char_width(cp);
			if (w + (size_t)cw + 1 > width)
				break;
			if (is_control(cp))
				nm_buf_puts(b, REPLACEMENT);
			else
				nm_buf_put(b, s, (size_t)n);
			w += (size_t)cw;
			s += n;
		}
		if (width > 0) {
			nm_buf_puts(b, "\xE2\x80\xA6");
			w++;
		}
	}
	while (pad && w < width) {
		nm_buf_putc(b, ' ');
		w++;
	}
}

void nm_text_wrap(nm_buf *b, const char *text, size_t first, size_t indent, size_t width)
{
	nm_buf clean = NM_BUF_INIT;
	const char *p;
	size_t col = first;
	int at_start = 1;

	nm_text_clean(&clean, text);
	p = nm_buf_cstr(&clean);
	while (*p) {
		const char *word;
		size_t len, w;
		nm_buf tmp = NM_BUF_INIT;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		word = p;
		while (*p && *p != ' ')
			p++;
		len = (size_t)(p - word);
		nm_buf_put(&tmp, word, len);
		w = nm_text_width(tmp.ptr);
		/*
		 * A word that does not fit goes to a new line; so does the first
		 * word when what the caller wrote left too little room for it and
		 * a new line holds it (or left none at all), rather than being cut.
		 */
		if (col + (at_start ? 0 : 1) + w > width &&
		    (!at_start || (col > indent && (col >= width || indent + w <= width)))) {
			nm_buf_putc(b, '\n');
			for (size_t i = 0; i < indent; i++)
				nm_buf_putc(b, ' ');
			col = indent;
			at_start = 1;
		}
		if (!at_start) {
			nm_buf_putc(b, ' ');
			col++;
		}
		if (col + w > width && width > indent) {
			/* A word longer than the line: cut it rather than overflow. */
			nm_text_fit(b, tmp.ptr, width - col, 0);
			col = width;
		} else {
			nm_buf_put(b, word, len);
			col += w;
		}
		at_start = 0;
		nm_buf_release(&tmp);
	}
	nm_buf_putc(b, '\n');
	nm_buf_release(&clean);
}
