/*
 * validate.c: every rule of contract 2.1-2.7, reporting all problems.
 *
 * The work is split in two passes. The document pass (add_doc) walks one
 * tree while it is still in memory: keys, node types, enum values, dates,
 * id syntax, tags and merge keys; it copies each record into the dataset
 * and keeps every reference (theme, actor, committee, lead, parent,
 * membership) as text with its position. The finishing pass resolves
 * those references across all files, merges memberships, and checks what
 * only the whole dataset can tell: duplicate ids, parent cycles and the
 * warnings. Problems are collected unordered and sorted at the end.
 */
#include "netmap/validate.h"
#include "netmap/arena.h"
#include "netmap/buf.h"
#include "netmap/labels.h"
#include "netmap/sort.h"
#include "netmap/strmap.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* How many unknown references get a did-you-mean over all ids. */
#define SUGGEST_ID_LIMIT 50

typedef struct vpos {
	uint32_t file, line, col;
} vpos;

typedef struct vref {
	const char *id; /* interned in the validator's refs */
	vpos pos;
	bool by_name; /* from a spreadsheet cell: an id or a name (6.4) */
} vref;

typedef struct vrefs {
	vref *items;
	size_t n, cap;
} vrefs;

/* Where an actor or committee was written, for the finishing pass. */
typedef struct vrecord {
	vpos pos;                 /* the record's mapping */
	vpos id_pos;              /* its id value */
	uint32_t themes, nthemes; /* its theme references in theme_refs */
	bool duplicate;           /* its id was taken: no warnings of its own */
} vrecord;

/* What only a committee has besides (actors are many: they stay small). */
typedef struct vcommittee {
	vrecord r;
	vref lead; /* id NULL when absent */
	vref parent;
	vpos status_pos;
	vpos founded_pos, ends_pos, last_met_pos;
} vcommittee;

/*
 * One membership as written; there may be millions, so it is kept small:
 * each side is its id (interned in refs, or the record's own id; NULL for
 * the record the list belongs to) until the finishing pass resolves it
 * into an index in its place. Reading order is the order in members.
 */
typedef struct vmember {
	union {
		const char *actor;
		uint32_t a;
	};
	union {
		const char *committee;
		uint32_t c;
	};
	vpos actor_pos, committee_pos;
	vpos pos; /* where the pair is written */
	nm_date since;
	uint32_t self;                         /* the record the list belongs to, or NM_NONE */
	int8_t role;                           /* written role, or -1 */
	bool from_lead;                        /* written as a committee's lead: resolved with it */
	bool actor_by_name, committee_by_name; /* from cells: ids or names (6.4) */
} vmember;

typedef struct vtheme {
	vpos pos;
} vtheme;

typedef struct ident {
	bool committee; /* which namespace entry: actor or committee */
	uint32_t index;
} ident;

struct nm_validator {
	nm_diags *diags;
	nm_arena refs;      /* the text of every reference, until finish */
	nm_strmap interned; /* that text, each distinct string once */
	vrefs theme_refs;   /* the theme references of every record */
	nm_date today;
	nm_dataset *ds;

	vtheme *theme_pos; /* parallel to ds->themes while declared */
	size_t theme_cap;
	nm_strmap theme_ids;
	vrecord *actor_rec; /* parallel to ds->actors */
	size_t actor_cap;
	vcommittee *committee_rec; /* parallel to ds->committees */
	size_t committee_cap;
	size_t nactor_rec, ncommittee_rec; /* records kept, even after finish */
	size_t theme_pos_cap, actor_rec_cap, committee_rec_cap;
	ident *idents;
	size_t nidents, idents_cap;
	nm_strmap ids; /* id -> index into idents */
	vmember *members;
	size_t nmembers, members_cap;
	size_t files_cap;

	bool have_settings;
	vpos settings_pos;
	vrefs coordinators; /* settings: coordinators, resolved at finish */
	bool coordinators_given;
	bool have_dataset;
	size_t suggestions; /* did-you-means computed over all ids */
	size_t undeclared_suggestions;

	/* Names of records, for references from spreadsheet cells (6.4). */
	nm_strmap actor_names, committee_names, theme_labels;
	nm_strmap ambiguous; /* "a\x1fname", "c\x1fname", "t\x1flabel" given twice */
	size_t names_actors, names_committees, names_themes; /* records indexed */
	nm_buf place;                                        /* the text of the last place() */
	uint32_t file_base; /* the base of the document being read (nm_doc) */
};

#define NAME_AMBIGUOUS (UINT32_MAX - 1) /* a name that several records have */

/* ---- small helpers ----------------------------------------------------- */

/* A node's place; the nodes of a file read apart count entries from its base. */
static vpos pos_of(const nm_validator *v, const nm_node *n)
{
	vpos p = {v->file_base + n->file, n->line, n->col};
	return p;
}

static void problem(nm_validator *v, nm_severity sev, const char *rule, vpos p, const char *fmt,
		    ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

static void problem(nm_validator *v, nm_severity sev, const char *rule, vpos p, const char *fmt,
		    ...)
{
	va_list ap;

	va_start(ap, fmt);
	nm_diags_vadd(v->diags, sev, rule, p.file, p.line, p.col, fmt, ap);
	va_end(ap);
}

#define error_at(v, rule, node, ...) \
	problem((v), NM_SEV_ERROR, (rule), pos_of(v, node), __VA_ARGS__)

/*
 * A required field that is missing. A record from a spreadsheet row has
 * had that checked by its table reader, at the cell where the value
 * belongs (6.5), so it is not reported twice.
 */
#define missing_at(v, node, ...) \
	do { \
		if ((node)->from != NM_FROM_CELL) \
			error_at((v), "required", (node), __VA_ARGS__); \
	} while (0)

/* A place as messages name it: path:line:col, or path:Sheet!C7 (6.5). */
static const char *place(nm_validator *v, vpos p)
{
	nm_buf_clear(&v->place);
	nm_diags_place(v->diags, p.file, p.line, p.col, &v->place);
	return nm_buf_cstr(&v->place);
}

static const char *kind_word(const nm_node *n)
{
	switch (n->kind) {
	case NM_NODE_SEQ:
		return "a list";
	case NM_NODE_MAP:
		return "a mapping";
	default:
		return "a text";
	}
}

static bool is_null(const nm_node *n)
{
	return n == NULL || nm_node_is_null(n);
}

static bool is_extension(const char *key)
{
	return key[0] == 'x' && key[1] == '-';
}

#define OSA_MAX 128 /* longer words get no suggestion */

/* Optimal string alignment distance, bounded: returns limit+1 when more. */
static size_t osa_distance(const char *a, const char *b, size_t limit)
{
	size_t rows[3][OSA_MAX + 1];
	size_t la = strlen(a), lb = strlen(b), *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

	if ((la > lb ? la - lb : lb - la) > limit || la > OSA_MAX || lb > OSA_MAX)
		return limit + 1;
	memset(rows, 0, sizeof(rows));
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t best = cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t x = prev[j] + 1, y = cur[j - 1] + 1, z = prev[j - 1] + cost;
			size_t m = x < y ? x : y;
			m = m < z ? m : z;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < m)
				m = prev2[j - 2] + 1;
			cur[j] = m;
			if (m < best)
				best = m;
		}
		if (best > limit)
			return limit + 1;
		{
			size_t *t = prev2;
			prev2 = prev;
			prev = cur;
			cur = t;
		}
	}
	return prev[lb];
}

const char *nm_suggest(const char *word, const char *const *cands, size_t n)
{
	size_t len = strlen(word), limit, best_d = SIZE_MAX;
	const char *best = NULL;

	for (size_t i = 0; i < n; i++)
		if (strcasecmp(word, cands[i]) == 0)
			return cands[i];
	limit = len <= 3 ? 1 : len <= 8 ? 2 : 3;
	for (size_t i = 0; i < n; i++) {
		size_t d = osa_distance(word, cands[i], limit);
		if (d <= limit && d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	return best;
}

static bool valid_id(const char *s)
{
	size_t n = 0;

	if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') ||
	      (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (const char *p = s; *p; p++, n++) {
		char c = *p;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return false;
	}
	return n <= 64;
}

/* ---- the keys of each mapping (nm_validate_keys) ----------------------- */

static const char *const document_keys[] = {"netmap",     "dataset",     "themes",  "actors",
					    "committees", "memberships", "settings"};
static const char *const theme_keys[] = {"id", "label"};
static const char *const actor_keys[] = {"id",        "name",    "type",    "themes", "district",
					 "member_of", "contact", "website", "note"};
static const char *const contact_keys[] = {"person", "email", "phone"};
static const char *const committee_keys[] = {"id",    "name",   "kind",     "ad_hoc", "themes",
					     "lead",  "status", "founded",  "ends",   "last_met",
					     "meets", "parent", "district", "note",   "members"};
static const char *const membership_keys[] = {"actor", "committee", "role", "since"};
static const char *const member_keys[] = {"actor", "role", "since"};
static const char *const member_of_keys[] = {"committee", "role", "since"};

#define NKEYS(a) (sizeof(a) / sizeof((a)[0]))

const char *const *nm_validate_keys(nm_keyset set, size_t *n)
{
	static const struct {
		const char *const *keys;
		size_t n;
	} sets[NM_KEYS_COUNT] = {
		[NM_KEYS_DOCUMENT] = {document_keys, NKEYS(document_keys)},
		[NM_KEYS_THEME] = {theme_keys, NKEYS(theme_keys)},
		[NM_KEYS_ACTOR] = {actor_keys, NKEYS(actor_keys)},
		[NM_KEYS_CONTACT] = {contact_keys, NKEYS(contact_keys)},
		[NM_KEYS_COMMITTEE] = {committee_keys, NKEYS(committee_keys)},
		[NM_KEYS_MEMBERSHIP] = {membership_keys, NKEYS(membership_keys)},
		[NM_KEYS_MEMBER] = {member_keys, NKEYS(member_keys)},
		[NM_KEYS_MEMBER_OF] = {member_of_keys, NKEYS(member_of_keys)},
		[NM_KEYS_SETTINGS] = {NULL, NM_SETTINGS_N}, /* the keys of nm_setting_defs */
	};

	*n = sets[set].n;
	if (set == NM_KEYS_SETTINGS)
		return nm_setting_names();
	return sets[set].keys;
}

/* ---- field readers ------------------------------------------------------ */

/* A text value: NULL when absent (null), and an error when not a scalar. */
static const char *scalar(nm_validator *v, const nm_node *n, const char *field)
{
	if (is_null(n))
		return NULL;
	if (n->kind != NM_NODE_SCALAR) {
		error_at(v, "node-type", n, "expected a text for '%s', found %s", field,
			 kind_word(n));
		return NULL;
	}
	return n->u.value;
}

/* The arena of the dataset's strings (nm_dataset.pool). */
static nm_arena *pool(nm_validator *v)
{
	if (!v->ds->pool)
		v->ds->pool = nm_xcalloc(1, sizeof(*v->ds->pool));
	return v->ds->pool;
}

static char *pool_strdup(nm_validator *v, const char *s)
{
	return nm_arena_strdup(pool(v), s);
}

/*
 * One copy of a referenced id for every reference to it: memberships name
 * the same committee again and again. An id already read (a key of
 * known: v->ids or v->theme_ids) is the record's own; only an id not
 * (yet) read is copied, once.
 */
static const char *intern(nm_validator *v, const nm_strmap *known, const char *s)
{
	const char *p = nm_strmap_key(known, s);

	if (!p)
		p = nm_strmap_key(&v->interned, s);
	if (!p) {
		p = nm_arena_strdup(&v->refs, s);
		(void)nm_strmap_put(&v->interned, p, 0);
	}
	return p;
}

static char *dup_text(nm_validator *v, const nm_node *n, const char *field)
{
	const char *s = scalar(v, n, field);
	return s ? pool_strdup(v, s) : NULL;
}

/* Which labelled field an enum's names are, or -1. */
static int enum_field_of(const char *const *names)
{
	if (names == nm_actor_type_names)
		return NM_ENUM_TYPE;
	if (names == nm_kind_names)
		return NM_ENUM_KIND;
	if (names == nm_status_names)
		return NM_ENUM_STATUS;
	if (names == nm_freq_names)
		return NM_ENUM_MEETS;
	if (names == nm_role_names)
		return NM_ENUM_ROLE;
	return -1;
}

static int enum_value(nm_validator *v, const nm_node *n, const char *what, const char *const *names,
		      int count)
{
	const char *s = scalar(v, n, what);
	const char *hint;
	int i, field, german;

	if (!s)
		return -1;
	i = nm_enum_lookup(names, count, s);
	if (i >= 0)
		return i;
	field = enum_field_of(names);
	if (n->from == NM_FROM_CELL && field >= 0) {
		/* A cell may give the English value or a German label (6.3). */
		size_t nw;
		const char *const *words = nm_label_enum_words((nm_enum_field)field, &nw);
		hint = nm_suggest(s, words, nw);
	} else if (field >= 0 && (german = nm_label_enum_german((nm_enum_field)field, s)) >= 0) {
		/* In YAML, values are the English words (2.3); name the one meant. */
		error_at(v, "enum", n, "unknown %s '%s'; write '%s' (%s)", what, s, names[german],
			 s);
		return -2;
	} else {
		hint = nm_suggest(s, names, (size_t)count);
	}
	if (hint)
		error_at(v, "enum", n, "unknown %s '%s'; did you mean '%s'?", what, s, hint);
	else
		error_at(v, "enum", n, "unknown %s '%s'", what, s);
	return -2;
}

/*
 * A date written the German way, D.M.YYYY: its ISO form into iso (at
 * least 11 bytes) when it is a real date, for the hint.
 */
static bool german_date(const char *s, char *iso)
{
	unsigned day = 0, month = 0, year = 0;
	int nd = 0, nm = 0, ny = 0;
	nm_date d;

	while (*s >= '0' && *s <= '9' && nd < 3)
		day = day * 10 + (unsigned)(*s++ - '0'), nd++;
	if (*s++ != '.')
		return false;
	while (*s >= '0' && *s <= '9' && nm < 3)
		month = month * 10 + (unsigned)(*s++ - '0'), nm++;
	if (*s++ != '.')
		return false;
	while (*s >= '0' && *s <= '9' && ny < 5)
		year = year * 10 + (unsigned)(*s++ - '0'), ny++;
	if (*s || nd < 1 || nd > 2 || nm < 1 || nm > 2 || ny != 4)
		return false;
	snprintf(iso, 16, "%04u-%02u-%02u", year, month, day);
	return nm_date_parse(iso, &d) == 0;
}

static nm_date date_value(nm_validator *v, const nm_node *n, const char *field)
{
	const char *s = scalar(v, n, field);
	nm_date d;

	if (!s)
		return NM_DATE_NONE;
	if (nm_date_parse(s, &d) != 0) {
		char iso[16];
		if (german_date(s, iso))
			error_at(v, "date", n, "invalid date '%s': write it as %s (YYYY-MM-DD)", s,
				 iso);
		else
			error_at(v, "date", n,
				 "invalid date '%s': dates are YYYY-MM-DD and must exist in the "
				 "calendar",
				 s);
		return NM_DATE_NONE;
	}
	return d;
}

static bool bool_value(nm_validator *v, const nm_node *n, const char *field)
{
	const char *s = scalar(v, n, field);

	if (!s)
		return false;
	if (strcasecmp(s, "true") == 0 || strcasecmp(s, "yes") == 0)
		return true;
	if (strcasecmp(s, "false") == 0 || strcasecmp(s, "no") == 0)
		return false;
	error_at(v, "boolean", n, "'%s' must be true or false (or yes/no), not '%s'", field, s);
	return false;
}

/* Check that a node is a list; false (with an error) when it is not. */
static bool expect_list(nm_validator *v, const nm_node *n, const char *field)
{
	if (n->kind == NM_NODE_SEQ)
		return true;
	error_at(v, "node-type", n, "expected a list for '%s', found %s", field, kind_word(n));
	return false;
}

static bool item_ok(nm_validator *v, const nm_node *item)
{
	if (is_null(item)) {
		error_at(v, "null-item", item, "a list item must not be null");
		return false;
	}
	return true;
}

/*
 * Walk the keys of a record mapping: known keys are matched by index into
 * keys[], x- keys skipped, others reported with a suggestion. values[i]
 * receives the value node of keys[i] or NULL.
 */
static void read_keys(nm_validator *v, const nm_node *map, const char *what,
		      const char *const *keys, size_t nkeys, const nm_node **values)
{
	for (size_t i = 0; i < nkeys; i++)
		values[i] = NULL;
	for (uint32_t i = 0; i + 1 < map->n; i += 2) {
		const nm_node *k = map->u.items[i], *val = map->u.items[i + 1];
		size_t j;

		if (k->kind != NM_NODE_SCALAR)
			continue; /* reported by the loader */
		if (is_extension(k->u.value))
			continue;
		for (j = 0; j < nkeys; j++)
			if (k->u.value[0] == keys[j][0] && strcmp(k->u.value, keys[j]) == 0)
				break;
		if (j < nkeys) {
			if (!values[j])
				values[j] = val; /* a duplicate key is the loader's error */
			continue;
		}
		if (strcmp(k->u.value, "<<") == 0 && k->plain) {
			error_at(v, "merge-key", k, "YAML merge keys ('<<') are not supported");
			continue;
		}
		{
			const char *hint = nm_suggest(k->u.value, keys, nkeys);

			if (hint)
				error_at(v, "unknown-key", k,
					 "unknown key '%s' in %s; did you mean '%s'?", k->u.value,
					 what, hint);
			else
				error_at(v, "unknown-key", k, "unknown key '%s' in %s", k->u.value,
					 what);
		}
	}
}

/* Tags anywhere outside x- keys are errors (contract 2). */
static void check_tags(nm_validator *v, const nm_node *n, size_t depth)
{
	if (n->tag) {
		static const char core[] = "tag:yaml.org,2002:";
		if (strncmp(n->tag, core, sizeof(core) - 1) == 0)
			error_at(v, "tag", n, "tags are not supported outside x- keys: '!!%s'",
				 n->tag + sizeof(core) - 1);
		else
			error_at(v, "tag", n, "tags are not supported outside x- keys: '%s'",
				 n->tag);
	}
	if (n->kind == NM_NODE_SCALAR || depth > NM_MAX_DEPTH)
		return;
	for (uint32_t i = 0; i < n->n; i++) {
		const nm_node *c = n->u.items[i];
		if (n->kind == NM_NODE_MAP && i % 2 == 0 && c->kind == NM_NODE_SCALAR &&
		    is_extension(c->u.value)) {
			i++; /* skip the x- key's value too */
			continue;
		}
		check_tags(v, c, depth + 1);
	}
}

/* ---- records ------------------------------------------------------------ */

/* A reference to id, to a record of known (v->ids or v->theme_ids). */
static void add_ref(nm_validator *v, vrefs *r, const nm_strmap *known, const nm_node *at,
		    const char *id)
{
	NM_GROW(r->items, r->cap, r->n + 1);
	r->items[r->n].id = intern(v, known, id);
	r->items[r->n].pos = pos_of(v, at);
	r->items[r->n].by_name = at->from == NM_FROM_CELL;
	r->n++;
}

/* A record's theme references, appended to the validator's theme_refs. */
static void read_theme_refs(nm_validator *v, const nm_node *n, vrecord *rec)
{
	vrefs *out = &v->theme_refs;

	rec->themes = (uint32_t)out->n;
	rec->nthemes = 0;
	if (is_null(n) || !expect_list(v, n, "themes"))
		return;
	// NOLINTNEXTLINE(clang-analyzer-core.NullDereference): is_null(NULL) is true
	for (uint32_t i = 0; i < n->n; i++) {
		const nm_node *item = n->u.items[i];
		const char *s;
		if (!item_ok(v, item))
			continue;
		s = scalar(v, item, "themes");
		if (s)
			add_ref(v, out, &v->theme_ids, item, s);
	}
	rec->nthemes = (uint32_t)(out->n - rec->themes);
}

/* Register an id in the shared actor/committee namespace; false if taken. */
static bool claim_id(nm_validator *v, const char *id, const nm_node *at, bool committee,
		     uint32_t index)
{
	uint32_t slot = nm_strmap_put(&v->ids, id, (uint32_t)v->nidents);

	if (slot != v->nidents) {
		const ident *first = &v->idents[slot];
		const vrecord *r = first->committee ? &v->committee_rec[first->index].r
						    : &v->actor_rec[first->index];
		error_at(v, "duplicate-id", at, "duplicate id '%s'%s, first defined at %s", id,
			 (at->flags & NM_NODE_DERIVED_ID)
				 ? " (made from the name; give the row an id)"
				 : "",
			 place(v, r->id_pos));
		return false;
	}
	NM_GROW(v->idents, v->idents_cap, v->nidents + 1);
	v->idents[v->nidents].committee = committee;
	v->idents[v->nidents].index = index;
	v->nidents++;
	return true;
}

static vmember *new_member(nm_validator *v)
{
	vmember *m;

	NM_GROW(v->members, v->members_cap, v->nmembers + 1);
	m = &v->members[v->nmembers];
	memset(m, 0, sizeof(*m));
	m->role = -1;
	m->since = NM_DATE_NONE;
	m->self = NM_NONE;
	v->nmembers++;
	return m;
}

/*
 * One membership entry: a plain id, or a mapping with the other side's
 * key (`other_key`), role and since. self_id is the id of the record the
 * list belongs to (NULL for the top-level table).
 */
static void read_membership(nm_validator *v, const nm_node *item, const char *self_id,
			    uint32_t self, vpos self_pos, bool self_is_committee, const char *what)
{
	const char *const *table_keys = membership_keys;
	const nm_node *val[4];
	const char *actor = NULL, *committee = NULL, *other;
	vpos actor_pos = self_pos, committee_pos = self_pos;
	vmember *m;
	int role = -1;
	nm_date since = NM_DATE_NONE;

	if (!item_ok(v, item))
		return;
	if (item->kind == NM_NODE_SCALAR) {
		other = item->u.value;
		if (!self_id)
			return;
		if (self_is_committee) {
			actor = other;
			actor_pos = pos_of(v, item);
			committee = self_id;
		} else {
			committee = other;
			committee_pos = pos_of(v, item);
			actor = self_id;
		}
	} else if (item->kind == NM_NODE_MAP) {
		const nm_node *x[3];

		if (!self_id) {
			read_keys(v, item, what, table_keys, 4, val);
		} else if (self_is_committee) {
			read_keys(v, item, what, member_keys, 3, x);
			val[0] = x[0];
			val[1] = NULL;
			val[2] = x[1];
			val[3] = x[2];
		} else {
			read_keys(v, item, what, member_of_keys, 3, x);
			val[0] = NULL;
			val[1] = x[0];
			val[2] = x[1];
			val[3] = x[2];
		}
		if (!self_id || self_is_committee) {
			actor = scalar(v, val[0], "actor");
			if (val[0])
				actor_pos = pos_of(v, val[0]);
			if (!actor && !(val[0] && !is_null(val[0])))
				missing_at(v, item, "%s is missing required field 'actor'", what);
		} else {
			actor = self_id;
		}
		if (!self_id || !self_is_committee) {
			committee = scalar(v, val[1], "committee");
			if (val[1])
				committee_pos = pos_of(v, val[1]);
			if (!committee && !(val[1] && !is_null(val[1])))
				missing_at(v, item, "%s is missing required field 'committee'",
					   what);
		} else {
			committee = self_id;
		}
		if (val[2] && !is_null(val[2])) {
			/* A bad role is reported; the pair itself still counts. */
			role = enum_value(v, val[2], "role", nm_role_names, NM_ROLE_COUNT);
			if (role < 0)
				role = -1;
		}
		since = date_value(v, val[3], "since");
		if (!actor || !committee)
			return;
	} else {
		error_at(v, "node-type", item,
			 "expected an id or a mapping for a membership, found a list");
		return;
	}
	m = new_member(v);
	m->self = self_id ? self : NM_NONE;
	m->actor = self_id && !self_is_committee ? NULL : intern(v, &v->ids, actor);
	m->committee = self_id && self_is_committee ? NULL : intern(v, &v->ids, committee);
	m->actor_pos = actor_pos;
	m->committee_pos = committee_pos;
	m->actor_by_name = m->committee_by_name = item->from == NM_FROM_CELL;
	m->pos = pos_of(v, item);
	m->role = (int8_t)role;
	m->since = since;
}

static void read_members_list(nm_validator *v, const nm_node *n, const char *field,
			      const char *self_id, uint32_t self, vpos self_pos,
			      bool self_is_committee)
{
	if (is_null(n) || !expect_list(v, n, field))
		return;
	for (uint32_t i = 0; i < n->n; i++)
		read_membership(v, n->u.items[i], self_id, self, self_pos, self_is_committee,
				"membership");
}

/* Read the id and name that every record has; false when the id is unusable. */
static bool read_identity(nm_validator *v, const nm_node *map, const char *what,
			  const nm_node *id_node, const nm_node *name_node, char **id_out,
			  char **name_out)
{
	const char *id = scalar(v, id_node, "id");
	const char *name = scalar(v, name_node, "name");

	*id_out = NULL;
	*name_out = NULL;
	if (!id_node || is_null(id_node))
		missing_at(v, map, "%s is missing required field 'id'", what);
	if (!name_node || is_null(name_node))
		missing_at(v, map, "%s is missing required field 'name'", what);
	else if (name && name[0] == '\0')
		error_at(v, "empty", name_node, "'name' must not be empty");
	if (name)
		*name_out = pool_strdup(v, name);
	if (!id)
		return false;
	if (!valid_id(id)) {
		error_at(v, "id-syntax", id_node,
			 "invalid id '%s': ids are 1-64 letters, digits, '.', '_' or '-', "
			 "starting with a letter or digit",
			 id);
		return false;
	}
	*id_out = pool_strdup(v, id);
	return true;
}

static void read_actor(nm_validator *v, const nm_node *map)
{
	const char *const *keys = actor_keys;
	enum { ID, NAME, TYPE, THEMES, DISTRICT, MEMBER_OF, CONTACT, WEBSITE, NOTE };
	const nm_node *val[9];
	nm_dataset *ds = v->ds;
	nm_actor a;
	vrecord rec;
	int type = -1;
	bool id_ok;

	if (map->kind != NM_NODE_MAP) {
		error_at(v, "node-type", map, "expected a mapping for an actor, found %s",
			 kind_word(map));
		return;
	}
	memset(&a, 0, sizeof(a));
	memset(&rec, 0, sizeof(rec));
	read_keys(v, map, "actor", keys, 9, val);
	id_ok = read_identity(v, map, "actor", val[ID], val[NAME], &a.id, &a.name);
	rec.pos = pos_of(v, map);
	rec.id_pos = val[ID] ? pos_of(v, val[ID]) : rec.pos;
	if (!val[TYPE] || is_null(val[TYPE]))
		missing_at(v, map, "actor is missing required field 'type'");
	else
		type = enum_value(v, val[TYPE], "actor type", nm_actor_type_names, NM_TYPE_COUNT);
	a.type = type >= 0 ? (nm_actor_type)type : NM_TYPE_OTHER;
	read_theme_refs(v, val[THEMES] ? val[THEMES] : NULL, &rec);
	a.district = dup_text(v, val[DISTRICT], "district");
	a.website = dup_text(v, val[WEBSITE], "website");
	a.note = dup_text(v, val[NOTE], "note");
	if (val[CONTACT] && !is_null(val[CONTACT])) {
		if (val[CONTACT]->kind != NM_NODE_MAP) {
			error_at(v, "node-type", val[CONTACT],
				 "expected a mapping for 'contact', found %s",
				 kind_word(val[CONTACT]));
		} else {
			const char *const *ckeys = contact_keys;
			const nm_node *cv[3];
			read_keys(v, val[CONTACT], "contact", ckeys, 3, cv);
			a.person = dup_text(v, cv[0], "person");
			a.email = dup_text(v, cv[1], "email");
			a.phone = dup_text(v, cv[2], "phone");
		}
	}
	if (!id_ok)
		a.id = pool_strdup(v, ""); /* never handed out: the dataset is invalid */
	NM_GROW(ds->actors, v->actor_cap, ds->nactors + 1);
	NM_GROW(v->actor_rec, v->actor_rec_cap, ds->nactors + 1);
	ds->actors[ds->nactors] = a;
	v->actor_rec[ds->nactors] = rec;
	v->nactor_rec = ds->nactors + 1;
	/* A duplicate's memberships would only repeat its error elsewhere. */
	if (id_ok && claim_id(v, a.id, val[ID], false, (uint32_t)ds->nactors))
		read_members_list(v, val[MEMBER_OF], "member_of", a.id, (uint32_t)ds->nactors,
				  rec.id_pos, false);
	ds->nactors++;
}

static void read_committee(nm_validator *v, const nm_node *map)
{
	const char *const *keys = committee_keys;
	enum {
		ID,
		NAME,
		KIND,
		AD_HOC,
		THEMES,
		LEAD,
		STATUS,
		FOUNDED,
		ENDS,
		LAST_MET,
		MEETS,
		PARENT,
		DISTRICT,
		NOTE,
		MEMBERS
	};
	const nm_node *val[15];
	nm_dataset *ds = v->ds;
	nm_committee c;
	vcommittee rec;
	int x;
	bool id_ok;

	if (map->kind != NM_NODE_MAP) {
		error_at(v, "node-type", map, "expected a mapping for a committee, found %s",
			 kind_word(map));
		return;
	}
	memset(&c, 0, sizeof(c));
	memset(&rec, 0, sizeof(rec));
	read_keys(v, map, "committee", keys, 15, val);
	id_ok = read_identity(v, map, "committee", val[ID], val[NAME], &c.id, &c.name);
	rec.r.pos = pos_of(v, map);
	rec.r.id_pos = val[ID] ? pos_of(v, val[ID]) : rec.r.pos;
	if (!val[KIND] || is_null(val[KIND])) {
		missing_at(v, map, "committee is missing required field 'kind'");
	} else {
		x = enum_value(v, val[KIND], "kind", nm_kind_names, NM_KIND_COUNT);
		c.kind = x >= 0 ? (nm_kind)x : NM_KIND_COMMITTEE;
	}
	c.ad_hoc = bool_value(v, val[AD_HOC], "ad_hoc");
	read_theme_refs(v, val[THEMES], &rec.r);
	c.status = NM_STATUS_ACTIVE;
	if (val[STATUS] && !is_null(val[STATUS])) {
		x = enum_value(v, val[STATUS], "status", nm_status_names, NM_STATUS_COUNT);
		if (x >= 0)
			c.status = (nm_status)x;
		rec.status_pos = pos_of(v, val[STATUS]);
	} else {
		rec.status_pos = rec.r.pos;
	}
	c.founded = date_value(v, val[FOUNDED], "founded");
	c.ends = date_value(v, val[ENDS], "ends");
	c.last_met = date_value(v, val[LAST_MET], "last_met");
	if (val[FOUNDED])
		rec.founded_pos = pos_of(v, val[FOUNDED]);
	if (val[ENDS])
		rec.ends_pos = pos_of(v, val[ENDS]);
	if (val[LAST_MET])
		rec.last_met_pos = pos_of(v, val[LAST_MET]);
	c.meets = NM_FREQ_NONE;
	if (val[MEETS] && !is_null(val[MEETS])) {
		x = enum_value(v, val[MEETS], "frequency", nm_freq_names, NM_FREQ_COUNT);
		if (x >= 0)
			c.meets = (nm_freq)x;
	}
	{
		const char *s = scalar(v, val[LEAD], "lead");
		if (s) {
			rec.lead.id = intern(v, &v->ids, s);
			rec.lead.pos = pos_of(v, val[LEAD]);
			rec.lead.by_name = val[LEAD]->from == NM_FROM_CELL;
		}
		s = scalar(v, val[PARENT], "parent");
		if (s) {
			rec.parent.id = intern(v, &v->ids, s);
			rec.parent.pos = pos_of(v, val[PARENT]);
			rec.parent.by_name = val[PARENT]->from == NM_FROM_CELL;
		}
	}
	c.lead = NM_NONE;
	c.parent = NM_NONE;
	c.district = dup_text(v, val[DISTRICT], "district");
	c.note = dup_text(v, val[NOTE], "note");
	if (!id_ok)
		c.id = pool_strdup(v, "");
	NM_GROW(ds->committees, v->committee_cap, ds->ncommittees + 1);
	NM_GROW(v->committee_rec, v->committee_rec_cap, ds->ncommittees + 1);
	ds->committees[ds->ncommittees] = c;
	v->committee_rec[ds->ncommittees] = rec;
	v->ncommittee_rec = ds->ncommittees + 1;
	if (id_ok && !claim_id(v, c.id, val[ID], true, (uint32_t)ds->ncommittees)) {
		v->committee_rec[ds->ncommittees].r.duplicate = true;
	} else if (id_ok) {
		read_members_list(v, val[MEMBERS], "members", c.id, (uint32_t)ds->ncommittees,
				  rec.r.id_pos, true);
		if (rec.lead.id) {
			vmember *m = new_member(v);
			m->actor = rec.lead.id;
			m->actor_by_name = rec.lead.by_name;
			m->committee = c.id; /* owned by the record, which outlives m */
			m->actor_pos = rec.lead.pos;
			m->committee_pos = rec.r.id_pos;
			m->pos = rec.lead.pos;
			m->role = NM_ROLE_LEAD;
			m->from_lead = true;
		}
	}
	ds->ncommittees++;
}

static void read_themes(nm_validator *v, const nm_node *n)
{
	nm_dataset *ds = v->ds;

	if (is_null(n) || !expect_list(v, n, "themes"))
		return;
	for (uint32_t i = 0; i < n->n; i++) {
		const nm_node *item = n->u.items[i], *id_node = item, *label_node = NULL;
		const char *id;
		uint32_t slot;

		if (!item_ok(v, item))
			continue;
		if (item->kind == NM_NODE_MAP) {
			const char *const *keys = theme_keys;
			const nm_node *val[2];
			read_keys(v, item, "theme", keys, 2, val);
			id_node = val[0];
			label_node = val[1];
			if (!id_node || is_null(id_node)) {
				missing_at(v, item, "theme is missing required field 'id'");
				continue;
			}
		} else if (item->kind != NM_NODE_SCALAR) {
			error_at(v, "node-type", item,
				 "expected a theme id or a mapping for a theme, found a list");
			continue;
		}
		id = scalar(v, id_node, "id");
		if (!id)
			continue;
		if (!valid_id(id)) {
			error_at(
				v, "id-syntax", id_node,
				"invalid theme id '%s': ids are 1-64 letters, digits, '.', '_' or '-', "
				"starting with a letter or digit",
				id);
			continue;
		}
		NM_GROW(ds->themes, v->theme_cap, ds->nthemes + 1);
		NM_GROW(v->theme_pos, v->theme_pos_cap, ds->nthemes + 1);
		ds->themes[ds->nthemes].id = pool_strdup(v, id);
		ds->themes[ds->nthemes].label = label_node ? dup_text(v, label_node, "label")
							   : NULL;
		slot = nm_strmap_put(&v->theme_ids, ds->themes[ds->nthemes].id,
				     (uint32_t)ds->nthemes);
		if (slot != ds->nthemes) {
			vpos f = v->theme_pos[slot].pos;
			error_at(v, "duplicate-theme", id_node,
				 "theme '%s' declared twice, first at %s", id, place(v, f));
			continue; /* its copies stay in the pool, unused */
		}
		v->theme_pos[ds->nthemes].pos = pos_of(v, id_node);
		ds->nthemes++;
		ds->themes_declared = true;
	}
}

static bool read_count(nm_validator *v, const nm_node *n, const char *key, uint32_t *out)
{
	const char *s = scalar(v, n, key);
	uint64_t x = 0;

	if (!s)
		return false;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || x > UINT32_MAX) {
			x = UINT64_MAX;
			break;
		}
		x = x * 10 + (uint64_t)(*p - '0');
	}
	if (!*s || x > UINT32_MAX) {
		error_at(v, "settings-range", n,
			 "'%s' must be a whole number of at least 0, not '%s'", key, s);
		return false;
	}
	*out = (uint32_t)x;
	return true;
}

static bool read_ratio(nm_validator *v, const nm_node *n, const char *key, nm_ratio *out)
{
	const char *s = scalar(v, n, key);

	if (!s)
		return false;
	if (nm_ratio_parse(s, out) != 0) {
		error_at(v, "settings-range", n, "'%s' must be a decimal from 0 to 1, not '%s'",
			 key, s);
		return false;
	}
	return true;
}

/* A list of actor types (voices): their mask into *out, false when an item is wrong. */
static bool read_types(nm_validator *v, const nm_node *n, const char *key, uint32_t *out)
{
	uint32_t mask = 0;
	bool ok = true;

	if (!expect_list(v, n, key))
		return false;
	for (uint32_t i = 0; i < n->n; i++) {
		const nm_node *item = n->u.items[i];
		int t;

		if (!item_ok(v, item)) {
			ok = false;
			continue;
		}
		t = enum_value(v, item, "actor type", nm_actor_type_names, NM_TYPE_COUNT);
		if (t < 0)
			ok = false;
		else
			mask |= 1u << t;
	}
	if (ok)
		*out = mask;
	return ok;
}

/* A list of actor ids (coordinators): kept as references, resolved once every actor is read. */
static void read_ids(nm_validator *v, const nm_node *n, const char *key)
{
	if (!expect_list(v, n, key))
		return;
	v->coordinators_given = true;
	for (uint32_t i = 0; i < n->n; i++) {
		const nm_node *item = n->u.items[i];
		const char *id;

		if (!item_ok(v, item))
			continue;
		id = scalar(v, item, key);
		if (id)
			add_ref(v, &v->coordinators, &v->ids, item, id);
	}
}

/* Every key of nm_setting_defs, each read by the kind of its value. */
static void read_settings(nm_validator *v, const nm_node *n)
{
	const nm_node *val[NM_SETTINGS_N];
	nm_settings *s = &v->ds->settings;
	unsigned *given = &v->ds->settings_given;

	if (is_null(n))
		return;
	if (n->kind != NM_NODE_MAP) {
		error_at(v, "node-type", n, "expected a mapping for 'settings', found %s",
			 kind_word(n));
		return;
	}
	if (v->have_settings) {
		error_at(v, "duplicate-settings", n, "a second 'settings' block, first at %s",
			 place(v, v->settings_pos));
		return;
	}
	v->have_settings = true;
	v->settings_pos = pos_of(v, n);
	read_keys(v, n, "settings", nm_setting_names(), NM_SETTINGS_N, val);
	for (size_t i = 0; i < NM_SETTINGS_N; i++) {
		const nm_setting_def *d = &nm_setting_defs[i];
		nm_ratio r;
		uint32_t u;
		bool ok = false;

		if (!val[i] || is_null(val[i]))
			continue;
		switch (d->kind) {
		case NM_SETTING_RATIO:
			if ((ok = read_ratio(v, val[i], d->name, &r)))
				nm_setting_set_ratio(s, d, r);
			break;
		case NM_SETTING_COUNT:
		case NM_SETTING_TYPES:
			ok = d->kind == NM_SETTING_COUNT ? read_count(v, val[i], d->name, &u)
							 : read_types(v, val[i], d->name, &u);
			if (ok)
				nm_setting_set_number(s, d, u);
			break;
		case NM_SETTING_IDS: /* given once resolve_coordinators has read them */
			read_ids(v, val[i], d->name);
			break;
		}
		if (ok)
			*given |= d->bit;
	}
}

/* ---- documents ----------------------------------------------------------- */

nm_validator *nm_validator_new(nm_diags *diags, nm_date today)
{
	nm_validator *v = nm_xcalloc(1, sizeof(*v));

	v->diags = diags;
	v->today = today;
	v->ds = nm_dataset_new();
	return v;
}

static void release_refs(vrefs *r)
{
	free(r->items); /* the ids live in the arena */
}

void nm_validator_free(nm_validator *v)
{
	if (!v)
		return;
	release_refs(&v->theme_refs);
	release_refs(&v->coordinators);
	nm_strmap_release(&v->interned);
	nm_arena_release(&v->refs);
	free(v->members);
	free(v->actor_rec);
	free(v->committee_rec);
	free(v->theme_pos);
	free(v->idents);
	nm_strmap_release(&v->ids);
	nm_strmap_release(&v->theme_ids);
	nm_strmap_release(&v->actor_names);
	nm_strmap_release(&v->committee_names);
	nm_strmap_release(&v->theme_labels);
	nm_strmap_release(&v->ambiguous);
	nm_buf_release(&v->place);
	nm_dataset_free(v->ds);
	free(v);
}

void nm_validator_add_file(nm_validator *v, const char *path, const char *sha256)
{
	nm_dataset *ds = v->ds;

	NM_GROW(ds->files, v->files_cap, ds->nfiles + 1);
	ds->files[ds->nfiles].path = nm_xstrdup(path);
	memcpy(ds->files[ds->nfiles].sha256, sha256, 65);
	ds->nfiles++;
}

static void read_list(nm_validator *v, const nm_node *n, const char *field,
		      void (*read)(nm_validator *, const nm_node *))
{
	if (is_null(n) || !expect_list(v, n, field))
		return;
	for (uint32_t i = 0; i < n->n; i++)
		if (item_ok(v, n->u.items[i]))
			read(v, n->u.items[i]);
}

static void read_table_item(nm_validator *v, const nm_node *item)
{
	if (item->kind != NM_NODE_MAP) {
		error_at(v, "node-type", item, "expected a mapping for a membership, found %s",
			 kind_word(item));
		return;
	}
	read_membership(v, item, NULL, NM_NONE, pos_of(v, item), false, "membership");
}

void nm_validator_add_doc(nm_validator *v, const nm_doc *doc)
{
	const char *const *keys = document_keys;
	enum { NETMAP, DATASET, THEMES, ACTORS, COMMITTEES, MEMBERSHIPS, SETTINGS };
	const nm_node *val[7], *root = doc->root;

	v->file_base = doc->base;
	if (!root)
		return;
	check_tags(v, root, 0);
	if (root->kind != NM_NODE_MAP) {
		error_at(v, "node-type", root,
			 "expected a mapping at the top of the document, found %s",
			 kind_word(root));
		return;
	}
	read_keys(v, root, "the document", keys, 7, val);
	if (val[NETMAP]) {
		const char *s = scalar(v, val[NETMAP], "netmap");
		if (s && strcmp(s, "1") != 0)
			error_at(v, "version", val[NETMAP],
				 "unsupported format version '%s'; this netmap reads version 1", s);
	}
	if (val[DATASET]) {
		const char *s = scalar(v, val[DATASET], "dataset");
		if (s && !v->have_dataset) {
			v->ds->name = nm_xstrdup(s);
			v->have_dataset = true;
		}
	}
	read_themes(v, val[THEMES]);
	read_list(v, val[ACTORS], "actors", read_actor);
	read_list(v, val[COMMITTEES], "committees", read_committee);
	read_list(v, val[MEMBERSHIPS], "memberships", read_table_item);
	read_settings(v, val[SETTINGS]);
}

/* ---- finishing: references, memberships, cross-checks ----------------- */

static const char **id_list(nm_validator *v, bool committees)
{
	const char **ids = nm_xreallocarray(NULL, v->nidents + 1, sizeof(*ids));
	size_t n = 0;

	for (size_t i = 0; i < v->nidents; i++) {
		const ident *e = &v->idents[i];
		if (e->committee == committees)
			ids[n++] = committees ? v->ds->committees[e->index].id
					      : v->ds->actors[e->index].id;
	}
	ids[n] = NULL;
	return ids;
}

static size_t count_list(const char **l)
{
	size_t n = 0;
	while (l[n])
		n++;
	return n;
}

/* ---- references by name (6.4) ------------------------------------------ */

/* A name's key: NFC, runs of white space (no-break spaces too) one space, trimmed. */
static const char *name_key(nm_validator *v, const char *s)
{
	utf8proc_uint8_t *mapped = NULL;
	const char *p;
	nm_buf b = NM_BUF_INIT;
	bool space = false;
	const char *key;

	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &mapped,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE) < 0)
		mapped = NULL;
	p = mapped ? (const char *)mapped : s;
	while (*p) {
		unsigned char c = (unsigned char)*p;
		size_t w = 0;
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			w = 1;
		else if (c == 0xC2 && (unsigned char)p[1] == 0xA0)
			w = 2; /* U+00A0 */
		else if (c == 0xE2 && (unsigned char)p[1] == 0x80 &&
			 ((unsigned char)p[2] == 0xAF || (unsigned char)p[2] == 0x87))
			w = 3; /* U+202F, U+2007 */
		if (w) {
			space = b.len > 0;
			p += w;
			continue;
		}
		if (space)
			nm_buf_putc(&b, ' ');
		space = false;
		nm_buf_putc(&b, *p++);
	}
	key = nm_arena_strdup(&v->refs, nm_buf_cstr(&b));
	nm_buf_release(&b);
	free(mapped);
	return key;
}

/* The id and the name (a theme's label) of record i of a kind. */
static const char *record_id(const nm_dataset *ds, char kind, size_t i)
{
	return kind == 'a'   ? ds->actors[i].id
	       : kind == 'c' ? ds->committees[i].id
			     : ds->themes[i].id;
}

static const char *record_name(const nm_dataset *ds, char kind, size_t i)
{
	return kind == 'a'   ? ds->actors[i].name
	       : kind == 'c' ? ds->committees[i].name
			     : ds->themes[i].label;
}

static void index_name(nm_validator *v, nm_strmap *m, char kind, uint32_t i)
{
	const char *name = record_name(v->ds, kind, i), *key;
	uint32_t first;

	if (!name || !*name)
		return;
	key = name_key(v, name);
	first = nm_strmap_put(m, key, i);
	/* Two rows with one name and one (derived) id are a duplicate id,
	 * reported as such; the name still means that one record. */
	if (first != i && strcmp(record_id(v->ds, kind, first), record_id(v->ds, kind, i)) != 0) {
		nm_buf amb = NM_BUF_INIT;
		nm_buf_printf(&amb, "%c\x1f%s", kind, key);
		(void)nm_strmap_put(&v->ambiguous, nm_arena_strdup(&v->refs, amb.ptr), 1);
		nm_buf_release(&amb);
	}
}

/* Bring the name maps up to the records read so far. */
static void index_names(nm_validator *v)
{
	nm_dataset *ds = v->ds;

	for (; v->names_actors < ds->nactors; v->names_actors++)
		index_name(v, &v->actor_names, 'a', (uint32_t)v->names_actors);
	for (; v->names_committees < ds->ncommittees; v->names_committees++)
		index_name(v, &v->committee_names, 'c', (uint32_t)v->names_committees);
	for (; v->names_themes < ds->nthemes; v->names_themes++)
		index_name(v, &v->theme_labels, 't', (uint32_t)v->names_themes);
}

/* A record by its exact name: its index, NM_NONE, or NAME_AMBIGUOUS. */
static uint32_t by_name(nm_validator *v, char kind, const char *text)
{
	nm_strmap *m = kind == 'a'   ? &v->actor_names
		       : kind == 'c' ? &v->committee_names
				     : &v->theme_labels;
	const char *key;
	uint32_t i;
	nm_buf amb = NM_BUF_INIT;

	index_names(v);
	key = name_key(v, text);
	i = nm_strmap_get(m, key);
	if (i == UINT32_MAX)
		return NM_NONE;
	nm_buf_printf(&amb, "%c\x1f%s", kind, key);
	if (nm_strmap_get(&v->ambiguous, amb.ptr) != UINT32_MAX)
		i = NAME_AMBIGUOUS;
	nm_buf_release(&amb);
	return i;
}

/* The ids of the records of a kind that have a name, for the message. */
static void name_owners(nm_validator *v, char kind, const char *text, nm_buf *out)
{
	const nm_dataset *ds = v->ds;
	const char *key = name_key(v, text);
	size_t n = kind == 'a' ? ds->nactors : kind == 'c' ? ds->ncommittees : ds->nthemes;
	size_t listed = 0;

	for (size_t i = 0; i < n; i++) {
		const char *name = record_name(ds, kind, i), *id = record_id(ds, kind, i);
		if (!name || strcmp(name_key(v, name), key) != 0)
			continue;
		nm_buf_printf(out, "%s'%s'", listed++ ? ", " : "", id);
	}
}

static void ambiguous_error(nm_validator *v, char kind, const char *text, vpos at)
{
	nm_buf owners = NM_BUF_INIT;
	const char *what = kind == 'a' ? "actors" : kind == 'c' ? "committees" : "themes";

	name_owners(v, kind, text, &owners);
	problem(v, NM_SEV_ERROR, "ambiguous-name", at,
		"'%s' is the name of several %s (%s); refer to one by its id", text, what,
		nm_buf_cstr(&owners));
	nm_buf_release(&owners);
}

bool nm_validator_knows_committee(void *arg, const char *text)
{
	nm_validator *v = arg;
	uint32_t slot = nm_strmap_get(&v->ids, text);

	if (slot != UINT32_MAX && v->idents[slot].committee)
		return true;
	return by_name(v, 'c', text) != NM_NONE;
}

/* The name closest to a name written in a cell, among actors or committees. */
static const char *name_suggestion(nm_validator *v, const char *text, bool committee)
{
	const nm_dataset *ds = v->ds;
	size_t n = committee ? ds->ncommittees : ds->nactors, k = 0;
	const char **names = nm_xreallocarray(NULL, n + 1, sizeof(*names));
	const char *best;

	for (size_t i = 0; i < n; i++) {
		const char *name = committee ? ds->committees[i].name : ds->actors[i].name;
		if (name)
			names[k++] = name;
	}
	best = nm_suggest(text, names, k);
	free(names);
	return best;
}

/* Resolve an actor or committee reference; NM_NONE (with an error) if unknown. */
static uint32_t resolve(nm_validator *v, const char *id, vpos at, bool committee,
			const char ***cands, bool names)
{
	uint32_t slot = nm_strmap_get(&v->ids, id);
	const char *what = committee ? "committee" : "actor";
	const char *hint = NULL;

	if (slot != UINT32_MAX && v->idents[slot].committee == committee)
		return v->idents[slot].index;
	if (names) {
		/* An id that exists wins; otherwise a name that one record has. */
		uint32_t i = by_name(v, committee ? 'c' : 'a', id);
		if (i == NAME_AMBIGUOUS) {
			ambiguous_error(v, committee ? 'c' : 'a', id, at);
			return NM_NONE;
		}
		if (i != NM_NONE)
			return i;
	}
	if (slot != UINT32_MAX) {
		problem(v, NM_SEV_ERROR, "unknown-reference", at, "unknown %s '%s' ('%s' is %s)",
			what, id, id, committee ? "an actor" : "a committee");
		return NM_NONE;
	}
	if (v->suggestions < SUGGEST_ID_LIMIT) {
		if (!*cands)
			*cands = id_list(v, committee);
		hint = names ? name_suggestion(v, id, committee) : NULL;
		if (!hint)
			hint = nm_suggest(id, *cands, count_list(*cands));
		v->suggestions++;
	}
	if (hint)
		problem(v, NM_SEV_ERROR, "unknown-reference", at,
			"unknown %s '%s'; did you mean '%s'?", what, id, hint);
	else
		problem(v, NM_SEV_ERROR, "unknown-reference", at, "unknown %s '%s'", what, id);
	return NM_NONE;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Theme references into indices; with no declared themes, collect them. */
static void resolve_themes(nm_validator *v, const vrecord *rec, uint32_t **out, size_t *n)
{
	nm_dataset *ds = v->ds;
	vrefs slice = {NULL, rec->nthemes, 0};
	const vrefs *refs = &slice;
	uint32_t *idx = NULL;
	size_t k = 0;

	if (rec->nthemes == 0 || !v->theme_refs.items) {
		*out = NULL;
		*n = 0;
		return;
	}
	slice.items = v->theme_refs.items + rec->themes;
	idx = nm_xreallocarray(NULL, refs->n, sizeof(*idx)); /* its own: plan may replace it */
	for (size_t i = 0; i < refs->n; i++) {
		const char *id = refs->items[i].id;
		uint32_t t = nm_strmap_get(&v->theme_ids, id);

		if (t == UINT32_MAX && refs->items[i].by_name && ds->themes_declared) {
			/* A cell may name a declared theme by its label (6.4). */
			uint32_t j = by_name(v, 't', id);
			if (j == NAME_AMBIGUOUS) {
				ambiguous_error(v, 't', id, refs->items[i].pos);
				continue;
			}
			t = j == NM_NONE ? UINT32_MAX : j;
		}

		if (t == UINT32_MAX && !ds->themes_declared) {
			if (!valid_id(id)) {
				problem(v, NM_SEV_ERROR, "id-syntax", refs->items[i].pos,
					"invalid theme id '%s': ids are 1-64 letters, digits, '.', '_' "
					"or '-', starting with a letter or digit",
					id);
				continue;
			}
			NM_GROW(ds->themes, v->theme_cap, ds->nthemes + 1);
			ds->themes[ds->nthemes].id = pool_strdup(v, id);
			ds->themes[ds->nthemes].label = NULL;
			t = nm_strmap_put(&v->theme_ids, ds->themes[ds->nthemes].id,
					  (uint32_t)ds->nthemes);
			ds->nthemes++;
		} else if (t == UINT32_MAX) {
			const char **cands = nm_xreallocarray(NULL, ds->nthemes + 1,
							      sizeof(*cands));
			const char *hint = NULL;

			for (size_t j = 0; j < ds->nthemes; j++)
				cands[j] = ds->themes[j].id;
			if (v->undeclared_suggestions++ < SUGGEST_ID_LIMIT)
				hint = nm_suggest(id, cands, ds->nthemes);
			if (hint)
				problem(v, NM_SEV_ERROR, "unknown-reference", refs->items[i].pos,
					"unknown theme '%s'; did you mean '%s'?", id, hint);
			else
				problem(v, NM_SEV_ERROR, "unknown-reference", refs->items[i].pos,
					"unknown theme '%s'", id);
			free(cands);
			continue;
		}
		idx[k++] = t;
	}
	/* Sorted and without repeats; indices are remapped by nm_dataset_sort. */
	if (k > 1) {
		size_t w = 1;
		qsort(idx, k, sizeof(*idx), cmp_u32);
		for (size_t i = 1; i < k; i++)
			if (idx[i] != idx[w - 1])
				idx[w++] = idx[i];
		k = w;
	}
	*out = idx;
	*n = k;
}

static void check_parent_cycles(nm_validator *v)
{
	nm_dataset *ds = v->ds;
	uint8_t *state = nm_xcalloc(ds->ncommittees + 1, 1); /* 0 new, 1 on path, 2 done */
	uint32_t *path = nm_xreallocarray(NULL, ds->ncommittees + 1, sizeof(*path));

	for (size_t start = 0; start < ds->ncommittees; start++) {
		size_t len = 0;
		uint32_t c = (uint32_t)start;

		while (c != NM_NONE && state[c] == 0) {
			state[c] = 1;
			path[len++] = c;
			c = ds->committees[c].parent;
		}
		if (c != NM_NONE && state[c] == 1) {
			/* A new cycle: report it at the member read first. */
			size_t from = 0, first;
			nm_buf msg = NM_BUF_INIT;
			while (path[from] != c)
				from++;
			first = from;
			for (size_t i = from; i < len; i++) {
				const vcommittee *a = &v->committee_rec[path[i]];
				const vcommittee *b = &v->committee_rec[path[first]];
				if (a->parent.pos.file < b->parent.pos.file ||
				    (a->parent.pos.file == b->parent.pos.file &&
				     (a->parent.pos.line < b->parent.pos.line ||
				      (a->parent.pos.line == b->parent.pos.line &&
				       a->parent.pos.col < b->parent.pos.col))))
					first = i;
			}
			nm_buf_puts(&msg, "parent cycle: ");
			for (size_t k = 0; k <= len - from; k++) {
				/* len > from: the cycle holds c at path[from] at least */
				// NOLINTNEXTLINE(clang-analyzer-core.DivideZero)
				size_t i = from + (first - from + k) % (len - from);
				nm_buf_printf(&msg, "%s%s", k ? " -> " : "",
					      ds->committees[path[i]].id);
			}
			problem(v, NM_SEV_ERROR, "parent-cycle",
				v->committee_rec[path[first]].parent.pos, "%s", msg.ptr);
			nm_buf_release(&msg);
		}
		for (size_t i = 0; i < len; i++)
			state[path[i]] = 2;
	}
	free(state);
	free(path);
}

static int cmp_pos(vpos a, vpos b)
{
	if (a.file != b.file)
		return a.file < b.file ? -1 : 1;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return (a.col > b.col) - (a.col < b.col);
}

/* Merge the resolved memberships into one per pair (contract 2.4). */
static void merge_memberships(nm_validator *v, uint32_t *per_committee)
{
	nm_dataset *ds = v->ds;
	size_t n = v->nmembers, i = 0;
	uint64_t *keys = nm_xreallocarray(NULL, n ? n : 1, sizeof(*keys));
	uint32_t *idx = nm_xreallocarray(NULL, n ? n : 1, sizeof(*idx));

	/* By (committee, actor), reading order kept within a pair. */
	for (size_t k = 0; k < n; k++) {
		keys[k] = (uint64_t)v->members[k].c << 32 | v->members[k].a;
		idx[k] = (uint32_t)k;
	}
	nm_sort_u64(keys, idx, n);
	free(keys); /* the pairs are compared in the members from here on */
	ds->memberships = nm_xreallocarray(NULL, n ? n : 1, sizeof(*ds->memberships));
	while (i < n) {
		const vmember *first = &v->members[idx[i]], *first_written = NULL;
		size_t j = i;
		bool any_written = false;
		nm_membership m;

		if (first->a == NM_NONE || first->c == NM_NONE) {
			i++; /* an unknown reference, already reported */
			continue;
		}
		m.actor = first->a;
		m.committee = first->c;
		m.role = NM_ROLE_MEMBER;
		m.since = NM_DATE_NONE;
		for (;
		     j < n && v->members[idx[j]].c == first->c && v->members[idx[j]].a == first->a;
		     j++) {
			const vmember *e = &v->members[idx[j]];
			if (e->since != NM_DATE_NONE &&
			    (m.since == NM_DATE_NONE || e->since < m.since))
				m.since = e->since;
			if (e->role < 0)
				continue;
			if (!any_written || (nm_role)e->role > m.role)
				m.role = (nm_role)e->role;
			any_written = true;
			if (!first_written || cmp_pos(e->pos, first_written->pos) < 0)
				first_written = e;
		}
		/* Conflicts: written roles that differ from the first one read. */
		for (size_t k = i; k < j && first_written; k++) {
			const vmember *e = &v->members[idx[k]];
			if (e->role < 0 || e->role == first_written->role)
				continue;
			problem(v, NM_SEV_WARNING, "role-conflict", e->pos,
				"conflicting roles for '%s' in '%s': '%s' here, '%s' at %s",
				ds->actors[m.actor].id, ds->committees[m.committee].id,
				nm_role_names[e->role], nm_role_names[first_written->role],
				place(v, first_written->pos));
		}
		ds->memberships[ds->nmemberships++] = m;
		per_committee[m.committee]++;
		i = j;
	}
	free(idx);
}

static void date_warnings(nm_validator *v, uint32_t *per_committee)
{
	nm_dataset *ds = v->ds;
	char a[11], b[11];

	for (size_t i = 0; i < ds->ncommittees; i++) {
		const nm_committee *c = &ds->committees[i];
		const vcommittee *r = &v->committee_rec[i];

		if (c->id[0] == '\0' || r->r.duplicate)
			continue; /* a committee without a usable id: already an error */
		if (c->status == NM_STATUS_DISSOLVED && per_committee[i] > 0) {
			if (per_committee[i] == 1)
				problem(v, NM_SEV_WARNING, "dissolved-members", r->r.pos,
					"dissolved committee '%s' still has %u membership", c->id,
					per_committee[i]);
			else
				problem(v, NM_SEV_WARNING, "dissolved-members", r->r.pos,
					"dissolved committee '%s' still has %u memberships", c->id,
					per_committee[i]);
		}
		if (c->status == NM_STATUS_ACTIVE && per_committee[i] == 0)
			problem(v, NM_SEV_WARNING, "empty-committee", r->r.pos,
				"active committee '%s' has no members", c->id);
		if (c->last_met != NM_DATE_NONE && c->last_met > v->today) {
			nm_date_format(c->last_met, a);
			nm_date_format(v->today, b);
			problem(v, NM_SEV_WARNING, "last-met-future", r->last_met_pos,
				"last_met %s is after today (%s)", a, b);
		}
		if (c->ends != NM_DATE_NONE && c->founded != NM_DATE_NONE && c->ends < c->founded) {
			nm_date_format(c->ends, a);
			nm_date_format(c->founded, b);
			problem(v, NM_SEV_WARNING, "ends-before-founded", r->ends_pos,
				"ends %s is before founded %s", a, b);
		}
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * settings: coordinators (contract 7.1): every id must be an actor's. The
 * known ones become ds->settings.coordinators, in byte order, each once.
 */
static void resolve_coordinators(nm_validator *v, const char ***actor_ids)
{
	nm_dataset *ds = v->ds;
	const char **ids;
	nm_buf list = NM_BUF_INIT;
	size_t n = 0;

	if (!v->coordinators_given)
		return;
	ids = nm_xreallocarray(NULL, v->coordinators.n + 1, sizeof(*ids));
	for (size_t i = 0; i < v->coordinators.n; i++) {
		const vref *r = &v->coordinators.items[i];
		uint32_t a = resolve(v, r->id, r->pos, false, actor_ids, r->by_name);
		if (a != NM_NONE)
			ids[n++] = v->ds->actors[a].id; /* a cell may have named it (6.4) */
	}
	qsort(ids, n, sizeof(*ids), cmp_str);
	for (size_t i = 0; i < n; i++) {
		if (i && strcmp(ids[i], ids[i - 1]) == 0)
			continue;
		if (list.len)
			nm_buf_putc(&list, ',');
		nm_buf_puts(&list, ids[i]);
	}
	nm_settings_release(&ds->settings);
	ds->settings.coordinators = list.len ? nm_xstrdup(nm_buf_cstr(&list)) : NULL;
	ds->settings_given |= NM_SET_COORDINATORS;
	nm_buf_release(&list);
	free(ids);
}

int nm_validator_finish(nm_validator *v, nm_dataset **out)
{
	nm_dataset *ds = v->ds;
	const char **actor_ids = NULL, **committee_ids = NULL;
	uint32_t *per_committee = nm_xcalloc(ds->ncommittees + 1, sizeof(uint32_t));

	if (out)
		*out = NULL;
	/* Themes first: with none declared, they are collected in reading order. */
	for (size_t i = 0; i < ds->nactors; i++)
		resolve_themes(v, &v->actor_rec[i], &ds->actors[i].themes, &ds->actors[i].nthemes);
	for (size_t i = 0; i < ds->ncommittees; i++)
		resolve_themes(v, &v->committee_rec[i].r, &ds->committees[i].themes,
			       &ds->committees[i].nthemes);
	for (size_t i = 0; i < ds->ncommittees; i++) {
		vcommittee *r = &v->committee_rec[i];
		if (r->lead.id)
			ds->committees[i].lead = resolve(v, r->lead.id, r->lead.pos, false,
							 &actor_ids, r->lead.by_name);
		if (r->parent.id)
			ds->committees[i].parent = resolve(v, r->parent.id, r->parent.pos, true,
							   &committee_ids, r->parent.by_name);
	}
	for (size_t k = 0; k < v->nmembers; k++) {
		vmember *m = &v->members[k];
		const char *actor = m->actor, *committee = m->committee;
		uint32_t a, c;
		/* The side the list was written on is known without a look-up. */
		c = committee ? resolve(v, committee, m->committee_pos, true, &committee_ids,
					m->committee_by_name)
			      : m->self;
		if (m->from_lead) /* the lead's reference is checked once, above */
			a = c == NM_NONE ? NM_NONE : ds->committees[c].lead;
		else
			a = actor ? resolve(v, actor, m->actor_pos, false, &actor_ids,
					    m->actor_by_name)
				  : m->self;
		m->a = a; /* the ids are not needed any more */
		m->c = c;
	}
	resolve_coordinators(v, &actor_ids);
	free(actor_ids);
	free(committee_ids);
	check_parent_cycles(v);
	merge_memberships(v, per_committee);
	date_warnings(v, per_committee);
	free(per_committee);
	/* What was written is merged: room for sorting the records. */
	free(v->members);
	v->members = NULL;
	v->nmembers = v->members_cap = 0;
	release_refs(&v->theme_refs);
	memset(&v->theme_refs, 0, sizeof(v->theme_refs));
	nm_diags_sort(v->diags);
	if (v->diags->errors)
		return NM_EINVALID;
	if (!out)
		return NM_OK; /* only the problems were wanted */
	nm_dataset_sort(ds);
	*out = ds;
	v->ds = nm_dataset_new(); /* the records now belong to *out */
	return NM_OK;
}

/*
 * Reading on several threads: workers read and parse files apart
 * (nm_loader_read_apart) into a ring of `window` slots, the file being
 * validated and those read ahead of it; this thread merges each file into the
 * diags and validates it strictly in reading order, so that every problem,
 * entry and record comes out as a one-thread run makes them.
 */
typedef struct reading {
	nm_loader *ld;
	bool hash;
	size_t nfiles, window;
	nm_loaded **slots; /* file i goes to slot i % window */
	bool *ready;       /* slot holds its file, parsed */
	size_t next;       /* the next file a worker takes */
	size_t consumed;   /* files validated so far */
	pthread_mutex_t mu;
	pthread_cond_t have_file, have_room;
} reading;

static void *read_worker(void *arg)
{
	reading *r = arg;

	pthread_mutex_lock(&r->mu);
	while (r->next < r->nfiles) {
		size_t i;
		if (r->next >= r->consumed + r->window) {
			pthread_cond_wait(&r->have_room, &r->mu);
			continue;
		}
		i = r->next++;
		pthread_mutex_unlock(&r->mu);
		nm_loader_read_apart(r->ld, i, r->hash, r->slots[i % r->window]);
		pthread_mutex_lock(&r->mu);
		r->ready[i % r->window] = true;
		pthread_cond_broadcast(&r->have_file);
	}
	pthread_mutex_unlock(&r->mu);
	return NULL;
}

/* Read every queued file, in reading order, into the validator. */
static int read_files(nm_loader *ld, nm_validator *v, unsigned flags, unsigned jobs, size_t *nfiles,
		      nm_error *err)
{
	reading r;
	pthread_t *threads = NULL;
	size_t nthreads = 0;
	int io = NM_OK;

	memset(&r, 0, sizeof(r));
	r.ld = ld;
	r.hash = (flags & NM_VALIDATE_HASH) != 0;
	r.nfiles = nm_loader_file_count(ld);
	if (jobs > 1 && r.nfiles > 1) {
		/*
		 * One file per thread ahead of the one being validated keeps
		 * every thread busy; each more would hold one more file's trees.
		 */
		r.window = (size_t)jobs + 1 < r.nfiles ? (size_t)jobs + 1 : r.nfiles;
		r.slots = nm_xcalloc(r.window, sizeof(*r.slots));
		r.ready = nm_xcalloc(r.window, sizeof(*r.ready));
		for (size_t s = 0; s < r.window; s++)
			r.slots[s] = nm_loaded_new();
		pthread_mutex_init(&r.mu, NULL);
		pthread_cond_init(&r.have_file, NULL);
		pthread_cond_init(&r.have_room, NULL);
		threads = nm_xcalloc(jobs, sizeof(*threads));
		for (unsigned t = 0; t < jobs && t < r.nfiles; t++) {
			if (pthread_create(&threads[nthreads], NULL, read_worker, &r) != 0)
				break; /* fewer threads, or none: this one reads the rest */
			nthreads++;
		}
	}
	for (size_t i = 0; i < r.nfiles; i++) {
		nm_doc *docs;
		size_t ndocs;
		char sha[65] = "";
		nm_error e;
		int rc;

		nm_error_clear(&e);
		if (nthreads == 0) {
			rc = nm_loader_read(ld, i, &docs, &ndocs, r.hash ? sha : NULL, &e);
		} else {
			nm_loaded *x = r.slots[i % r.window];
			pthread_mutex_lock(&r.mu);
			while (!r.ready[i % r.window])
				pthread_cond_wait(&r.have_file, &r.mu);
			pthread_mutex_unlock(&r.mu);
			rc = nm_loader_merge(ld, x, &docs, &ndocs, r.hash ? sha : NULL, &e);
		}
		if (rc != NM_OK) {
			if (io == NM_OK)
				nm_error_set(err, NM_EIO, "%s", e.message);
			io = NM_EIO;
		} else {
			(*nfiles)++;
			nm_validator_add_file(v, nm_loader_file_path(ld, i), sha);
			for (size_t d = 0; d < ndocs; d++)
				nm_validator_add_doc(v, &docs[d]);
		}
		if (nthreads > 0) {
			pthread_mutex_lock(&r.mu);
			r.ready[i % r.window] = false;
			r.consumed = i + 1;
			pthread_cond_broadcast(&r.have_room);
			pthread_mutex_unlock(&r.mu);
		}
	}
	for (size_t t = 0; t < nthreads; t++)
		pthread_join(threads[t], NULL);
	if (r.window) {
		for (size_t s = 0; s < r.window; s++)
			nm_loaded_free(r.slots[s]);
		free(r.slots);
		free(r.ready);
		pthread_mutex_destroy(&r.mu);
		pthread_cond_destroy(&r.have_file);
		pthread_cond_destroy(&r.have_room);
	}
	free(threads);
	return io;
}

int nm_validate_paths(const char *const *paths, size_t npaths, nm_date today, unsigned flags,
		      unsigned jobs, nm_diags *diags, nm_dataset **out, size_t *nfiles,
		      nm_error *err)
{
	nm_loader *ld = nm_loader_new(diags);
	nm_validator *v = nm_validator_new(diags, today);
	int rc = NM_OK, io = NM_OK;

	if (out)
		*out = NULL;
	*nfiles = 0;
	for (size_t i = 0; i < npaths; i++) {
		nm_error e;
		nm_error_clear(&e);
		if (nm_loader_add_path(ld, paths[i], &e) != NM_OK) {
			if (io == NM_OK)
				nm_error_set(err, NM_EIO, "%s", e.message);
			io = NM_EIO;
		}
	}
	{
		nm_error e;
		nm_error_clear(&e);
		if (read_files(ld, v, flags, jobs, nfiles, &e) != NM_OK) {
			if (io == NM_OK)
				nm_error_set(err, NM_EIO, "%s", e.message);
			io = NM_EIO;
		}
	}
	{
		/* Matrix tables last: their header row names committees (6.2). */
		nm_doc *docs;
		size_t ndocs;
		nm_loader_read_matrices(ld, nm_validator_knows_committee, v, &docs, &ndocs);
		for (size_t d = 0; d < ndocs; d++)
			nm_validator_add_doc(v, &docs[d]);
	}
	nm_loader_free(ld);
	rc = nm_validator_finish(v, out);
	nm_validator_free(v);
	if (io != NM_OK) {
		if (out) {
			nm_dataset_free(*out);
			*out = NULL;
		}
		return io;
	}
	return rc;
}
