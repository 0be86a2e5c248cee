/*
 * validate_formats.c: the formats of `netmap validate` that code-review
 * tools read (sarif, gitlab), as a table beside the command: the writers
 * themselves are in the library (diag_out.h).
 */
#include "cli.h"

#include "netmap/diag_out.h"

#include <limits.h>
#include <string.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static void write_sarif(nm_buf *b, const nm_diags *d, const char *failure)
{
	char cwd[PATH_MAX];

	nm_diags_sarif(b, d, getcwd(cwd, sizeof(cwd)) ? cwd : NULL, failure);
}

static void write_gitlab(nm_buf *b, const nm_diags *d, const char *failure)
{
	char cwd[PATH_MAX];

	(void)failure; /* the report has no place for it: it goes to stderr */
	nm_diags_gitlab(b, d, getcwd(cwd, sizeof(cwd)) ? cwd : NULL);
}

cli_diags_writer cli_validate_writer(const char *format)
{
	if (strcmp(format, "sarif") == 0)
		return write_sarif;
	if (strcmp(format, "gitlab") == 0)
		return write_gitlab;
	return NULL;
}
