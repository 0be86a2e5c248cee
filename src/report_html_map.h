/*
 * report_html_map.h: the explorable parts of the HTML report, written by
 * report_html_map.c for report_html.c: the Content-Security-Policy, the
 * search and filter bar, the committee profiles, the data block and the
 * script (src/report_html.js, embedded at build time).
 */
#ifndef NETMAP_REPORT_HTML_MAP_H
#define NETMAP_REPORT_HTML_MAP_H

#include <stddef.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/report.h"

/* The script, from the generated report_html_script.c. */
extern const char *const nm_html_script;
extern const size_t nm_html_script_len;

/* CSS of the bar, the panel, highlights and profiles. */
extern const char nm_html_map_css[];

/*
 * <meta http-equiv="Content-Security-Policy">: nothing may be loaded from
 * anywhere; the one script runs by its SHA-256; inline styles are allowed
 * (the pictures and the legend use style attributes).
 */
void nm_html_map_csp(nm_buf *b);
/* The search box, the filters and the panel, hidden until the script runs. */
void nm_html_map_tools(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts);
/* One profile (Steckbrief) per committee that is not dissolved. */
void nm_html_map_profiles(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts);
/* The data block and the script, at the end of the body. */
void nm_html_map_script(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts);
/* A link from the finding about overlap i to its place in the network. */
void nm_html_map_finding_link(nm_buf *b, const nm_analysis *an, size_t i,
			      const nm_report_opts *opts);

/* Where the store has several snapshots: a chart of how the network changed. */
void nm_html_map_trend(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts);
/* The same chart as a picture of the e-mail, <img src="cid:...">. */
void nm_html_map_trend_img(nm_buf *b, const char *cid, const nm_report_opts *opts);
/* Under a map too large to draw: where each committee's members are. */
void nm_html_map_members_hint(nm_buf *b, const nm_report_opts *opts);

#endif
