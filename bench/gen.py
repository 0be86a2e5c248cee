#!/usr/bin/env python3
"""gen.py: synthetic netmap datasets for the benchmark (contract v1).

netmap's own generator. It writes a dataset shaped like the data of a German
Land: municipalities, each with its administration, job centre, adult
education centre, welfare associations and chambers sitting in hundreds of
groups, a few Land-wide bodies sitting in thousands, and thousands of clubs,
migrant organisations, initiatives, schools and communities that sit in a
few groups each (or none). Committee sizes are heavy-tailed: most have 5 to
30 members, a few networks have hundreds. Memberships are written on
committees (`members`), on actors (`member_of`) and in the top-level
`memberships` table, some twice, a few with conflicting roles.

Every finding of the contract's section 3 is planted at every scale, so a
report on the data has something to say: duplicate and overlapping
committees, clusters, nested sub-groups (with and without `parent`), load,
every review reason (including the exact day boundaries), uncovered themes,
isolated actors, single-type committees, a missing voice, duplicate actor
records; and the warnings of section 2.7.

Python 3 standard library only. Deterministic: the same arguments give the
same bytes (no clock, no hash-ordered iteration; random.Random seeded with
strings, which is stable across Python versions).
"""

import argparse
import datetime
import json
import math
import os
import random
import re
import sys
import unicodedata

SCALES = {
    # name: (actors, committees, target memberships, default --split)
    "small": (60, 20, 250, 1),
    "city": (5000, 500, 25000, 4),
    "region": (50000, 5000, 250000, 8),
    "country": (200000, 20000, 1000000, 16),
}

THEMES = [
    # id, label, weight on committees (0: declared but never on a committee)
    ("language", "Sprache und Sprachförderung", 14),
    ("vocational_training", "Ausbildung und Berufsorientierung", 9),
    ("labour_market", "Arbeitsmarktintegration", 9),
    ("school_education", "Schulische Bildung", 8),
    ("early_childhood", "Frühkindliche Bildung", 6),
    ("counselling", "Migrationsberatung", 8),
    ("housing", "Wohnen", 5),
    ("health", "Gesundheit und Pflege", 5),
    ("youth", "Jugend", 7),
    ("women", "Frauen und Gleichstellung", 4),
    ("volunteering", "Ehrenamt und Engagement", 6),
    ("recognition", "Anerkennung ausländischer Abschlüsse", 3),
    ("culture", "Kultur und Begegnung", 4),
    ("sport", "Sport und Bewegung", 3),
    ("anti_discrimination", "Antidiskriminierung", 0),
    ("digital_inclusion", "Digitale Teilhabe", 0),
]
COMMITTEE_THEMES = [t for t in THEMES if t[2] > 0]
# Committees on this theme never have a member of the voice types: a planted
# missing voice (contract 3.4). Voices may still attend as guests.
VOICELESS_THEME = "recognition"
VOICES = ("migrant_organisation", "volunteer_initiative")

ACTOR_TYPES = [
    # type, weight among ordinary actors
    ("association", 7), ("chamber", 1), ("agency", 2),
    ("migrant_organisation", 12), ("youth_work", 8),
    ("volunteer_initiative", 12), ("club", 18), ("social_partner", 2),
    ("religious_community", 9), ("education_provider", 7), ("school", 10),
    ("administration", 5), ("other", 7),
]

KINDS = [
    # kind, weight, name words, id prefix
    ("working_group", 34, ["Arbeitskreis", "Arbeitsgruppe", "AG", "Facharbeitskreis"], "ak"),
    ("network", 20, ["Netzwerk", "Bündnis", "Verbund"], "nw"),
    ("round_table", 14, ["Runder Tisch", "Forum", "Dialogkreis"], "rt"),
    ("steering_group", 10, ["Steuerungsgruppe", "Lenkungskreis"], "sg"),
    ("advisory_board", 8, ["Beirat", "Fachbeirat"], "ab"),
    ("committee", 14, ["Ausschuss", "Fachausschuss", "Kommission"], "ks"),
]

FREQUENCIES = [("monthly", 30), ("quarterly", 25), ("twice_yearly", 12),
               ("irregular", 12), ("biweekly", 8), ("yearly", 8), ("weekly", 5)]

# Hubs of each municipality: name, type, share of the municipality's
# committees they sit in, themes they prefer.
MUNICIPAL_HUBS = [
    ("Stadt {m} – Amt für Integration", "administration", 0.50, ()),
    ("Jobcenter {m}", "agency", 0.30, ("labour_market", "vocational_training", "language")),
    ("Volkshochschule {m}", "education_provider", 0.28, ("language", "culture", "recognition")),
    ("Caritasverband {m} e.V.", "association", 0.22, ("counselling", "housing", "health")),
    ("Diakonisches Werk {m}", "association", 0.20, ("counselling", "women", "early_childhood")),
    ("AWO Kreisverband {m} e.V.", "association", 0.18, ("youth", "early_childhood", "counselling")),
    ("Agentur für Arbeit {m}", "agency", 0.15, ("labour_market", "vocational_training", "recognition")),
    ("Verband der Migrantenorganisationen {m} e.V.", "migrant_organisation", 0.15, ("language", "culture", "women")),
    ("Jugendamt {m}", "administration", 0.14, ("youth", "early_childhood")),
    ("Der Paritätische {m}", "association", 0.12, ("health", "housing")),
    ("Industrie- und Handelskammer {m}", "chamber", 0.10, ("vocational_training", "labour_market", "recognition")),
    ("Staatliches Schulamt {m}", "administration", 0.10, ("school_education", "language")),
    ("DRK Kreisverband {m} e.V.", "association", 0.10, ("health", "counselling")),
    ("Stadtjugendring {m} e.V.", "youth_work", 0.10, ("youth", "sport")),
    ("Freiwilligenagentur {m}", "volunteer_initiative", 0.10, ("volunteering",)),
    ("Handwerkskammer {m}", "chamber", 0.08, ("vocational_training", "recognition")),
    ("DGB Stadtverband {m}", "social_partner", 0.05, ("labour_market",)),
]
# Land-wide hubs: share of all committees of the dataset.
REGIONAL_HUBS = [
    ("Landesamt für Migration und Flüchtlinge {r}", "administration", 0.07, ()),
    ("Regionaldirektion {r} der Bundesagentur für Arbeit", "agency", 0.05, ("labour_market", "recognition")),
    ("Landesnetzwerk Migrantenorganisationen {r} e.V.", "migrant_organisation", 0.04, ("language", "culture")),
    ("Liga der Freien Wohlfahrtspflege {r}", "association", 0.03, ("counselling", "housing")),
    ("Landesverband der Volkshochschulen {r} e.V.", "education_provider", 0.03, ("language",)),
    ("IQ Netzwerk {r}", "other", 0.025, ("recognition", "labour_market")),
    ("Landesjugendring {r} e.V.", "youth_work", 0.02, ("youth",)),
    ("Landesarbeitsgemeinschaft der Freiwilligenagenturen {r}", "volunteer_initiative", 0.015, ("volunteering",)),
]

TOWN_STEMS = ["Linden", "Eichen", "Buchen", "Wester", "Oster", "Sonnen", "Mühl",
              "Kirch", "Stein", "Rosen", "Erlen", "Weiden", "Falken", "Hirsch",
              "Kranich", "Wolfs", "Bären", "Fuchs", "Ahorn", "Birken", "Brunnen",
              "Schön", "Hell", "Kalten", "Roth", "Weiß", "Grün", "Lauter",
              "Elster", "Schwan", "Otter", "Kessel", "Tannen", "Lerchen"]
TOWN_ENDS = ["furt", "bach", "burg", "hausen", "feld", "stedt", "heim", "brück",
             "au", "wald", "tal", "dorf", "berg", "münde", "hagen", "rode", "ingen",
             "lar"]
TOWN_PREFIXES = ["", "", "", "", "Bad ", "Neu", "Alt", "Ober", "Nieder", "Groß", "Klein"]
DISTRICTS = ["Nordstadt", "Südstadt", "Weststadt", "Oststadt", "Altstadt",
             "Innenstadt", "Bahnhofsviertel", "Hafenviertel", "Lindenhof",
             "Am Mühlbach", "Schlossberg", "Gartenstadt", "Heideviertel",
             "Kirchditmold", "Rothenberg", "Wiesenfeld", "Sonnenhang",
             "Auf der Höhe", "Neustadt", "Waldau", "Brückenkopf", "Ziegelei",
             "Ölmühle", "Weißenstein", "Grüner Winkel", "Marktviertel",
             "Überfeld", "Kastanienallee", "Fliederweg", "Eschenhöhe"]
WORDS = ["Brücke", "Regenbogen", "Horizont", "Sonnenschein", "Kompass", "Anker",
         "Lichtblick", "Weitblick", "Begegnung", "Vielfalt", "Zukunft", "Miteinander",
         "Leuchtturm", "Kleeblatt", "Baobab", "Zugvogel", "Lotse", "Wegweiser",
         "Tandem", "Mosaik", "Perspektive", "Aufbruch", "Weltoffen", "Grünschnabel",
         "Morgenrot", "Nachbarschaft", "Pusteblume", "Schatzkiste", "Sternschnuppe",
         "Windrose", "Fährmann", "Kiebitz", "Sprungbrett", "Wurzelwerk", "Treffpunkt"]
NATIONS = ["Türkisch", "Syrisch", "Afghanisch", "Eritreisch", "Ukrainisch",
           "Polnisch", "Kurdisch", "Italienisch", "Griechisch", "Vietnamesisch",
           "Marokkanisch", "Iranisch", "Irakisch", "Russischsprachig", "Rumänisch",
           "Bulgarisch", "Tamilisch", "Kongolesisch", "Ghanaisch", "Portugiesisch",
           "Spanisch", "Kroatisch", "Bosnisch", "Albanisch", "Somalisch"]
SAINTS = ["St. Martin", "St. Josef", "St. Elisabeth", "St. Marien", "St. Paulus",
          "St. Michael", "St. Bonifatius", "St. Antonius", "St. Nikolai", "St. Petri",
          "St. Johannes", "Heilig Kreuz", "Christus", "Zum Guten Hirten"]
SURNAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter",
            "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
            "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause",
            "Meier", "Lehmann", "Köhler", "Groß", "Yılmaz", "Kaya", "Demir", "Şahin",
            "Nguyễn", "Kowalski", "Nowak", "Petrović", "Popescu", "Haddad", "Rahimi",
            "Okafor", "Mensah", "Ivanova", "Rossi", "Papadopoulos", "Jović", "Ali"]
FIRST_NAMES = ["Anna", "Jürgen", "Özlem", "Björn", "Ayşe", "Zoë", "Lukas", "Marie",
               "Fatma", "Ahmad", "Sören", "Lea", "Mehmet", "Olga", "Dragan", "Emre",
               "Katarzyna", "Nadia", "Hans-Peter", "Anna-Lena", "Günther", "Jana",
               "Amara", "Kwame", "Linh", "Mariam", "René", "Chloé", "Dženan", "Ines",
               "Tobias", "Sabine", "Yusuf", "Leyla", "Mustafa", "Svetlana", "Ömer"]
STREETS = ["Lindenstraße", "Gartenweg", "Bahnhofstraße", "Kirchgasse", "Schulstraße",
           "Am Markt", "Mühlenweg", "Goethestraße", "Schillerplatz", "Rosenhof",
           "Friedensallee", "Hauptstraße", "Brunnenstraße", "Uferweg", "Wiesenstraße"]
YEARS = [1848, 1863, 1881, 1896, 1904, 1911, 1921, 1949, 1956, 1972, 1990, 2004]

# Name templates per actor type: (pattern, legal forms to pick from).
ACTOR_NAMES = {
    "association": [("Förderverein {w} {d}", ["e.V."]),
                    ("Sozialdienst katholischer Frauen {d}", ["e.V."]),
                    ("Internationaler Bund {d}", ["", "gGmbH"]),
                    ("Lebenshilfe {d}", ["e.V."]),
                    ("Kinderschutzbund {d}", ["e.V."]),
                    ("Malteser Hilfsdienst {d}", ["e.V."]),
                    ("Arbeitersamariterbund {d}", ["e.V."]),
                    ("Verband alleinerziehender Mütter und Väter {d}", ["e.V."])],
    "chamber": [("Kreishandwerkerschaft {d}", [""]),
                ("Innung {x} {d}", [""]),
                ("Ärztekammer Bezirksstelle {d}", [""]),
                ("Architektenkammer Gruppe {d}", [""])],
    "agency": [("Jugendberufsagentur {d}", [""]),
               ("Jugendmigrationsdienst {d}", [""]),
               ("Migrationsberatung für Erwachsene {d}", [""]),
               ("Familienkasse {d}", [""]),
               ("Zentrale Ausländerbehörde Außenstelle {d}", [""])],
    "migrant_organisation": [("{n}er Kulturverein {d}", ["e.V.", ""]),
                             ("{n}e Gemeinde {d}", ["e.V.", ""]),
                             ("{n}er Elternverein {w}", ["e.V."]),
                             ("Verein {n}er Frauen {d}", ["e.V."]),
                             ("{n}es Zentrum {w}", ["e.V.", ""]),
                             ("Deutsch-{n}e Gesellschaft {d}", ["e.V."]),
                             ("{n}er Akademikerverein {d}", ["e.V."])],
    "youth_work": [("Jugendzentrum {w} {d}", ["", "gGmbH"]),
                   ("Kinder- und Jugendhilfe {w} {d}", ["gGmbH", "e.V."]),
                   ("Abenteuerspielplatz {d}", ["e.V."]),
                   ("Jugendwerkstatt {w}", ["gGmbH"]),
                   ("Pfadfinderstamm {w} {d}", [""])],
    "volunteer_initiative": [("Willkommensinitiative {d}", [""]),
                             ("Lesepaten {d}", [""]),
                             ("Begegnungscafé {w} {d}", ["", "e.V."]),
                             ("Repair-Café {d}", [""]),
                             ("Flüchtlingshilfe {w} {d}", ["e.V.", ""]),
                             ("Patenschaftsprojekt {w}", [""]),
                             ("Nachbarschaftshilfe {d}", ["e.V."])],
    "club": [("Turnverein {d} {y}", ["e.V."]),
             ("Fußballclub {w} {d}", ["e.V."]),
             ("Schachverein {w} {d}", ["e.V."]),
             ("Kleingartenverein {w}", ["e.V."]),
             ("Gesangverein {w} {d}", ["e.V."]),
             ("Radsportverein {w} {d}", ["e.V."]),
             ("Heimatverein {d}", ["e.V."]),
             ("Kulturverein {w} {d}", ["e.V."])],
    "social_partner": [("ver.di Ortsverein {d}", [""]),
                       ("IG Metall Geschäftsstelle {d}", [""]),
                       ("Unternehmerverband {d}", ["e.V."]),
                       ("Arbeitgeberverband {x} {d}", ["e.V."])],
    "religious_community": [("Ev. Kirchengemeinde {s} {d}", ["KdöR", ""]),
                            ("Kath. Pfarrei {s} {d}", [""]),
                            ("DITIB Moscheegemeinde {d}", ["e.V."]),
                            ("Alevitische Gemeinde {d}", ["e.V."]),
                            ("Jüdische Gemeinde {d}", ["KdöR"]),
                            ("Buddhistisches Zentrum {w}", ["e.V."]),
                            ("Ev.-freikirchliche Gemeinde {d}", ["KdöR", ""]),
                            ("Griechisch-orthodoxe Gemeinde {s}", [""])],
    "education_provider": [("Sprachschule {w} {d}", ["GmbH", ""]),
                           ("Bildungswerk {w}", ["gGmbH", "e.V."]),
                           ("Sprachinstitut {w} {d}", ["GmbH"]),
                           ("Berufsbildungszentrum {d}", ["gGmbH"]),
                           ("Familienbildungsstätte {d}", [""]),
                           ("Akademie für Weiterbildung {w}", ["gGmbH", "AG"])],
    "school": [("Grundschule {st} {d}", [""]),
               ("Gesamtschule {d}", [""]),
               ("{p}-Gymnasium {d}", [""]),
               ("Berufliche Schule {d}", [""]),
               ("Realschule {d}", [""]),
               ("{p}-Schule {d}", [""]),
               ("Förderschule {w}", [""])],
    "administration": [("Bezirksamt {d}", [""]),
                       ("Quartiersmanagement {d}", [""]),
                       ("Ortsbeirat {d}", [""]),
                       ("Bürgerbüro {d}", [""]),
                       ("Stadtteilbüro {w} {d}", [""])],
    "other": [("Stiftung {w}", [""]),
              ("Mehrgenerationenhaus {d}", [""]),
              ("Beratungsstelle {w} {d}", ["eG", ""]),
              ("Stadtbibliothek Zweigstelle {d}", [""]),
              ("Genossenschaft {w} {d}", ["eG"]),
              ("Frauenhaus {d}", ["e.V."])],
}
TRADES = ["Friseure", "Elektro", "Bau", "Kfz", "Metall", "Gastronomie", "Pflege", "Logistik"]

LEGAL_FORMS = {"ev", "e v", "gmbh", "ggmbh", "ug", "gug", "ag", "eg", "kdoer"}
ROLE_RANK = {"guest": 0, "member": 1, "chair": 2, "lead": 3}
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


PUNCT = {}


def fold(text):
    """A rough form of the contract's name normalisation (3.5), to keep
    generated names apart: only planted duplicates should be equal."""
    t = text.casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        t = t.replace(a, b)
    if not t.isascii():
        t = "".join(ch for ch in unicodedata.normalize("NFD", t)
                    if not unicodedata.combining(ch))
    for ch in t:
        if ch not in PUNCT:
            PUNCT[ch] = "" if unicodedata.category(ch).startswith("P") else ch
    t = "".join([PUNCT[ch] for ch in t])
    words = [w for w in t.split() if w not in LEGAL_FORMS]
    return " ".join(words)


def ascii_slug(text):
    t = text.casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ı", "i")):
        t = t.replace(a, b)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def q(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def weighted(rng, items):
    """items: [(value, weight)]"""
    total = sum(w for _, w in items)
    x = rng.random() * total
    for v, w in items:
        x -= w
        if x < 0:
            return v
    return items[-1][0]


class Actor:
    __slots__ = ("idx", "id", "name", "type", "muni", "themes", "district", "domain",
                 "contact", "website", "note", "x", "weight", "hub", "member_of")


class Committee:
    __slots__ = ("idx", "id", "name", "kind", "muni", "themes", "ad_hoc", "lead",
                 "status", "founded", "ends", "last_met", "meets", "parent",
                 "district", "note", "x", "members", "roles", "written", "role_word")


class Gen:
    def __init__(self, args):
        self.args = args
        self.seed = args.seed
        self.today = args.today
        self.actors = []
        self.committees = []
        self.ids = set()
        self.names = set()
        self.domains = set()
        self.pairs = {}         # (actor idx, committee idx) -> [rank, since or None]
        self.stats = {}
        self.pools = {}
        self.by_muni = {}
        self.by_type = {}

    def rng(self, stage):
        return random.Random("netmap-bench:%d:%s" % (self.seed, stage))

    def count(self, key, n=1):
        self.stats[key] = self.stats.get(key, 0) + n

    def day(self, days_ago):
        return self.today - datetime.timedelta(days=days_ago)

    # ------------------------------------------------------------------ ids
    def new_id(self, base, sep="-"):
        base = base[:56].strip("-") or "x"
        if sep != "-":
            base = base.replace("-", sep)
        cand = base
        n = 2
        while cand in self.ids or not ID_RE.match(cand) or "-" not in cand and sep == "-":
            cand = "%s%s%d" % (base, sep, n)
            n += 1
        self.ids.add(cand)
        return cand

    # ------------------------------------------------------------ geography
    def make_places(self):
        rng = self.rng("places")
        n = self.args.municipalities
        towns, codes = [], []
        seen = set()
        while len(towns) < n:
            prefix, stem = rng.choice(TOWN_PREFIXES), rng.choice(TOWN_STEMS)
            if prefix and not prefix.endswith(" "):
                stem = stem.lower()
            name = prefix + stem + rng.choice(TOWN_ENDS)
            key = fold(name)
            if key in seen:
                continue
            seen.add(key)
            towns.append(name)
        for i, t in enumerate(towns):
            code = ascii_slug(t).replace("-", "")[:3] + ("%d" % i if n > 1 else "")
            codes.append(code)
        self.towns = towns
        self.codes = codes
        self.region = rng.choice(["Nordhessen", "Oberland", "Weserbergland", "Mittelmark",
                                  "Westerwald", "Ostalb"]) if n > 1 else towns[0]
        # Municipalities differ in size: a big city and smaller towns.
        raw = [1.0 / (i + 1) ** 0.6 for i in range(n)]
        s = sum(raw)
        self.muni_share = [r / s for r in raw]
        self.districts = []
        for i in range(n):
            k = min(len(DISTRICTS), 6 + int(10 * self.muni_share[i] * n ** 0.5))
            self.districts.append(rng.sample(DISTRICTS, k))

    # --------------------------------------------------------------- actors
    def add_actor(self, name, typ, muni, rng, hub=False, idbase=None):
        a = Actor()
        a.idx = len(self.actors)
        sep = "-"
        r = rng.random()
        if r < 0.03:
            sep = "_"
        elif r < 0.05:
            sep = "."
        a.id = self.new_id(idbase or ascii_slug(name), sep)
        a.name = name
        a.type = typ
        a.muni = muni
        a.hub = hub
        a.member_of = []
        a.themes = []
        if rng.random() < 0.7:
            k = 1 + int(rng.random() * 3)
            a.themes = rng.sample([t[0] for t in THEMES], k)
        a.district = None
        if muni is not None and rng.random() < 0.45:
            a.district = rng.choice(self.districts[muni])
        a.contact = None
        # One domain per actor: shared contact data only where planted.
        slug = a.id.replace("_", "-").replace(".", "-")
        domain = "%s.example.org" % slug
        n = 2
        while domain in self.domains:
            domain = "%s-%d.example.org" % (slug, n)
            n += 1
        self.domains.add(domain)
        a.domain = domain
        if rng.random() < 0.6:
            c = []
            if rng.random() < 0.8:
                first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
                c.append(("person", "%s %s" % (first, last)))
                if rng.random() < 0.9:
                    c.append(("email", "%s.%s@%s" % (ascii_slug(first), ascii_slug(last), domain)))
            elif rng.random() < 0.8:
                c.append(("email", "info@%s" % domain))
            if rng.random() < 0.5:
                c.append(("phone", "+49 %d %d" % (rng.randrange(200, 9999), rng.randrange(100000, 9999999))))
            a.contact = c or None
        a.website = "https://www.%s" % domain if rng.random() < 0.5 else None
        a.note = None
        if rng.random() < 0.04:
            a.note = rng.choice(["Ansprechperson wechselt 2027", "Kontakt über die Geschäftsstelle",
                                 "nur schriftlich erreichbar", "Träger mehrerer Einrichtungen",
                                 "Mitglied im Integrationsrat"])
        a.x = None
        if rng.random() < 0.01:
            a.x = ("x-crm-id", "CRM-%06d" % rng.randrange(1000000))
        a.weight = 0.0
        self.actors.append(a)
        self.names.add(fold(name))
        return a

    def actor_name(self, typ, muni, rng):
        pats = ACTOR_NAMES[typ]
        for attempt in range(12):
            pat, forms = rng.choice(pats)
            d = rng.choice(self.districts[muni])
            name = pat.format(w=rng.choice(WORDS), d=d, n=rng.choice(NATIONS),
                              s=rng.choice(SAINTS), y=rng.choice(YEARS),
                              p=rng.choice(["Goethe", "Schiller", "Geschwister-Scholl",
                                            "Anne-Frank", "Erich-Kästner", "Heinrich-Heine",
                                            "Bertha-von-Suttner", "Albert-Schweitzer",
                                            "Lessing", "Humboldt", "Astrid-Lindgren"]),
                              st=rng.choice(STREETS), x=rng.choice(TRADES))
            if attempt >= 3:
                name += " " + self.towns[muni]
            if attempt >= 6:
                name += " " + rng.choice(STREETS)
            if attempt >= 9:
                name += " %s" % ["II", "III", "IV", "Nord", "Süd", "West", "Ost"][attempt - 9]
            form = rng.choice(forms)
            full = name + (" " + form if form else "")
            key = fold(full)
            if key and key not in self.names:
                return full
        # Still taken: a numbered name is unique by construction.
        n = 2
        while fold("%s %d" % (full, n)) in self.names:
            n += 1
        return "%s %d" % (full, n)

    def make_actors(self):
        rng = self.rng("actors")
        n_actors = self.args.actors
        self.hubs = {}          # muni (None: Land) -> [(actor, share, themes)]
        for m, town in enumerate(self.towns):
            hubs = []
            for pat, typ, share, themes in MUNICIPAL_HUBS:
                a = self.add_actor(pat.format(m=town), typ, m, rng, hub=True)
                hubs.append((a, share, themes))
            self.hubs[m] = hubs
        hubs = []
        for pat, typ, share, themes in REGIONAL_HUBS:
            a = self.add_actor(pat.format(r=self.region), typ, None, rng, hub=True)
            hubs.append((a, share, themes))
        self.hubs[None] = hubs

        n_regular = max(0, n_actors - len(self.actors))
        n_dups = max(3, int(n_regular * 0.006))
        n_regular -= n_dups
        cum = []
        s = 0.0
        for share in self.muni_share:
            s += share
            cum.append(s)
        for i in range(n_regular):
            m = min(len(cum) - 1, self._bisect(cum, rng.random()))
            typ = weighted(rng, ACTOR_TYPES)
            a = self.add_actor(self.actor_name(typ, m, rng), typ, m, rng)
            # Heavy-tailed activity; 3% sit nowhere.
            a.weight = 0.0 if rng.random() < 0.03 else min(30.0, rng.paretovariate(1.4))
            if a.weight == 0.0:
                self.count("isolated actors planted (no membership at all)")
        self.make_duplicate_actors(n_dups, rng)

    @staticmethod
    def _bisect(cum, x):
        lo, hi = 0, len(cum)
        while lo < hi:
            mid = (lo + hi) // 2
            if cum[mid] <= x:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def make_duplicate_actors(self, n, rng):
        """The same organisation entered twice (contract 3.5)."""
        regular = [a for a in self.actors if not a.hub and a.weight > 0]
        if not regular:
            return
        for i in range(n):
            src = regular[rng.randrange(len(regular))]
            kind = i % 7
            name = src.name
            reason = "same_name"
            if kind == 0:    # legal form added or dropped
                forms = ("e.V.", "gGmbH", "GmbH", "eG", "KdöR", "AG")
                base = name
                for f in forms:
                    if base.endswith(" " + f):
                        base = base[: -len(f) - 1]
                name = base if base != name else base + " e.V."
            elif kind == 1:  # case
                name = name.upper() if rng.random() < 0.5 else name.lower()
            elif kind == 2:  # umlauts and ß spelled out
                for a_, b_ in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"),
                               ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
                    name = name.replace(a_, b_)
                if name == src.name:
                    name = name.replace(" ", "  ", 1)
            elif kind == 3:  # punctuation
                name = name.replace("-", "").replace(".", "") if ("-" in name or "." in name) \
                    else name + "."
            elif kind == 4:  # one letter dropped: similar, not equal
                words = name.split()
                longest = max(range(len(words)), key=lambda j: len(words[j]))
                w = words[longest]
                if len(w) > 5:
                    k = 1 + rng.randrange(len(w) - 2)
                    words[longest] = w[:k] + w[k + 1:]
                name = " ".join(words)
                reason = "similar_name"
            else:            # another name, the same e-mail or website
                name = "%s %s" % (rng.choice(["Geschäftsstelle", "Büro", "Projekt", "Team"]),
                                  src.name)
                reason = "same_contact"
            d = self.add_actor(name, src.type, src.muni, rng, idbase=ascii_slug(src.name))
            d.weight = src.weight * 0.3
            if reason == "same_contact":
                if src.website and rng.random() < 0.5:
                    d.website = src.website.replace("https://www.", "http://") + "/"
                else:
                    if not src.contact or not any(k == "email" for k, _ in src.contact):
                        src.contact = (src.contact or []) + [("email", "info@%s" % src.domain)]
                    email = [v for k, v in src.contact if k == "email"][0]
                    d.contact = [("email", " " + email.upper() + " ")]
            self.count("duplicate actor records planted (%s)" % reason)

    # ----------------------------------------------------------------- pools
    def pool(self, muni, theme, voiceless):
        key = (muni, theme, voiceless)
        p = self.pools.get(key)
        if p is None:
            idx, cw = [], []
            s = 0.0
            if muni not in self.by_muni:
                self.by_muni[muni] = [a for a in self.actors if not a.hub and a.weight > 0
                                      and (muni is None or a.muni == muni)]
            for a in self.by_muni[muni]:
                if theme is not None and theme not in a.themes:
                    continue
                if voiceless and a.type in VOICES:
                    continue
                s += a.weight
                idx.append(a.idx)
                cw.append(s)
            p = (idx, cw)
            self.pools[key] = p
        return p

    def draw(self, rng, pool, k, seen, out):
        idx, cw = pool
        if not idx:
            return
        k = min(k, len(idx))
        goal = len(out) + k
        for _ in range(8):
            need = goal - len(out)
            if need <= 0:
                return
            for a in rng.choices(idx, cum_weights=cw, k=need + need // 3 + 2):
                if a not in seen:
                    seen.add(a)
                    out.append(a)
                    if len(out) >= goal:
                        return

    # ------------------------------------------------------------ committees
    def new_committee(self, rng, muni, kind=None, themes=None, name=None):
        c = Committee()
        c.idx = len(self.committees)
        if kind is None:
            kind = weighted(rng, [(k[0], k[1]) for k in KINDS])
        c.kind = kind
        kinfo = [k for k in KINDS if k[0] == kind][0]
        c.muni = muni
        if themes is None:
            themes = self.pick_themes(rng)
        c.themes = themes
        label = {t[0]: t[1] for t in THEMES}
        place = self.towns[muni] if muni is not None else self.region
        if name is None:
            where = place if rng.random() < 0.6 or muni is None else rng.choice(self.districts[muni])
            name = "%s %s %s" % (rng.choice(kinfo[2]), label[themes[0]] if themes else "Integration", where)
        c.name = name
        code = self.codes[muni] if muni is not None else "land"
        c.id = self.new_id("%s-%s-%s-%d" % (kinfo[3], code, (themes[0] if themes else "x").replace("_", "")[:10], c.idx))
        c.ad_hoc = False
        c.lead = None
        c.status = "active"
        c.founded = self.day(rng.randrange(60, 12000)) if rng.random() < 0.85 else None
        c.ends = None
        c.last_met = None
        c.meets = weighted(rng, FREQUENCIES) if rng.random() < 0.85 else None
        c.parent = None
        c.district = rng.choice(self.districts[muni]) if muni is not None and rng.random() < 0.35 else None
        c.note = rng.choice(["Protokolle im Intranet", "tagt im Rathaus, Raum 204",
                             "Geschäftsführung wechselt jährlich", "gemeinsam mit dem Landkreis",
                             "Zusammenlegung mit dem Forum geprüft"]) if rng.random() < 0.08 else None
        c.x = ("x-budget-line", "HH-%04d" % rng.randrange(10000)) if rng.random() < 0.02 else None
        c.members = []
        c.roles = {}
        c.role_word = {}
        self.committees.append(c)
        return c

    def voiceless(self, c):
        return VOICELESS_THEME in c.themes

    def set_dates(self, c, rng):
        """Status, meetings and ad-hoc dates, with the review reasons in proportion."""
        r = rng.random()
        if r < 0.035:
            c.status = "dissolved"
            c.last_met = self.day(rng.randrange(400, 3000)) if rng.random() < 0.5 else None
        elif r < 0.065:
            c.status = "dormant"
            c.last_met = self.day(rng.randrange(200, 1500)) if rng.random() < 0.7 else None
        else:
            if rng.random() < 0.05:
                c.last_met = self.day(rng.randrange(366, 1600))      # stale
                self.count("stale committees planted")
            elif rng.random() < 0.85:
                c.last_met = self.day(rng.randrange(0, 200))
        if c.founded and c.last_met and c.last_met < c.founded:
            c.founded = c.last_met - datetime.timedelta(days=rng.randrange(30, 900))
        if rng.random() < 0.10:
            c.ad_hoc = True
            c.founded = self.day(rng.randrange(30, 1600))
            if rng.random() < 0.45:  # planned end, some passed (overdue)
                c.ends = c.founded + datetime.timedelta(days=rng.randrange(120, 1500))
        elif rng.random() < 0.03:
            c.ends = self.today + datetime.timedelta(days=rng.randrange(30, 1500))
        if c.last_met and c.founded and c.last_met < c.founded:
            c.last_met = None

    def assign_members(self, c, rng, size, hubs=True):
        seen = set()
        out = []
        voiceless = self.voiceless(c)
        if hubs:
            keys = [None] if c.muni is None else [c.muni, None]
            for key in keys:
                for a, share, themes in self.hubs[key]:
                    if voiceless and a.type in VOICES:
                        continue
                    p = share * self.affinity(themes, c.themes)
                    if rng.random() < min(0.95, p):
                        seen.add(a.idx)
                        out.append(a.idx)
        # Half the members from actors on the committee's first theme.
        theme = c.themes[0] if c.themes else None
        n_hubs = len(out)
        self.draw(rng, self.pool(c.muni, theme, voiceless), size // 2, seen, out)
        for _ in range(3):
            short = size - (len(out) - n_hubs)
            if short <= 0:
                break
            self.draw(rng, self.pool(c.muni, None, voiceless), short, seen, out)
        c.members = out

    def give_roles(self, c, rng, guests=True):
        """Chair, lead and guests among c.members, as c.roles (idx -> rank)."""
        c.roles = {a: ROLE_RANK["member"] for a in c.members}
        if not c.members:
            return
        if rng.random() < 0.5:
            c.roles[c.members[rng.randrange(len(c.members))]] = ROLE_RANK["chair"]
        if rng.random() < 0.4:
            # Usually the administration leads.
            lead = c.members[0] if self.actors[c.members[0]].hub and rng.random() < 0.7 \
                else c.members[rng.randrange(len(c.members))]
            c.roles[lead] = ROLE_RANK["lead"]
            c.lead = lead
        if guests:
            for a in c.members:
                if c.roles[a] == ROLE_RANK["member"] and rng.random() < 0.035:
                    c.roles[a] = ROLE_RANK["guest"]

    def core(self, c):
        """M(c): members with a role other than guest."""
        return [a for a in c.members if c.roles.get(a, 1) > 0]

    def add_guest_outsiders(self, c, rng, k):
        """Guests who are not in M(c) of any related committee: they change nothing."""
        idx, cw = self.pool(c.muni, None, False)
        if not idx:
            return
        have = set(c.members)
        for a in rng.choices(idx, cum_weights=cw, k=k):
            if a not in have:
                have.add(a)
                c.members.append(a)
                c.roles[a] = ROLE_RANK["guest"]

    def derive(self, rng, base, members, themes, name, kind=None):
        c = self.new_committee(rng, base.muni, kind=kind or base.kind, themes=list(themes), name=name)
        c.district = base.district
        c.members = list(members)
        c.roles = {a: ROLE_RANK["member"] for a in c.members}
        if c.members and rng.random() < 0.5:
            c.roles[c.members[rng.randrange(len(c.members))]] = ROLE_RANK["chair"]
        self.set_dates(c, rng)
        if c.status == "dissolved":
            c.status = "active"
        return c

    # Planted structures per municipality, as shares of its committees, and
    # how many committees each one adds.
    PLANTS = {"dup_pairs": (0.015, 1), "dup_chains": (0.005, 2), "nested": (0.01, 1),
              "nested_parent": (0.008, 1), "overlap": (0.012, 1),
              "single_type": (0.01, 1), "subgroups": (0.02, 1)}
    ONCE = 14   # committees made by plant_once

    def make_committees(self):
        rng = self.rng("committees")
        n_total = self.args.committees
        n_munis = len(self.towns)
        n_regional = int(n_total * 0.03) if n_munis > 1 else 0
        per_muni = [int((n_total - n_regional) * share) for share in self.muni_share]
        per_muni[0] += n_total - n_regional - sum(per_muni)
        plants, base_counts = [], []
        for m, pm in enumerate(per_muni):
            p = {k: max(1, int(round(pm * f))) for k, (f, _) in self.PLANTS.items()}
            plants.append(p)
            made = sum(p[k] * self.PLANTS[k][1] for k in p) + (self.ONCE if m == 0 else 0)
            base_counts.append(max(4, pm - made))
        n_base = sum(base_counts) + n_regional

        # Sizes: a log-normal body (median about 11) and a Pareto tail of
        # networks, scaled so that the memberships come near the target.
        raw = []
        for _ in range(n_base):
            if rng.random() < 0.06:
                raw.append(min(2500.0, 100 * rng.paretovariate(1.2)))
            else:
                raw.append(max(3.0, rng.lognormvariate(math.log(11), 0.8)))
        budget = max(n_base * 3, self.args.memberships - n_total * self.hub_seats())
        order = [m for m in range(n_munis) for _ in range(base_counts[m])] + [None] * n_regional
        caps = {m: max(3, min(2000, int(len(self.pool(m, None, False)[0]) * 0.4))) for m in set(order)}
        factor = budget / sum(raw)
        for _ in range(4):  # the caps cut the tail: scale the rest up
            sizes = [min(caps[m], max(2, int(round(r * factor)))) for r, m in zip(raw, order)]
            factor *= budget / sum(sizes)
        self.stats["size scale factor"] = round(factor, 3)

        label = {t[0]: t[1] for t in THEMES}
        si = 0
        bases = {m: [] for m in range(n_munis)}
        for m in list(range(n_munis)) + [None]:
            count = base_counts[m] if m is not None else n_regional
            for _ in range(count):
                c = self.new_committee(rng, m)
                self.set_dates(c, rng)
                size = sizes[si]
                si += 1
                if size >= 100 and rng.random() < 0.7:
                    c.kind = "network"
                    c.name = "Netzwerk %s %s" % (label[c.themes[0]], self.towns[m] if m is not None else self.region)
                self.assign_members(c, rng, size)
                self.give_roles(c, rng)
                if c.status == "dissolved":
                    self.count("dissolved committees")
                    if c.members:
                        self.count("warning: dissolved committee with memberships")
                elif m is not None:
                    bases[m].append(c)
        self.count("regional committees", n_regional)

        for m in range(n_munis):
            self.plant_committees(rng, m, bases[m], plants[m])
        self.plant_once(rng, bases[0])

    def hub_seats(self):
        """Expected hub memberships per committee, for sizing the rest."""
        rng = self.rng("hub-seats")
        scratch = Committee()
        total = 0.0
        for _ in range(400):
            scratch.themes = self.pick_themes(rng)
            for _, _, share, themes in MUNICIPAL_HUBS + REGIONAL_HUBS:
                total += min(0.95, share * self.affinity(themes, scratch.themes))
        return total / 400

    @staticmethod
    def affinity(hub_themes, themes):
        if not hub_themes:
            return 1.0
        return 1.6 if set(hub_themes) & set(themes) else 0.8

    def pick_themes(self, rng):
        k = 1 + (rng.random() < 0.4) + (rng.random() < 0.15)
        themes = []
        while len(themes) < k:
            t = weighted(rng, [(t[0], t[2]) for t in COMMITTEE_THEMES])
            if t not in themes:
                themes.append(t)
        return themes

    def pick_base(self, rng, bases, lo, hi):
        for _ in range(50):
            b = bases[rng.randrange(len(bases))]
            n = len(self.core(b))
            if lo <= n <= hi and b.status != "dissolved":
                return b
        return None

    def plant_committees(self, rng, m, bases, n):
        label = {t[0]: t[1] for t in THEMES}
        town = self.towns[m]
        # Near-duplicates: the same members give or take one, the same themes.
        for i in range(n["dup_pairs"] + n["dup_chains"]):
            chain = i >= n["dup_pairs"]
            b = self.pick_base(rng, bases, 8, 40)
            if b is None:
                continue
            prev = b
            for step in range(2 if chain else 1):
                core = self.core(prev)
                keep = core[:]
                keep.pop(rng.randrange(1, len(keep)))
                extra = []
                self.draw(rng, self.pool(m, prev.themes[0], self.voiceless(prev)), 1, set(core), extra)
                name = "%s %s %s" % (rng.choice(["Netzwerk", "Arbeitskreis", "Runder Tisch"]),
                                     label[prev.themes[0]], town)
                d = self.derive(rng, prev, keep + extra, prev.themes, name)
                self.add_guest_outsiders(d, rng, 1)
                prev = d
            self.count("near-duplicate committee chains of three planted" if chain
                       else "near-duplicate committee pairs planted")
        # Nested sub-groups without parent: members and themes a subset.
        for i in range(n["nested"] + n["nested_parent"]):
            with_parent = i >= n["nested"]
            b = self.pick_base(rng, bases, 8, 200)
            if b is None:
                continue
            # Ordinary actors only: a sub-group of hubs would sit inside
            # half the municipality's groups.
            core = self.core(b)
            plain = [a for a in core if not self.actors[a].hub]
            if len(plain) < 3:
                continue
            k = rng.randrange(3, max(4, min(12, len(core) // 2, len(plain))))
            sub = rng.sample(plain, k)
            name = "Unterarbeitsgruppe %s %s" % (label[b.themes[0]], rng.choice(self.districts[m]))
            d = self.derive(rng, b, sub, b.themes[:1], name, kind="working_group")
            if with_parent:
                d.parent = b.idx
            self.count("nested sub-groups planted (%s parent)" % ("with" if with_parent else "without"))
        # Overlapping groups: about half the members shared, other themes.
        for _ in range(n["overlap"]):
            b = self.pick_base(rng, bases, 10, 60)
            if b is None:
                continue
            core = self.core(b)
            themes = [t[0] for t in COMMITTEE_THEMES if t[0] not in b.themes][:]
            theme = themes[rng.randrange(len(themes))]
            keep = rng.sample(core, (len(core) * 3) // 5)
            if theme == VOICELESS_THEME:
                keep = [a for a in keep if self.actors[a].type not in VOICES]
            extra = []
            self.draw(rng, self.pool(m, theme, theme == VOICELESS_THEME), len(core) // 3, set(core), extra)
            name = "%s %s %s" % (rng.choice(["Forum", "Arbeitskreis", "Netzwerk"]), label[theme], town)
            self.derive(rng, b, keep + extra, [theme], name)
            self.count("overlapping committee pairs planted")
        # Single-type committees: no cross-sector cooperation.
        for _ in range(n["single_type"]):
            typ, title = rng.choice([("religious_community", "Runder Tisch der Religionen"),
                                     ("migrant_organisation", "Netzwerk der Migrantenorganisationen"),
                                     ("school", "Schulleitungsrunde"),
                                     ("club", "Sportvereinsrunde"),
                                     ("chamber", "Kammerrunde")])
            key = (m, typ)
            if key not in self.by_type:
                self.by_type[key] = [a.idx for a in self.by_muni[m] if a.type == typ]
            same = self.by_type[key]
            if len(same) < 3:
                continue
            c = self.new_committee(rng, m, kind="round_table",
                                   themes=["culture"] if typ != "chamber" else ["vocational_training"],
                                   name="%s %s" % (title, town))
            self.set_dates(c, rng)
            c.status = "active"
            c.members = rng.sample(same, min(len(same), rng.randrange(3, 9)))
            c.roles = {a: ROLE_RANK["member"] for a in c.members}
            # A guest of another type leaves it single-type.
            hub = self.hubs[m][0][0]
            c.members.append(hub.idx)
            c.roles[hub.idx] = ROLE_RANK["guest"]
            self.count("single-type committees planted")
        # Declared sub-groups, partly drawn from their parent.
        for _ in range(n["subgroups"]):
            b = self.pick_base(rng, bases, 6, 2000)
            if b is None:
                continue
            core = self.core(b)
            keep = rng.sample(core, max(2, len(core) // 4))
            if len(keep) > 15:
                keep = keep[:15]
            extra = []
            self.draw(rng, self.pool(m, b.themes[0], self.voiceless(b)), rng.randrange(1, 6), set(core), extra)
            name = "Projektgruppe %s %s" % (label[b.themes[0]], rng.choice(self.districts[m]))
            d = self.derive(rng, b, keep + extra, b.themes[:2], name, kind="working_group")
            d.parent = b.idx
            if rng.random() < 0.3:
                d.ad_hoc = True
            self.count("declared sub-groups planted (parent)")

    def plant_once(self, rng, bases):
        """Findings and warnings planted once per dataset, in the first municipality."""
        m = 0
        town = self.towns[m]
        b = self.pick_base(rng, bases, 8, 300) or bases[0]
        core = [a for a in self.core(b) if not self.actors[a].hub] or self.core(b)
        everyone = self.pool(m, None, False)

        def some(k):
            out = []
            self.draw(rng, everyone, k, set(), out)
            return out

        def mk(name, days_founded=None, ad_hoc=False, ends=None, last_met=None, status="active",
               members=None, parent=None, themes=None):
            c = self.new_committee(rng, m, kind="working_group", themes=themes or b.themes[:1], name=name)
            c.status = status
            c.ad_hoc = ad_hoc
            c.founded = self.day(days_founded) if days_founded is not None else None
            c.ends = ends
            c.last_met = last_met
            c.members = list(members if members is not None else some(4))
            c.roles = {a: ROLE_RANK["member"] for a in c.members}
            c.parent = parent
            return c

        t = self.today
        D = datetime.timedelta
        mk("AG Stichtag 365 Tage %s" % town, last_met=t - D(days=365))
        self.count("boundary: last_met exactly 365 days ago (not stale)")
        mk("AG Stichtag 366 Tage %s" % town, last_met=t - D(days=366))
        self.count("boundary: last_met 366 days ago (stale)")
        mk("Ad-hoc-AG 730 Tage %s" % town, days_founded=730, ad_hoc=True, last_met=t - D(days=20))
        self.count("boundary: ad hoc founded exactly 730 days ago (not long-running)")
        mk("Ad-hoc-AG 731 Tage %s" % town, days_founded=731, ad_hoc=True, last_met=t - D(days=20))
        self.count("boundary: ad hoc founded 731 days ago (long_running_ad_hoc)")
        mk("Ad-hoc-AG endet heute %s" % town, days_founded=200, ad_hoc=True, ends=t, last_met=t - D(days=3))
        self.count("boundary: ad hoc ends today (not overdue)")
        mk("Ad-hoc-AG endete gestern %s" % town, days_founded=200, ad_hoc=True, ends=t - D(days=1),
           last_met=t - D(days=9))
        self.count("boundary: ad hoc ended yesterday (overdue_ad_hoc)")
        mk("Ad-hoc-AG ruhend und überfällig %s" % town, days_founded=900, ad_hoc=True,
           ends=t - D(days=100), status="dormant")
        self.count("dormant and overdue ad hoc (two reasons)")
        mk("Ad-hoc-AG vergessen %s" % town, days_founded=2000, ad_hoc=True, last_met=t - D(days=800))
        self.count("stale and long-running ad hoc (two reasons)")
        mk("AG Termin in der Zukunft %s" % town, last_met=t + D(days=14))
        self.count("warning: last_met after today")
        mk("AG Ende vor Gründung %s" % town, days_founded=100, ends=t - D(days=400))
        self.count("warning: ends before founded")
        mk("AG ohne Mitglieder %s" % town, members=[])
        self.count("warning: active committee without members")
        # A parent chain through a dissolved committee: the grandchild's
        # members are all in the grandparent, which is still its ancestor.
        three = rng.sample(core, min(3, len(core)))
        mid = mk("Arbeitskreis aufgelöst %s" % town, status="dissolved", members=three,
                 parent=b.idx, themes=b.themes[:1])
        self.count("dissolved committees")
        self.count("warning: dissolved committee with memberships")
        mk("Unter-Unterarbeitsgruppe %s" % town, members=three, parent=mid.idx, themes=b.themes[:1])
        self.count("nested chain through a dissolved parent (not nested)")
        # A dissolved committee without members: no warning.
        mk("Alter Beirat %s" % town, status="dissolved", members=[])
        self.count("dissolved committees")
        # Guests of the voice types on the voiceless theme leave the voice missing.
        for c in self.committees:
            if self.voiceless(c) and c.muni == 0 and c.status != "dissolved":
                pool = self.pool(0, None, False)[0]
                voice = [a for a in pool if self.actors[a].type in VOICES][:1]
                if voice and voice[0] not in c.roles:
                    c.members.append(voice[0])
                    c.roles[voice[0]] = ROLE_RANK["guest"]
                    self.count("voice guests on the voiceless theme")
                    break

    # ---------------------------------------------------------- memberships
    def place_memberships(self):
        """Decide where each pair is written; some twice, a few in conflict."""
        rng = self.rng("places-of-pairs")
        style = self.args.style
        weights = {"mixed": [("committee", 45), ("actor", 25), ("table", 30)],
                   "committee": [("committee", 1)], "actor": [("actor", 1)],
                   "table": [("table", 1)]}[style]
        self.table = []
        names = ["guest", "member", "chair", "lead"]
        n_pairs = 0
        for c in self.committees:
            c.written = []
            for a in c.members:
                rank = c.roles[a]
                n_pairs += 1
                self.count("memberships as %s" % names[rank])
                since = None
                if rng.random() < 0.25:
                    start = c.founded or self.day(6000)
                    span = max(1, (self.today - start).days)
                    since = start + datetime.timedelta(days=rng.randrange(span))
                if rank == ROLE_RANK["lead"] and c.lead == a:
                    # `lead:` on the committee is the written role; sometimes
                    # the lead is also listed without a role.
                    if rng.random() < 0.3:
                        self.write(rng, weighted(rng, weights), c, a, None, since)
                    continue
                # Members mostly without a role; some say `role: member`.
                word = names[rank] if rank != ROLE_RANK["member"] or rng.random() < 0.2 else None
                place = weighted(rng, weights)
                self.write(rng, place, c, a, word, since)
                r = rng.random()
                if style == "mixed" and r < 0.03:
                    # The same pair written again: no role, or the same role.
                    other = weighted(rng, weights)
                    again = None if rank > ROLE_RANK["guest"] and rng.random() < 0.6 else word or "member"
                    if word is None and again == "member" and rank == ROLE_RANK["member"]:
                        again = None
                    self.write(rng, other, c, a, again, None)
                    self.count("pairs written twice (no conflict)")
                elif style == "mixed" and r < 0.033 and rank in (ROLE_RANK["member"], ROLE_RANK["chair"]):
                    weaker = names[rank - 1]
                    if word is None:
                        # Make the first write explicit so that two written roles differ.
                        self.rewrite_last(c, a, place, names[rank])
                    self.write(rng, weighted(rng, weights), c, a, weaker, None)
                    self.count("warning: conflicting written roles for one pair")
        self.stats["memberships (pairs)"] = n_pairs

    def write(self, rng, place, c, a, role, since):
        entry = (a, c.idx, role, since)
        if place == "committee":
            c.written.append(entry)
        elif place == "actor":
            self.actors[a].member_of.append(entry)
        else:
            self.table.append(entry)

    def rewrite_last(self, c, a, place, role):
        lst = c.written if place == "committee" else \
            self.actors[a].member_of if place == "actor" else self.table
        e = lst[-1]
        lst[-1] = (e[0], e[1], role, e[3])

    # ---------------------------------------------------------------- output
    def emit_actor(self, a, out, rng):
        out.append("  - id: %s\n    name: %s\n    type: %s\n" % (a.id, q(a.name), a.type))
        if a.themes:
            out.append("    themes: [%s]\n" % ", ".join(a.themes))
        if a.district:
            out.append("    district: %s\n" % q(a.district))
        if a.member_of:
            ms = a.member_of
            if len(ms) <= 4 and all(e[2] is None and e[3] is None for e in ms) and rng.random() < 0.3:
                out.append("    member_of: [%s]\n" % ", ".join(self.committees[e[1]].id for e in ms))
            else:
                out.append("    member_of:\n")
                for _, ci, role, since in ms:
                    cid = self.committees[ci].id
                    if role is None and since is None:
                        out.append("      - %s\n" % cid)
                    else:
                        out.append("      - {committee: %s%s%s}\n" % (
                            cid, ", role: %s" % role if role else "",
                            ", since: %s" % since.isoformat() if since else ""))
        if a.contact:
            out.append("    contact:\n")
            for k, v in a.contact:
                out.append("      %s: %s\n" % (k, q(v)))
        if a.website:
            out.append("    website: %s\n" % q(a.website))
        if a.note:
            out.append("    note: %s\n" % q(a.note))
        if a.x:
            out.append("    %s: %s\n" % (a.x[0], q(a.x[1])))

    def emit_committee(self, c, out, rng):
        out.append("  - id: %s\n    name: %s\n    kind: %s\n" % (c.id, q(c.name), c.kind))
        if c.ad_hoc:
            out.append("    ad_hoc: %s\n" % rng.choice(["true", "true", "yes", "True", '"yes"']))
        elif rng.random() < 0.1:
            out.append("    ad_hoc: %s\n" % rng.choice(["false", "no", "False"]))
        if c.themes:
            out.append("    themes: [%s]\n" % ", ".join(c.themes))
        if c.lead is not None:
            out.append("    lead: %s\n" % self.actors[c.lead].id)
        if c.status != "active" or rng.random() < 0.2:
            out.append("    status: %s\n" % c.status)
        for key in ("founded", "ends", "last_met"):
            v = getattr(c, key)
            if v is not None:
                out.append("    %s: %s\n" % (key, v.isoformat()))
        if c.meets:
            out.append("    meets: %s\n" % c.meets)
        if c.parent is not None:
            out.append("    parent: %s\n" % self.committees[c.parent].id)
        if c.district:
            out.append("    district: %s\n" % q(c.district))
        if c.note:
            out.append("    note: %s\n" % q(c.note))
        if c.x:
            out.append("    %s: %s\n" % (c.x[0], q(c.x[1])))
        if c.written:
            out.append("    members:\n")
            for a, _, role, since in c.written:
                aid = self.actors[a].id
                if role is None and since is None:
                    out.append("      - %s\n" % aid)
                else:
                    out.append("      - {actor: %s%s%s}\n" % (
                        aid, ", role: %s" % role if role else "",
                        ", since: %s" % since.isoformat() if since else ""))

    def emit_membership(self, e, out, rng):
        a, ci, role, since = e
        aid, cid = self.actors[a].id, self.committees[ci].id
        if rng.random() < 0.08:
            out.append("  - actor: %s\n    committee: %s\n" % (aid, cid))
            if role:
                out.append("    role: %s\n" % role)
            if since:
                out.append("    since: %s\n" % since.isoformat())
        else:
            out.append("  - {actor: %s, committee: %s%s%s}\n" % (
                aid, cid, ", role: %s" % role if role else "",
                ", since: %s" % since.isoformat() if since else ""))

    def file_names(self, n):
        names = []
        for k in range(n):
            if n > 1 and k % 4 == 3:
                names.append("sub/part-%03d.yml" % k)
            elif n > 1 and k % 8 == 6:
                names.append("sub/deeper/part-%03d.yaml" % k)
            else:
                names.append("part-%03d.yaml" % k)
        return names

    def write_all(self, target):
        rng = self.rng("output")
        n = self.args.split
        single = target.endswith((".yaml", ".yml"))
        if single:
            n = 1
        parts = [{"actors": [], "committees": [], "memberships": []} for _ in range(n)]
        for a in self.actors:
            parts[rng.randrange(n)]["actors"].append(a)
        for c in self.committees:
            parts[rng.randrange(n)]["committees"].append(c)
        for e in self.table:
            parts[rng.randrange(n)]["memberships"].append(e)
        names = ["" if single else f for f in self.file_names(n)]
        total = 0
        order = sorted(range(n), key=lambda k: os.fsencode(names[k]))
        for rank, k in enumerate(order):
            out = []
            if k == n - 1 and n > 2:
                out.append("\ufeff")  # a spreadsheet export's byte-order mark
            out.append("# netmap benchmark dataset: bench/gen.py --scale %s --seed %d, file %d of %d\n"
                       % (self.args.scale, self.seed, k + 1, n))
            out.append("netmap: 1\n")
            if rank == 0:
                out.append("dataset: %s\n" % q(self.dataset_name()))
                out.append("x-generator: {program: bench/gen.py, seed: %d, today: %s}\n"
                           % (self.seed, self.today.isoformat()))
                out.append("settings:\n  duplicate_jaccard: 0.6\n  duplicate_theme_jaccard: 0.5\n"
                           "  overlap_jaccard: 0.3\n  min_shared: 2\n  max_load: 6\n"
                           "  stale_days: 365\n  ad_hoc_days: 730\n"
                           "  voices: [migrant_organisation, volunteer_initiative]\n")
                out.append("themes:\n")
                for i, (tid, label, _) in enumerate(THEMES):
                    out.append("  - {id: %s, label: %s}\n" % (tid, q(label)) if i % 5 else "  - %s\n" % tid)
            p = parts[k]
            if p["actors"]:
                out.append("actors:\n")
                for a in p["actors"]:
                    self.emit_actor(a, out, rng)
            if p["committees"]:
                out.append("---\n# committees\ncommittees:\n")
                for c in p["committees"]:
                    self.emit_committee(c, out, rng)
            if p["memberships"]:
                out.append("---\nmemberships:\n")
                for e in p["memberships"]:
                    self.emit_membership(e, out, rng)
            if k == 1:
                out.append("---\n# nothing here yet: an empty document\n")
            data = "".join(out).encode("utf-8")
            total += len(data)
            path = target if single else os.path.join(target, names[k])
            d = os.path.dirname(path)
            if d:
                os.makedirs(d, exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        if not single:
            # Files a data repository has beside its data: netmap skips them.
            gh = os.path.join(target, ".github", "workflows")
            os.makedirs(gh, exist_ok=True)
            with open(os.path.join(gh, "netmap.yml"), "w", encoding="utf-8") as f:
                f.write("name: netmap\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n"
                        "    steps:\n      - uses: actions/checkout@v4\n"
                        "      - run: netmap validate --format github .\n")
            with open(os.path.join(target, "gen-stats.json"), "w", encoding="utf-8") as f:
                json.dump(self.summary(total, n), f, indent=1, sort_keys=True, ensure_ascii=False)
                f.write("\n")
        return total, n

    def dataset_name(self):
        if len(self.towns) == 1:
            return "Stadt %s (synthetisch, seed %d)" % (self.towns[0], self.seed)
        return "Land %s, %d Kommunen (synthetisch, seed %d)" % (self.region, len(self.towns), self.seed)

    def summary(self, nbytes, nfiles):
        per_actor = {}
        per_committee = []
        for c in self.committees:
            per_committee.append(len(c.members))
            if c.status == "dissolved":
                continue
            for a in c.members:
                per_actor[a] = per_actor.get(a, 0) + 1
        hubs = sorted(((n, self.actors[a].id) for a, n in per_actor.items()), reverse=True)[:8]
        per_committee.sort()
        s = dict(self.stats)
        s.update({
            "actors": len(self.actors),
            "committees": len(self.committees),
            "analysed committees": sum(1 for c in self.committees if c.status != "dissolved"),
            "municipalities": len(self.towns),
            "themes declared": len(THEMES),
            "themes on no committee": [t[0] for t in THEMES if t[2] == 0],
            "missing voice planted on theme": VOICELESS_THEME,
            "committee size median": per_committee[len(per_committee) // 2] if per_committee else 0,
            "committee size max": per_committee[-1] if per_committee else 0,
            "committees with 100+ members": sum(1 for n in per_committee if n >= 100),
            "top hubs (committees)": ["%s=%d" % (i, n) for n, i in hubs],
            "actors in more than 6 analysed committees": sum(1 for n in per_actor.values() if n > 6),
            "actors with no analysed membership": len(self.actors) - len(per_actor),
            "files": nfiles,
            "bytes": nbytes,
            "today": self.today.isoformat(),
        })
        return s


def main():
    ap = argparse.ArgumentParser(
        description="netmap's generator of synthetic benchmark datasets (contract v1). "
                    "Same arguments, same bytes.",
        epilog="Scales (actors / committees / memberships, default split): "
               + "; ".join("%s %d/%d/%d, %d" % ((k,) + v) for k, v in SCALES.items()))
    ap.add_argument("--scale", choices=list(SCALES), default="city")
    ap.add_argument("--actors", type=int, help="override the scale's actor count")
    ap.add_argument("--committees", type=int, help="override the scale's committee count")
    ap.add_argument("--memberships", type=int, help="target memberships (approximate)")
    ap.add_argument("--municipalities", type=int, help="default: one per 5,000 actors")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--split", type=int, help="number of files (default per scale)")
    ap.add_argument("--style", choices=["mixed", "committee", "actor", "table"], default="mixed",
                    help="where memberships are written (default mixed: all three places)")
    ap.add_argument("--today", default="2026-11-26",
                    help="the day the review dates are planted around (YYYY-MM-DD)")
    ap.add_argument("--stats", action="store_true", help="print what was generated to stderr")
    ap.add_argument("out", metavar="OUTDIR_OR_FILE",
                    help="a directory (created), or one file ending in .yaml/.yml")
    args = ap.parse_args()
    a, c, m, split = SCALES[args.scale]
    args.actors = args.actors if args.actors is not None else a
    args.committees = args.committees if args.committees is not None else c
    args.memberships = args.memberships if args.memberships is not None else m
    args.split = max(1, args.split if args.split is not None else split)
    if args.municipalities is None:
        args.municipalities = max(1, int(round(args.actors / 5000.0)))
    if args.actors < 40 or args.committees < 16:
        ap.error("at least 40 actors and 16 committees")
    if args.actors < args.municipalities * 40:
        ap.error("at least 40 actors a municipality")
    try:
        args.today = datetime.date.fromisoformat(args.today)
    except ValueError:
        ap.error("--today wants YYYY-MM-DD")

    g = Gen(args)
    g.make_places()
    g.make_actors()
    g.make_committees()
    g.place_memberships()
    if not args.out.endswith((".yaml", ".yml")):
        os.makedirs(args.out, exist_ok=True)
    nbytes, nfiles = g.write_all(args.out)
    if args.stats:
        for k, v in sorted(g.summary(nbytes, nfiles).items()):
            print("%s: %s" % (k, v), file=sys.stderr)
    print("gen.py: wrote %d file(s), %.1f MB: %d actors, %d committees, %d memberships"
          % (nfiles, nbytes / 1e6, len(g.actors), len(g.committees),
             g.stats.get("memberships (pairs)", 0)), file=sys.stderr)


if __name__ == "__main__":
    main()
