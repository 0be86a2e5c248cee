/*
 * schema.c: the JSON Schema of the data format, generated from the
 * tables validation uses (schema.h says which).
 *
 * Values are described as an editor's YAML 1.2 parser sees them: netmap
 * reads every scalar as text (`id: 007` is "007", `ad_hoc: "yes"` is
 * true), while yaml-language-server turns `1` into a number and `true`
 * into a boolean. So a text field also takes numbers and booleans, an id
 * also a whole number, a ratio a number or a decimal text, and every
 * optional field null (`~`, `null` or nothing: the field is absent).
 */
#include "netmap/schema.h"
#include "netmap/json.h"
#include "netmap/labels.h"
#include "netmap/model.h"

#include <string.h>

#define ID_PATTERN "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
#define DATE_PATTERN "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
#define BOOL_PATTERN "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo])$"
/* What nm_ratio_parse takes: at most 9 decimals that count, in [0, 1]. */
#define RATIO_PATTERN "^0*(0(\\\\.[0-9]{1,9}0*)?|1(\\\\.0+)?)$"
#define COUNT_PATTERN "^[0-9]{1,10}$"

/* ---- a small pretty-printing JSON writer -------------------------------- */

#define MAX_DEPTH 16

typedef struct jw {
	nm_buf *b;
	int depth;
	bool first[MAX_DEPTH];
} jw;

/* Separator, newline and indent before a member; then the key, if any. */
static void member(jw *w, const char *key)
{
	if (w->depth > 0) {
		if (!w->first[w->depth])
			nm_buf_putc(w->b, ',');
		nm_buf_putc(w->b, '\n');
		for (int i = 0; i < w->depth; i++)
			nm_buf_puts(w->b, "  ");
		w->first[w->depth] = false;
	}
	if (key) {
		nm_json_str(w->b, key);
		nm_buf_puts(w->b, ": ");
	}
}

static void begin(jw *w, const char *key, char c)
{
	member(w, key);
	nm_buf_putc(w->b, c);
	w->depth++;
	w->first[w->depth] = true;
}

static void end(jw *w, char c)
{
	bool empty = w->first[w->depth];

	w->depth--;
	if (!empty) {
		nm_buf_putc(w->b, '\n');
		for (int i = 0; i < w->depth; i++)
			nm_buf_puts(w->b, "  ");
	}
	nm_buf_putc(w->b, c);
}

static void str(jw *w, const char *key, const char *value)
{
	member(w, key);
	nm_json_str(w->b, value);
}

/* A value written as JSON text (numbers, true, small fixed objects). */
static void raw(jw *w, const char *key, const char *json)
{
	member(w, key);
	nm_buf_puts(w->b, json);
}

static void ref(jw *w, const char *key, const char *def)
{
	member(w, key);
	nm_buf_printf(w->b, "{\"$ref\": \"#/$defs/%s\"}", def);
}

/* ---- what each key holds -------------------------------------------------- */

typedef struct prop {
	const char *key;
	const char *def;  /* the $defs entry of its value */
	const char *dflt; /* JSON of its default, or NULL */
	nm_keyset set;
	bool list; /* a list of def */
	bool required;
	const char *description;
} prop;

static const prop props[] = {
	{"netmap", "version", NULL, NM_KEYS_DOCUMENT, false, false, "the format version: 1"},
	{"dataset", "text", NULL, NM_KEYS_DOCUMENT, false, false,
	 "the dataset's display name, such as the municipality (the first one given counts)"},
	{"themes", "theme", NULL, NM_KEYS_DOCUMENT, true, false,
	 "the themes: when any is declared, every theme used must be declared"},
	{"actors", "actor", NULL, NM_KEYS_DOCUMENT, true, false,
	 "organisations and units: Akteure"},
	{"committees", "committee", NULL, NM_KEYS_DOCUMENT, true, false,
	 "working groups, networks, round tables and other bodies: Gremien"},
	{"memberships", "membership", NULL, NM_KEYS_DOCUMENT, true, false,
	 "memberships as a table: one actor in one committee"},
	{"settings", "settings", NULL, NM_KEYS_DOCUMENT, false, false,
	 "the analysis thresholds (at most one settings block per dataset)"},
	{"id", "id", NULL, NM_KEYS_THEME, false, true, "the theme's id"},
	{"label", "text", NULL, NM_KEYS_THEME, false, false, "the theme's label, for reports"},
	{"id", "id", NULL, NM_KEYS_ACTOR, false, true,
	 "unique across actors and committees; 1-64 letters, digits, '.', '_' or '-'"},
	{"name", "name", NULL, NM_KEYS_ACTOR, false, true, "the organisation's name"},
	{"type", "actor_type", NULL, NM_KEYS_ACTOR, false, true,
	 "the kind of organisation: Akteurstyp"},
	{"themes", "id", NULL, NM_KEYS_ACTOR, true, false, "theme ids"},
	{"district", "text", NULL, NM_KEYS_ACTOR, false, false, "district: Stadtteil"},
	{"member_of", "member_of", NULL, NM_KEYS_ACTOR, true, false,
	 "committee ids, or mappings with committee, role and since"},
	{"contact", "contact", NULL, NM_KEYS_ACTOR, false, false,
	 "personal data: left out of reports unless asked for"},
	{"website", "text", NULL, NM_KEYS_ACTOR, false, false, "the website"},
	{"note", "text", NULL, NM_KEYS_ACTOR, false, false, "free text"},
	{"person", "text", NULL, NM_KEYS_CONTACT, false, false, "contact person"},
	{"email", "text", NULL, NM_KEYS_CONTACT, false, false, "e-mail address"},
	{"phone", "text", NULL, NM_KEYS_CONTACT, false, false, "phone number"},
	{"id", "id", NULL, NM_KEYS_COMMITTEE, false, true,
	 "unique across actors and committees; 1-64 letters, digits, '.', '_' or '-'"},
	{"name", "name", NULL, NM_KEYS_COMMITTEE, false, true, "the committee's name"},
	{"kind", "kind", NULL, NM_KEYS_COMMITTEE, false, true,
	 "the kind of body: Art des Gremiums"},
	{"ad_hoc", "boolean", "false", NM_KEYS_COMMITTEE, false, false,
	 "set up for a limited task: ad hoc"},
	{"themes", "id", NULL, NM_KEYS_COMMITTEE, true, false, "theme ids"},
	{"lead", "id", NULL, NM_KEYS_COMMITTEE, false, false,
	 "the leading actor's id: Federführung (a membership with role lead)"},
	{"status", "status", "\"active\"", NM_KEYS_COMMITTEE, false, false, "Status"},
	{"founded", "date", NULL, NM_KEYS_COMMITTEE, false, false, "founded: gegründet"},
	{"ends", "date", NULL, NM_KEYS_COMMITTEE, false, false, "planned end: geplantes Ende"},
	{"last_met", "date", NULL, NM_KEYS_COMMITTEE, false, false, "last meeting: zuletzt getagt"},
	{"meets", "frequency", NULL, NM_KEYS_COMMITTEE, false, false, "how often it meets: Turnus"},
	{"parent", "id", NULL, NM_KEYS_COMMITTEE, false, false,
	 "the committee it is a declared sub-group of"},
	{"district", "text", NULL, NM_KEYS_COMMITTEE, false, false, "district: Stadtteil"},
	{"note", "text", NULL, NM_KEYS_COMMITTEE, false, false, "free text"},
	{"members", "member", NULL, NM_KEYS_COMMITTEE, true, false,
	 "actor ids, or mappings with actor, role and since"},
	{"actor", "id", NULL, NM_KEYS_MEMBERSHIP, false, true, "the actor's id"},
	{"committee", "id", NULL, NM_KEYS_MEMBERSHIP, false, true, "the committee's id"},
	{"role", "role", "\"member\"", NM_KEYS_MEMBERSHIP, false, false, "Rolle"},
	{"since", "date", NULL, NM_KEYS_MEMBERSHIP, false, false, "member since: seit"},
	{"actor", "id", NULL, NM_KEYS_MEMBER, false, true, "the actor's id"},
	{"role", "role", "\"member\"", NM_KEYS_MEMBER, false, false, "Rolle"},
	{"since", "date", NULL, NM_KEYS_MEMBER, false, false, "member since: seit"},
	{"committee", "id", NULL, NM_KEYS_MEMBER_OF, false, true, "the committee's id"},
	{"role", "role", "\"member\"", NM_KEYS_MEMBER_OF, false, false, "Rolle"},
	{"since", "date", NULL, NM_KEYS_MEMBER_OF, false, false, "member since: seit"},
};

#define NPROPS (sizeof(props) / sizeof(props[0]))

static const prop *find_prop(nm_keyset set, const char *key)
{
	for (size_t i = 0; i < NPROPS; i++)
		if (props[i].set == set && strcmp(props[i].key, key) == 0)
			return &props[i];
	return NULL;
}

bool nm_schema_describes(nm_keyset set, const char *key)
{
	if (set == NM_KEYS_SETTINGS)
		return nm_setting_find(key) != NULL;
	return find_prop(set, key) != NULL;
}

size_t nm_schema_described(nm_keyset set)
{
	size_t n = 0;

	if (set == NM_KEYS_SETTINGS)
		return NM_SETTINGS_N;
	for (size_t i = 0; i < NPROPS; i++)
		n += props[i].set == set;
	return n;
}

/* ---- the pieces --------------------------------------------------------- */

/* An enum: its values as consts, each with its German labels. */
static void enum_def(jw *w, const char *name, const char *what, nm_enum_field field,
		     const char *const *names, int count)
{
	nm_buf d = NM_BUF_INIT;

	begin(w, name, '{');
	str(w, "description", what);
	raw(w, "type", "\"string\"");
	begin(w, "oneOf", '[');
	for (int i = 0; i < count; i++) {
		nm_buf_clear(&d);
		nm_labels_join(&d, field, (unsigned)i);
		if (field == NM_ENUM_MEETS)
			nm_buf_printf(&d, " (%u a year)", nm_freq_meetings[i]);
		begin(w, NULL, '{');
		str(w, "const", names[i]);
		str(w, "description", d.ptr);
		end(w, '}');
	}
	end(w, ']');
	end(w, '}');
	nm_buf_release(&d);
}

/* The x- rule: extension keys anywhere, every other unknown key an error. */
static void closed(jw *w)
{
	begin(w, "patternProperties", '{');
	raw(w, "^x-", "true");
	end(w, '}');
	raw(w, "additionalProperties", "false");
}

/* Mappings that may be null themselves: a $ref to them needs no null beside. */
static bool nullable(const char *def)
{
	return strcmp(def, "settings") == 0 || strcmp(def, "contact") == 0;
}

static void property(jw *w, const prop *p)
{
	begin(w, p->key, '{');
	if (p->description)
		str(w, "description", p->description);
	if (p->list) {
		raw(w, "type", p->required ? "\"array\"" : "[\"array\", \"null\"]");
		ref(w, "items", p->def);
	} else if (p->required || nullable(p->def)) {
		member(w, "$ref");
		nm_buf_printf(w->b, "\"#/$defs/%s\"", p->def);
	} else {
		begin(w, "anyOf", '[');
		ref(w, NULL, p->def);
		raw(w, NULL, "{\"type\": \"null\"}");
		end(w, ']');
	}
	if (p->dflt)
		raw(w, "default", p->dflt);
	end(w, '}');
}

static bool nullable_set(nm_keyset set)
{
	return set == NM_KEYS_CONTACT || set == NM_KEYS_SETTINGS;
}

/* A mapping of one key set: its keys in validation's order. */
static void mapping(jw *w, nm_keyset set, const char *description, bool typed)
{
	size_t n, nreq = 0;
	const char *const *keys = nm_validate_keys(set, &n);

	if (description)
		str(w, "description", description);
	if (typed)
		raw(w, "type", nullable_set(set) ? "[\"object\", \"null\"]" : "\"object\"");
	begin(w, "properties", '{');
	for (size_t i = 0; i < n; i++) {
		const prop *p = find_prop(set, keys[i]);
		prop text = {keys[i], "text", NULL, set, false, false, NULL};
		property(w, p ? p : &text);
		nreq += p && p->required;
	}
	end(w, '}');
	if (nreq) {
		begin(w, "required", '[');
		for (size_t i = 0; i < n; i++) {
			const prop *p = find_prop(set, keys[i]);
			if (p && p->required)
				str(w, NULL, p->key);
		}
		end(w, ']');
	}
	closed(w);
}

/* A plain id, or a mapping of set (member, member_of, theme). */
static void id_or_mapping(jw *w, const char *name, nm_keyset set, const char *description)
{
	begin(w, name, '{');
	str(w, "description", description);
	begin(w, "anyOf", '[');
	ref(w, NULL, "id");
	begin(w, NULL, '{');
	mapping(w, set, NULL, true);
	end(w, '}');
	end(w, ']');
	end(w, '}');
}

static void setting(jw *w, const nm_setting_def *def, const nm_settings *dflt)
{
	const char *description = def->description;
	char text[32];
	uint32_t mask;

	begin(w, def->name, '{');
	if (description)
		str(w, "description", description);
	if (def->kind != NM_SETTING_TYPES && def->kind != NM_SETTING_IDS)
		begin(w, "anyOf", '[');
	switch (def->kind) {
	case NM_SETTING_RATIO:
		ref(w, NULL, "ratio");
		raw(w, NULL, "{\"type\": \"null\"}");
		end(w, ']');
		nm_ratio_format(nm_setting_ratio(dflt, def), text, sizeof(text));
		raw(w, "default", text);
		break;
	case NM_SETTING_COUNT:
		ref(w, NULL, "count");
		raw(w, NULL, "{\"type\": \"null\"}");
		end(w, ']');
		member(w, "default");
		nm_buf_printf(w->b, "%u", nm_setting_number(dflt, def));
		break;
	case NM_SETTING_TYPES:
		mask = nm_setting_number(dflt, def);
		raw(w, "type", "[\"array\", \"null\"]");
		ref(w, "items", "actor_type");
		begin(w, "default", '[');
		for (int t = 0; t < NM_TYPE_COUNT; t++)
			if (mask & (1u << t))
				str(w, NULL, nm_actor_type_names[t]);
		end(w, ']');
		break;
	case NM_SETTING_IDS: /* contract 7.1: actor ids, default none */
		raw(w, "type", "[\"array\", \"null\"]");
		ref(w, "items", "id");
		raw(w, "default", "[]");
		break;
	}
	end(w, '}');
}

static void settings_def(jw *w)
{
	nm_settings dflt;

	nm_settings_default(&dflt);
	begin(w, "settings", '{');
	str(w, "description",
	    "the analysis thresholds; command-line flags of the same names (with dashes) win");
	raw(w, "type", "[\"object\", \"null\"]");
	begin(w, "properties", '{');
	for (size_t i = 0; i < NM_SETTINGS_N; i++)
		setting(w, &nm_setting_defs[i], &dflt);
	end(w, '}');
	closed(w);
	end(w, '}');
}

static void defs(jw *w)
{
	begin(w, "$defs", '{');

	begin(w, "id", '{');
	str(w, "description",
	    "an id: 1-64 letters, digits, '.', '_' or '-', starting with a "
	    "letter or digit; case-sensitive");
	begin(w, "anyOf", '[');
	raw(w, NULL, "{\"type\": \"string\", \"pattern\": \"" ID_PATTERN "\"}");
	raw(w, NULL, "{\"type\": \"integer\", \"minimum\": 0}");
	end(w, ']');
	end(w, '}');

	begin(w, "text", '{');
	str(w, "description",
	    "a text (a number or a boolean is read as the text it is written as)");
	raw(w, "type", "[\"string\", \"number\", \"boolean\"]");
	end(w, '}');

	begin(w, "name", '{');
	str(w, "description", "a name: a text that is not empty");
	raw(w, "type", "[\"string\", \"number\", \"boolean\"]");
	raw(w, "minLength", "1");
	end(w, '}');

	begin(w, "date", '{');
	str(w, "description", "a calendar date: YYYY-MM-DD");
	raw(w, "type", "\"string\"");
	raw(w, "pattern", "\"" DATE_PATTERN "\"");
	raw(w, "format", "\"date\"");
	end(w, '}');

	begin(w, "boolean", '{');
	str(w, "description", "true or false (also yes or no, in any case)");
	begin(w, "anyOf", '[');
	raw(w, NULL, "{\"type\": \"boolean\"}");
	raw(w, NULL, "{\"type\": \"string\", \"pattern\": \"" BOOL_PATTERN "\"}");
	end(w, ']');
	end(w, '}');

	begin(w, "version", '{');
	str(w, "description", "the format version");
	raw(w, "enum", "[1, \"1\"]");
	end(w, '}');

	begin(w, "ratio", '{');
	str(w, "description", "a decimal from 0 to 1");
	begin(w, "anyOf", '[');
	raw(w, NULL, "{\"type\": \"number\", \"minimum\": 0, \"maximum\": 1}");
	raw(w, NULL, "{\"type\": \"string\", \"pattern\": \"" RATIO_PATTERN "\"}");
	end(w, ']');
	end(w, '}');

	begin(w, "count", '{');
	str(w, "description", "a whole number of at least 0");
	begin(w, "anyOf", '[');
	raw(w, NULL, "{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 4294967295}");
	raw(w, NULL, "{\"type\": \"string\", \"pattern\": \"" COUNT_PATTERN "\"}");
	end(w, ']');
	end(w, '}');

	enum_def(w, "actor_type", "actor type: Akteurstyp", NM_ENUM_TYPE, nm_actor_type_names,
		 NM_TYPE_COUNT);
	enum_def(w, "kind", "committee kind: Art des Gremiums", NM_ENUM_KIND, nm_kind_names,
		 NM_KIND_COUNT);
	enum_def(w, "status", "committee status: Status", NM_ENUM_STATUS, nm_status_names,
		 NM_STATUS_COUNT);
	enum_def(w, "frequency", "how often a committee meets: Turnus", NM_ENUM_MEETS,
		 nm_freq_names, NM_FREQ_COUNT);
	enum_def(w, "role", "role in a committee: Rolle", NM_ENUM_ROLE, nm_role_names,
		 NM_ROLE_COUNT);

	id_or_mapping(w, "theme", NM_KEYS_THEME, "a theme: its id, or a mapping with id and label");
	begin(w, "actor", '{');
	mapping(w, NM_KEYS_ACTOR, "an actor: an organisation or a unit (Akteur)", true);
	end(w, '}');
	begin(w, "contact", '{');
	mapping(w, NM_KEYS_CONTACT, "contact data: personal data", true);
	end(w, '}');
	begin(w, "committee", '{');
	mapping(w, NM_KEYS_COMMITTEE, "a committee: a working group or another body (Gremium)",
		true);
	end(w, '}');
	id_or_mapping(w, "member", NM_KEYS_MEMBER,
		      "a member: the actor's id, or a mapping with actor, role and since");
	id_or_mapping(w, "member_of", NM_KEYS_MEMBER_OF,
		      "a membership: the committee's id, or a mapping with committee, role and "
		      "since");
	begin(w, "membership", '{');
	mapping(w, NM_KEYS_MEMBERSHIP, "a membership: one actor in one committee", true);
	end(w, '}');
	settings_def(w);
	end(w, '}');
}

void nm_schema_write(nm_buf *b)
{
	jw w;

	memset(&w, 0, sizeof(w));
	w.b = b;
	begin(&w, NULL, '{');
	str(&w, "$schema", "https://json-schema.org/draft/2020-12/schema");
	str(&w, "$id", "urn:netmap:data-format:1");
	str(&w, "title", "netmap data file (format 1)");
	str(&w, "description",
	    "one YAML document of a netmap dataset: themes, actors, committees, memberships "
	    "and settings. Keys starting with x- are extensions, allowed anywhere. References, "
	    "duplicate ids and parent cycles are checked by netmap validate, not by this schema.");
	raw(&w, "type", "[\"object\", \"null\"]");
	mapping(&w, NM_KEYS_DOCUMENT, NULL, false);
	defs(&w);
	end(&w, '}');
	nm_buf_putc(b, '\n');
}
