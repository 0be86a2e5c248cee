/*
 * store.c: the SQLite store of snapshots (contract 5.3; docs/schema.md is
 * the schema as people query it).
 *
 * Every table is keyed by (snapshot, ...) and holds ids and enum values as
 * the text users write in YAML and dates as 'YYYY-MM-DD', so that the
 * sqlite3 shell shows what the files said. A put is shaped by its largest
 * case, a country with a million memberships:
 *
 * - Records go in as the validated dataset orders them, which is the
 *   primary-key order of each WITHOUT ROWID table, so every insert lands
 *   at the end of its B-tree. No index is written out of order: an index
 *   of memberships by actor would be, and would double a put's time (see
 *   docs/schema.md for the numbers and the query that does without it).
 * - Rows go in BATCH_ROWS to a multi-row INSERT, from statements prepared
 *   once per store; a statement per row cost 60% more instructions.
 * - Foreign keys are declared and enforced where they cost little; on
 *   memberships, which a put writes from indices that validation checked,
 *   the two lookups per row would about double their share of the put.
 * - Contact data (contract 5.4) lives in its own table, holding the latest
 *   snapshot only: a put empties it with one DELETE, which SQLite does page
 *   by page, and secure_delete zeroes what it frees.
 *
 * One put is one BEGIN IMMEDIATE transaction. The schema carries PRAGMA
 * application_id (so that a foreign SQLite file is told apart) and PRAGMA
 * user_version; a write open upgrades older versions one step at a time
 * through the migrations table below.
 */
#include "netmap/store.h"
#include "netmap/buf.h"
#include "netmap/json.h"
#include "netmap/strmap.h"

#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define STORE_APPLICATION_ID 0x4E4D4150 /* "NMAP" */
#define STORE_BUSY_TIMEOUT_MS 5000
#define STORE_CACHE_KIB 32768 /* page cache cap of a writer: 32 MiB; more pages spill to the WAL */
#define BATCH_ROWS 64         /* rows of one multi-row INSERT */

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* Version 1, the first schema; docs/schema.md shows it with comments. */
static const char schema_v1[] =
	"CREATE TABLE snapshots (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  taken_at TEXT NOT NULL,\n"
	"  today TEXT,\n"
	"  netmap_version TEXT NOT NULL,\n"
	"  dataset TEXT,\n"
	"  themes_declared INTEGER NOT NULL,\n"
	"  file_count INTEGER NOT NULL,\n"
	"  theme_count INTEGER NOT NULL,\n"
	"  actor_count INTEGER NOT NULL,\n"
	"  committee_count INTEGER NOT NULL,\n"
	"  membership_count INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE settings (\n"
	"  snapshot INTEGER NOT NULL REFERENCES snapshots (id),\n"
	"  name TEXT NOT NULL,\n"
	"  value TEXT NOT NULL,\n"
	"  dataset_value TEXT NOT NULL,\n"
	"  given INTEGER NOT NULL,\n"
	"  PRIMARY KEY (snapshot, name)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE input_files (\n"
	"  snapshot INTEGER NOT NULL REFERENCES snapshots (id),\n"
	"  position INTEGER NOT NULL,\n"
	"  path TEXT NOT NULL,\n"
	"  sha256 TEXT NOT NULL,\n"
	"  PRIMARY KEY (snapshot, position)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE themes (\n"
	"  snapshot INTEGER NOT NULL REFERENCES snapshots (id),\n"
	"  id TEXT NOT NULL,\n"
	"  label TEXT,\n"
	"  PRIMARY KEY (snapshot, id)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE actors (\n"
	"  snapshot INTEGER NOT NULL REFERENCES snapshots (id),\n"
	"  id TEXT NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  type TEXT NOT NULL,\n"
	"  themes TEXT NOT NULL,\n"
	"  district TEXT,\n"
	"  website TEXT,\n"
	"  note TEXT,\n"
	"  PRIMARY KEY (snapshot, id)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE contacts (\n"
	"  snapshot INTEGER NOT NULL,\n"
	"  actor TEXT NOT NULL,\n"
	"  person TEXT,\n"
	"  email TEXT,\n"
	"  phone TEXT,\n"
	"  PRIMARY KEY (snapshot, actor)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE committees (\n"
	"  snapshot INTEGER NOT NULL REFERENCES snapshots (id),\n"
	"  id TEXT NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"
	"  ad_hoc INTEGER NOT NULL,\n"
	"  status TEXT NOT NULL,\n"
	"  themes TEXT NOT NULL,\n"
	"  lead TEXT,\n"
	"  parent TEXT,\n"
	"  founded TEXT,\n"
	"  ends TEXT,\n"
	"  last_met TEXT,\n"
	"  meets TEXT,\n"
	"  district TEXT,\n"
	"  note TEXT,\n"
	"  PRIMARY KEY (snapshot, id),\n"
	"  FOREIGN KEY (snapshot, lead) REFERENCES actors (snapshot, id),\n"
	"  FOREIGN KEY (snapshot, parent) REFERENCES committees (snapshot, id)\n"
	"    DEFERRABLE INITIALLY DEFERRED\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX committees_by_parent ON committees (snapshot, parent)\n"
	"  WHERE parent IS NOT NULL;\n"
	"CREATE TABLE memberships (\n"
	"  snapshot INTEGER NOT NULL,\n"
	"  committee TEXT NOT NULL,\n"
	"  actor TEXT NOT NULL,\n"
	"  role TEXT NOT NULL,\n"
	"  since TEXT,\n"
	"  PRIMARY KEY (snapshot, committee, actor)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE findings (\n"
	"  snapshot INTEGER PRIMARY KEY REFERENCES snapshots (id),\n"
	"  json TEXT\n"
	");\n";

/*
 * migrations[v] takes a store from version v - 1 to v; a write open runs
 * every step above the store's user_version in one transaction. Version 0
 * is an empty database. A later version appends its step here (ALTER TABLE
 * where SQLite allows it, else a new table filled from the old one) and
 * raises NM_STORE_SCHEMA_VERSION.
 */
static const char *const migrations[] = {
	NULL,
	schema_v1,
};

_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == NM_STORE_SCHEMA_VERSION + 1,
	       "one migration step per schema version");

/* The tables a put fills row by row, after its one row of snapshots. */
enum {
	T_SETTINGS,
	T_FILES,
	T_THEMES,
	T_ACTORS,
	T_CONTACTS,
	T_COMMITTEES,
	T_MEMBERSHIPS,
	T_FINDINGS,
	T_COUNT
};

typedef struct table_def {
	const char *name;
	const char *columns; /* after snapshot, which every one starts with */
	int width;           /* how many columns that is */
} table_def;

static const table_def tables[T_COUNT] = {
	{"settings", "name, value, dataset_value, given", 4},
	{"input_files", "position, path, sha256", 3},
	{"themes", "id, label", 2},
	{"actors", "id, name, type, themes, district, website, note", 7},
	{"contacts", "actor, person, email, phone", 4},
	{"committees",
	 "id, name, kind, ad_hoc, status, themes, lead, parent, founded, ends,"
	 " last_met, meets, district, note",
	 14},
	{"memberships", "committee, actor, role, since", 4},
	{"findings", "json", 1},
};

struct nm_store {
	sqlite3 *db;
	char *path; /* as the caller gave it: messages and abandon */
	nm_store_mode mode;
	bool created;                  /* this open created the file */
	int busy_ms;                   /* the busy timeout */
	long fail_at;                  /* nm_store_fail_at_insert: 0, or the row to fail */
	long inserts;                  /* rows written so far by the current put */
	sqlite3_stmt *put_snapshot;    /* NULL until the first put */
	int64_t put_id;                /* the snapshot of a put begun, or 0 */
	sqlite3_stmt *put[T_COUNT][2]; /* [table][0]: one row, [1]: BATCH_ROWS */
};

/* Settings as rows of the settings table: nm_setting_defs (model.h). */
#define NSETTINGS NM_SETTINGS_N

/* ---- errors ------------------------------------------------------------ */

/* The connection's last error as an NM_E... code; what: "read", "write". */
static int db_error(nm_store *store, nm_error *err, const char *what)
{
	int code = sqlite3_errcode(store->db) & 0xff; /* the primary code */

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return nm_error_set(err, NM_EBUSY, "store '%s' is busy", store->path);
	return nm_error_set(err, NM_ESTORE, "cannot %s store '%s': %s", what, store->path,
			    sqlite3_errmsg(store->db));
}

static int damaged(nm_store *store, nm_error *err, int64_t id, const char *what, const char *value)
{
	return nm_error_set(err, NM_ESTORE, "store '%s' is damaged: snapshot %lld has %s '%s'",
			    store->path, (long long)id, what, value ? value : "NULL");
}

static int exec(nm_store *store, const char *sql, const char *what, nm_error *err)
{
	if (sqlite3_exec(store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(store, err, what);
	return NM_OK;
}

static int prepare(nm_store *store, const char *sql, sqlite3_stmt **stmt, nm_error *err)
{
	if (sqlite3_prepare_v2(store->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return db_error(store, err, "read");
	return NM_OK;
}

/* End the transaction in progress, if any, leaving the store as it was. */
static void rollback(nm_store *store)
{
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- opening ----------------------------------------------------------- */

/*
 * A file: URI for path, so that names with '?', '#' or '%' open the file
 * they name and query parameters can be added (mode=ro, immutable=1).
 */
static void file_uri(nm_buf *uri, const char *path, const char *params)
{
	static const char hex[] = "0123456789ABCDEF";

	nm_buf_puts(uri, path[0] == '/' ? "file://" : "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._-~", *p)) {
			nm_buf_putc(uri, (char)*p);
		} else {
			nm_buf_putc(uri, '%');
			nm_buf_putc(uri, hex[*p >> 4]);
			nm_buf_putc(uri, hex[*p & 15]);
		}
	}
	nm_buf_putc(uri, '?');
	nm_buf_puts(uri, params);
}

static int open_db(nm_store *store, const char *name, int flags, nm_error *err)
{
	if (store->db) {
		sqlite3_close(store->db);
		store->db = NULL;
	}
	if (sqlite3_open_v2(name, &store->db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		int rc = nm_error_set(err, NM_ESTORE, "cannot open store '%s': %s", store->path,
				      store->db ? sqlite3_errmsg(store->db) : "out of memory");
		sqlite3_close(store->db);
		store->db = NULL;
		return rc;
	}
	sqlite3_extended_result_codes(store->db, 1);
	sqlite3_busy_timeout(store->db, store->busy_ms);
	return NM_OK;
}

/* What the file holds, read without changing it. */
typedef struct header {
	int64_t application_id;
	int64_t user_version;
	int64_t objects; /* rows of sqlite_schema */
} header;

static int query_int(nm_store *store, const char *sql, int64_t *out, int *sqlite_rc)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(store->db, sql, -1, &stmt, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(stmt, 0);
			rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK)
		rc = sqlite3_extended_errcode(store->db);
	sqlite3_finalize(stmt);
	*sqlite_rc = rc;
	return rc == SQLITE_OK ? 0 : -1;
}

/* Read the header; *sqlite_rc is the SQLite result code on failure. */
static int read_header(nm_store *store, header *h, int *sqlite_rc)
{
	if (query_int(store, "PRAGMA application_id", &h->application_id, sqlite_rc) < 0 ||
	    query_int(store, "PRAGMA user_version", &h->user_version, sqlite_rc) < 0 ||
	    query_int(store, "SELECT count(*) FROM sqlite_master", &h->objects, sqlite_rc) < 0)
		return -1;
	return 0;
}

static int header_error(nm_store *store, int sqlite_rc, nm_error *err)
{
	if ((sqlite_rc & 0xff) == SQLITE_NOTADB)
		return nm_error_set(err, NM_ESTORE,
				    "'%s' is not a netmap store (not an SQLite database)",
				    store->path);
	return db_error(store, err, "read");
}

static bool header_empty(const header *h)
{
	return h->application_id == 0 && h->user_version == 0 && h->objects == 0;
}

/* Check that h is a netmap store this netmap can read. */
static int check_header(nm_store *store, const header *h, nm_error *err)
{
	if (h->application_id != STORE_APPLICATION_ID)
		return nm_error_set(err, NM_ESTORE, "'%s' is not a netmap store", store->path);
	if (h->user_version > NM_STORE_SCHEMA_VERSION)
		return nm_error_set(err, NM_ESTORE,
				    "store '%s' was written by a newer netmap (schema %lld;"
				    " this netmap reads up to %d)",
				    store->path, (long long)h->user_version,
				    NM_STORE_SCHEMA_VERSION);
	return NM_OK;
}

/* Run the migrations from version `from` up, inside the caller's transaction. */
static int migrate(nm_store *store, int64_t from, nm_error *err)
{
	char sql[96];
	int rc = NM_OK;

	for (int64_t v = from + 1; v <= NM_STORE_SCHEMA_VERSION && rc == NM_OK; v++)
		rc = exec(store, migrations[v], "write", err);
	if (rc == NM_OK) {
		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d; PRAGMA user_version = %d",
			 STORE_APPLICATION_ID, NM_STORE_SCHEMA_VERSION);
		rc = exec(store, sql, "write", err);
	}
	return rc;
}

/* Bring a store opened for writing to the current schema. */
static int upgrade(nm_store *store, nm_error *err)
{
	header h = {0};
	int sqlite_rc, rc;

	if ((rc = exec(store, "BEGIN IMMEDIATE", "write", err)) != NM_OK)
		return rc;
	/* Read again under the lock: another netmap may have just done it. */
	if (read_header(store, &h, &sqlite_rc) < 0)
		rc = header_error(store, sqlite_rc, err);
	else if (!header_empty(&h))
		rc = check_header(store, &h, err);
	if (rc == NM_OK && h.user_version < NM_STORE_SCHEMA_VERSION)
		rc = migrate(store, h.user_version, err);
	if (rc == NM_OK)
		rc = exec(store, "COMMIT", "write", err);
	if (rc != NM_OK)
		rollback(store);
	return rc;
}

static int open_write(nm_store *store, bool memory, nm_error *err)
{
	nm_buf uri = NM_BUF_INIT;
	header h = {0};
	int sqlite_rc, rc;
	char pragmas[256];

	if (memory) {
		rc = open_db(store, ":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err);
	} else {
		file_uri(&uri, store->path, "mode=rwc");
		rc = open_db(store, nm_buf_cstr(&uri), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			     err);
	}
	if (rc != NM_OK)
		goto done;
	/* SQLite opens a file it may not write read-only, without a word. */
	if (sqlite3_db_readonly(store->db, "main") == 1) {
		rc = nm_error_set(err, NM_ESTORE, "cannot write store '%s': the file is read-only",
				  store->path);
		goto done;
	}
	if ((rc = exec(store, "PRAGMA foreign_keys = ON", "open", err)) != NM_OK)
		goto done;
	if (read_header(store, &h, &sqlite_rc) < 0) {
		rc = header_error(store, sqlite_rc, err);
		goto done;
	}
	if (!header_empty(&h) && (rc = check_header(store, &h, err)) != NM_OK)
		goto done;
	/*
	 * WAL lets a report read while a scan writes; NORMAL is durable
	 * enough in WAL (a power cut loses at most the last scan, never the
	 * store's consistency). secure_delete zeroes erased contact data.
	 */
	snprintf(pragmas, sizeof(pragmas),
		 "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
		 " PRAGMA secure_delete = ON; PRAGMA cache_size = -%d",
		 STORE_CACHE_KIB);
	if ((rc = exec(store, pragmas, "open", err)) != NM_OK)
		goto done;
	if (h.user_version < NM_STORE_SCHEMA_VERSION || header_empty(&h))
		rc = upgrade(store, err);

done:
	nm_buf_release(&uri);
	return rc;
}

/*
 * Read-only, where the file may sit on a read-only file system or in a
 * directory we may not write.
 *
 * The connection is opened read-write where the file allows it, with
 * PRAGMA query_only: SQL cannot change the store, and the last connection
 * to close can still remove the -wal and -shm files, which a read-only
 * connection would leave beside the store after every report. Where the
 * file is not writable SQLite opens it read-only by itself.
 *
 * A WAL database needs its -shm file; when that can be neither opened nor
 * created, the first read fails and the file is read again as immutable
 * (no locks, no -shm: safe because nothing can be writing a store that
 * nobody may write).
 */
static int open_read(nm_store *store, nm_error *err)
{
	nm_buf uri = NM_BUF_INIT;
	header h = {0};
	int sqlite_rc, rc, code;

	file_uri(&uri, store->path, "mode=rw");
	if ((rc = open_db(store, nm_buf_cstr(&uri), SQLITE_OPEN_READWRITE, err)) != NM_OK ||
	    (rc = exec(store, "PRAGMA query_only = ON", "open", err)) != NM_OK)
		goto done;
	if (read_header(store, &h, &sqlite_rc) < 0) {
		code = sqlite_rc & 0xff;
		if (code == SQLITE_NOTADB || code == SQLITE_BUSY || code == SQLITE_CORRUPT) {
			rc = header_error(store, sqlite_rc, err);
			goto done;
		}
		nm_buf_clear(&uri);
		file_uri(&uri, store->path, "mode=ro&immutable=1");
		if ((rc = open_db(store, nm_buf_cstr(&uri), SQLITE_OPEN_READONLY, err)) != NM_OK)
			goto done;
		if (read_header(store, &h, &sqlite_rc) < 0) {
			rc = header_error(store, sqlite_rc, err);
			goto done;
		}
	}
	if (header_empty(&h)) {
		/* An empty file (say, from touch) is a store without snapshots. */
		store->mode = NM_STORE_WRITE;
		rc = open_write(store, true, err);
		store->mode = NM_STORE_READ;
		goto done;
	}
	if ((rc = check_header(store, &h, err)) != NM_OK)
		goto done;
	if (h.user_version < NM_STORE_SCHEMA_VERSION)
		rc = nm_error_set(err, NM_ESTORE,
				  "store '%s' has the older schema %lld; a scan upgrades it",
				  store->path, (long long)h.user_version);

done:
	nm_buf_release(&uri);
	return rc;
}

static void remove_files(const char *path)
{
	static const char *const suffixes[] = {"-wal", "-shm", "-journal"};
	nm_buf name = NM_BUF_INIT;

	unlink(path);
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		nm_buf_clear(&name);
		nm_buf_puts(&name, path);
		nm_buf_puts(&name, suffixes[i]);
		unlink(nm_buf_cstr(&name));
	}
	nm_buf_release(&name);
}

/*
 * Create the store's file, exclusively: when another netmap creates it at
 * the same moment, that one owns it, and only the creator's abandon may
 * remove it.
 */
static int create_file(nm_store *store, nm_error *err)
{
	int fd = open(store->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

	if (fd >= 0) {
		store->created = true;
		close(fd);
	} else if (errno != EEXIST) {
		return nm_error_set(err, NM_ESTORE, "cannot create store '%s': %s", store->path,
				    strerror(errno));
	}
	return NM_OK;
}

int nm_store_open(nm_store **out, const char *path, nm_store_mode mode, nm_error *err)
{
	nm_store *store = nm_xcalloc(1, sizeof(*store));
	bool memory = strcmp(path, ":memory:") == 0;
	struct stat st;
	int rc = NM_OK;

	*out = NULL;
	store->path = nm_xstrdup(path);
	store->mode = mode;
	store->busy_ms = STORE_BUSY_TIMEOUT_MS;
	if (!memory && stat(path, &st) != 0) {
		if (errno != ENOENT)
			rc = nm_error_set(err, NM_ESTORE, "cannot open store '%s': %s", path,
					  strerror(errno));
		else if (mode == NM_STORE_READ)
			rc = nm_error_set(err, NM_ENOTFOUND,
					  "no store at '%s'; run 'netmap scan' first", path);
		else
			rc = create_file(store, err);
	} else if (!memory && S_ISDIR(st.st_mode)) {
		rc = nm_error_set(err, NM_ESTORE, "'%s' is a directory, not a netmap store", path);
	}
	if (rc == NM_OK) {
		if (mode == NM_STORE_READ && !memory)
			rc = open_read(store, err);
		else
			rc = open_write(store, memory, err);
	}
	if (rc != NM_OK) {
		nm_store_abandon(store);
		return rc;
	}
	*out = store;
	return NM_OK;
}

void nm_store_close(nm_store *store)
{
	if (!store)
		return;
	sqlite3_finalize(store->put_snapshot);
	for (int t = 0; t < T_COUNT; t++)
		for (int many = 0; many < 2; many++)
			sqlite3_finalize(store->put[t][many]);
	sqlite3_close(store->db);
	free(store->path);
	free(store);
}

void nm_store_abandon(nm_store *store)
{
	char *path;

	if (!store)
		return;
	if (!store->created) {
		nm_store_close(store);
		return;
	}
	path = store->path;
	store->path = NULL;
	nm_store_close(store);
	remove_files(path);
	free(path);
}

void nm_store_busy_timeout(nm_store *store, int ms)
{
	store->busy_ms = ms;
	sqlite3_busy_timeout(store->db, ms);
}

void nm_store_fail_at_insert(nm_store *store, long n)
{
	store->fail_at = n;
}

/*
 * Truncate the write-ahead log, so that erased data does not linger in old
 * frames. Best effort: a reader that holds the log makes it wait for a
 * later checkpoint, and a scan does not wait for a report.
 */
static void truncate_wal(nm_store *store)
{
	sqlite3_busy_timeout(store->db, 0);
	sqlite3_wal_checkpoint_v2(store->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	sqlite3_busy_timeout(store->db, store->busy_ms);
}

/* ---- writing ----------------------------------------------------------- */

static int prepare_puts(nm_store *store, nm_error *err)
{
	nm_buf sql = NM_BUF_INIT;
	int rc = NM_OK;

	if (store->put_snapshot)
		return NM_OK;
	if (sqlite3_prepare_v3(store->db,
			       "INSERT INTO snapshots (taken_at, today, netmap_version, dataset,"
			       " themes_declared, file_count, theme_count, actor_count,"
			       " committee_count, membership_count)"
			       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			       -1, SQLITE_PREPARE_PERSISTENT, &store->put_snapshot,
			       NULL) != SQLITE_OK)
		rc = db_error(store, err, "write");
	/* (?1, ?, ?) numbers row k's columns 2 + k * width ..., the snapshot 1. */
	for (int t = 0; t < T_COUNT && rc == NM_OK; t++) {
		for (int many = 0; many < 2 && rc == NM_OK; many++) {
			nm_buf_clear(&sql);
			nm_buf_printf(&sql, "INSERT INTO %s (snapshot, %s) VALUES ", tables[t].name,
				      tables[t].columns);
			for (int row = 0; row < (many ? BATCH_ROWS : 1); row++) {
				nm_buf_puts(&sql, row ? ", (?1" : "(?1");
				for (int col = 0; col < tables[t].width; col++)
					nm_buf_puts(&sql, ", ?");
				nm_buf_putc(&sql, ')');
			}
			if (sqlite3_prepare_v3(store->db, nm_buf_cstr(&sql), -1,
					       SQLITE_PREPARE_PERSISTENT, &store->put[t][many],
					       NULL) != SQLITE_OK)
				rc = db_error(store, err, "write");
		}
	}
	nm_buf_release(&sql);
	return rc;
}

/* Step an INSERT of rows rows; table names them in a message. */
static int insert_rows(nm_store *store, sqlite3_stmt *stmt, int rows, const char *table,
		       nm_error *err)
{
	int rc = NM_OK;

	store->inserts += rows;
	if (store->fail_at > store->inserts - rows && store->fail_at <= store->inserts) {
		rc = nm_error_set(err, NM_ESTORE,
				  "cannot write store '%s': row %ld failed as a test asked",
				  store->path, store->fail_at);
	} else if (sqlite3_step(stmt) != SQLITE_DONE) {
		int code = sqlite3_errcode(store->db) & 0xff; /* the primary code */
		if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
			rc = db_error(store, err, "write");
		else
			rc = nm_error_set(err, NM_ESTORE, "cannot write %s to store '%s': %s",
					  table, store->path, sqlite3_errmsg(store->db));
	}
	sqlite3_reset(stmt);
	return rc;
}

/*
 * The rows of one table on their way in: rows are bound into a chunk of
 * BATCH_ROWS (or single rows for the rest), and a full chunk is written.
 * Strings are bound SQLITE_STATIC, so they must live until the chunk is
 * written: the dataset's do, dates use the chunk's own buffers.
 */
typedef struct writer {
	nm_store *store;
	int table;
	int64_t snapshot;
	size_t left;        /* rows not yet begun */
	sqlite3_stmt *stmt; /* the chunk's statement */
	int rows;           /* rows in the chunk */
	int row;            /* the row being bound */
	char dates[BATCH_ROWS][3][11];
} writer;

static void writer_init(writer *w, nm_store *store, int table, int64_t snapshot, size_t rows)
{
	w->store = store;
	w->table = table;
	w->snapshot = snapshot;
	w->left = rows;
	w->stmt = NULL;
	w->rows = w->row = 0;
}

/* Begin a row: the parameter number of its first column after snapshot. */
static int writer_row(writer *w)
{
	if (w->row == w->rows) {
		int many = w->left >= BATCH_ROWS;

		w->stmt = w->store->put[w->table][many];
		w->rows = many ? BATCH_ROWS : 1;
		w->row = 0;
		sqlite3_bind_int64(w->stmt, 1, w->snapshot);
	}
	w->left--;
	return 2 + w->row * tables[w->table].width;
}

/* End a row: write the chunk when it is complete. */
static int writer_done(writer *w, nm_error *err)
{
	if (++w->row < w->rows)
		return NM_OK;
	return insert_rows(w->store, w->stmt, w->rows, tables[w->table].name, err);
}

static void bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(stmt, i);
}

/* Bind a date as 'YYYY-MM-DD' (buf: 11 bytes that outlive the step) or NULL. */
static void bind_date(sqlite3_stmt *stmt, int i, nm_date d, char *buf)
{
	if (d == NM_DATE_NONE) {
		sqlite3_bind_null(stmt, i);
		return;
	}
	nm_date_format(d, buf);
	sqlite3_bind_text(stmt, i, buf, 10, SQLITE_STATIC);
}

static const char *enum_name(const char *const *names, int count, int value)
{
	return value >= 0 && value < count ? names[value] : NULL;
}

static int bad_record(nm_store *store, nm_error *err, const char *what, const char *id,
		      const char *problem)
{
	return nm_error_set(err, NM_ESTORE, "cannot write %s '%s' to store '%s': %s", what, id,
			    store->path, problem);
}

/*
 * A theme list as the JSON array of its ids, in the model's order (by id):
 * ["counselling","language"], so that json_each() reads it in the shell.
 * Ids cannot hold characters that JSON escapes (contract 2.1); one that
 * does is refused rather than written unreadable.
 */
static int format_themes(nm_buf *out, const nm_dataset *ds, const uint32_t *themes, size_t n)
{
	nm_buf_clear(out);
	nm_buf_putc(out, '[');
	for (size_t i = 0; i < n; i++) {
		const char *id;

		if (themes[i] >= ds->nthemes)
			return -1;
		id = ds->themes[themes[i]].id;
		for (const char *p = id; *p; p++)
			if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20)
				return -1;
		if (i)
			nm_buf_putc(out, ',');
		nm_buf_putc(out, '"');
		nm_buf_puts(out, id);
		nm_buf_putc(out, '"');
	}
	nm_buf_putc(out, ']');
	return 0;
}

/* The snapshots row; *id receives its id. */
static int put_header(nm_store *store, const nm_dataset *ds, nm_date today, int64_t *id,
		      nm_error *err)
{
	sqlite3_stmt *stmt = store->put_snapshot;
	char taken_at[32], today_text[11];
	time_t now = time(NULL);
	struct tm tm;
	int rc;

	gmtime_r(&now, &tm);
	strftime(taken_at, sizeof(taken_at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	sqlite3_bind_text(stmt, 1, taken_at, -1, SQLITE_STATIC);
	bind_date(stmt, 2, today, today_text);
	sqlite3_bind_text(stmt, 3, NETMAP_VERSION, -1, SQLITE_STATIC);
	bind_text(stmt, 4, ds->name);
	sqlite3_bind_int(stmt, 5, ds->themes_declared ? 1 : 0);
	sqlite3_bind_int64(stmt, 6, (sqlite3_int64)ds->nfiles);
	sqlite3_bind_int64(stmt, 7, (sqlite3_int64)ds->nthemes);
	sqlite3_bind_int64(stmt, 8, (sqlite3_int64)ds->nactors);
	sqlite3_bind_int64(stmt, 9, (sqlite3_int64)ds->ncommittees);
	sqlite3_bind_int64(stmt, 10, (sqlite3_int64)ds->nmemberships);
	rc = insert_rows(store, stmt, 1, "snapshots", err);
	sqlite3_clear_bindings(stmt);
	if (rc == NM_OK)
		*id = sqlite3_last_insert_rowid(store->db);
	return rc;
}

static int put_settings(nm_store *store, const nm_dataset *ds, const nm_settings *settings,
			int64_t id, nm_error *err)
{
	nm_buf value[NSETTINGS], dataset_value[NSETTINGS];
	writer w;
	int rc = NM_OK;

	writer_init(&w, store, T_SETTINGS, id, NSETTINGS);
	for (size_t i = 0; i < NSETTINGS; i++) {
		nm_buf_init(&value[i]);
		nm_buf_init(&dataset_value[i]);
	}
	for (size_t i = 0; i < NSETTINGS && rc == NM_OK; i++) {
		int at = writer_row(&w);

		nm_setting_format(&nm_setting_defs[i], settings, &value[i]);
		nm_setting_format(&nm_setting_defs[i], &ds->settings, &dataset_value[i]);
		sqlite3_bind_text(w.stmt, at, nm_setting_defs[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 1, nm_buf_cstr(&value[i]), -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 2, nm_buf_cstr(&dataset_value[i]), -1,
				  SQLITE_STATIC);
		sqlite3_bind_int(w.stmt, at + 3,
				 (ds->settings_given & nm_setting_defs[i].bit) ? 1 : 0);
		rc = writer_done(&w, err);
	}
	for (size_t i = 0; i < NSETTINGS; i++) {
		nm_buf_release(&value[i]);
		nm_buf_release(&dataset_value[i]);
	}
	return rc;
}

static int put_files_and_themes(nm_store *store, const nm_dataset *ds, int64_t id, nm_error *err)
{
	writer w;
	int rc = NM_OK;

	writer_init(&w, store, T_FILES, id, ds->nfiles);
	for (size_t i = 0; i < ds->nfiles && rc == NM_OK; i++) {
		int at = writer_row(&w);

		sqlite3_bind_int64(w.stmt, at, (sqlite3_int64)i);
		sqlite3_bind_text(w.stmt, at + 1, ds->files[i].path, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 2, ds->files[i].sha256, -1, SQLITE_STATIC);
		rc = writer_done(&w, err);
	}
	writer_init(&w, store, T_THEMES, id, ds->nthemes);
	for (size_t i = 0; i < ds->nthemes && rc == NM_OK; i++) {
		int at = writer_row(&w);

		sqlite3_bind_text(w.stmt, at, ds->themes[i].id, -1, SQLITE_STATIC);
		bind_text(w.stmt, at + 1, ds->themes[i].label);
		rc = writer_done(&w, err);
	}
	return rc;
}

static bool has_contact(const nm_actor *a)
{
	return a->person || a->email || a->phone;
}

static int put_actors(nm_store *store, const nm_dataset *ds, int64_t id, nm_error *err)
{
	nm_buf themes = NM_BUF_INIT;
	size_t ncontacts = 0;
	writer w;
	int rc = NM_OK;

	writer_init(&w, store, T_ACTORS, id, ds->nactors);
	for (size_t i = 0; i < ds->nactors && rc == NM_OK; i++) {
		const nm_actor *a = &ds->actors[i];
		const char *type = enum_name(nm_actor_type_names, NM_TYPE_COUNT, (int)a->type);
		int at;

		if (!type) {
			rc = bad_record(store, err, "actor", a->id, "unknown type");
			break;
		}
		if (format_themes(&themes, ds, a->themes, a->nthemes) < 0) {
			rc = bad_record(store, err, "actor", a->id, "bad theme");
			break;
		}
		at = writer_row(&w);
		sqlite3_bind_text(w.stmt, at, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 1, a->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 2, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 3, themes.ptr, (int)themes.len, SQLITE_TRANSIENT);
		bind_text(w.stmt, at + 4, a->district);
		bind_text(w.stmt, at + 5, a->website);
		bind_text(w.stmt, at + 6, a->note);
		rc = writer_done(&w, err);
		ncontacts += has_contact(a);
	}
	writer_init(&w, store, T_CONTACTS, id, ncontacts);
	for (size_t i = 0; i < ds->nactors && rc == NM_OK; i++) {
		const nm_actor *a = &ds->actors[i];
		int at;

		if (!has_contact(a))
			continue;
		at = writer_row(&w);
		sqlite3_bind_text(w.stmt, at, a->id, -1, SQLITE_STATIC);
		bind_text(w.stmt, at + 1, a->person);
		bind_text(w.stmt, at + 2, a->email);
		bind_text(w.stmt, at + 3, a->phone);
		rc = writer_done(&w, err);
	}
	nm_buf_release(&themes);
	return rc;
}

static int put_committees(nm_store *store, const nm_dataset *ds, int64_t id, nm_error *err)
{
	nm_buf themes = NM_BUF_INIT;
	writer w;
	int rc = NM_OK;

	writer_init(&w, store, T_COMMITTEES, id, ds->ncommittees);
	for (size_t i = 0; i < ds->ncommittees && rc == NM_OK; i++) {
		const nm_committee *c = &ds->committees[i];
		const char *kind = enum_name(nm_kind_names, NM_KIND_COUNT, (int)c->kind);
		const char *status = enum_name(nm_status_names, NM_STATUS_COUNT, (int)c->status);
		const char *meets = enum_name(nm_freq_names, NM_FREQ_COUNT, (int)c->meets);
		int at;

		if (!kind || !status || (!meets && c->meets != NM_FREQ_NONE))
			rc = bad_record(store, err, "committee", c->id, "unknown enum value");
		else if ((c->lead != NM_NONE && c->lead >= ds->nactors) ||
			 (c->parent != NM_NONE && c->parent >= ds->ncommittees))
			rc = bad_record(store, err, "committee", c->id, "index out of range");
		else if (format_themes(&themes, ds, c->themes, c->nthemes) < 0)
			rc = bad_record(store, err, "committee", c->id, "bad theme");
		if (rc != NM_OK)
			break;
		at = writer_row(&w);
		sqlite3_bind_text(w.stmt, at, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 1, c->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 2, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int(w.stmt, at + 3, c->ad_hoc ? 1 : 0);
		sqlite3_bind_text(w.stmt, at + 4, status, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 5, themes.ptr, (int)themes.len, SQLITE_TRANSIENT);
		bind_text(w.stmt, at + 6, c->lead == NM_NONE ? NULL : ds->actors[c->lead].id);
		bind_text(w.stmt, at + 7,
			  c->parent == NM_NONE ? NULL : ds->committees[c->parent].id);
		bind_date(w.stmt, at + 8, c->founded, w.dates[w.row][0]);
		bind_date(w.stmt, at + 9, c->ends, w.dates[w.row][1]);
		bind_date(w.stmt, at + 10, c->last_met, w.dates[w.row][2]);
		bind_text(w.stmt, at + 11, meets);
		bind_text(w.stmt, at + 12, c->district);
		bind_text(w.stmt, at + 13, c->note);
		rc = writer_done(&w, err);
	}
	nm_buf_release(&themes);
	return rc;
}

/*
 * Memberships come in committee order, so their actors are all over
 * memory: fetching the actor record and its id a few rows ahead made a put
 * of a million memberships about 15% faster.
 */
static int put_memberships(nm_store *store, const nm_dataset *ds, int64_t id, nm_error *err)
{
	writer w;
	int rc = NM_OK;

	writer_init(&w, store, T_MEMBERSHIPS, id, ds->nmemberships);
	for (size_t i = 0; i < ds->nmemberships && rc == NM_OK; i++) {
		const nm_membership *m = &ds->memberships[i];
		const char *role = enum_name(nm_role_names, NM_ROLE_COUNT, (int)m->role);
		int at;

		if (m->committee >= ds->ncommittees || m->actor >= ds->nactors || !role) {
			rc = nm_error_set(
				err, NM_ESTORE,
				"cannot write membership %zu to store '%s': bad index or role", i,
				store->path);
			break;
		}
		if (i + 16 < ds->nmemberships && ds->memberships[i + 16].actor < ds->nactors)
			PREFETCH(&ds->actors[ds->memberships[i + 16].actor]);
		if (i + 8 < ds->nmemberships && ds->memberships[i + 8].actor < ds->nactors)
			PREFETCH(ds->actors[ds->memberships[i + 8].actor].id);
		at = writer_row(&w);
		sqlite3_bind_text(w.stmt, at, ds->committees[m->committee].id, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 1, ds->actors[m->actor].id, -1, SQLITE_STATIC);
		sqlite3_bind_text(w.stmt, at + 2, role, -1, SQLITE_STATIC);
		bind_date(w.stmt, at + 3, m->since, w.dates[w.row][0]);
		rc = writer_done(&w, err);
	}
	return rc;
}

static int put_findings(nm_store *store, const char *findings_json, int64_t id, nm_error *err)
{
	writer w;
	int at;

	writer_init(&w, store, T_FINDINGS, id, 1);
	at = writer_row(&w);
	bind_text(w.stmt, at, findings_json);
	return writer_done(&w, err);
}

/* After a put, done or not: no statement keeps pointers into ds, nor a
 * chunk bound but unwritten. */
static void put_over(nm_store *store)
{
	for (int t = 0; t < T_COUNT; t++)
		for (int many = 0; many < 2; many++)
			if (store->put[t][many]) {
				sqlite3_reset(store->put[t][many]);
				sqlite3_clear_bindings(store->put[t][many]);
			}
	store->fail_at = 0;
	store->put_id = 0;
}

int nm_store_put_begin(nm_store *store, const nm_dataset *ds, nm_date today,
		       const nm_settings *settings, nm_error *err)
{
	int64_t id = 0;
	int rc;

	if (store->mode != NM_STORE_WRITE) {
		rc = nm_error_set(err, NM_EUSAGE, "store '%s' is open read-only", store->path);
		goto done;
	}
	if ((rc = prepare_puts(store, err)) != NM_OK)
		goto done;
	store->inserts = 0;
	if ((rc = exec(store, "BEGIN IMMEDIATE", "write", err)) != NM_OK)
		goto done;
	/* Contact data is for the latest snapshot only (contract 5.4). */
	if ((rc = exec(store, "DELETE FROM contacts", "write", err)) != NM_OK ||
	    (rc = put_header(store, ds, today, &id, err)) != NM_OK ||
	    (rc = put_settings(store, ds, settings, id, err)) != NM_OK ||
	    (rc = put_files_and_themes(store, ds, id, err)) != NM_OK ||
	    (rc = put_actors(store, ds, id, err)) != NM_OK ||
	    (rc = put_committees(store, ds, id, err)) != NM_OK ||
	    (rc = put_memberships(store, ds, id, err)) != NM_OK)
		goto done;
	store->put_id = id;

done:
	if (rc != NM_OK) {
		rollback(store);
		put_over(store);
	}
	return rc;
}

int nm_store_put_end(nm_store *store, const char *findings_json, bool commit, int64_t *out_id,
		     nm_error *err)
{
	int64_t id = store->put_id;
	int rc = NM_OK;

	if (id == 0)
		return nm_error_set(err, NM_EUSAGE, "no snapshot is being written to store '%s'",
				    store->path);
	if (commit && (rc = put_findings(store, findings_json, id, err)) == NM_OK)
		rc = exec(store, "COMMIT", "write", err);
	if (!commit || rc != NM_OK) {
		rollback(store);
	} else {
		truncate_wal(store);
		if (out_id)
			*out_id = id;
	}
	put_over(store);
	return rc;
}

int nm_store_put_snapshot(nm_store *store, const nm_dataset *ds, nm_date today,
			  const nm_settings *settings, const char *findings_json, int64_t *out_id,
			  nm_error *err)
{
	int rc = nm_store_put_begin(store, ds, today, settings, err);

	if (rc != NM_OK)
		return rc;
	return nm_store_put_end(store, findings_json, true, out_id, err);
}

int nm_store_forget_actor(nm_store *store, const char *actor_id, nm_error *err)
{
	return nm_store_erase_contact(store, actor_id, NULL, err);
}

int nm_store_erase_contact(nm_store *store, const char *actor_id, unsigned *erased, nm_error *err)
{
	sqlite3_stmt *find = NULL, *held = NULL, *erase = NULL;
	unsigned fields = 0;
	int rc, step;

	if (store->mode != NM_STORE_WRITE) {
		rc = nm_error_set(err, NM_EUSAGE, "store '%s' is open read-only", store->path);
		goto done;
	}
	if ((rc = exec(store, "BEGIN IMMEDIATE", "write", err)) != NM_OK)
		goto done;
	if ((rc = prepare(store, "SELECT 1 FROM actors WHERE id = ? LIMIT 1", &find, err)) !=
		    NM_OK ||
	    (rc = prepare(store,
			  "SELECT person IS NOT NULL, email IS NOT NULL, phone IS NOT NULL"
			  " FROM contacts WHERE actor = ?",
			  &held, err)) != NM_OK ||
	    (rc = prepare(store, "DELETE FROM contacts WHERE actor = ?", &erase, err)) != NM_OK)
		goto done;
	sqlite3_bind_text(find, 1, actor_id, -1, SQLITE_STATIC);
	switch (sqlite3_step(find)) {
	case SQLITE_ROW:
		break;
	case SQLITE_DONE:
		rc = nm_error_set(err, NM_ENOTFOUND, "no actor '%s' in store '%s'", actor_id,
				  store->path);
		goto done;
	default:
		rc = db_error(store, err, "read");
		goto done;
	}
	sqlite3_bind_text(held, 1, actor_id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(held)) == SQLITE_ROW)
		fields |= (sqlite3_column_int(held, 0) ? NM_CONTACT_PERSON : 0) |
			  (sqlite3_column_int(held, 1) ? NM_CONTACT_EMAIL : 0) |
			  (sqlite3_column_int(held, 2) ? NM_CONTACT_PHONE : 0);
	if (step != SQLITE_DONE) {
		rc = db_error(store, err, "read");
		goto done;
	}
	sqlite3_bind_text(erase, 1, actor_id, -1, SQLITE_STATIC);
	if (sqlite3_step(erase) != SQLITE_DONE) {
		rc = db_error(store, err, "write");
		goto done;
	}
	rc = exec(store, "COMMIT", "write", err);

done:
	sqlite3_finalize(find);
	sqlite3_finalize(held);
	sqlite3_finalize(erase);
	if (rc == NM_OK) {
		truncate_wal(store);
		if (erased)
			*erased = fields;
	} else if (store->mode == NM_STORE_WRITE) {
		rollback(store);
	}
	return rc;
}

/*
 * Children first: committees refer to actors (lead), every table to
 * snapshots. Memberships and contacts have no declared keys.
 */
static const char *const prune_sql[] = {
	"DELETE FROM memberships WHERE snapshot < ?1",
	"DELETE FROM committees WHERE snapshot < ?1",
	"DELETE FROM contacts WHERE snapshot < ?1",
	"DELETE FROM actors WHERE snapshot < ?1",
	"DELETE FROM themes WHERE snapshot < ?1",
	"DELETE FROM input_files WHERE snapshot < ?1",
	"DELETE FROM settings WHERE snapshot < ?1",
	"DELETE FROM findings WHERE snapshot < ?1",
	"DELETE FROM snapshots WHERE id < ?1",
};

int nm_store_prune(nm_store *store, size_t keep, size_t *dropped, nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int64_t first = 0; /* the oldest snapshot kept */
	size_t n = 0;
	int rc, step;

	if (dropped)
		*dropped = 0;
	if (store->mode != NM_STORE_WRITE) {
		rc = nm_error_set(err, NM_EUSAGE, "store '%s' is open read-only", store->path);
		goto done;
	}
	if (keep == 0) {
		rc = nm_error_set(err, NM_EUSAGE, "prune must keep at least one snapshot");
		goto done;
	}
	if ((rc = exec(store, "BEGIN IMMEDIATE", "write", err)) != NM_OK)
		goto done;
	if ((rc = prepare(store, "SELECT id FROM snapshots ORDER BY id DESC LIMIT 1 OFFSET ?",
			  &stmt, err)) != NM_OK)
		goto done;
	sqlite3_bind_int64(stmt, 1, (sqlite3_int64)(keep - 1));
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW)
		first = sqlite3_column_int64(stmt, 0);
	else if (step != SQLITE_DONE)
		rc = db_error(store, err, "read");
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (rc != NM_OK || first == 0)
		goto done; /* no more snapshots than to keep: nothing to drop */
	for (size_t i = 0; i < sizeof(prune_sql) / sizeof(prune_sql[0]); i++) {
		if ((rc = prepare(store, prune_sql[i], &stmt, err)) != NM_OK)
			goto done;
		sqlite3_bind_int64(stmt, 1, first);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			rc = db_error(store, err, "write");
			goto done;
		}
		if (i + 1 == sizeof(prune_sql) / sizeof(prune_sql[0]))
			n = (size_t)sqlite3_changes(store->db);
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
	if ((rc = exec(store, "COMMIT", "write", err)) != NM_OK)
		goto done;
	if (dropped)
		*dropped = n;
	if (n > 0)
		rc = exec(store, "VACUUM", "reclaim the space of", err);

done:
	sqlite3_finalize(stmt);
	if (store->mode == NM_STORE_WRITE)
		rollback(store);
	if (rc == NM_OK)
		truncate_wal(store);
	return rc;
}

/* ---- reading ----------------------------------------------------------- */

void nm_snapshot_info_release(nm_snapshot_info *info)
{
	if (!info)
		return;
	free(info->dataset);
	info->dataset = NULL;
	nm_settings_release(&info->settings);
}

static char *column_strdup(sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);
	return s ? nm_xstrndup((const char *)s, (size_t)sqlite3_column_bytes(stmt, i)) : NULL;
}

static const char *column_text(sqlite3_stmt *stmt, int i)
{
	return (const char *)sqlite3_column_text(stmt, i);
}

/* A date column: NULL is NM_DATE_NONE. 0, or -1 when it is no date. */
static int column_date(sqlite3_stmt *stmt, int i, nm_date *out)
{
	const char *s = column_text(stmt, i);

	if (!s) {
		*out = NM_DATE_NONE;
		return 0;
	}
	return nm_date_parse(s, out);
}

/*
 * The settings of snapshot id: the ones analysed with into *used, and when
 * ds is not NULL the dataset's own into ds->settings and ds->settings_given.
 * A setting this netmap does not know is skipped; one it misses keeps its
 * default.
 */
static int read_settings(nm_store *store, sqlite3_stmt *stmt, int64_t id, nm_settings *used,
			 nm_dataset *ds, nm_error *err)
{
	int rc = NM_OK, step;

	nm_settings_release(used);
	nm_settings_default(used);
	if (ds) {
		nm_settings_release(&ds->settings);
		nm_settings_default(&ds->settings);
		ds->settings_given = 0;
	}
	sqlite3_bind_int64(stmt, 1, id);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *name = column_text(stmt, 0);
		const nm_setting_def *def = NULL;

		if (name)
			def = nm_setting_find(name);
		if (!def)
			continue;
		if (nm_setting_parse(def, column_text(stmt, 1), used) < 0 ||
		    (ds && nm_setting_parse(def, column_text(stmt, 2), &ds->settings) < 0)) {
			rc = damaged(store, err, id, "a bad value of setting", name);
			goto done;
		}
		if (ds && sqlite3_column_int(stmt, 3))
			ds->settings_given |= def->bit;
	}
	if (step != SQLITE_DONE)
		rc = db_error(store, err, "read");

done:
	sqlite3_reset(stmt);
	return rc;
}

#define INFO_COLUMNS \
	"id, taken_at, today, netmap_version, dataset, file_count, actor_count," \
	" committee_count, membership_count, themes_declared"

/* Fill info from a row of INFO_COLUMNS. */
static int read_info(nm_store *store, sqlite3_stmt *row, nm_snapshot_info *info, nm_error *err)
{
	const char *taken_at = column_text(row, 1), *version = column_text(row, 3);

	memset(info, 0, sizeof(*info));
	info->id = sqlite3_column_int64(row, 0);
	snprintf(info->taken_at, sizeof(info->taken_at), "%s", taken_at ? taken_at : "");
	snprintf(info->version, sizeof(info->version), "%s", version ? version : "");
	if (column_date(row, 2, &info->today) < 0)
		return damaged(store, err, info->id, "a bad today", column_text(row, 2));
	info->dataset = column_strdup(row, 4);
	info->nfiles = (size_t)sqlite3_column_int64(row, 5);
	info->nactors = (size_t)sqlite3_column_int64(row, 6);
	info->ncommittees = (size_t)sqlite3_column_int64(row, 7);
	info->nmemberships = (size_t)sqlite3_column_int64(row, 8);
	return NM_OK;
}

/* Read transactions give one consistent view while a scan commits. */
static int begin_read(nm_store *store, nm_error *err)
{
	return exec(store, "BEGIN", "read", err);
}

static void end_read(nm_store *store)
{
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
}

int nm_store_latest(nm_store *store, int64_t *out_id, nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = prepare(store, "SELECT max(id) FROM snapshots", &stmt, err)) != NM_OK)
		goto done;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		rc = db_error(store, err, "read");
		goto done;
	}
	if (sqlite3_column_type(stmt, 0) == SQLITE_NULL) {
		rc = nm_error_set(err, NM_ENOTFOUND,
				  "store '%s' has no snapshot; run 'netmap scan' first",
				  store->path);
		goto done;
	}
	*out_id = sqlite3_column_int64(stmt, 0);

done:
	sqlite3_finalize(stmt);
	return rc;
}

/* One id from a query binding ?1; NM_ENOTFOUND (message: what) for no row or NULL. */
static int query_id(nm_store *store, const char *sql, sqlite3_int64 arg, const char *text_arg,
		    int64_t *out, const char *what, nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	if ((rc = prepare(store, sql, &stmt, err)) != NM_OK)
		goto done;
	if (text_arg)
		sqlite3_bind_text(stmt, 1, text_arg, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(stmt, 1, arg);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		rc = db_error(store, err, "read");
		goto done;
	}
	if (sqlite3_column_type(stmt, 0) == SQLITE_NULL) {
		rc = nm_error_set(err, NM_ENOTFOUND, "%s in store '%s'", what, store->path);
		goto done;
	}
	*out = sqlite3_column_int64(stmt, 0);

done:
	sqlite3_finalize(stmt);
	return rc;
}

int nm_store_previous(nm_store *store, int64_t id, int64_t *out_id, nm_error *err)
{
	char what[64];

	snprintf(what, sizeof(what), "no snapshot before snapshot %lld", (long long)id);
	return query_id(store, "SELECT max(id) FROM snapshots WHERE id < ?1", id, NULL, out_id,
			what, err);
}

int nm_store_taken_by(nm_store *store, nm_date date, int64_t *out_id, nm_error *err)
{
	char day[11], what[64];

	nm_date_format(date, day);
	snprintf(what, sizeof(what), "no snapshot taken on or before %s", day);
	/* taken_at is YYYY-MM-DDTHH:MM:SSZ: its first ten bytes are the UTC day. */
	return query_id(store, "SELECT max(id) FROM snapshots WHERE substr(taken_at, 1, 10) <= ?1",
			0, day, out_id, what, err);
}

int nm_store_list(nm_store *store, nm_snapshot_info **out, size_t *n, nm_error *err)
{
	sqlite3_stmt *rows = NULL, *settings = NULL;
	nm_snapshot_info *list = NULL;
	size_t len = 0, cap = 0;
	int rc, step;

	*out = NULL;
	*n = 0;
	if ((rc = begin_read(store, err)) != NM_OK)
		goto done;
	if ((rc = prepare(store, "SELECT " INFO_COLUMNS " FROM snapshots ORDER BY id", &rows,
			  err)) != NM_OK ||
	    (rc = prepare(store, "SELECT name, value FROM settings WHERE snapshot = ?", &settings,
			  err)) != NM_OK)
		goto done;
	while ((step = sqlite3_step(rows)) == SQLITE_ROW) {
		NM_GROW(list, cap, len + 1);
		memset(&list[len], 0, sizeof(list[len]));
		rc = read_info(store, rows, &list[len], err);
		len++;
		if (rc == NM_OK)
			rc = read_settings(store, settings, list[len - 1].id,
					   &list[len - 1].settings, NULL, err);
		if (rc != NM_OK)
			goto done;
	}
	if (step != SQLITE_DONE)
		rc = db_error(store, err, "read");

done:
	sqlite3_finalize(rows);
	sqlite3_finalize(settings);
	end_read(store);
	if (rc != NM_OK) {
		for (size_t i = 0; i < len; i++)
			nm_snapshot_info_release(&list[i]);
		free(list);
		return rc;
	}
	*out = list;
	*n = len;
	return NM_OK;
}

int nm_store_findings(nm_store *store, int64_t id, char **out, nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	*out = NULL;
	if ((rc = prepare(store, "SELECT json FROM findings WHERE snapshot = ?", &stmt, err)) !=
	    NM_OK)
		goto done;
	sqlite3_bind_int64(stmt, 1, id);
	switch (sqlite3_step(stmt)) {
	case SQLITE_ROW:
		*out = column_strdup(stmt, 0);
		if (!*out)
			rc = nm_error_set(err, NM_ENOTFOUND,
					  "snapshot %lld in store '%s' has no findings",
					  (long long)id, store->path);
		break;
	case SQLITE_DONE:
		rc = nm_error_set(err, NM_ENOTFOUND, "no snapshot %lld in store '%s'",
				  (long long)id, store->path);
		break;
	default:
		rc = db_error(store, err, "read");
	}

done:
	sqlite3_finalize(stmt);
	return rc;
}

/* Run a per-snapshot query: bind id as ?1. */
static int query(nm_store *store, const char *sql, int64_t id, sqlite3_stmt **stmt, nm_error *err)
{
	int rc = prepare(store, sql, stmt, err);
	if (rc == NM_OK)
		sqlite3_bind_int64(*stmt, 1, id);
	return rc;
}

/* Binary search of the themes (in id order) for the len bytes at id. */
static uint32_t find_theme(const nm_dataset *ds, const char *id, size_t len)
{
	size_t lo = 0, hi = ds->nthemes;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *key = ds->themes[mid].id;
		size_t klen = strlen(key);
		int c = memcmp(key, id, klen < len ? klen : len);

		if (c == 0)
			c = (klen > len) - (klen < len);
		if (c == 0)
			return (uint32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NM_NONE;
}

/* Where parse_themes collects the indices of one list. */
typedef struct theme_list {
	const nm_dataset *ds;
	uint32_t *idx;
	size_t n, cap;
} theme_list;

static int add_theme(void *ctx, const char *id, size_t len)
{
	theme_list *tl = ctx;
	uint32_t t = find_theme(tl->ds, id, len);

	if (t == NM_NONE || (tl->n && t <= tl->idx[tl->n - 1]))
		return -1;
	NM_GROW(tl->idx, tl->cap, tl->n + 1);
	tl->idx[tl->n++] = t;
	return 0;
}

/*
 * Read a theme list written by format_themes into theme indices. Themes
 * are loaded in id order, so indices of a list sorted by id ascend as the
 * model wants. 0, or -1 when the text is not such a list. The JSON reader
 * streams the strings: a list per record, no tree built for it.
 */
static int parse_themes(const char *json, const nm_dataset *ds, nm_buf *scratch, uint32_t **out,
			size_t *n)
{
	theme_list tl = {ds, NULL, 0, 0};

	if (!json || nm_json_strings(json, scratch, add_theme, &tl) < 0) {
		free(tl.idx);
		*out = NULL;
		*n = 0;
		return -1;
	}
	*out = tl.idx;
	*n = tl.n;
	return 0;
}

static int load_files(nm_store *store, int64_t id, nm_dataset *ds, nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t cap = 0;
	int rc, step;

	if ((rc = query(store,
			"SELECT path, sha256 FROM input_files WHERE snapshot = ?"
			" ORDER BY position",
			id, &stmt, err)) != NM_OK)
		goto done;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		nm_input_file *f;
		const char *sha = column_text(stmt, 1);

		NM_GROW(ds->files, cap, ds->nfiles + 1);
		f = &ds->files[ds->nfiles++];
		f->path = column_strdup(stmt, 0);
		snprintf(f->sha256, sizeof(f->sha256), "%s", sha ? sha : "");
		if (!f->path) {
			rc = damaged(store, err, id, "an input file without a path", NULL);
			goto done;
		}
	}
	if (step != SQLITE_DONE)
		rc = db_error(store, err, "read");

done:
	sqlite3_finalize(stmt);
	return rc;
}

static int load_themes(nm_store *store, int64_t id, nm_dataset *ds, nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t cap = 0;
	int rc, step;

	if ((rc = query(store, "SELECT id, label FROM themes WHERE snapshot = ? ORDER BY id", id,
			&stmt, err)) != NM_OK)
		goto done;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		NM_GROW(ds->themes, cap, ds->nthemes + 1);
		ds->themes[ds->nthemes].id = column_strdup(stmt, 0);
		ds->themes[ds->nthemes].label = column_strdup(stmt, 1);
		ds->nthemes++;
	}
	if (step != SQLITE_DONE)
		rc = db_error(store, err, "read");

done:
	sqlite3_finalize(stmt);
	return rc;
}

static int load_actors(nm_store *store, int64_t id, nm_dataset *ds, nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	nm_buf scratch = NM_BUF_INIT;
	size_t cap = 0;
	int rc, step;

	if ((rc = query(store,
			"SELECT id, name, type, district, website, note, themes"
			" FROM actors WHERE snapshot = ? ORDER BY id",
			id, &stmt, err)) != NM_OK)
		goto done;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		nm_actor *a;
		const char *type = column_text(stmt, 2);
		int t = type ? nm_enum_lookup(nm_actor_type_names, NM_TYPE_COUNT, type) : -1;

		NM_GROW(ds->actors, cap, ds->nactors + 1);
		a = &ds->actors[ds->nactors++];
		memset(a, 0, sizeof(*a));
		a->id = column_strdup(stmt, 0);
		a->name = column_strdup(stmt, 1);
		a->type = t < 0 ? NM_TYPE_OTHER : (nm_actor_type)t;
		a->district = column_strdup(stmt, 3);
		a->website = column_strdup(stmt, 4);
		a->note = column_strdup(stmt, 5);
		if (t < 0) {
			rc = damaged(store, err, id, "an actor of unknown type", type);
			goto done;
		}
		if (parse_themes(column_text(stmt, 6), ds, &scratch, &a->themes, &a->nthemes) < 0) {
			rc = damaged(store, err, id, "bad themes in actor", a->id);
			goto done;
		}
	}
	if (step != SQLITE_DONE)
		rc = db_error(store, err, "read");

done:
	nm_buf_release(&scratch);
	sqlite3_finalize(stmt);
	return rc;
}

/* Contact data, kept for the latest snapshot only, by actor id. */
static int load_contacts(nm_store *store, int64_t id, nm_dataset *ds, nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t i = 0;
	int rc, step;

	if ((rc = query(store,
			"SELECT actor, person, email, phone FROM contacts"
			" WHERE snapshot = ? ORDER BY actor",
			id, &stmt, err)) != NM_OK)
		goto done;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *actor = column_text(stmt, 0);
		nm_actor *a;

		while (i < ds->nactors && actor && strcmp(ds->actors[i].id, actor) < 0)
			i++;
		if (i == ds->nactors || !actor || strcmp(ds->actors[i].id, actor) != 0) {
			rc = damaged(store, err, id, "contact data of the unknown actor", actor);
			goto done;
		}
		a = &ds->actors[i];
		a->person = column_strdup(stmt, 1);
		a->email = column_strdup(stmt, 2);
		a->phone = column_strdup(stmt, 3);
	}
	if (step != SQLITE_DONE)
		rc = db_error(store, err, "read");

done:
	sqlite3_finalize(stmt);
	return rc;
}

static int load_committees(nm_store *store, int64_t id, nm_dataset *ds, const nm_strmap *actors,
			   nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char **parents = NULL;
	nm_buf scratch = NM_BUF_INIT;
	size_t cap = 0, pcap = 0;
	int rc, step;

	if ((rc = query(store,
			"SELECT id, name, kind, ad_hoc, status, lead, parent, founded,"
			" ends, last_met, meets, district, note, themes FROM committees"
			" WHERE snapshot = ? ORDER BY id",
			id, &stmt, err)) != NM_OK)
		goto done;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		nm_committee *c;
		const char *kind = column_text(stmt, 2), *status = column_text(stmt, 4);
		const char *lead = column_text(stmt, 5), *meets = column_text(stmt, 10);
		int k = kind ? nm_enum_lookup(nm_kind_names, NM_KIND_COUNT, kind) : -1;
		int s = status ? nm_enum_lookup(nm_status_names, NM_STATUS_COUNT, status) : -1;
		int f = meets ? nm_enum_lookup(nm_freq_names, NM_FREQ_COUNT, meets) : NM_FREQ_NONE;

		NM_GROW(ds->committees, cap, ds->ncommittees + 1);
		NM_GROW(parents, pcap, ds->ncommittees + 1);
		c = &ds->committees[ds->ncommittees];
		parents[ds->ncommittees++] = column_strdup(stmt, 6);
		memset(c, 0, sizeof(*c));
		c->id = column_strdup(stmt, 0);
		c->name = column_strdup(stmt, 1);
		c->district = column_strdup(stmt, 11);
		c->note = column_strdup(stmt, 12);
		c->kind = k < 0 ? NM_KIND_COMMITTEE : (nm_kind)k;
		c->ad_hoc = sqlite3_column_int(stmt, 3) != 0;
		c->status = s < 0 ? NM_STATUS_ACTIVE : (nm_status)s;
		c->meets = f < 0 ? NM_FREQ_NONE : (nm_freq)f;
		c->lead = lead ? nm_strmap_get(actors, lead) : NM_NONE;
		c->parent = NM_NONE;
		if (k < 0 || s < 0 || f < 0) {
			rc = damaged(store, err, id,
				     "an unknown kind, status or frequency in committee", c->id);
			goto done;
		}
		if (lead && c->lead == NM_NONE) {
			rc = damaged(store, err, id, "a committee led by the unknown actor", lead);
			goto done;
		}
		if (column_date(stmt, 7, &c->founded) < 0 || column_date(stmt, 8, &c->ends) < 0 ||
		    column_date(stmt, 9, &c->last_met) < 0) {
			rc = damaged(store, err, id, "a bad date in committee", c->id);
			goto done;
		}
		if (parse_themes(column_text(stmt, 13), ds, &scratch, &c->themes, &c->nthemes) <
		    0) {
			rc = damaged(store, err, id, "bad themes in committee", c->id);
			goto done;
		}
	}
	if (step != SQLITE_DONE) {
		rc = db_error(store, err, "read");
		goto done;
	}
	for (size_t i = 0; i < ds->ncommittees; i++) {
		if (!parents[i]) // NOLINT(clang-analyzer-core.NullDereference): n > 0 here
			continue;
		ds->committees[i].parent = nm_dataset_find_committee(ds, parents[i]);
		if (ds->committees[i].parent == NM_NONE) {
			rc = damaged(store, err, id, "a sub-group of the unknown committee",
				     parents[i]);
			goto done;
		}
	}

done:
	for (size_t i = 0; i < ds->ncommittees && parents; i++)
		free(parents[i]);
	free(parents);
	nm_buf_release(&scratch);
	sqlite3_finalize(stmt);
	return rc;
}

static int load_memberships(nm_store *store, int64_t id, nm_dataset *ds, const nm_strmap *actors,
			    size_t hint, nm_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t cap = 0;
	uint32_t c = 0;
	int rc, step;

	if ((rc = query(store,
			"SELECT committee, actor, role, since FROM memberships"
			" WHERE snapshot = ? ORDER BY committee, actor",
			id, &stmt, err)) != NM_OK)
		goto done;
	if (hint)
		NM_GROW(ds->memberships, cap, hint);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *committee = column_text(stmt, 0), *actor = column_text(stmt, 1);
		const char *role = column_text(stmt, 2);
		int r = role ? nm_enum_lookup(nm_role_names, NM_ROLE_COUNT, role) : -1;
		nm_membership *m;

		if (!committee || !actor) {
			rc = damaged(store, err, id, "a membership without committee or actor",
				     NULL);
			goto done;
		}
		while (c < ds->ncommittees && strcmp(ds->committees[c].id, committee) < 0)
			c++;
		if (c == ds->ncommittees || strcmp(ds->committees[c].id, committee) != 0) {
			rc = damaged(store, err, id, "a membership in the unknown committee",
				     committee);
			goto done;
		}
		NM_GROW(ds->memberships, cap, ds->nmemberships + 1);
		m = &ds->memberships[ds->nmemberships++];
		m->committee = c;
		m->actor = nm_strmap_get(actors, actor);
		m->role = r < 0 ? NM_ROLE_MEMBER : (nm_role)r;
		if (m->actor == NM_NONE) {
			rc = damaged(store, err, id, "a membership of the unknown actor", actor);
			goto done;
		}
		if (r < 0) {
			rc = damaged(store, err, id, "a membership with the unknown role", role);
			goto done;
		}
		if (column_date(stmt, 3, &m->since) < 0) {
			rc = damaged(store, err, id, "a membership with a bad since",
				     column_text(stmt, 3));
			goto done;
		}
	}
	if (step != SQLITE_DONE)
		rc = db_error(store, err, "read");

done:
	sqlite3_finalize(stmt);
	return rc;
}

int nm_store_load(nm_store *store, int64_t id, nm_dataset **out, nm_snapshot_info *info,
		  nm_error *err)
{
	sqlite3_stmt *head = NULL, *settings = NULL;
	nm_dataset *ds = nm_dataset_new();
	nm_snapshot_info tmp = {0};
	nm_strmap actors;
	int rc, step;

	*out = NULL;
	nm_strmap_init(&actors);
	if ((rc = begin_read(store, err)) != NM_OK)
		goto done;
	if ((rc = query(store, "SELECT " INFO_COLUMNS " FROM snapshots WHERE id = ?", id, &head,
			err)) != NM_OK ||
	    (rc = prepare(
		     store,
		     "SELECT name, value, dataset_value, given FROM settings WHERE snapshot = ?",
		     &settings, err)) != NM_OK)
		goto done;
	step = sqlite3_step(head);
	if (step == SQLITE_DONE) {
		rc = nm_error_set(err, NM_ENOTFOUND, "no snapshot %lld in store '%s'",
				  (long long)id, store->path);
		goto done;
	}
	if (step != SQLITE_ROW) {
		rc = db_error(store, err, "read");
		goto done;
	}
	if ((rc = read_info(store, head, &tmp, err)) != NM_OK)
		goto done;
	ds->themes_declared = sqlite3_column_int(head, 9) != 0;
	ds->name = tmp.dataset ? nm_xstrdup(tmp.dataset) : NULL;
	if ((rc = read_settings(store, settings, id, &tmp.settings, ds, err)) != NM_OK ||
	    (rc = load_files(store, id, ds, err)) != NM_OK ||
	    (rc = load_themes(store, id, ds, err)) != NM_OK ||
	    (rc = load_actors(store, id, ds, err)) != NM_OK ||
	    (rc = load_contacts(store, id, ds, err)) != NM_OK)
		goto done;
	/* A binary search per membership would be most of a large load. */
	for (size_t i = 0; i < ds->nactors; i++)
		nm_strmap_put(&actors, ds->actors[i].id, (uint32_t)i);
	if ((rc = load_committees(store, id, ds, &actors, err)) != NM_OK ||
	    (rc = load_memberships(store, id, ds, &actors, tmp.nmemberships, err)) != NM_OK)
		goto done;

done:
	nm_strmap_release(&actors);
	sqlite3_finalize(head);
	sqlite3_finalize(settings);
	end_read(store);
	if (rc != NM_OK) {
		nm_snapshot_info_release(&tmp);
		nm_dataset_free(ds);
		return rc;
	}
	if (info)
		*info = tmp;
	else
		nm_snapshot_info_release(&tmp);
	*out = ds;
	return NM_OK;
}

int nm_store_load_pair(nm_store *store, int64_t from, int64_t to, nm_store_pair *out, nm_error *err)
{
	int64_t id[2] = {from, to};
	int rc = NM_OK;

	memset(out, 0, sizeof(*out));
	for (int i = 0; i < 2 && rc == NM_OK; i++)
		rc = nm_store_load(store, id[i], &out->ds[i], NULL, err);
	/* A snapshot without findings is compared on its records only. */
	for (int i = 0; i < 2 && rc == NM_OK; i++)
		if ((rc = nm_store_findings(store, id[i], &out->findings[i], err)) == NM_ENOTFOUND)
			rc = NM_OK;
	if (rc == NM_OK)
		nm_error_clear(err);
	return rc;
}

void nm_store_pair_release(nm_store_pair *pair)
{
	for (int i = 0; i < 2; i++) {
		nm_dataset_free(pair->ds[i]);
		free(pair->findings[i]);
		pair->ds[i] = NULL;
		pair->findings[i] = NULL;
	}
}

const char *nm_store_sqlite_version(void)
{
	return sqlite3_libversion();
}
