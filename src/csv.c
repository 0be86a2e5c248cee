/*
 * csv.c: the CSV reader (contract 6.5). A CSV file becomes one sheet of
 * text cells, each with the line and column where it starts in the file.
 *
 * Reading happens in three linear passes over the bytes. First the bytes
 * become UTF-8 text: UTF-8 as it is (a byte-order mark dropped), UTF-16
 * with a byte-order mark and any file that is not valid UTF-8 (read as
 * Windows-1252) through iconv, so that netmap holds no conversion tables
 * of its own. Then the delimiter is chosen (a `sep=` line, or the most
 * frequent of `;`, `,` and tab in the first line that holds one). Last the
 * records are split as RFC 4180 says. Every budget is checked as the bytes
 * go by, never against a size the file claims: a quote never closed at the
 * start of a large file costs one scan and at most one cell's budget of
 * memory.
 *
 * Rows are records: an empty line is a record without cells, so that row
 * numbers are the ones a spreadsheet program shows when it opens the file.
 * The first problem inside the bytes stops reading: after a broken quote
 * no later cell can be trusted to be where the file meant it.
 */
#include "netmap/book.h"
#include "netmap/buf.h"
#include "netmap/common.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <utf8proc.h>

#define NO_DELIM (-1)

typedef struct pos {
	uint32_t line, col; /* 1-based; col in characters */
} pos;

typedef struct csv {
	nm_book *book;
	nm_sheet *sheet;
	const char *t; /* the text, UTF-8 */
	size_t n;      /* its length in bytes */
	size_t i;      /* the next byte to read */
	pos at;        /* where t[i] is in the file */
	int delim;     /* the delimiter byte, or NO_DELIM (one column) */
	nm_buf cell;   /* a quoted cell's text, its quotes undone */
} csv;

static void inc(uint32_t *v)
{
	if (*v < UINT32_MAX)
		(*v)++;
}

static bool is_break(unsigned char b)
{
	return b == '\r' || b == '\n';
}

/* The position of byte off of the text (lines end at CRLF, LF or CR). */
static pos pos_at(const char *t, size_t off)
{
	pos p = {1, 1};

	for (size_t i = 0; i < off; i++) {
		unsigned char b = (unsigned char)t[i];
		/* t[off] is there: a NUL or a bad byte, or the buffer's NUL. */
		if (b == '\n' || (b == '\r' && t[i + 1] != '\n')) {
			inc(&p.line);
			p.col = 1;
		} else if (b != '\r' && (b & 0xC0) != 0x80) {
			inc(&p.col);
		}
	}
	return p;
}

/* ---- encoding ---------------------------------------------------------- */

/* The offset of the first byte that does not begin valid UTF-8, or n. */
static size_t first_invalid_utf8(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
				     (utf8proc_ssize_t)(n - i < 4 ? n - i : 4), &cp);
		if (k <= 0)
			return i;
		i += (size_t)k;
	}
	return n;
}

/*
 * Convert n bytes of charset from to UTF-8 into out, which is made room
 * for size bytes first (enough for any text, so that out never grows).
 * Returns 0, or -1 with *bad the offset of the first byte that charset
 * does not define (n when the text ends inside a character), or -2 when
 * iconv cannot convert from that charset at all.
 */
static int convert(const char *from, const char *in, size_t n, size_t size, nm_buf *out,
		   size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *ip = (char *)in; /* iconv's prototype; it does not write the input */
	size_t il = n;
	int rc = 0;

	if (cd == (iconv_t)-1) // NOLINT(performance-no-int-to-ptr): iconv_open's failure value
		return -2;
	nm_buf_grow(out, size);
	for (;;) {
		char *op = out->ptr + out->len;
		size_t ol = out->cap - out->len - 1;
		size_t r = iconv(cd, il ? &ip : NULL, &il, &op, &ol);

		out->len = (size_t)(op - out->ptr);
		if (r != (size_t)-1 && il == 0) {
			/* Flush the converter's state (none for these charsets). */
			op = out->ptr + out->len;
			ol = out->cap - out->len - 1;
			iconv(cd, NULL, NULL, &op, &ol);
			out->len = (size_t)(op - out->ptr);
			break;
		}
		if (r == (size_t)-1 && errno == E2BIG) {
			nm_buf_grow(out, il * 3 + 16);
			continue;
		}
		*bad = errno == EINVAL ? n : (size_t)(ip - in);
		rc = -1;
		break;
	}
	out->ptr[out->len] = '\0';
	iconv_close(cd);
	return rc;
}

/*
 * Turn the bytes into UTF-8 text: *text points into data or into owned.
 * Returns NM_OK, or NM_EINVALID with the problem added.
 */
static int decode(nm_book *book, const char *data, size_t len, nm_buf *owned, const char **text,
		  size_t *tlen)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *charset = NULL;
	size_t bad = 0, high = 0;
	pos p;
	int rc;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*text = data + 3;
		*tlen = len - 3;
		bad = first_invalid_utf8(*text, *tlen);
		if (bad == *tlen)
			return NM_OK;
		p = pos_at(*text, bad);
		nm_book_problem_add(book, NM_SEV_ERROR, "csv-encoding", 0, p.line, p.col,
				    "byte 0x%02X is not UTF-8, although the file begins as "
				    "UTF-8; save the file again as 'CSV UTF-8'",
				    (unsigned char)(*text)[bad]);
		return NM_EINVALID;
	}
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		charset = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		/* Two bytes become at most three, four (a surrogate pair) four. */
		rc = convert(charset, data + 2, len - 2, len + len / 2, owned, &bad);
		*text = owned->ptr;
		*tlen = owned->len;
		if (rc == 0)
			return NM_OK;
		p = pos_at(owned->ptr, owned->len);
		if (rc == -2)
			nm_book_problem_add(book, NM_SEV_ERROR, "csv-encoding", -1, 0, 0,
					    "cannot read %s text on this system; save the file "
					    "as 'CSV UTF-8'",
					    charset);
		else
			nm_book_problem_add(book, NM_SEV_ERROR, "csv-encoding", 0, p.line, p.col,
					    "broken %s text, although the file begins as %s; "
					    "save the file again as 'CSV UTF-8'",
					    charset, charset);
		return NM_EINVALID;
	}
	bad = first_invalid_utf8(data, len);
	if (bad == len) {
		*text = data;
		*tlen = len;
		return NM_OK;
	}
	for (size_t i = 0; i < len; i++)
		high += u[i] >= 0x80; /* at most three bytes each, ASCII one */
	rc = convert("WINDOWS-1252", data, len, len + 2 * high, owned, &bad);
	*text = owned->ptr;
	*tlen = owned->len;
	if (rc == 0) {
		nm_book_problem_add(book, NM_SEV_WARNING, "csv-encoding", -1, 0, 0,
				    "the file is not UTF-8; netmap read it as Windows-1252 "
				    "(Western European), so some characters may be wrong; "
				    "save it as 'CSV UTF-8' to be sure");
		return NM_OK;
	}
	if (rc == -2) {
		nm_book_problem_add(book, NM_SEV_ERROR, "csv-encoding", -1, 0, 0,
				    "the file is not UTF-8 and this system cannot read it "
				    "as Windows-1252; save it as 'CSV UTF-8'");
		return NM_EINVALID;
	}
	p = pos_at(owned->ptr, owned->len);
	nm_book_problem_add(book, NM_SEV_ERROR, "csv-encoding", 0, p.line, p.col,
			    "byte 0x%02X is neither UTF-8 nor Windows-1252 text; save the "
			    "file as 'CSV UTF-8'",
			    (unsigned char)data[bad < len ? bad : len - 1]);
	return NM_EINVALID;
}

/* ---- the delimiter ----------------------------------------------------- */

/* The delimiter as a message names it: "';'", "a tab" (out: 8 bytes). */
static void delim_name(int d, char *out)
{
	if (d == '\t')
		memcpy(out, "a tab", 6);
	else if (d == NO_DELIM)
		memcpy(out, "none", 5);
	else {
		out[0] = '\'';
		out[1] = (char)d;
		out[2] = '\'';
		out[3] = '\0';
	}
}

/*
 * The delimiter, from the first line that holds `;`, `,` or a tab outside
 * quotes. Fields are not known before the delimiter is: a quote opens a
 * quoted field at the start of a line or after any of the three.
 */
static int detect_delim(const char *t, size_t n)
{
	size_t count[3] = {0, 0, 0}; /* ';', ',', tab */
	bool field_start = true;
	size_t i = 0;

	while (i < n) {
		unsigned char b = (unsigned char)t[i];

		if (b == '"' && field_start) {
			for (i++; i < n; i++) {
				if (t[i] != '"')
					continue;
				if (i + 1 < n && t[i + 1] == '"')
					i++;
				else
					break;
			}
			i++;
			field_start = false;
			continue;
		}
		i++;
		field_start = b == ';' || b == ',' || b == '\t' || is_break(b);
		if (b == ';')
			count[0]++;
		else if (b == ',')
			count[1]++;
		else if (b == '\t')
			count[2]++;
		else if (is_break(b) && count[0] + count[1] + count[2] > 0)
			break;
	}
	if (count[0] + count[1] + count[2] == 0)
		return NO_DELIM;
	if (count[0] >= count[1] && count[0] >= count[2])
		return ';';
	return count[1] >= count[2] ? ',' : '\t';
}

/* Whether the text begins with `sep=`, in any case of ASCII. */
static bool is_sep_line(const char *t, size_t n)
{
	static const char word[] = "sep=";

	if (n < 4)
		return false;
	for (size_t k = 0; k < 4; k++)
		if ((t[k] >= 'A' && t[k] <= 'Z' ? t[k] - 'A' + 'a' : t[k]) != word[k])
			return false;
	return true;
}

/*
 * A first line `sep=X` (Excel; any ASCII character but a quote or a
 * control character other than tab): sets c->delim and skips the line.
 * Returns NM_OK (also when there is no such line) or NM_EINVALID.
 */
static int read_sep_line(csv *c)
{
	size_t end = 0;

	if (!is_sep_line(c->t, c->n))
		return NM_OK;
	while (end < c->n && !is_break((unsigned char)c->t[end]))
		end++;
	if (end != 5 || c->t[4] == '"' || (unsigned char)c->t[4] >= 0x80 ||
	    ((unsigned char)c->t[4] < 0x20 && c->t[4] != '\t') || c->t[4] == 0x7F) {
		nm_book_problem_add(c->book, NM_SEV_ERROR, "csv-sep", 0, 1, 5,
				    "the first line 'sep=' must name one delimiter, such "
				    "as 'sep=;' or 'sep=,'");
		return NM_EINVALID;
	}
	c->delim = (unsigned char)c->t[4];
	c->i = end;
	if (c->i < c->n)
		c->i += c->t[c->i] == '\r' && c->i + 1 < c->n && c->t[c->i + 1] == '\n' ? 2 : 1;
	c->at.line = 2;
	c->at.col = 1;
	return NM_OK;
}

/* ---- records ----------------------------------------------------------- */

/* Step over the line break at c->i. */
static void line_break(csv *c)
{
	if (c->t[c->i] == '\r' && c->i + 1 < c->n && c->t[c->i + 1] == '\n')
		c->i++;
	c->i++;
	inc(&c->at.line);
	c->at.col = 1;
}

/* Step over n bytes of text on one line, counting characters. */
static void step(csv *c, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (((unsigned char)c->t[c->i + k] & 0xC0) != 0x80)
			inc(&c->at.col);
	c->i += n;
}

static bool at_field_end(const csv *c)
{
	unsigned char b;

	if (c->i >= c->n)
		return true;
	b = (unsigned char)c->t[c->i];
	return (int)b == c->delim || is_break(b);
}

static int cell_too_long(csv *c, pos start)
{
	nm_book_problem_add(c->book, NM_SEV_ERROR, "cell-too-long", 0, start.line, start.col,
			    "cell longer than %u bytes, more than netmap reads; is a "
			    "quote missing?",
			    NM_BOOK_MAX_CELL_BYTES);
	return NM_EINVALID;
}

/*
 * A quoted field at c->i (the opening quote): its text, quotes undone,
 * into c->cell. Past the budget the text is no longer kept, but the scan
 * goes on to tell a quote never closed from a cell that is too long.
 */
static int read_quoted(csv *c, pos start)
{
	bool too_long = false;

	nm_buf_clear(&c->cell);
	step(c, 1);
	for (;;) {
		size_t run = 0;
		unsigned char b;

		if (c->i >= c->n) {
			nm_book_problem_add(c->book, NM_SEV_ERROR, "csv-quote", 0, start.line,
					    start.col,
					    "the quote that opens this cell is never closed; end "
					    "the cell with '\"' and write each quote inside it "
					    "twice (\"\")");
			return NM_EINVALID;
		}
		b = (unsigned char)c->t[c->i];
		if (b == '"') {
			if (c->i + 1 < c->n && c->t[c->i + 1] == '"') {
				run = 1; /* keep one of the two */
				step(c, 1);
			} else {
				step(c, 1);
				break;
			}
		} else if (is_break(b)) {
			run = b == '\r' && c->i + 1 < c->n && c->t[c->i + 1] == '\n' ? 2 : 1;
		} else {
			while (c->i + run < c->n && c->t[c->i + run] != '"' &&
			       !is_break((unsigned char)c->t[c->i + run]))
				run++;
		}
		if (!too_long && run > NM_BOOK_MAX_CELL_BYTES - c->cell.len)
			too_long = true;
		if (!too_long)
			nm_buf_put(&c->cell, c->t + c->i, run);
		if (is_break(b))
			line_break(c);
		else
			step(c, run);
	}
	if (too_long)
		return cell_too_long(c, start);
	if (!at_field_end(c)) {
		nm_book_problem_add(c->book, NM_SEV_ERROR, "csv-quote", 0, c->at.line, c->at.col,
				    "text after the closing quote of the cell at line %u, "
				    "column %u; put the whole cell in quotes and write each "
				    "quote inside it twice (\"\")",
				    start.line, start.col);
		return NM_EINVALID;
	}
	return NM_OK;
}

static int add_cell(csv *c, size_t row, uint32_t col, pos start, const char *text, size_t len)
{
	nm_cell *cell;

	if (len == 0)
		return NM_OK;
	if (row > NM_BOOK_MAX_ROWS) {
		nm_book_problem_add(c->book, NM_SEV_ERROR, "too-many-rows", 0, start.line,
				    start.col, "more than %u rows, the most a spreadsheet holds",
				    NM_BOOK_MAX_ROWS);
		return NM_EINVALID;
	}
	cell = nm_book_add_cell(c->book, c->sheet, (uint32_t)row, col, NM_CELL_TEXT, text, len);
	if (!cell) {
		nm_book_problem_add(c->book, NM_SEV_ERROR, "too-many-cells", 0, start.line,
				    start.col,
				    "more than %u non-empty cells, more than netmap reads "
				    "from one file",
				    NM_BOOK_MAX_CELLS);
		return NM_EINVALID;
	}
	cell->line = start.line;
	cell->lcol = start.col;
	return NM_OK;
}

/* One record at c->i (not at a line break); steps over its line break. */
static int read_record(csv *c, size_t row)
{
	uint32_t col = 1;

	for (;;) {
		pos start = c->at;
		const char *text;
		size_t len;
		int rc;

		if (col > NM_BOOK_MAX_COLS) {
			char name[8];
			delim_name(c->delim, name);
			nm_book_problem_add(c->book, NM_SEV_ERROR, "too-many-columns", 0,
					    start.line, start.col,
					    "more than %u columns in one row, the most a "
					    "spreadsheet holds (netmap read %s as the delimiter)",
					    NM_BOOK_MAX_COLS, name);
			return NM_EINVALID;
		}
		if (c->i < c->n && c->t[c->i] == '"') {
			rc = read_quoted(c, start);
			if (rc < 0)
				return rc;
			text = c->cell.ptr;
			len = c->cell.len;
		} else {
			size_t s = c->i;
			/* A quote inside an unquoted cell is one of its characters. */
			while (!at_field_end(c))
				step(c, 1);
			text = c->t + s;
			len = c->i - s;
			if (len > NM_BOOK_MAX_CELL_BYTES)
				return cell_too_long(c, start);
		}
		rc = add_cell(c, row, col, start, text, len);
		if (rc < 0)
			return rc;
		if (c->i < c->n && (int)(unsigned char)c->t[c->i] == c->delim) {
			step(c, 1);
			col++;
			continue;
		}
		if (c->i < c->n)
			line_break(c);
		return NM_OK;
	}
}

int nm_csv_read(const char *data, size_t len, const char *sheet_name, nm_book *book)
{
	nm_buf owned = NM_BUF_INIT;
	csv c;
	const char *nul;
	size_t row = 1;
	int rc;

	memset(&c, 0, sizeof(c));
	nm_buf_init(&c.cell);
	c.book = book;
	c.sheet = nm_book_add_sheet(book, sheet_name, strlen(sheet_name));
	c.at.line = 1;
	c.at.col = 1;
	rc = decode(book, data, len, &owned, &c.t, &c.n);
	if (rc < 0)
		goto done;
	nul = c.n ? memchr(c.t, '\0', c.n) : NULL;
	if (nul) {
		pos p = pos_at(c.t, (size_t)(nul - c.t));
		nm_book_problem_add(book, NM_SEV_ERROR, "csv-nul", 0, p.line, p.col,
				    "NUL byte (a zero byte) in the file, which text never "
				    "holds; save the file as 'CSV UTF-8'");
		rc = NM_EINVALID;
		goto done;
	}
	c.delim = NO_DELIM;
	rc = read_sep_line(&c);
	if (rc < 0)
		goto done;
	if (c.delim == NO_DELIM)
		c.delim = detect_delim(c.t + c.i, c.n - c.i);
	while (c.i < c.n) {
		if (is_break((unsigned char)c.t[c.i])) {
			line_break(&c); /* an empty line: a row without cells */
		} else {
			rc = read_record(&c, row);
			if (rc < 0)
				goto done;
		}
		row++;
	}
done:
	nm_buf_release(&c.cell);
	nm_buf_release(&owned);
	return rc;
}
