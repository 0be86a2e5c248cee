/*
 * escape.h: escaping for the markup formats netmap writes, shared by the
 * report writers and the exports, so that nothing in the data can close a
 * tag, open an element or break out of an attribute.
 */
#ifndef NETMAP_ESCAPE_H
#define NETMAP_ESCAPE_H

#include "netmap/buf.h"

/*
 * Append s escaped for HTML and XML text and attribute values: & < > " '
 * become entities, control characters other than tab and newline are
 * dropped, broken UTF-8 becomes U+FFFD.
 */
void nm_escape_xml(nm_buf *b, const char *s);

#endif
