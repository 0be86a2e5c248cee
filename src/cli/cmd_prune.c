/*
 * cmd_prune.c: `netmap prune --keep N`, drop every snapshot but the N
 * latest in one transaction and give the space back to the file system.
 */
#include "cli.h"

#include "netmap/store.h"

int cmd_prune(int argc, char **argv)
{
	cli_opts o;
	nm_store *store = NULL;
	nm_error err;
	size_t dropped = 0;
	int rc;

	rc = cli_parse(&o, "prune", OPT_DB | OPT_KEEP, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs > 0)
		return cli_usage_error("prune", "unexpected argument '%s'", o.args[0]),
		       EXIT_TROUBLE;
	if (o.keep < 0)
		return cli_usage_error("prune", "say how many snapshots to keep: --keep N"),
		       EXIT_TROUBLE;
	if (o.keep == 0)
		return cli_usage_error("prune",
				       "--keep takes a whole number of at least 1, not '0'"),
		       EXIT_TROUBLE;

	nm_error_clear(&err);
	/* A write open would create a store where none is: check it exists. */
	if ((rc = nm_store_open(&store, o.db, NM_STORE_READ, &err)) == NM_OK) {
		nm_store_close(store);
		store = NULL;
		rc = nm_store_open(&store, o.db, NM_STORE_WRITE, &err);
	}
	if (rc == NM_OK)
		rc = nm_store_prune(store, (size_t)o.keep, &dropped, &err);
	nm_store_close(store);
	if (dropped > 0 || rc == NM_OK)
		printf("dropped %zu snapshot%s, kept at most %ld\n", dropped,
		       dropped == 1 ? "" : "s", o.keep);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		return EXIT_TROUBLE;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the output: write error");
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}
