/*
 * model.h: a validated dataset, as validation builds it, the store keeps it
 * and the analysis reads it.
 *
 * After validation every array is sorted by id in byte order (themes,
 * actors, committees) and memberships by (committee, actor), so that an
 * index is as good as an id and every output is deterministic. References
 * between records are indices into these arrays. All strings and arrays
 * belong to the dataset and are freed by nm_dataset_free(): each its own
 * allocation, except that when ds->pool is set (a dataset built by
 * validation) the records' strings live in that arena and die with it.
 */
#ifndef NETMAP_MODEL_H
#define NETMAP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netmap/arena.h"
#include "netmap/buf.h"
#include "netmap/common.h"

/* A calendar date as days since 1970-01-01; NM_DATE_NONE when absent. */
typedef int32_t nm_date;
#define NM_DATE_NONE INT32_MIN

/* Parse exactly YYYY-MM-DD, a real calendar date. 0 or -1. */
int nm_date_parse(const char *s, nm_date *out);
/* Write YYYY-MM-DD into out (at least 11 bytes). */
void nm_date_format(nm_date d, char *out);
/* Today's local date. */
nm_date nm_date_today(void);

#define NM_NONE UINT32_MAX /* an absent index */

typedef enum nm_actor_type {
	NM_TYPE_ASSOCIATION,
	NM_TYPE_CHAMBER,
	NM_TYPE_AGENCY,
	NM_TYPE_MIGRANT_ORGANISATION,
	NM_TYPE_YOUTH_WORK,
	NM_TYPE_VOLUNTEER_INITIATIVE,
	NM_TYPE_CLUB,
	NM_TYPE_SOCIAL_PARTNER,
	NM_TYPE_RELIGIOUS_COMMUNITY,
	NM_TYPE_EDUCATION_PROVIDER,
	NM_TYPE_SCHOOL,
	NM_TYPE_ADMINISTRATION,
	NM_TYPE_OTHER,
	NM_TYPE_COUNT
} nm_actor_type;

typedef enum nm_kind {
	NM_KIND_WORKING_GROUP,
	NM_KIND_NETWORK,
	NM_KIND_ROUND_TABLE,
	NM_KIND_STEERING_GROUP,
	NM_KIND_ADVISORY_BOARD,
	NM_KIND_COMMITTEE,
	NM_KIND_COUNT
} nm_kind;

typedef enum nm_status {
	NM_STATUS_ACTIVE,
	NM_STATUS_DORMANT,
	NM_STATUS_DISSOLVED,
	NM_STATUS_COUNT
} nm_status;

/* Roles, weakest first, so that the strongest is the largest value. */
typedef enum nm_role {
	NM_ROLE_GUEST,
	NM_ROLE_MEMBER,
	NM_ROLE_CHAIR,
	NM_ROLE_LEAD,
	NM_ROLE_COUNT
} nm_role;

typedef enum nm_freq {
	NM_FREQ_WEEKLY,
	NM_FREQ_BIWEEKLY,
	NM_FREQ_MONTHLY,
	NM_FREQ_QUARTERLY,
	NM_FREQ_TWICE_YEARLY,
	NM_FREQ_YEARLY,
	NM_FREQ_IRREGULAR,
	NM_FREQ_COUNT,
	NM_FREQ_NONE = NM_FREQ_COUNT /* not given: counts 0 meetings */
} nm_freq;

/* The contract's spelling of each enum value, indexed by the enum. */
extern const char *const nm_actor_type_names[NM_TYPE_COUNT];
extern const char *const nm_kind_names[NM_KIND_COUNT];
extern const char *const nm_status_names[NM_STATUS_COUNT];
extern const char *const nm_role_names[NM_ROLE_COUNT];
extern const char *const nm_freq_names[NM_FREQ_COUNT];
extern const unsigned nm_freq_meetings[NM_FREQ_COUNT + 1];

/* Look a name up in one of the tables above: its index, or -1. */
int nm_enum_lookup(const char *const *names, int count, const char *s);

/* An exact decimal ratio in [0, 1], as num/den with den a power of ten. */
typedef struct nm_ratio {
	uint32_t num;
	uint32_t den;
} nm_ratio;

/* Parse a decimal such as 0.6 or 1 exactly; 0, or -1 when not in [0, 1]. */
int nm_ratio_parse(const char *s, nm_ratio *out);
/* The shortest decimal that is the ratio ("0.6", "1", "0"). */
void nm_ratio_format(nm_ratio r, char *out, size_t size);

/* The analysis thresholds (contract 2.6). */
typedef struct nm_settings {
	nm_ratio duplicate_jaccard;
	nm_ratio duplicate_theme_jaccard;
	nm_ratio overlap_jaccard;
	nm_ratio similar_name; /* threshold of the similar_name measure */
	uint32_t min_shared;
	uint32_t max_load;
	uint32_t stale_days;
	uint32_t ad_hoc_days;
	uint32_t voices; /* bit (1u << nm_actor_type) per type */
	/*
	 * Actors who sit in groups by office (contract 7.1): their ids joined
	 * by ",", NULL for none; copies (nm_settings_copy, _merge) are in byte
	 * order, each id once. Owned by the struct that holds it (free with
	 * nm_settings_release, copy with nm_settings_copy); the command line's
	 * options borrow it from argv.
	 */
	char *coordinators;
} nm_settings;

/* The defaults; s->coordinators is set to NULL, not freed. */
void nm_settings_default(nm_settings *s);
/* *dst = *src with a copy of the coordinators (dst holds nothing yet). */
void nm_settings_copy(nm_settings *dst, const nm_settings *src);
/* Free the coordinators and set them to NULL. */
void nm_settings_release(nm_settings *s);
/*
 * The coordinators of s one by one: *pos starts at 0; each call puts the
 * next id into buf (size bytes, cut to fit) and returns true, false after
 * the last. Empty parts are skipped.
 */
bool nm_settings_next_coordinator(const nm_settings *s, size_t *pos, char *buf, size_t size);

/* Which settings a dataset or the command line gave (bits of NM_SET_...). */
enum {
	NM_SET_DUPLICATE_JACCARD = 1 << 0,
	NM_SET_DUPLICATE_THEME_JACCARD = 1 << 1,
	NM_SET_OVERLAP_JACCARD = 1 << 2,
	NM_SET_MIN_SHARED = 1 << 3,
	NM_SET_MAX_LOAD = 1 << 4,
	NM_SET_STALE_DAYS = 1 << 5,
	NM_SET_AD_HOC_DAYS = 1 << 6,
	NM_SET_VOICES = 1 << 7,
	NM_SET_SIMILAR_NAME = 1 << 8,
	NM_SET_COORDINATORS = 1 << 9
};

/*
 * The settings as one table, a row each, in the contract's order (2.6,
 * then 7.1): the key in `settings:`, the command-line flag, its NM_SET_
 * bit, the kind of value, where it lives in nm_settings, its default and
 * the words that explain it. Validation, the spreadsheet reader, the
 * command line and its help, the store, the JSON report, the YAML and
 * workbook writers, merging and the JSON Schema all walk this table, so
 * adding a setting is adding a row (and its field in nm_settings).
 */
typedef enum nm_setting_kind {
	NM_SETTING_RATIO, /* an nm_ratio: a decimal in [0, 1] */
	NM_SETTING_COUNT, /* a uint32_t: a whole number >= 0 */
	NM_SETTING_TYPES, /* a uint32_t mask of actor types */
	NM_SETTING_IDS    /* a char *: actor ids joined by ",", NULL for none */
} nm_setting_kind;

typedef struct nm_setting_def {
	const char *name; /* the key: "duplicate_jaccard" */
	const char *flag; /* the option without its dashes: "duplicate-jaccard" */
	unsigned bit;     /* NM_SET_... */
	nm_setting_kind kind;
	size_t offset;           /* of the field in nm_settings */
	nm_ratio ratio;          /* the default of a ratio */
	uint32_t count;          /* the default of a count, the types of a type list */
	const char *help[2];     /* --help's words in English and German (nm_lang) */
	const char *description; /* what it means, for editors (the JSON Schema) */
} nm_setting_def;

#define NM_SETTINGS_N 10
extern const nm_setting_def nm_setting_defs[NM_SETTINGS_N];

/*
 * A setting's value in s by the kind of its row: a ratio; a count or a
 * mask of actor types; an id list (NULL for none). Setting ids stores the
 * pointer and frees nothing: who owns the list is the caller's to say.
 */
nm_ratio nm_setting_ratio(const nm_settings *s, const nm_setting_def *def);
uint32_t nm_setting_number(const nm_settings *s, const nm_setting_def *def);
const char *nm_setting_ids(const nm_settings *s, const nm_setting_def *def);
void nm_setting_set_ratio(nm_settings *s, const nm_setting_def *def, nm_ratio r);
void nm_setting_set_number(nm_settings *s, const nm_setting_def *def, uint32_t n);
void nm_setting_set_ids(nm_settings *s, const nm_setting_def *def, char *ids);

/* The names of the actor types in mask (bits 1u << type), in byte order; their count. */
size_t nm_type_names_sorted(uint32_t mask, const char **names);

/* The row of a key ("max_load"), or NULL. */
const nm_setting_def *nm_setting_find(const char *name);
/* The keys in the table's order, for key checks and did-you-mean. */
const char *const *nm_setting_names(void);
/*
 * A setting's value as text and back, as the store keeps it: a ratio
 * "0.6", a count "365", types and ids joined by "," (types sorted by
 * name), "" for no coordinators. Parse returns 0, or -1 when the text is
 * no such value; an id list it replaces is freed.
 */
void nm_setting_format(const nm_setting_def *def, const nm_settings *s, nm_buf *out);
int nm_setting_parse(const nm_setting_def *def, const char *text, nm_settings *s);

/* Copy into dst the settings of src whose bit is set in mask. */
void nm_settings_merge(nm_settings *dst, const nm_settings *src, unsigned mask);

typedef struct nm_theme {
	char *id;
	char *label; /* NULL when none was given */
} nm_theme;

typedef struct nm_actor {
	char *id;
	char *name;
	nm_actor_type type;
	uint32_t *themes; /* theme indices, ascending, no repeats */
	size_t nthemes;
	char *district; /* optional strings are NULL when absent */
	char *website;
	char *note;
	char *person; /* contact: personal data (contract 5.4) */
	char *email;
	char *phone;
} nm_actor;

typedef struct nm_committee {
	char *id;
	char *name;
	nm_kind kind;
	bool ad_hoc;
	nm_status status;
	uint32_t *themes; /* theme indices, ascending, no repeats */
	size_t nthemes;
	uint32_t lead;   /* actor index or NM_NONE */
	uint32_t parent; /* committee index or NM_NONE */
	nm_date founded;
	nm_date ends;
	nm_date last_met;
	nm_freq meets;
	char *district;
	char *note;
} nm_committee;

typedef struct nm_membership {
	uint32_t committee; /* committee index */
	uint32_t actor;     /* actor index */
	nm_role role;       /* the strongest role written */
	nm_date since;      /* the earliest since written, or NM_DATE_NONE */
} nm_membership;

typedef struct nm_input_file {
	char *path;
	char sha256[65]; /* lowercase hex of the file's bytes */
} nm_input_file;

typedef struct nm_dataset {
	char *name;           /* the first `dataset` given, or NULL */
	bool themes_declared; /* false: themes are the ids in use */
	nm_theme *themes;
	size_t nthemes;
	nm_actor *actors;
	size_t nactors;
	nm_committee *committees;
	size_t ncommittees;
	nm_membership *memberships;
	size_t nmemberships;
	nm_settings settings;    /* defaults, with what `settings:` gave */
	unsigned settings_given; /* NM_SET_... bits given in `settings:` */
	nm_input_file *files;
	size_t nfiles;
	/*
	 * NULL, or the arena of every record's strings (ids, names, labels,
	 * optional texts): they are not freed one by one, and a new text for
	 * one goes into the pool too (or work on nm_dataset_clone's copy).
	 * Theme arrays, the dataset's name, file paths, settings and the
	 * record arrays are always their own allocations.
	 */
	nm_arena *pool;
} nm_dataset;

nm_dataset *nm_dataset_new(void);
/* A deep copy of src, every string and array its own. */
nm_dataset *nm_dataset_clone(const nm_dataset *src);
void nm_dataset_free(nm_dataset *ds);

/*
 * Sort themes, actors and committees by id and memberships by (committee,
 * actor), rewriting every index. Used by validation and by the store.
 */
void nm_dataset_sort(nm_dataset *ds);

/* Find a record by id (binary search on a sorted dataset); NM_NONE if absent. */
uint32_t nm_dataset_find_actor(const nm_dataset *ds, const char *id);
uint32_t nm_dataset_find_committee(const nm_dataset *ds, const char *id);
uint32_t nm_dataset_find_theme(const nm_dataset *ds, const char *id);

#endif
