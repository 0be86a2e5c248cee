/*
 * diff_keys.h: findings as keys (diff_keys.c), private to diff.c.
 */
#ifndef NETMAP_DIFF_KEYS_H
#define NETMAP_DIFF_KEYS_H

#include <stddef.h>

#include "netmap/analysis.h"
#include "netmap/diff.h"

/* One finding: its kind and up to three strings (diff.h lists which). */
typedef struct nm_diff_key {
	nm_diff_finding_kind kind;
	char *part[3];
} nm_diff_key;

/* The keys of one snapshot, sorted by nm_diff_key_cmp. */
typedef struct nm_diff_keys {
	nm_diff_key *items;
	size_t n, cap;
} nm_diff_keys;

/* The findings of one stored JSON document; -1 (and no keys) when unreadable. */
int nm_diff_keys_from_json(const char *json, nm_diff_keys *k);
/* The same keys straight from an analysis. */
void nm_diff_keys_from_analysis(const nm_analysis *an, nm_diff_keys *k);
void nm_diff_keys_free(nm_diff_keys *k);
/* qsort order of keys: kind, then each part (absent first). */
int nm_diff_key_cmp(const void *x, const void *y);

#endif
