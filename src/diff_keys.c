/*
 * diff_keys.c: the findings of a snapshot as sorted keys, for diff.c to
 * compare. Findings are compared through the JSON each snapshot stored
 * when it was taken (contract 5.3), not by analysing again: the JSON
 * reader (json_read.c) turns it into a tree and each finding becomes a key
 * of up to three strings (an overlap is (a, b, class)). `netmap plan`,
 * which has the analysis at hand, takes the same keys from it. A document
 * that cannot be read leaves the findings uncompared rather than failing.
 */
#include "diff_keys.h"

#include <stdlib.h>
#include <string.h>

#include "netmap/json.h"

static void add_key(nm_diff_keys *k, nm_diff_finding_kind kind, const char *a, const char *b,
		    const char *c)
{
	nm_diff_key *key;

	if (!a || (kind == NM_FINDING_OVERLAP && (!b || !c)) ||
	    ((kind == NM_FINDING_REVIEW || kind == NM_FINDING_MISSING_VOICE) && !b) ||
	    (kind == NM_FINDING_DUPLICATE_ACTOR && (!b || !c)))
		return; /* an entry without its key fields is skipped */
	NM_GROW(k->items, k->cap, k->n + 1);
	key = &k->items[k->n++];
	key->kind = kind;
	key->part[0] = nm_xstrdup(a);
	key->part[1] = b ? nm_xstrdup(b) : NULL;
	key->part[2] = c ? nm_xstrdup(c) : NULL;
}

void nm_diff_keys_free(nm_diff_keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		for (int j = 0; j < 3; j++)
			free(k->items[i].part[j]);
	free(k->items);
}

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

int nm_diff_key_cmp(const void *x, const void *y)
{
	const nm_diff_key *a = x, *b = y;
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	for (int i = 0; i < 3; i++)
		if ((c = cmp_str(a->part[i], b->part[i])) != 0)
			return c;
	return 0;
}

static int cmp_cstr(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* A cluster's key: its committee ids, sorted, joined by ",". */
static void add_cluster(nm_diff_keys *k, const nm_json *list)
{
	const char **ids = nm_xcalloc(nm_json_len(list) + 1, sizeof(*ids));
	nm_buf b = NM_BUF_INIT;
	size_t n = 0;

	for (size_t i = 0; i < nm_json_len(list); i++)
		if (nm_json_string(&list->items[i]))
			ids[n++] = list->items[i].str;
	if (n > 1)
		qsort(ids, n, sizeof(*ids), cmp_cstr);
	for (size_t i = 0; i < n; i++) {
		if (i)
			nm_buf_putc(&b, ',');
		nm_buf_puts(&b, ids[i]);
	}
	if (n)
		add_key(k, NM_FINDING_CLUSTER, nm_buf_cstr(&b), NULL, NULL);
	nm_buf_release(&b);
	free(ids);
}

/* The findings of one stored document as sorted keys; -1 when unreadable. */
int nm_diff_keys_from_json(const char *json, nm_diff_keys *k)
{
	nm_json root;
	const nm_json *list, *gaps, *e;
	/* Parts of the report that hold no compared finding are stepped over. */
	static const char *const unused[] = {"netmap",          "dataset", "today",
					     "settings",        "summary", "invitations",
					     "merge_proposals", "changes", NULL};

	memset(k, 0, sizeof(*k));
	if (!json || nm_json_parse(json, &root, unused) < 0)
		return -1;
	if (root.type != NM_JSON_OBJ) {
		nm_json_free(&root);
		return -1;
	}
	list = nm_json_get(&root, "overlaps");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		e = &list->items[i];
		add_key(k, NM_FINDING_OVERLAP, nm_json_string(nm_json_get(e, "a")),
			nm_json_string(nm_json_get(e, "b")),
			nm_json_string(nm_json_get(e, "class")));
	}
	list = nm_json_get(&root, "clusters");
	for (size_t i = 0; i < nm_json_len(list); i++)
		add_cluster(k, nm_json_get(&list->items[i], "committees"));
	list = nm_json_get(&root, "load");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		if (nm_json_true(nm_json_get(&list->items[i], "overloaded")))
			add_key(k, NM_FINDING_OVERLOADED,
				nm_json_string(nm_json_get(&list->items[i], "actor")), NULL, NULL);
	}
	list = nm_json_get(&root, "review");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		e = &list->items[i];
		add_key(k, NM_FINDING_REVIEW, nm_json_string(nm_json_get(e, "committee")),
			nm_json_string(nm_json_get(e, "reason")), NULL);
	}
	gaps = nm_json_get(&root, "gaps");
	list = nm_json_get(gaps, "uncovered_themes");
	for (size_t i = 0; i < nm_json_len(list); i++)
		add_key(k, NM_FINDING_UNCOVERED_THEME, nm_json_string(&list->items[i]), NULL, NULL);
	list = nm_json_get(gaps, "isolated_actors");
	for (size_t i = 0; i < nm_json_len(list); i++)
		add_key(k, NM_FINDING_ISOLATED_ACTOR, nm_json_string(&list->items[i]), NULL, NULL);
	list = nm_json_get(gaps, "single_type_committees");
	for (size_t i = 0; i < nm_json_len(list); i++)
		add_key(k, NM_FINDING_SINGLE_TYPE, nm_json_string(&list->items[i]), NULL, NULL);
	list = nm_json_get(gaps, "missing_voices");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		e = &list->items[i];
		add_key(k, NM_FINDING_MISSING_VOICE, nm_json_string(nm_json_get(e, "theme")),
			nm_json_string(nm_json_get(e, "type")), NULL);
	}
	list = nm_json_get(&root, "duplicate_actors");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		e = &list->items[i];
		add_key(k, NM_FINDING_DUPLICATE_ACTOR, nm_json_string(nm_json_get(e, "a")),
			nm_json_string(nm_json_get(e, "b")),
			nm_json_string(nm_json_get(e, "reason")));
	}
	nm_json_free(&root);
	if (k->n > 1)
		qsort(k->items, k->n, sizeof(*k->items), nm_diff_key_cmp);
	return 0;
}

/*
 * The same keys straight from an analysis (for netmap plan, which has the
 * analysis at hand): what nm_diff_keys_from_json reads back from its JSON.
 */
void nm_diff_keys_from_analysis(const nm_analysis *an, nm_diff_keys *k)
{
	const nm_dataset *ds = an->ds;
	nm_buf ids = NM_BUF_INIT;

	memset(k, 0, sizeof(*k));
	for (size_t i = 0; i < an->noverlaps; i++)
		add_key(k, NM_FINDING_OVERLAP, ds->committees[an->overlaps[i].a].id,
			ds->committees[an->overlaps[i].b].id, nm_class_names[an->overlaps[i].cls]);
	for (size_t i = 0; i < an->nclusters; i++) {
		nm_buf_clear(&ids);
		/* Committee indices ascending are ids in byte order. */
		for (size_t j = 0; j < an->clusters[i].n; j++)
			nm_buf_printf(&ids, "%s%s", j ? "," : "",
				      ds->committees[an->clusters[i].committees[j]].id);
		add_key(k, NM_FINDING_CLUSTER, nm_buf_cstr(&ids), NULL, NULL);
	}
	for (size_t i = 0; i < an->nload; i++)
		if (an->load[i].overloaded)
			add_key(k, NM_FINDING_OVERLOADED, ds->actors[an->load[i].actor].id, NULL,
				NULL);
	for (size_t i = 0; i < an->nreview; i++)
		add_key(k, NM_FINDING_REVIEW, ds->committees[an->review[i].committee].id,
			nm_review_reason_names[an->review[i].reason], NULL);
	for (size_t i = 0; i < an->nuncovered_themes; i++)
		add_key(k, NM_FINDING_UNCOVERED_THEME, ds->themes[an->uncovered_themes[i]].id, NULL,
			NULL);
	for (size_t i = 0; i < an->nisolated_actors; i++)
		add_key(k, NM_FINDING_ISOLATED_ACTOR, ds->actors[an->isolated_actors[i]].id, NULL,
			NULL);
	for (size_t i = 0; i < an->nsingle_type_committees; i++)
		add_key(k, NM_FINDING_SINGLE_TYPE, ds->committees[an->single_type_committees[i]].id,
			NULL, NULL);
	for (size_t i = 0; i < an->nmissing_voices; i++)
		add_key(k, NM_FINDING_MISSING_VOICE, ds->themes[an->missing_voices[i].theme].id,
			nm_actor_type_names[an->missing_voices[i].type], NULL);
	for (size_t i = 0; i < an->nduplicate_actors; i++)
		add_key(k, NM_FINDING_DUPLICATE_ACTOR, ds->actors[an->duplicate_actors[i].a].id,
			ds->actors[an->duplicate_actors[i].b].id,
			nm_dup_reason_names[an->duplicate_actors[i].reason]);
	nm_buf_release(&ids);
	if (k->n > 1)
		qsort(k->items, k->n, sizeof(*k->items), nm_diff_key_cmp);
}
