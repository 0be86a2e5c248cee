/*
 * strmap.h: a hash map from borrowed NUL-terminated strings to 32-bit
 * values (open addressing, FNV-1a). Keys are not copied: they must outlive
 * the map. Used for id look-ups, anchors and key sets.
 */
#ifndef NETMAP_STRMAP_H
#define NETMAP_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct nm_strmap {
	const char **keys;
	uint32_t *values;
	uint32_t *hashes; /* compared before the keys themselves */
	size_t cap;       /* a power of two, or 0 */
	size_t n;
} nm_strmap;

void nm_strmap_init(nm_strmap *m);
void nm_strmap_release(nm_strmap *m);
/* Insert key -> value unless key is there; returns the value now mapped. */
uint32_t nm_strmap_put(nm_strmap *m, const char *key, uint32_t value);
/* The value of key, or UINT32_MAX when absent. */
uint32_t nm_strmap_get(const nm_strmap *m, const char *key);
/* The key stored equal to key (to share one copy of a string), or NULL. */
const char *nm_strmap_key(const nm_strmap *m, const char *key);

#endif
