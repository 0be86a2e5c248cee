/*
 * json.h: the small pieces every JSON writer needs: string escaping that
 * always yields valid JSON (invalid UTF-8 becomes U+FFFD), and numbers
 * rounded to three decimals from exact fractions.
 */
#ifndef NETMAP_JSON_H
#define NETMAP_JSON_H

#include <stdint.h>

#include "netmap/buf.h"

/* Append s as a quoted JSON string; NULL appends null. */
void nm_json_str(nm_buf *b, const char *s);
/* Append num/den rounded to 3 decimals (half up), as 0.667 or 1.0. */
void nm_json_fraction(nm_buf *b, uint64_t num, uint64_t den);

#endif
