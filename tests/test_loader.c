/*
 * test_loader.c: files into node trees, and what the loader refuses:
 * broken encodings, alias bombs, deep nesting, duplicate keys; directory
 * walks in byte order with dot-names skipped and every file read once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "netmap/buf.h"
#include "netmap/loader.h"
#include "netmap/validate.h"
#include "testutil.h"

/* Parse bytes; return the problems as "line:col: message" lines. */
static char *parse(const char *data, size_t len, size_t *ndocs_out)
{
	nm_diags d;
	nm_loader *ld;
	nm_doc *docs;
	size_t ndocs;
	nm_buf out = NM_BUF_INIT;

	nm_diags_init(&d);
	ld = nm_loader_new(&d);
	nm_loader_parse_buffer(ld, "t.yaml", data, len, &docs, &ndocs);
	if (ndocs_out)
		*ndocs_out = ndocs;
	nm_loader_free(ld);
	nm_diags_sort(&d);
	for (size_t i = 0; i < d.n; i++)
		nm_buf_printf(&out, "%u:%u: %s: %s\n", d.items[i].line, d.items[i].col,
			      d.items[i].rule, d.items[i].message);
	nm_diags_release(&d);
	return nm_buf_detach(&out);
}

static void expect(const char *data, const char *problems)
{
	char *got = parse(data, strlen(data), NULL);
	assert_string_equal(got, problems);
	free(got);
}

static void test_loader__documents_and_positions(void **state)
{
	nm_diags d;
	nm_loader *ld;
	nm_doc *docs;
	size_t ndocs;
	const char *yaml = "a: 1\n---\n# nothing\n---\nlist:\n  - x\n  - \"y\"\n";

	nm_diags_init(&d);
	ld = nm_loader_new(&d);
	nm_loader_parse_buffer(ld, "t.yaml", yaml, strlen(yaml), &docs, &ndocs);
	assert_int_equal(d.n, 0);
	assert_int_equal(ndocs, 3);
	assert_non_null(docs[0].root);
	assert_null(docs[1].root);
	{
		const nm_node *root = docs[2].root, *list = root->u.items[1];
		assert_int_equal(root->kind, NM_NODE_MAP);
		assert_int_equal(list->kind, NM_NODE_SEQ);
		assert_int_equal(list->n, 2);
		assert_string_equal(list->u.items[1]->u.value, "y");
		assert_int_equal(list->u.items[1]->line, 7);
		assert_int_equal(list->u.items[1]->col, 5);
		assert_false(list->u.items[1]->plain);
		assert_true(list->u.items[0]->plain);
	}
	nm_loader_free(ld);
	nm_diags_release(&d);
}

static void test_loader__utf8_bom_is_accepted(void **state)
{
	expect("\xEF\xBB\xBF"
	       "a: 1\n",
	       "");
}

static void test_loader__utf16_is_rejected(void **state)
{
	char *got = parse("\xFF\xFE"
			  "a\0:\0",
			  6, NULL);
	assert_string_equal(got,
			    "1:1: encoding: UTF-16 is not supported; save the file as UTF-8\n");
	free(got);
	got = parse("\0a\0:", 4, NULL);
	assert_string_equal(got,
			    "1:1: encoding: UTF-16 is not supported; save the file as UTF-8\n");
	free(got);
}

static void test_loader__invalid_utf8_is_reported_where_it_stands(void **state)
{
	expect("a: 1\nname: \"Gr\xC3\xBC\xC3\x9F \xFF\"\n",
	       "2:13: encoding: invalid UTF-8 byte 0xff\n");
	/* An overlong encoding and a lone surrogate are invalid too. */
	/* Overlong and surrogate forms (\x81 is no Windows-1252 character either). */
	expect("a: \xC0\xAF\x81\n", "1:4: encoding: invalid UTF-8 byte 0xc0\n");
	expect("a: \xED\xA0\x80\x81\n", "1:4: encoding: invalid UTF-8 byte 0xed\n");
}

static void test_loader__windows_1252_files_say_how_to_save_them(void **state)
{
	expect("dataset: M\xFCnchen\n",
	       "1:11: encoding: invalid UTF-8 byte 0xfc: the file seems to be saved as "
	       "Windows-1252 (Western European; this byte would be '\xC3\xBC'); save it as "
	       "UTF-8 (in your editor: Save As, encoding UTF-8)\n");
}

static void test_loader__a_tab_in_indentation_says_tab(void **state)
{
	expect("a:\n\tb: 1\n",
	       "2:1: yaml-syntax: YAML syntax error: found character that cannot start any "
	       "token while scanning for the next token; this is a tab: YAML indents with "
	       "spaces, so replace the tab by spaces\n");
}

static void test_loader__a_colon_in_a_value_suggests_quotes(void **state)
{
	expect("actors:\n  - id: a\n    name: Verein: Jugend \"Nord\"\n",
	       "3:17: yaml-syntax: YAML syntax error: mapping values are not allowed in this "
	       "context; a value that holds ': ' must be put in quotes: name: "
	       "\"Verein: Jugend \\\"Nord\\\"\"\n");
}

static void test_loader__nul_bytes_are_errors(void **state)
{
	char *got = parse("a: 1\nb: x\0y\n", 11, NULL);
	assert_string_equal(got, "2:5: encoding: NUL byte in file\n");
	free(got);
}

static void test_loader__syntax_errors_name_the_place(void **state)
{
	size_t ndocs = 9;
	char *got = parse("a: [1, 2\nb: 3\n", 14, &ndocs);
	assert_string_equal(got,
			    "2:2: yaml-syntax: YAML syntax error: did not find expected ',' or ']' "
			    "while parsing a flow sequence\n");
	assert_int_equal(ndocs, 0);
	free(got);
}

static void test_loader__duplicate_keys(void **state)
{
	expect("a: 1\nb: 2\na: 3\n",
	       "3:1: duplicate-key: duplicate key 'a', first at line 1, column 1\n");
}

static void test_loader__duplicate_keys_in_large_mappings(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char *got;

	for (int i = 0; i < 1000; i++)
		nm_buf_printf(&b, "k%d: %d\n", i, i);
	nm_buf_puts(&b, "k500: again\n");
	got = parse(b.ptr, b.len, NULL);
	assert_string_equal(
		got, "1001:1: duplicate-key: duplicate key 'k500', first at line 501, column 1\n");
	free(got);
	nm_buf_release(&b);
}

static void test_loader__complex_keys_are_rejected(void **state)
{
	expect("? [a, b]\n: 1\n",
	       "1:3: node-type: complex keys (a mapping or list as a key) are not supported\n");
}

static void test_loader__aliases_share_nodes(void **state)
{
	nm_diags d;
	nm_loader *ld;
	nm_doc *docs;
	size_t ndocs;
	const char *yaml = "base: &b {x: 1, y: 2}\ncopy: *b\n&k key: value\n";

	nm_diags_init(&d);
	ld = nm_loader_new(&d);
	nm_loader_parse_buffer(ld, "t.yaml", yaml, strlen(yaml), &docs, &ndocs);
	assert_int_equal(d.n, 0);
	assert_ptr_equal(docs[0].root->u.items[1], docs[0].root->u.items[3]);
	assert_int_equal(docs[0].root->weight, 1 + 1 + 5 + 1 + 5 + 1 + 1);
	nm_loader_free(ld);
	nm_diags_release(&d);
}

static void test_loader__undefined_alias_is_an_error(void **state)
{
	expect("a: *nowhere\n", "1:4: alias: alias '*nowhere' refers to no anchor\n");
}

static void test_loader__billion_laughs_is_rejected_quickly(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char *got;

	/* Ten levels of ten aliases: 10^10 nodes if expanded. */
	nm_buf_puts(&b, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (int i = 1; i < 10; i++) {
		nm_buf_printf(&b, "a%d: &a%d [", i, i);
		for (int k = 0; k < 10; k++)
			nm_buf_printf(&b, "%s*a%d", k ? ", " : "", i - 1);
		nm_buf_puts(&b, "]\n");
	}
	got = parse(b.ptr, b.len, NULL);
	assert_string_equal(got, "6:45: alias-budget: aliases expand to more than 1000000 nodes\n");
	free(got);
	nm_buf_release(&b);
}

static void test_loader__deep_nesting_is_rejected(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char *got;

	for (int i = 0; i < 100000; i++)
		nm_buf_putc(&b, '[');
	got = parse(b.ptr, b.len, NULL);
	assert_string_equal(got, "1:65: nesting: nesting deeper than 64 levels\n");
	free(got);
	nm_buf_release(&b);
	for (int i = 0; i < 70; i++)
		nm_buf_printf(&b, "%*sk:\n", i * 2, "");
	got = parse(b.ptr, b.len, NULL);
	assert_string_equal(got, "65:129: nesting: nesting deeper than 64 levels\n");
	free(got);
	nm_buf_release(&b);
}

static void test_loader__tags_are_kept_for_validation(void **state)
{
	nm_diags d;
	nm_loader *ld;
	nm_doc *docs;
	size_t ndocs;
	const char *yaml = "a: !!binary aGk=\nb: !mine x\nc: plain\n";

	nm_diags_init(&d);
	ld = nm_loader_new(&d);
	nm_loader_parse_buffer(ld, "t.yaml", yaml, strlen(yaml), &docs, &ndocs);
	assert_string_equal(docs[0].root->u.items[1]->tag, "tag:yaml.org,2002:binary");
	assert_string_equal(docs[0].root->u.items[3]->tag, "!mine");
	assert_null(docs[0].root->u.items[5]->tag);
	nm_loader_free(ld);
	nm_diags_release(&d);
}

static void test_loader__null_scalars(void **state)
{
	nm_node n;

	memset(&n, 0, sizeof(n));
	n.kind = NM_NODE_SCALAR;
	n.plain = 1;
	n.u.value = "NULL";
	n.n = 4;
	assert_true(nm_node_is_null(&n));
	n.u.value = "~";
	n.n = 1;
	assert_true(nm_node_is_null(&n));
	n.plain = 0;
	assert_false(nm_node_is_null(&n));
}

static void write_at(const char *dir, const char *name, const char *text)
{
	char *p = tu_path(dir, name);
	tu_write_file(p, text);
	free(p);
}

static void test_loader__directories_in_byte_order_without_dot_names(void **state)
{
	char *dir = tu_tempdir("loader-walk");
	char cmd[1024];
	nm_diags d;
	nm_loader *ld;
	nm_error err;
	const char *expected[] = {"b.yaml", "b/c.yml", "z/Z.yaml"};

	snprintf(cmd, sizeof(cmd), "mkdir -p '%s/b' '%s/.github' '%s/z' && ln -s .. '%s/z/loop'",
		 dir, dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	write_at(dir, "b.yaml", "a: 1\n");
	write_at(dir, "b/c.yml", "a: 1\n");
	write_at(dir, "z/Z.yaml", "a: 1\n");
	write_at(dir, "notes.txt", "not data\n");
	write_at(dir, ".hidden.yaml", "a: 1\n");
	write_at(dir, ".github/ci.yaml", "a: 1\n");

	nm_diags_init(&d);
	ld = nm_loader_new(&d);
	assert_int_equal(nm_loader_add_path(ld, dir, &err), NM_OK);
	/* The same file again, by name: read once. */
	{
		char *again = tu_path(dir, "b.yaml");
		assert_int_equal(nm_loader_add_path(ld, again, &err), NM_OK);
		free(again);
	}
	assert_int_equal(nm_loader_file_count(ld), 3);
	for (size_t i = 0; i < 3; i++) {
		const char *p = nm_loader_file_path(ld, i);
		assert_string_equal(p + strlen(dir) + 1, expected[i]);
	}
	nm_loader_free(ld);
	nm_diags_release(&d);
	free(dir);
}

/*
 * A folder of YAML files and spreadsheets in mixed case, the lock files
 * office programs leave, and files netmap does not read, walked by a
 * loader before a test.
 */
typedef struct walked {
	char *dir;
	nm_diags d;
	nm_loader *ld;
} walked;

static int folder_of_spreadsheets(void **state)
{
	walked *w = calloc(1, sizeof(*w));
	nm_error err;

	if (!w)
		return -1;
	w->dir = tu_tempdir("loader-sheets");
	write_at(w->dir, "A.YAML", "a: 1\n");
	write_at(w->dir, "x.Yml", "a: 1\n");
	write_at(w->dir, "book.xlsx", "");
	write_at(w->dir, "liste.Ods", "");
	write_at(w->dir, "Akteure.CSV", "");
	write_at(w->dir, "~$book.xlsx", "");       /* Excel's lock file */
	write_at(w->dir, ".~lock.liste.Ods#", ""); /* LibreOffice's */
	write_at(w->dir, "alt.xls", "");
	write_at(w->dir, "gremien.yaml.txt", "");
	write_at(w->dir, "export.json", "");
	write_at(w->dir, "Liste.numbers", "");
	write_at(w->dir, "notes.txt", "");
	nm_diags_init(&w->d);
	w->ld = nm_loader_new(&w->d);
	assert_int_equal(nm_loader_add_path(w->ld, w->dir, &err), NM_OK);
	*state = w;
	return 0;
}

static int walked_release(void **state)
{
	walked *w = *state;

	nm_loader_free(w->ld);
	nm_diags_release(&w->d);
	free(w->dir);
	free(w);
	return 0;
}

static void test_loader__walk_reads_yaml_and_spreadsheets_of_any_case_in_order(void **state)
{
	const walked *w = *state;
	const char *expected[] = {"A.YAML", "Akteure.CSV", "book.xlsx", "liste.Ods", "x.Yml"};
	const nm_source_kind kinds[] = {NM_SOURCE_YAML, NM_SOURCE_CSV, NM_SOURCE_XLSX,
					NM_SOURCE_ODS, NM_SOURCE_YAML};

	assert_int_equal(nm_loader_file_count(w->ld), 5);
	for (size_t i = 0; i < 5; i++) {
		const char *p = nm_loader_file_path(w->ld, i);
		assert_string_equal(p + strlen(w->dir) + 1, expected[i]);
		assert_int_equal(nm_loader_file_kind(w->ld, i), kinds[i]);
	}
}

static void test_loader__walk_names_each_file_it_does_not_read_and_what_to_do(void **state)
{
	const walked *w = *state;
	nm_buf got = NM_BUF_INIT;

	/* Lock files and plain text are skipped silently; the rest each get a warning. */
	for (size_t i = 0; i < w->d.n; i++)
		nm_buf_printf(&got, "%s: %s: %s\n",
			      w->d.files[w->d.items[i].file] + strlen(w->dir) + 1,
			      w->d.items[i].rule, w->d.items[i].message);
	assert_string_equal(
		nm_buf_cstr(&got),
		"Liste.numbers: not-read: a Numbers file is not read; export it from Numbers as "
		"Excel (.xlsx) or CSV\n"
		"alt.xls: not-read: an old Excel file (.xls) is not read; open it in your "
		"spreadsheet program and save it as Excel workbook (.xlsx)\n"
		"export.json: not-read: a JSON file is not read; netmap reads YAML (.yaml, .yml), "
		".xlsx, .ods and .csv files\n"
		"gremien.yaml.txt: not-read: a YAML file saved as text (.txt) is not read; rename "
		"it to end in .yaml\n");
	assert_int_equal(w->d.warnings, 4);
	nm_buf_release(&got);
}

static void test_loader__directory_without_yaml_is_an_input_error(void **state)
{
	char *dir = tu_tempdir("loader-empty");
	nm_diags d;
	nm_loader *ld;
	nm_error err;

	nm_diags_init(&d);
	ld = nm_loader_new(&d);
	assert_int_equal(nm_loader_add_path(ld, dir, &err), NM_EIO);
	assert_non_null(
		strstr(err.message, "no data files (*.yaml, *.yml, *.xlsx, *.ods, *.csv) in '"));
	assert_int_equal(nm_loader_add_path(ld, "/nonexistent/x.yaml", &err), NM_EIO);
	assert_string_equal(err.message,
			    "cannot read '/nonexistent/x.yaml': No such file or directory");
	nm_loader_free(ld);
	nm_diags_release(&d);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loader__documents_and_positions),
		cmocka_unit_test(test_loader__utf8_bom_is_accepted),
		cmocka_unit_test(test_loader__utf16_is_rejected),
		cmocka_unit_test(test_loader__invalid_utf8_is_reported_where_it_stands),
		cmocka_unit_test(test_loader__nul_bytes_are_errors),
		cmocka_unit_test(test_loader__windows_1252_files_say_how_to_save_them),
		cmocka_unit_test(test_loader__a_tab_in_indentation_says_tab),
		cmocka_unit_test(test_loader__a_colon_in_a_value_suggests_quotes),
		cmocka_unit_test(test_loader__syntax_errors_name_the_place),
		cmocka_unit_test(test_loader__duplicate_keys),
		cmocka_unit_test(test_loader__duplicate_keys_in_large_mappings),
		cmocka_unit_test(test_loader__complex_keys_are_rejected),
		cmocka_unit_test(test_loader__aliases_share_nodes),
		cmocka_unit_test(test_loader__undefined_alias_is_an_error),
		cmocka_unit_test(test_loader__billion_laughs_is_rejected_quickly),
		cmocka_unit_test(test_loader__deep_nesting_is_rejected),
		cmocka_unit_test(test_loader__tags_are_kept_for_validation),
		cmocka_unit_test(test_loader__null_scalars),
		cmocka_unit_test(test_loader__directories_in_byte_order_without_dot_names),
		cmocka_unit_test_setup_teardown(
			test_loader__walk_reads_yaml_and_spreadsheets_of_any_case_in_order,
			folder_of_spreadsheets, walked_release),
		cmocka_unit_test_setup_teardown(
			test_loader__walk_names_each_file_it_does_not_read_and_what_to_do,
			folder_of_spreadsheets, walked_release),
		cmocka_unit_test(test_loader__directory_without_yaml_is_an_input_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
