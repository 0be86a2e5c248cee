/*
 * report.c: the table of report writers. A new format is one file and one
 * row here.
 */
#include "netmap/report.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

static const nm_report_writer writers[] = {
	{"text", nm_report_text}, {"json", nm_report_json}, {"markdown", nm_report_markdown},
	{"csv", nm_report_csv},   {"html", nm_report_html}, {"email", nm_report_email},
};

void nm_report_opts_init(nm_report_opts *opts)
{
	opts->all = false;
	opts->color = false;
	opts->width = 80;
	opts->snapshot = 0;
	opts->lang = NM_LANG_EN;
	opts->table = NULL;
	opts->include_contacts = false;
	opts->to = opts->from = opts->subject = NULL;
	opts->date = NM_DATE_NONE;
	opts->since = NULL;
	opts->trend = NULL;
}

const nm_report_writer *nm_report_find(const char *format)
{
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++)
		if (strcmp(writers[i].name, format) == 0)
			return &writers[i];
	return NULL;
}

static char format_list[128];
static pthread_once_t format_list_once = PTHREAD_ONCE_INIT;

static void build_format_list(void)
{
	size_t at = 0;

	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++)
		at += (size_t)snprintf(format_list + at, sizeof(format_list) - at, "%s%s",
				       i ? ", " : "", writers[i].name);
}

const char *nm_report_formats(void)
{
	pthread_once(&format_list_once, build_format_list);
	return format_list;
}
