/*
 * xlsx.c: the .xlsx (Office Open XML) reader: bytes in memory into a book
 * of typed cells (book.h, contract section 6).
 *
 * A workbook is a ZIP archive of XML parts. libzip opens the bytes where
 * they lie (a buffer source, nothing copied) and inflates one part at a
 * time in chunks; each chunk goes straight to expat, whose handlers build
 * only what the book keeps, so no part is ever held whole in memory. The
 * parts are read in the order their contents are needed: the package
 * relationships name the workbook, the workbook lists the sheets and its
 * relationships locate them, the shared strings and the styles come before
 * the first sheet. Element and attribute names are compared by their
 * local name (after any prefix), so `x:sheet` and `sheet` are one; expat
 * runs without namespace processing, so that a writer that forgets to
 * declare a prefix is read all the same.
 *
 * What the bytes are when they are not a workbook is told from their
 * first bytes (nm_book_sniff), from the directory of an OLE file (an
 * EncryptionInfo stream: an encrypted workbook; otherwise an old .xls)
 * and from the archive's entries (an .ods has a mimetype entry).
 *
 * Hostile files: the archive's entry count is checked before anything is
 * inflated, every inflated byte is counted against NM_BOOK_MAX_UNPACKED
 * whatever sizes the archive declares, a part holding a document type
 * declaration is refused before its first entity could be declared (no
 * DTD is loaded, no external entity resolved, no entity beyond the five of
 * XML expanded), and a run of input on which expat reports nothing (one
 * enormous tag or comment it would buffer) is stopped at XLSX_MAX_TOKEN,
 * as is nesting deeper than XLSX_MAX_DEPTH (expat keeps each open element).
 * Nothing is allocated in proportion to a claimed size: <dimension> is not
 * read at all.
 */
#include "netmap/book.h"
#include "netmap/buf.h"
#include "netmap/common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#ifdef XML_UNICODE
#error "netmap needs expat built with UTF-8 XML_Char"
#endif

#define XLSX_CHUNK (64u * 1024u)                     /* bytes inflated at a time */
#define XLSX_MAX_TOKEN (16u * 1024u * 1024u)         /* input on which expat may stay silent */
#define XLSX_MAX_STRINGS (16u * 1024u * 1024u)       /* shared strings of a workbook */
#define XLSX_MAX_STYLES (1024u * 1024u)              /* cell formats read from styles.xml */
#define XLSX_MAX_RELS 10000u                         /* relationships read from one part */
#define XLSX_MAX_DEPTH 256                           /* nesting of XML elements */
#define XLSX_MAX_BOOK_CELLS (2u * NM_BOOK_MAX_CELLS) /* non-empty cells of all sheets */

/* Days from 1970-01-01 to Excel's day 0 of each date system. */
#define EXCEL_1900_EPOCH (-25569) /* 1899-12-30, for serials from 61 on */
#define EXCEL_1904_EPOCH (-24107) /* 1904-01-01 */
#define EXCEL_MAX_SERIAL 2958465  /* 9999-12-31 in the 1900 system */

typedef struct rel {
	char *id;
	char *type;
	char *target; /* the part's path in the archive, resolved */
} rel;

typedef struct sst_entry {
	uint32_t off, len; /* in the pool, which NM_BOOK_MAX_UNPACKED keeps below 4 GiB */
} sst_entry;

typedef struct fmt_entry {
	uint32_t id;
	bool date;
	size_t seq; /* file order, so that the last of one id wins */
} fmt_entry;

typedef enum part_kind {
	PART_RELS,
	PART_WORKBOOK,
	PART_STRINGS,
	PART_STYLES,
	PART_SHEET
} part_kind;

typedef struct sheet_ref {
	char *rid; /* the r:id of the <sheet>, NULL when it has none */
} sheet_ref;

typedef struct xlsx {
	nm_book *book;
	zip_t *zip;
	XML_Parser parser;
	const char *part;     /* the part being read, for messages */
	char *chunk;          /* XLSX_CHUNK bytes for zip_fread */
	uint64_t unpacked;    /* bytes inflated so far, all parts */
	size_t cells, merges; /* cells and merged ranges added so far, all sheets */

	/* relationships of the part being read (PART_RELS) */
	rel *rels;
	size_t nrels, rels_cap;
	char *rels_base; /* folder that relative targets start from */

	/* the workbook */
	char *root_name; /* the main part's root, when not <workbook> */
	sheet_ref *refs; /* one per book sheet */
	size_t nrefs, refs_cap;

	/* text being collected: a shared string or a cell's value */
	nm_buf text;

	/* shared strings: their text one after the other in pool */
	nm_buf pool;
	sst_entry *sst;
	size_t nsst, sst_cap;

	/* styles */
	fmt_entry *fmts;
	size_t nfmts, fmts_cap;
	uint32_t *xf_fmt; /* numFmtId of each cellXfs <xf> */
	size_t nxf, xf_cap;
	bool *xf_date; /* whether each <xf> formats dates */

	/* the worksheet being read */
	nm_sheet *sheet;
	int32_t sheet_index;
	uint32_t row, col;           /* position of the current cell */
	uint32_t next_row;           /* the row a <row> without r gets */
	uint32_t next_col;           /* the column a <c> without r gets */
	uint32_t last_row, last_col; /* the cell added last, to notice disorder */
	uint32_t style;              /* the cell's s attribute */
	char ctype[12];              /* the cell's t attribute ("" when none) */

	part_kind kind;
	int sheets_depth; /* >0 inside <sheets> */
	int numfmts_depth, cellxfs_depth;
	int rph;           /* >0 inside phonetic runs, skipped */
	int depth;         /* elements open in the part being read */
	bool stop;         /* a handler found a reason to stop */
	bool progress;     /* expat called a handler since the last chunk */
	bool root_seen;    /* the part's root element was seen */
	bool not_workbook; /* the main part's root is not <workbook> */
	bool collect;      /* character data goes to text */
	bool too_long;     /* text passed NM_BOOK_MAX_CELL_BYTES */
	bool in_si;        /* inside a shared string's <si> */
	bool in_data, in_row, in_cell, in_is;
	bool unsorted; /* a cell came before the one added last */
	bool has_v, has_f, has_is;
} xlsx;

/* ---- small helpers ------------------------------------------------------ */

static const char *local_name(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

/*
 * s for a message: whole when short, else its first bytes up to a
 * character boundary and an ellipsis (a value from the file may be long).
 */
#define CLIP_BYTES 64

static const char *clip(const char *s, char out[CLIP_BYTES + 4])
{
	size_t cut = 0;

	for (size_t n = 0; s[n] != '\0'; n++) {
		if (((unsigned char)s[n] & 0xC0) != 0x80)
			cut = n; /* s[0, n) ends at a character boundary */
		if (n == CLIP_BYTES) {
			snprintf(out, CLIP_BYTES + 4, "%.*s\xE2\x80\xA6", (int)cut, s);
			return out;
		}
	}
	return s;
}

/* The value of the attribute whose local name is name, or NULL. */
static const char *attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2) {
		if (strncmp(atts[i], "xmlns", 5) == 0 && (atts[i][5] == '\0' || atts[i][5] == ':'))
			continue;
		if (strcmp(local_name(atts[i]), name) == 0)
			return atts[i + 1];
	}
	return NULL;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A whole decimal number without sign into *out; false when s is not one. */
static bool parse_uint(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	if (!s || !*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > max)
			v = max + 1; /* stays above max, never overflows */
	}
	*out = v;
	return true;
}

/*
 * A cell reference ("F7", "$F$7") into row and column. Returns 0, -1 when
 * s is not a reference, 1 when it lies beyond XFD1048576.
 */
static int parse_ref(const char *s, size_t n, uint32_t *row, uint32_t *col)
{
	uint64_t c = 0, r = 0;
	size_t i = 0, letters = 0, digits = 0;

	if (i < n && s[i] == '$')
		i++;
	for (; i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'));
	     i++, letters++) {
		c = c * 26 + (uint64_t)((s[i] | 0x20) - 'a' + 1);
		if (c > NM_BOOK_MAX_COLS)
			c = NM_BOOK_MAX_COLS + 1;
	}
	if (i < n && s[i] == '$')
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
		r = r * 10 + (uint64_t)(s[i] - '0');
		if (r > NM_BOOK_MAX_ROWS)
			r = NM_BOOK_MAX_ROWS + 1;
	}
	if (i != n || letters == 0 || digits == 0)
		return -1;
	if (r == 0)
		return -1;
	if (c > NM_BOOK_MAX_COLS || r > NM_BOOK_MAX_ROWS)
		return 1;
	*row = (uint32_t)r;
	*col = (uint32_t)c;
	return 0;
}

static void stop(xlsx *x)
{
	x->stop = true;
	if (x->parser)
		XML_StopParser(x->parser, XML_FALSE);
}

/* An error about the whole file; reading stops. */
#define FILE_ERROR(x, rule, ...) \
	do { \
		nm_book_problem_add((x)->book, NM_SEV_ERROR, (rule), -1, 0, 0, __VA_ARGS__); \
		stop(x); \
	} while (0)

/*
 * Decode Excel's escapes of characters XML cannot hold, _xHHHH_ (UTF-16
 * code units; `_x005F_` is the underscore that keeps a literal `_x0041_`),
 * in place: the UTF-8 of a code point is never longer than its escape.
 * NUL and unpaired surrogates become U+FFFD.
 */
static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool escape_at(const char *s, size_t n, size_t i, uint32_t *unit)
{
	uint32_t v = 0;

	if (i + 7 > n || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_')
		return false;
	for (size_t k = 2; k < 6; k++) {
		int h = hexval(s[i + k]);
		if (h < 0)
			return false;
		v = v * 16 + (uint32_t)h;
	}
	*unit = v;
	return true;
}

static size_t put_utf8(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static void unescape(nm_buf *b)
{
	char *s = b->ptr;
	size_t n = b->len, i = 0, o = 0;

	if (!s || !memchr(s, '_', n))
		return;
	while (i < n) {
		uint32_t u, lo;
		if (!escape_at(s, n, i, &u)) {
			s[o++] = s[i++];
			continue;
		}
		i += 7;
		if (u >= 0xD800 && u <= 0xDBFF && escape_at(s, n, i, &lo) && lo >= 0xDC00 &&
		    lo <= 0xDFFF) {
			u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			i += 7;
		} else if (u == 0 || (u >= 0xD800 && u <= 0xDFFF)) {
			u = 0xFFFD;
		}
		o += put_utf8(s + o, u);
	}
	b->len = o;
	s[o] = '\0';
}

/* ---- archive access ----------------------------------------------------- */

/* The index of the entry at path (compared without case, as OPC says). */
static bool find_entry(xlsx *x, const char *path, zip_uint64_t *idx)
{
	zip_int64_t i = zip_name_locate(x->zip, path, 0);

	if (i < 0)
		i = zip_name_locate(x->zip, path, ZIP_FL_NOCASE);
	if (i < 0)
		return false;
	*idx = (zip_uint64_t)i;
	return true;
}

static void zip_bomb(xlsx *x, const char *path)
{
	FILE_ERROR(x, "zip-bomb",
		   "the workbook would unpack to more than %u MiB (reading '%s'); it may be a "
		   "zip bomb, a file made to exhaust memory, and is not read",
		   NM_BOOK_MAX_UNPACKED / (1024u * 1024u), path);
}

/*
 * Open the entry idx and check its declared size against what is left of
 * the budget (the declared size is only a claim: the bytes are counted as
 * they are inflated all the same).
 */
static zip_file_t *open_entry(xlsx *x, zip_uint64_t idx, const char *path)
{
	zip_stat_t st;
	zip_file_t *zf;

	zip_stat_init(&st);
	if (zip_stat_index(x->zip, idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    st.size > NM_BOOK_MAX_UNPACKED - x->unpacked) {
		zip_bomb(x, path);
		return NULL;
	}
	zf = zip_fopen_index(x->zip, idx, 0);
	if (!zf) {
		zip_error_t *ze = zip_get_error(x->zip);
		if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD ||
		    zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD)
			FILE_ERROR(
				x, "encrypted-workbook",
				"the workbook's archive is protected with a password; save it in your "
				"spreadsheet program without a password (File > Save As...)");
		else
			FILE_ERROR(
				x, "bad-zip",
				"cannot unpack '%s' from the workbook: %s; the file may be damaged: save "
				"it again in your spreadsheet program",
				path, zip_error_strerror(ze));
	}
	return zf;
}

/* Read one inflated chunk; returns its length, 0 at the end, -1 on error. */
static zip_int64_t read_chunk(xlsx *x, zip_file_t *zf, const char *path)
{
	zip_int64_t n = zip_fread(zf, x->chunk, XLSX_CHUNK);

	if (n < 0) {
		FILE_ERROR(x, "bad-zip",
			   "cannot unpack '%s' from the workbook: %s; the file is damaged or "
			   "incomplete: save it again in your spreadsheet program",
			   path, zip_error_strerror(zip_file_get_error(zf)));
		return -1;
	}
	x->unpacked += (uint64_t)n;
	if (x->unpacked > NM_BOOK_MAX_UNPACKED) {
		zip_bomb(x, path);
		return -1;
	}
	return n;
}

/* ---- XML ---------------------------------------------------------------- */

static void start_rels(xlsx *x, const char *name, const char **atts);
static void start_workbook(xlsx *x, const char *name, const char **atts);
static void end_workbook(xlsx *x, const char *name);
static void start_strings(xlsx *x, const char *name, const char **atts);
static void end_strings(xlsx *x, const char *name);
static void start_styles(xlsx *x, const char *name, const char **atts);
static void end_styles(xlsx *x, const char *name);
static void start_sheet(xlsx *x, const char *name, const char **atts);
static void end_sheet(xlsx *x, const char *name);

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	xlsx *x = ud;
	const char *ln = local_name(name);

	x->progress = true;
	if (x->stop)
		return;
	/* expat keeps every open element: nesting is bounded so that memory is. */
	if (++x->depth > XLSX_MAX_DEPTH) {
		FILE_ERROR(
			x, "xml-too-deep",
			"the workbook's part '%s' nests XML elements more than %d deep, which no "
			"workbook needs; the file is not read",
			x->part, XLSX_MAX_DEPTH);
		return;
	}
	switch (x->kind) {
	case PART_RELS:
		start_rels(x, ln, atts);
		break;
	case PART_WORKBOOK:
		start_workbook(x, ln, atts);
		break;
	case PART_STRINGS:
		start_strings(x, ln, atts);
		break;
	case PART_STYLES:
		start_styles(x, ln, atts);
		break;
	case PART_SHEET:
		start_sheet(x, ln, atts);
		break;
	}
	x->root_seen = true;
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	xlsx *x = ud;
	const char *ln = local_name(name);

	x->progress = true;
	if (x->stop)
		return;
	x->depth--;
	switch (x->kind) {
	case PART_RELS:
		break;
	case PART_WORKBOOK:
		end_workbook(x, ln);
		break;
	case PART_STRINGS:
		end_strings(x, ln);
		break;
	case PART_STYLES:
		end_styles(x, ln);
		break;
	case PART_SHEET:
		end_sheet(x, ln);
		break;
	}
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	xlsx *x = ud;

	x->progress = true;
	if (x->stop || !x->collect || x->rph > 0 || x->too_long || len <= 0)
		return;
	if (x->text.len + (size_t)len > NM_BOOK_MAX_CELL_BYTES) {
		x->too_long = true;
		return;
	}
	nm_buf_put(&x->text, s, (size_t)len);
}

static void XMLCALL on_comment(void *ud, const XML_Char *data)
{
	xlsx *x = ud;
	(void)data;
	x->progress = true;
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal_subset)
{
	xlsx *x = ud;
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	if (x->stop)
		return;
	FILE_ERROR(x, "xml-dtd",
		   "the workbook's part '%s' holds a document type declaration (<!DOCTYPE>), "
		   "which workbooks never have; netmap reads no DTD and expands no entities, and "
		   "does not read this file",
		   x->part);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value,
			      int value_len, const XML_Char *base, const XML_Char *sysid,
			      const XML_Char *pubid, const XML_Char *notation)
{
	xlsx *x = ud;
	(void)name;
	(void)is_param;
	(void)value;
	(void)value_len;
	(void)base;
	(void)sysid;
	(void)pubid;
	(void)notation;
	if (x->stop)
		return;
	FILE_ERROR(x, "xml-dtd",
		   "the workbook's part '%s' declares an entity, which workbooks never do; "
		   "netmap expands no entities and does not read this file",
		   x->part);
}

/*
 * Stream the part at path through expat with the handlers of kind.
 * Returns false when reading stopped (the problem is in the book).
 */
static bool parse_part(xlsx *x, const char *path, part_kind kind)
{
	zip_uint64_t idx;
	zip_file_t *zf = NULL;
	XML_Parser p = NULL;
	size_t idle = 0;
	bool ok = false;

	if (!find_entry(x, path, &idx))
		return true; /* callers check for parts they need */
	zf = open_entry(x, idx, path);
	if (!zf)
		goto done;
	p = XML_ParserCreate(NULL);
	if (!p) {
		FILE_ERROR(x, "bad-xml", "cannot read '%s': out of memory", path);
		goto done;
	}
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	XML_SetCommentHandler(p, on_comment);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	x->parser = p;
	x->kind = kind;
	x->part = path;
	x->root_seen = false;
	x->depth = 0;
	for (;;) {
		zip_int64_t n = read_chunk(x, zf, path);
		if (n < 0)
			goto done;
		x->progress = false;
		if (XML_Parse(p, x->chunk, (int)n, n == 0) != XML_STATUS_OK) {
			if (!x->stop)
				FILE_ERROR(
					x, "bad-xml",
					"the workbook's part '%s' is not well-formed XML (line %lu, "
					"column %lu: %s); the file is damaged: save it again in your "
					"spreadsheet program",
					path, (unsigned long)XML_GetCurrentLineNumber(p),
					(unsigned long)XML_GetCurrentColumnNumber(p) + 1,
					XML_ErrorString(XML_GetErrorCode(p)));
			goto done;
		}
		if (x->stop)
			goto done;
		if (n == 0)
			break;
		idle = x->progress ? 0 : idle + (size_t)n;
		if (idle > XLSX_MAX_TOKEN) {
			FILE_ERROR(
				x, "xml-too-big",
				"the workbook's part '%s' holds an XML tag or comment longer than "
				"%u MiB, which no workbook needs; the file is not read",
				path, XLSX_MAX_TOKEN / (1024u * 1024u));
			goto done;
		}
	}
	ok = true;
done:
	if (p)
		XML_ParserFree(p);
	x->parser = NULL;
	if (zf)
		zip_fclose(zf);
	return ok && !x->stop;
}

/* ---- relationships ------------------------------------------------------ */

/* base (a folder ending in '/', or "") joined with target, "." and ".." resolved. */
static char *resolve(const char *base, const char *target)
{
	nm_buf joined = NM_BUF_INIT;
	char *out;
	size_t o = 0;
	const char *s, *e;

	if (target[0] == '/')
		nm_buf_puts(&joined, target + 1);
	else {
		nm_buf_puts(&joined, base);
		nm_buf_puts(&joined, target);
	}
	out = nm_xmalloc(joined.len + 1);
	for (s = nm_buf_cstr(&joined); *s; s = *e ? e + 1 : e) {
		size_t n;
		e = strchr(s, '/');
		if (!e)
			e = s + strlen(s);
		n = (size_t)(e - s);
		if (n == 0 || (n == 1 && s[0] == '.'))
			continue;
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
			continue;
		}
		if (o > 0)
			out[o++] = '/';
		/* Targets are URIs: %20 is a space in the entry's name. */
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
			    hexval(s[i + 2]) >= 0 && (hexval(s[i + 1]) || hexval(s[i + 2]))) {
				out[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
				i += 2;
			} else {
				out[o++] = s[i];
			}
		}
	}
	out[o] = '\0';
	nm_buf_release(&joined);
	return out;
}

static void start_rels(xlsx *x, const char *name, const char **atts)
{
	const char *id, *type, *target, *mode;
	rel *r;

	if (strcmp(name, "Relationship") != 0 || x->nrels >= XLSX_MAX_RELS)
		return;
	id = attr(atts, "Id");
	type = attr(atts, "Type");
	target = attr(atts, "Target");
	mode = attr(atts, "TargetMode");
	if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
		return;
	NM_GROW(x->rels, x->rels_cap, x->nrels + 1);
	r = &x->rels[x->nrels++];
	r->id = nm_xstrdup(id);
	r->type = nm_xstrdup(type);
	r->target = resolve(x->rels_base, target);
}

static void clear_rels(xlsx *x)
{
	for (size_t i = 0; i < x->nrels; i++) {
		free(x->rels[i].id);
		free(x->rels[i].type);
		free(x->rels[i].target);
	}
	x->nrels = 0;
}

/* The folder of a part, with its '/', or "". */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return nm_xstrndup(path, slash ? (size_t)(slash - path) + 1 : 0);
}

/* Read the relationships of the part at path (none when it has no .rels part). */
static bool read_rels(xlsx *x, const char *path)
{
	nm_buf rp = NM_BUF_INIT;
	const char *slash = strrchr(path, '/');
	bool ok;

	clear_rels(x);
	free(x->rels_base);
	x->rels_base = folder_of(path);
	nm_buf_puts(&rp, x->rels_base);
	nm_buf_puts(&rp, "_rels/");
	nm_buf_puts(&rp, slash ? slash + 1 : path);
	nm_buf_puts(&rp, ".rels");
	ok = parse_part(x, rp.ptr, PART_RELS);
	nm_buf_release(&rp);
	return ok;
}

static const rel *rel_by_type(const xlsx *x, const char *suffix)
{
	for (size_t i = 0; i < x->nrels; i++)
		if (ends_with(x->rels[i].type, suffix))
			return &x->rels[i];
	return NULL;
}

static const rel *rel_by_id(const xlsx *x, const char *id)
{
	for (size_t i = 0; i < x->nrels; i++)
		if (strcmp(x->rels[i].id, id) == 0)
			return &x->rels[i];
	return NULL;
}

/* ---- the workbook ------------------------------------------------------- */

static bool truthy(const char *v)
{
	return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static void start_workbook(xlsx *x, const char *name, const char **atts)
{
	const char *sname, *state, *rid;
	nm_sheet *s;

	if (!x->root_seen) {
		if (strcmp(name, "workbook") != 0) {
			x->not_workbook = true;
			x->root_name = nm_xstrdup(name);
			stop(x);
		}
		return;
	}
	if (strcmp(name, "workbookPr") == 0) {
		x->book->date1904 = truthy(attr(atts, "date1904"));
	} else if (strcmp(name, "sheets") == 0) {
		x->sheets_depth++;
	} else if (strcmp(name, "sheet") == 0 && x->sheets_depth > 0) {
		if (x->book->nsheets >= NM_BOOK_MAX_SHEETS) {
			FILE_ERROR(x, "too-many-sheets",
				   "the workbook has more than %u sheets, more than netmap reads",
				   NM_BOOK_MAX_SHEETS);
			return;
		}
		sname = attr(atts, "name");
		state = attr(atts, "state");
		rid = attr(atts, "id");
		if (!sname)
			sname = "";
		s = nm_book_add_sheet(x->book, sname, strlen(sname));
		s->hidden = state &&
			    (strcmp(state, "hidden") == 0 || strcmp(state, "veryHidden") == 0);
		NM_GROW(x->refs, x->refs_cap, x->nrefs + 1);
		x->refs[x->nrefs++].rid = rid ? nm_xstrdup(rid) : NULL;
	}
}

static void end_workbook(xlsx *x, const char *name)
{
	if (strcmp(name, "sheets") == 0 && x->sheets_depth > 0)
		x->sheets_depth--;
}

/* ---- shared strings ----------------------------------------------------- */

static void start_strings(xlsx *x, const char *name, const char **atts)
{
	(void)atts;
	if (strcmp(name, "si") == 0) {
		x->in_si = true;
		x->rph = 0;
		x->too_long = false;
		nm_buf_clear(&x->text);
	} else if (!x->in_si) {
		return;
	} else if (strcmp(name, "rPh") == 0) {
		x->rph++;
	} else if (strcmp(name, "t") == 0) {
		x->collect = true;
	}
}

static void end_strings(xlsx *x, const char *name)
{
	sst_entry *e;

	if (!x->in_si)
		return;
	if (strcmp(name, "t") == 0) {
		x->collect = false;
	} else if (strcmp(name, "rPh") == 0) {
		if (x->rph > 0)
			x->rph--;
	} else if (strcmp(name, "si") == 0) {
		x->in_si = false;
		if (x->too_long) {
			FILE_ERROR(
				x, "cell-too-long",
				"the shared string %zu of the workbook is longer than %u bytes, more "
				"than a cell may hold",
				x->nsst, NM_BOOK_MAX_CELL_BYTES);
			return;
		}
		if (x->nsst >= XLSX_MAX_STRINGS) {
			FILE_ERROR(
				x, "too-many-strings",
				"the workbook has more than %u shared strings, more than netmap reads",
				XLSX_MAX_STRINGS);
			return;
		}
		unescape(&x->text);
		NM_GROW(x->sst, x->sst_cap, x->nsst + 1);
		e = &x->sst[x->nsst++];
		e->off = (uint32_t)x->pool.len;
		e->len = (uint32_t)x->text.len;
		nm_buf_put(&x->pool, x->text.ptr ? x->text.ptr : "", x->text.len);
	}
}

/* ---- styles ------------------------------------------------------------- */

/* Whether a built-in number format shows a date or a time. */
static bool builtin_date(uint32_t id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	       (id >= 50 && id <= 58);
}

/*
 * Whether a format code shows a date: d, m or y in any case, outside
 * quotes and brackets and not right after \, _ or * (which take the next
 * character literally, as padding or as fill).
 */
static bool code_is_date(const char *code)
{
	for (const char *p = code; *p; p++) {
		switch (*p) {
		case '"':
			p = strchr(p + 1, '"');
			if (!p)
				return false;
			break;
		case '[':
			p = strchr(p + 1, ']');
			if (!p)
				return false;
			break;
		case '\\':
		case '_':
		case '*':
			if (!p[1])
				return false;
			p++;
			break;
		case 'd':
		case 'D':
		case 'm':
		case 'M':
		case 'y':
		case 'Y':
			return true;
		default:
			break;
		}
	}
	return false;
}

static void start_styles(xlsx *x, const char *name, const char **atts)
{
	uint64_t id = 0;
	const char *code;

	if (strcmp(name, "numFmts") == 0) {
		x->numfmts_depth++;
	} else if (strcmp(name, "cellXfs") == 0) {
		x->cellxfs_depth++;
	} else if (strcmp(name, "numFmt") == 0 && x->numfmts_depth > 0) {
		code = attr(atts, "formatCode");
		if (!code || !parse_uint(attr(atts, "numFmtId"), UINT32_MAX, &id) ||
		    id > UINT32_MAX || x->nfmts >= XLSX_MAX_STYLES)
			return;
		NM_GROW(x->fmts, x->fmts_cap, x->nfmts + 1);
		x->fmts[x->nfmts].id = (uint32_t)id;
		x->fmts[x->nfmts].date = code_is_date(code);
		x->fmts[x->nfmts].seq = x->nfmts;
		x->nfmts++;
	} else if (strcmp(name, "xf") == 0 && x->cellxfs_depth > 0) {
		if (x->nxf >= XLSX_MAX_STYLES)
			return;
		if (!parse_uint(attr(atts, "numFmtId"), UINT32_MAX, &id) || id > UINT32_MAX)
			id = 0;
		NM_GROW(x->xf_fmt, x->xf_cap, x->nxf + 1);
		x->xf_fmt[x->nxf++] = (uint32_t)id;
	}
}

static void end_styles(xlsx *x, const char *name)
{
	if (strcmp(name, "numFmts") == 0 && x->numfmts_depth > 0)
		x->numfmts_depth--;
	else if (strcmp(name, "cellXfs") == 0 && x->cellxfs_depth > 0)
		x->cellxfs_depth--;
}

static int cmp_fmt(const void *pa, const void *pb)
{
	const fmt_entry *a = pa, *b = pb;

	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Which cell formats show dates: the file's own code for an id wins. */
static void resolve_styles(xlsx *x)
{
	if (x->nfmts > 1)
		qsort(x->fmts, x->nfmts, sizeof(*x->fmts), cmp_fmt);
	x->xf_date = nm_xcalloc(x->nxf ? x->nxf : 1, sizeof(*x->xf_date));
	for (size_t i = 0; i < x->nxf; i++) {
		uint32_t id = x->xf_fmt[i];
		size_t lo = 0, hi = x->nfmts;
		/* The last entry with this id: the first one above it, minus one. */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (x->fmts[mid].id <= id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo > 0 && x->fmts[lo - 1].id == id)
			x->xf_date[i] = x->fmts[lo - 1].date;
		else
			x->xf_date[i] = builtin_date(id);
	}
}

/* ---- worksheets --------------------------------------------------------- */

static void cell_name(uint32_t row, uint32_t col, char *out, size_t size)
{
	char letters[8];

	nm_book_col_name(col, letters);
	snprintf(out, size, "%s%u", letters, row);
}

/* Add a cell to the sheet; false when its budget is spent (reading stops). */
static bool emit(xlsx *x, nm_cell_type type, const char *text, size_t len)
{
	nm_cell *c;
	char where[16];

	/*
	 * One part may stand for many sheets, and a small part for millions of
	 * cells: the workbook's cells have a budget of their own.
	 */
	if (x->cells >= XLSX_MAX_BOOK_CELLS) {
		cell_name(x->row, x->col, where, sizeof(where));
		nm_book_problem_add(
			x->book, NM_SEV_ERROR, "too-many-cells", x->sheet_index, x->row, x->col,
			"the workbook holds more than %u non-empty cells in all its sheets, "
			"more than netmap reads; the rest of the file is not read (from %s on)",
			XLSX_MAX_BOOK_CELLS, where);
		stop(x);
		return false;
	}
	c = nm_book_add_cell(x->book, x->sheet, x->row, x->col, type, text, len);
	if (!c) {
		cell_name(x->row, x->col, where, sizeof(where));
		nm_book_problem_add(
			x->book, NM_SEV_ERROR, "too-many-cells", x->sheet_index, x->row, x->col,
			"the sheet '%s' holds more than %u non-empty cells, more than netmap "
			"reads; the rest of the file is not read (from %s on)",
			x->sheet->name, NM_BOOK_MAX_CELLS, where);
		stop(x);
		return false;
	}
	x->cells++;
	c->formula = x->has_f;
	if (x->sheet->ncells > 1 &&
	    (x->row < x->last_row || (x->row == x->last_row && x->col < x->last_col)))
		x->unsorted = true;
	x->last_row = x->row;
	x->last_col = x->col;
	return true;
}

static void emit_invalid(xlsx *x, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void emit_invalid(xlsx *x, const char *fmt, ...)
{
	nm_buf msg = NM_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	emit(x, NM_CELL_INVALID, msg.ptr, msg.len);
	nm_buf_release(&msg);
}

/* Whether s is a number as a cell stores it: -1.5, 7, .5, 1E-3. */
static bool is_number(const char *s)
{
	size_t digits = 0;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	if (digits == 0)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (*s < '0' || *s > '9')
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* Civil date of a day count from 1970-01-01 (H. Hinnant's algorithm). */
static void civil(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	yoe = z - era * 146097;
	yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
	doy = z - era * 146097 - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static void emit_serial_date(xlsx *x, const char *v)
{
	double serial = strtod(v, NULL);
	double max = x->book->date1904 ? EXCEL_MAX_SERIAL - 1462 : EXCEL_MAX_SERIAL;
	int64_t day, days;
	int64_t y;
	unsigned m, d;
	char out[16];

	if (!isfinite(serial) || serial >= max + 1.0) {
		emit_invalid(
			x,
			"the cell is formatted as a date but holds %s, which is after 31 December "
			"9999, the last date a spreadsheet can show",
			v);
		return;
	}
	if (x->book->date1904) {
		if (serial < 0) {
			emit_invalid(
				x,
				"the cell is formatted as a date but holds %s, which is before 1 "
				"January 1904, the first date of the workbook's 1904 date system",
				v);
			return;
		}
		days = (int64_t)serial + EXCEL_1904_EPOCH; /* serial >= 0: the cast is floor */
	} else {
		if (serial < 1) {
			emit_invalid(
				x,
				"the cell is formatted as a date but holds %s, which is before 1 "
				"January 1900, the first date a spreadsheet can show",
				v);
			return;
		}
		day = (int64_t)serial;
		if (day == 60) {
			emit_invalid(
				x,
				"the cell holds the date 29 February 1900, a day that never was "
				"(spreadsheets count it for compatibility); write the date again");
			return;
		}
		/* Before the day that never was, Excel's days are one later. */
		days = day + EXCEL_1900_EPOCH + (day < 60 ? 1 : 0);
	}
	civil(days, &y, &m, &d);
	snprintf(out, sizeof(out), "%04d-%02u-%02u", (int)y, m, d);
	emit(x, NM_CELL_DATE, out, strlen(out));
}

static bool leap(unsigned y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A t="d" cell: ISO 8601 text, whose date part is taken. */
static void emit_iso_date(xlsx *x, const char *v)
{
	static const unsigned mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	unsigned y = 0, m = 0, d = 0;
	char cut[CLIP_BYTES + 4];
	bool ok = strlen(v) >= 10 && v[4] == '-' && v[7] == '-' &&
		  (v[10] == '\0' || v[10] == 'T' || v[10] == ' ');

	for (int i = 0; ok && i < 10; i++)
		if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9'))
			ok = false;
	if (ok) {
		y = (unsigned)(v[0] - '0') * 1000 + (unsigned)(v[1] - '0') * 100 +
		    (unsigned)(v[2] - '0') * 10 + (unsigned)(v[3] - '0');
		m = (unsigned)(v[5] - '0') * 10 + (unsigned)(v[6] - '0');
		d = (unsigned)(v[8] - '0') * 10 + (unsigned)(v[9] - '0');
		ok = m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] &&
		     (m != 2 || d < 29 || leap(y));
	}
	if (!ok) {
		emit_invalid(
			x,
			"the cell is a date cell but holds '%s', which is not a date (YYYY-MM-DD)",
			clip(v, cut));
		return;
	}
	emit(x, NM_CELL_DATE, v, 10);
}

static const char *trim(nm_buf *b)
{
	size_t s = 0, e = b->len;

	if (!b->ptr)
		return "";
	while (s < e && strchr(" \t\r\n", b->ptr[s]))
		s++;
	while (e > s && strchr(" \t\r\n", b->ptr[e - 1]))
		e--;
	b->ptr[e] = '\0';
	return b->ptr + s;
}

static void finish_cell(xlsx *x)
{
	const char *t = x->ctype;
	const char *v;
	char where[16];
	char cut[CLIP_BYTES + 4];

	if (x->too_long) {
		cell_name(x->row, x->col, where, sizeof(where));
		nm_book_problem_add(
			x->book, NM_SEV_ERROR, "cell-too-long", x->sheet_index, x->row, x->col,
			"the cell %s holds more than %u bytes of text, more than a cell may hold",
			where, NM_BOOK_MAX_CELL_BYTES);
		return;
	}
	if (strcmp(t, "inlineStr") == 0 || (x->has_is && !x->has_v)) {
		unescape(&x->text);
		if (x->text.len > 0)
			emit(x, NM_CELL_TEXT, x->text.ptr, x->text.len);
		else if (x->has_f && !x->has_is)
			emit_invalid(x, "a formula without a saved value: open the file in your "
					"spreadsheet program and save it again");
		return;
	}
	if (strcmp(t, "str") == 0) {
		if (x->has_f && !x->has_v) {
			emit_invalid(x, "a formula without a saved value: open the file in your "
					"spreadsheet program and save it again");
			return;
		}
		unescape(&x->text);
		if (x->text.len > 0)
			emit(x, NM_CELL_TEXT, x->text.ptr, x->text.len);
		return;
	}
	v = trim(&x->text);
	if (!*v) {
		if (x->has_f)
			emit_invalid(x, "a formula without a saved value: open the file in your "
					"spreadsheet program and save it again");
		return;
	}
	if (strcmp(t, "s") == 0) {
		uint64_t i;
		if (!parse_uint(v, UINT32_MAX, &i) || i >= x->nsst) {
			emit_invalid(x, "refers to shared string %s, which the file does not have",
				     clip(v, cut));
			return;
		}
		if (x->sst[i].len > 0)
			emit(x, NM_CELL_TEXT, x->pool.ptr + x->sst[i].off, x->sst[i].len);
	} else if (strcmp(t, "b") == 0) {
		if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0)
			emit(x, NM_CELL_BOOL, "true", 4);
		else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
			emit(x, NM_CELL_BOOL, "false", 5);
		else
			emit_invalid(
				x,
				"the cell is a boolean cell but holds '%s', which is neither true "
				"nor false",
				clip(v, cut));
	} else if (strcmp(t, "e") == 0) {
		emit(x, NM_CELL_ERROR, v, strlen(v));
	} else if (strcmp(t, "d") == 0) {
		emit_iso_date(x, v);
	} else if (t[0] == '\0' || strcmp(t, "n") == 0) {
		if (!is_number(v))
			emit_invalid(
				x,
				"the cell is a number cell but holds '%s', which is not a number",
				clip(v, cut));
		else if (x->style < x->nxf && x->xf_date[x->style])
			emit_serial_date(x, v);
		else
			emit(x, NM_CELL_NUMBER, v, strlen(v));
	} else {
		emit_invalid(x, "the cell has a type netmap does not know ('%s')", clip(t, cut));
	}
}

static void out_of_range(xlsx *x, const char *what, const char *ref)
{
	char cut[CLIP_BYTES + 4];

	FILE_ERROR(x, "cell-out-of-range",
		   "the sheet '%s' has a %s '%s', beyond the last cell a sheet can have "
		   "(XFD1048576); the file is damaged or was not made by a spreadsheet program",
		   x->sheet->name, what, clip(ref, cut));
}

static void bad_ref(xlsx *x, const char *what, const char *ref)
{
	char cut[CLIP_BYTES + 4];

	FILE_ERROR(x, "bad-cell-ref",
		   "the sheet '%s' has a %s '%s', which is not a cell reference; the file is "
		   "damaged: save it again in your spreadsheet program",
		   x->sheet->name, what, clip(ref, cut));
}

static void start_cell(xlsx *x, const char **atts)
{
	const char *r = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
	uint64_t style = 0;

	if (r) {
		int rc = parse_ref(r, strlen(r), &x->row, &x->col);
		if (rc < 0) {
			bad_ref(x, "cell", r);
			return;
		}
		if (rc > 0) {
			out_of_range(x, "cell", r);
			return;
		}
	} else {
		x->row = x->in_row ? x->next_row - 1 : x->next_row;
		x->col = x->next_col;
		if (x->col > NM_BOOK_MAX_COLS || x->row > NM_BOOK_MAX_ROWS) {
			char ref[24];
			cell_name(x->row, x->col, ref, sizeof(ref));
			out_of_range(x, "cell", ref);
			return;
		}
	}
	x->next_col = x->col + 1;
	x->in_cell = true;
	x->has_v = x->has_f = x->has_is = false;
	x->too_long = false;
	x->rph = 0;
	nm_buf_clear(&x->text);
	x->ctype[0] = '\0';
	if (t) {
		size_t n = strlen(t);
		if (n >= sizeof(x->ctype)) {
			n = sizeof(x->ctype) - 1;
			while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(x->ctype, t, n);
		x->ctype[n] = '\0';
	}
	x->style = parse_uint(s, UINT32_MAX, &style) && style <= UINT32_MAX ? (uint32_t)style : 0;
}

static void add_merge(xlsx *x, const char *ref)
{
	const char *colon = ref ? strchr(ref, ':') : NULL;
	nm_range r = {0, 0, 0, 0};
	int a, b;

	if (!ref)
		return;
	if (x->sheet->nmerges >= NM_BOOK_MAX_CELLS) {
		FILE_ERROR(
			x, "too-many-merges",
			"the sheet '%s' holds more than %u merged ranges, more than netmap reads",
			x->sheet->name, NM_BOOK_MAX_CELLS);
		return;
	}
	if (x->merges >= XLSX_MAX_BOOK_CELLS) {
		FILE_ERROR(
			x, "too-many-merges",
			"the workbook holds more than %u merged ranges in all its sheets, more than "
			"netmap reads",
			XLSX_MAX_BOOK_CELLS);
		return;
	}
	if (colon) {
		a = parse_ref(ref, (size_t)(colon - ref), &r.row1, &r.col1);
		b = parse_ref(colon + 1, strlen(colon + 1), &r.row2, &r.col2);
	} else {
		a = b = parse_ref(ref, strlen(ref), &r.row1, &r.col1);
		r.row2 = r.row1;
		r.col2 = r.col1;
	}
	if (a < 0 || b < 0) {
		bad_ref(x, "merged range", ref);
		return;
	}
	if (a > 0 || b > 0) {
		out_of_range(x, "merged range", ref);
		return;
	}
	if (r.row1 > r.row2) {
		uint32_t tmp = r.row1;
		r.row1 = r.row2;
		r.row2 = tmp;
	}
	if (r.col1 > r.col2) {
		uint32_t tmp = r.col1;
		r.col1 = r.col2;
		r.col2 = tmp;
	}
	nm_book_add_merge(x->sheet, r);
	x->merges++;
}

static void start_sheet(xlsx *x, const char *name, const char **atts)
{
	if (x->in_cell) {
		if (strcmp(name, "v") == 0) {
			x->has_v = true;
			x->collect = true;
		} else if (strcmp(name, "f") == 0) {
			x->has_f = true;
		} else if (strcmp(name, "is") == 0) {
			x->has_is = true;
			x->in_is = true;
		} else if (x->in_is && strcmp(name, "rPh") == 0) {
			x->rph++;
		} else if (x->in_is && strcmp(name, "t") == 0) {
			x->collect = true;
		}
		return;
	}
	if (strcmp(name, "sheetData") == 0) {
		x->in_data = true;
	} else if (x->in_data && strcmp(name, "row") == 0) {
		const char *r = attr(atts, "r");
		uint64_t n;
		if (r) {
			if (!parse_uint(r, NM_BOOK_MAX_ROWS, &n) || n == 0) {
				bad_ref(x, "row number", r);
				return;
			}
			if (n > NM_BOOK_MAX_ROWS) {
				out_of_range(x, "row number", r);
				return;
			}
		} else {
			n = x->next_row;
			if (n > NM_BOOK_MAX_ROWS) {
				out_of_range(x, "row number", "1048577");
				return;
			}
		}
		x->in_row = true;
		x->next_row = (uint32_t)n + 1;
		x->next_col = 1;
	} else if (x->in_data && strcmp(name, "c") == 0) {
		start_cell(x, atts);
	} else if (strcmp(name, "mergeCell") == 0) {
		add_merge(x, attr(atts, "ref"));
	}
}

static void end_sheet(xlsx *x, const char *name)
{
	if (x->in_cell) {
		if (strcmp(name, "v") == 0 || (x->in_is && strcmp(name, "t") == 0)) {
			x->collect = false;
		} else if (strcmp(name, "is") == 0) {
			x->in_is = false;
		} else if (x->in_is && strcmp(name, "rPh") == 0) {
			if (x->rph > 0)
				x->rph--;
		} else if (strcmp(name, "c") == 0) {
			x->in_cell = false;
			x->collect = false;
			finish_cell(x);
		}
		return;
	}
	if (strcmp(name, "row") == 0)
		x->in_row = false;
	else if (strcmp(name, "sheetData") == 0)
		x->in_data = false;
}

static bool read_sheet(xlsx *x, size_t i)
{
	const char *rid = x->refs[i].rid;
	const rel *r = rid ? rel_by_id(x, rid) : NULL;
	zip_uint64_t idx;
	nm_sheet *s = &x->book->sheets[i];
	bool ok;

	if (!r || !find_entry(x, r->target, &idx)) {
		FILE_ERROR(
			x, "bad-workbook",
			"the workbook lists the sheet '%s', but its part%s%s%s is missing from the "
			"file; the file is damaged: save it again in your spreadsheet program",
			s->name, r ? " '" : "", r ? r->target : "", r ? "'" : "");
		return false;
	}
	x->sheet = s;
	x->sheet_index = (int32_t)i;
	x->in_data = x->in_row = x->in_cell = x->in_is = false;
	x->collect = false;
	x->next_row = 1;
	x->next_col = 1;
	x->last_row = x->last_col = 0;
	x->unsorted = false;
	ok = parse_part(x, r->target, PART_SHEET);
	if (x->unsorted)
		nm_book_sort_cells(s);
	return ok;
}

/* ---- files that are not workbooks --------------------------------------- */

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Whether the 64-byte UTF-16LE directory name at e is name (ASCII, any case). */
static bool ole_name_is(const unsigned char *e, const char *name)
{
	size_t n = strlen(name);
	unsigned bytes = (unsigned)e[64] | (unsigned)e[65] << 8;

	if (bytes != 2 * (n + 1))
		return false;
	for (size_t i = 0; i < n; i++)
		if (e[2 * i + 1] != 0 || (e[2 * i] | 0x20) != (name[i] | 0x20))
			return false;
	return true;
}

/*
 * Whether an OLE compound file (the container of .xls files and of
 * encrypted Office files) has a stream named name: its directory is a
 * chain of sectors in the file allocation table. Every step is checked
 * against the file's size, and the walk is bounded by its sector count.
 * When the structure is broken, the directory entries are looked for
 * wherever they might lie.
 */
static bool ole_has_stream(const unsigned char *d, size_t len, const char *name)
{
	unsigned shift;
	size_t ssize, nsect, per;
	uint32_t sect;

	if (len < 512)
		goto scan;
	shift = (unsigned)d[30] | (unsigned)d[31] << 8;
	if (shift != 9 && shift != 12)
		goto scan;
	ssize = (size_t)1 << shift;
	nsect = len / ssize;
	per = ssize / 4;
	sect = le32(d + 48);
	for (size_t steps = 0; steps <= nsect; steps++) {
		size_t off, fat_index;
		uint32_t fat_sect;

		if (sect == 0xFFFFFFFEu)
			return false;
		off = ((size_t)sect + 1) * ssize;
		if (sect >= nsect || off + ssize > len)
			goto scan;
		for (size_t e = 0; e < ssize; e += 128)
			if (d[off + e + 66] == 2 && ole_name_is(d + off + e, name))
				return true;
		/* The next sector: the FAT entry of this one (first 109 FAT sectors only). */
		fat_index = sect / per;
		if (fat_index >= 109)
			goto scan;
		fat_sect = le32(d + 76 + 4 * fat_index);
		off = ((size_t)fat_sect + 1) * ssize;
		if (fat_sect >= nsect || off + ssize > len)
			goto scan;
		sect = le32(d + off + 4 * (sect % per));
	}
scan:
	for (size_t off = 0; off + 128 <= len; off += 128)
		if (ole_name_is(d + off, name))
			return true;
	return false;
}

static void not_zip(xlsx *x, const char *data, size_t len)
{
	const char *what = nm_book_sniff(data, len);

	if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
		if (ole_has_stream((const unsigned char *)data, len, "EncryptionInfo"))
			FILE_ERROR(x, "encrypted-workbook",
				   "the workbook is protected with a password; save it in your "
				   "spreadsheet program without a password (File > Save As...)");
		else
			FILE_ERROR(
				x, "xls-workbook",
				"this file is an old Excel workbook (.xls), which netmap does not read; "
				"open it in your spreadsheet program and save it as Excel workbook (.xlsx)");
	} else if (what && strcmp(what, "a text file") == 0) {
		FILE_ERROR(
			x, "not-a-workbook",
			"this file is a text file, not an Excel workbook; if it is a CSV file, "
			"rename it to end in .csv, or open it in your spreadsheet program and save it "
			"as Excel workbook (.xlsx)");
	} else if (what && strcmp(what, "an empty file") == 0) {
		FILE_ERROR(x, "not-a-workbook", "this file is empty, not an Excel workbook");
	} else if (what) {
		FILE_ERROR(
			x, "not-a-workbook",
			"this file is %s, not an Excel workbook; open it in your spreadsheet program "
			"and save it as Excel workbook (.xlsx)",
			what);
	} else {
		FILE_ERROR(
			x, "not-a-workbook",
			"this file is not an Excel workbook (every .xlsx file is a ZIP archive, and "
			"this one is not); open it in your spreadsheet program and save it as Excel "
			"workbook (.xlsx)");
	}
}

/* A ZIP archive without a workbook: say what it seems to be. */
static void no_workbook(xlsx *x)
{
	zip_uint64_t idx;
	zip_file_t *zf;
	char mime[128];
	zip_int64_t n = 0;
	static const char ods[] = "application/vnd.oasis.opendocument.spreadsheet";

	if (find_entry(x, "mimetype", &idx) && (zf = zip_fopen_index(x->zip, idx, 0)) != NULL) {
		n = zip_fread(zf, mime, sizeof(mime) - 1);
		zip_fclose(zf);
	}
	mime[n > 0 ? n : 0] = '\0';
	if (strncmp(mime, ods, sizeof(ods) - 1) == 0)
		FILE_ERROR(
			x, "not-a-workbook",
			"this file is an OpenDocument spreadsheet (.ods), not an Excel workbook; "
			"rename it to end in .ods");
	else if (strncmp(mime, "application/vnd.oasis.opendocument.", 35) == 0)
		FILE_ERROR(x, "not-a-workbook",
			   "this file is an OpenDocument file, not a spreadsheet; open it in your "
			   "spreadsheet program and save it as Excel workbook (.xlsx)");
	else
		FILE_ERROR(
			x, "not-a-workbook",
			"this file is a ZIP archive without an Excel workbook in it (no "
			"'xl/workbook.xml'); open it in your spreadsheet program and save it as Excel "
			"workbook (.xlsx)");
}

/* ---- the reader --------------------------------------------------------- */

static bool open_zip(xlsx *x, const char *data, size_t len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_int64_t n;

	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src)
		x->zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!x->zip) {
		if (src)
			zip_source_free(src);
		if (zip_error_code_zip(&ze) == ZIP_ER_NOZIP)
			FILE_ERROR(
				x, "bad-zip",
				"this file looks like an Excel workbook, but it is incomplete or "
				"damaged (its ZIP directory is missing); save it again in your "
				"spreadsheet program or get a fresh copy");
		else
			FILE_ERROR(
				x, "bad-zip",
				"this file looks like an Excel workbook, but it is damaged (%s); save it "
				"again in your spreadsheet program or get a fresh copy",
				zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return false;
	}
	zip_error_fini(&ze);
	n = zip_get_num_entries(x->zip, 0);
	if (n < 0 || (uint64_t)n > NM_BOOK_MAX_ENTRIES) {
		FILE_ERROR(
			x, "too-many-entries",
			"the workbook's archive holds %lld entries, more than the %u a workbook may "
			"have; it is not read",
			(long long)n, NM_BOOK_MAX_ENTRIES);
		return false;
	}
	return true;
}

/* Find and read the workbook part: its path in *wb_path. */
static bool read_workbook(xlsx *x, char **wb_path)
{
	const rel *r;
	zip_uint64_t idx;
	char *path = NULL;

	if (!read_rels(x, ""))
		return false;
	r = rel_by_type(x, "/officeDocument");
	if (r && find_entry(x, r->target, &idx))
		path = nm_xstrdup(r->target);
	else if (find_entry(x, "xl/workbook.xml", &idx))
		path = nm_xstrdup("xl/workbook.xml");
	if (!path) {
		no_workbook(x);
		return false;
	}
	*wb_path = path;
	if (ends_with(path, ".bin")) {
		FILE_ERROR(
			x, "not-a-workbook",
			"this file is an Excel binary workbook (.xlsb), which netmap does not read; "
			"open it in your spreadsheet program and save it as Excel workbook (.xlsx)");
		return false;
	}
	if (!parse_part(x, path, PART_WORKBOOK)) {
		if (x->not_workbook)
			FILE_ERROR(
				x, "not-a-workbook",
				"this file is an Office document but not an Excel workbook (its main "
				"part '%s' is a '%s'); open it in your spreadsheet program and save it "
				"as Excel workbook (.xlsx)",
				path, x->root_name);
		return false;
	}
	return true;
}

int nm_xlsx_read(const char *data, size_t len, nm_book *book)
{
	xlsx x;
	char *wb_path = NULL, *folder = NULL, *strings = NULL, *styles = NULL;
	const rel *r;

	memset(&x, 0, sizeof(x));
	x.book = book;
	x.chunk = nm_xmalloc(XLSX_CHUNK);
	if (len < 4 || (memcmp(data, "PK\x03\x04", 4) != 0 && memcmp(data, "PK\x05\x06", 4) != 0 &&
			memcmp(data, "PK\x07\x08", 4) != 0)) {
		not_zip(&x, data, len);
		goto done;
	}
	if (!open_zip(&x, data, len) || !read_workbook(&x, &wb_path))
		goto done;
	/* The workbook's relationships locate the sheets, strings and styles. */
	if (!read_rels(&x, wb_path))
		goto done;
	folder = folder_of(wb_path);
	r = rel_by_type(&x, "/sharedStrings");
	strings = r ? nm_xstrdup(r->target) : NULL;
	r = rel_by_type(&x, "/styles");
	styles = r ? nm_xstrdup(r->target) : NULL;
	if (!strings) {
		nm_buf p = NM_BUF_INIT;
		nm_buf_printf(&p, "%ssharedStrings.xml", folder);
		strings = nm_buf_detach(&p);
	}
	if (!styles) {
		nm_buf p = NM_BUF_INIT;
		nm_buf_printf(&p, "%sstyles.xml", folder);
		styles = nm_buf_detach(&p);
	}
	if (!parse_part(&x, strings, PART_STRINGS) || !parse_part(&x, styles, PART_STYLES))
		goto done;
	resolve_styles(&x);
	for (size_t i = 0; i < x.nrefs; i++)
		if (!read_sheet(&x, i))
			goto done;
done:
	if (x.zip)
		zip_discard(x.zip);
	clear_rels(&x);
	free(x.rels);
	free(x.rels_base);
	for (size_t i = 0; i < x.nrefs; i++)
		free(x.refs[i].rid);
	free(x.refs);
	free(x.root_name);
	nm_buf_release(&x.text);
	nm_buf_release(&x.pool);
	free(x.sst);
	free(x.fmts);
	free(x.xf_fmt);
	free(x.xf_date);
	free(x.chunk);
	free(wb_path);
	free(folder);
	free(strings);
	free(styles);
	return book->errors ? NM_EINVALID : NM_OK;
}
