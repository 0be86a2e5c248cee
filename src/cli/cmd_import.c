/*
 * cmd_import.c: `netmap import PATH... -o DIR` (contract 6.6): the
 * dataset read from any sources, spreadsheets and YAML, written as YAML
 * files in DIR, one a table, ids written out, that validate to the same
 * dataset. Invalid data writes nothing (exit 1); a file in DIR that would
 * be overwritten is an error (exit 2) unless --force is given.
 */
#include "cli.h"
#include "outputs.h"

#include <stdlib.h>
#include <string.h>

#include "netmap/validate.h"
#include "netmap/yaml_write.h"

int cmd_import(int argc, char **argv)
{
	static const char *const with_value[] = {"-o", "--output", "--today", "--jobs", NULL};
	cli_opts o;
	nm_diags d;
	nm_dataset *ds = NULL;
	nm_buf msgs = NM_BUF_INIT;
	char *outputs[8] = {NULL};
	nm_error err;
	size_t nfiles = 0;
	bool force;
	int rc, status = EXIT_OK;

	force = cli_take_flag(&argc, argv, "--force");
	cli_options_first(argc, argv, with_value);
	rc = cli_parse(&o, "import", OPT_FILE | OPT_TODAY | OPT_JOBS, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.include_contacts)
		return cli_usage_error("import", "unknown option '--include-contacts'"),
		       EXIT_TROUBLE;
	if (o.nargs == 0)
		return cli_usage_error("import", "no PATH given"), EXIT_TROUBLE;
	if (!o.output || strcmp(o.output, "-") == 0)
		return cli_usage_error("import", "give the folder to write with -o DIR"),
		       EXIT_TROUBLE;
	for (size_t f = 0; f < 5; f++) {
		nm_buf b = NM_BUF_INIT;
		nm_buf_printf(&b, "%s/%s", o.output, nm_yaml_files[f]);
		outputs[f] = nm_buf_detach(&b);
	}
	if (!cli_check_overwrite(outputs, force)) {
		status = EXIT_TROUBLE;
		goto done_paths;
	}

	nm_diags_init(&d);
	nm_error_clear(&err);
	rc = nm_validate_paths((const char *const *)o.args, (size_t)o.nargs, o.today, 0, o.jobs, &d,
			       &ds, &nfiles, &err);
	cli_diags_text(&msgs, &d, o.lang);
	fputs(nm_buf_cstr(&msgs), stderr);
	if (rc == NM_EIO) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
		goto done;
	}
	if (rc != NM_OK) {
		cli_error("%zu error%s in the data; nothing was written", d.errors,
			  d.errors == 1 ? "" : "s");
		status = EXIT_FINDINGS;
		goto done;
	}
	if (nm_yaml_write_dataset(ds, o.output, &err) != NM_OK) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
		goto done;
	}
	printf("%s: %zu actors, %zu committees, %zu memberships, %zu themes written as YAML\n",
	       o.output, ds->nactors, ds->ncommittees, ds->nmemberships,
	       ds->themes_declared ? ds->nthemes : (size_t)0);
	if (fflush(stdout) != 0)
		status = EXIT_TROUBLE;
done:
	nm_buf_release(&msgs);
	nm_diags_release(&d);
	nm_dataset_free(ds);
done_paths:
	cli_free_paths(outputs);
	return status;
}
