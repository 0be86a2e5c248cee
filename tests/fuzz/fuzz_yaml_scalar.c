/*
 * fuzz_yaml_scalar.c: whatever string the writers are given (valid UTF-8,
 * no NUL), nm_yaml_scalar must write a scalar that libyaml reads back as
 * exactly that string, as a block mapping value and as a flow sequence
 * item (the two places `netmap import` writes scalars).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include <yaml.h>

#include "netmap/yaml_write.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The first scalar after the first key of doc, or NULL (owned by the caller). */
static char *read_back(const char *doc, size_t len, int nth)
{
	yaml_parser_t p;
	yaml_event_t ev;
	char *found = NULL;
	int scalars = 0;
	bool done = false;

	if (!yaml_parser_initialize(&p))
		abort();
	yaml_parser_set_input_string(&p, (const unsigned char *)doc, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev))
			abort(); /* the writer wrote something libyaml cannot read */
		if (ev.type == YAML_SCALAR_EVENT && ++scalars == nth) {
			found = strndup((const char *)ev.data.scalar.value, ev.data.scalar.length);
			if (strlen(found) != ev.data.scalar.length)
				abort(); /* an escaped NUL */
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return found;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nm_buf in = NM_BUF_INIT, doc = NM_BUF_INIT;
	char *got;

	if (memchr(data, 0, size) ||
	    utf8proc_decompose(data, (utf8proc_ssize_t)size, NULL, 0, 0) < 0)
		return 0; /* the dataset holds valid UTF-8 without NUL only */
	nm_buf_put(&in, (const char *)data, size);

	nm_buf_puts(&doc, "k: ");
	nm_yaml_scalar(&doc, in.ptr);
	nm_buf_puts(&doc, "\nl: [");
	nm_yaml_scalar(&doc, in.ptr);
	nm_buf_puts(&doc, ", z]\n");
	got = read_back(doc.ptr, doc.len, 2); /* k's value */
	if (!got || strcmp(got, in.ptr) != 0)
		abort();
	free(got);
	got = read_back(doc.ptr, doc.len, 4); /* the first item of l */
	if (!got || strcmp(got, in.ptr) != 0)
		abort();
	free(got);
	nm_buf_release(&in);
	nm_buf_release(&doc);
	return 0;
}
