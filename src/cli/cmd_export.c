/* cmd_export.c: placeholder until `netmap export` lands. */
#include "cli.h"

int cmd_export(int argc, char **argv)
{
	cli_opts o;
	int rc = cli_parse(&o, "export", OPT_DB, argc, argv);

	if (rc)
		return rc == -1 ? EXIT_OK : EXIT_TROUBLE;
	cli_error("'export' is not available yet");
	return EXIT_TROUBLE;
}
