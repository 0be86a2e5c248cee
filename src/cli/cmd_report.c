/*
 * cmd_report.c: `netmap report`, the overview of the latest snapshot,
 * analysed again from the stored copy of its dataset (so that --today and
 * threshold flags may differ from the scan's) without reading any YAML.
 * With the scan's today and settings it prints the bytes the scan printed.
 *
 * --since last|DATE|SCAN puts a "what changed" section at the top: the
 * diff from that earlier snapshot to the latest, from the findings each
 * stored (docs/history.md).
 */
#include "cli.h"

#include "netmap/diff.h"
#include "netmap/report.h"
#include "netmap/store.h"
#include "netmap/validate.h"
#include "netmap/trend.h"

#include <stdlib.h>
#include <string.h>

int cli_check_coordinators(const cli_opts *o, const nm_dataset *ds)
{
	char id[256];
	size_t pos = 0;

	if (!(o->settings_mask & NM_SET_COORDINATORS))
		return 0;
	while (nm_settings_next_coordinator(&o->settings, &pos, id, sizeof(id))) {
		const char **ids;
		const char *near;
		int rc;

		if (nm_dataset_find_actor(ds, id) != NM_NONE)
			continue;
		ids = nm_xreallocarray(NULL, ds->nactors ? ds->nactors : 1, sizeof(*ids));
		for (size_t i = 0; i < ds->nactors; i++)
			ids[i] = ds->actors[i].id;
		near = nm_suggest(id, ids, ds->nactors);
		if (near)
			rc = cli_usage_error(o->cmd,
					     "--coordinators: unknown actor '%s'; did you "
					     "mean '%s'?",
					     id, near);
		else
			rc = cli_usage_error(o->cmd, "--coordinators: unknown actor '%s'", id);
		free(ids);
		return rc;
	}
	return 0;
}

/*
 * Open the store read-only and analyse its latest snapshot under the
 * options; shared with show and list.
 */
int cli_load_latest(const cli_opts *o, nm_dataset **ds_out, nm_analysis **an_out, int64_t *id_out)
{
	nm_store *store = NULL;
	nm_snapshot_info info = {0};
	nm_settings settings;
	nm_error err;
	struct timespec t;
	int64_t id;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t);
	*ds_out = NULL;
	if (an_out)
		*an_out = NULL;
	nm_error_clear(&err);
	rc = nm_store_open(&store, o->db, NM_STORE_READ, &err);
	if (rc == NM_OK)
		rc = nm_store_latest(store, &id, &err);
	if (rc == NM_ENOTFOUND && err.message[0] == '\0')
		nm_error_set(&err, rc, "store '%s' holds no snapshot; run 'netmap scan' first",
			     o->db);
	if (rc == NM_OK)
		rc = nm_store_load(store, id, ds_out, &info, &err);
	nm_store_close(store);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		nm_snapshot_info_release(&info);
		return EXIT_TROUBLE;
	}
	cli_phase("load", &t);
	if (cli_check_coordinators(o, *ds_out)) {
		nm_snapshot_info_release(&info);
		nm_dataset_free(*ds_out);
		*ds_out = NULL;
		return EXIT_TROUBLE;
	}
	nm_settings_copy(&settings, &info.settings);
	nm_settings_merge(&settings, &o->settings, o->settings_mask);
	nm_snapshot_info_release(&info);
	rc = an_out ? nm_analysis_run_jobs(an_out, *ds_out, &settings, o->today, o->jobs, &err)
		    : NM_OK;
	nm_settings_release(&settings);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		nm_dataset_free(*ds_out);
		*ds_out = NULL;
		return EXIT_TROUBLE;
	}
	if (an_out)
		cli_phase("analyse", &t);
	if (id_out)
		*id_out = id;
	return EXIT_OK;
}

/*
 * The snapshot --since names: last (the one before latest), a date (the
 * last taken on or before that UTC day) or a snapshot number. 0,
 * CLI_USAGE_SHOWN after a usage error, or an NM_E... code with err set.
 */
static int since_snapshot(nm_store *store, const char *db, const char *since, int64_t latest,
			  int64_t *out, nm_error *err)
{
	nm_date date;
	char *end;
	long long v;

	if (strcmp(since, "last") == 0) {
		int rc = nm_store_previous(store, latest, out, err);
		if (rc == NM_ENOTFOUND)
			nm_error_set(err, rc,
				     "--since last needs an earlier snapshot; store '%s' "
				     "holds only snapshot %lld",
				     db, (long long)latest);
		return rc;
	}
	if (nm_date_parse(since, &date) == 0)
		return nm_store_taken_by(store, date, out, err);
	if (since[0] >= '1' && since[0] <= '9') {
		v = strtoll(since, &end, 10);
		if (*end == '\0' && v > 0) {
			*out = (int64_t)v;
			return NM_OK; /* nm_store_load_pair says when there is no such snapshot */
		}
	}
	return cli_usage_error("report",
			       "--since takes last, a date YYYY-MM-DD or a snapshot "
			       "number, not '%s'",
			       since);
}

/* The diff from the snapshot --since names to latest; EXIT_OK or EXIT_TROUBLE. */
static int load_since(const cli_opts *o, int64_t latest, nm_diff **out)
{
	nm_store *store = NULL;
	nm_store_pair pair = {0};
	nm_error err;
	int64_t from = 0;
	int rc;

	*out = NULL;
	nm_error_clear(&err);
	rc = nm_store_open(&store, o->db, NM_STORE_READ, &err);
	if (rc == NM_OK)
		rc = since_snapshot(store, o->db, o->since, latest, &from, &err);
	if (rc == NM_OK)
		rc = nm_store_load_pair(store, from, latest, &pair, &err);
	if (rc == NM_OK)
		rc = nm_diff_compute(out, pair.ds[0], pair.findings[0], (long long)from, pair.ds[1],
				     pair.findings[1], (long long)latest, &err);
	nm_store_pair_release(&pair);
	nm_store_close(store);
	if (rc == CLI_USAGE_SHOWN)
		return EXIT_TROUBLE;
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

/* html: the numbers of the store's snapshots, for the chart; EXIT_OK or EXIT_TROUBLE. */
static int load_trend(const cli_opts *o, int64_t latest, const nm_analysis *an, nm_trend **out)
{
	nm_store *store = NULL;
	nm_error err;
	int rc;

	*out = NULL;
	nm_error_clear(&err);
	rc = nm_store_open(&store, o->db, NM_STORE_READ, &err);
	if (rc == NM_OK)
		rc = nm_trend_load(out, store, latest, an, &err);
	nm_store_close(store);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

int cmd_report(int argc, char **argv)
{
	cli_opts o;
	nm_dataset *ds;
	nm_analysis *an;
	nm_diff *since = NULL;
	nm_trend *trend = NULL;
	nm_report_opts ro;
	nm_buf out = NM_BUF_INIT;
	int64_t id = 0;
	int rc, status;

	rc = cli_parse(&o, "report",
		       OPT_DB | OPT_TODAY | OPT_FORMAT | OPT_SETTINGS | OPT_FAIL_ON | OPT_ALL |
			       OPT_COLOR | OPT_LANG | OPT_OUTPUTS | OPT_JOBS,
		       argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs > 0)
		return cli_usage_error("report", "unexpected argument '%s'", o.args[0]),
		       EXIT_TROUBLE;
	if (cli_check_format(&o))
		return EXIT_TROUBLE;
	status = cli_load_latest(&o, &ds, &an, &id);
	if (status != EXIT_OK)
		return status;
	if (o.since)
		status = load_since(&o, id, &since);
	if (status == EXIT_OK && (strcmp(o.format, "html") == 0 || strcmp(o.format, "email") == 0))
		status = load_trend(&o, id, an, &trend);
	if (status == EXIT_OK) {
		cli_report_opts(&o, &ro, (long long)id);
		ro.since = since;
		ro.trend = trend;
		nm_report_find(o.format)->write(&out, an, &ro);
		if (!cli_write_output(&o, &out))
			status = EXIT_TROUBLE;
	}
	if (status == EXIT_OK)
		status = cli_fail_on(&o, an);
	nm_buf_release(&out);
	nm_diff_free(since);
	nm_trend_free(trend);
	nm_analysis_free(an);
	nm_dataset_free(ds);
	return status;
}
