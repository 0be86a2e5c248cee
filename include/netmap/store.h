/*
 * store.h: the SQLite store of snapshots (contract 5.3). One file holds
 * every scan as a snapshot: when it was taken, the today and settings it
 * was analysed with, the input files with their SHA-256, a complete copy of
 * the dataset and its findings (a JSON document) as analysed then. A scan is
 * one transaction: it lands whole or not at all.
 *
 * Only this module includes <sqlite3.h>. The schema is in docs/schema.md.
 */
#ifndef NETMAP_STORE_H
#define NETMAP_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "netmap/model.h"

typedef struct nm_store nm_store;

typedef enum nm_store_mode {
	NM_STORE_READ, /* read-only; the file must exist; works on read-only media */
	NM_STORE_WRITE /* read-write; creates the file when it does not exist */
} nm_store_mode;

#define NM_STORE_SCHEMA_VERSION 1

typedef struct nm_snapshot_info {
	int64_t id;
	char taken_at[32]; /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	nm_date today;
	nm_settings settings; /* the settings the findings were analysed with */
	char version[32];     /* netmap version that took it */
	char *dataset;        /* dataset name or NULL */
	size_t nfiles;
	size_t nactors, ncommittees, nmemberships;
} nm_snapshot_info;

void nm_snapshot_info_release(nm_snapshot_info *info);

/*
 * Open the store at path; *out is NULL on failure, and the caller closes
 * what it gets. ":memory:" is allowed in both modes (read, it is an empty
 * store). NM_STORE_READ on a missing file fails with NM_ENOTFOUND; where
 * the store cannot be written at all (a read-only directory or file
 * system) it reads the file as immutable. A file that is not a netmap store,
 * or one written by a newer netmap, fails with NM_ESTORE; a lock held past
 * the busy timeout with NM_EBUSY. A WRITE open creates the file and the
 * schema, or migrates an older schema, in its own transaction; a file it
 * may not write fails it with NM_ESTORE.
 */
int nm_store_open(nm_store **out, const char *path, nm_store_mode mode, nm_error *err);
/* Close the store; NULL is fine. */
void nm_store_close(nm_store *store);
/*
 * Close the store and, when this open created the file, remove it (and its
 * -wal and -shm files): a failed scan leaves no store behind.
 */
void nm_store_abandon(nm_store *store);

/*
 * Add ds as a new snapshot, in one transaction: its files, themes, actors,
 * committees, memberships, the today and settings used and the findings
 * JSON. Contact data of every older snapshot is cleared in the same
 * transaction (contract 5.4). On any failure nothing is changed.
 *
 * ds must be valid as validation leaves it (unique ids, indices in range);
 * a record that breaks the schema fails the whole put with NM_ESTORE.
 * findings_json may be NULL (nm_store_findings then finds none); out_id may
 * be NULL. NM_EBUSY when another process holds the store for longer than
 * the busy timeout; NM_EUSAGE on a store opened NM_STORE_READ.
 */
int nm_store_put_snapshot(nm_store *store, const nm_dataset *ds, nm_date today,
			  const nm_settings *settings, const char *findings_json, int64_t *out_id,
			  nm_error *err);

/* The id of the latest (highest) snapshot; NM_ENOTFOUND when there is none. */
int nm_store_latest(nm_store *store, int64_t *out_id, nm_error *err);

/*
 * Load snapshot id as a dataset (sorted as validation leaves it), the same
 * field for field as the one put, contact data aside once cleared. info
 * (may be NULL) receives the snapshot's details; release it with
 * nm_snapshot_info_release. NM_ENOTFOUND when there is no such snapshot.
 */
int nm_store_load(nm_store *store, int64_t id, nm_dataset **out, nm_snapshot_info *info,
		  nm_error *err);

/* Every snapshot, oldest first; free with nm_snapshot_info_release each, then free(). */
int nm_store_list(nm_store *store, nm_snapshot_info **out, size_t *n, nm_error *err);

/*
 * The findings JSON stored with snapshot id (free with free()).
 * NM_ENOTFOUND when there is no such snapshot, or it was put without
 * findings.
 */
int nm_store_findings(nm_store *store, int64_t id, char **out, nm_error *err);

/*
 * Two snapshots as a comparison needs them (netmap diff, report --since):
 * each one's dataset and the findings JSON stored with it, NULL when it
 * was put without findings (no error; the comparison then leaves the
 * findings out). Both datasets are loaded before the findings, so a
 * missing snapshot is NM_ENOTFOUND with a message naming it. Release
 * with nm_store_pair_release, after an error too.
 */
typedef struct nm_store_pair {
	nm_dataset *ds[2]; /* from, to */
	char *findings[2]; /* from, to; NULL when not stored */
} nm_store_pair;

int nm_store_load_pair(nm_store *store, int64_t from, int64_t to, nm_store_pair *out,
		       nm_error *err);
void nm_store_pair_release(nm_store_pair *pair);

/*
 * Erase one actor's personal data (contact person, e-mail, phone) from every
 * snapshot, in one transaction (contract 5.4); the space it took is zeroed
 * and the write-ahead log truncated where no reader holds it.
 * NM_ENOTFOUND when no snapshot has an actor with that id; NM_EUSAGE on a
 * store opened NM_STORE_READ.
 */
int nm_store_forget_actor(nm_store *store, const char *actor_id, nm_error *err);

/* The contact fields nm_store_erase_contact reports as erased. */
enum { NM_CONTACT_PERSON = 1 << 0, NM_CONTACT_EMAIL = 1 << 1, NM_CONTACT_PHONE = 1 << 2 };

/*
 * nm_store_forget_actor, telling what it erased: *erased (may be NULL)
 * receives the NM_CONTACT_... bits of the fields the store held for the
 * actor, 0 when it held none (the actor is known, but nothing was kept).
 */
int nm_store_erase_contact(nm_store *store, const char *actor_id, unsigned *erased, nm_error *err);

/*
 * Drop every snapshot but the `keep` latest (keep >= 1), in one
 * transaction, then reclaim the space they took (VACUUM) and truncate the
 * write-ahead log. Snapshot ids are never reused. *dropped (may be NULL)
 * receives how many were dropped. NM_EUSAGE for keep 0 or a store opened
 * NM_STORE_READ; when the drop committed but VACUUM failed (another
 * process reading), NM_EBUSY or NM_ESTORE with *dropped set.
 */
int nm_store_prune(nm_store *store, size_t keep, size_t *dropped, nm_error *err);

/*
 * The snapshot before id: the highest id below it. NM_ENOTFOUND when
 * there is none.
 */
int nm_store_previous(nm_store *store, int64_t id, int64_t *out_id, nm_error *err);

/*
 * The last snapshot taken on or before date (the UTC day of taken_at):
 * the highest id among them. NM_ENOTFOUND when none was taken by then.
 */
int nm_store_taken_by(nm_store *store, nm_date date, int64_t *out_id, nm_error *err);

/*
 * How long a statement waits for another process's lock before failing with
 * NM_EBUSY ("store 'x' is busy"); 5000 ms after nm_store_open.
 */
void nm_store_busy_timeout(nm_store *store, int ms);

/*
 * nm_store_put_snapshot in two steps, so that the findings can be worked
 * out while the dataset is written. nm_store_put_begin opens the
 * transaction and writes all but the findings (ds and settings must stay
 * as they are until the end); on a failure nothing is changed and the
 * put is over. nm_store_put_end then writes the findings and commits, or
 * with commit false rolls everything back; either way the put is over.
 * The snapshot is in the store, complete, only once end committed.
 */
int nm_store_put_begin(nm_store *store, const nm_dataset *ds, nm_date today,
		       const nm_settings *settings, nm_error *err);
int nm_store_put_end(nm_store *store, const char *findings_json, bool commit, int64_t *out_id,
		     nm_error *err);

/*
 * For tests of atomicity: make the next nm_store_put_snapshot fail when it
 * writes its n-th row (counting every row it writes, the snapshot's own
 * first; rows written by one multi-row INSERT fail together). 0 turns it
 * off; it lasts for one put.
 */
void nm_store_fail_at_insert(nm_store *store, long n);

/* The SQLite library version in use, for `netmap --version`. */
const char *nm_store_sqlite_version(void);

#endif
