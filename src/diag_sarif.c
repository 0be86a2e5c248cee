/*
 * diag_sarif.c: the problems as a SARIF 2.1.0 log (OASIS SARIF 2.1.0),
 * the format GitHub code scanning and other viewers read. One run; the
 * tool netmap with every rule of rules.h; one result per problem, at its
 * file (a URI relative to the working directory), line and column
 * (columns counted in characters: columnKind unicodeCodePoints).
 */
#include "netmap/common.h"
#include "netmap/diag_out.h"
#include "netmap/json.h"
#include "netmap/rules.h"

#include <stdbool.h>

#include <stdlib.h>
#include <string.h>

const char *nm_diag_relpath(const char *path, const char *cwd)
{
	size_t n = cwd ? strlen(cwd) : 0;

	while (n > 1 && cwd[n - 1] == '/')
		n--;
	if (n > 0 && path[0] == '/' && strncmp(path, cwd, n) == 0 &&
	    (path[n] == '/' || (n == 1 && cwd[0] == '/')))
		path += n == 1 ? 1 : n + 1;
	while (path[0] == '.' && path[1] == '/') {
		path += 2;
		while (path[0] == '/')
			path++;
	}
	return path;
}

/* Percent-encoded: unreserved bytes and '/' as they are (no JSON escape needed). */
static void uri_bytes(nm_buf *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			nm_buf_putc(b, (char)c);
		} else {
			nm_buf_putc(b, '%');
			nm_buf_putc(b, hex[c >> 4]);
			nm_buf_putc(b, hex[c & 15]);
		}
	}
}

static const char *level(nm_severity sev)
{
	return sev == NM_SEV_ERROR ? "error" : "warning";
}

/* The rules: the table, then rule ids of problems that it lacks. */
typedef struct rule_list {
	const char **extra;
	size_t n, cap;
} rule_list;

static size_t rule_index(const rule_list *r, const char *id)
{
	const nm_rule *known = nm_rule_find(id);

	if (known)
		return (size_t)(known - nm_rules);
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->extra[i], id) == 0)
			return nm_nrules + i;
	return SIZE_MAX;
}

static void rule(nm_buf *b, const char *id, const char *summary, const char *description,
		 nm_severity sev, bool first)
{
	nm_buf_puts(b, first ? "\n            {\"id\": " : ",\n            {\"id\": ");
	nm_json_str(b, id);
	nm_buf_puts(b, ", \"shortDescription\": {\"text\": ");
	nm_json_str(b, summary);
	nm_buf_puts(b, "}, \"fullDescription\": {\"text\": ");
	nm_json_str(b, description);
	nm_buf_puts(b, "}, \"helpUri\": \"" NETMAP_DOCS_URL "#rule-");
	uri_bytes(b, id);
	nm_buf_printf(b, "\", \"defaultConfiguration\": {\"level\": \"%s\"}}", level(sev));
}

static void notification(nm_buf *b, const char *lvl, const char *text, bool first)
{
	nm_buf_puts(b, first ? "\n            " : ",\n            ");
	nm_buf_printf(b, "{\"level\": \"%s\", \"message\": {\"text\": ", lvl);
	nm_json_str(b, text);
	nm_buf_puts(b, "}}");
}

void nm_diags_sarif(nm_buf *b, const nm_diags *d, const char *cwd, const char *failure)
{
	rule_list extra = {NULL, 0, 0};

	for (size_t i = 0; i < d->n; i++) {
		const char *id = d->items[i].rule ? d->items[i].rule : "netmap";
		if (rule_index(&extra, id) == SIZE_MAX) {
			NM_GROW(extra.extra, extra.cap, extra.n + 1);
			extra.extra[extra.n++] = id;
		}
	}

	nm_buf_puts(b, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		       "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
		       "      \"tool\": {\n        \"driver\": {\n"
		       "          \"name\": \"netmap\",\n"
		       "          \"version\": \"" NETMAP_VERSION "\",\n"
		       "          \"semanticVersion\": \"" NETMAP_VERSION "\",\n"
		       "          \"informationUri\": \"" NETMAP_DOCS_URL "\",\n"
		       "          \"rules\": [");
	for (size_t i = 0; i < nm_nrules; i++)
		rule(b, nm_rules[i].id, nm_rules[i].summary, nm_rules[i].description,
		     nm_rules[i].severity, i == 0);
	for (size_t i = 0; i < extra.n; i++)
		rule(b, extra.extra[i], extra.extra[i], "A check of netmap's input.", NM_SEV_ERROR,
		     nm_nrules == 0 && i == 0);
	nm_buf_puts(b, "\n          ]\n        }\n      },\n");

	nm_buf_printf(b, "      \"invocations\": [\n        {\"executionSuccessful\": %s",
		      failure ? "false" : "true");
	if (failure || d->dropped) {
		nm_buf_puts(b, ", \"toolExecutionNotifications\": [");
		if (failure)
			notification(b, "error", failure, true);
		if (d->dropped) {
			nm_buf m = NM_BUF_INIT;
			nm_buf_printf(&m, "%zu more problems were found but are not listed",
				      d->dropped);
			notification(b, "warning", m.ptr, !failure);
			nm_buf_release(&m);
		}
		nm_buf_puts(b, "\n          ]");
	}
	nm_buf_puts(b, "}\n      ],\n      \"columnKind\": \"unicodeCodePoints\",\n"
		       "      \"results\": [");

	for (size_t i = 0; i < d->n; i++) {
		const nm_diag *x = &d->items[i];
		const char *id = x->rule ? x->rule : "netmap";

		nm_buf_puts(b, i ? ",\n        {\"ruleId\": " : "\n        {\"ruleId\": ");
		nm_json_str(b, id);
		nm_buf_printf(b,
			      ", \"ruleIndex\": %zu, \"level\": \"%s\", \"message\": {\"text\": ",
			      rule_index(&extra, id), level(x->severity));
		{
			nm_buf msg = NM_BUF_INIT;
			nm_diags_message(d, x, &msg); /* "Akteure!C7: ..." in a sheet */
			nm_json_str(b, msg.ptr);
			nm_buf_release(&msg);
		}
		nm_buf_puts(b, "},\n         \"locations\": [{\"physicalLocation\": "
			       "{\"artifactLocation\": {\"uri\": \"");
		{
			const char *path = nm_diag_relpath(d->files[x->file], cwd);
			if (path[0] == '/')
				nm_buf_puts(b, "file://");
			uri_bytes(b, path);
		}
		nm_buf_puts(b, "\"}");
		if (x->line) {
			nm_buf_printf(b, ", \"region\": {\"startLine\": %u", x->line);
			if (x->col)
				nm_buf_printf(b, ", \"startColumn\": %u", x->col);
			nm_buf_putc(b, '}');
		}
		nm_buf_puts(b, "}}]}");
	}
	nm_buf_puts(b, d->n ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n");
	free(extra.extra);
}
