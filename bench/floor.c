/*
 * floor.c: the benchmark floor. It parses the given YAML files with
 * libyaml's event API and discards the events: no program that reads these
 * files with libyaml can be faster, so netmap's times are given as
 * multiples of this one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static int parse_file(const char *path, unsigned long *events)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t parser;
	yaml_event_t event;
	int done = 0, ok = 1;
	unsigned char *data = NULL;
	size_t len = 0, cap = 0, got;

	if (!f) {
		perror(path);
		return 0;
	}
	do {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			data = realloc(data, cap);
			if (!data) {
				fclose(f);
				return 0;
			}
		}
		got = fread(data + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	fclose(f);
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, data, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "%s: %s\n", path,
				parser.problem ? parser.problem : "error");
			ok = 0;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		(*events)++;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	free(data);
	return ok;
}

int main(int argc, char **argv)
{
	unsigned long events = 0;
	int ok = 1;

	for (int i = 1; i < argc; i++)
		ok &= parse_file(argv[i], &events);
	printf("%lu events\n", events);
	return ok ? 0 : 1;
}
