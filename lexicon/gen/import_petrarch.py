#!/usr/bin/env python3
"""Imports PETRARCH / Phoenix actor dictionaries (TABARI format) as lexicon
entities: entities/petrarch_*.jsonl.

    python3 lexicon/gen/import_petrarch.py --src ../shared/lexicon-sources/petrarch

What is kept
  * People: English entries of Phoenix.Countries (the CountryInfo leaders and
    ministers) and Phoenix.International, and Arabic entries of
    actor_dict_ar_v4 that look like personal names. Each gets its country as
    an affiliation and its dated codes as roles ("Government", "Military"…
    with from/to).
  * Organisations: named institutions, parties, armed groups and IGOs
    (Phoenix.International, Phoenix.MilNonState, institution blocks of
    Phoenix.Countries), with the sector their code gives.
What is dropped, and why
  * Country-level blocks (AFGHANISTAN_ [AFG] and their +aliases): countries
    and their cities come from geo.jsonl; PETRARCH lists capitals and
    provinces as aliases of the country, which would make every "Kabul" a
    mention of Afghanistan.
  * Generic sector nouns (POLICE, SOLDIER, جيش، قوة أمن) and agents
    (Phoenix.agents, agents.all.ar): role words, not names; titles live in
    titles/.
  * One-word person names and names that are ordinary words: too ambiguous.
  * Leading role words of Arabic person entries (رئيس، وزير، شيخ، سفير…: see
    AR_TITLE_WORDS) are stripped; an entry left with a role only (رئيس
    أفغاني), a bare given name (ملك عبد الله) or an institution (سلطة
    احتلال، سفارة…) is dropped.
  * Arabic entries with an institution word (جامعة، وزارة، شركة…), which the
    dictionary files under people codes, and Arabic organisation entries: the
    dictionary is lemmatised (وزارة دفاع
    أميركي for وزارة الدفاع الأمريكية) and would not match running text.
  * Names that any hand-made lexicon file already has (those entries are
    better), and entries whose codes name no country we know.
Output is deterministic, sorted by key, and split so that no file passes
--max-bytes (default 950,000: no file of the repository passes 1 MB).
"""
import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.dirname(HERE)

ROLE = {"GOV": "Government", "MIL": "Military", "ELI": "Elite", "REB": "Rebel",
        "OPP": "Opposition", "COP": "Police", "JUD": "Judiciary", "LEG": "Legislature",
        "BUS": "Business", "MED": "Media", "EDU": "Education", "HLH": "Health",
        "LAB": "Labour", "AGR": "Agriculture", "DEV": "Development", "ENV": "Environment",
        "HRI": "Human rights", "REF": "Refugees", "CVL": "Civilian", "SPY": "Intelligence",
        "IGO": "International organisation", "NGO": "NGO", "PTY": "Party", "REL": "Religion",
        "UAF": "Armed forces", "INS": "Insurgents", "SEP": "Separatists"}
SECTOR = {"GOV": "government", "MIL": "military", "REB": "rebel", "INS": "armed_group",
          "UAF": "armed_group", "COP": "police", "JUD": "judiciary", "MED": "media",
          "BUS": "business", "SPY": "intelligence", "PTY": "party", "OPP": "party",
          "REL": "religious", "NGO": "ngo", "IGO": "igo", "LEG": "government"}
ORG_WORDS = set("""ARMY FORCES FORCE MINISTRY PARTY FRONT MOVEMENT COUNCIL COMMITTEE
COMMISSION AGENCY ORGANIZATION ORGANISATION UNION ASSOCIATION FEDERATION BANK COURT
GOVERNMENT POLICE GUARD GUARDS BRIGADE BRIGADES BATTALION REGIMENT CORPS COMMAND
ASSEMBLY PARLIAMENT CONGRESS SENATE INSTITUTE FOUNDATION FUND PROGRAM PROGRAMME OFFICE
DEPARTMENT SERVICE SERVICES AUTHORITY LEAGUE ALLIANCE COALITION GROUP CENTER CENTRE
SOCIETY NETWORK COMPANY CORPORATION CABINET SECRETARIAT TRIBUNAL BUREAU DIRECTORATE
MILITIA ARMED LIBERATION REVOLUTIONARY COMMUNITY CONFERENCE OPERATION MISSION""".split())
GENERIC = set("""POLICE SOLDIER SOLDIERS TROOPS ARMY MILITARY GOVERNMENT REBELS REBEL
MILITANTS MILITANT OPPOSITION GUERRILLAS INSURGENTS PROTESTERS POLICEMEN OFFICIALS
MINISTER PRESIDENT CABINET PARLIAMENT""".split())
AR_ORG_WORDS = set("""وزارة حركة منظمة حزب جيش قوة قوات مجلس لجنة اتحاد جبهة هيئة جماعة
تنظيم شرطة حكومة كتيبة لواء مكتب وكالة جمعية محكمة بنك مصرف شركة برلمان جامعة كلية
مدرسة معهد مركز مستشفى صحيفة جريدة مجلة قناة إذاعة مؤسسة رابطة نقابة""".split())
# Company and institution words that make an English "person" an organisation
# (Siemens AG, Cairo University).
EN_ORG_SUFFIX = set("""INC LTD CORP CO LLC PLC GMBH UNIVERSITY COLLEGE SCHOOL HOSPITAL
AIRLINES AIRWAYS TIMES NEWS TV RADIO""".split())
MONTHS = set("JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER".split())
LOWER = {"OF", "THE", "AND", "FOR", "IN", "ON", "DE", "DU", "LA", "LE", "AL", "EL", "BIN",
         "VAN", "VON", "DER", "DA", "DOS", "DEL", "BEN", "IBN", "ABU", "BINT"}


def load_alpha3():
    """ISO alpha-3 → country key, through iso-codes (alpha-2) and country_keys.tsv."""
    keys = {}
    for line in open(os.path.join(HERE, "country_keys.tsv"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2:
            keys[parts[0]] = parts[1]
    out = {}
    iso = "/usr/share/iso-codes/json/iso_3166-1.json"
    if os.path.exists(iso):
        for c in json.load(open(iso, encoding="utf-8"))["3166-1"]:
            if c["alpha_2"] in keys:
                out[c["alpha_3"]] = keys[c["alpha_2"]]
    # Codes PETRARCH uses that are not ISO alpha-3.
    out.update({"PSE": keys.get("PS", "palestine"), "KOS": keys.get("XK", "kosovo"),
                "ROM": keys.get("RO", "romania"), "ZAR": keys.get("CD", "dr-congo"),
                "TMP": keys.get("TL", "timor-leste")})
    return out


def fold_ar(s):
    s = re.sub("[\u0610-\u061A\u064B-\u065F\u0670\u0640]", "", s)
    return s.translate(str.maketrans("أإآٱىة", "ااااي" + "ه"))


def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^A-Za-z0-9]+", "-", s.lower()).strip("-")
    return s


AR2LAT = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤة",
                  ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d",
                   "t", "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "", "", "", "a"]))


def ar_slug(s):
    return slug("".join(AR2LAT.get(c, c if c == " " else "") for c in fold_ar(s)))


def phrase_text(p, arabic):
    p = p.strip().strip("_").replace("_", " ")
    p = re.sub(r"\s*\([^)]*\)\s*", " ", p)
    p = re.sub(r"\s+", " ", p).strip()
    if arabic:
        return p
    words = []
    for i, w in enumerate(p.split(" ")):
        if len(w) <= 4 and w.isupper() and w.isalpha() and w not in LOWER and len(p.split()) == 1:
            words.append(w)  # acronym: UN, IAEA
        elif w in LOWER and i > 0:
            words.append(w.lower())
        else:
            words.append("-".join(x.capitalize() for x in w.split("-")))
    return " ".join(words)


def parse_date(d):
    d = d.strip().lstrip("<>")
    if not d.isdigit():
        return None
    if len(d) == 8:
        y, m, dd = int(d[:4]), int(d[4:6]), int(d[6:8])
    elif len(d) == 6:
        yy = int(d[:2])
        y, m, dd = (2000 + yy if yy <= 30 else 1900 + yy), int(d[2:4]), int(d[4:6])
    else:
        return None
    if y <= 1800 or not (1 <= m <= 12) or not (1 <= dd <= 31):
        return None  # 18000101 means "open"
    return f"{y:04d}-{m:02d}-{dd:02d}"


CODE_RE = re.compile(r"\[([~A-Z]+)\s*([<>]?\d*)?(?:-(\d+))?\s*\]")


def parse_file(path, arabic):
    """Blocks of (phrase, aliases, codes, comment)."""
    blocks, cur = [], None
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        comment = ""
        if "#" in line:
            line, comment = line.split("#", 1)
        codes = [(m.group(1), m.group(2) or "", m.group(3) or "") for m in CODE_RE.finditer(line)]
        text = CODE_RE.sub("", line)
        if line[:1] in " \t":
            if cur is not None:
                cur["codes"] += codes
            continue
        if text.strip().startswith("+"):
            if cur is not None:
                cur["aliases"].append(text.strip()[1:])
                cur["codes"] += codes
            continue
        cur = {"phrase": text.strip(), "aliases": [], "codes": codes, "comment": comment}
        blocks.append(cur)
    return blocks


# Role words that open many Arabic "person" entries (رئيس أفغاني، وزير
# خارجية إيراني، شيخ عبد أمير قبلان): stripped; what is left is kept only when
# it is still a name of two words or more.
AR_TITLE_WORDS = set("""رئيس رئيسة وزير وزيرة سفير سفيرة أمير أميرة شيخ الشيخ ملك ملكة عاهل
جنرال نائب مسؤول مستشار مستشارة قائد دكتور الدكتور آية أمام إمام الإمام ملا الملا سيد السيد
حاكم زعيم مرشد متحدث ناطق مبعوث مندوب محافظ عميد عقيد لواء فريق مشير رائد نقيب قاضي مفتي
بطريرك كاردينال بابا أسقف مطران حجة رئيسا وكيل أمين عضو مدير مديرة سكرتير""".split())
# Words after which the rest is an institution, not a person (سلطة احتلال،
# سفارة إثيوبية، نظام تشادي).
AR_NOT_PERSON_START = set("""سلطة سفارة قيادة رئاسة نظام خارجية داخلية دفاع جهاز برنامج إدارة
حكومة دولة مملكة جمهورية إمارة سلطنة بلدية ولاية""".split())
AR_CONNECTORS = {"عبد", "ابو", "أبو", "ابي", "أبي", "بن", "ابن", "بنت", "ال"}
# Portfolios after a minister's title (وزير داخلية، وزير إعلام).
AR_PORTFOLIO = set("""خارجية خارجيه داخلية داخلي دفاع إعلام اعلام ثقافة عدل تعليم اتصال اتصالات مالية
صحة نفط طاقة زراعة تجارة اقتصاد عمل إعلامي اعلامي عام دولة أول اول أعلى سابق أسبق أمن قومي
بيئة بترول إسكان حكومي عالي انتقالي خارجي حصري""".split())
AR_FUNCTION = set("في لدى الذي التي من إلى على عن مع".split())


def load_ar_demonyms():
    out = set()
    path = os.path.join(LEX, "entities", "geo.jsonl")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if '"demonyms"' not in line:
                continue
            for d in json.loads(line).get("demonyms", {}).get("ar", []):
                out.add(fold_ar(d))
    return out


AR_DEMONYMS = load_ar_demonyms()


def strip_ar_titles(name):
    """The name without its leading role words, or None if no name is left."""
    words = name.split(" ")
    if words and words[0] in AR_NOT_PERSON_START:
        return None
    if fold_ar(words[-1]) in AR_DEMONYMS:
        return None  # الديوان ملكي أردني: a description, not a name
    stripped = False
    # وزير داخلية عراقي X، عاهل أردني ملك X: the portfolio and the
    # nationality go with the title, and a second title may follow.
    while words and (words[0] in AR_TITLE_WORDS or
                     stripped and (words[0] in AR_PORTFOLIO or fold_ar(words[0]) in AR_DEMONYMS)):
        first = words.pop(0)
        stripped = True
        if first == "آية" and words and words[0] == "الله":
            words.pop(0)
    if not stripped:
        return name
    if any(w in AR_FUNCTION for w in words):
        return None  # لدى بلغاريا: a phrase, not a name
    if len(words) < 2 or (len(words) == 2 and words[0] in AR_CONNECTORS):
        return None  # رئيس أفغاني، ملك عبد الله: a role or a bare given name
    if words[0] in AR_NOT_PERSON_START or words[0] in AR_ORG_WORDS:
        return None
    return " ".join(words)


def classify(block, alpha3, arabic, source):
    """Returns an entity dict or None."""
    codes = [c for c in block["codes"] if not c[0].startswith("~")]
    if not codes:
        return None
    name = phrase_text(block["phrase"], arabic)
    if name and arabic:
        name = strip_ar_titles(name)
    if not name:
        return None
    words = name.split(" ")
    upper_words = set(w.upper() for w in words)
    countries, roles, sectors = [], [], []
    for code, start, end in codes:
        ctry = alpha3.get(code[:3])
        rest = code[3:] if ctry else code
        if ctry and ctry not in countries:
            countries.append(ctry)
        if code.startswith("IGO"):
            rest = "IGO"
        r = rest[:3]
        if r in SECTOR:
            sectors.append(SECTOR[r])
        if r in ROLE and (start or end):
            role = {"title": ROLE[r] + (f" ({ctry})" if ctry else "")}
            f, t = parse_date(start.lstrip("<>")) if start else None, parse_date(end) if end else None
            if start.startswith("<"):
                f, t = None, parse_date(start[1:])
            if f:
                role["from"] = f
            if t:
                role["to"] = t
            roles.append(role)
    if block["phrase"].strip().strip("_").upper() == block["phrase"].strip().strip("_") and \
            len(codes) == 1 and len(codes[0][0]) == 3 and not arabic and not block["aliases"] and \
            codes[0][0] in alpha3:
        return None  # a country block
    is_org = bool(upper_words & ORG_WORDS) if not arabic else bool(set(words) & AR_ORG_WORDS)
    if not arabic and upper_words & EN_ORG_SUFFIX and source != "Countries":
        is_org = True
    is_country_block = not is_org and any(len(c[0]) == 3 and c[0] in alpha3 and not c[1] for c in codes) \
        and "CountryInfo" not in block["comment"]
    if arabic:
        if is_org:
            return None  # lemmatised organisation names do not match text
        if not (2 <= len(words) <= 4) or not roles and not any(c[0][3:6] in ("ELI", "GOV") for c in codes):
            return None
        etype = "Person"
    elif is_org:
        etype = "Organization"
    elif source == "Countries" and "CountryInfo" not in block["comment"]:
        return None  # generic sector phrases and country aliases
    elif is_country_block and source == "Countries":
        return None
    else:
        if source == "MilNonState":
            etype = "Organization"
        elif len(words) >= 2:
            etype = "Person"
        else:
            return None
    if name.upper() in GENERIC or len(name) < 4:
        return None
    if not arabic and (name[0].isdigit() or upper_words & MONTHS):
        return None  # "21 June", "17 November": dates in running text
    if arabic and any(len(w) < 2 or w.startswith("أل") or w.startswith("ألإ") for w in words):
        return None  # lemmatiser artefacts (أ مفأوض ألإسرأئيلي)
    ent = {"key": (ar_slug(name) if arabic else slug(name)), "type": etype,
           "labels": {("ar" if arabic else "en"): name}}
    aliases = []
    for a in block["aliases"]:
        t = phrase_text(a, arabic)
        if t and arabic:
            t = strip_ar_titles(t)
        if t and t != name and len(t) >= 4 and t.upper() not in GENERIC and t not in aliases:
            if etype == "Person" and len(t.split(" ")) < 2:
                continue
            aliases.append(t)
    if aliases:
        ent["aliases"] = {("ar" if arabic else "en"): aliases[:12]}
    if etype == "Organization":
        sector = next((s for s in sectors if s), None)
        if source == "MilNonState":
            sector = "armed_group"
        if sector:
            ent["sector"] = sector
    if countries:
        ent["country"] = countries[0]
        ent["affiliations"] = [{"key": c} for c in countries]
    if roles and etype == "Person":
        ent["roles"] = roles[:6]
    return ent


def existing_names():
    names, keys = set(), set()
    d = os.path.join(LEX, "entities")
    for f in sorted(os.listdir(d)):
        if not f.endswith(".jsonl") or f.startswith("petrarch_"):
            continue
        for line in open(os.path.join(d, f), encoding="utf-8"):
            e = json.loads(line)
            keys.add(e["key"])
            for lang, v in e.get("labels", {}).items():
                names.add(fold_ar(v).lower())
            for lang, vs in e.get("aliases", {}).items():
                for v in vs:
                    names.add(fold_ar(v).lower())
    return names, keys


def write_split(entities, stem, max_bytes):
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in entities]
    files, cur, size = [], [], 0
    for l in lines:
        n = len(l.encode("utf-8"))
        if cur and size + n > max_bytes:
            files.append(cur)
            cur, size = [], 0
        cur.append(l)
        size += n
    if cur:
        files.append(cur)
    out = []
    for i, chunk in enumerate(files):
        path = f"{stem}.jsonl" if len(files) == 1 else f"{stem}_{i + 1}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(chunk)
        out.append((path, len(chunk), sum(len(x.encode()) for x in chunk)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default=os.path.join(LEX, "..", "..", "shared", "lexicon-sources", "petrarch"))
    ap.add_argument("--out-dir", default=os.path.join(LEX, "entities"))
    ap.add_argument("--max-bytes", type=int, default=950000)
    args = ap.parse_args()
    alpha3 = load_alpha3()
    names, keys = existing_names()
    sources = [("english/Phoenix.Countries.actors.txt", False, "Countries"),
               ("english/Phoenix.International.actors.txt", False, "International"),
               ("english/Phoenix.MilNonState.actors.txt", False, "MilNonState"),
               ("arabic/actor_dict_ar_v4.txt", True, "Arabic")]
    people, orgs, stats = {}, {}, {}
    for rel, arabic, source in sources:
        path = os.path.join(args.src, rel)
        blocks = parse_file(path, arabic)
        kept = 0
        for b in blocks:
            e = classify(b, alpha3, arabic, source)
            if e is None:
                continue
            label = next(iter(e["labels"].values()))
            if fold_ar(label).lower() in names or not e["key"] or e["key"] in keys:
                continue
            target = people if e["type"] == "Person" else orgs
            key = "petrarch-" + e["key"] if e["key"] in keys else e["key"]
            e["key"] = key
            if key in people or key in orgs:
                other = people.get(key) or orgs.get(key)
                for lang, vs in e.get("aliases", {}).items():
                    al = other.setdefault("aliases", {}).setdefault(lang, [])
                    al += [v for v in vs if v not in al]
                continue
            target[key] = e
            names.add(fold_ar(label).lower())
            kept += 1
        stats[source] = (len(blocks), kept)
    for s, (n, k) in stats.items():
        print(f"{s}: {n} blocks, {k} entities kept", file=sys.stderr)
    for stem, group in (("petrarch_people", people), ("petrarch_organizations", orgs)):
        ents = [group[k] for k in sorted(group)]
        for path, n, size in write_split(ents, os.path.join(args.out_dir, stem), args.max_bytes):
            print(f"{path}: {n} entities, {size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
