/* report_email.c: placeholder until the email writer lands. */
#include "netmap/report.h"

void nm_report_email(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts)
{
	(void)an;
	(void)opts;
	nm_buf_puts(out, "the email report is not written yet\n");
}
