/* store.c: placeholder; the SQLite store lands in its own change. */
#include "netmap/store.h"

#include <sqlite3.h>
#include <stdlib.h>

struct nm_store {
	sqlite3 *db;
};

void nm_snapshot_info_release(nm_snapshot_info *info)
{
	free(info->dataset);
	info->dataset = NULL;
}

int nm_store_open(nm_store **out, const char *path, nm_store_mode mode, nm_error *err)
{
	*out = NULL;
	return nm_error_set(err, NM_ESTORE, "the store is not implemented yet");
}

void nm_store_close(nm_store *store)
{
	free(store);
}

void nm_store_abandon(nm_store *store)
{
	free(store);
}

int nm_store_put_snapshot(nm_store *store, const nm_dataset *ds, nm_date today,
			  const nm_settings *settings, const char *findings_json,
			  int64_t *out_id, nm_error *err)
{
	return nm_error_set(err, NM_ESTORE, "the store is not implemented yet");
}

int nm_store_latest(nm_store *store, int64_t *out_id, nm_error *err)
{
	return nm_error_set(err, NM_ENOTFOUND, "no snapshot");
}

int nm_store_load(nm_store *store, int64_t id, nm_dataset **out,
		  nm_snapshot_info *info, nm_error *err)
{
	return nm_error_set(err, NM_ENOTFOUND, "no snapshot");
}

int nm_store_list(nm_store *store, nm_snapshot_info **out, size_t *n, nm_error *err)
{
	*out = NULL;
	*n = 0;
	return NM_OK;
}

int nm_store_findings(nm_store *store, int64_t id, char **out, nm_error *err)
{
	return nm_error_set(err, NM_ENOTFOUND, "no snapshot");
}

void nm_store_fail_at_insert(nm_store *store, long n)
{
}
