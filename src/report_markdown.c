/* report_markdown.c: placeholder until the markdown writer lands. */
#include "netmap/report.h"

void nm_report_markdown(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts)
{
	(void)an;
	(void)opts;
	nm_buf_puts(out, "the markdown report is not written yet\n");
}
