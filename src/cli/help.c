/*
 * help.c: the German of `netmap help` and every command's --help
 * (--lang de, or a German locale). The English lives in the command table
 * of main.c; this table holds, per command, its German summary, synopsis
 * and option lines. Option names, formats and values stay as they are
 * typed. A command missing here gets its English help.
 */
#include "cli.h"

#include <string.h>

typedef struct help_de {
	const char *name, *summary, *usage, *help;
	const char *example; /* after the options, or NULL */
} help_de;

#define REPORT_DE \
	"      --db DATEI              der Speicher (Vorgabe netmap.db)\n" \
	"      --today DATUM           Stichtag der Auswertung (JJJJ-MM-TT; Vorgabe: heute)\n" \
	"      --format FORMAT         text (Vorgabe), json, markdown, csv, html, email\n" \
	"      --lang SPRACHE          de oder en (Vorgabe: aus der Locale)\n" \
	"      --table TABELLE         csv: die Tabelle, die geschrieben wird\n" \
	"      --to, --from, --subject email: die Kopfzeilen der Nachricht\n" \
	"      --date DATUM            email: das Datum der Nachricht\n" \
	"      --since WANN            report: zuerst, was sich seit last, einem DATUM\n" \
	"                              oder einem SCAN geändert hat\n" \
	"      --include-contacts      Kontaktdaten von Personen aufnehmen\n" \
	"      --all                   lange Listen vollständig zeigen\n" \
	"      --color WANN            auto (Vorgabe), always oder never\n" \
	"      --fail-on LISTE         Ende mit Status 1, wenn eines davon gefunden wird:\n" \
	"                              duplicate, nested, overlap, overloaded, review,\n" \
	"                              gaps, duplicate_actors\n"

#define JOBS_DE \
	"      --jobs N                Dateien mit N Threads lesen (Vorgabe: NETMAP_JOBS\n" \
	"                              oder die Zahl der Prozessorkerne)\n"

#define SCAN_JOBS_DE \
	"      --jobs N                mit N Threads lesen und auswerten (Vorgabe:\n" \
	"                              NETMAP_JOBS oder die Zahl der Prozessorkerne)\n"

#define ANALYSE_JOBS_DE \
	"      --jobs N                mit N Threads auswerten (Vorgabe: NETMAP_JOBS\n" \
	"                              oder die Zahl der Prozessorkerne)\n"

#define DB_DE "      --db DATEI              der Speicher (Vorgabe netmap.db)\n"
#define LANG_DE "      --lang SPRACHE          de oder en (Vorgabe: aus der Locale)\n"

static const help_de table[] = {
	{"validate", "Daten prüfen; schreibt nichts", "validate [Optionen] PFAD...",
	 "      --format FORMAT         text (Vorgabe), json oder github\n"
	 "      --strict                auch Warnungen lassen den Lauf scheitern (Status 1)\n"
	 "      --today DATUM           das Datum für Datumswarnungen (Vorgabe: heute)\n" LANG_DE
		 JOBS_DE,
	 NULL},
	{"scan", "prüfen, einen Stand speichern und die Übersicht ausgeben",
	 "scan [Optionen] PFAD...", REPORT_DE SCAN_JOBS_DE, NULL},
	{"report", "die Übersicht des letzten Stands ausgeben", "report [Optionen]",
	 REPORT_DE ANALYSE_JOBS_DE, NULL},
	{"show", "einen Akteur oder ein Gremium zeigen", "show [Optionen] ID|NAME",
	 DB_DE "      --today DATUM           Stichtag der Auswertung (Vorgabe: heute)\n" LANG_DE,
	 NULL},
	{"list", "Akteure oder Gremien auflisten", "list [Optionen] actors|committees",
	 DB_DE "      --type TYP              nur Akteure dieses Typs\n"
	       "      --kind ART              nur Gremien dieser Art\n"
	       "      --theme THEMA           nur Einträge zu diesem Thema\n"
	       "      --status STATUS         nur Gremien mit diesem Status\n"
	       "      --format FORMAT         text (Vorgabe) oder json\n" LANG_DE,
	 NULL},
	{"scans", "die Stände im Speicher auflisten", "scans [--db DATEI] [--lang SPRACHE]",
	 DB_DE LANG_DE, NULL},
	{"diff", "was sich zwischen zwei Ständen geändert hat", "diff [Optionen] [VON] [BIS]",
	 DB_DE "      --format FORMAT         text (Vorgabe) oder json\n" LANG_DE, NULL},
	{"prune", "alte Stände löschen", "prune [--db DATEI] --keep N",
	 DB_DE "      --keep N                die N letzten Stände behalten\n", NULL},
	{"forget", "die personenbezogenen Daten eines Akteurs aus dem Speicher löschen",
	 "forget [--db DATEI] AKTEUR", DB_DE, NULL},
	{"export", "das Netzwerk für Gephi oder Graphviz, oder der Datensatz als Arbeitsmappe",
	 "export [Optionen] --format graphml|gexf|dot|json|xlsx|ods|csv",
	 DB_DE
	 "      --format FORMAT         graphml, gexf, dot oder json: das Netzwerk;\n"
	 "                              xlsx, ods oder csv (-o ORDNER): der Datensatz\n"
	 "      --lang SPRACHE          xlsx, ods, csv: de oder en (Vorgabe: aus der Locale)\n"
	 "      --network NETZ          members (Vorgabe): Akteure und Gremien;\n"
	 "                              overlaps: Gremien, verbunden durch gemeinsame\n"
	 "                              Mitglieder\n"
	 "  -o, --output DATEI          in DATEI statt auf die Standardausgabe schreiben\n"
	 "      --include-contacts      Kontaktdaten von Personen aufnehmen\n"
	 "      --today DATUM           Stichtag der Auswertung (Vorgabe: heute)\n"
	 "      (und die Schwellen aus 'netmap help report')\n",
	 NULL},
	{"schema", "das JSON-Schema der Datendateien ausgeben", "schema", "", NULL},
	{"plan", "durchspielen, was Zusammenlegen, Auflösen oder Einladen ändern würde",
	 "plan [Optionen] [--merge ID,ID...]... [--dissolve ID]... [--invite AKTEUR:GREMIUM]...",
	 "      --merge A,B,...         B... in A zusammenlegen: Mitglieder, Federführung,\n"
	 "                              Themen und Turnus gehen an A, die anderen werden\n"
	 "                              aufgelöst\n"
	 "      --dissolve G            G auflösen\n"
	 "      --invite X:G            Akteur X als Mitglied in Gremium G aufnehmen\n"
	 "                              (in der angegebenen Reihenfolge; der Speicher wird\n"
	 "                              nur gelesen, nie geschrieben)\n" DB_DE
	 "      --today DATUM           Stichtag (Vorgabe: der Stichtag des Stands)\n"
	 "      --format FORMAT         text (Vorgabe), json, markdown, csv, html, email\n" LANG_DE
	 "      --table TABELLE         csv: die Tabelle, die geschrieben wird\n"
	 "      --to, --from, --subject email: die Kopfzeilen der Nachricht\n"
	 "      --date DATUM            email: das Datum der Nachricht\n"
	 "      --include-contacts      Kontaktdaten von Personen aufnehmen\n"
	 "      --all                   lange Listen vollständig zeigen\n"
	 "      --color WANN            auto (Vorgabe), always oder never\n" ANALYSE_JOBS_DE,
	 "\nBeispiel:\n"
	 "  netmap plan --merge ak-sprache,nw-sprachfoerderung --dissolve ag-wohnen-2019 \\\n"
	 "              --invite gesundheitslotsen:ak-gesundheit --lang de\n"
	 "  zeigt, was Zusammenlegen, Auflösen und Einladen ändern würden (aufgelöste\n"
	 "  Doppelungen, gesparte Sitze), dann die Übersicht, wie sie dann wäre.\n"},
	{"init", "eine leere Vorlage zum Ausfüllen schreiben",
	 "init [--lang de|en] [--format xlsx|ods|csv|yaml] [-o PFAD] [--force]",
	 LANG_DE "      --format FORMAT         xlsx (Vorgabe), ods, csv (ein Ordner) oder yaml\n"
		 "                              (ein Ordner)\n"
		 "  -o, --output PFAD           wohin (Vorgabe netmap-vorlage.xlsx oder\n"
		 "                              netmap-template.xlsx, nach Sprache und Format)\n"
		 "      --force                 vorhandene Dateien überschreiben\n",
	 NULL},
	{"import", "Tabellen und YAML lesen, den Datensatz als YAML schreiben",
	 "import PFAD... -o ORDNER [--force]",
	 "  -o, --output ORDNER         der Ordner für die YAML-Dateien\n"
	 "      --force                 vorhandene Dateien überschreiben\n"
	 "      --today DATUM           das Datum für Datumswarnungen (Vorgabe: heute)\n" JOBS_DE,
	 NULL},
	{"help", "Hilfe zu einem Befehl zeigen", "help [--lang SPRACHE] [BEFEHL]", LANG_DE, NULL},
};

static const help_de *find_de(const char *name)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (strcmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

void cli_print_help_in(const cli_command *c, nm_lang lang, FILE *f)
{
	const help_de *de = lang == NM_LANG_DE ? find_de(c->name) : NULL;

	if (!de) {
		cli_print_help(c, f);
		return;
	}
	/* The summary starts a sentence here: "Einen Akteur ... zeigen." */
	fprintf(f, "Aufruf: netmap %s\n\n%c%s.\n", de->usage,
		de->summary[0] >= 'a' && de->summary[0] <= 'z' ? de->summary[0] - 'a' + 'A'
							       : de->summary[0],
		de->summary + 1);
	if (de->help[0] || c->settings)
		fprintf(f, "\nOptionen:\n%s", de->help);
	if (c->settings)
		cli_print_settings(f, NM_LANG_DE);
	fputs("  -h, --help                  diese Hilfe zeigen\n", f);
	if (de->example)
		fputs(de->example, f);
}

const char *cli_usage_in(const cli_command *c, nm_lang lang)
{
	const help_de *de = lang == NM_LANG_DE ? find_de(c->name) : NULL;

	return de ? de->usage : c->usage;
}

void cli_main_usage_de(FILE *f)
{
	fputs("Aufruf: netmap [--help] [--version] <Befehl> [<Argumente>]\n\n"
	      "netmap bildet Kooperationsnetzwerke ab: welche Arbeitskreise einander doppeln,\n"
	      "wer überall sitzt, welche Gremien ruhen und wessen Stimmen fehlen.\n\n"
	      "Befehle:\n",
	      f);
	for (const cli_command *c = cli_commands; c->name; c++) {
		const help_de *de = find_de(c->name);
		fprintf(f, "  %-10s %s\n", c->name, de ? de->summary : c->summary);
	}
	fputs("\nDie Optionen eines Befehls: 'netmap help BEFEHL --lang de'.\n", f);
}
