/*
 * strmap.c: open addressing with linear probing, kept at most half full.
 * FNV-1a is enough here: keys come from files a coordinator writes, and a
 * hostile file can at worst make look-ups slower, not wrong.
 */
#include "netmap/strmap.h"
#include "netmap/common.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (uint32_t)(h ^ (h >> 32));
}

void nm_strmap_init(nm_strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void nm_strmap_release(nm_strmap *m)
{
	free(m->keys);
	free(m->values);
	free(m->hashes);
	nm_strmap_init(m);
}

static void rehash(nm_strmap *m, size_t cap)
{
	const char **keys = nm_xcalloc(cap, sizeof(*keys));
	uint32_t *values = nm_xcalloc(cap, sizeof(*values));
	uint32_t *hashes = nm_xcalloc(cap, sizeof(*hashes));

	for (size_t i = 0; i < m->cap; i++) {
		size_t j;
		if (!m->keys[i])
			continue;
		j = m->hashes[i] & (cap - 1);
		while (keys[j])
			j = (j + 1) & (cap - 1);
		keys[j] = m->keys[i];
		values[j] = m->values[i];
		hashes[j] = m->hashes[i];
	}
	free(m->keys);
	free(m->values);
	free(m->hashes);
	m->keys = keys;
	m->values = values;
	m->hashes = hashes;
	m->cap = cap;
}

uint32_t nm_strmap_put(nm_strmap *m, const char *key, uint32_t value)
{
	uint32_t h = hash(key);
	size_t j;

	if ((m->n + 1) * 2 > m->cap)
		rehash(m, m->cap ? m->cap * 2 : 16);
	j = h & (m->cap - 1);
	while (m->keys[j]) {
		if (m->hashes[j] == h && strcmp(m->keys[j], key) == 0)
			return m->values[j];
		j = (j + 1) & (m->cap - 1);
	}
	m->keys[j] = key;
	m->values[j] = value;
	m->hashes[j] = h;
	m->n++;
	return value;
}

uint32_t nm_strmap_get(const nm_strmap *m, const char *key)
{
	uint32_t h;
	size_t j;

	if (!m->cap)
		return UINT32_MAX;
	h = hash(key);
	j = h & (m->cap - 1);
	while (m->keys[j]) {
		if (m->hashes[j] == h && strcmp(m->keys[j], key) == 0)
			return m->values[j];
		j = (j + 1) & (m->cap - 1);
	}
	return UINT32_MAX;
}

const char *nm_strmap_key(const nm_strmap *m, const char *key)
{
	uint32_t h;
	size_t j;

	if (!m->cap)
		return NULL;
	h = hash(key);
	j = h & (m->cap - 1);
	while (m->keys[j]) {
		if (m->hashes[j] == h && strcmp(m->keys[j], key) == 0)
			return m->keys[j];
		j = (j + 1) & (m->cap - 1);
	}
	return NULL;
}
