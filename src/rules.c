/*
 * rules.c: the rule ids the loader and validation report, in the order
 * of docs/format.md section 11, errors first.
 */
#include "netmap/rules.h"

#include <string.h>

const nm_rule nm_rules[] = {
	{"yaml-syntax", "the file is not valid YAML",
	 "Most often an indentation that does not line up, a tab used for indenting, or a ':' in "
	 "an unquoted value. Look at the line given and the one before.", NM_SEV_ERROR},
	{"encoding", "the file is not UTF-8",
	 "The file holds bytes that are not UTF-8, a NUL byte, or is UTF-16. Save it again as "
	 "UTF-8.", NM_SEV_ERROR},
	{"node-type", "a value has the wrong shape",
	 "A list where a mapping belongs, or a single value where a list belongs; usually a '-' "
	 "too many or too few.", NM_SEV_ERROR},
	{"required", "a required field is missing",
	 "Actors need id, name and type; committees id, name and kind; memberships an actor and "
	 "a committee; themes written as a mapping an id.", NM_SEV_ERROR},
	{"empty", "a required field is empty", "A required field is there but holds no text.",
	 NM_SEV_ERROR},
	{"id-syntax", "an id has characters ids may not have",
	 "Ids are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
	 NM_SEV_ERROR},
	{"duplicate-id", "two records have the same id",
	 "Actors and committees share one namespace of ids. Delete one entry if they are the "
	 "same, or give one another id.", NM_SEV_ERROR},
	{"unknown-reference", "an id points nowhere",
	 "An actor, committee or theme that is not defined (or, for themes, not declared).",
	 NM_SEV_ERROR},
	{"enum", "a value is not on its fixed list",
	 "Actor types, kinds, statuses, roles and frequencies are exact English words; case "
	 "matters.", NM_SEV_ERROR},
	{"boolean", "a value is not true or false", "ad_hoc takes true, false, yes or no.",
	 NM_SEV_ERROR},
	{"unknown-key", "a key netmap does not know",
	 "Usually a typo. Keys of your own must start with x-.", NM_SEV_ERROR},
	{"date", "a date is not YYYY-MM-DD or does not exist",
	 "Dates are written YYYY-MM-DD and must exist in the calendar.", NM_SEV_ERROR},
	{"version", "the data is marked for another format version",
	 "This netmap reads format version 1.", NM_SEV_ERROR},
	{"parent-cycle", "committees are each other's parents",
	 "Remove the parent of the committee that is really the top.", NM_SEV_ERROR},
	{"alias-budget", "aliases expand to too much",
	 "YAML aliases may not make a small file grow without bound.", NM_SEV_ERROR},
	{"alias", "an alias refers to no anchor", "Define the anchor (&name) before its alias.",
	 NM_SEV_ERROR},
	{"nesting", "lists and mappings nested too deep",
	 "Nesting is limited; netmap's data never needs it this deep.", NM_SEV_ERROR},
	{"duplicate-key", "the same key twice in one mapping",
	 "A mapping may hold each key once; keep the right one.", NM_SEV_ERROR},
	{"tag", "a YAML tag outside an x- key", "Tags such as !!binary are not supported.",
	 NM_SEV_ERROR},
	{"merge-key", "a YAML merge key", "Merge keys ('<<') are not supported; write the keys out.",
	 NM_SEV_ERROR},
	{"null-item", "an empty item in a list", "A list item must not be null: remove the '-'.",
	 NM_SEV_ERROR},
	{"duplicate-theme", "one theme declared twice", "Declare each theme id once.",
	 NM_SEV_ERROR},
	{"duplicate-settings", "a second settings block",
	 "Keep one settings block for the whole dataset.", NM_SEV_ERROR},
	{"settings-range", "a setting out of its range",
	 "Ratios are decimals from 0 to 1; counts and days whole numbers of at least 0.",
	 NM_SEV_ERROR},
	{"role-conflict", "one pair has two different written roles",
	 "netmap uses the stronger role; correct the other place.", NM_SEV_WARNING},
	{"dissolved-members", "a dissolved committee still has members",
	 "Remove its memberships, or set the right status.", NM_SEV_WARNING},
	{"empty-committee", "an active committee has no members",
	 "Add its members, or set status dormant or dissolved.", NM_SEV_WARNING},
	{"last-met-future", "last_met is after today",
	 "Usually a typo in the year, or the date of the next meeting.", NM_SEV_WARNING},
	{"ends-before-founded", "the planned end is before the founding date",
	 "Correct ends or founded.", NM_SEV_WARNING},
};

const size_t nm_nrules = sizeof(nm_rules) / sizeof(nm_rules[0]);

const nm_rule *nm_rule_find(const char *id)
{
	for (size_t i = 0; i < nm_nrules; i++)
		if (strcmp(nm_rules[i].id, id) == 0)
			return &nm_rules[i];
	return NULL;
}
