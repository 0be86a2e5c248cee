/*
 * fuzz_scan_report.c: structurally valid but random datasets through
 * validation, analysis and the report writers (the path of `netmap scan`
 * without the store).
 *
 * The fuzzer's bytes are not YAML: they drive a small generator that writes
 * a dataset the validator accepts (ids from a fixed alphabet, every
 * reference known, enum values from the contract), with names, notes and
 * districts made of arbitrary code points written as YAML escapes, so that
 * quotes, control characters, bidi marks and ANSI escapes all reach the
 * writers. Whatever the data, the JSON report must parse (a small checker
 * below) and the text report must hold no control character but the
 * newline. Any other problem aborts, which libFuzzer reports as a crash.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/model.h"
#include "netmap/report.h"
#include "netmap/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- the fuzzer's bytes as a stream of choices ---------------------------- */

typedef struct bytes {
	const uint8_t *p;
	size_t n;
} bytes;

static unsigned take(bytes *b, unsigned range)
{
	unsigned v;

	if (range <= 1)
		return 0;
	if (b->n == 0)
		return 0;
	v = b->p[0];
	if (range > 256 && b->n > 1) {
		v = v << 8 | b->p[1];
		b->p++;
		b->n--;
	}
	b->p++;
	b->n--;
	return v % range;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Code points worth trying in names: the nasty ones, then anything. */
static const uint32_t nasty[] = {0x1b, '\r',   '\b',   '\t',   0x7f,   0x85,   0x9b,   0xa0,
				 0xad, 0x200b, 0x200e, 0x202e, 0x2028, 0x2029, 0xfeff, 0x1f600,
				 '"',  '\'',   '\\',   '<',    '>',    '&',    '=',    '+',
				 '-',  '@',    ',',    ';',    ':',    '#',    '|',    '{',
				 '}',  '[',    ']',    0x0301, 0xe4,   0xdf,   0x4e2d, 0xfffd};

/* A double-quoted YAML scalar of up to max code points chosen by b. */
static void put_text(nm_buf *y, bytes *b, unsigned max)
{
	unsigned len = 1 + take(b, max);

	nm_buf_putc(y, '"');
	for (unsigned i = 0; i < len; i++) {
		uint32_t c;
		unsigned pick = take(b, 4);

		if (pick == 0)
			c = nasty[take(b, N(nasty))];
		else if (pick == 1)
			c = take(b, 0x10000) + (take(b, 2) ? 0x10000 : 0);
		else
			c = 'a' + take(b, 26);
		if (c >= 0xd800 && c <= 0xdfff)
			c = 0xfffd; /* YAML cannot hold surrogates */
		if (c == 0)
			c = ' ';
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			nm_buf_putc(y, (char)c);
		else if (c <= 0xff)
			nm_buf_printf(y, "\\x%02x", (unsigned)c);
		else if (c <= 0xffff)
			nm_buf_printf(y, "\\u%04x", (unsigned)c);
		else
			nm_buf_printf(y, "\\U%08x", (unsigned)c);
	}
	nm_buf_putc(y, '"');
}

static void put_date(nm_buf *y, bytes *b)
{
	nm_buf_printf(y, "%04u-%02u-%02u", 2015 + take(b, 15), 1 + take(b, 12), 1 + take(b, 28));
}

/* The dataset the choices describe, as YAML. */
static void generate(nm_buf *y, bytes *b)
{
	unsigned nthemes = take(b, 6), nactors = 1 + take(b, 40), ncomm = 1 + take(b, 16);

	nm_buf_puts(y, "netmap: 1\ndataset: ");
	put_text(y, b, 12);
	nm_buf_putc(y, '\n');
	if (nthemes) {
		nm_buf_puts(y, "themes:\n");
		for (unsigned t = 0; t < nthemes; t++) {
			nm_buf_printf(y, "  - {id: t%u, label: ", t);
			put_text(y, b, 8);
			nm_buf_puts(y, "}\n");
		}
	}
	if (take(b, 3) == 0)
		nm_buf_printf(y,
			      "settings: {max_load: %u, min_shared: %u, overlap_jaccard: 0.%u}\n",
			      take(b, 8), 1 + take(b, 3), take(b, 10));
	nm_buf_puts(y, "actors:\n");
	for (unsigned a = 0; a < nactors; a++) {
		nm_buf_printf(y, "  - id: a%u\n    name: ", a);
		put_text(y, b, 24);
		nm_buf_printf(y, "\n    type: %s\n",
			      nm_actor_type_names[take(b, (unsigned)NM_TYPE_COUNT)]);
		if (take(b, 2)) {
			nm_buf_puts(y, "    district: ");
			put_text(y, b, 10);
			nm_buf_putc(y, '\n');
		}
		if (nthemes && take(b, 2))
			nm_buf_printf(y, "    themes: [t%u]\n", take(b, nthemes));
		if (take(b, 4) == 0) {
			nm_buf_puts(y, "    contact: {person: ");
			put_text(y, b, 10);
			nm_buf_puts(y, "}\n");
		}
	}
	nm_buf_puts(y, "committees:\n");
	for (unsigned c = 0; c < ncomm; c++) {
		unsigned nmem = take(b, nactors + 1);

		nm_buf_printf(y, "  - id: c%u\n    name: ", c);
		put_text(y, b, 24);
		nm_buf_printf(y, "\n    kind: %s\n    status: %s\n",
			      nm_kind_names[take(b, (unsigned)NM_KIND_COUNT)],
			      nm_status_names[take(b, (unsigned)NM_STATUS_COUNT)]);
		if (take(b, 2))
			nm_buf_puts(y, "    ad_hoc: true\n");
		if (take(b, 2)) {
			nm_buf_puts(y, "    last_met: ");
			put_date(y, b);
			nm_buf_putc(y, '\n');
		}
		if (take(b, 3) == 0) {
			nm_buf_puts(y, "    founded: ");
			put_date(y, b);
			nm_buf_puts(y, "\n    ends: ");
			put_date(y, b);
			nm_buf_putc(y, '\n');
		}
		if (take(b, 2))
			nm_buf_printf(y, "    meets: %s\n",
				      nm_freq_names[take(b, (unsigned)NM_FREQ_COUNT)]);
		if (c > 0 && take(b, 4) == 0)
			nm_buf_printf(y, "    parent: c%u\n", take(b, c));
		if (nthemes && take(b, 2))
			nm_buf_printf(y, "    themes: [t%u, t%u]\n", take(b, nthemes),
				      take(b, nthemes));
		if (take(b, 3) == 0) {
			nm_buf_puts(y, "    note: ");
			put_text(y, b, 30);
			nm_buf_putc(y, '\n');
		}
		nm_buf_puts(y, "    members:\n");
		for (unsigned m = 0; m < nmem; m++)
			nm_buf_printf(y, "      - {actor: a%u, role: %s}\n", take(b, nactors),
				      nm_role_names[take(b, (unsigned)NM_ROLE_COUNT)]);
		if (nmem == 0)
			nm_buf_puts(y, "      []\n");
	}
}

/* ---- a small JSON checker (RFC 8259 syntax) --------------------------------- */

typedef struct json {
	const char *p, *end;
	int depth;
} json;

static bool json_value(json *j);

static void ws(json *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r'))
		j->p++;
}

static bool lit(json *j, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
		return false;
	j->p += n;
	return true;
}

static bool json_string(json *j)
{
	if (j->p >= j->end || *j->p != '"')
		return false;
	j->p++;
	while (j->p < j->end && *j->p != '"') {
		unsigned char c = (unsigned char)*j->p++;
		if (c < 0x20)
			return false;
		if (c == '\\') {
			if (j->p >= j->end)
				return false;
			c = (unsigned char)*j->p++;
			if (c == 'u') {
				for (int i = 0; i < 4; i++, j->p++)
					if (j->p >= j->end ||
					    !strchr("0123456789abcdefABCDEF", *j->p))
						return false;
			} else if (!strchr("\"\\/bfnrt", c)) {
				return false;
			}
		}
	}
	if (j->p >= j->end)
		return false;
	j->p++;
	return true;
}

static bool digits(json *j)
{
	const char *s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s;
}

static bool json_number(json *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (!digits(j))
		return false;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!digits(j))
			return false;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!digits(j))
			return false;
	}
	return true;
}

static bool json_container(json *j, char close, bool object)
{
	j->p++;
	if (++j->depth > 64)
		return false;
	ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		j->depth--;
		return true;
	}
	for (;;) {
		ws(j);
		if (object) {
			if (!json_string(j))
				return false;
			ws(j);
			if (j->p >= j->end || *j->p++ != ':')
				return false;
		}
		if (!json_value(j))
			return false;
		ws(j);
		if (j->p >= j->end)
			return false;
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		if (*j->p++ != close)
			return false;
		j->depth--;
		return true;
	}
}

static bool json_value(json *j)
{
	ws(j);
	if (j->p >= j->end)
		return false;
	switch (*j->p) {
	case '{':
		return json_container(j, '}', true);
	case '[':
		return json_container(j, ']', false);
	case '"':
		return json_string(j);
	case 't':
		return lit(j, "true");
	case 'f':
		return lit(j, "false");
	case 'n':
		return lit(j, "null");
	default:
		return json_number(j);
	}
}

static bool json_valid(const char *s, size_t n)
{
	json j = {s, s + n, 0};

	if (!json_value(&j))
		return false;
	ws(&j);
	return j.p == j.end;
}

/* No C0 control but the newline, no DEL, no C1 control (U+0080-U+009F). */
static bool text_clean(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i++) {
		if ((p[i] < 0x20 && p[i] != '\n') || p[i] == 0x7f)
			return false;
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
			return false;
	}
	return true;
}

static void die(const char *what, const nm_buf *yaml, const nm_buf *out)
{
	fprintf(stderr, "fuzz_scan_report: %s\n--- dataset\n%s\n--- output\n%s\n", what,
		nm_buf_cstr(yaml), nm_buf_cstr(out));
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bytes b = {data, size};
	nm_buf yaml = NM_BUF_INIT, out = NM_BUF_INIT;
	nm_diags d;
	nm_loader *ld;
	nm_validator *v;
	nm_dataset *ds = NULL;
	nm_analysis *an = NULL;
	nm_error err;
	nm_doc *docs;
	size_t ndocs;
	nm_date today = 20783; /* 2026-11-26 */
	nm_report_opts ro;

	generate(&yaml, &b);
	nm_diags_init(&d);
	ld = nm_loader_new(&d);
	v = nm_validator_new(&d, today);
	nm_loader_parse_buffer(ld, "fuzz.yaml", yaml.ptr, yaml.len, &docs, &ndocs);
	for (size_t i = 0; i < ndocs; i++)
		nm_validator_add_doc(v, &docs[i]);
	nm_loader_free(ld);
	nm_validator_finish(v, &ds);
	nm_validator_free(v);
	if (d.errors) {
		/* The generator writes valid data only: an error is a bug in one of us. */
		fprintf(stderr, "first problem: %u:%u %s\n", d.items[0].line, d.items[0].col,
			d.items[0].message);
		die("the validator rejected a valid dataset", &yaml, &out);
	}
	if (nm_analysis_run(&an, ds, &ds->settings, today, &err) != NM_OK)
		die(err.message, &yaml, &out);

	nm_report_opts_init(&ro);
	ro.width = 80;
	ro.all = size % 2 == 0;
	nm_report_json(&out, an, &ro);
	if (!json_valid(out.ptr, out.len))
		die("the JSON report does not parse", &yaml, &out);
	for (int lang = 0; lang < 2; lang++) {
		nm_buf_clear(&out);
		ro.lang = lang ? NM_LANG_EN : NM_LANG_DE;
		nm_report_text(&out, an, &ro);
		if (!text_clean(out.ptr, out.len))
			die("the text report holds a control character", &yaml, &out);
	}

	nm_analysis_free(an);
	nm_dataset_free(ds);
	nm_diags_release(&d);
	nm_buf_release(&yaml);
	nm_buf_release(&out);
	return 0;
}
