/* names.c: placeholder; duplicate actor detection lands in its own change. */
#include "netmap/names.h"

#include <stdlib.h>

const char *const nm_dup_reason_names[NM_DUP_COUNT] = {
	"same_name", "same_contact", "similar_name",
};

void nm_names_normalize(const char *name, nm_buf *out)
{
	nm_buf_clear(out);
	nm_buf_puts(out, name);
}

uint32_t nm_names_similarity(const char *a, const char *b)
{
	return 0;
}

void nm_names_find_duplicates(nm_duplicate_actor **out, size_t *n,
			      const nm_dataset *ds, nm_ratio similar_threshold)
{
	*out = NULL;
	*n = 0;
}
