/*
 * textfmt.h: text for terminals and e-mail. Widths are display columns
 * (utf8proc's character widths), so umlauts and other multi-byte names
 * align; every string from the data passes through nm_text_clean, so no
 * control character (an escape sequence, CR, backspace) from the data
 * ever reaches a terminal.
 */
#ifndef NETMAP_TEXTFMT_H
#define NETMAP_TEXTFMT_H

#include <stddef.h>

#include "netmap/buf.h"

/* Append s with control characters and broken UTF-8 replaced by U+FFFD. */
void nm_text_clean(nm_buf *b, const char *s);
/*
 * Showing instead of replacing, for messages and listings: every
 * character nm_text_clean replaces is written as an escape a reader can
 * see and report: \t \n \r; \xNN for the other C0 controls, DEL and bytes
 * that are not UTF-8; \uNNNN for C1 controls and format characters (the
 * bidirectional overrides U+202A-202E and isolates U+2066-2069 among
 * them) and the line and paragraph separators; \UNNNNNNNN beyond U+FFFF.
 * A backslash in the data stays a backslash (docs/security.md).
 */
enum {
	NM_TEXT_KEEP_NEWLINE = 1 << 0, /* a newline stays a newline */
	NM_TEXT_KEEP_TAB = 1 << 1      /* a tab stays a tab */
};
/* Append s[0..len) with every such character escaped (NUL included). */
void nm_text_escape(nm_buf *b, const char *s, size_t len, unsigned keep);
/* How many bytes from s on need no escape under keep. */
size_t nm_text_plain_span(const char *s, size_t len, unsigned keep);
/* Append the escape of the one character at s (len >= 1); its length in bytes. */
size_t nm_text_escape_one(nm_buf *b, const char *s, size_t len);
/* Display columns of s once cleaned. */
size_t nm_text_width(const char *s);
/*
 * Append s cleaned, cut to at most width columns (ending in "…" when cut),
 * then padded with spaces to width when pad is set.
 */
void nm_text_fit(nm_buf *b, const char *s, size_t width, int pad);
/*
 * Append text word-wrapped to width columns: the first line continues
 * at column `first` (already written), later lines start with indent
 * spaces. Ends with a newline. text is cleaned.
 */
void nm_text_wrap(nm_buf *b, const char *text, size_t first, size_t indent, size_t width);

#endif
