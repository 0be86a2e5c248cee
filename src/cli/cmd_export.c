/*
 * cmd_export.c: `netmap export`, the latest snapshot's networks for Gephi,
 * NetworkX and Graphviz. The whole file is built in memory first; with
 * -o FILE it goes to a temporary file in the same directory that is
 * renamed over FILE only once every byte is written and flushed, so a
 * failed export never leaves half a file behind. An export with
 * --include-contacts holds personal data and is readable by its owner only.
 *
 * --format xlsx, ods and csv write the dataset itself (contract 6.6), in
 * the --lang language, with the settings the snapshot was analysed with:
 * scanned again with the snapshot's today, it gives the same report.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netmap/export.h"
#include "netmap/sheet_write.h"
#include "netmap/store.h"

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

/* Copy a file to stdout (a workbook written to a temporary file). */
static bool copy_to_stdout(const char *path)
{
	nm_buf b = NM_BUF_INIT;
	char chunk[65536];
	FILE *f = fopen(path, "rb");
	size_t n;
	bool ok;

	if (!f) {
		cli_error("cannot read '%s': %s", path, strerror(errno));
		return false;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		nm_buf_put(&b, chunk, n);
	ok = !ferror(f);
	fclose(f);
	if (!ok)
		cli_error("cannot read '%s': read error", path);
	ok = ok && cli_write(stdout, &b, CLI_PRINT_RAW); /* a workbook: bytes, not text */
	nm_buf_release(&b);
	return ok;
}

/* The dataset of the latest snapshot as a workbook or CSV files. */
static int export_sheets(const cli_opts *o, nm_sheet_format fmt)
{
	nm_store *store = NULL;
	nm_snapshot_info info = {0};
	nm_dataset *ds = NULL;
	nm_sheet_opts so;
	nm_settings settings;
	nm_buf tmp = NM_BUF_INIT;
	nm_error err;
	int64_t id = 0;
	int rc, status = EXIT_OK;
	bool to_stdout = !o->output || strcmp(o->output, "-") == 0;

	if (to_stdout && fmt == NM_SHEET_CSV)
		return cli_usage_error("export",
				       "--format csv writes one file a table: give -o DIR"),
		       EXIT_TROUBLE;
	if (to_stdout && isatty(STDOUT_FILENO))
		return cli_usage_error("export",
				       "a workbook is not for the terminal: give -o FILE"),
		       EXIT_TROUBLE;
	nm_error_clear(&err);
	rc = nm_store_open(&store, o->db, NM_STORE_READ, &err);
	if (rc == NM_OK)
		rc = nm_store_latest(store, &id, &err);
	if (rc == NM_ENOTFOUND && err.message[0] == '\0')
		nm_error_set(&err, rc, "store '%s' holds no snapshot; run 'netmap scan' first",
			     o->db);
	if (rc == NM_OK)
		rc = nm_store_load(store, id, &ds, &info, &err);
	nm_store_close(store);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
		goto done;
	}
	settings = info.settings;
	nm_settings_merge(&settings, &o->settings, o->settings_mask);
	so.lang = o->lang;
	so.include_contacts = o->include_contacts;
	so.settings = &settings;
	so.all_settings = true;
	if (to_stdout) {
		const char *dir = getenv("TMPDIR");
		int fd;
		nm_buf_printf(&tmp, "%s/netmap-export-XXXXXX", dir && dir[0] ? dir : "/tmp");
		fd = mkstemp(tmp.ptr);
		if (fd < 0) {
			cli_error("cannot create a temporary file: %s", strerror(errno));
			status = EXIT_TROUBLE;
			goto done;
		}
		close(fd);
	}
	rc = nm_sheet_write_dataset(ds, fmt, &so, to_stdout ? tmp.ptr : o->output, &err);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		status = rc == NM_EINVALID ? EXIT_FINDINGS : EXIT_TROUBLE;
	} else if (to_stdout && !copy_to_stdout(tmp.ptr)) {
		status = EXIT_TROUBLE;
	}
	if (to_stdout)
		unlink(tmp.ptr);
done:
	nm_buf_release(&tmp);
	nm_snapshot_info_release(&info);
	nm_dataset_free(ds);
	return status;
}

int cmd_export(int argc, char **argv)
{
	nm_sheet_format fmt;
	cli_opts o;
	nm_dataset *ds = NULL;
	nm_analysis *an = NULL;
	nm_export_opts eo;
	nm_buf out = NM_BUF_INIT;
	nm_error err;
	int rc, status;

	rc = cli_parse(&o, "export",
		       OPT_DB | OPT_FORMAT | OPT_NETWORK | OPT_FILE | OPT_TODAY | OPT_SETTINGS |
			       OPT_LANG,
		       argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs > 0)
		return cli_usage_error("export", "unexpected argument '%s'", o.args[0]),
		       EXIT_TROUBLE;
	if (strcmp(o.format, "text") == 0)
		return cli_usage_error("export", "--format is required (%s, xlsx, ods, csv)",
				       nm_export_formats()),
		       EXIT_TROUBLE;
	if (nm_sheet_format_parse(o.format, &fmt) == 0)
		return export_sheets(&o, fmt);
	if (!nm_export_find(o.format))
		return cli_usage_error("export", "unknown format '%s' (%s, xlsx, ods, csv)",
				       o.format, nm_export_formats()),
		       EXIT_TROUBLE;
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
