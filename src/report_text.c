/* report_text.c: placeholder until the text report lands. */
#include "netmap/report.h"

void nm_report_text(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts)
{
	nm_report_json(out, an, opts);
}
