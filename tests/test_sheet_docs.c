/*
 * test_sheet_docs.c: docs/spreadsheets.md and docs/spreadsheets.de.md
 * list every table name, column header and enum label that labels.c
 * knows, in the rows written here from labels.c itself. A word added to
 * labels.c and not to the docs fails this test, which prints the rows
 * the docs must hold (run it with NETMAP_PRINT_DOCS=1 to see them all).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/buf.h"
#include "netmap/labels.h"
#include "netmap/model.h"
#include "testutil.h"

#define DOCS NETMAP_SOURCE_DIR "/docs/"

static const char *kind_word(const nm_column *c, nm_lang lang)
{
	bool de = lang == NM_LANG_DE;

	if (strcmp(c->field, "themes") == 0)
		return de ? "Liste von Themen (Kürzel oder Bezeichnung)"
			  : "list of themes (ids or labels)";
	switch (c->kind) {
	case NM_COL_REF:
		return de ? "Kürzel oder Name" : "id or name";
	case NM_COL_LIST:
		return de ? "Liste von Kürzeln oder Namen" : "list of ids or names";
	case NM_COL_ENUM:
		return de ? "ein Wert der Liste unten" : "a value from the lists below";
	case NM_COL_DATE:
		return de ? "Datum" : "date";
	case NM_COL_BOOL:
		return de ? "ja/nein" : "yes/no";
	case NM_COL_SETTING:
		return de ? "Wert der Einstellung" : "the setting's value";
	default:
		return de ? "Text" : "text";
	}
}

static void words(nm_buf *b, const char *const *w)
{
	for (size_t i = 0; w && w[i]; i++)
		nm_buf_printf(b, "%s`%s`", i ? ", " : "", w[i]);
}

/* The rows of the docs' table of one table's columns. */
static void column_rows(nm_buf *b, nm_table t, nm_lang lang)
{
	size_t n;
	const nm_column *cols = nm_label_columns(t, &n);
	bool de = lang == NM_LANG_DE;

	for (size_t i = 0; i < n; i++) {
		const nm_column *c = &cols[i];
		nm_buf_printf(b, "| `%s`", c->field);
		if (c->aliases) {
			nm_buf_puts(b, de ? " (auch " : " (also ");
			words(b, c->aliases);
			nm_buf_putc(b, ')');
		}
		nm_buf_puts(b, " | ");
		words(b, c->headers_de);
		nm_buf_printf(b, " | %s | %s |\n", kind_word(c, lang),
			      t == NM_TABLE_THEMES
				      ? (de ? "`ID` oder `Bezeichnung`" : "`id` or `label`")
			      : c->required ? (de ? "ja" : "yes")
					    : "");
	}
}

static int enum_count(nm_enum_field f)
{
	static const int counts[NM_ENUM_FIELD_COUNT] = {NM_TYPE_COUNT, NM_KIND_COUNT,
							NM_STATUS_COUNT, NM_FREQ_COUNT,
							NM_ROLE_COUNT};
	return counts[f];
}

/* The rows of the docs' table of one enum field's values and German labels. */
static void enum_rows(nm_buf *b, nm_enum_field f)
{
	size_t n;
	const char *const *all = nm_label_enum_words(f, &n);

	for (int v = 0; v < enum_count(f); v++) {
		const char *en = nm_label_enum_word(f, v, NM_LANG_EN);
		bool first = true;
		nm_buf_printf(b, "| `%s` | ", en);
		for (size_t i = 0; i < n; i++) {
			if (strcmp(all[i], en) == 0 || nm_label_enum_lookup(f, all[i]) != v)
				continue;
			if (nm_label_enum_german(f, all[i]) != v)
				continue;
			nm_buf_printf(b, "%s%s", first ? "" : ", ", all[i]);
			first = false;
		}
		nm_buf_puts(b, " |\n");
	}
}

static void table_rows(nm_buf *b)
{
	for (int t = 0; t < NM_TABLE_COUNT; t++)
		nm_buf_printf(b, "| `%s` | `%s` |\n", nm_label_table_name((nm_table)t, NM_LANG_EN),
			      nm_label_table_name((nm_table)t, NM_LANG_DE));
}

/* Every line of want must be a line of the doc. */
static void assert_lines_in(const char *doc_path, const char *want)
{
	char *doc = tu_read_file(doc_path, NULL);
	const char *line = want;
	int missing = 0;

	assert_non_null(doc);
	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = (size_t)(end - line);
		bool found = false;
		for (const char *p = strstr(doc, "\n| "); p && !found; p = strstr(p + 1, "\n| "))
			found = strncmp(p + 1, line, len) == 0 && p[1 + len] == '\n';
		if (!found) {
			fprintf(stderr, "%s lacks the row: %.*s\n", doc_path, (int)len, line);
			missing++;
		}
		line = end + 1;
	}
	if (getenv("NETMAP_PRINT_DOCS"))
		fprintf(stderr, "---- %s\n%s", doc_path, want);
	free(doc);
	assert_int_equal(missing, 0);
}

static void check_doc(const char *path, nm_lang lang)
{
	nm_buf b = NM_BUF_INIT;

	table_rows(&b);
	for (int t = 0; t < NM_TABLE_COUNT; t++)
		if (t != NM_TABLE_MATRIX)
			column_rows(&b, (nm_table)t, lang);
	for (int f = 0; f < NM_ENUM_FIELD_COUNT; f++)
		enum_rows(&b, (nm_enum_field)f);
	assert_lines_in(path, b.ptr);
	nm_buf_release(&b);
}

static void test_sheet_docs__english_docs_list_every_label(void **state)
{
	check_doc(DOCS "spreadsheets.md", NM_LANG_EN);
}

static void test_sheet_docs__german_docs_list_every_label(void **state)
{
	check_doc(DOCS "spreadsheets.de.md", NM_LANG_DE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheet_docs__english_docs_list_every_label),
		cmocka_unit_test(test_sheet_docs__german_docs_list_every_label),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
