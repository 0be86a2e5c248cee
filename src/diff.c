/* diff.c: placeholder until snapshot comparison lands. */
#include "netmap/diff.h"

#include <stdlib.h>

struct nm_diff {
	int empty;
};

int nm_diff_compute(nm_diff **out, const nm_dataset *from, const char *from_findings,
		    long long from_id, const nm_dataset *to, const char *to_findings,
		    long long to_id, nm_error *err)
{
	*out = NULL;
	return nm_error_set(err, NM_EUSAGE, "comparing snapshots is not available yet");
}

void nm_diff_free(nm_diff *diff)
{
	free(diff);
}

int nm_diff_is_empty(const nm_diff *diff)
{
	return 1;
}

void nm_diff_write_text(nm_buf *b, const nm_diff *diff, nm_lang lang, unsigned width)
{
}

void nm_diff_write_markdown(nm_buf *b, const nm_diff *diff, nm_lang lang)
{
}

void nm_diff_write_html(nm_buf *b, const nm_diff *diff, nm_lang lang)
{
}

void nm_diff_write_json(nm_buf *b, const nm_diff *diff)
{
}
