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
