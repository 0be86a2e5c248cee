/*
 * cmd_init.c: `netmap init`, an empty template to start from (contract
 * 6.6): a workbook (.xlsx or .ods) with the tables, their headers in the
 * --lang language, drop-down lists, date formats, examples and a sheet
 * of hints; CSV files, one a table; or a folder of commented YAML files
 * with a CI workflow for the data repository. An existing file is not
 * overwritten unless --force is given.
 */
#include "cli.h"
#include "outputs.h"

#include <string.h>

#include "netmap/sheet_write.h"
#include "netmap/yaml_write.h"

/* Where the template goes when -o is not given. */
static const char *default_output(const char *format, nm_lang lang)
{
	bool de = lang == NM_LANG_DE;

	if (strcmp(format, "xlsx") == 0)
		return de ? "netmap-vorlage.xlsx" : "netmap-template.xlsx";
	if (strcmp(format, "ods") == 0)
		return de ? "netmap-vorlage.ods" : "netmap-template.ods";
	if (strcmp(format, "csv") == 0)
		return de ? "netmap-vorlage" : "netmap-template";
	return de ? "netmap-daten" : "netmap-data";
}

int cmd_init(int argc, char **argv)
{
	static const char *const with_value[] = {"-o", "--output", "--lang", "--format", NULL};
	cli_opts o;
	nm_sheet_format fmt = NM_SHEET_XLSX;
	const char *format, *path;
	char *outputs[16] = {NULL};
	nm_error err;
	bool force, yaml;
	int rc, status = EXIT_OK;

	force = cli_take_flag(&argc, argv, "--force");
	cli_options_first(argc, argv, with_value);
	rc = cli_parse(&o, "init", OPT_LANG | OPT_FORMAT | OPT_FILE, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs > 0)
		return cli_usage_error("init", "unexpected argument '%s'", o.args[0]), EXIT_TROUBLE;
	if (o.include_contacts)
		return cli_usage_error("init", "unknown option '--include-contacts'"), EXIT_TROUBLE;
	format = strcmp(o.format, "text") == 0 ? "xlsx" : o.format;
	yaml = strcmp(format, "yaml") == 0;
	if (!yaml && nm_sheet_format_parse(format, &fmt) != 0)
		return cli_usage_error("init", "unknown format '%s' (xlsx, ods, csv or yaml)",
				       format),
		       EXIT_TROUBLE;
	if (o.output && strcmp(o.output, "-") == 0)
		return cli_usage_error("init", "a template is written to files: give -o PATH"),
		       EXIT_TROUBLE;
	path = o.output ? o.output : default_output(format, o.lang);
	if (yaml)
		nm_yaml_template_outputs(path, outputs);
	else
		nm_sheet_outputs(fmt, o.lang, path, outputs);
	if (!cli_check_overwrite(outputs, force)) {
		status = EXIT_TROUBLE;
		goto done;
	}
	nm_error_clear(&err);
	rc = yaml ? nm_yaml_write_template(o.lang, path, &err)
		  : nm_sheet_write_template(fmt, o.lang, path, &err);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
		goto done;
	}
	printf("%s: template written; fill it in, then run 'netmap validate %s%s'\n", path, path,
	       yaml ? "/data" : "");
	if (fflush(stdout) != 0)
		status = EXIT_TROUBLE;
done:
	cli_free_paths(outputs);
	return status;
}
