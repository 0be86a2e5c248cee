/*
 * cmd_report.c: `netmap report`, the overview of the latest snapshot,
 * analysed again from the stored copy of its dataset (so that --today and
 * threshold flags may differ from the scan's) without reading any YAML.
 * With the scan's today and settings it prints the bytes the scan printed.
 */
#include "cli.h"

#include "netmap/report.h"
#include "netmap/store.h"

/*
 * Open the store read-only and analyse its latest snapshot under the
 * options; shared with show and list.
 */
int cli_load_latest(const cli_opts *o, nm_dataset **ds_out, nm_analysis **an_out,
		    int64_t *id_out)
{
	nm_store *store = NULL;
	nm_snapshot_info info = {0};
	nm_settings settings;
	nm_error err;
	int64_t id;
	int rc;

	*ds_out = NULL;
	*an_out = NULL;
	nm_error_clear(&err);
	rc = nm_store_open(&store, o->db, NM_STORE_READ, &err);
	if (rc == NM_OK)
		rc = nm_store_latest(store, &id, &err);
	if (rc == NM_ENOTFOUND && err.message[0] == '\0')
		nm_error_set(&err, rc, "store '%s' holds no snapshot; run 'netmap scan' first", o->db);
	if (rc == NM_OK)
		rc = nm_store_load(store, id, ds_out, &info, &err);
	nm_store_close(store);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		nm_snapshot_info_release(&info);
		return EXIT_TROUBLE;
	}
	settings = info.settings;
	nm_settings_merge(&settings, &o->settings, o->settings_mask);
	nm_snapshot_info_release(&info);
	if (nm_analysis_run(an_out, *ds_out, &settings, o->today, &err) != NM_OK) {
		cli_error("%s", err.message);
		nm_dataset_free(*ds_out);
		*ds_out = NULL;
		return EXIT_TROUBLE;
	}
	if (id_out)
		*id_out = id;
	return EXIT_OK;
}

int cmd_report(int argc, char **argv)
{
	cli_opts o;
	nm_dataset *ds;
	nm_analysis *an;
	int64_t id = 0;
	int rc, status;

	rc = cli_parse(&o, "report", OPT_DB | OPT_TODAY | OPT_FORMAT | OPT_SETTINGS |
				     OPT_FAIL_ON | OPT_ALL | OPT_COLOR | OPT_LANG | OPT_OUTPUTS, argc, argv);
	if (rc)
		return rc == -1 ? EXIT_OK : EXIT_TROUBLE;
	if (o.nargs > 0)
		return cli_usage_error("report", "unexpected argument '%s'", o.args[0]), EXIT_TROUBLE;
	if (cli_check_format(&o))
		return EXIT_TROUBLE;
	status = cli_load_latest(&o, &ds, &an, &id);
	if (status != EXIT_OK)
		return status;
	status = cli_render(&o, an, (long long)id);
	if (status == EXIT_OK)
		status = cli_fail_on(&o, an);
	nm_analysis_free(an);
	nm_dataset_free(ds);
	return status;
}
