/*
 * cmd_validate.c: `netmap validate`, the check CI runs on every change of
 * the data. It writes nothing; the problems it finds are its result, on
 * stdout, as text, JSON or GitHub workflow annotations (contract 5.1).
 */
#include "cli.h"

#include "netmap/json.h"
#include "netmap/validate.h"

#include <string.h>

static void plural(nm_buf *b, size_t n, const char *word)
{
	nm_buf_printf(b, "%zu %s%s", n, word, n == 1 ? "" : "s");
}

static void write_text(nm_buf *b, const nm_diags *d, size_t nfiles, nm_lang lang)
{
	cli_diags_text(b, d, lang);
	if (lang == NM_LANG_DE) {
		nm_buf_printf(b, "%zu Fehler, %zu Warnung%s in %zu Datei%s\n", d->errors,
			      d->warnings, d->warnings == 1 ? "" : "en", nfiles,
			      nfiles == 1 ? "" : "en");
		return;
	}
	plural(b, d->errors, "error");
	nm_buf_puts(b, ", ");
	plural(b, d->warnings, "warning");
	nm_buf_puts(b, " in ");
	plural(b, nfiles, "file");
	nm_buf_putc(b, '\n');
}

/* A problem in a workbook (not a CSV file): its place is a sheet and a cell. */
static bool is_workbook(const nm_diags *d, uint32_t file)
{
	nm_source_kind k = nm_source_kind_of(d->files[file]);
	return d->sheets[file] || k == NM_SOURCE_XLSX || k == NM_SOURCE_ODS;
}

static void write_json(nm_buf *b, const nm_diags *d, size_t nfiles)
{
	nm_buf_printf(b, "{\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, \"problems\": [",
		      nfiles, d->errors, d->warnings);
	for (size_t i = 0; i < d->n; i++) {
		const nm_diag *x = &d->items[i];
		nm_buf_puts(b, i ? ",\n  " : "\n  ");
		nm_buf_puts(b, "{\"file\": ");
		nm_json_str(b, d->files[x->file]);
		nm_buf_printf(b, ", \"line\": %u, \"column\": %u, \"severity\": \"%s\", \"rule\": ",
			      x->line, x->col, x->severity == NM_SEV_ERROR ? "error" : "warning");
		nm_json_str(b, x->rule);
		nm_buf_puts(b, ", \"message\": ");
		nm_json_str(b, x->message);
		if (is_workbook(d, x->file)) {
			/* Contract 6.5: the sheet and the cell alone, null for the file. */
			const char *sheet = d->sheets[x->file];
			char cell[16];
			nm_buf_puts(b, ", \"sheet\": ");
			if (sheet && x->line) {
				nm_json_str(b, sheet);
				nm_diags_cell_name(x->line, x->col, cell);
				nm_buf_puts(b, ", \"cell\": ");
				nm_json_str(b, cell);
			} else {
				nm_buf_puts(b, "null, \"cell\": null");
			}
		}
		nm_buf_putc(b, '}');
	}
	nm_buf_puts(b, d->n ? "\n]}\n" : "]}\n");
}

/* GitHub's workflow command escaping: data, and properties (also : and ,). */
static void gh_escape(nm_buf *b, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%':
			nm_buf_puts(b, "%25");
			break;
		case '\r':
			nm_buf_puts(b, "%0D");
			break;
		case '\n':
			nm_buf_puts(b, "%0A");
			break;
		case '\t': /* shown like every other control (print.c) */
			nm_buf_puts(b, "\\t");
			break;
		case ':':
			nm_buf_puts(b, property ? "%3A" : ":");
			break;
		case ',':
			nm_buf_puts(b, property ? "%2C" : ",");
			break;
		default:
			nm_buf_putc(b, *s);
		}
	}
}

static void write_github(nm_buf *b, const nm_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const nm_diag *x = &d->items[i];
		nm_buf_puts(b, x->severity == NM_SEV_ERROR ? "::error file=" : "::warning file=");
		gh_escape(b, d->files[x->file], true);
		nm_buf_printf(b, ",line=%u,col=%u::", x->line ? x->line : 1, x->col ? x->col : 1);
		{
			/* Contract 6.5: in a sheet the message starts with the cell. */
			nm_buf msg = NM_BUF_INIT;
			nm_diags_message(d, x, &msg);
			gh_escape(b, msg.ptr, false);
			nm_buf_release(&msg);
		}
		nm_buf_putc(b, '\n');
	}
}

int cmd_validate(int argc, char **argv)
{
	cli_opts o;
	nm_diags d;
	nm_error err;
	nm_buf out = NM_BUF_INIT;
	size_t nfiles = 0;
	int rc, status;

	rc = cli_parse(&o, "validate", OPT_FORMAT | OPT_STRICT | OPT_TODAY | OPT_LANG | OPT_JOBS,
		       argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs == 0)
		return cli_usage_error("validate", "no PATH given"), EXIT_TROUBLE;
	if (strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0 &&
	    strcmp(o.format, "github") != 0 && !cli_validate_writer(o.format))
		return cli_usage_error("validate",
				       "unknown format '%s' (text, json, github, sarif or gitlab)",
				       o.format),
		       EXIT_TROUBLE;

	nm_diags_init(&d);
	nm_error_clear(&err);
	rc = nm_validate_paths((const char *const *)o.args, (size_t)o.nargs, o.today, 0, o.jobs, &d,
			       NULL, &nfiles, &err);
	if (cli_validate_writer(o.format))
		cli_validate_writer(o.format)(&out, &d, rc == NM_EIO ? err.message : NULL);
	else if (strcmp(o.format, "json") == 0)
		write_json(&out, &d, nfiles);
	else if (strcmp(o.format, "github") == 0)
		write_github(&out, &d);
	else
		write_text(&out, &d, nfiles, o.lang);
	status = d.errors || (o.strict && d.warnings) ? EXIT_FINDINGS : EXIT_OK;
	if (!cli_write_stdout(&out))
		status = EXIT_TROUBLE;
	if (rc == NM_EIO) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
	}
	nm_buf_release(&out);
	nm_diags_release(&d);
	return status;
}
