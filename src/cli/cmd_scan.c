/*
 * cmd_scan.c: `netmap scan`, the main job: validate, analyse, store the
 * dataset and its findings as a new snapshot in one transaction, and print
 * the overview. Invalid data prints its problems on stderr, nothing on
 * stdout, and never opens the store, so no store file appears.
 */
#include "cli.h"

#include "netmap/report.h"
#include "netmap/store.h"
#include "netmap/validate.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The analysis and its JSON, on a thread of its own while the store is written. */
typedef struct analysis_job {
	const nm_dataset *ds;
	const nm_settings *settings;
	nm_date today;
	unsigned jobs;
	nm_analysis *an;
	nm_buf *findings;
	nm_error err;
	int rc;
} analysis_job;

static void *analyse(void *arg)
{
	analysis_job *job = arg;
	nm_report_opts ro;

	nm_error_clear(&job->err);
	job->rc = nm_analysis_run_jobs(&job->an, job->ds, job->settings, job->today, job->jobs,
				       &job->err);
	if (job->rc != NM_OK)
		return NULL;
	nm_report_opts_init(&ro); /* findings are stored in English, the JSON keys */
	nm_report_json(job->findings, job->an, &ro);
	return NULL;
}

/*
 * With more than one job, the analysis runs while the dataset is written
 * in the store's transaction, and the findings go in last: the snapshot
 * is the same, and committed only when both are done.
 */
static int analyse_and_store(const cli_opts *o, const nm_dataset *ds, const nm_settings *settings,
			     nm_analysis **an, nm_buf *findings, int64_t *id, struct timespec *t)
{
	analysis_job job;
	nm_store *store = NULL;
	nm_error err;
	pthread_t thread;
	bool threaded;
	int rc;

	memset(&job, 0, sizeof(job));
	job.ds = ds;
	job.settings = settings;
	job.today = o->today;
	job.jobs = o->jobs;
	job.findings = findings;
	nm_error_clear(&err);
	if (nm_store_open(&store, o->db, NM_STORE_WRITE, &err) != NM_OK) {
		cli_error("%s", err.message);
		return EXIT_TROUBLE;
	}
	threaded = pthread_create(&thread, NULL, analyse, &job) == 0;
	if (!threaded)
		analyse(&job);
	rc = nm_store_put_begin(store, ds, o->today, settings, &err);
	if (threaded)
		pthread_join(thread, NULL);
	*an = job.an;
	if (job.rc != NM_OK || rc != NM_OK) {
		/* The analysis's problem first: the store's may only follow from it. */
		cli_error("%s", job.rc != NM_OK ? job.err.message : err.message);
		if (rc == NM_OK)
			(void)nm_store_put_end(store, NULL, false, NULL, &err);
		nm_store_abandon(store);
		return EXIT_TROUBLE;
	}
	if (nm_store_put_end(store, findings->ptr, true, id, &err) != NM_OK) {
		cli_error("%s", err.message);
		nm_store_abandon(store);
		return EXIT_TROUBLE;
	}
	nm_store_close(store);
	cli_phase("analyse+store", t);
	return EXIT_OK;
}

int cmd_scan(int argc, char **argv)
{
	cli_opts o;
	nm_diags d;
	nm_dataset *ds = NULL;
	nm_analysis *an = NULL;
	nm_store *store = NULL;
	nm_settings settings;
	nm_buf msgs = NM_BUF_INIT, findings = NM_BUF_INIT;
	nm_report_opts ro;
	nm_error err;
	size_t nfiles = 0;
	int64_t id = 0;
	struct timespec t;
	int rc, status = EXIT_OK;
	bool settings_held = false;

	rc = cli_parse(&o, "scan",
		       OPT_DB | OPT_TODAY | OPT_FORMAT | OPT_SETTINGS | OPT_FAIL_ON | OPT_ALL |
			       OPT_COLOR | OPT_LANG | OPT_OUTPUTS | OPT_JOBS,
		       argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs == 0)
		return cli_usage_error("scan", "no PATH given"), EXIT_TROUBLE;
	if (cli_check_format(&o))
		return EXIT_TROUBLE;

	clock_gettime(CLOCK_MONOTONIC, &t);
	nm_diags_init(&d);
	nm_error_clear(&err);
	rc = nm_validate_paths((const char *const *)o.args, (size_t)o.nargs, o.today,
			       NM_VALIDATE_HASH, o.jobs, &d, &ds, &nfiles, &err);
	cli_diags_text(&msgs, &d, o.lang);
	cli_print(stderr, msgs.ptr, msgs.len);
	if (rc == NM_EIO) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
		goto done;
	}
	if (rc != NM_OK) {
		cli_error("%zu error%s in the data; nothing was stored", d.errors,
			  d.errors == 1 ? "" : "s");
		status = EXIT_FINDINGS;
		goto done;
	}

	cli_phase("validate", &t);
	if (cli_check_coordinators(&o, ds)) {
		status = EXIT_TROUBLE;
		goto done;
	}
	nm_settings_copy(&settings, &ds->settings);
	settings_held = true;
	nm_settings_merge(&settings, &o.settings, o.settings_mask);
	if (o.jobs > 1) {
		status = analyse_and_store(&o, ds, &settings, &an, &findings, &id, &t);
		if (status != EXIT_OK)
			goto done;
		goto print;
	}
	if (nm_analysis_run(&an, ds, &settings, o.today, &err) != NM_OK) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
		goto done;
	}
	cli_phase("analyse", &t);
	nm_report_opts_init(&ro); /* findings are stored in English, the JSON keys */
	nm_report_json(&findings, an, &ro);
	cli_phase("findings", &t);

	if (nm_store_open(&store, o.db, NM_STORE_WRITE, &err) != NM_OK ||
	    nm_store_put_snapshot(store, ds, o.today, &settings, findings.ptr, &id, &err) !=
		    NM_OK) {
		cli_error("%s", err.message);
		nm_store_abandon(store);
		store = NULL;
		status = EXIT_TROUBLE;
		goto done;
	}
	nm_store_close(store);
	store = NULL;
	cli_phase("store", &t);

print:
	/* The stored findings are the JSON report: print them, not a second copy. */
	if (strcmp(o.format, "json") == 0)
		status = cli_write_stdout(&findings) ? EXIT_OK : EXIT_TROUBLE;
	else
		status = cli_render(&o, an, (long long)id);
	cli_phase("report", &t);
	if (status == EXIT_OK)
		status = cli_fail_on(&o, an);
done:
	if (settings_held)
		nm_settings_release(&settings);
	nm_analysis_free(an);
	nm_dataset_free(ds);
	nm_diags_release(&d);
	nm_buf_release(&msgs);
	nm_buf_release(&findings);
	return status;
}
