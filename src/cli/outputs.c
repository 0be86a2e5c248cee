/*
 * outputs.c: option order, --force and the overwrite rule (outputs.h).
 */
#include "outputs.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool cli_take_flag(int *argc, char **argv, const char *flag)
{
	bool found = false;
	int k = 1;

	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[k++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], flag) == 0) {
			found = true;
			continue;
		}
		argv[k++] = argv[i];
	}
	*argc = k;
	argv[k] = NULL;
	return found;
}

static bool takes_value(const char *arg, const char *const *with_value)
{
	for (; *with_value; with_value++)
		if (strcmp(arg, *with_value) == 0)
			return true;
	return false;
}

void cli_options_first(int argc, char **argv, const char *const *with_value)
{
	char **operands = nm_xreallocarray(NULL, (size_t)argc + 1, sizeof(*operands));
	int k = 1, n = 0, i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			argv[k++] = argv[i];
			if (takes_value(argv[i], with_value) && i + 1 < argc)
				argv[k++] = argv[++i];
		} else {
			operands[n++] = argv[i];
		}
	}
	/* A `--` moves in front of the operands; the count stays the same. */
	if (i < argc) {
		argv[k++] = argv[i++];
	}
	for (int j = 0; j < n; j++)
		argv[k++] = operands[j];
	for (; i < argc; i++)
		argv[k++] = argv[i];
	free(operands);
}

bool cli_check_overwrite(char *const *paths, bool force)
{
	struct stat st;

	if (force)
		return true;
	for (; *paths; paths++) {
		if (stat(*paths, &st) == 0) {
			cli_error("'%s' exists; give --force to overwrite it", *paths);
			return false;
		}
	}
	return true;
}

void cli_free_paths(char **paths)
{
	for (char **p = paths; *p; p++)
		free(*p);
}
