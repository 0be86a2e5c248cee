/*
 * report_html.h: the HTML report for the e-mail writer (private to the
 * report writers; implemented in report_html.c).
 */
#ifndef NETMAP_REPORT_HTML_PRIVATE_H
#define NETMAP_REPORT_HTML_PRIVATE_H

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/graph.h"
#include "netmap/report.h"

/*
 * The HTML report with its pictures as <img src="cid:..."> references
 * rather than inline SVG, for the e-mail writer (mail clients drop inline
 * SVG). cids[net] names the PNG part of each network, or is NULL when
 * there is none (the report then says why).
 */
void nm_report_html_cid(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts,
			const char *const cids[NM_GRAPH_COUNT]);

#endif
