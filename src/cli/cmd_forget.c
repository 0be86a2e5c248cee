/* cmd_forget.c: placeholder until `netmap forget` lands. */
#include "cli.h"

int cmd_forget(int argc, char **argv)
{
	cli_opts o;
	int rc = cli_parse(&o, "forget", OPT_DB, argc, argv);

	if (rc)
		return rc == -1 ? EXIT_OK : EXIT_TROUBLE;
	cli_error("'forget' is not available yet");
	return EXIT_TROUBLE;
}
