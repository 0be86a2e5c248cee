/*
 * sort.h: stable radix sorts of 64-bit keys, for the million-row sorts
 * (memberships by committee and actor, the keys of duplicate detection)
 * where qsort's comparisons and moves of wide records dominate.
 */
#ifndef NETMAP_SORT_H
#define NETMAP_SORT_H

#include <stddef.h>
#include <stdint.h>

/* Sort keys ascending, moving idx along; equal keys keep their order. */
void nm_sort_u64(uint64_t *keys, uint32_t *idx, size_t n);

/*
 * Sort n records of size bytes, each starting with its uint64_t key, by
 * bits from_bit..63 of the key, ascending; equal keys keep their order.
 * Under 256 records an insertion sort, else the radix passes.
 */
void nm_sort_by_key(void *base, size_t n, size_t size, unsigned from_bit);

#endif
