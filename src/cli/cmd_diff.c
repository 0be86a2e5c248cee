/*
 * cmd_diff.c: `netmap diff [FROM] [TO]`, what changed between two
 * snapshots (by default the last two): records by id and field, findings
 * as each snapshot stored them. The comparison is diff.c's; this file
 * picks the snapshots and prints.
 */
#include "cli.h"

#include "netmap/diff.h"
#include "netmap/store.h"

#include <stdlib.h>
#include <string.h>

/* A snapshot number operand: digits only, at least 1. 0, or -1. */
static int parse_scan(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	v = strtoll(s, &end, 10);
	if (*end || v < 1)
		return -1;
	*out = (int64_t)v;
	return 0;
}

int cmd_diff(int argc, char **argv)
{
	cli_opts o;
	nm_store *store = NULL;
	nm_store_pair pair = {0};
	nm_diff *diff = NULL;
	nm_buf out = NM_BUF_INIT;
	nm_error err;
	int64_t from = 0, to = 0;
	bool json;
	int rc, status = EXIT_OK;

	rc = cli_parse(&o, "diff", OPT_DB | OPT_FORMAT | OPT_LANG, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs > 2)
		return cli_usage_error("diff", "unexpected argument '%s'", o.args[2]), EXIT_TROUBLE;
	for (int i = 0; i < o.nargs; i++)
		if (parse_scan(o.args[i], i ? &to : &from) != 0)
			return cli_usage_error("diff",
					       "a snapshot is a number from 'netmap scans', "
					       "not '%s'",
					       o.args[i]),
			       EXIT_TROUBLE;
	if (strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0)
		return cli_usage_error("diff", "unknown format '%s' (text or json)", o.format),
		       EXIT_TROUBLE;
	json = strcmp(o.format, "json") == 0;

	nm_error_clear(&err);
	if ((rc = nm_store_open(&store, o.db, NM_STORE_READ, &err)) != NM_OK)
		goto done;
	/* TO defaults to the latest, FROM to the one before TO. */
	if (o.nargs < 2 && (rc = nm_store_latest(store, &to, &err)) != NM_OK)
		goto done;
	if (o.nargs == 0 && (rc = nm_store_previous(store, to, &from, &err)) == NM_ENOTFOUND) {
		nm_error_set(&err, rc, "store '%s' holds one snapshot; a diff needs two", o.db);
		goto done;
	}
	if (rc != NM_OK)
		goto done;
	if ((rc = nm_store_load_pair(store, from, to, &pair, &err)) != NM_OK)
		goto done;
	rc = nm_diff_compute(&diff, pair.ds[0], pair.findings[0], (long long)from, pair.ds[1],
			     pair.findings[1], (long long)to, &err);

done:
	nm_store_pair_release(&pair);
	nm_store_close(store);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		return EXIT_TROUBLE;
	}
	if (json) {
		nm_diff_write_json(&out, diff);
		nm_buf_putc(&out, '\n');
	} else {
		nm_diff_write_text(&out, diff, o.lang, 80);
	}
	if (!cli_write_stdout(&out))
		status = EXIT_TROUBLE;
	nm_buf_release(&out);
	nm_diff_free(diff);
	return status;
}
