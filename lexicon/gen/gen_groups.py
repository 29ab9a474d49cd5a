#!/usr/bin/env python3
"""Builds entities/groups.jsonl: populations as Group entities.

Nationals are derived from the country demonyms of entities/geo.jsonl (the
masculine sound plural of the nisba: مصري → المصريون / المصريين), with a
table of the broken plurals news writers use instead (الروس، الأتراك).
Religious, ethnic and historical groups come from the hand table GROUPS.
Python 3 standard library only; deterministic output sorted by key.

    python3 lexicon/gen/gen_groups.py [--geo lexicon/entities/geo.jsonl] [--out lexicon/entities/groups.jsonl]
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.dirname(HERE)

# Broken plurals used for nationals instead of (or besides) the sound plural.
BROKEN = {
    "russia": ["الروس"], "turkey": ["الأتراك", "الترك"], "germany": ["الألمان"],
    "united-kingdom": ["الإنجليز", "الإنكليز", "البريطانيون", "البريطانيين"],
    "united-states": ["الأمريكان", "الأميركان", "الأمريكيون", "الأمريكيين", "الأميركيون", "الأميركيين"],
    "iran": ["الإيرانيون", "الإيرانيين", "الفرس"], "spain": ["الإسبان", "الأسبان"],
    "italy": ["الإيطاليون", "الإيطاليين", "الطليان"], "greece": ["اليونانيون", "اليونانيين", "الإغريق"],
    "afghanistan": ["الأفغان"], "india": ["الهنود"], "china": ["الصينيون", "الصينيين"],
    "japan": ["اليابانيون", "اليابانيين"], "armenia": ["الأرمن"], "serbia": ["الصرب"],
    "croatia": ["الكروات"], "portugal": ["البرتغاليون", "البرتغاليين"],
}

# Groups that are no country's nationals: religions, sects, peoples, dynasties.
GROUPS = [
    ("arabs", "Arabs", "العرب", ["عرب"], None),
    ("muslims", "Muslims", "المسلمون", ["المسلمين", "مسلمون", "مسلمين"], None),
    ("christians", "Christians", "المسيحيون", ["المسيحيين", "مسيحيون", "مسيحيين", "النصارى"], None),
    ("jews", "Jews", "اليهود", ["يهود"], None),
    ("shia", "Shia Muslims", "الشيعة", ["الشيعه"], None),
    ("sunnis", "Sunni Muslims", "السنة", ["أهل السنة"], None),
    ("alawites", "Alawites", "العلويون", ["العلويين"], "syria"),
    ("druze", "Druze", "الدروز", [], None),
    ("copts", "Copts", "الأقباط", [], "egypt"),
    ("kurds", "Kurds", "الأكراد", ["الكرد", "أكراد"], None),
    ("yazidis", "Yazidis", "الإيزيديون", ["الإيزيديين", "الأيزيديين", "اليزيديين"], None),
    ("assyrians", "Assyrians", "الآشوريون", ["الآشوريين"], None),
    ("amazigh", "Amazigh", "الأمازيغ", ["البربر"], None),
    ("circassians", "Circassians", "الشركس", [], None),
    ("turkmen", "Turkmen", "التركمان", [], None),
    ("bedouins", "Bedouins", "البدو", [], None),
    ("palestinians", "Palestinians", "الفلسطينيون", ["الفلسطينيين"], "palestine"),
    ("israelis", "Israelis", "الإسرائيليون", ["الإسرائيليين"], "israel"),
    ("europeans", "Europeans", "الأوروبيون", ["الأوروبيين", "الأوربيين"], None),
    ("africans", "Africans", "الأفارقة", [], None),
    ("westerners", "Westerners", "الغربيون", ["الغربيين"], None),
    ("romans", "Romans", "الرومان", [], None),
    ("byzantines", "Byzantines", "البيزنطيون", ["البيزنطيين"], None),
    ("crusaders", "Crusaders", "الصليبيون", ["الصليبيين"], None),
    ("mongols", "Mongols", "المغول", ["التتار"], None),
    ("ottomans", "Ottomans", "العثمانيون", ["العثمانيين"], None),
    ("umayyads", "Umayyads", "الأمويون", ["الأمويين"], None),
    ("abbasids", "Abbasids", "العباسيون", ["العباسيين"], None),
    ("fatimids", "Fatimids", "الفاطميون", ["الفاطميين"], None),
    ("ayyubids", "Ayyubids", "الأيوبيون", ["الأيوبيين"], None),
    ("mamluks", "Mamluks", "المماليك", [], None),
    ("seljuks", "Seljuks", "السلاجقة", [], None),
    ("franks", "Franks", "الفرنجة", [], None),
    ("kharijites", "Kharijites", "الخوارج", [], None),
    ("houthis-people", "Houthi supporters", "الحوثيون", ["الحوثيين"], "yemen"),
    ("catholics", "Catholics", "الكاثوليك", [], None),
    ("protestants", "Protestants", "البروتستانت", [], None),
    ("orthodox-christians", "Orthodox Christians", "الأرثوذكس", [], None),
    ("maronites", "Maronites", "الموارنة", [], "lebanon"),
    ("chaldeans", "Chaldeans", "الكلدان", ["الكلدانيون", "الكلدانيين"], None),
    ("syriacs", "Syriacs", "السريان", [], None),
    ("armenians", "Armenians", "الأرمن", [], None),
    ("ismailis", "Ismailis", "الإسماعيليون", ["الإسماعيليين", "الإسماعيلية"], None),
    ("sufis", "Sufis", "الصوفيون", ["الصوفيين", "المتصوفة"], None),
    ("zoroastrians", "Zoroastrians", "الزرادشتيون", ["الزرادشتيين", "المجوس"], None),
    ("hindus", "Hindus", "الهندوس", [], None),
    ("buddhists", "Buddhists", "البوذيون", ["البوذيين"], None),
    ("sikhs", "Sikhs", "السيخ", [], None),
    ("pashtuns", "Pashtuns", "البشتون", [], None),
    ("tajiks", "Tajiks", "الطاجيك", [], None),
    ("hazaras", "Hazaras", "الهزارة", [], None),
    ("uyghurs", "Uyghurs", "الإيغور", ["الأويغور", "الايغور"], None),
    ("rohingya", "Rohingya", "الروهينغا", ["الروهينجا"], None),
    ("slavs", "Slavs", "السلاف", [], None),
    ("vikings", "Vikings", "الفايكنج", ["الفايكنغ", "الفايكينج"], None),
    ("ancient-greeks", "Ancient Greeks", "الإغريق", [], None),
    ("persians", "Persians", "الفرس", [], None),
    ("aramaeans", "Aramaeans", "الآراميون", ["الآراميين"], None),
    ("normans", "Normans", "النورمان", ["النورمانديون"], None),
    ("germanic-peoples", "Germanic peoples", "الجرمان", [], None),
    ("qarmatians", "Qarmatians", "القرامطة", [], None),
    ("buyids", "Buyids", "البويهيون", ["البويهيين"], None),
    ("hamdanids", "Hamdanids", "الحمدانيون", ["الحمدانيين"], None),
    ("tulunids", "Tulunids", "الطولونيون", ["الطولونيين"], None),
    ("safavids", "Safavids", "الصفويون", ["الصفويين"], None),
    ("pharaohs", "Pharaohs", "الفراعنة", [], None),
]


def plural_forms(demonyms):
    """Sound masculine plurals of the nisba forms with ال (الجزائري → الجزائريون)."""
    out = []
    for d in demonyms:
        if not d.startswith("ال") or not d.endswith("ي") or " " in d:
            continue
        out += [d + "ون", d + "ين"]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geo", default=os.path.join(LEX, "entities", "geo.jsonl"))
    ap.add_argument("--out", default=os.path.join(LEX, "entities", "groups.jsonl"))
    args = ap.parse_args()
    entities = []
    taken = set()
    for line in open(args.geo, encoding="utf-8"):
        e = json.loads(line)
        if e["type"] != "Country" or "demonyms" not in e:
            continue
        ar = plural_forms(e["demonyms"].get("ar", [])) + BROKEN.get(e["key"], [])
        ar = [a for i, a in enumerate(ar) if a not in ar[:i]]
        if not ar:
            continue
        en_dem = e["demonyms"].get("en", [])
        label_en = (en_dem[0] + "s") if en_dem else "People of " + e["labels"].get("en", e["key"])
        key = e["key"] + "-people"
        ent = {"key": key, "type": "Group", "labels": {"en": label_en, "ar": ar[0]},
               "aliases": {"ar": ar[1:]}, "country": e["key"],
               "affiliations": [{"key": e["key"]}]}
        entities.append(ent)
        taken.update(ar)
    for key, en, ar, aliases, country in GROUPS:
        aliases = [a for a in aliases if a not in taken]
        if ar in taken:
            continue
        ent = {"key": key, "type": "Group", "labels": {"en": en, "ar": ar}}
        if aliases:
            ent["aliases"] = {"ar": aliases}
        if country:
            ent["country"] = country
            ent["affiliations"] = [{"key": country}]
        entities.append(ent)
    entities.sort(key=lambda x: x["key"])
    keys = [x["key"] for x in entities]
    assert len(keys) == len(set(keys)), "duplicate keys"
    with open(args.out, "w", encoding="utf-8") as f:
        for ent in entities:
            f.write(json.dumps(ent, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{args.out}: {len(entities)} groups", file=sys.stderr)


if __name__ == "__main__":
    main()
