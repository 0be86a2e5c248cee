/*
 * report_email.c: the overview as a complete e-mail message for
 * `sendmail -t`: headers, then multipart/alternative with the text report
 * (text/plain) and the HTML report, the HTML with its pictures as PNG
 * parts in multipart/related, referenced by cid: (mail clients drop
 * inline SVG). Bodies are UTF-8, quoted-printable; PNGs base64 in lines
 * of 76. Lines end in LF, as sendmail expects from a local program.
 *
 * Headers: From and To only when given (without --to the message is
 * still complete, so a user can add recipients, or pass them to sendmail
 * itself); Subject, by default "netmap: <dataset>, <date>" in the report's
 * language; Date, the day of --date at 00:00 UTC or else the current time;
 * a Message-ID. Values with anything but printable ASCII are RFC 2047
 * encoded words; control characters, CR and LF above all, become spaces
 * before that, so nothing from the data or the options can start a
 * header line of its own.
 *
 * Same store and options, same bytes when --date pins the date: the
 * boundaries, the Message-ID and the Content-IDs are hashes (SHA-256) of
 * the headers and the text and HTML bodies. The PNGs are drawn from the
 * same analysis and are left out of the hash, so the message's structure
 * does not depend on the fonts a machine renders them with. A boundary
 * begins with "=_", which quoted-printable and base64 never write, so no
 * body can contain it whatever the hash.
 */
#include "netmap/graph.h"
#include "netmap/trend.h"

#include "graph_svg.h"
#include "report_html.h"
#include "report_html_map.h"
#include "netmap/report.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <utf8proc.h>

#define QP_LINE 76 /* characters of an encoded line, soft break included */
#define B64_LINE 76
#define HEADER_LINE 78
#define WORD_BYTES 45 /* source bytes per encoded word: 60 base64 characters */

static const nm_msg msgs[] = {
	{"netmap overview", "netmap-Übersicht"},
	{"(unnamed dataset)", "(Datensatz ohne Namen)"},
};

static const char hex[] = "0123456789ABCDEF";

/* A header value with control characters as spaces and broken UTF-8 as U+FFFD. */
static void clean_value(nm_buf *b, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);

		if (n <= 0) {
			nm_buf_puts(b, "\xEF\xBF\xBD");
			p++;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 ||
		    cp == 0x2029)
			nm_buf_putc(b, ' ');
		else
			nm_buf_put(b, (const char *)p, (size_t)n);
		p += n;
	}
}

static bool plain_ascii(const char *s)
{
	size_t run = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p > 0x7E)
			return false;
		if (p[0] == '=' && p[1] == '?')
			return false; /* would read as an encoded word */
		run = *p == ' ' ? 0 : run + 1;
		if (run > 900)
			return false;
	}
	return true;
}

static void base64(nm_buf *b, const unsigned char *p, size_t n)
{
	static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		nm_buf_putc(b, al[(v >> 18) & 63]);
		nm_buf_putc(b, al[(v >> 12) & 63]);
		nm_buf_putc(b, (char)(i + 1 < n ? al[(v >> 6) & 63] : '='));
		nm_buf_putc(b, (char)(i + 2 < n ? al[v & 63] : '='));
	}
}

/*
 * Append value (cleaned) as encoded words, each at most WORD_BYTES of
 * UTF-8 cut between characters, folded onto lines of their own. col is
 * the column the first word starts at.
 */
static void encoded_words(nm_buf *b, const char *value, size_t col)
{
	const unsigned char *p = (const unsigned char *)value;
	size_t n = strlen(value);
	bool first = true;

	while (n) {
		size_t k = n < WORD_BYTES ? n : WORD_BYTES;

		while (k < n && k > 0 && (p[k] & 0xC0) == 0x80)
			k--; /* do not cut a character */
		if (!first) {
			if (col + 12 + (k + 2) / 3 * 4 > HEADER_LINE) {
				nm_buf_puts(b, "\n ");
				col = 1;
			} else {
				nm_buf_putc(b, ' ');
				col++;
			}
		}
		nm_buf_puts(b, "=?utf-8?B?");
		base64(b, p, k);
		nm_buf_puts(b, "?=");
		col += 12 + (k + 2) / 3 * 4;
		first = false;
		p += k;
		n -= k;
	}
}

/* Printable ASCII folded at spaces so lines stay within HEADER_LINE where they can. */
static void folded(nm_buf *b, const char *value, size_t col)
{
	const char *p = value;

	while (*p) {
		const char *sp = strchr(p + 1, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);

		if (col + len > HEADER_LINE && p != value && *p == ' ') {
			nm_buf_puts(b, "\n");
			col = 0;
		}
		nm_buf_put(b, p, len);
		col += len;
		p += len;
	}
}

/* An unstructured header: Subject. */
static void text_header(nm_buf *b, const char *name, const char *raw)
{
	nm_buf v = NM_BUF_INIT;

	clean_value(&v, raw);
	nm_buf_printf(b, "%s: ", name);
	if (plain_ascii(v.ptr ? v.ptr : ""))
		folded(b, nm_buf_cstr(&v), strlen(name) + 2);
	else
		encoded_words(b, nm_buf_cstr(&v), strlen(name) + 2);
	nm_buf_putc(b, '\n');
	nm_buf_release(&v);
}

/* One address, "Name <addr>" or "addr", with a non-ASCII name encoded. */
static void address(nm_buf *b, const char *s, size_t n, size_t col)
{
	nm_buf one = NM_BUF_INIT, name = NM_BUF_INIT;
	const char *lt;

	while (n && *s == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	nm_buf_put(&one, s, n);
	lt = strrchr(nm_buf_cstr(&one), '<');
	if (plain_ascii(nm_buf_cstr(&one)) || !lt) {
		nm_buf_puts(b, nm_buf_cstr(&one));
	} else {
		const char *ns = one.ptr, *ne = lt;
		while (ne > ns && ne[-1] == ' ')
			ne--;
		if (ne - ns >= 2 && *ns == '"' && ne[-1] == '"')
			ns++, ne--;
		nm_buf_put(&name, ns, (size_t)(ne - ns));
		if (name.len) {
			encoded_words(b, nm_buf_cstr(&name), col);
			nm_buf_putc(b, ' ');
		}
		nm_buf_puts(b, lt);
	}
	nm_buf_release(&one);
	nm_buf_release(&name);
}

/* An address list header: From, To. Commas inside quotes or <> do not split. */
static void address_header(nm_buf *b, const char *name, const char *raw)
{
	nm_buf v = NM_BUF_INIT;
	const char *p, *start;
	bool quoted = false;
	int angle = 0;

	clean_value(&v, raw);
	nm_buf_printf(b, "%s: ", name);
	start = p = nm_buf_cstr(&v);
	for (;; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '<' && !quoted)
			angle++;
		else if (*p == '>' && !quoted && angle)
			angle--;
		if (*p == '\0' || (*p == ',' && !quoted && !angle)) {
			address(b, start, (size_t)(p - start),
				start == v.ptr ? strlen(name) + 2 : 1);
			if (!*p)
				break;
			nm_buf_puts(b, ",\n ");
			start = p + 1;
		}
	}
	nm_buf_putc(b, '\n');
	nm_buf_release(&v);
}

/* Quoted-printable (RFC 2045) of UTF-8 text with LF line ends. */
static void quoted_printable(nm_buf *b, const char *s, size_t n)
{
	size_t col = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool eol = i + 1 == n || s[i + 1] == '\n';
		char enc[4];
		size_t w;

		if (c == '\n') {
			nm_buf_putc(b, '\n');
			col = 0;
			continue;
		}
		/*
		 * Literal: printable ASCII but '=', and space or tab not at the
		 * end of a line. A '.' or 'F' opening a line is encoded, so that
		 * neither a lone "." (end of input to sendmail) nor "From "
		 * (mbox) can arise.
		 */
		bool risky = c == '.' || (c == 'F' && strncmp(s + i, "From ", 5) == 0);

		if (((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !eol)) &&
		    !(col == 0 && risky)) {
			enc[0] = (char)c;
			w = 1;
		} else {
			enc[0] = '=';
			enc[1] = hex[c >> 4];
			enc[2] = hex[c & 15];
			w = 3;
		}
		/* room for the soft break "=" unless this ends the line */
		if (col + w > QP_LINE - 1 && !(eol && col + w <= QP_LINE)) {
			nm_buf_puts(b, "=\n");
			col = 0;
			if (w == 1 && risky) {
				enc[0] = '=';
				enc[1] = hex[c >> 4];
				enc[2] = hex[c & 15];
				w = 3;
			}
		}
		nm_buf_put(b, enc, w);
		col += w;
	}
	if (col)
		nm_buf_puts(b, "=\n"); /* a body not ending in a newline */
}

static void base64_lines(nm_buf *b, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += B64_LINE / 4 * 3) {
		size_t k = n - i < B64_LINE / 4 * 3 ? n - i : B64_LINE / 4 * 3;
		base64(b, p + i, k);
		nm_buf_putc(b, '\n');
	}
}

/* SHA-256 of the parts, as lowercase hex (65 bytes with the NUL). */
static void digest(char out[65], const char *const *parts, size_t n)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	memset(md, 0, sizeof(md));
	if (ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		for (size_t i = 0; i < n; i++) {
			const char *s = parts[i] ? parts[i] : "";
			EVP_DigestUpdate(ctx, s, strlen(s) + 1);
		}
		EVP_DigestFinal_ex(ctx, md, &len);
	}
	EVP_MD_CTX_free(ctx);
	for (size_t i = 0; i < 32; i++) {
		out[2 * i] = "0123456789abcdef"[md[i] >> 4];
		out[2 * i + 1] = "0123456789abcdef"[md[i] & 15];
	}
	out[64] = '\0';
}

/* RFC 5322 date: the day of opts->date at 00:00 UTC, or now. */
static void date_header(nm_buf *b, nm_date date)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t t = date != NM_DATE_NONE ? (time_t)date * 86400 : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	nm_buf_printf(b, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
		      months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The domain of the From address for the Message-ID, or netmap.invalid. */
static void id_domain(nm_buf *b, const char *from)
{
	const char *at = from ? strrchr(from, '@') : NULL;
	size_t n = 0;

	if (at)
		for (at++; (at[n] >= 'a' && at[n] <= 'z') || (at[n] >= 'A' && at[n] <= 'Z') ||
			   (at[n] >= '0' && at[n] <= '9') || at[n] == '.' || at[n] == '-';
		     n++)
			;
	if (n)
		nm_buf_put(b, at, n);
	else
		nm_buf_puts(b, "netmap.invalid");
}

static void default_subject(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	nm_buf day = NM_BUF_INIT;
	const char *name = an->ds->name ? an->ds->name
					: NM_TR(msgs, opts->lang, "(unnamed dataset)");

	nm_i18n_date(&day, opts->lang, opts->date != NM_DATE_NONE ? opts->date : an->today);
	nm_buf_printf(b, "%s: %s, %s", NM_TR(msgs, opts->lang, "netmap overview"), name, day.ptr);
	nm_buf_release(&day);
}

/* The chart of the snapshots at the top of the mail's HTML, before the findings. */
static void insert_trend(nm_buf *html, const char *cid, const nm_report_opts *opts)
{
	const char *at = strstr(nm_buf_cstr(html), "<section id=\"summary\">");
	nm_buf b = NM_BUF_INIT;

	if (!at)
		return;
	nm_buf_put(&b, html->ptr, (size_t)(at - html->ptr));
	nm_html_map_trend_img(&b, cid, opts);
	nm_buf_puts(&b, at);
	nm_buf_release(html);
	*html = b;
}

static void part_header(nm_buf *b, const char *boundary, const char *type)
{
	nm_buf_printf(b, "\n--%s\nContent-Type: %s\n", boundary, type);
}

void nm_report_email(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts)
{
	static const char *const names[NM_GRAPH_COUNT] = {"overlaps", "members"};
	nm_report_opts o = *opts;
	nm_buf text = NM_BUF_INIT, html = NM_BUF_INIT, subject = NM_BUF_INIT;
	nm_buf date = NM_BUF_INIT, png[NM_GRAPH_COUNT] = {NM_BUF_INIT, NM_BUF_INIT};
	nm_buf trend_png = NM_BUF_INIT;
	char trend_cid[128] = "";
	char cid[NM_GRAPH_COUNT][128], h[65], alt[80], rel[80];
	const char *cids[NM_GRAPH_COUNT] = {NULL, NULL};
	bool related = false;

	o.color = false;
	nm_report_text(&text, an, &o);
	if (opts->subject)
		nm_buf_puts(&subject, opts->subject);
	else
		default_subject(&subject, an, opts);
	date_header(&date, opts->date);

	{
		const char *parts[] = {opts->from, opts->to, subject.ptr, date.ptr, text.ptr};
		digest(h, parts, sizeof(parts) / sizeof(parts[0]));
	}
	for (int net = 0; net < NM_GRAPH_COUNT; net++) {
		nm_error err = {0, ""};
		if (!nm_graph_drawable(an, (nm_graph_network)net))
			continue;
		if (nm_graph_draw(&png[net], an, (nm_graph_network)net, NM_GRAPH_PNG, opts->lang,
				  &err) != 0 ||
		    png[net].len == 0)
			continue;
		snprintf(cid[net], sizeof(cid[net]), "%s.%.16s@netmap", names[net], h);
		cids[net] = cid[net];
		related = true;
	}
	nm_report_html_cid(&html, an, &o, cids);
	if (opts->trend) {
		nm_error err = {0, ""};
		if (nm_graph_trend_png(&trend_png, opts->trend, opts->lang, &err) == 0 &&
		    trend_png.len) {
			snprintf(trend_cid, sizeof(trend_cid), "trend.%.16s@netmap", h);
			insert_trend(&html, trend_cid, &o);
			related = true;
		}
	}
	{
		const char *parts[] = {h, html.ptr};
		digest(h, parts, 2);
	}
	snprintf(alt, sizeof(alt), "=_netmap_alt_%.24s", h);
	snprintf(rel, sizeof(rel), "=_netmap_rel_%.24s", h);

	if (opts->from)
		address_header(out, "From", opts->from);
	if (opts->to)
		address_header(out, "To", opts->to);
	text_header(out, "Subject", subject.ptr);
	nm_buf_printf(out, "Date: %s\nMessage-ID: <%.32s@", date.ptr, h);
	id_domain(out, opts->from);
	nm_buf_printf(out,
		      ">\nMIME-Version: 1.0\nContent-Language: %s\n"
		      "Content-Type: multipart/alternative;\n boundary=\"%s\"\n"
		      "\nThis is a message in MIME format.\n",
		      nm_lang_code(opts->lang), alt);

	part_header(out, alt, "text/plain; charset=utf-8");
	nm_buf_puts(out, "Content-Transfer-Encoding: quoted-printable\n\n");
	quoted_printable(out, text.ptr, text.len);

	if (related) {
		part_header(out, alt, "multipart/related;");
		nm_buf_printf(out, " type=\"text/html\";\n boundary=\"%s\"\n", rel);
		part_header(out, rel, "text/html; charset=utf-8");
	} else {
		part_header(out, alt, "text/html; charset=utf-8");
	}
	nm_buf_puts(out, "Content-Transfer-Encoding: quoted-printable\n\n");
	quoted_printable(out, html.ptr, html.len);
	for (int net = 0; net < NM_GRAPH_COUNT; net++) {
		if (!cids[net])
			continue;
		part_header(out, rel, "image/png");
		nm_buf_printf(out,
			      "Content-Transfer-Encoding: base64\nContent-ID: <%s>\n"
			      "Content-Disposition: inline; filename=\"%s.png\"\n\n",
			      cids[net], names[net]);
		base64_lines(out, (const unsigned char *)png[net].ptr, png[net].len);
	}
	if (trend_cid[0]) {
		part_header(out, rel, "image/png");
		nm_buf_printf(out,
			      "Content-Transfer-Encoding: base64\nContent-ID: <%s>\n"
			      "Content-Disposition: inline; filename=\"trend.png\"\n\n",
			      trend_cid);
		base64_lines(out, (const unsigned char *)trend_png.ptr, trend_png.len);
	}
	if (related)
		nm_buf_printf(out, "\n--%s--\n", rel);
	nm_buf_printf(out, "\n--%s--\n", alt);

	nm_buf_release(&text);
	nm_buf_release(&html);
	nm_buf_release(&subject);
	nm_buf_release(&date);
	for (int net = 0; net < NM_GRAPH_COUNT; net++)
		nm_buf_release(&png[net]);
	nm_buf_release(&trend_png);
}
