/*
 * print.c: the one place where the command line writes text that may
 * quote data. Whatever a command prints (results on stdout, messages on
 * stderr) passes through cli_print, which shows every control character,
 * bidirectional override and broken byte as a visible escape (nm_text_escape:
 * `\x1b`, `\r`, `\u202e`), so that no data file can set a terminal's
 * title, clear the screen, hide earlier lines of a CI log or reorder what
 * a reader sees (docs/security.md). Only newline and tab go out as they are.
 */
#include "cli.h"

#include "netmap/textfmt.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Length of a colour sequence ESC [ digits/semicolons m at s, or 0. */
static size_t sgr_len(const char *s, size_t len)
{
	size_t i = 2;

	if (len < 3 || s[0] != '\033' || s[1] != '[')
		return 0;
	while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';'))
		i++;
	return i < len && s[i] == 'm' ? i + 1 : 0;
}

bool cli_print_mode(FILE *f, const char *s, size_t len, unsigned mode)
{
	unsigned keep = NM_TEXT_KEEP_NEWLINE | NM_TEXT_KEEP_TAB;
	nm_buf esc = NM_BUF_INIT;
	bool ok = true;

	while (len > 0 && ok) {
		size_t n = nm_text_plain_span(s, len, keep);

		if (n && fwrite(s, 1, n, f) != n)
			ok = false;
		s += n;
		len -= n;
		if (!ok || len == 0)
			break;
		n = (mode & CLI_PRINT_COLOR) ? sgr_len(s, len) : 0;
		if (n) {
			ok = fwrite(s, 1, n, f) == n; /* the text report's own colours */
		} else {
			nm_buf_clear(&esc);
			n = nm_text_escape_one(&esc, s, len);
			ok = fwrite(esc.ptr, 1, esc.len, f) == esc.len;
		}
		s += n;
		len -= n;
	}
	nm_buf_release(&esc);
	return ok;
}

bool cli_print(FILE *f, const char *s, size_t len)
{
	return cli_print_mode(f, s, len, 0);
}

void cli_visible(nm_buf *b, const char *s)
{
	nm_text_escape(b, s, strlen(s), 0);
}

void cli_message(FILE *f, const char *prefix, const char *fmt, va_list ap)
{
	nm_buf msg = NM_BUF_INIT, line = NM_BUF_INIT;

	nm_buf_vprintf(&msg, fmt, ap);
	nm_buf_puts(&line, prefix);
	/* One message, one line: a newline from the data is shown too. */
	nm_text_escape(&line, nm_buf_cstr(&msg), msg.len, 0);
	nm_buf_putc(&line, '\n');
	(void)cli_print(f, line.ptr, line.len);
	nm_buf_release(&msg);
	nm_buf_release(&line);
}

bool cli_write(FILE *f, const nm_buf *b, unsigned mode)
{
	bool ok;

	if (mode & CLI_PRINT_RAW)
		ok = b->len == 0 || fwrite(b->ptr, 1, b->len, f) == b->len;
	else
		ok = cli_print_mode(f, b->ptr, b->len, mode);
	if (fflush(f) != 0 || ferror(f))
		ok = false;
	if (!ok)
		cli_error("cannot write the output: write error");
	return ok;
}

bool cli_write_output(const cli_opts *o, const nm_buf *b)
{
	unsigned mode = CLI_PRINT_RAW;

	if (strcmp(o->format, "json") == 0)
		mode = 0; /* C1 and format characters become \u escapes: still the same JSON */
	else if (strcmp(o->format, "text") == 0)
		mode = cli_use_color(o) ? CLI_PRINT_COLOR : 0;
	return cli_write(stdout, b, mode);
}

void cli_phase(const char *name, struct timespec *since)
{
	struct timespec now;
	const char *on = getenv("NETMAP_TIMING");

	if (!on || strcmp(on, "1") != 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	fprintf(stderr, "netmap: timing: %-9s %.3f s\n", name,
		(double)(now.tv_sec - since->tv_sec) +
			(double)(now.tv_nsec - since->tv_nsec) / 1e9);
	*since = now;
}
