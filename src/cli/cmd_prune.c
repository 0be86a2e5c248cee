/* cmd_prune.c: placeholder until `netmap prune` lands. */
#include "cli.h"

int cmd_prune(int argc, char **argv)
{
	cli_opts o;
	int rc = cli_parse(&o, "prune", OPT_DB, argc, argv);

	if (rc)
		return rc == -1 ? EXIT_OK : EXIT_TROUBLE;
	cli_error("'prune' is not available yet");
	return EXIT_TROUBLE;
}
