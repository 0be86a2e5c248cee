/*
 * test_diag_out.c: the SARIF and GitLab Code Quality writers on
 * hand-made problem lists: exact output, paths made relative, URIs
 * percent-encoded, control characters escaped, fingerprints that ignore
 * the line and tell equal problems apart. (The CLI side and the outside
 * validators: tests/formats/check_validate_formats.py.)
 */
#include "testutil.h"

#include "netmap/diag_out.h"
#include "netmap/rules.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void relpath_strips_the_working_directory_and_dot_slash(void **state)
{
	(void)state;
	assert_string_equal(nm_diag_relpath("/srv/data/a.yaml", "/srv"), "data/a.yaml");
	assert_string_equal(nm_diag_relpath("/srv/data/a.yaml", "/srv/"), "data/a.yaml");
	assert_string_equal(nm_diag_relpath("/srvx/a.yaml", "/srv"), "/srvx/a.yaml");
	assert_string_equal(nm_diag_relpath("/a.yaml", "/"), "a.yaml");
	assert_string_equal(nm_diag_relpath("./data/./a.yaml", "/srv"), "data/./a.yaml");
	assert_string_equal(nm_diag_relpath("data/a.yaml", NULL), "data/a.yaml");
}

static void gitlab_report_lists_each_problem_with_a_fingerprint_without_its_line(void **state)
{
	nm_diags d;
	nm_buf b = NM_BUF_INIT;
	uint32_t f;

	(void)state;
	nm_diags_init(&d);
	f = nm_diags_file(&d, "/srv/data/a.yaml");
	nm_diags_add(&d, NM_SEV_ERROR, "unknown-key", f, 3, 5, "unknown key 'x'");
	nm_diags_add(&d, NM_SEV_ERROR, "unknown-key", f, 9, 5, "unknown key 'x'");
	nm_diags_add(&d, NM_SEV_WARNING, "empty-committee", f, 0, 0,
		     "committee 'k' has no members");
	nm_diags_gitlab(&b, &d, "/srv");
	assert_string_equal(
		b.ptr,
		"[\n"
		"  {\"description\": \"unknown key 'x'\", \"check_name\": \"unknown-key\", "
		"\"fingerprint\": \"5209ce9af8a3bebbf921c36cc971e4631b7573a8265f9e013343a79722285227\", "
		"\"severity\": \"major\", \"location\": {\"path\": \"data/a.yaml\", \"lines\": {\"begin\": 3}}},\n"
		"  {\"description\": \"unknown key 'x'\", \"check_name\": \"unknown-key\", "
		"\"fingerprint\": \"40d4345f1f90bed870a7e35c74623e505bd9907ee22e18bf5754278deade02d5\", "
		"\"severity\": \"major\", \"location\": {\"path\": \"data/a.yaml\", \"lines\": {\"begin\": 9}}},\n"
		"  {\"description\": \"committee 'k' has no members\", \"check_name\": \"empty-committee\", "
		"\"fingerprint\": \"0fd6531b060491db92851494185c2660a8f7bdb3f742725a3e6d1b1458f3277d\", "
		"\"severity\": \"minor\", \"location\": {\"path\": \"data/a.yaml\", \"lines\": {\"begin\": 1}}}\n"
		"]\n");
	nm_buf_clear(&b);
	nm_diags_release(&d);
	nm_diags_init(&d);
	nm_diags_gitlab(&b, &d, NULL);
	assert_string_equal(b.ptr, "[]\n");
	nm_buf_release(&b);
	nm_diags_release(&d);
}

static void sarif_result_has_rule_index_level_escaped_message_and_encoded_uri(void **state)
{
	nm_diags d;
	nm_buf b = NM_BUF_INIT;
	const nm_rule *r = nm_rule_find("unknown-key");
	char want[512];
	uint32_t f;

	(void)state;
	assert_non_null(r);
	nm_diags_init(&d);
	f = nm_diags_file(&d, "Ordner Ü/a.yaml");
	nm_diags_add(&d, NM_SEV_ERROR, "unknown-key", f, 3, 5, "unknown key 'a\tb\x1b'");
	nm_diags_add(&d, NM_SEV_WARNING, "sheet-thing", f, 0, 0, "about the whole file");
	nm_diags_sarif(&b, &d, NULL, NULL);
	snprintf(want, sizeof(want),
		 "{\"ruleId\": \"unknown-key\", \"ruleIndex\": %zu, \"level\": \"error\", "
		 "\"message\": {\"text\": \"unknown key 'a\\tb\\u001b'\"},\n"
		 "         \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
		 "{\"uri\": \"Ordner%%20%%C3%%9C/a.yaml\"}, \"region\": {\"startLine\": 3, "
		 "\"startColumn\": 5}}}]}",
		 (size_t)(r - nm_rules));
	assert_non_null(strstr(b.ptr, want));
	/* A rule id the table lacks gets a rule entry of its own, after the table. */
	snprintf(want, sizeof(want),
		 "{\"ruleId\": \"sheet-thing\", \"ruleIndex\": %zu, \"level\": \"warning\", "
		 "\"message\": {\"text\": \"about the whole file\"},\n"
		 "         \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
		 "{\"uri\": \"Ordner%%20%%C3%%9C/a.yaml\"}}}]}",
		 nm_nrules);
	assert_non_null(strstr(b.ptr, want));
	assert_non_null(strstr(b.ptr, "{\"id\": \"sheet-thing\", \"shortDescription\""));
	assert_non_null(strstr(b.ptr, "\"version\": \"2.1.0\""));
	assert_non_null(strstr(b.ptr, "{\"executionSuccessful\": true}"));
	nm_buf_release(&b);
	nm_diags_release(&d);
}

static void sarif_run_that_could_not_read_a_path_is_not_successful(void **state)
{
	nm_diags d;
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_diags_init(&d);
	nm_diags_sarif(&b, &d, "/srv", "cannot read 'x.yaml': No such file or directory");
	assert_non_null(strstr(
		b.ptr, "{\"executionSuccessful\": false, \"toolExecutionNotifications\": [\n"
		       "            {\"level\": \"error\", \"message\": {\"text\": \"cannot read "
		       "'x.yaml': No such file or directory\"}}\n          ]}"));
	assert_non_null(strstr(b.ptr, "\"results\": []\n"));
	nm_buf_release(&b);
	nm_diags_release(&d);
}

static void every_rule_is_documented_in_the_format_guide(void **state)
{
	char *doc = tu_read_file(NETMAP_SOURCE_DIR "/docs/format.md", NULL);

	(void)state;
	assert_non_null(doc);
	for (size_t i = 0; i < nm_nrules; i++) {
		char anchor[128];
		snprintf(anchor, sizeof(anchor), "<a id=\"rule-%s\"></a>**`%s`**", nm_rules[i].id,
			 nm_rules[i].id);
		if (!strstr(doc, anchor))
			fail_msg("docs/format.md lacks %s", anchor);
	}
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(relpath_strips_the_working_directory_and_dot_slash),
		cmocka_unit_test(
			gitlab_report_lists_each_problem_with_a_fingerprint_without_its_line),
		cmocka_unit_test(sarif_result_has_rule_index_level_escaped_message_and_encoded_uri),
		cmocka_unit_test(sarif_run_that_could_not_read_a_path_is_not_successful),
		cmocka_unit_test(every_rule_is_documented_in_the_format_guide),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
