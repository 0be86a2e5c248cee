/*
 * strmap.c: open addressing with linear probing, kept at most half full.
 * FNV-1a is enough here: keys come from files a coordinator writes, and a
 * hostile file can at worst make look-ups slower, not wrong.
 */
#include "netmap/strmap.h"
#include "netmap/common.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

void nm_strmap_init(nm_strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void nm_strmap_release(nm_strmap *m)
{
	free(m->keys);
	free(m->values);
	nm_strmap_init(m);
}

static void rehash(nm_strmap *m, size_t cap)
{
	const char **keys = nm_xcalloc(cap, sizeof(*keys));
	uint32_t *values = nm_xcalloc(cap, sizeof(*values));

	for (size_t i = 0; i < m->cap; i++) {
		size_t j;
		if (!m->keys[i])
			continue;
		j = hash(m->keys[i]) & (cap - 1);
		while (keys[j])
			j = (j + 1) & (cap - 1);
		keys[j] = m->keys[i];
		values[j] = m->values[i];
	}
	free(m->keys);
	free(m->values);
	m->keys = keys;
	m->values = values;
	m->cap = cap;
}

uint32_t nm_strmap_put(nm_strmap *m, const char *key, uint32_t value)
{
	size_t j;

	if ((m->n + 1) * 2 > m->cap)
		rehash(m, m->cap ? m->cap * 2 : 16);
	j = hash(key) & (m->cap - 1);
	while (m->keys[j]) {
		if (strcmp(m->keys[j], key) == 0)
			return m->values[j];
		j = (j + 1) & (m->cap - 1);
	}
	m->keys[j] = key;
	m->values[j] = value;
	m->n++;
	return value;
}

uint32_t nm_strmap_get(const nm_strmap *m, const char *key)
{
	size_t j;

	if (!m->cap)
		return UINT32_MAX;
	j = hash(key) & (m->cap - 1);
	while (m->keys[j]) {
		if (strcmp(m->keys[j], key) == 0)
			return m->values[j];
		j = (j + 1) & (m->cap - 1);
	}
	return UINT32_MAX;
}
