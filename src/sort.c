/*
 * sort.c: the radix sorts: least-significant-digit, 16 bits a pass,
 * skipping passes in which every key has the same digit (common: ids fit
 * in far fewer than 32 bits). Linear in n, stable by construction. One
 * sorts parallel key and index arrays (memberships), the other records
 * that start with their key (the keys of duplicate detection).
 */
#include "netmap/sort.h"
#include "netmap/common.h"

#include <stdlib.h>
#include <string.h>

/* Counts of each 16-bit digit into the offsets where its run starts. */
static void offsets(size_t *count)
{
	size_t sum = 0;

	for (size_t d = 0; d < 65536; d++) {
		size_t c = count[d];
		count[d] = sum;
		sum += c;
	}
}

void nm_sort_u64(uint64_t *keys, uint32_t *idx, size_t n)
{
	uint64_t *k2;
	uint32_t *i2;
	size_t *count;

	if (n < 2)
		return;
	k2 = nm_xreallocarray(NULL, n, sizeof(*k2));
	i2 = nm_xreallocarray(NULL, n, sizeof(*i2));
	count = nm_xcalloc(65536, sizeof(*count));
	for (unsigned shift = 0; shift < 64; shift += 16) {
		memset(count, 0, 65536 * sizeof(*count));
		for (size_t i = 0; i < n; i++)
			count[(keys[i] >> shift) & 0xFFFF]++;
		if (count[(keys[0] >> shift) & 0xFFFF] == n)
			continue; /* one digit for all: nothing to do */
		offsets(count);
		for (size_t i = 0; i < n; i++) {
			size_t to = count[(keys[i] >> shift) & 0xFFFF]++;
			k2[to] = keys[i];
			i2[to] = idx[i];
		}
		memcpy(keys, k2, n * sizeof(*keys));
		memcpy(idx, i2, n * sizeof(*idx));
	}
	free(k2);
	free(i2);
	free(count);
}

void nm_sort_by_key(void *base, size_t n, size_t size, unsigned from_bit)
{
	unsigned char *v = base, *tmp;
	size_t *count;

	if (n < 2)
		return;
	if (n < 256) {
		/* Few items: a stable insertion sort beats clearing 65,536 counters. */
		unsigned char *item = nm_xmalloc(size);
		for (size_t i = 1; i < n; i++) {
			uint64_t ki, kj;
			size_t j = i;
			memcpy(item, v + i * size, size);
			memcpy(&ki, item, sizeof(ki));
			while (j > 0) {
				memcpy(&kj, v + (j - 1) * size, sizeof(kj));
				if ((kj >> from_bit) <= (ki >> from_bit))
					break;
				memcpy(v + j * size, v + (j - 1) * size, size);
				j--;
			}
			memcpy(v + j * size, item, size);
		}
		free(item);
		return;
	}
	tmp = nm_xreallocarray(NULL, n, size);
	count = nm_xcalloc(65536, sizeof(size_t));
	for (unsigned shift = from_bit; shift < 64; shift += 16) {
		uint64_t k;

		memset(count, 0, 65536 * sizeof(size_t));
		for (size_t i = 0; i < n; i++) {
			memcpy(&k, v + i * size, sizeof(k));
			count[(k >> shift) & 0xffff]++;
		}
		if (count[(k >> shift) & 0xffff] == n)
			continue; /* every key has this digit */
		offsets(count);
		for (size_t i = 0; i < n; i++) {
			memcpy(&k, v + i * size, sizeof(k));
			memcpy(tmp + count[(k >> shift) & 0xffff]++ * size, v + i * size, size);
		}
		memcpy(v, tmp, n * size);
	}
	free(count);
	free(tmp);
}
