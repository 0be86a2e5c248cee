/*
 * cmd_plan.c: `netmap plan`, "what if" (contract 7.4). It takes the latest
 * snapshot's dataset, applies --merge, --dissolve and --invite in memory in
 * the order given, and prints what would change (the comparison `report
 * --since` prints, computed by diff.c between the snapshot's dataset and
 * the changed one) followed by the overview of the changed dataset, in any
 * format of `report`. It opens the store read-only and writes nothing.
 *
 * The changes are repeatable options whose order across kinds matters, so
 * they are taken out of argv here, in order, before the shared parser sees
 * the rest.
 */
#include "cli.h"

#include "netmap/diff.h"
#include "netmap/plan.h"
#include "netmap/report.h"
#include "netmap/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* --merge, --dissolve, --invite out of argv (in order); the rest into rest. */
static int take_changes(int argc, char **argv, nm_plan_change *changes, size_t *n, char **rest,
			int *nrest)
{
	static const struct {
		const char *name;
		nm_plan_op op;
	} opts[] = {{"--merge", NM_PLAN_MERGE},
		    {"--dissolve", NM_PLAN_DISSOLVE},
		    {"--invite", NM_PLAN_INVITE}};

	*n = 0;
	*nrest = 0;
	for (int i = 0; i < argc; i++) {
		bool taken = false;

		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				rest[(*nrest)++] = argv[i++];
			break;
		}
		for (size_t k = 0; k < sizeof(opts) / sizeof(opts[0]) && !taken; k++) {
			size_t len = strlen(opts[k].name);

			if (strncmp(argv[i], opts[k].name, len) != 0 ||
			    (argv[i][len] != '\0' && argv[i][len] != '='))
				continue;
			taken = true;
			if (argv[i][len] == '=') {
				changes[*n].arg = argv[i] + len + 1;
			} else if (i + 1 < argc) {
				changes[*n].arg = argv[++i];
			} else {
				return cli_usage_error("plan", "option '%s' needs a value",
						       opts[k].name);
			}
			changes[(*n)++].op = opts[k].op;
		}
		if (!taken)
			rest[(*nrest)++] = argv[i];
	}
	rest[*nrest] = NULL;
	return 0;
}

int cmd_plan(int argc, char **argv)
{
	cli_opts o;
	nm_plan_change *changes = nm_xreallocarray(NULL, (size_t)argc + 1, sizeof(*changes));
	char **rest = nm_xreallocarray(NULL, (size_t)argc + 1, sizeof(*rest));
	size_t nchanges = 0;
	int nrest = 0, rc, status = EXIT_TROUBLE;
	nm_store *store = NULL;
	nm_snapshot_info info = {0};
	nm_dataset *before = NULL, *after = NULL;
	nm_analysis *an_before = NULL, *an_after = NULL;
	nm_settings settings;
	bool settings_held = false;
	nm_diff *diff = NULL;
	nm_buf out = NM_BUF_INIT;
	char *stored = NULL;
	nm_report_opts ro;
	nm_error err;
	nm_date today;
	int64_t id = 0;
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	nm_error_clear(&err);
	if (take_changes(argc, argv, changes, &nchanges, rest, &nrest))
		goto done;
	rc = cli_parse(&o, "plan",
		       OPT_DB | OPT_TODAY | OPT_FORMAT | OPT_SETTINGS | OPT_ALL | OPT_COLOR |
			       OPT_LANG | OPT_OUTPUTS | OPT_JOBS,
		       nrest, rest);
	if (rc) {
		status = cli_parse_exit(rc);
		goto done;
	}
	if (o.nargs > 0) {
		cli_usage_error("plan", "unexpected argument '%s'", o.args[0]);
		goto done;
	}
	if (o.since) {
		cli_usage_error("plan", "--since is for 'netmap report'; plan compares the latest "
					"snapshot with its changed copy");
		goto done;
	}
	if (cli_check_format(&o))
		goto done;

	rc = nm_store_open(&store, o.db, NM_STORE_READ, &err);
	if (rc == NM_OK)
		rc = nm_store_latest(store, &id, &err);
	if (rc == NM_ENOTFOUND && err.message[0] == '\0')
		nm_error_set(&err, rc, "store '%s' holds no snapshot; run 'netmap scan' first",
			     o.db);
	if (rc == NM_OK)
		rc = nm_store_load(store, id, &before, &info, &err);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		goto done;
	}
	cli_phase("load", &t);
	if (cli_check_coordinators(&o, before))
		goto done;
	/* The snapshot's today and settings, unless flags say otherwise. */
	today = o.today_given || info.today == NM_DATE_NONE ? o.today : info.today;
	nm_settings_copy(&settings, &info.settings);
	settings_held = true;
	nm_settings_merge(&settings, &o.settings, o.settings_mask);

	after = nm_dataset_clone(before);
	if (nm_plan_apply(after, changes, nchanges, &err) != NM_OK) {
		cli_usage_error("plan", "%s", err.message);
		goto done;
	}
	cli_phase("apply", &t);
	/*
	 * Analysed as the snapshot was, the stored findings are the snapshot's
	 * side of the comparison; otherwise it is analysed again. The changed
	 * side's findings come from its analysis, not through JSON.
	 */
	if ((o.settings_mask != 0 || today != info.today ||
	     nm_store_findings(store, id, &stored, &err) != NM_OK) &&
	    nm_analysis_run_jobs(&an_before, before, &settings, today, o.jobs, &err) != NM_OK) {
		cli_error("%s", err.message);
		goto done;
	}
	nm_store_close(store);
	store = NULL;
	cli_phase("before", &t);
	if (nm_analysis_run_jobs(&an_after, after, &settings, today, o.jobs, &err) != NM_OK) {
		cli_error("%s", err.message);
		goto done;
	}
	cli_phase("analyse", &t);
	if (nm_diff_compute_analysed(&diff, before, stored, an_before, (long long)id, an_after,
				     (long long)id, &err) != NM_OK) {
		cli_error("%s", err.message);
		goto done;
	}
	cli_phase("compare", &t);
	diff->plan = true;
	cli_report_opts(&o, &ro, (long long)id);
	ro.since = diff;
	nm_report_find(o.format)->write(&out, an_after, &ro);
	status = cli_write_stdout(&out) ? EXIT_OK : EXIT_TROUBLE;
	cli_phase("report", &t);

done:
	nm_store_close(store);
	nm_snapshot_info_release(&info);
	if (settings_held)
		nm_settings_release(&settings);
	nm_diff_free(diff);
	nm_analysis_free(an_before);
	nm_analysis_free(an_after);
	nm_dataset_free(before);
	nm_dataset_free(after);
	nm_buf_release(&out);
	free(stored);
	free(changes);
	free(rest);
	return status;
}
