/* report_html.c: placeholder until the html writer lands. */
#include "netmap/report.h"

void nm_report_html(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts)
{
	(void)an;
	(void)opts;
	nm_buf_puts(out, "the html report is not written yet\n");
}
