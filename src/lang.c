/* lang: the built-in catalogs (doc/languages.md) and the lookups over them.
 *
 * Month names and abbreviations are CLDR's (Unicode CLDR 41 as Debian's python3-babel 2.10
 * ships it; de and pt checked again against CLDR 45 and 48, unchanged): `axis` is the
 * stand-alone abbreviated form (LLL), `date` the format abbreviated form (MMM) that the
 * yMMM pattern puts before or after the year (given only where the two differ), and the date
 * patterns follow CLDR's y, yMMM and yMMMd (English keeps "3 Mar 2019", the day-first order it has
 * always written). Group names are the usual CV section titles of each language; seasons, "present"
 * and the reading variants are not in CLDR and were chosen from CV usage.
 *
 * Reading words (`read_*`) are written folded (lang_fold: no case, no accents), one
 * space-separated list per month or season; the present phrases are "|"-separated since
 * some have spaces. tests/unit/test-lang.c checks that every written form reads back. */
#include "lang.h"

#include <string.h>

/* CLDR's cardinal plural rules, for the integers a length is counted in: which of a count
 * word's forms a number takes. */
typedef enum {
  LANG_PLURAL_ONE,      /* one: 1; other: the rest (English, German, Spanish, ...) */
  LANG_PLURAL_ZERO_ONE, /* one: 0 and 1 (French; Portuguese as Brazil writes it) */
  LANG_PLURAL_POLISH,   /* one: 1; few: 2-4, 22-24, ... but not 12-14; many: the rest */
} LangPlural;

typedef struct {
  const char *code;    /* ISO 639-1 */
  LangPlural plural;   /* languages whose count words have one form need none */
  const char *name;    /* its own name */
  const char *english; /* its English name */
  const char *aliases; /* other names lang_find accepts, folded, space-separated */
  const char *axis[12];
  const char *date[12];   /* where it differs from axis (German), else left out */
  const char *seasons[4]; /* winter, spring, summer, autumn */
  const char *words[LANG_N_WORDS];
  const char *read_months[12];
  const char *read_seasons[4];
  const char *read_present;
  const char *year_joiner; /* folded, or NULL */
} LangCatalog;

static const LangCatalog
    lang_catalogs[] =
        {
            {
                .code = "en",
                .name = "English",
                .english = "English",
                .aliases = "english",
                .axis = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                         "Nov", "Dec"},
                .seasons = {"winter", "spring", "summer", "autumn"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "Experience",
                        [LANG_GROUP_EDUCATION] = "Education",
                        [LANG_GROUP_VISITING] = "Visiting",
                        [LANG_TODAY] = "today",
                        [LANG_PRESENT] = "present",
                        [LANG_UNTITLED] = "untitled",
                        [LANG_MILESTONES] = "Milestones",
                        [LANG_AND] = " and ",
                        [LANG_YEAR] = "{y}",
                        [LANG_MONTH_YEAR] = "{m} {y}",
                        [LANG_DAY_MONTH_YEAR] = "{d} {m} {y}",
                        [LANG_SEASON_YEAR] = "{s} {y}",
                        [LANG_ABOUT] = "about {x}",
                        [LANG_SPAN] = "{a} to {b}",
                        [LANG_ONGOING] = "{a} to {p}",
                        [LANG_DAYS_SPAN] = "{d} to {b}",
                        [LANG_TIMELINE] = "Career timeline",
                        [LANG_TIMELINE_OF] = "{n}: career timeline",
                        [LANG_YEARS] = " from {a} to {b}",
                        [LANG_ONE_YEAR] = ", {y}",
                        [LANG_ROLE_OF] = "Role {i} of {n}",
                        [LANG_AFTER] = "after {t}",
                        [LANG_BEFORE] = "before {t}",
                        [LANG_COLON] = ": ",
                        [LANG_COMMA] = ", ",
                        [LANG_SEMICOLON] = "; ",
                        [LANG_STOP] = ".",
                        [LANG_N_YEARS] = "{n} y",
                        [LANG_N_MONTHS] = "{n} m",
                        [LANG_N_DAYS] = "{n} d",
                        [LANG_LENGTH_JOIN] = " ",
                        [LANG_ABOUT_LENGTH] = "about {x}",
                        [LANG_ASIDE] = " ({x})",
                        [LANG_SUMMARY] = "Career summary",
                        [LANG_SUMMARY_OF] = "{n}: career summary",
                        [LANG_SUMMARY_TODAY] = "Periods still going on are counted to today, {d}.",
                        [LANG_SUMMARY_RANGE] = "Counted only from {a} to {b} (--from/--to).",
                        [LANG_SUMMARY_GROUPS] = "Groups counted: {g}.",
                        [LANG_SUMMARY_WHOLE] = "Whole CV",
                        [LANG_SUMMARY_EMPTY] = "nothing to count",
                        [LANG_SUMMARY_LONGEST] = "Longest tenure",
                        [LANG_SUMMARY_OVERLAPS] = "Two or more at once",
                        [LANG_SUMMARY_UP_TO] = "up to {n} at once",
                        [LANG_SUMMARY_GAPS] = "Gaps longer than {t}",
                        [LANG_SUMMARY_NONE] = "none",
                        [LANG_SUMMARY_AROUND] = "after {a}, before {b}",
                        [LANG_SUMMARY_NOTE] =
                            "\"{x}\": the length hangs on a date given as approximate, or only as "
                            "a year, a season or an academic year (counted in full).",
                        [LANG_GAP] = "Gap",
                        [LANG_GAPS] = "Gaps",
                    },
                .read_months = {"jan january", "feb february", "mar march", "apr april", "may",
                                "jun june", "jul july", "aug august", "sep sept september",
                                "oct october", "nov november", "dec december"},
                .read_seasons = {"winter", "spring", "summer", "autumn fall"},
                /* `current`: JSON Resume files in the wild write "endDate": "Current". */
                .read_present = "present|now|ongoing|today|current",
            },
            {
                .code = "de",
                .name = "Deutsch",
                .english = "German",
                .aliases = "german deutsch",
                .axis = {"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt",
                         "Nov", "Dez"},
                .date = {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.",
                         "Okt.", "Nov.", "Dez."},
                .seasons = {"Winter", "Frühling", "Sommer", "Herbst"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "Berufserfahrung",
                        [LANG_GROUP_EDUCATION] = "Ausbildung",
                        [LANG_GROUP_VISITING] = "Gastaufenthalte",
                        [LANG_TODAY] = "heute",
                        [LANG_PRESENT] = "heute",
                        [LANG_UNTITLED] = "ohne Titel",
                        [LANG_MILESTONES] = "Meilensteine",
                        [LANG_AND] = " und ",
                        [LANG_YEAR] = "{y}",
                        [LANG_MONTH_YEAR] = "{m} {y}",
                        [LANG_DAY_MONTH_YEAR] = "{d}. {m} {y}",
                        [LANG_SEASON_YEAR] = "{s} {y}",
                        [LANG_ABOUT] = "ca. {x}",
                        [LANG_SPAN] = "{a} bis {b}",
                        [LANG_ONGOING] = "{a} bis {p}",
                        [LANG_DAYS_SPAN] = "{d}. bis {b}",
                        [LANG_TIMELINE] = "Beruflicher Werdegang",
                        [LANG_TIMELINE_OF] = "{n}: beruflicher Werdegang",
                        [LANG_YEARS] = " von {a} bis {b}",
                        [LANG_ONE_YEAR] = ", {y}",
                        [LANG_ROLE_OF] = "Position {i} von {n}",
                        [LANG_AFTER] = "nach {t}",
                        [LANG_BEFORE] = "vor {t}",
                        [LANG_COLON] = ": ",
                        [LANG_COMMA] = ", ",
                        [LANG_SEMICOLON] = "; ",
                        [LANG_STOP] = ".",
                        [LANG_N_YEARS] = "{n} J.",
                        [LANG_N_MONTHS] = "{n} Mon.",
                        [LANG_N_DAYS] = "{n} Tag|{n} Tage",
                        [LANG_LENGTH_JOIN] = " ",
                        [LANG_ABOUT_LENGTH] = "ca. {x}",
                        [LANG_ASIDE] = " ({x})",
                        [LANG_SUMMARY] = "Übersicht des Werdegangs",
                        [LANG_SUMMARY_OF] = "{n}: Übersicht des Werdegangs",
                        [LANG_SUMMARY_TODAY] = "Noch laufende Zeiträume zählen bis heute, {d}.",
                        [LANG_SUMMARY_RANGE] = "Nur vom {a} bis {b} gezählt (--from/--to).",
                        [LANG_SUMMARY_GROUPS] = "Gezählte Gruppen: {g}.",
                        [LANG_SUMMARY_WHOLE] = "Gesamter Lebenslauf",
                        [LANG_SUMMARY_EMPTY] = "nichts zu zählen",
                        [LANG_SUMMARY_LONGEST] = "Längste Station",
                        [LANG_SUMMARY_OVERLAPS] = "Zwei oder mehr gleichzeitig",
                        [LANG_SUMMARY_UP_TO] = "bis zu {n} gleichzeitig",
                        [LANG_SUMMARY_GAPS] = "Lücken über {t}",
                        [LANG_SUMMARY_NONE] = "keine",
                        [LANG_SUMMARY_AROUND] = "nach {a}, vor {b}",
                        [LANG_SUMMARY_NOTE] =
                            "„{x}“: Die Dauer hängt an einem ungefähren Datum oder an einem, das "
                            "nur als Jahr, Jahreszeit oder Studienjahr angegeben ist (voll "
                            "gezählt).",
                        [LANG_GAP] = "Lücke",
                        [LANG_GAPS] = "Lücken",
                    },
                .read_months = {"jan januar janner", "feb februar", "mar marz mrz", "apr april",
                                "mai", "jun juni", "jul juli", "aug august", "sep sept september",
                                "okt oktober", "nov november", "dez dezember"},
                .read_seasons = {"winter", "fruhling fruhjahr", "sommer", "herbst"},
                .read_present = "heute|bis heute|jetzt|aktuell|gegenwartig|laufend|andauernd",
            },
            {
                .code = "fr",
                .plural = LANG_PLURAL_ZERO_ONE,
                .name = "Français",
                .english = "French",
                .aliases = "french francais",
                .axis = {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                         "oct.", "nov.", "déc."},
                .seasons = {"hiver", "printemps", "été", "automne"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "Expérience professionnelle",
                        [LANG_GROUP_EDUCATION] = "Formation",
                        [LANG_GROUP_VISITING] = "Séjours de recherche",
                        [LANG_TODAY] = "aujourd’hui",
                        [LANG_PRESENT] = "aujourd’hui",
                        [LANG_UNTITLED] = "sans titre",
                        [LANG_MILESTONES] = "Jalons",
                        [LANG_AND] = " et ",
                        [LANG_YEAR] = "{y}",
                        [LANG_MONTH_YEAR] = "{m} {y}",
                        [LANG_DAY_MONTH_YEAR] = "{d} {m} {y}",
                        [LANG_SEASON_YEAR] = "{s} {y}",
                        [LANG_ABOUT] = "vers {x}",
                        [LANG_SPAN] = "{a} – {b}",
                        [LANG_ONGOING] = "{a} – {p}",
                        [LANG_DAYS_SPAN] = "{d}–{b}",
                        [LANG_TIMELINE] = "Parcours professionnel",
                        [LANG_TIMELINE_OF] = "{n} : parcours professionnel",
                        [LANG_YEARS] = " de {a} à {b}",
                        [LANG_ONE_YEAR] = ", {y}",
                        [LANG_ROLE_OF] = "Poste {i} sur {n}",
                        [LANG_AFTER] = "après {t}",
                        [LANG_BEFORE] = "avant {t}",
                        [LANG_COLON] = " : ",
                        [LANG_COMMA] = ", ",
                        [LANG_SEMICOLON] = " ; ",
                        [LANG_STOP] = ".",
                        [LANG_N_YEARS] = "{n} an|{n} ans",
                        [LANG_N_MONTHS] = "{n} mois",
                        [LANG_N_DAYS] = "{n} jour|{n} jours",
                        [LANG_LENGTH_JOIN] = " ",
                        [LANG_ABOUT_LENGTH] = "environ {x}",
                        [LANG_ASIDE] = " ({x})",
                        [LANG_SUMMARY] = "Bilan de carrière",
                        [LANG_SUMMARY_OF] = "{n} : bilan de carrière",
                        [LANG_SUMMARY_TODAY] =
                            "Les périodes en cours sont comptées jusqu’à aujourd’hui, {d}.",
                        [LANG_SUMMARY_RANGE] = "Compté seulement du {a} au {b} (--from/--to).",
                        [LANG_SUMMARY_GROUPS] = "Groupes comptés : {g}.",
                        [LANG_SUMMARY_WHOLE] = "CV entier",
                        [LANG_SUMMARY_EMPTY] = "rien à compter",
                        [LANG_SUMMARY_LONGEST] = "Plus longue ancienneté",
                        [LANG_SUMMARY_OVERLAPS] = "Périodes simultanées",
                        [LANG_SUMMARY_UP_TO] = "jusqu’à {n} à la fois",
                        [LANG_SUMMARY_GAPS] = "Interruptions de plus de {t}",
                        [LANG_SUMMARY_NONE] = "aucune",
                        [LANG_SUMMARY_AROUND] = "après {a}, avant {b}",
                        [LANG_SUMMARY_NOTE] =
                            "« {x} » : la durée dépend d’une date approximative, ou donnée "
                            "seulement comme année, saison ou année universitaire (comptée en "
                            "entier).",
                        [LANG_GAP] = "Interruption",
                        [LANG_GAPS] = "Interruptions",
                    },
                .read_months = {"janv janvier jan", "fevr fevrier fev", "mars mar", "avr avril",
                                "mai", "juin", "juil juillet", "aout", "sept septembre sep",
                                "oct octobre", "nov novembre", "dec decembre"},
                .read_seasons = {"hiver", "printemps", "ete", "automne"},
                .read_present = "aujourd'hui|present|actuel|actuellement|en cours|maintenant",
            },
            {
                .code = "es",
                .name = "Español",
                .english = "Spanish",
                .aliases = "spanish espanol castellano",
                .axis = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct",
                         "nov", "dic"},
                .seasons = {"invierno", "primavera", "verano", "otoño"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "Experiencia laboral",
                        [LANG_GROUP_EDUCATION] = "Formación",
                        [LANG_GROUP_VISITING] = "Estancias de investigación",
                        [LANG_TODAY] = "hoy",
                        [LANG_PRESENT] = "la actualidad",
                        [LANG_UNTITLED] = "sin título",
                        [LANG_MILESTONES] = "Hitos",
                        [LANG_AND] = " y ",
                        [LANG_YEAR] = "{y}",
                        [LANG_MONTH_YEAR] = "{m} {y}",
                        [LANG_DAY_MONTH_YEAR] = "{d} {m} {y}",
                        [LANG_SEASON_YEAR] = "{s} de {y}",
                        [LANG_ABOUT] = "hacia {x}",
                        [LANG_SPAN] = "de {a} a {b}",
                        [LANG_ONGOING] = "de {a} a {p}",
                        [LANG_DAYS_SPAN] = "del {d} al {b}",
                        [LANG_TIMELINE] = "Trayectoria profesional",
                        [LANG_TIMELINE_OF] = "{n}: trayectoria profesional",
                        [LANG_YEARS] = " de {a} a {b}",
                        [LANG_ONE_YEAR] = ", {y}",
                        [LANG_ROLE_OF] = "Puesto {i} de {n}",
                        [LANG_AFTER] = "después de {t}",
                        [LANG_BEFORE] = "antes de {t}",
                        [LANG_COLON] = ": ",
                        [LANG_COMMA] = ", ",
                        [LANG_SEMICOLON] = "; ",
                        [LANG_STOP] = ".",
                        [LANG_N_YEARS] = "{n} año|{n} años",
                        [LANG_N_MONTHS] = "{n} mes|{n} meses",
                        [LANG_N_DAYS] = "{n} día|{n} días",
                        [LANG_LENGTH_JOIN] = " ",
                        [LANG_ABOUT_LENGTH] = "aprox. {x}",
                        [LANG_ASIDE] = " ({x})",
                        [LANG_SUMMARY] = "Resumen de la trayectoria",
                        [LANG_SUMMARY_OF] = "{n}: resumen de la trayectoria",
                        [LANG_SUMMARY_TODAY] = "Los periodos en curso se cuentan hasta hoy, {d}.",
                        [LANG_SUMMARY_RANGE] = "Solo se cuenta del {a} al {b} (--from/--to).",
                        [LANG_SUMMARY_GROUPS] = "Grupos contados: {g}.",
                        [LANG_SUMMARY_WHOLE] = "Todo el CV",
                        [LANG_SUMMARY_EMPTY] = "nada que contar",
                        [LANG_SUMMARY_LONGEST] = "Permanencia más larga",
                        [LANG_SUMMARY_OVERLAPS] = "Dos o más a la vez",
                        [LANG_SUMMARY_UP_TO] = "hasta {n} a la vez",
                        [LANG_SUMMARY_GAPS] = "Interrupciones de más de {t}",
                        [LANG_SUMMARY_NONE] = "no hay",
                        [LANG_SUMMARY_AROUND] = "después de {a}, antes de {b}",
                        [LANG_SUMMARY_NOTE] =
                            "«{x}»: la duración depende de una fecha aproximada, o dada solo como "
                            "año, estación o curso académico (contado entero).",
                        [LANG_GAP] = "Interrupción",
                        [LANG_GAPS] = "Interrupciones",
                    },
                .read_months = {"ene enero", "feb febrero", "mar marzo", "abr abril", "may mayo",
                                "jun junio", "jul julio", "ago agosto",
                                "sep sept set septiembre setiembre", "oct octubre", "nov noviembre",
                                "dic diciembre"},
                .read_seasons = {"invierno", "primavera", "verano", "otono"},
                .read_present = "actualidad|la actualidad|presente|hoy|actual|actualmente|en curso",
                .year_joiner = "de",
            },
            {
                .code = "pt",
                .plural = LANG_PLURAL_ZERO_ONE,
                .name = "Português",
                .english = "Portuguese",
                .aliases = "portuguese portugues",
                .axis = {"jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.",
                         "out.", "nov.", "dez."},
                .seasons = {"inverno", "primavera", "verão", "outono"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "Experiência profissional",
                        [LANG_GROUP_EDUCATION] = "Formação",
                        [LANG_GROUP_VISITING] = "Visitas acadêmicas",
                        [LANG_TODAY] = "hoje",
                        [LANG_PRESENT] = "presente",
                        [LANG_UNTITLED] = "sem título",
                        [LANG_MILESTONES] = "Marcos",
                        [LANG_AND] = " e ",
                        [LANG_YEAR] = "{y}",
                        [LANG_MONTH_YEAR] = "{m} de {y}",
                        [LANG_DAY_MONTH_YEAR] = "{d} de {m} de {y}",
                        [LANG_SEASON_YEAR] = "{s} de {y}",
                        [LANG_ABOUT] = "cerca de {x}",
                        [LANG_SPAN] = "{a} – {b}",
                        [LANG_ONGOING] = "{a} – {p}",
                        [LANG_DAYS_SPAN] = "{d}–{b}",
                        [LANG_TIMELINE] = "Trajetória profissional",
                        [LANG_TIMELINE_OF] = "{n}: trajetória profissional",
                        [LANG_YEARS] = " de {a} a {b}",
                        [LANG_ONE_YEAR] = ", {y}",
                        [LANG_ROLE_OF] = "Cargo {i} de {n}",
                        [LANG_AFTER] = "depois de {t}",
                        [LANG_BEFORE] = "antes de {t}",
                        [LANG_COLON] = ": ",
                        [LANG_COMMA] = ", ",
                        [LANG_SEMICOLON] = "; ",
                        [LANG_STOP] = ".",
                        [LANG_N_YEARS] = "{n} ano|{n} anos",
                        [LANG_N_MONTHS] = "{n} mês|{n} meses",
                        [LANG_N_DAYS] = "{n} dia|{n} dias",
                        [LANG_LENGTH_JOIN] = " ",
                        [LANG_ABOUT_LENGTH] = "cerca de {x}",
                        [LANG_ASIDE] = " ({x})",
                        [LANG_SUMMARY] = "Resumo da trajetória",
                        [LANG_SUMMARY_OF] = "{n}: resumo da trajetória",
                        [LANG_SUMMARY_TODAY] = "Os períodos em curso são contados até hoje, {d}.",
                        [LANG_SUMMARY_RANGE] = "Contado apenas de {a} a {b} (--from/--to).",
                        [LANG_SUMMARY_GROUPS] = "Grupos contados: {g}.",
                        [LANG_SUMMARY_WHOLE] = "Currículo inteiro",
                        [LANG_SUMMARY_EMPTY] = "nada a contar",
                        [LANG_SUMMARY_LONGEST] = "Maior permanência",
                        [LANG_SUMMARY_OVERLAPS] = "Dois ou mais ao mesmo tempo",
                        [LANG_SUMMARY_UP_TO] = "até {n} ao mesmo tempo",
                        [LANG_SUMMARY_GAPS] = "Interrupções de mais de {t}",
                        [LANG_SUMMARY_NONE] = "não há",
                        [LANG_SUMMARY_AROUND] = "depois de {a}, antes de {b}",
                        [LANG_SUMMARY_NOTE] =
                            "“{x}”: a duração depende de uma data aproximada, ou dada só como "
                            "ano, estação ou ano letivo (contado por inteiro).",
                        [LANG_GAP] = "Interrupção",
                        [LANG_GAPS] = "Interrupções",
                    },
                .read_months = {"jan janeiro", "fev fevereiro", "mar marco", "abr abril",
                                "mai maio", "jun junho", "jul julho", "ago agosto", "set setembro",
                                "out outubro", "nov novembro", "dez dezembro"},
                .read_seasons = {"inverno", "primavera", "verao", "outono"},
                .read_present =
                    "presente|o presente|atual|atualmente|actual|hoje|ate hoje|em curso",
                .year_joiner = "de",
            },
            {
                .code = "it",
                .name = "Italiano",
                .english = "Italian",
                .aliases = "italian italiano",
                .axis = {"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott",
                         "nov", "dic"},
                .seasons = {"inverno", "primavera", "estate", "autunno"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "Esperienza professionale",
                        [LANG_GROUP_EDUCATION] = "Formazione",
                        [LANG_GROUP_VISITING] = "Soggiorni di ricerca",
                        [LANG_TODAY] = "oggi",
                        [LANG_PRESENT] = "oggi",
                        [LANG_UNTITLED] = "senza titolo",
                        [LANG_MILESTONES] = "Traguardi",
                        [LANG_AND] = " e ",
                        [LANG_YEAR] = "{y}",
                        [LANG_MONTH_YEAR] = "{m} {y}",
                        [LANG_DAY_MONTH_YEAR] = "{d} {m} {y}",
                        [LANG_SEASON_YEAR] = "{s} {y}",
                        [LANG_ABOUT] = "circa {x}",
                        [LANG_SPAN] = "{a} – {b}",
                        [LANG_ONGOING] = "{a} – {p}",
                        [LANG_DAYS_SPAN] = "{d}–{b}",
                        [LANG_TIMELINE] = "Percorso professionale",
                        [LANG_TIMELINE_OF] = "{n}: percorso professionale",
                        [LANG_YEARS] = " dal {a} al {b}",
                        [LANG_ONE_YEAR] = ", {y}",
                        [LANG_ROLE_OF] = "Ruolo {i} di {n}",
                        [LANG_AFTER] = "dopo {t}",
                        [LANG_BEFORE] = "prima di {t}",
                        [LANG_COLON] = ": ",
                        [LANG_COMMA] = ", ",
                        [LANG_SEMICOLON] = "; ",
                        [LANG_STOP] = ".",
                        [LANG_N_YEARS] = "{n} anno|{n} anni",
                        [LANG_N_MONTHS] = "{n} mese|{n} mesi",
                        [LANG_N_DAYS] = "{n} giorno|{n} giorni",
                        [LANG_LENGTH_JOIN] = " ",
                        [LANG_ABOUT_LENGTH] = "circa {x}",
                        [LANG_ASIDE] = " ({x})",
                        [LANG_SUMMARY] = "Riepilogo del percorso",
                        [LANG_SUMMARY_OF] = "{n}: riepilogo del percorso",
                        [LANG_SUMMARY_TODAY] = "I periodi in corso sono contati fino a oggi, {d}.",
                        [LANG_SUMMARY_RANGE] = "Contato solo dal {a} al {b} (--from/--to).",
                        [LANG_SUMMARY_GROUPS] = "Gruppi contati: {g}.",
                        [LANG_SUMMARY_WHOLE] = "Intero CV",
                        [LANG_SUMMARY_EMPTY] = "niente da contare",
                        [LANG_SUMMARY_LONGEST] = "Permanenza più lunga",
                        [LANG_SUMMARY_OVERLAPS] = "Sovrapposizioni",
                        [LANG_SUMMARY_UP_TO] = "fino a {n} insieme",
                        [LANG_SUMMARY_GAPS] = "Interruzioni oltre {t}",
                        [LANG_SUMMARY_NONE] = "nessuna",
                        [LANG_SUMMARY_AROUND] = "dopo {a}, prima di {b}",
                        [LANG_SUMMARY_NOTE] =
                            "«{x}»: la durata dipende da una data approssimativa, o data solo "
                            "come anno, stagione o anno accademico (contato per intero).",
                        [LANG_GAP] = "Interruzione",
                        [LANG_GAPS] = "Interruzioni",
                    },
                .read_months = {"gen gennaio", "feb febbraio", "mar marzo", "apr aprile",
                                "mag maggio", "giu giugno", "lug luglio", "ago agosto",
                                "set sett settembre", "ott ottobre", "nov novembre",
                                "dic dicembre"},
                .read_seasons = {"inverno", "primavera", "estate", "autunno"},
                .read_present = "oggi|presente|attuale|attualmente|in corso",
            },
            {
                .code = "pl",
                .plural = LANG_PLURAL_POLISH,
                .name = "Polski",
                .english = "Polish",
                .aliases = "polish polski",
                .axis = {"sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź",
                         "lis", "gru"},
                .seasons = {"zima", "wiosna", "lato", "jesień"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "Doświadczenie zawodowe",
                        [LANG_GROUP_EDUCATION] = "Wykształcenie",
                        [LANG_GROUP_VISITING] = "Wizyty naukowe",
                        [LANG_TODAY] = "dziś",
                        [LANG_PRESENT] = "obecnie",
                        [LANG_UNTITLED] = "bez tytułu",
                        [LANG_MILESTONES] = "Kamienie milowe",
                        [LANG_AND] = " i ",
                        [LANG_YEAR] = "{y}",
                        [LANG_MONTH_YEAR] = "{m} {y}",
                        [LANG_DAY_MONTH_YEAR] = "{d} {m} {y}",
                        [LANG_SEASON_YEAR] = "{s} {y}",
                        [LANG_ABOUT] = "ok. {x}",
                        [LANG_SPAN] = "{a} – {b}",
                        [LANG_ONGOING] = "{a} – {p}",
                        [LANG_DAYS_SPAN] = "{d}–{b}",
                        [LANG_TIMELINE] = "Przebieg kariery",
                        [LANG_TIMELINE_OF] = "{n}: przebieg kariery",
                        [LANG_YEARS] = ", {a}–{b}",
                        [LANG_ONE_YEAR] = ", {y}",
                        [LANG_ROLE_OF] = "Stanowisko {i} z {n}",
                        [LANG_AFTER] = "po: {t}",
                        [LANG_BEFORE] = "przed: {t}",
                        [LANG_COLON] = ": ",
                        [LANG_COMMA] = ", ",
                        [LANG_SEMICOLON] = "; ",
                        [LANG_STOP] = ".",
                        [LANG_N_YEARS] = "{n} rok|{n} lata|{n} lat",
                        [LANG_N_MONTHS] = "{n} mies.",
                        [LANG_N_DAYS] = "{n} dzień|{n} dni|{n} dni",
                        [LANG_LENGTH_JOIN] = " ",
                        [LANG_ABOUT_LENGTH] = "ok. {x}",
                        [LANG_ASIDE] = " ({x})",
                        [LANG_SUMMARY] = "Podsumowanie kariery",
                        [LANG_SUMMARY_OF] = "{n}: podsumowanie kariery",
                        [LANG_SUMMARY_TODAY] = "Trwające okresy są liczone do dziś, {d}.",
                        [LANG_SUMMARY_RANGE] = "Liczone tylko od {a} do {b} (--from/--to).",
                        [LANG_SUMMARY_GROUPS] = "Liczone grupy: {g}.",
                        [LANG_SUMMARY_WHOLE] = "Całe CV",
                        [LANG_SUMMARY_EMPTY] = "nic do policzenia",
                        [LANG_SUMMARY_LONGEST] = "Najdłuższy staż",
                        [LANG_SUMMARY_OVERLAPS] = "Dwa lub więcej jednocześnie",
                        [LANG_SUMMARY_UP_TO] = "do {n} jednocześnie",
                        [LANG_SUMMARY_GAPS] = "Przerwy dłuższe niż {t}",
                        [LANG_SUMMARY_NONE] = "brak",
                        [LANG_SUMMARY_AROUND] = "po: {a}, przed: {b}",
                        [LANG_SUMMARY_NOTE] =
                            "„{x}”: długość zależy od daty podanej w przybliżeniu albo tylko jako "
                            "rok, pora roku lub rok akademicki (liczonej w całości).",
                        [LANG_GAP] = "Przerwa",
                        [LANG_GAPS] = "Przerwy",
                    },
                /* Nominative (stand-alone) and genitive (format) forms both read. */
                .read_months = {"sty styczen stycznia", "lut luty lutego", "mar marzec marca",
                                "kwi kwiecien kwietnia", "maj maja", "cze czerwiec czerwca",
                                "lip lipiec lipca", "sie sierpien sierpnia",
                                "wrz wrzesien wrzesnia", "paz pazdziernik pazdziernika",
                                "lis listopad listopada", "gru grudzien grudnia"},
                .read_seasons = {"zima", "wiosna", "lato", "jesien"},
                .read_present = "obecnie|teraz|dzis|dzisiaj|nadal|do dzis|do teraz|w toku",
            },
            {
                .code = "nl",
                .name = "Nederlands",
                .english = "Dutch",
                .aliases = "dutch nederlands",
                .axis = {"jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.",
                         "okt.", "nov.", "dec."},
                .seasons = {"winter", "lente", "zomer", "herfst"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "Werkervaring",
                        [LANG_GROUP_EDUCATION] = "Opleiding",
                        [LANG_GROUP_VISITING] = "Gastverblijven",
                        [LANG_TODAY] = "vandaag",
                        [LANG_PRESENT] = "heden",
                        [LANG_UNTITLED] = "zonder titel",
                        [LANG_MILESTONES] = "Mijlpalen",
                        [LANG_AND] = " en ",
                        [LANG_YEAR] = "{y}",
                        [LANG_MONTH_YEAR] = "{m} {y}",
                        [LANG_DAY_MONTH_YEAR] = "{d} {m} {y}",
                        [LANG_SEASON_YEAR] = "{s} {y}",
                        [LANG_ABOUT] = "ca. {x}",
                        [LANG_SPAN] = "{a} – {b}",
                        [LANG_ONGOING] = "{a} – {p}",
                        [LANG_DAYS_SPAN] = "{d}–{b}",
                        [LANG_TIMELINE] = "Loopbaan",
                        [LANG_TIMELINE_OF] = "{n}: loopbaan",
                        [LANG_YEARS] = " van {a} tot {b}",
                        [LANG_ONE_YEAR] = ", {y}",
                        [LANG_ROLE_OF] = "Functie {i} van {n}",
                        [LANG_AFTER] = "na {t}",
                        [LANG_BEFORE] = "voor {t}",
                        [LANG_COLON] = ": ",
                        [LANG_COMMA] = ", ",
                        [LANG_SEMICOLON] = "; ",
                        [LANG_STOP] = ".",
                        [LANG_N_YEARS] = "{n} jaar",
                        [LANG_N_MONTHS] = "{n} maand|{n} maanden",
                        [LANG_N_DAYS] = "{n} dag|{n} dagen",
                        [LANG_LENGTH_JOIN] = " ",
                        [LANG_ABOUT_LENGTH] = "ca. {x}",
                        [LANG_ASIDE] = " ({x})",
                        [LANG_SUMMARY] = "Loopbaanoverzicht",
                        [LANG_SUMMARY_OF] = "{n}: loopbaanoverzicht",
                        [LANG_SUMMARY_TODAY] = "Lopende perioden zijn geteld tot vandaag, {d}.",
                        [LANG_SUMMARY_RANGE] = "Alleen geteld van {a} tot {b} (--from/--to).",
                        [LANG_SUMMARY_GROUPS] = "Getelde groepen: {g}.",
                        [LANG_SUMMARY_WHOLE] = "Heel het cv",
                        [LANG_SUMMARY_EMPTY] = "niets te tellen",
                        [LANG_SUMMARY_LONGEST] = "Langste periode",
                        [LANG_SUMMARY_OVERLAPS] = "Twee of meer tegelijk",
                        [LANG_SUMMARY_UP_TO] = "tot {n} tegelijk",
                        [LANG_SUMMARY_GAPS] = "Onderbrekingen langer dan {t}",
                        [LANG_SUMMARY_NONE] = "geen",
                        [LANG_SUMMARY_AROUND] = "na {a}, voor {b}",
                        [LANG_SUMMARY_NOTE] =
                            "‘{x}’: de duur hangt af van een datum die bij benadering is "
                            "opgegeven, of alleen als jaar, seizoen of academisch jaar (volledig "
                            "geteld).",
                        [LANG_GAP] = "Onderbreking",
                        [LANG_GAPS] = "Onderbrekingen",
                    },
                .read_months = {"jan januari", "feb februari", "mrt mar maart", "apr april", "mei",
                                "jun juni", "jul juli", "aug augustus", "sep sept september",
                                "okt oktober", "nov november", "dec december"},
                .read_seasons = {"winter", "lente voorjaar", "zomer", "herfst najaar"},
                .read_present = "heden|tot heden|nu|vandaag|huidig|lopend",
            },
            {
                .code = "tr",
                .name = "Türkçe",
                .english = "Turkish",
                .aliases = "turkish turkce",
                .axis = {"Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki",
                         "Kas", "Ara"},
                /* "2015 yazı": the season after its year, in the possessive. */
                .seasons = {"kışı", "ilkbaharı", "yazı", "sonbaharı"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "İş deneyimi",
                        [LANG_GROUP_EDUCATION] = "Eğitim",
                        [LANG_GROUP_VISITING] = "Akademik ziyaretler",
                        [LANG_TODAY] = "bugün",
                        [LANG_PRESENT] = "günümüz",
                        [LANG_UNTITLED] = "başlıksız",
                        [LANG_MILESTONES] = "Dönüm noktaları",
                        [LANG_AND] = " ve ",
                        [LANG_YEAR] = "{y}",
                        [LANG_MONTH_YEAR] = "{m} {y}",
                        [LANG_DAY_MONTH_YEAR] = "{d} {m} {y}",
                        [LANG_SEASON_YEAR] = "{y} {s}",
                        [LANG_ABOUT] = "yaklaşık {x}",
                        [LANG_SPAN] = "{a} – {b}",
                        [LANG_ONGOING] = "{a} – {p}",
                        [LANG_DAYS_SPAN] = "{d}–{b}",
                        [LANG_TIMELINE] = "Kariyer zaman çizelgesi",
                        [LANG_TIMELINE_OF] = "{n}: kariyer zaman çizelgesi",
                        [LANG_YEARS] = ", {a}–{b}",
                        [LANG_ONE_YEAR] = ", {y}",
                        [LANG_ROLE_OF] = "Görev {i}/{n}",
                        [LANG_AFTER] = "önceki: {t}",
                        [LANG_BEFORE] = "sonraki: {t}",
                        [LANG_COLON] = ": ",
                        [LANG_COMMA] = ", ",
                        [LANG_SEMICOLON] = "; ",
                        [LANG_STOP] = ".",
                        [LANG_N_YEARS] = "{n} yıl",
                        [LANG_N_MONTHS] = "{n} ay",
                        [LANG_N_DAYS] = "{n} gün",
                        [LANG_LENGTH_JOIN] = " ",
                        [LANG_ABOUT_LENGTH] = "yaklaşık {x}",
                        [LANG_ASIDE] = " ({x})",
                        [LANG_SUMMARY] = "Kariyer özeti",
                        [LANG_SUMMARY_OF] = "{n}: kariyer özeti",
                        [LANG_SUMMARY_TODAY] = "Devam eden dönemler bugüne kadar sayılır: {d}.",
                        [LANG_SUMMARY_RANGE] = "Yalnızca {a} ile {b} arası sayıldı (--from/--to).",
                        [LANG_SUMMARY_GROUPS] = "Sayılan gruplar: {g}.",
                        [LANG_SUMMARY_WHOLE] = "Tüm özgeçmiş",
                        [LANG_SUMMARY_EMPTY] = "sayılacak bir şey yok",
                        [LANG_SUMMARY_LONGEST] = "En uzun süre",
                        [LANG_SUMMARY_OVERLAPS] = "Aynı anda iki veya daha fazla",
                        [LANG_SUMMARY_UP_TO] = "aynı anda en çok {n}",
                        [LANG_SUMMARY_GAPS] = "Boşluklar ({t} üzeri)",
                        [LANG_SUMMARY_NONE] = "yok",
                        [LANG_SUMMARY_AROUND] = "önceki: {a}, sonraki: {b}",
                        [LANG_SUMMARY_NOTE] =
                            "“{x}”: süre, yaklaşık ya da yalnızca yıl, mevsim veya akademik yıl "
                            "olarak verilmiş bir tarihe bağlıdır (tamamı sayılır).",
                        [LANG_GAP] = "Boşluk",
                        [LANG_GAPS] = "Boşluklar",
                    },
                .read_months = {"oca ocak", "sub subat", "mar mart", "nis nisan", "may mayis",
                                "haz haziran", "tem temmuz", "agu agustos", "eyl eylul", "eki ekim",
                                "kas kasim", "ara aralik"},
                .read_seasons = {"kis kisi", "ilkbahar ilkbahari bahar", "yaz yazi",
                                 "sonbahar sonbahari guz"},
                .read_present = "gunumuz|halen|hala|simdi|bugun|devam ediyor",
            },
            {
                .code = "zh",
                .name = "中文",
                .english = "Chinese",
                .aliases = "chinese 中文 汉语 mandarin mandarin_chinese mandarin_chineese",
                .axis = {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月",
                         "11月", "12月"},
                .seasons = {"冬季", "春季", "夏季", "秋季"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "工作经历",
                        [LANG_GROUP_EDUCATION] = "教育背景",
                        [LANG_GROUP_VISITING] = "访问经历",
                        [LANG_TODAY] = "今天",
                        [LANG_PRESENT] = "今",
                        [LANG_UNTITLED] = "无标题",
                        [LANG_MILESTONES] = "里程碑",
                        [LANG_AND] = "、",
                        [LANG_YEAR] = "{y}年",
                        [LANG_MONTH_YEAR] = "{y}年{m}",
                        [LANG_DAY_MONTH_YEAR] = "{y}年{m}{d}日",
                        [LANG_SEASON_YEAR] = "{y}年{s}",
                        [LANG_ABOUT] = "约{x}",
                        [LANG_SPAN] = "{a}至{b}",
                        [LANG_ONGOING] = "{a}至{p}",
                        [LANG_DAYS_SPAN] = "",
                        [LANG_TIMELINE] = "职业经历时间线",
                        [LANG_TIMELINE_OF] = "{n}：职业经历时间线",
                        [LANG_YEARS] = "，{a}至{b}",
                        [LANG_ONE_YEAR] = "，{y}",
                        [LANG_ROLE_OF] = "职位 {i}/{n}",
                        [LANG_AFTER] = "前任职位：{t}",
                        [LANG_BEFORE] = "后任职位：{t}",
                        [LANG_COLON] = "：",
                        [LANG_COMMA] = "，",
                        [LANG_SEMICOLON] = "；",
                        [LANG_STOP] = "。",
                        [LANG_N_YEARS] = "{n}年",
                        [LANG_N_MONTHS] = "{n}个月",
                        [LANG_N_DAYS] = "{n}天",
                        [LANG_LENGTH_JOIN] = "",
                        [LANG_ABOUT_LENGTH] = "约{x}",
                        [LANG_ASIDE] = "（{x}）",
                        [LANG_SUMMARY] = "职业经历概要",
                        [LANG_SUMMARY_OF] = "{n}：职业经历概要",
                        [LANG_SUMMARY_TODAY] = "仍在进行的经历计至今天（{d}）。",
                        [LANG_SUMMARY_RANGE] = "仅计{a}至{b}（--from/--to）。",
                        [LANG_SUMMARY_GROUPS] = "计入的类别：{g}。",
                        [LANG_SUMMARY_WHOLE] = "整份简历",
                        [LANG_SUMMARY_EMPTY] = "无可计算的内容",
                        [LANG_SUMMARY_LONGEST] = "历时最长",
                        [LANG_SUMMARY_OVERLAPS] = "同时进行两项或以上",
                        [LANG_SUMMARY_UP_TO] = "最多同时{n}项",
                        [LANG_SUMMARY_GAPS] = "超过{t}的空窗期",
                        [LANG_SUMMARY_NONE] = "无",
                        [LANG_SUMMARY_AROUND] = "前：{a}，后：{b}",
                        [LANG_SUMMARY_NOTE] = "“{x}”：该时长取决于约略的日期，"
                                              "或仅以年份、季节或学年给出的日期（按整段计算）。",
                        [LANG_GAP] = "空窗期",
                        [LANG_GAPS] = "空窗期",
                    },
                /* Months and seasons are read in the CJK date forms (date.c): "2019年3月". */
                .read_present = "至今|今|现在|現在|目前|当前|現職|今天",
            },
            {
                .code = "ja",
                .name = "日本語",
                .english = "Japanese",
                .aliases = "japanese 日本語 nihongo",
                .axis = {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月",
                         "11月", "12月"},
                .seasons = {"冬", "春", "夏", "秋"},
                .words =
                    {
                        [LANG_GROUP_JOBS] = "職歴",
                        [LANG_GROUP_EDUCATION] = "学歴",
                        [LANG_GROUP_VISITING] = "在外研究",
                        [LANG_TODAY] = "今日",
                        [LANG_PRESENT] = "現在",
                        [LANG_UNTITLED] = "無題",
                        [LANG_MILESTONES] = "主な出来事",
                        [LANG_AND] = "、",
                        [LANG_YEAR] = "{y}年",
                        [LANG_MONTH_YEAR] = "{y}年{m}",
                        [LANG_DAY_MONTH_YEAR] = "{y}年{m}{d}日",
                        [LANG_SEASON_YEAR] = "{y}年{s}",
                        [LANG_ABOUT] = "{x}頃",
                        [LANG_SPAN] = "{a}～{b}",
                        [LANG_ONGOING] = "{a}～{p}",
                        [LANG_DAYS_SPAN] = "",
                        [LANG_TIMELINE] = "経歴年表",
                        [LANG_TIMELINE_OF] = "{n}：経歴年表",
                        [LANG_YEARS] = "（{a}～{b}）",
                        [LANG_ONE_YEAR] = "（{y}）",
                        [LANG_ROLE_OF] = "役職 {i}/{n}",
                        [LANG_AFTER] = "前：{t}",
                        [LANG_BEFORE] = "次：{t}",
                        [LANG_COLON] = "：",
                        [LANG_COMMA] = "、",
                        [LANG_SEMICOLON] = "；",
                        [LANG_STOP] = "。",
                        [LANG_N_YEARS] = "{n}年",
                        [LANG_N_MONTHS] = "{n}か月",
                        [LANG_N_DAYS] = "{n}日間",
                        [LANG_LENGTH_JOIN] = "",
                        [LANG_ABOUT_LENGTH] = "約{x}",
                        [LANG_ASIDE] = "（{x}）",
                        [LANG_SUMMARY] = "経歴の概要",
                        [LANG_SUMMARY_OF] = "{n}：経歴の概要",
                        [LANG_SUMMARY_TODAY] = "継続中の期間は今日（{d}）まで数えています。",
                        [LANG_SUMMARY_RANGE] = "{a}～{b}の期間のみ数えています（--from/--to）。",
                        [LANG_SUMMARY_GROUPS] = "対象の区分：{g}。",
                        [LANG_SUMMARY_WHOLE] = "経歴全体",
                        [LANG_SUMMARY_EMPTY] = "数える期間なし",
                        [LANG_SUMMARY_LONGEST] = "最も長い所属",
                        [LANG_SUMMARY_OVERLAPS] = "二つ以上の重なり",
                        [LANG_SUMMARY_UP_TO] = "最大{n}件が同時",
                        [LANG_SUMMARY_GAPS] = "{t}を超える空白期間",
                        [LANG_SUMMARY_NONE] = "なし",
                        [LANG_SUMMARY_AROUND] = "前：{a}、後：{b}",
                        [LANG_SUMMARY_NOTE] =
                            "「{x}」：期間が、おおよその日付、または年・季節・年度だけで"
                            "示された日付に左右されます（全体を数えています）。",
                        [LANG_GAP] = "空白期間",
                        [LANG_GAPS] = "空白期間",
                    },
                .read_present = "現在|現職|今日|至今|現在まで",
            },
};

struct Lang {
  const LangCatalog *cat;
  /* Replacements (lang_set_*), owned; NULL where the catalog's word stands. */
  char *axis[12], *date[12];
  char *read_extra[12]; /* folded, space-separated */
  char *present, *read_present;
  char *span, *ongoing; /* patterns with RenderCV's `to` */
};

static const Lang lang_builtin[] = {
    {.cat = &lang_catalogs[0]}, {.cat = &lang_catalogs[1]},  {.cat = &lang_catalogs[2]},
    {.cat = &lang_catalogs[3]}, {.cat = &lang_catalogs[4]},  {.cat = &lang_catalogs[5]},
    {.cat = &lang_catalogs[6]}, {.cat = &lang_catalogs[7]},  {.cat = &lang_catalogs[8]},
    {.cat = &lang_catalogs[9]}, {.cat = &lang_catalogs[10]},
};
G_STATIC_ASSERT(G_N_ELEMENTS(lang_builtin) == G_N_ELEMENTS(lang_catalogs));

static const Lang *lang_or_english(const Lang *lang)
{
  return lang != NULL ? lang : &lang_builtin[0];
}

guint lang_count(void)
{
  return G_N_ELEMENTS(lang_builtin);
}

const Lang *lang_nth(guint i)
{
  return i < G_N_ELEMENTS(lang_builtin) ? &lang_builtin[i] : NULL;
}

const Lang *lang_english(void)
{
  return &lang_builtin[0];
}

/* Whether the space-separated list @list holds @word (of @len bytes). */
static gboolean list_has(const char *list, const char *word, gsize len, char sep)
{
  if (list == NULL || len == 0)
    return FALSE;
  for (const char *p = list; *p != '\0';) {
    const char *end = strchr(p, sep);
    gsize n = end ? (gsize)(end - p) : strlen(p);
    if (n == len && memcmp(p, word, len) == 0)
      return TRUE;
    if (end == NULL)
      break;
    p = end + 1;
  }
  return FALSE;
}

const Lang *lang_find(const char *name)
{
  if (name == NULL)
    return NULL;
  g_autofree char *folded = lang_fold(name);
  g_strstrip(folded);
  /* A tag's first subtag: "pt-br", "zh_hans_cn". */
  gsize primary = strcspn(folded, "-_");
  for (guint i = 0; i < G_N_ELEMENTS(lang_builtin); i++) {
    const LangCatalog *cat = lang_builtin[i].cat;
    if (primary == strlen(cat->code) && strncmp(folded, cat->code, primary) == 0)
      return &lang_builtin[i];
    if (list_has(cat->aliases, folded, strlen(folded), ' '))
      return &lang_builtin[i];
  }
  return NULL;
}

char *lang_codes(void)
{
  GString *out = g_string_new(NULL);
  for (guint i = 0; i < G_N_ELEMENTS(lang_catalogs); i++)
    g_string_append_printf(out, "%s%s", i ? ", " : "", lang_catalogs[i].code);
  return g_string_free(out, FALSE);
}

const char *lang_code(const Lang *lang)
{
  return lang_or_english(lang)->cat->code;
}

const char *lang_name(const Lang *lang)
{
  return lang_or_english(lang)->cat->name;
}

const char *lang_english_name(const Lang *lang)
{
  return lang_or_english(lang)->cat->english;
}

const char *lang_word(const Lang *lang, LangWord word)
{
  lang = lang_or_english(lang);
  if ((guint)word >= LANG_N_WORDS)
    return "";
  if (word == LANG_PRESENT && lang->present)
    return lang->present;
  if (word == LANG_SPAN && lang->span)
    return lang->span;
  if (word == LANG_ONGOING && lang->ongoing)
    return lang->ongoing;
  const char *w = lang->cat->words[word];
  return w != NULL ? w : "";
}

const char *lang_axis_month(const Lang *lang, int month)
{
  lang = lang_or_english(lang);
  if (month < 1 || month > 12)
    return "?";
  return lang->axis[month - 1] ? lang->axis[month - 1] : lang->cat->axis[month - 1];
}

const char *lang_date_month(const Lang *lang, int month)
{
  lang = lang_or_english(lang);
  if (month < 1 || month > 12)
    return "?";
  if (lang->date[month - 1] != NULL)
    return lang->date[month - 1];
  const char *const *date = lang->cat->date[0] != NULL ? lang->cat->date : lang->cat->axis;
  return date[month - 1];
}

const char *lang_season(const Lang *lang, int season)
{
  lang = lang_or_english(lang);
  return season >= 0 && season < 4 ? lang->cat->seasons[season] : "?";
}

/* Which of a count word's forms @n takes in @plural (0 the first). */
static guint plural_form(LangPlural plural, gint64 n)
{
  switch (plural) {
  case LANG_PLURAL_ONE:
    return n == 1 ? 0 : 1;
  case LANG_PLURAL_ZERO_ONE:
    return n == 0 || n == 1 ? 0 : 1;
  case LANG_PLURAL_POLISH: {
    gint64 ten = n % 10, hundred = n % 100;
    if (n == 1)
      return 0;
    return ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? 1 : 2;
  }
  }
  return 0;
}

void lang_expand_count(GString *out, const Lang *lang, LangWord word, gint64 n)
{
  lang = lang_or_english(lang);
  const char *form = lang_word(lang, word);
  /* A word with fewer forms than its rule names uses its last one. */
  for (guint i = plural_form(lang->cat->plural, n); i > 0; i--) {
    const char *bar = strchr(form, '|');
    if (bar == NULL)
      break;
    form = bar + 1;
  }
  g_autofree char *one = g_strndup(form, strcspn(form, "|"));
  char number[24];
  g_snprintf(number, sizeof number, "%" G_GINT64_FORMAT, n);
  lang_expand(out, one, 'n', number, 0);
}

void lang_append_name(GString *out, const Lang *lang, const char *title, const char *org)
{
  if (title && org)
    g_string_append_printf(out, "%s%s%s", title, lang_word(lang, LANG_COMMA), org);
  else
    g_string_append(out, title ? title : org ? org : lang_word(lang, LANG_UNTITLED));
}

void lang_append_label(GString *out, const Lang *lang, const char *title, const char *org)
{
  if (title && org)
    g_string_append_printf(out, "%s" LANG_LABEL_JOIN "%s", title, org);
  else
    g_string_append(out, title ? title : org ? org : lang_word(lang, LANG_UNTITLED));
}

/* The value given for @letter in @args, or NULL. */
static const char *expand_value(va_list args, char letter)
{
  for (;;) {
    int l = va_arg(args, int);
    if (l == 0)
      return NULL;
    const char *value = va_arg(args, const char *);
    if (l == letter)
      return value;
  }
}

void lang_expand(GString *out, const char *pattern, ...)
{
  for (const char *p = pattern; *p != '\0'; p++) {
    if (p[0] == '{' && g_ascii_isalpha(p[1]) && p[2] == '}') {
      va_list args;
      va_start(args, pattern);
      const char *value = expand_value(args, p[1]);
      va_end(args);
      if (value != NULL)
        g_string_append(out, value);
      p += 2;
      continue;
    }
    g_string_append_c(out, *p);
  }
}

/* ---- Reading ---- */

char *lang_fold(const char *text)
{
  if (text == NULL || !g_utf8_validate(text, -1, NULL))
    return g_strdup("");
  g_autofree char *cased = g_utf8_casefold(text, -1);
  g_autofree char *nfd = g_utf8_normalize(cased, -1, G_NORMALIZE_NFD);
  GString *out = g_string_sized_new(strlen(text));
  for (const char *p = nfd; p != NULL && *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_type(c) == G_UNICODE_NON_SPACING_MARK)
      continue;
    if (c == 0x0131) /* dotless i */
      c = 'i';
    else if (c == 0x2019 || c == 0x02BC) /* typographic apostrophe, modifier letter */
      c = '\'';
    g_string_append_unichar(out, c);
  }
  return g_string_free(out, FALSE);
}

int lang_read_month(const Lang *lang, const char *folded)
{
  lang = lang_or_english(lang);
  gsize len = folded ? strlen(folded) : 0;
  for (int m = 0; m < 12; m++)
    if (list_has(lang->cat->read_months[m], folded, len, ' ') ||
        list_has(lang->read_extra[m], folded, len, ' '))
      return m + 1;
  return 0;
}

int lang_read_season(const Lang *lang, const char *folded)
{
  lang = lang_or_english(lang);
  gsize len = folded ? strlen(folded) : 0;
  for (int s = 0; s < 4; s++)
    if (list_has(lang->cat->read_seasons[s], folded, len, ' '))
      return s;
  return -1;
}

gboolean lang_read_present(const Lang *lang, const char *folded)
{
  lang = lang_or_english(lang);
  gsize len = folded ? strlen(folded) : 0;
  return list_has(lang->cat->read_present, folded, len, '|') ||
         list_has(lang->read_present, folded, len, '|');
}

const char *lang_year_joiner(const Lang *lang)
{
  return lang_or_english(lang)->cat->year_joiner;
}

/* ---- Languages with some words replaced ---- */

Lang *lang_copy(const Lang *lang)
{
  lang = lang_or_english(lang);
  Lang *copy = g_new0(Lang, 1);
  copy->cat = lang->cat;
  for (int m = 0; m < 12; m++) {
    copy->axis[m] = g_strdup(lang->axis[m]);
    copy->date[m] = g_strdup(lang->date[m]);
    copy->read_extra[m] = g_strdup(lang->read_extra[m]);
  }
  copy->present = g_strdup(lang->present);
  copy->read_present = g_strdup(lang->read_present);
  copy->span = g_strdup(lang->span);
  copy->ongoing = g_strdup(lang->ongoing);
  return copy;
}

void lang_free(Lang *lang)
{
  if (lang == NULL)
    return;
  for (int m = 0; m < 12; m++) {
    g_free(lang->axis[m]);
    g_free(lang->date[m]);
    g_free(lang->read_extra[m]);
  }
  g_free(lang->present);
  g_free(lang->read_present);
  g_free(lang->span);
  g_free(lang->ongoing);
  g_free(lang);
}

/* Appends @word folded, without a final dot ("Sept." reads as "sept"), to the list. */
static void add_read_word(char **list, const char *word, char sep)
{
  g_autofree char *folded = lang_fold(word);
  g_strstrip(folded);
  gsize n = strlen(folded);
  if (n > 0 && folded[n - 1] == '.')
    folded[n - 1] = '\0';
  if (*folded == '\0')
    return;
  char *joined = *list ? g_strdup_printf("%s%c%s", *list, sep, folded) : g_strdup(folded);
  g_free(*list);
  *list = joined;
}

void lang_set_months(Lang *lang, const char *const *names, const char *const *abbreviations)
{
  for (int m = 0; m < 12; m++) {
    if (names != NULL)
      add_read_word(&lang->read_extra[m], names[m], ' ');
    if (abbreviations != NULL) {
      g_free(lang->axis[m]);
      g_free(lang->date[m]);
      lang->axis[m] = g_strdup(abbreviations[m]);
      lang->date[m] = g_strdup(abbreviations[m]);
      add_read_word(&lang->read_extra[m], abbreviations[m], ' ');
    }
  }
}

void lang_set_present(Lang *lang, const char *present)
{
  g_free(lang->present);
  lang->present = g_strdup(present);
  add_read_word(&lang->read_present, present, '|');
}

void lang_set_to(Lang *lang, const char *to)
{
  g_free(lang->span);
  g_free(lang->ongoing);
  lang->span = g_strdup_printf("{a} %s {b}", to);
  lang->ongoing = g_strdup_printf("{a} %s {p}", to);
}

gboolean lang_equal(const Lang *a, const Lang *b)
{
  a = lang_or_english(a);
  b = lang_or_english(b);
  if (a->cat != b->cat || g_strcmp0(a->present, b->present) != 0 ||
      g_strcmp0(a->span, b->span) != 0 || g_strcmp0(a->read_present, b->read_present) != 0)
    return FALSE;
  for (int m = 0; m < 12; m++)
    if (g_strcmp0(a->axis[m], b->axis[m]) != 0 || g_strcmp0(a->date[m], b->date[m]) != 0 ||
        g_strcmp0(a->read_extra[m], b->read_extra[m]) != 0)
      return FALSE;
  return TRUE;
}
