/*
 * cmd_export.c: `netmap export`, the latest snapshot's networks for Gephi,
 * NetworkX and Graphviz. The whole file is built in memory first; with
 * -o FILE it goes to a temporary file in the same directory that is
 * renamed over FILE only once every byte is written and flushed, so a
 * failed export never leaves half a file behind. An export with
 * --include-contacts holds personal data and is readable by its owner only.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netmap/export.h"

/* Write b to path through a temporary sibling and rename; false after a message. */
static bool write_file(const char *path, const nm_buf *b, bool private_data)
{
	nm_buf tmp = NM_BUF_INIT;
	FILE *f = NULL;
	int fd, saved = 0;
	bool ok = false;
	mode_t mask;

	nm_buf_printf(&tmp, "%s.XXXXXX", path);
	fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		cli_error("cannot write '%s': %s", path, strerror(errno));
		nm_buf_release(&tmp);
		return false;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, private_data ? 0600 : (0666 & ~mask)) != 0)
		saved = errno;
	f = saved ? NULL : fdopen(fd, "wb");
	if (!f) {
		if (!saved)
			saved = errno;
		close(fd);
	} else {
		if (b->len && fwrite(b->ptr, 1, b->len, f) != b->len)
			saved = errno ? errno : EIO;
		if (fflush(f) != 0 && !saved)
			saved = errno;
		if (!saved && fsync(fileno(f)) != 0 && errno != EINVAL)
			saved = errno;
		if (fclose(f) != 0 && !saved)
			saved = errno;
	}
	if (!saved && rename(tmp.ptr, path) != 0)
		saved = errno;
	if (saved) {
		cli_error("cannot write '%s': %s", path, strerror(saved));
		unlink(tmp.ptr);
	} else {
		ok = true;
	}
	nm_buf_release(&tmp);
	return ok;
}

int cmd_export(int argc, char **argv)
{
	cli_opts o;
	nm_dataset *ds = NULL;
	nm_analysis *an = NULL;
	nm_export_opts eo;
	nm_buf out = NM_BUF_INIT;
	nm_error err;
	int rc, status;

	rc = cli_parse(&o, "export", OPT_DB | OPT_FORMAT | OPT_NETWORK | OPT_FILE | OPT_TODAY |
				     OPT_SETTINGS, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs > 0)
		return cli_usage_error("export", "unexpected argument '%s'", o.args[0]), EXIT_TROUBLE;
	if (strcmp(o.format, "text") == 0)
		return cli_usage_error("export", "--format is required (%s)", nm_export_formats()),
		       EXIT_TROUBLE;
	if (!nm_export_find(o.format))
		return cli_usage_error("export", "unknown format '%s' (%s)", o.format,
				       nm_export_formats()), EXIT_TROUBLE;
	status = cli_load_latest(&o, &ds, &an, NULL);
	if (status != EXIT_OK)
		return status;
	eo.network = strcmp(o.network, "overlaps") == 0 ? NM_EXPORT_OVERLAPS : NM_EXPORT_MEMBERS;
	eo.include_contacts = o.include_contacts;
	nm_error_clear(&err);
	if (nm_export_write(&out, o.format, an, &eo, &err) != NM_OK) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
	} else if (!o.output || strcmp(o.output, "-") == 0) {
		status = cli_write_output(&o, &out) ? EXIT_OK : EXIT_TROUBLE;
	} else {
		status = write_file(o.output, &out, o.include_contacts) ? EXIT_OK : EXIT_TROUBLE;
	}
	nm_buf_release(&out);
	nm_analysis_free(an);
	nm_dataset_free(ds);
	return status;
}
