/*
 * outputs.h: what the commands that write files (init, import) share:
 * options after operands (`import PATH... -o DIR`), a flag of their own
 * (--force), and the rule that an existing file is not overwritten unless
 * --force is given.
 */
#ifndef NETMAP_CLI_OUTPUTS_H
#define NETMAP_CLI_OUTPUTS_H

#include <stdbool.h>

/* Remove every `flag` argument from argv (before a `--`); whether one was there. */
bool cli_take_flag(int *argc, char **argv, const char *flag);

/*
 * Move the options of argv[1..] before its operands, keeping their order,
 * so that the shared parser (which stops at the first operand) sees them.
 * with_value lists the options whose value is the next argument.
 */
void cli_options_first(int argc, char **argv, const char *const *with_value);

/*
 * False, after a message, when one of the NULL-terminated paths exists and
 * force is not set (the caller exits 2).
 */
bool cli_check_overwrite(char *const *paths, bool force);

/* Free a NULL-terminated list of allocated paths. */
void cli_free_paths(char **paths);

#endif
