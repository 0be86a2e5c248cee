/*
 * sort.c: least-significant-digit radix sort, 16 bits a pass, skipping
 * passes in which every key has the same digit (common: ids fit in far
 * fewer than 32 bits). Linear in n, stable by construction.
 */
#include "netmap/sort.h"
#include "netmap/common.h"

#include <stdlib.h>
#include <string.h>

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
		size_t sum = 0;
		memset(count, 0, 65536 * sizeof(*count));
		for (size_t i = 0; i < n; i++)
			count[(keys[i] >> shift) & 0xFFFF]++;
		if (count[(keys[0] >> shift) & 0xFFFF] == n)
			continue; /* one digit for all: nothing to do */
		for (size_t d = 0; d < 65536; d++) {
			size_t c = count[d];
			count[d] = sum;
			sum += c;
		}
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
