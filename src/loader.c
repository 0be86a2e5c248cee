/*
 * loader.c: paths into files, files into bytes, bytes into node trees.
 *
 * Each file is read whole and checked for its encoding before libyaml sees
 * it, so that a stray byte is reported with its own line and column rather
 * than as a parser failure. Trees are built from libyaml's event API into an
 * arena that lives until the next file is read: a dataset of a hundred
 * megabytes never holds more than one file's tree. Children of open
 * collections wait on one shared stack and are copied into the arena when
 * their collection ends. An alias does not copy its anchor: it is the same
 * node, and each node's weight says how many nodes it stands for, so the
 * expansion budget is checked in constant time per alias.
 */
#include "netmap/loader.h"
#include "netmap/arena.h"
#include "netmap/book.h"
#include "netmap/buf.h"
#include "netmap/strmap.h"
#include "netmap/tables.h"

#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <openssl/evp.h>
#include <yaml.h>

typedef struct file_id {
	dev_t dev;
	ino_t ino;
} file_id;

typedef struct frame {
	nm_node *node;
	size_t start; /* first child on the pending stack */
	char *anchor; /* anchor to register when the collection ends */
} frame;

typedef struct queued {
	char *path;
	uint8_t kind;   /* nm_source_kind */
	bool from_walk; /* found in a directory walk, not given */
} queued;

/* A workbook with a matrix table, kept until every other table is read. */
typedef struct kept_book {
	nm_book book;
	uint32_t file;
	bool csv, from_walk;
} kept_book;

/*
 * One file being read: its bytes, the arena of its trees, its documents
 * and, for a workbook with a matrix table, the book kept for later. The
 * loader reads through one of its own; a file read apart (on another
 * thread) has one of its own too, with its own list of problems.
 */
struct nm_loaded {
	nm_diags *diags; /* where problems go: the loader's, or own */
	nm_diags own;    /* read apart: entry 0 the file, then its sheets */
	nm_arena arena;
	nm_doc *docs;
	size_t ndocs, docs_cap;
	char *data;     /* the file's bytes */
	kept_book kept; /* valid when has_kept */
	bool has_kept;
	int rc; /* NM_OK, or NM_EIO with err */
	nm_error err;
	char sha256[65];
};

struct nm_loader {
	nm_diags *diags;
	queued *paths; /* queued files, in reading order */
	size_t npaths, paths_cap;
	kept_book *kept; /* books with a matrix, in reading order */
	size_t nkept, kept_cap;
	file_id *seen; /* files queued, to read each once */
	size_t nseen, seen_cap;
	nm_loaded cur; /* the file read last */
};

/* ---- life cycle and paths --------------------------------------------- */

nm_loader *nm_loader_new(nm_diags *diags)
{
	nm_loader *ld = nm_xcalloc(1, sizeof(*ld));
	ld->diags = diags;
	ld->cur.diags = diags;
	return ld;
}

static void loaded_release(nm_loaded *x)
{
	nm_diags_release(&x->own);
	nm_arena_release(&x->arena);
	free(x->docs);
	free(x->data);
	if (x->has_kept)
		nm_book_release(&x->kept.book);
	memset(x, 0, sizeof(*x));
}

nm_loaded *nm_loaded_new(void)
{
	nm_loaded *x = nm_xcalloc(1, sizeof(*x));
	nm_diags_init(&x->own);
	x->diags = &x->own;
	return x;
}

void nm_loaded_free(nm_loaded *x)
{
	if (!x)
		return;
	loaded_release(x);
	free(x);
}

void nm_loader_free(nm_loader *ld)
{
	if (!ld)
		return;
	for (size_t i = 0; i < ld->npaths; i++)
		free(ld->paths[i].path);
	free(ld->paths);
	for (size_t i = 0; i < ld->nkept; i++)
		nm_book_release(&ld->kept[i].book);
	free(ld->kept);
	free(ld->seen);
	loaded_release(&ld->cur);
	free(ld);
}

size_t nm_loader_file_count(const nm_loader *ld)
{
	return ld->npaths;
}

const char *nm_loader_file_path(const nm_loader *ld, size_t i)
{
	return ld->paths[i].path;
}

nm_source_kind nm_loader_file_kind(const nm_loader *ld, size_t i)
{
	return (nm_source_kind)ld->paths[i].kind;
}

static bool seen_before(file_id *set, size_t n, const struct stat *st)
{
	for (size_t i = 0; i < n; i++)
		if (set[i].dev == st->st_dev && set[i].ino == st->st_ino)
			return true;
	return false;
}

static bool has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n > k && strcasecmp(name + n - k, suffix) == 0;
}

nm_source_kind nm_source_kind_of(const char *path)
{
	if (has_suffix(path, ".xlsx"))
		return NM_SOURCE_XLSX;
	if (has_suffix(path, ".ods"))
		return NM_SOURCE_ODS;
	if (has_suffix(path, ".csv"))
		return NM_SOURCE_CSV;
	return NM_SOURCE_YAML;
}

static bool is_data_file(const char *name)
{
	return has_suffix(name, ".yaml") || has_suffix(name, ".yml") || has_suffix(name, ".xlsx") ||
	       has_suffix(name, ".ods") || has_suffix(name, ".csv");
}

/*
 * Why a file that looks like data is not read, or NULL. A walk names such
 * files in a warning, so that nothing is skipped silently.
 */
static const char *unread_reason(const char *name)
{
	if (has_suffix(name, ".xls"))
		return "an old Excel file (.xls) is not read; open it in your spreadsheet "
		       "program and save it as Excel workbook (.xlsx)";
	if (has_suffix(name, ".yaml.txt") || has_suffix(name, ".yml.txt"))
		return "a YAML file saved as text (.txt) is not read; rename it to end "
		       "in .yaml";
	if (has_suffix(name, ".numbers"))
		return "a Numbers file is not read; export it from Numbers as Excel (.xlsx) "
		       "or CSV";
	if (has_suffix(name, ".json"))
		return "a JSON file is not read; netmap reads YAML (.yaml, .yml), .xlsx, "
		       ".ods and .csv files";
	if (has_suffix(name, ".xlsm") || has_suffix(name, ".xlsb"))
		return "this Excel format is not read; save the workbook as Excel workbook "
		       "(.xlsx)";
	if (has_suffix(name, ".fods") || has_suffix(name, ".ots") || has_suffix(name, ".xltx"))
		return "this spreadsheet format is not read; save it as .ods or .xlsx";
	return NULL;
}

/* A spreadsheet program's lock file: Excel's ~$book.xlsx, LibreOffice's .~lock.x# */
static bool is_lock_file(const char *name)
{
	size_t n = strlen(name);
	return (name[0] == '~' && name[1] == '$') ||
	       (strncmp(name, ".~lock.", 7) == 0 && n > 7 && name[n - 1] == '#');
}

typedef struct walk {
	char **files;
	size_t n, cap;
	char **skipped; /* files that look like data but are not read */
	size_t nskipped, skipped_cap;
	file_id *dirs; /* directories entered, so links never loop */
	size_t ndirs, dirs_cap;
} walk;

static int walk_dir(walk *w, const char *dir, nm_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = NM_OK;

	if (!d)
		return nm_error_set(err, NM_EIO, "cannot read directory '%s': %s", dir,
				    strerror(errno));
	while ((e = readdir(d)) != NULL) {
		nm_buf path = NM_BUF_INIT;
		struct stat st;

		if (e->d_name[0] == '.' || is_lock_file(e->d_name))
			continue; /* dot-files, dot-folders, . and .., lock files */
		nm_buf_printf(&path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			      e->d_name);
		if (stat(path.ptr, &st) != 0) {
			nm_buf_release(&path);
			continue; /* a dangling link is not data */
		}
		if (S_ISDIR(st.st_mode)) {
			if (!seen_before(w->dirs, w->ndirs, &st)) {
				NM_GROW(w->dirs, w->dirs_cap, w->ndirs + 1);
				w->dirs[w->ndirs++] = (file_id){st.st_dev, st.st_ino};
				rc = walk_dir(w, path.ptr, err);
			}
			nm_buf_release(&path);
			if (rc)
				break;
		} else if (S_ISREG(st.st_mode) && is_data_file(e->d_name)) {
			NM_GROW(w->files, w->cap, w->n + 1);
			w->files[w->n++] = nm_buf_detach(&path);
		} else if (S_ISREG(st.st_mode) && unread_reason(e->d_name)) {
			NM_GROW(w->skipped, w->skipped_cap, w->nskipped + 1);
			w->skipped[w->nskipped++] = nm_buf_detach(&path);
		} else {
			nm_buf_release(&path);
		}
	}
	closedir(d);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void queue_file(nm_loader *ld, const char *path, const struct stat *st, bool from_walk)
{
	queued *q;

	if (seen_before(ld->seen, ld->nseen, st))
		return;
	NM_GROW(ld->seen, ld->seen_cap, ld->nseen + 1);
	ld->seen[ld->nseen++] = (file_id){st->st_dev, st->st_ino};
	NM_GROW(ld->paths, ld->paths_cap, ld->npaths + 1);
	q = &ld->paths[ld->npaths++];
	q->path = nm_xstrdup(path);
	q->kind = (uint8_t)nm_source_kind_of(path);
	q->from_walk = from_walk;
}

int nm_loader_add_path(nm_loader *ld, const char *path, nm_error *err)
{
	struct stat st;
	walk w = {0};
	int rc = NM_OK;

	if (stat(path, &st) != 0)
		return nm_error_set(err, NM_EIO, "cannot read '%s': %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode)) {
		queue_file(ld, path, &st, false);
		return NM_OK;
	}
	NM_GROW(w.dirs, w.dirs_cap, 1);
	w.dirs[w.ndirs++] = (file_id){st.st_dev, st.st_ino};
	rc = walk_dir(&w, path, err);
	/* Files not read are named, in byte order, whatever else happens. */
	if (w.nskipped > 1)
		qsort(w.skipped, w.nskipped, sizeof(*w.skipped), cmp_str);
	for (size_t i = 0; i < w.nskipped; i++) {
		const char *base = strrchr(w.skipped[i], '/');
		nm_diags_add(ld->diags, NM_SEV_WARNING, "not-read",
			     nm_diags_file(ld->diags, w.skipped[i]), 0, 0, "%s",
			     unread_reason(base ? base + 1 : w.skipped[i]));
	}
	if (rc == NM_OK && w.n == 0)
		rc = nm_error_set(err, NM_EIO,
				  "no data files (*.yaml, *.yml, *.xlsx, *.ods, *.csv) in '%s'",
				  path);
	if (rc == NM_OK) {
		qsort(w.files, w.n, sizeof(*w.files), cmp_str);
		for (size_t i = 0; i < w.n; i++) {
			if (stat(w.files[i], &st) == 0)
				queue_file(ld, w.files[i], &st, true);
		}
	}
	for (size_t i = 0; i < w.n; i++)
		free(w.files[i]);
	free(w.files);
	for (size_t i = 0; i < w.nskipped; i++)
		free(w.skipped[i]);
	free(w.skipped);
	free(w.dirs);
	return rc;
}

/* ---- encoding ---------------------------------------------------------- */

/*
 * The offset of the first NUL byte or invalid UTF-8 sequence in p, or len.
 * Runs of ASCII are skipped eight bytes at a time: this pass reads every
 * byte of the data, so it must cost next to nothing.
 */
static size_t first_bad_byte(const unsigned char *p, size_t len)
{
	const uint64_t high = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
	size_t i = 0;

	while (i < len) {
		unsigned char c;
		size_t need;
		uint32_t cp;

		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			/* Stop at any byte >= 0x80 or any zero byte. */
			if ((w & high) || ((w - ones) & ~w & high))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		c = p[i];
		if (c < 0x80) {
			if (c == 0)
				return i;
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return i;
		}
		if (len - i <= need)
			return i;
		for (size_t k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return i;
		i += need + 1;
	}
	return len;
}

/*
 * Check that data is UTF-8 without NUL bytes. On a problem, add it with
 * its line and column (in characters) and return false.
 */
/*
 * Whether bytes that are not UTF-8 read as Windows-1252 text, the usual
 * encoding of files saved by older Windows editors: iconv converts the
 * whole file without a byte that Windows-1252 leaves undefined. shown
 * receives the character that byte stands for.
 */
static bool looks_windows_1252(const unsigned char *p, size_t len, unsigned char byte,
			       char shown[8])
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	char buf[4096];
	bool ok = true;

	if (cd == (iconv_t)-1) // NOLINT(performance-no-int-to-ptr): iconv_open's failure value
		return false;
	while (len > 0 && ok) {
		char *in = (char *)p, *out = buf; /* iconv's input is not const */
		size_t inleft = len, outleft = sizeof(buf);
		if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1 && errno != E2BIG)
			ok = false;
		p = (const unsigned char *)in;
		len = inleft;
	}
	if (ok) {
		char in1 = (char)byte, *in = &in1, *out = shown;
		size_t inleft = 1, outleft = 7;
		(void)iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1)
			ok = false;
		*out = '\0';
	}
	iconv_close(cd);
	return ok;
}

static bool check_encoding(nm_loaded *ld, uint32_t file, const unsigned char *p, size_t len)
{
	uint32_t line = 1, col = 1;
	size_t bad;

	if ((len >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE))) ||
	    (len >= 2 && ((p[0] == 0 && p[1] != 0) || (p[0] != 0 && p[1] == 0)))) {
		nm_diags_add(ld->diags, NM_SEV_ERROR, "encoding", file, 1, 1,
			     "UTF-16 is not supported; save the file as UTF-8");
		return false;
	}
	bad = first_bad_byte(p, len);
	if (bad == len)
		return true;
	/* Only now count lines and characters up to the problem. */
	for (size_t i = 0; i < bad; i++) {
		if (p[i] == '\n') {
			line++;
			col = 1;
		} else if ((p[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	if (p[bad] == 0) {
		nm_diags_add(ld->diags, NM_SEV_ERROR, "encoding", file, line, col,
			     "NUL byte in file");
	} else {
		char shown[8];
		bool before = false; /* valid UTF-8 beyond ASCII before it: not Windows-1252 */
		for (size_t i = 0; i < bad && !before; i++)
			before = p[i] >= 0x80;
		/* Windows-1252 letters (ä ö ü ß é ...) are bytes from 0xC0 that stand
		 * alone; a lead byte followed by continuation bytes is broken UTF-8. */
		bool lone = p[bad] >= 0xC0 && (bad + 1 >= len || (p[bad + 1] & 0xC0) != 0x80);
		if (!before && lone && looks_windows_1252(p, len, p[bad], shown))
			nm_diags_add(ld->diags, NM_SEV_ERROR, "encoding", file, line, col,
				     "invalid UTF-8 byte 0x%02x: the file seems to be saved as "
				     "Windows-1252 (Western European; this byte would be '%s'); "
				     "save it as UTF-8 (in your editor: Save As, encoding UTF-8)",
				     p[bad], shown);
		else
			nm_diags_add(ld->diags, NM_SEV_ERROR, "encoding", file, line, col,
				     "invalid UTF-8 byte 0x%02x", p[bad]);
	}
	return false;
}

/* ---- parsing ----------------------------------------------------------- */

typedef struct parse {
	nm_loaded *ld;
	uint32_t file;
	yaml_parser_t parser;
	frame *stack;
	size_t depth, stack_cap;
	nm_node **pending; /* children of open collections */
	size_t npending, pending_cap;
	nm_strmap anchors; /* anchor name -> index into anchored */
	nm_node **anchored;
	size_t nanchored, anchored_cap;
	uint64_t budget; /* nodes expanded through aliases so far */
	nm_node *root;
	bool failed;
	const char *data; /* the bytes parsed, for hints about syntax errors */
	size_t len;
} parse;

static void fail(parse *ps, const yaml_mark_t *mark, const char *rule, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static void fail(parse *ps, const yaml_mark_t *mark, const char *rule, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	nm_diags_vadd(ps->ld->diags, NM_SEV_ERROR, rule, ps->file, (uint32_t)mark->line + 1,
		      (uint32_t)mark->column + 1, fmt, ap);
	va_end(ap);
	ps->failed = true;
}

static nm_node *new_node(parse *ps, nm_node_kind kind, const yaml_mark_t *mark,
			 const yaml_char_t *tag)
{
	nm_node *n = nm_arena_alloc(&ps->ld->arena, sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->kind = (uint8_t)kind;
	n->file = ps->file;
	n->line = (uint32_t)mark->line + 1;
	n->col = (uint32_t)mark->column + 1;
	n->weight = 1;
	if (tag)
		n->tag = nm_arena_strndup(&ps->ld->arena, (const char *)tag,
					  strlen((const char *)tag));
	return n;
}

static void register_anchor(parse *ps, const yaml_char_t *anchor, nm_node *node)
{
	const char *name;

	if (!anchor)
		return;
	name = nm_arena_strndup(&ps->ld->arena, (const char *)anchor, strlen((const char *)anchor));
	NM_GROW(ps->anchored, ps->anchored_cap, ps->nanchored + 1);
	ps->anchored[ps->nanchored] = node;
	/* A redefined anchor replaces the old one from here on (YAML 1.2). */
	{
		uint32_t idx = nm_strmap_put(&ps->anchors, name, (uint32_t)ps->nanchored);
		if (idx != ps->nanchored) {
			/* keep the newest: rewrite the slot the name maps to */
			ps->anchored[idx] = node;
			return;
		}
	}
	ps->nanchored++;
}

/* Attach a finished node to the open collection, or make it the root. */
static void attach(parse *ps, nm_node *node)
{
	if (ps->depth == 0) {
		ps->root = node;
		return;
	}
	NM_GROW(ps->pending, ps->pending_cap, ps->npending + 1);
	ps->pending[ps->npending++] = node;
	{
		nm_node *parent = ps->stack[ps->depth - 1].node;
		uint64_t w = (uint64_t)parent->weight + node->weight;
		parent->weight = w > UINT32_MAX ? UINT32_MAX : (uint32_t)w;
	}
}

static int cmp_key(const void *a, const void *b)
{
	const nm_node *x = *(nm_node *const *)a, *y = *(nm_node *const *)b;
	int c = strcmp(x->u.value, y->u.value);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

static void report_duplicate(parse *ps, const nm_node *first, const nm_node *again)
{
	nm_diags_add(ps->ld->diags, NM_SEV_ERROR, "duplicate-key", ps->file, again->line,
		     again->col, "duplicate key '%s', first at line %u, column %u", again->u.value,
		     first->line, first->col);
}

/* Keys must be scalars and distinct within one mapping. */
static void check_keys(parse *ps, nm_node *map)
{
	size_t pairs = map->n / 2, nscalar = 0;
	nm_node **keys;

	for (size_t i = 0; i < pairs; i++) {
		nm_node *k = map->u.items[2 * i];
		if (k->kind != NM_NODE_SCALAR)
			nm_diags_add(ps->ld->diags, NM_SEV_ERROR, "node-type", ps->file, k->line,
				     k->col,
				     "complex keys (a mapping or list as a key) are not supported");
	}
	if (pairs < 2)
		return;
	if (pairs <= 16) {
		for (size_t i = 1; i < pairs; i++) {
			nm_node *k = map->u.items[2 * i];
			if (k->kind != NM_NODE_SCALAR)
				continue;
			for (size_t j = 0; j < i; j++) {
				nm_node *f = map->u.items[2 * j];
				if (f->kind == NM_NODE_SCALAR && f->n == k->n &&
				    memcmp(f->u.value, k->u.value, k->n) == 0) {
					report_duplicate(ps, f, k);
					break;
				}
			}
		}
		return;
	}
	keys = nm_xreallocarray(NULL, pairs, sizeof(*keys));
	for (size_t i = 0; i < pairs; i++)
		if (map->u.items[2 * i]->kind == NM_NODE_SCALAR)
			keys[nscalar++] = map->u.items[2 * i];
	qsort(keys, nscalar, sizeof(*keys), cmp_key);
	for (size_t i = 1, first = 0; i < nscalar; i++) {
		if (strcmp(keys[i]->u.value, keys[first]->u.value) == 0)
			report_duplicate(ps, keys[first], keys[i]);
		else
			first = i;
	}
	free(keys);
}

static void open_collection(parse *ps, nm_node_kind kind, const yaml_event_t *ev)
{
	const yaml_char_t *tag, *anchor;
	nm_node *node;

	if (ps->depth >= NM_MAX_DEPTH) {
		fail(ps, &ev->start_mark, "nesting", "nesting deeper than %d levels", NM_MAX_DEPTH);
		return;
	}
	if (kind == NM_NODE_SEQ) {
		tag = ev->data.sequence_start.implicit ? NULL : ev->data.sequence_start.tag;
		anchor = ev->data.sequence_start.anchor;
	} else {
		tag = ev->data.mapping_start.implicit ? NULL : ev->data.mapping_start.tag;
		anchor = ev->data.mapping_start.anchor;
	}
	node = new_node(ps, kind, &ev->start_mark, tag);
	NM_GROW(ps->stack, ps->stack_cap, ps->depth + 1);
	ps->stack[ps->depth].node = node;
	ps->stack[ps->depth].start = ps->npending;
	ps->stack[ps->depth].anchor = anchor ? nm_arena_strndup(&ps->ld->arena,
								(const char *)anchor,
								strlen((const char *)anchor))
					     : NULL;
	ps->depth++;
}

static void close_collection(parse *ps)
{
	frame *f = &ps->stack[--ps->depth];
	nm_node *node = f->node;
	size_t n = ps->npending - f->start;

	node->n = (uint32_t)n;
	node->u.items = nm_arena_alloc(&ps->ld->arena, (n ? n : 1) * sizeof(nm_node *));
	if (n)
		memcpy(node->u.items, ps->pending + f->start, n * sizeof(nm_node *));
	ps->npending = f->start;
	if (node->kind == NM_NODE_MAP)
		check_keys(ps, node);
	register_anchor(ps, (const yaml_char_t *)f->anchor, node);
	attach(ps, node);
}

static void on_scalar(parse *ps, const yaml_event_t *ev)
{
	const yaml_char_t *tag = NULL;
	nm_node *node;

	/* An explicit tag is one the author wrote: neither implicit flag set. */
	if (!ev->data.scalar.plain_implicit && !ev->data.scalar.quoted_implicit)
		tag = ev->data.scalar.tag;
	node = new_node(ps, NM_NODE_SCALAR, &ev->start_mark, tag);
	node->u.value = nm_arena_strndup(&ps->ld->arena, (const char *)ev->data.scalar.value,
					 ev->data.scalar.length);
	node->n = (uint32_t)(ev->data.scalar.length > UINT32_MAX ? UINT32_MAX
								 : ev->data.scalar.length);
	node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	/* Long scalars weigh more, so aliases cannot multiply megabytes. */
	node->weight = ev->data.scalar.length / NM_ALIAS_BYTES_PER_NODE >= UINT32_MAX
			       ? UINT32_MAX
			       : 1 + (uint32_t)(ev->data.scalar.length / NM_ALIAS_BYTES_PER_NODE);
	if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length))
		nm_diags_add(ps->ld->diags, NM_SEV_ERROR, "encoding", ps->file, node->line,
			     node->col, "NUL character in a value (written as an escape)");
	register_anchor(ps, ev->data.scalar.anchor, node);
	attach(ps, node);
}

static void on_alias(parse *ps, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	uint32_t idx = nm_strmap_get(&ps->anchors, name);
	nm_node *target;

	if (idx == UINT32_MAX) {
		fail(ps, &ev->start_mark, "alias", "alias '*%s' refers to no anchor", name);
		return;
	}
	target = ps->anchored[idx];
	ps->budget += target->weight;
	if (target->weight > NM_ALIAS_BUDGET || ps->budget > NM_ALIAS_BUDGET) {
		fail(ps, &ev->start_mark, "alias-budget", "aliases expand to more than %u nodes",
		     NM_ALIAS_BUDGET);
		return;
	}
	attach(ps, target);
}

/*
 * What a new user needs to hear after libyaml's words: a tab where YAML
 * wants spaces, or a value with ': ' in it that needs quotes.
 */
static const char *syntax_hint(const parse *ps, const yaml_mark_t *mark, const char *problem,
			       nm_buf *h)
{
	size_t at = mark->index, start, end, colon;

	if (at > ps->len)
		return "";
	if (at < ps->len && ps->data[at] == '\t')
		return "; this is a tab: YAML indents with spaces, so replace the tab by spaces";
	if (strcmp(problem, "mapping values are not allowed in this context") != 0)
		return "";
	/* The line in error: `key: a: b` becomes `key: "a: b"`. */
	start = at;
	while (start > 0 && ps->data[start - 1] != '\n')
		start--;
	end = at;
	while (end < ps->len && ps->data[end] != '\n' && ps->data[end] != '\r')
		end++;
	for (colon = start; colon + 1 < end; colon++)
		if (ps->data[colon] == ':' && ps->data[colon + 1] == ' ')
			break;
	if (colon + 1 >= end || colon >= at)
		return "; a value that holds ': ' must be put in quotes";
	{
		size_t k = start, v = colon + 2;
		while (k < colon && (ps->data[k] == ' ' || ps->data[k] == '-'))
			k++;
		while (v < end && ps->data[v] == ' ')
			v++;
		if (end - k > 200)
			return "; a value that holds ': ' must be put in quotes";
		nm_buf_puts(h, "; a value that holds ': ' must be put in quotes: ");
		nm_buf_put(h, ps->data + k, colon - k);
		nm_buf_puts(h, ": \"");
		for (size_t i = v; i < end; i++) {
			if (ps->data[i] == '"' || ps->data[i] == '\\')
				nm_buf_putc(h, '\\');
			nm_buf_putc(h, ps->data[i]);
		}
		nm_buf_putc(h, '"');
	}
	return h->ptr;
}

static void parser_failed(parse *ps)
{
	yaml_parser_t *p = &ps->parser;
	yaml_mark_t mark = p->problem_mark;
	const char *problem = p->problem ? p->problem : "cannot parse";
	nm_buf h = NM_BUF_INIT;
	const char *hint;

	if (p->error == YAML_MEMORY_ERROR) {
		nm_xmalloc(SIZE_MAX); /* out of memory is fatal */
	}
	if (p->error == YAML_READER_ERROR) {
		mark.line = 0;
		mark.column = 0;
	}
	hint = syntax_hint(ps, &mark, problem, &h);
	if (p->context)
		fail(ps, &mark, "yaml-syntax", "YAML syntax error: %s %s%s", problem, p->context,
		     hint);
	else
		fail(ps, &mark, "yaml-syntax", "YAML syntax error: %s%s", problem, hint);
	nm_buf_release(&h);
}

static void reset_document(parse *ps)
{
	ps->depth = 0;
	ps->npending = 0;
	ps->root = NULL;
	ps->nanchored = 0;
	nm_strmap_release(&ps->anchors);
}

static void run_parser(parse *ps, const char *data, size_t len)
{
	nm_loaded *ld = ps->ld;
	bool done = false, in_doc = false;

	yaml_parser_initialize(&ps->parser);
	yaml_parser_set_encoding(&ps->parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&ps->parser, (const unsigned char *)data, len);
	while (!done && !ps->failed) {
		yaml_event_t ev;

		if (!yaml_parser_parse(&ps->parser, &ev)) {
			parser_failed(ps);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			reset_document(ps);
			in_doc = true;
			break;
		case YAML_DOCUMENT_END_EVENT:
			if (in_doc) {
				NM_GROW(ld->docs, ld->docs_cap, ld->ndocs + 1);
				ld->docs[ld->ndocs].root = ps->root && !(ps->root->kind ==
										 NM_NODE_SCALAR &&
									 nm_node_is_null(ps->root))
								   ? ps->root
								   : NULL;
				ld->docs[ld->ndocs].file = ps->file;
				ld->docs[ld->ndocs].base = 0;
				ld->ndocs++;
			}
			in_doc = false;
			break;
		case YAML_SEQUENCE_START_EVENT:
			open_collection(ps, NM_NODE_SEQ, &ev);
			break;
		case YAML_MAPPING_START_EVENT:
			open_collection(ps, NM_NODE_MAP, &ev);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			close_collection(ps);
			break;
		case YAML_SCALAR_EVENT:
			on_scalar(ps, &ev);
			break;
		case YAML_ALIAS_EVENT:
			on_alias(ps, &ev);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&ps->parser);
}

static int parse_data(nm_loaded *ld, uint32_t file, const char *data, size_t len)
{
	parse ps;

	memset(&ps, 0, sizeof(ps));
	ps.ld = ld;
	ps.file = file;
	ld->ndocs = 0;
	nm_arena_reset(&ld->arena);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	ps.data = data;
	ps.len = len;
	if (check_encoding(ld, file, (const unsigned char *)data, len))
		run_parser(&ps, data, len);
	if (ps.failed)
		ld->ndocs = 0; /* a broken file yields nothing to validate */
	nm_strmap_release(&ps.anchors);
	free(ps.stack);
	free(ps.pending);
	free(ps.anchored);
	return NM_OK;
}

static void read_sheets(nm_loaded *ld, const queued *q, uint32_t file, const char *data,
			size_t len);

/* A book kept by the file read last goes to the loader's list. */
static void keep_book(nm_loader *ld, nm_loaded *x, uint32_t base)
{
	if (!x->has_kept)
		return;
	x->kept.file += base;
	NM_GROW(ld->kept, ld->kept_cap, ld->nkept + 1);
	ld->kept[ld->nkept++] = x->kept;
	x->has_kept = false;
}

/* The bytes of one source into documents: YAML by libyaml, the rest by its reader. */
static void parse_source(nm_loaded *x, const queued *q, uint32_t file, const char *data, size_t len)
{
	if (q->kind == NM_SOURCE_YAML) {
		parse_data(x, file, data, len);
		return;
	}
	if (q->kind == NM_SOURCE_CSV)
		nm_diags_mark_cells(x->diags, file); /* one problem at one cell said once */
	read_sheets(x, q, file, data, len);
}

int nm_loader_parse_buffer(nm_loader *ld, const char *name, const char *data, size_t len,
			   nm_doc **docs, size_t *ndocs)
{
	uint32_t file = nm_diags_file(ld->diags, name);
	queued q;

	q.path = nm_xstrdup(name);
	q.kind = (uint8_t)nm_source_kind_of(name);
	q.from_walk = false;
	ld->cur.ndocs = 0;
	nm_arena_reset(&ld->cur.arena);
	parse_source(&ld->cur, &q, file, data, len);
	keep_book(ld, &ld->cur, 0);
	free(q.path);
	*docs = ld->cur.docs;
	*ndocs = ld->cur.ndocs;
	return NM_OK;
}

static void hex_sha256(const char *data, size_t len, char *out)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	static const char hex[] = "0123456789abcdef";

	EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL);
	for (unsigned i = 0; i < mdlen && i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
}

/* ---- spreadsheets ------------------------------------------------------ */

static const char *base_name(const char *path, nm_arena *arena)
{
	const char *b = strrchr(path, '/'), *dot;

	b = b ? b + 1 : path;
	dot = strrchr(b, '.');
	return nm_arena_strndup(arena, b, dot && dot != b ? (size_t)(dot - b) : strlen(b));
}

/* Read a workbook or CSV file's bytes into documents of its tables (6.1). */
static void read_sheets(nm_loaded *ld, const queued *q, uint32_t file, const char *data, size_t len)
{
	nm_tables_ctx ctx;
	kept_book kb;
	nm_doc *d = NULL;
	size_t nd = 0;
	bool matrix;

	memset(&kb, 0, sizeof(kb));
	nm_book_init(&kb.book);
	switch ((nm_source_kind)q->kind) {
	case NM_SOURCE_XLSX:
		(void)nm_xlsx_read(data, len, &kb.book);
		break;
	case NM_SOURCE_ODS:
		(void)nm_ods_read(data, len, &kb.book);
		break;
	default:
		(void)nm_csv_read(data, len, base_name(q->path, &ld->arena), &kb.book);
		break;
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.diags = ld->diags;
	ctx.file = file;
	ctx.csv = q->kind == NM_SOURCE_CSV;
	ctx.from_walk = q->from_walk;
	ctx.arena = &ld->arena;
	matrix = nm_tables_read(&kb.book, &ctx, NM_TABLES_PLAIN, &d, &nd);
	/* The documents live in the arena; the list is the loader's own. */
	NM_GROW(ld->docs, ld->docs_cap, nd);
	if (nd)
		memcpy(ld->docs, d, nd * sizeof(*d));
	ld->ndocs = nd;
	if (!matrix) {
		nm_book_release(&kb.book);
		return;
	}
	kb.file = file;
	kb.csv = ctx.csv;
	kb.from_walk = q->from_walk;
	ld->kept = kb;
	ld->has_kept = true;
}

int nm_loader_read_matrices(nm_loader *ld, bool (*is_committee)(void *, const char *), void *arg,
			    nm_doc **docs, size_t *ndocs)
{
	nm_doc *all = NULL;
	size_t n = 0, cap = 0;

	free(ld->cur.data);
	ld->cur.data = NULL;
	nm_arena_reset(&ld->cur.arena);
	for (size_t i = 0; i < ld->nkept; i++) {
		kept_book *kb = &ld->kept[i];
		nm_tables_ctx ctx;
		nm_doc *d = NULL;
		size_t nd = 0;

		memset(&ctx, 0, sizeof(ctx));
		ctx.diags = ld->diags;
		ctx.file = kb->file;
		ctx.csv = kb->csv;
		ctx.from_walk = kb->from_walk;
		ctx.arena = &ld->cur.arena;
		ctx.is_committee = is_committee;
		ctx.arg = arg;
		(void)nm_tables_read(&kb->book, &ctx, NM_TABLES_MATRIX, &d, &nd);
		NM_GROW(all, cap, n + nd);
		if (nd)
			memcpy(all + n, d, nd * sizeof(*d));
		n += nd;
	}
	free(ld->cur.docs);
	ld->cur.docs = all;
	ld->cur.docs_cap = cap;
	ld->cur.ndocs = n;
	*docs = ld->cur.docs;
	*ndocs = ld->cur.ndocs;
	return NM_OK;
}

/*
 * Read the whole file into x->data (NUL-terminated); *len its size. The
 * buffer is sized from the file's size, so that it is not up to twice as
 * large as the file; one that grows while read still reads whole.
 */
static int read_bytes(nm_loaded *x, const char *path, size_t *len, nm_error *err)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t cap = 0;

	*len = 0;
	free(x->data);
	x->data = NULL;
	if (!f)
		return nm_error_set(err, NM_EIO, "cannot read '%s': %s", path, strerror(errno));
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size < SIZE_MAX / 2) {
		cap = (size_t)st.st_size + 65536; /* room to see the end without growing */
		x->data = nm_xmalloc(cap + 1);
	}
	for (;;) {
		size_t got;
		if (cap - *len < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			x->data = nm_xrealloc(x->data, cap + 1);
		}
		got = fread(x->data + *len, 1, cap - *len, f);
		*len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		return nm_error_set(err, NM_EIO, "cannot read '%s': %s", path, strerror(errno));
	}
	fclose(f);
	x->data[*len] = '\0';
	return NM_OK;
}

/* Read queued file q into x, its problems to x->diags. */
static int read_into(nm_loaded *x, const queued *q, char *sha256, nm_error *err)
{
	size_t len;
	uint32_t file;
	int rc;

	x->ndocs = 0;
	nm_arena_reset(&x->arena);
	rc = read_bytes(x, q->path, &len, err);
	if (rc != NM_OK)
		return rc;
	if (sha256)
		hex_sha256(x->data, len, sha256);
	file = nm_diags_file(x->diags, q->path);
	parse_source(x, q, file, x->data, len);
	return NM_OK;
}

int nm_loader_read(nm_loader *ld, size_t i, nm_doc **docs, size_t *ndocs, char *sha256,
		   nm_error *err)
{
	int rc = read_into(&ld->cur, &ld->paths[i], sha256, err);

	*docs = NULL;
	*ndocs = 0;
	if (rc != NM_OK)
		return rc;
	keep_book(ld, &ld->cur, 0);
	/* The trees hold copies of what they need: the bytes may go now. */
	free(ld->cur.data);
	ld->cur.data = NULL;
	*docs = ld->cur.docs;
	*ndocs = ld->cur.ndocs;
	return NM_OK;
}

void nm_loader_read_apart(const nm_loader *ld, size_t i, bool hash, nm_loaded *x)
{
	if (x->has_kept) {
		nm_book_release(&x->kept.book);
		x->has_kept = false;
	}
	nm_diags_release(&x->own);
	x->diags = &x->own;
	x->sha256[0] = '\0';
	nm_error_clear(&x->err);
	x->rc = read_into(x, &ld->paths[i], hash ? x->sha256 : NULL, &x->err);
	/* The trees hold copies of what they need: the bytes may go now. */
	free(x->data);
	x->data = NULL;
}

int nm_loader_merge(nm_loader *ld, nm_loaded *x, nm_doc **docs, size_t *ndocs, char *sha256,
		    nm_error *err)
{
	uint32_t base;

	*docs = NULL;
	*ndocs = 0;
	if (x->rc != NM_OK)
		return nm_error_set(err, x->rc, "%s", x->err.message);
	base = nm_diags_absorb(ld->diags, &x->own);
	for (size_t d = 0; d < x->ndocs; d++) {
		x->docs[d].file += base;
		x->docs[d].base = base;
	}
	keep_book(ld, x, base);
	if (sha256)
		memcpy(sha256, x->sha256, sizeof(x->sha256));
	*docs = x->docs;
	*ndocs = x->ndocs;
	return NM_OK;
}

bool nm_node_is_null(const nm_node *node)
{
	if (node->kind != NM_NODE_SCALAR || !node->plain || node->tag)
		return false;
	return node->n == 0 || (node->n == 1 && node->u.value[0] == '~') ||
	       (node->n == 4 && strcasecmp(node->u.value, "null") == 0);
}

const char *nm_loader_libyaml_version(void)
{
	return yaml_get_version_string();
}
