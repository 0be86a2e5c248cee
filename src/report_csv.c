/* report_csv.c: placeholder until the csv writer lands. */
#include "netmap/report.h"

void nm_report_csv(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts)
{
	(void)an;
	(void)opts;
	nm_buf_puts(out, "the csv report is not written yet\n");
}
