"""Opening hours written the way people write them, turned into OpenStreetMap syntax.

"mardi-samedi 6h30-13h, 15h30-19h30 ; dimanche 7h-12h30, fermé les jours fériés"
becomes ``Tu-Sa 06:30-13:00,15:30-19:30; Su 07:00-12:30; PH off``. This only makes a
*suggestion* that the merchant (or the team, or the importer's user) accepts or not:
``suggest_osm`` returns None for anything it does not fully understand, and the caller
checks that the suggestion parses before showing it.

Understood, in French and in English: day names and their abbreviations (``lun.``,
``Mon``), OpenStreetMap's (``Mo``); spans (``du lundi au vendredi``, ``lundi-vendredi``,
``lun. à ven.``), lists (``lundi, mercredi et vendredi``), ``tous les jours``, ``7j/7``,
``en semaine``, ``le week-end``, ``sauf le lundi``; times (``6h30``, ``6 h``, ``06:30``,
``midi``, ``minuit``, ``9am``, ``5.30pm``) and ranges (``9h-12h``, ``de 9h à 12h``,
``9h à 12h``, ``9 to 5``); ``fermé`` / ``closed``; ``jours fériés`` / ``public
holidays``. Clauses are separated by ``;``, a full stop, a new line, or a comma before a
day name.
"""

import re
import unicodedata

OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
DAY_WORDS = {
    **{name: index for index, name in enumerate(["mo", "tu", "we", "th", "fr", "sa", "su"])},
    **{
        name: index
        for index, names in enumerate(
            [
                ["lundi", "lun", "lu", "monday", "mon"],
                ["mardi", "mar", "ma", "tuesday", "tue", "tues"],
                ["mercredi", "mer", "me", "wednesday", "wed"],
                ["jeudi", "jeu", "je", "thursday", "thu", "thur", "thurs"],
                ["vendredi", "ven", "ve", "friday", "fri"],
                ["samedi", "sam", "saturday", "sat"],
                ["dimanche", "dim", "di", "sunday", "sun"],
            ]
        )
        for name in names
    },
}
for _plural in ["lundis", "mardis", "mercredis", "jeudis", "vendredis", "samedis", "dimanches"]:
    DAY_WORDS[_plural] = DAY_WORDS[_plural[:-1]]
for _english in [
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
]:
    DAY_WORDS[_english] = DAY_WORDS[_english[:-1]]

ALL_WEEK = list(range(7))
DAY_GROUPS = {
    "tous les jours": ALL_WEEK,
    "toute la semaine": ALL_WEEK,
    "7j/7": ALL_WEEK,
    "7 j/7": ALL_WEEK,
    "7/7": ALL_WEEK,
    "7 jours sur 7": ALL_WEEK,
    "every day": ALL_WEEK,
    "everyday": ALL_WEEK,
    "daily": ALL_WEEK,
    "en semaine": [0, 1, 2, 3, 4],
    "du lundi au vendredi": [0, 1, 2, 3, 4],
    "weekdays": [0, 1, 2, 3, 4],
    "le week-end": [5, 6],
    "le weekend": [5, 6],
    "week-end": [5, 6],
    "weekend": [5, 6],
    "weekends": [5, 6],
}
HOLIDAY_PHRASES = [
    "jours feries",
    "jour ferie",
    "les feries",
    "feries",
    "ferie",
    "public holidays",
    "public holiday",
    "bank holidays",
    "holidays",
]
CLOSED_WORDS = {"ferme", "fermee", "fermes", "fermeture", "closed", "close", "repos", "off"}
EXCEPT_WORDS = {"sauf", "except", "excepte", "hormis"}
SPAN_WORDS = {"au", "a", "to", "jusqu'au", "till", "until", "through", "thru"}
LIST_WORDS = {"et", "and", "&", ","}
FILLER_WORDS = {
    "le", "les", "la", "l", "du", "de", "des", "d", "from", "on", "the", "puis", "then",
    "ouvert", "ouverte", "open", "matin", "apres-midi", "soir", "am", "pm", "h", "heures",
    "et", "and", "&", "le matin", "nous", "sommes", "we", "are", "is", "horaires", "hours",
    "journee", "continue", "non-stop", "nonstop", "-", "jusqu'a",
}  # fmt: skip

_TIME = re.compile(
    r"""(?:
        (?P<word>midi|minuit|noon|midnight)
      | (?P<hours>\d{1,2})\s*(?:(?:h|:|\.)\s*(?P<minutes>\d{2})?)?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?
    )""",
    re.VERBOSE,
)
_RANGE = re.compile(
    r"(?:de\s+|from\s+)?(?P<start>" + _TIME.pattern + r")\s*(?:-|–|—|à|a|to|till|until|jusqu'a)\s*"
    r"(?P<end>" + _TIME.pattern.replace("?P<", "?P<e_") + r")",
    re.VERBOSE,
)


def _plain(text):
    """Lower case, without accents, typographic dashes and quotes made plain."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(character for character in text if not unicodedata.combining(character))
    return (
        text.replace("’", "'")
        .replace("–", "-")
        .replace("—", "-")
        .replace("\u00a0", " ")
        .replace("\u202f", " ")
    )


def _minutes(match, prefix=""):
    word = match.group(prefix + "word")
    if word:
        return {"midi": 720, "noon": 720, "minuit": 1440, "midnight": 1440}[word]
    hours = int(match.group(prefix + "hours"))
    minutes = int(match.group(prefix + "minutes") or 0)
    ampm = (match.group(prefix + "ampm") or "").replace(".", "")
    if ampm:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if ampm == "pm" else 0)
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return hours * 60 + minutes


def _hhmm(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _days(selector):
    parts, run = [], []
    for day in sorted(selector):
        if run and day == run[-1] + 1:
            run.append(day)
            continue
        if run:
            parts.append(run)
        run = [day]
    if run:
        parts.append(run)
    return ",".join(
        OSM_DAYS[run[0]] if len(run) == 1 else f"{OSM_DAYS[run[0]]}-{OSM_DAYS[run[-1]]}"
        for run in parts
    )


_DAY_WORD = "|".join(sorted((re.escape(word) for word in DAY_WORDS), key=len, reverse=True))
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|\n|\.(?!\d)|,(?=\s*(?:(?:le|les|et|and|puis)\s+)?(?:"
    + _DAY_WORD
    + r"|"
    + "|".join(re.escape(phrase) for phrase in [*DAY_GROUPS, *HOLIDAY_PHRASES])
    + r"|ferme|closed|sauf)\b))\s*"
)


_ABBREVIATION_DOT = re.compile(
    r"\b(lun|mar|mer|jeu|ven|sam|dim|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\."
)


def _clauses(text):
    # "lun. à ven.": the dot of an abbreviation does not end a clause.
    text = _ABBREVIATION_DOT.sub(r"\1", text)
    return [clause for clause in _CLAUSE_BREAK.split(text) if clause and clause.strip()]


class _NotUnderstood(Exception):
    pass


def _read_days(words):
    """Days named in ``words`` (a list of tokens), with spans, lists and "sauf"."""
    days, holidays, excluded = set(), False, False
    index = 0
    while index < len(words):
        word = words[index]
        if word in EXCEPT_WORDS:
            excluded = True
            index += 1
            continue
        if word in DAY_WORDS:
            first = DAY_WORDS[word]
            selected = [first]
            # A span: "lundi au vendredi", "lundi-vendredi", "lun. à ven."
            following = words[index + 1 : index + 3]
            if (
                len(following) == 2
                and following[0] in SPAN_WORDS | {"-"}
                and following[1] in DAY_WORDS
            ):
                last = DAY_WORDS[following[1]]
                selected = [(first + offset) % 7 for offset in range((last - first) % 7 + 1)]
                index += 2
            if excluded:
                days -= set(selected)
            else:
                days |= set(selected)
            index += 1
            continue
        if word == "PH":
            holidays = True
            index += 1
            continue
        if word.startswith("GROUP:"):
            group = DAY_GROUPS[word[6:]]
            days = days - set(group) if excluded else days | set(group)
            index += 1
            continue
        if word in LIST_WORDS or word in FILLER_WORDS or word in SPAN_WORDS:
            index += 1
            continue
        raise _NotUnderstood(word)
    return days, holidays


_GROUP_NAMES = sorted(DAY_GROUPS, key=len, reverse=True)


def _read_clause(clause):
    """(days, public holidays, ranges or None for closed) of one clause."""
    ranges = []
    for match in _RANGE.finditer(clause):
        start, end = _minutes(match), _minutes(match, "e_")
        if start is None or end is None or start == end or start == 1440:
            raise _NotUnderstood(match.group(0))
        ranges.append((start, end))
    rest = _RANGE.sub(" ", clause)
    # Phrases of several words become one token before the text is cut into words.
    for number, phrase in enumerate(_GROUP_NAMES):
        rest = re.sub(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", f" GROUP{number} ", rest)
    for phrase in HOLIDAY_PHRASES:
        rest = re.sub(r"\b" + re.escape(phrase) + r"\b", " PH ", rest)
    closed = False
    words = []
    for word in re.findall(r"[\w'&-]+|,", rest):
        bare = word.strip("'-")
        if bare in CLOSED_WORDS:
            closed = True
        elif bare.startswith("GROUP") and bare[5:].isdigit():
            words.append(f"GROUP:{_GROUP_NAMES[int(bare[5:])]}")
        elif "-" in bare and all(part in DAY_WORDS for part in bare.split("-")):
            first, _dash, last = bare.partition("-")
            words += [first, "-", last]  # "mardi-samedi"
        elif bare:
            words.append(bare)
    days, holidays = _read_days(words)
    if closed == bool(ranges):
        raise _NotUnderstood(clause)
    return days, holidays, None if closed else ranges


def suggest_osm(text):
    """An OpenStreetMap expression for ``text`` written in words, or None.

    The result is not checked here (this module knows nothing of the parser): callers
    only show it once it parses.
    """
    if not text or len(text) > 1000:
        return None
    plain = _plain(text).strip()
    if not plain:
        return None
    rules = []
    previous_days = None
    try:
        for clause in _clauses(plain):
            days, holidays, ranges = _read_clause(clause)
            if not days and not holidays:
                if previous_days is None and ranges is not None:
                    days = set(ALL_WEEK)  # "9h-18h": every day
                elif previous_days is not None and ranges is not None:
                    days = previous_days  # "lundi 9h-12h. 14h-18h"
                else:
                    return None
            selector = []
            if days:
                selector.append(_days(days))
            if holidays:
                selector.append("PH")
            value = "off"
            if ranges is not None:
                # "minuit" as an end is 24:00; "19h-2h" runs into the next day.
                value = ",".join(
                    f"{_hhmm(start)}-{_hhmm(1440 if end == 0 else end)}"
                    for start, end in sorted(ranges)
                )
            rules.append(f"{','.join(selector)} {value}")
            previous_days = days or previous_days
    except _NotUnderstood:
        return None
    if not rules:
        return None
    return "; ".join(rules)
