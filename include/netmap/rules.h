/*
 * rules.h: the checks behind the problems of diag.h, by rule id, with a
 * short and a full description and where docs/format.md explains them
 * (section 11). The SARIF writer lists them as its tool's rules; any
 * rule id a problem carries that is not here is still reported, with a
 * description of its own.
 */
#ifndef NETMAP_RULES_H
#define NETMAP_RULES_H

#include <stddef.h>

#include "netmap/diag.h"

/* Where the rules are explained; "#rule-<id>" is appended for one rule. */
#ifndef NETMAP_DOCS_URL
#define NETMAP_DOCS_URL "https://example.org/netmap/docs/format.md"
#endif

typedef struct nm_rule {
	const char *id;          /* "unknown-key" */
	const char *summary;     /* one line: what is wrong */
	const char *description; /* a sentence or two: what it means, what to do */
	nm_severity severity;    /* the severity of its problems */
} nm_rule;

extern const nm_rule nm_rules[];
extern const size_t nm_nrules;

/* The rule with this id, or NULL. */
const nm_rule *nm_rule_find(const char *id);

#endif
