/*
 * cmd_schema.c: `netmap schema`, the JSON Schema of the data format for
 * editors and other validators (docs/format.md says how to use it).
 * docs/netmap.schema.json is its output, checked in.
 */
#include "cli.h"

#include "netmap/schema.h"

int cmd_schema(int argc, char **argv)
{
	cli_opts o;
	nm_buf out = NM_BUF_INIT;
	int rc, status = EXIT_OK;

	rc = cli_parse(&o, "schema", 0, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs != 0)
		return cli_usage_error("schema", "unexpected argument '%s'", o.args[0]),
		       EXIT_TROUBLE;
	nm_schema_write(&out);
	if (!cli_write_stdout(&out))
		status = EXIT_TROUBLE;
	nm_buf_release(&out);
	return status;
}
