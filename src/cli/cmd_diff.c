/* cmd_diff.c: placeholder until `netmap diff` lands. */
#include "cli.h"

int cmd_diff(int argc, char **argv)
{
	cli_opts o;
	int rc = cli_parse(&o, "diff", OPT_DB, argc, argv);

	if (rc)
		return rc == -1 ? EXIT_OK : EXIT_TROUBLE;
	cli_error("'diff' is not available yet");
	return EXIT_TROUBLE;
}
