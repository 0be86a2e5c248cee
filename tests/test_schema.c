/*
 * test_schema.c: the JSON Schema describes every key validation reads,
 * with the type of its value, and nothing validation does not read.
 * (tests/schema/check_schema.py runs the schema against real files.)
 */
#include "testutil.h"

#include "netmap/schema.h"
#include "netmap/validate.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void every_key_validation_reads_has_a_type_in_the_schema(void **state)
{
	(void)state;
	for (int set = 0; set < NM_KEYS_COUNT; set++) {
		size_t n;
		const char *const *keys = nm_validate_keys((nm_keyset)set, &n);

		for (size_t i = 0; i < n; i++) {
			if (!nm_schema_describes((nm_keyset)set, keys[i]))
				fail_msg("key '%s' of set %d has no type in the schema", keys[i],
					 set);
		}
		/* No key described that validation does not read. */
		assert_int_equal(nm_schema_described((nm_keyset)set), n);
	}
}

static void schema_lists_enum_values_with_their_german_labels(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_schema_write(&b);
	assert_non_null(
		strstr(b.ptr, "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
	assert_non_null(strstr(b.ptr, "\"const\": \"association\",\n"
				      "          \"description\": \"Verband, Wohlfahrtsverband\""));
	assert_non_null(strstr(b.ptr, "\"description\": \"monatlich (12 a year)\""));
	assert_non_null(strstr(b.ptr, "\"description\": \"Federführung\""));
	assert_non_null(strstr(b.ptr, "\"^x-\": true"));
	assert_non_null(strstr(b.ptr, "\"default\": 0.6"));
	assert_non_null(strstr(b.ptr, "\"default\": [\n            \"migrant_organisation\",\n"
				      "            \"volunteer_initiative\"\n          ]"));
	assert_int_equal(b.ptr[b.len - 1], '\n');
	nm_buf_release(&b);
}

static void netmap_schema_prints_the_checked_in_file(void **state)
{
	const char *args[] = {"schema", NULL};
	char *want = tu_read_file(NETMAP_SOURCE_DIR "/docs/netmap.schema.json", NULL);
	tu_run r;

	(void)state;
	assert_non_null(want);
	tu_netmap(&r, NULL, args);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_string_equal(r.out, want);
	tu_run_release(&r);
	free(want);
}

static void netmap_schema_takes_no_operand(void **state)
{
	const char *args[] = {"schema", "data", NULL};
	tu_run r;

	(void)state;
	tu_netmap(&r, NULL, args);
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_non_null(strstr(r.err, "unexpected argument 'data'"));
	tu_run_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_key_validation_reads_has_a_type_in_the_schema),
		cmocka_unit_test(schema_lists_enum_values_with_their_german_labels),
		cmocka_unit_test(netmap_schema_prints_the_checked_in_file),
		cmocka_unit_test(netmap_schema_takes_no_operand),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
