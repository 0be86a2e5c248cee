/*
 * sort.h: a stable radix sort of 64-bit keys carrying a 32-bit payload,
 * for the million-row sorts (memberships by committee and actor) where
 * qsort's comparisons and moves of wide records dominate.
 */
#ifndef NETMAP_SORT_H
#define NETMAP_SORT_H

#include <stddef.h>
#include <stdint.h>

/* Sort keys ascending, moving idx along; equal keys keep their order. */
void nm_sort_u64(uint64_t *keys, uint32_t *idx, size_t n);

#endif
