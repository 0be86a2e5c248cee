/*
 * yaml_write.c: datasets and the template as YAML files (yaml_write.h).
 * Written by hand rather than through libyaml's emitter, so that the
 * layout (one record a block, memberships one a line, comments in the
 * template) stays what a person editing the files expects; the quoting
 * rule below is conservative and is tested with hostile names.
 */
#include "netmap/yaml_write.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "netmap/sheet_write.h"

const char *const nm_yaml_files[5] = {"themes.yaml", "actors.yaml", "committees.yaml",
				      "memberships.yaml", "settings.yaml"};

/* Words that some YAML reader takes for a boolean or null. */
static bool reserved(const char *s)
{
	static const char *const words[] = {"null", "~", "true", "false", "yes",  "no", "on",
					    "off",  "y", "n",    ".nan",  ".inf", "<<", "="};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

static bool needs_quotes(const char *s)
{
	size_t n = strlen(s);
	const unsigned char *p = (const unsigned char *)s;

	if (n == 0 || reserved(s))
		return true;
	/* Indicators at the start, digits and signs (numbers, dates, 007). */
	if (strchr("-?:,[]{}#&*!|>'\"%@`<=+.~ \t", p[0]) || (p[0] >= '0' && p[0] <= '9'))
		return true;
	if (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == ':')
		return true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c < 0x20 || c == 0x7F)
			return true;
		if (strchr(",[]{}\"'\\", c)) /* flow indicators and quotes: quote to be safe */
			return true;
		if (c == ':') /* `a: b` is a mapping; in flow context libyaml refuses `a:?` too */
			return true;
		if (c == '#' && (p[i - 1] == ' ' || p[i - 1] == '\t'))
			return true;
		/* U+0080-U+009F (C1 controls and NEL), U+2028, U+2029 (line breaks to
		 * YAML), U+FEFF (a byte-order mark), U+FFFE and U+FFFF (not printable) */
		if ((c == 0xC2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) ||
		    (c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) ||
		    (c == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF) ||
		    (c == 0xEF && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF)))
			return true;
	}
	return false;
}

void nm_yaml_scalar(nm_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!needs_quotes(s)) {
		nm_buf_puts(b, s);
		return;
	}
	nm_buf_putc(b, '"');
	for (; *p; p++) {
		unsigned char c = *p;
		if (c == '"' || c == '\\') {
			nm_buf_putc(b, '\\');
			nm_buf_putc(b, (char)c);
		} else if (c == '\n') {
			nm_buf_puts(b, "\\n");
		} else if (c == '\t') {
			nm_buf_puts(b, "\\t");
		} else if (c == '\r') {
			nm_buf_puts(b, "\\r");
		} else if (c < 0x20 || c == 0x7F) {
			nm_buf_printf(b, "\\x%02X", c);
		} else if (c == 0xC2 && p[1] == 0x85) {
			nm_buf_puts(b, "\\N");
			p++;
		} else if (c == 0xE2 && p[1] == 0x80 && p[2] == 0xA8) {
			nm_buf_puts(b, "\\L");
			p += 2;
		} else if (c == 0xE2 && p[1] == 0x80 && p[2] == 0xA9) {
			nm_buf_puts(b, "\\P");
			p += 2;
		} else if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			nm_buf_printf(b, "\\x%02X", p[1]); /* a C1 control: not printable */
			p++;
		} else if (c == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
			nm_buf_puts(b, "\\uFEFF");
			p += 2;
		} else if (c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
			nm_buf_puts(b, p[2] == 0xBE ? "\\uFFFE" : "\\uFFFF");
			p += 2;
		} else {
			nm_buf_putc(b, (char)c);
		}
	}
	nm_buf_putc(b, '"');
}

static void field(nm_buf *b, const char *indent, const char *key, const char *value)
{
	if (!value)
		return;
	nm_buf_printf(b, "%s%s: ", indent, key);
	nm_yaml_scalar(b, value);
	nm_buf_putc(b, '\n');
}

static void date_field(nm_buf *b, const char *indent, const char *key, nm_date d)
{
	char s[16];

	if (d == NM_DATE_NONE)
		return;
	nm_date_format(d, s);
	nm_buf_printf(b, "%s%s: %s\n", indent, key, s);
}

static void theme_list(nm_buf *b, const nm_dataset *ds, const uint32_t *themes, size_t n)
{
	if (!n)
		return;
	nm_buf_puts(b, "    themes: [");
	for (size_t i = 0; i < n; i++) {
		if (i)
			nm_buf_puts(b, ", ");
		nm_yaml_scalar(b, ds->themes[themes[i]].id);
	}
	nm_buf_puts(b, "]\n");
}

static void themes_file(nm_buf *b, const nm_dataset *ds)
{
	nm_buf_puts(b, "# Themes (contract 2.5).\n");
	if (!ds->themes_declared || !ds->nthemes) {
		nm_buf_puts(b, "# None declared: themes are the ids in use.\n");
		return;
	}
	nm_buf_puts(b, "themes:\n");
	for (size_t i = 0; i < ds->nthemes; i++) {
		nm_buf_puts(b, "  - id: ");
		nm_yaml_scalar(b, ds->themes[i].id);
		nm_buf_putc(b, '\n');
		field(b, "    ", "label", ds->themes[i].label);
	}
}

static void actors_file(nm_buf *b, const nm_dataset *ds)
{
	nm_buf_puts(b, "# Actors (contract 2.2).\n");
	if (!ds->nactors)
		return;
	nm_buf_puts(b, "actors:\n");
	for (size_t i = 0; i < ds->nactors; i++) {
		const nm_actor *a = &ds->actors[i];
		nm_buf_puts(b, "  - id: ");
		nm_yaml_scalar(b, a->id);
		nm_buf_putc(b, '\n');
		field(b, "    ", "name", a->name);
		nm_buf_printf(b, "    type: %s\n", nm_actor_type_names[a->type]);
		theme_list(b, ds, a->themes, a->nthemes);
		field(b, "    ", "district", a->district);
		field(b, "    ", "website", a->website);
		if (a->person || a->email || a->phone) {
			nm_buf_puts(b, "    contact:\n");
			field(b, "      ", "person", a->person);
			field(b, "      ", "email", a->email);
			field(b, "      ", "phone", a->phone);
		}
		field(b, "    ", "note", a->note);
	}
}

static void committees_file(nm_buf *b, const nm_dataset *ds)
{
	nm_buf_puts(b, "# Committees (contract 2.3); their members are in memberships.yaml.\n");
	if (!ds->ncommittees)
		return;
	nm_buf_puts(b, "committees:\n");
	for (size_t i = 0; i < ds->ncommittees; i++) {
		const nm_committee *c = &ds->committees[i];
		nm_buf_puts(b, "  - id: ");
		nm_yaml_scalar(b, c->id);
		nm_buf_putc(b, '\n');
		field(b, "    ", "name", c->name);
		nm_buf_printf(b, "    kind: %s\n", nm_kind_names[c->kind]);
		if (c->ad_hoc)
			nm_buf_puts(b, "    ad_hoc: true\n");
		theme_list(b, ds, c->themes, c->nthemes);
		if (c->lead != NM_NONE)
			field(b, "    ", "lead", ds->actors[c->lead].id);
		nm_buf_printf(b, "    status: %s\n", nm_status_names[c->status]);
		date_field(b, "    ", "founded", c->founded);
		date_field(b, "    ", "ends", c->ends);
		date_field(b, "    ", "last_met", c->last_met);
		if (c->meets != NM_FREQ_NONE)
			nm_buf_printf(b, "    meets: %s\n", nm_freq_names[c->meets]);
		if (c->parent != NM_NONE)
			field(b, "    ", "parent", ds->committees[c->parent].id);
		field(b, "    ", "district", c->district);
		field(b, "    ", "note", c->note);
	}
}

static void memberships_file(nm_buf *b, const nm_dataset *ds)
{
	nm_buf_puts(b, "# Memberships (contract 2.4), by committee.\n");
	if (!ds->nmemberships)
		return;
	nm_buf_puts(b, "memberships:\n");
	for (size_t i = 0; i < ds->nmemberships; i++) {
		const nm_membership *m = &ds->memberships[i];
		char d[16];
		nm_buf_puts(b, "  - {actor: ");
		nm_yaml_scalar(b, ds->actors[m->actor].id);
		nm_buf_puts(b, ", committee: ");
		nm_yaml_scalar(b, ds->committees[m->committee].id);
		nm_buf_printf(b, ", role: %s", nm_role_names[m->role]);
		if (m->since != NM_DATE_NONE) {
			nm_date_format(m->since, d);
			nm_buf_printf(b, ", since: %s", d);
		}
		nm_buf_puts(b, "}\n");
	}
}

static void ratio(nm_buf *b, const char *key, nm_ratio r)
{
	char tmp[32];

	nm_ratio_format(r, tmp, sizeof(tmp));
	nm_buf_printf(b, "  %s: %s\n", key, tmp);
}

static void settings_file(nm_buf *b, const nm_dataset *ds)
{
	const nm_settings *s = &ds->settings;
	unsigned g = ds->settings_given;

	nm_buf_puts(
		b,
		"# The format version, the dataset's name and the settings it gives (contract 2.6).\n"
		"netmap: 1\n");
	field(b, "", "dataset", ds->name);
	if (!g)
		return;
	nm_buf_puts(b, "settings:\n");
	for (size_t i = 0; i < NM_SETTINGS_N; i++) {
		const nm_setting_def *d = &nm_setting_defs[i];
		uint32_t u;
		size_t pos = 0;
		char id[256];
		bool first = true;

		if (!(g & d->bit))
			continue;
		switch (d->kind) {
		case NM_SETTING_RATIO:
			ratio(b, d->name, nm_setting_ratio(s, d));
			break;
		case NM_SETTING_COUNT:
			nm_buf_printf(b, "  %s: %u\n", d->name, nm_setting_number(s, d));
			break;
		case NM_SETTING_TYPES:
			u = nm_setting_number(s, d);
			nm_buf_printf(b, "  %s: [", d->name);
			for (int t = 0; t < NM_TYPE_COUNT; t++) {
				if (!(u & (1u << t)))
					continue;
				nm_buf_printf(b, "%s%s", first ? "" : ", ", nm_actor_type_names[t]);
				first = false;
			}
			nm_buf_puts(b, "]\n");
			break;
		case NM_SETTING_IDS: /* the coordinators, the one id list */
			nm_buf_printf(b, "  %s: [", d->name);
			while (nm_settings_next_coordinator(s, &pos, id, sizeof(id))) {
				nm_buf_puts(b, first ? "" : ", ");
				nm_yaml_scalar(b, id);
				first = false;
			}
			nm_buf_puts(b, "]\n");
			break;
		}
	}
}

static int make_dir(const char *path, nm_error *err)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		return nm_error_set(err, NM_EIO, "cannot create '%s': %s", path, strerror(errno));
	return NM_OK;
}

int nm_yaml_write_dataset(const nm_dataset *ds, const char *dir, nm_error *err)
{
	nm_buf b = NM_BUF_INIT, path = NM_BUF_INIT;
	bool contacts = false;
	int rc;

	for (size_t i = 0; i < ds->nactors; i++)
		if (ds->actors[i].person || ds->actors[i].email || ds->actors[i].phone)
			contacts = true;
	rc = make_dir(dir, err);
	for (size_t f = 0; f < 5 && rc == NM_OK; f++) {
		nm_buf_clear(&b);
		nm_buf_clear(&path);
		switch (f) {
		case 0:
			themes_file(&b, ds);
			break;
		case 1:
			actors_file(&b, ds);
			break;
		case 2:
			committees_file(&b, ds);
			break;
		case 3:
			memberships_file(&b, ds);
			break;
		default:
			settings_file(&b, ds);
			break;
		}
		nm_buf_printf(&path, "%s/%s", dir, nm_yaml_files[f]);
		rc = nm_sheet_write_file(path.ptr, &b, contacts && f == 1, err);
	}
	nm_buf_release(&b);
	nm_buf_release(&path);
	return rc;
}

/* ---- the template ------------------------------------------------------ */

static const char *const template_en[5] = {
	"# Themes (optional). Once a theme is listed here, every theme used by an\n"
	"# actor or committee must be listed. Remove the # to use the examples.\n"
	"#\n"
	"# themes:\n"
	"#   - {id: language, label: Language courses and support}\n"
	"#   - {id: school, label: School}\n"
	"#   - counselling\n",
	"# Actors: the organisations of the network (contract 2.2).\n"
	"# type is one of: association, chamber, agency, migrant_organisation,\n"
	"# youth_work, volunteer_initiative, club, social_partner,\n"
	"# religious_community, education_provider, school, administration, other.\n"
	"# Remove the # to use the examples.\n"
	"#\n"
	"# actors:\n"
	"#   - id: caritas\n"
	"#     name: Caritasverband Musterstadt e.V.\n"
	"#     type: association\n"
	"#     themes: [language, counselling]\n"
	"#     district: Nord\n"
	"#     contact:                    # personal data: left out of reports\n"
	"#       person: Erika Beispiel\n"
	"#       email: e.beispiel@example.org\n"
	"#   - id: vhs\n"
	"#     name: Volkshochschule Musterstadt\n"
	"#     type: education_provider\n"
	"#     themes: [language]\n"
	"#     website: https://vhs.example.org\n",
	"# Committees: working groups and other bodies (contract 2.3).\n"
	"# The kind is one of working_group, network, round_table, steering_group,\n"
	"# advisory_board, committee; the status active (default), dormant or\n"
	"# dissolved; meets is weekly, biweekly, monthly, quarterly, twice_yearly,\n"
	"# yearly or irregular. Dates are YYYY-MM-DD. Remove the # to use the\n"
	"# examples.\n"
	"#\n"
	"# committees:\n"
	"#   - id: ak-sprache\n"
	"#     name: Arbeitskreis Sprache\n"
	"#     kind: working_group\n"
	"#     themes: [language]\n"
	"#     lead: vhs\n"
	"#     founded: 2024-03-01\n"
	"#     last_met: 2026-10-12\n"
	"#     meets: monthly\n"
	"#     members: [caritas, vhs]\n",
	"# Memberships: who sits where, one line each (contract 2.4).\n"
	"# The role is lead, chair, member (default) or guest; since is a date.\n"
	"# Members may also be listed on the committee (members:) or the actor\n"
	"# (member_of:). Remove the # to use the examples.\n"
	"#\n"
	"# memberships:\n"
	"#   - {actor: caritas, committee: ak-sprache, role: chair, since: 2024-03-01}\n"
	"#   - {actor: vhs, committee: ak-sprache, role: lead}\n",
	"# The format version, the dataset's name and the analysis settings\n"
	"# (contract 2.6; every key is optional). Remove the # to use them.\n"
	"netmap: 1\n"
	"# dataset: Musterstadt\n"
	"# settings:\n"
	"#   max_load: 6\n"
	"#   stale_days: 365\n"
	"#   voices: [migrant_organisation, volunteer_initiative]\n",
};

static const char *const template_de[5] = {
	"# Themen (freiwillig). Sobald hier ein Thema steht, muss jedes Thema, das\n"
	"# ein Akteur oder Gremium nennt, hier stehen. Das # entfernen, um die\n"
	"# Beispiele zu nutzen.\n"
	"#\n"
	"# themes:\n"
	"#   - {id: language, label: Sprache und Sprachförderung}\n"
	"#   - {id: school, label: Schule}\n"
	"#   - counselling\n",
	"# Akteure: die Organisationen des Netzwerks (Vertrag 2.2).\n"
	"# type (Art) ist einer dieser englischen Werte: association (Verband),\n"
	"# chamber (Kammer), agency (Behörde), migrant_organisation\n"
	"# (Migrantenorganisation), youth_work (Träger der Jugendarbeit),\n"
	"# volunteer_initiative (ehrenamtliche Initiative), club (Verein),\n"
	"# social_partner (Sozialpartner), religious_community\n"
	"# (Religionsgemeinschaft), education_provider (Bildungsträger), school\n"
	"# (Schule), administration (Verwaltung), other (Sonstige).\n"
	"# Das # entfernen, um die Beispiele zu nutzen.\n"
	"#\n"
	"# actors:\n"
	"#   - id: caritas\n"
	"#     name: Caritasverband Musterstadt e.V.\n"
	"#     type: association\n"
	"#     themes: [language, counselling]\n"
	"#     district: Nord\n"
	"#     contact:                    # personenbezogen: bleibt aus Berichten heraus\n"
	"#       person: Erika Beispiel\n"
	"#       email: e.beispiel@example.org\n"
	"#   - id: vhs\n"
	"#     name: Volkshochschule Musterstadt\n"
	"#     type: education_provider\n"
	"#     themes: [language]\n"
	"#     website: https://vhs.example.org\n",
	"# Gremien: Arbeitskreise und andere Runden (Vertrag 2.3).\n"
	"# kind (Art): working_group (Arbeitskreis), network (Netzwerk), round_table\n"
	"# (Runder Tisch), steering_group (Steuerungsgruppe), advisory_board\n"
	"# (Beirat), committee (Ausschuss). status: active (aktiv, Vorgabe),\n"
	"# dormant (ruhend), dissolved (aufgelöst). meets (Turnus): weekly,\n"
	"# biweekly, monthly, quarterly, twice_yearly, yearly, irregular.\n"
	"# Datum als JJJJ-MM-TT. Das # entfernen, um die Beispiele zu nutzen.\n"
	"#\n"
	"# committees:\n"
	"#   - id: ak-sprache\n"
	"#     name: Arbeitskreis Sprache\n"
	"#     kind: working_group\n"
	"#     themes: [language]\n"
	"#     lead: vhs\n"
	"#     founded: 2024-03-01\n"
	"#     last_met: 2026-10-12\n"
	"#     meets: monthly\n"
	"#     members: [caritas, vhs]\n",
	"# Mitgliedschaften: wer wo sitzt, eine Zeile je Eintrag (Vertrag 2.4).\n"
	"# role (Rolle): lead (Federführung), chair (Vorsitz), member (Mitglied,\n"
	"# Vorgabe) oder guest (Gast); since (seit): ein Datum. Mitglieder können\n"
	"# auch beim Gremium (members:) oder beim Akteur (member_of:) stehen.\n"
	"# Das # entfernen, um die Beispiele zu nutzen.\n"
	"#\n"
	"# memberships:\n"
	"#   - {actor: caritas, committee: ak-sprache, role: chair, since: 2024-03-01}\n"
	"#   - {actor: vhs, committee: ak-sprache, role: lead}\n",
	"# Formatversion, Name des Datenbestands und Einstellungen der Auswertung\n"
	"# (Vertrag 2.6; jeder Schlüssel ist freiwillig). Das # entfernen, um sie\n"
	"# zu nutzen.\n"
	"netmap: 1\n"
	"# dataset: Musterstadt\n"
	"# settings:\n"
	"#   max_load: 6\n"
	"#   stale_days: 365\n"
	"#   voices: [migrant_organisation, volunteer_initiative]\n",
};

static const char workflow[] =
	"# Checks the data on every push and pull request: problems show up as\n"
	"# annotations on the changed lines, and warnings fail the check too.\n"
	"name: netmap\n"
	"on: [push, pull_request]\n"
	"jobs:\n"
	"  validate:\n"
	"    runs-on: ubuntu-latest\n"
	"    steps:\n"
	"      - uses: actions/checkout@v4\n"
	"      # netmap from its sources: set the repository variable NETMAP_SOURCE\n"
	"      # to the git address of netmap (Settings > Secrets and variables).\n"
	"      - name: Install netmap\n"
	"        run: |\n"
	"          git clone --depth 1 \"${{ vars.NETMAP_SOURCE }}\" \"$RUNNER_TEMP/netmap\"\n"
	"          sudo make -C \"$RUNNER_TEMP/netmap\" install\n"
	"      - name: Validate\n"
	"        run: netmap validate --strict --format github data/\n";

void nm_yaml_template_outputs(const char *dir, char **names)
{
	size_t k = 0;

	for (size_t f = 0; f < 5; f++) {
		nm_buf b = NM_BUF_INIT;
		nm_buf_printf(&b, "%s/data/%s", dir, nm_yaml_files[f]);
		names[k++] = nm_buf_detach(&b);
	}
	{
		nm_buf b = NM_BUF_INIT;
		nm_buf_printf(&b, "%s/.github/workflows/netmap.yml", dir);
		names[k++] = nm_buf_detach(&b);
	}
	names[k] = NULL;
}

int nm_yaml_write_template(nm_lang lang, const char *dir, nm_error *err)
{
	const char *const *texts = lang == NM_LANG_DE ? template_de : template_en;
	nm_buf path = NM_BUF_INIT, b = NM_BUF_INIT;
	int rc;

	rc = make_dir(dir, err);
	nm_buf_printf(&path, "%s/data", dir);
	if (rc == NM_OK)
		rc = make_dir(path.ptr, err);
	for (size_t f = 0; f < 5 && rc == NM_OK; f++) {
		nm_buf_clear(&path);
		nm_buf_clear(&b);
		nm_buf_printf(&path, "%s/data/%s", dir, nm_yaml_files[f]);
		nm_buf_puts(&b, texts[f]);
		rc = nm_sheet_write_file(path.ptr, &b, false, err);
	}
	nm_buf_clear(&path);
	nm_buf_printf(&path, "%s/.github", dir);
	if (rc == NM_OK)
		rc = make_dir(path.ptr, err);
	nm_buf_puts(&path, "/workflows");
	if (rc == NM_OK)
		rc = make_dir(path.ptr, err);
	if (rc == NM_OK) {
		nm_buf_clear(&b);
		nm_buf_puts(&b, workflow);
		nm_buf_puts(&path, "/netmap.yml");
		rc = nm_sheet_write_file(path.ptr, &b, false, err);
	}
	nm_buf_release(&path);
	nm_buf_release(&b);
	return rc;
}
