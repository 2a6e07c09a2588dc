"""A controlled vocabulary of topics, for facets, feeds and trends.

Drawn from the NSPCC's case review keywords and the Child Safeguarding Practice Review Panel's
themes, with the adult safeguarding topics that safeguarding adults reviews and domestic
homicide reviews keep returning to. ``themes`` stay verbatim; ``topics`` are assigned from a
review's keywords, themes and summary by the rule table below: a topic applies when one of its
patterns occurs, and no ``unless`` pattern occurs in the same text.

Each rule is a regular expression over lower-cased text. Keywords and themes are read whole;
the summary is read too, because many listings give nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import patterns as rx


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    definition: str
    patterns: tuple[str, ...]
    unless: tuple[str, ...] = field(default=())


TOPICS: list[Topic] = [
    Topic("neglect", "Neglect",
          "Persistent failure to meet a child's or adult's basic needs: food, hygiene, supervision,"
          " health care, a safe home.",
          (r"(?<!self-)(?<!self )\bneglect(?:ed|ful)?\b", r"poor home conditions", r"home conditions were",
           r"failure to thrive", r"\bmalnourish", r"\bmalnutrition", r"\bdehydrat", r"\bunkempt\b",
           r"(?:missed|not brought to) (?:health |medical |hospital )?appointments"),
          ()),
    Topic("domestic-abuse", "Domestic abuse",
          "Violence or abuse between partners or family members, including domestic homicide.",
          (r"domestic (?:abuse|violence|homicide)", r"intimate partner", r"\bdhr\b",
           r"killed by (?:her|his) (?:husband|wife|partner|son|daughter|ex)",
           r"violent (?:relationship|partner)")),
    Topic("parental-mental-health", "Parental mental health",
          "A parent's or carer's mental illness affecting their care of a child.",
          (r"parent(?:al|s'?)? mental (?:health|illness)", r"(?:mother|father|mum|dad|parent)(?:'s|’s)?"
           r" (?:mental health|depression|psychosis|post-?natal depression)", r"maternal mental health",
           r"post-?natal depression", r"perinatal mental health")),
    Topic("parental-substance-misuse", "Parental substance misuse",
          "A parent's or carer's misuse of drugs or alcohol affecting their care of a child.",
          (r"parent(?:al|s)? (?:substance|drug|alcohol)", r"parents? who misuse",
           r"(?:mother|father|parents?)(?:'s|’s)? (?:drug|alcohol|substance|heroin|methadone)",
           r"opioid substitution", r"methadone", r"drug[- ]using parents?")),
    Topic("substance-misuse", "Substance misuse (adults and young people)",
          "The person the review is about misused drugs or alcohol.",
          (r"substance (?:misuse|use)", r"\balcohol(?:ism| dependen| misuse| use)", r"drug (?:use|misuse|"
           r"dependen)", r"\boverdose", r"\bheroin\b", r"\bcannabis\b", r"alcohol-related",
           r"\bdrinking\b", r"\bdrunk\b", r"intoxicat")),
    Topic("sudi-safer-sleep", "Sudden unexpected death in infancy and safer sleep",
          "A baby who died suddenly and unexpectedly, often while co-sleeping; safer sleep advice.",
          (r"\bsudi\b", r"sudden (?:and )?unexpected death", r"safer sleep", r"co-?sleep",
           r"sleeping (?:arrangements|with (?:a|the|their) (?:parent|baby))", r"cot death", r"\bsids\b")),
    Topic("non-accidental-injury", "Non-accidental injury to babies",
          "Head injuries, fractures or bruising inflicted on babies and young children.",
          (r"non-?accidental", r"head injur", r"abusive head trauma", r"shaken baby", r"\bfractures?\b",
           r"bruis(?:e|es|ing) (?:in|on|to) (?:a |the )?(?:non-?mobile|baby|babies|infant)",
           r"non-?mobile (?:babies|infants|children)", r"skull fracture", r"brain injur")),
    Topic("physical-abuse", "Physical abuse",
          "Hitting, beating or other physical harm to a child or adult.",
          (r"physical(?:ly)? abuse", r"physical harm", r"\bassault(?:ed)?\b", r"beaten\b",
           r"physical chastisement", r"murders? of (?:a |the )?(?:child|baby|infant|toddler|boy|girl)",
           r"the murders of", r"deliberate(?:ly)? (?:overdose|poison|harm)")),
    Topic("child-sexual-abuse", "Child sexual abuse",
          "Sexual abuse of a child, in or outside the family.",
          (r"(?:child )?sexual(?:ly)? abuse", r"intra-?familial (?:child )?sexual", r"\bcsa\b",
           r"harmful sexual behaviour", r"sexually abused"),
          (r"sexual exploitation",)),
    Topic("child-sexual-exploitation", "Child sexual exploitation",
          "Children groomed and sexually exploited, often by adults outside the family.",
          (r"sexual(?:ly)? exploit", r"\bcse\b", r"\bgroom(?:ed|ing)\b")),
    Topic("criminal-exploitation", "Criminal exploitation and serious youth violence",
          "County lines, gangs, knife crime and other criminal exploitation of young people.",
          (r"criminal(?:ly)? exploit", r"county lines", r"\bgangs?\b", r"knife crime", r"\bstabb",
           r"serious youth violence", r"extra-?familial harm", r"contextual safeguarding",
           r"drug (?:dealing|running)")),
    Topic("online-abuse", "Online abuse",
          "Abuse or exploitation online: grooming on social media, images, livestreaming.",
          (r"\bonline\b", r"social media", r"internet", r"indecent images", r"sexting", r"e-?safety",
           r"\bwebcam", r"livestream")),
    Topic("self-harm-suicide", "Self-harm and suicide",
          "Self-harm, suicidal thoughts or death by suicide.",
          (r"self[- ]harm", r"suicid", r"took (?:his|her|their) own life", r"hanging", r"ligature")),
    Topic("mental-health", "Mental health (of the person the review is about)",
          "The child's or adult's own mental illness or emotional wellbeing.",
          (r"mental (?:health|illness|ill-health)", r"\bcamhs\b", r"psychiatric", r"\bpsychosis\b",
           r"\bdepression\b", r"eating disorder", r"anorexia", r"emotional wellbeing"),
          (r"parent(?:al|s)? mental", r"maternal mental", r"post-?natal depression")),
    Topic("disabled-children", "Disability and complex health needs",
          "Children or adults with disabilities, complex health needs or learning disabilities.",
          (r"disab(?:led|ility|ilities)", r"complex (?:health )?needs", r"learning disab", r"\bautis",
           r"special educational needs", r"\bsend\b", r"cerebral palsy", r"down(?:'s)? syndrome")),
    Topic("looked-after-children", "Looked-after children and care leavers",
          "Children in care (foster, residential, kinship care) and young people leaving care.",
          (r"looked[- ]after", r"care leavers?", r"leaving care", r"foster(?:ing| care| carer| placement)",
           r"residential (?:care|home|placement|setting)", r"children's home", r"kinship care",
           r"special guardianship", r"\bin care\b", r"children in care")),
    Topic("elective-home-education", "Elective home education",
          "Children educated at home by their parents.",
          (r"home[- ]educat", r"elective home", r"\behe\b")),
    Topic("missing-education", "Missing from education and school exclusion",
          "Children missing from school, excluded, or with poor attendance.",
          (r"missing (?:from )?education", r"school exclusion", r"excluded from (?:school|education)",
           r"(?:permanent(?:ly)?|fixed[- ]term) exclu", r"school attendance", r"\battendance\b",
           r"persistent absence", r"out of school")),
    Topic("missing-children", "Children missing from home or care",
          "Children who go missing from home or care.",
          (r"missing from (?:home|care)", r"went missing", r"missing episodes", r"\brunaway")),
    Topic("information-sharing", "Information sharing",
          "Agencies not sharing, recording or acting on what they knew.",
          (r"information[- ]sharing", r"shar(?:e|ed|ing) (?:of )?information", r"information was not shared",
           r"shared what they knew", r"did not share", r"record[- ]keeping", r"\brecording", r"poor records",
           r"records did not", r"communicat(?:ed|ion|ions) (?:with|between) .{0,40}(?:agencies|professionals"
           r"|services|social care|health)", r"between health and social care",
           r"families who move", r"(?:changes?|move) of address", r"moved between (?:areas|two addresses"
           r"|addresses)", r"not passed on")),
    Topic("multi-agency-working", "Multi-agency working and escalation",
          "How agencies worked together, challenged each other and escalated concerns.",
          (r"multi-?agency", r"inter-?agency", r"partnership working", r"escalat", r"professional challenge",
           r"working together", r"joint working", r"agencies worked together", r"worked together",
           r"between agencies")),
    Topic("professional-curiosity", "Professional curiosity",
          "Professionals not asking questions or testing what they were told.",
          (r"professional curiosity", r"\bcuriosity\b", r"respectful uncertainty", r"disguised compliance",
           r"\bcurious\b", r"without checking", r"at face value", r"accepted (?:the )?(?:parents?|mother|father"
           r"|family|carers?)(?:'s|s')? (?:explanations?|accounts?)", r"challenge (?:the )?(?:parents|family"
           r"|carers)")),
    Topic("voice-of-the-child", "Voice of the child",
          "The child's own views, experience and wishes not heard or acted on.",
          (r"voice of the (?:child|young person)", r"child's voice", r"lived experience",
           r"child's (?:daily )?lived", r"(?:seen|spoken to) alone", r"views of the child",
           r"voices? of (?:the )?(?:boys|girls|children|child|young people|baby)", r"heard the voices?",
           r"wishes and feelings")),
    Topic("fathers-men", "Fathers and men in the household",
          "Fathers, male carers and other men around a child who were unseen or unassessed.",
          (r"invisible (?:men|males?)", r"hidden (?:men|males?)", r"\bfathers?\b", r"male carers?",
           r"men in the household", r"mother's (?:new |former )?partner", r"(?:new|mother's) boyfriend",
           r"step-?father", r"partner known to", r"not the child's parents")),
    Topic("self-neglect", "Self-neglect",
          "An adult not caring for their own hygiene, health or home, or refusing help.",
          (r"self[- ]neglect",)),
    Topic("hoarding", "Hoarding", "An adult whose home is filled with belongings or waste.",
          (r"hoard",)),
    Topic("financial-abuse", "Financial abuse and scams",
          "Theft, fraud or exploitation of a person's money or property.",
          (r"financial (?:abuse|exploitation)", r"\bscams?\b", r"\bfraud", r"financially exploit",
           r"money was taken", r"financially (?:and \w+ )?abused")),
    Topic("coercive-control", "Coercive control",
          "A pattern of controlling, threatening or isolating behaviour in a relationship.",
          (r"coercive", r"controlling behaviour", r"coercion")),
    Topic("cuckooing", "Cuckooing", "A vulnerable person's home taken over for drug dealing or crime.",
          (r"cuckoo",)),
    Topic("mental-capacity", "Mental capacity and consent",
          "Whether a person could make their own decisions, and how that was assessed.",
          (r"mental capacity", r"\bcapacity\b", r"best interests", r"\bmca\b", r"unwise decisions")),
    Topic("care-homes", "Care and nursing homes",
          "Quality and safety of care in care homes, nursing homes and home care.",
          (r"care home", r"nursing home", r"residential care home", r"domiciliary care",
           r"home care (?:agency|provider|workers?)", r"care providers?", r"pressure (?:ulcers?|sores?)")),
    Topic("homelessness", "Homelessness and housing",
          "Rough sleeping, homelessness and unsafe or insecure housing.",
          (r"homeless", r"rough sleep", r"\bhousing\b", r"temporary accommodation", r"overcrowd")),
    Topic("transitions", "Transition to adult services",
          "Young people moving from children's to adult services.",
          (r"transition(?:al)? (?:to|into) adult", r"transitional safeguarding", r"\btransitions?\b",
           r"turning 18", r"adult services")),
    Topic("older-people", "Older people",
          "Abuse and neglect of older adults, including by carers.",
          (r"older (?:people|person|adults?|man|woman)", r"\belderly\b", r"\bdementia\b",
           r"aged (?:[7-9]\d|1\d\d)\b", r"(?:[7-9]\d)[- ]year[- ]old (?:man|woman)")),
    Topic("harmful-practices", "Honour-based abuse, FGM and forced marriage",
          "Female genital mutilation, forced marriage and so-called honour-based abuse.",
          (r"female genital", r"\bfgm\b", r"forced marriage", r"honour[- ]based")),
    Topic("trafficking-modern-slavery", "Trafficking and modern slavery",
          "People trafficked, or held in forced labour or servitude.",
          (r"traffick", r"modern slavery", r"forced labour", r"servitude")),
    Topic("radicalisation", "Radicalisation", "Children or adults drawn into extremism.",
          (r"radicali", r"extremis", r"\bprevent\b")),
    Topic("fabricated-illness", "Fabricated or induced illness",
          "A carer fabricating or inducing illness in a child or adult.",
          (r"fabricated", r"induced illness", r"\bfii\b", r"munchausen")),
]  # fmt: skip

BY_SLUG = {t.slug: t for t in TOPICS}


def _any_of(patterns: tuple[str, ...]) -> re.Pattern | None:
    """One search for a topic's patterns (any of them), not one search each."""
    return rx.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


_META = set("\\[](){}.?*+|^$")


def _starts_of(pattern: str) -> tuple[str, ...] | None:
    """Plain texts one of which starts every match of ``pattern`` ('hoard' for r'\\bhoard',
    'mother', 'father' for r'(?:mother|father)'s'), or None when there are none to test."""
    if re.search(r"\\[()|]|\[[^\]]*[()|]", pattern):
        return None  # escaped or bracketed ( ) |: the count below could not be trusted
    depth = 0
    for ch in pattern:  # an alternative at the top level: no one start
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            return None
    rest = re.sub(r"^(?:\(\?<[!=][^()]*\))+", "", pattern).removeprefix("\\b")
    if rest.startswith("(?:"):  # a group of plain words: each is a start
        close = rest.find(")")
        # "parents?" starts with "parent"
        words = [w[:-2] if w.endswith("?") else w for w in rest[3:close].split("|")]
        if close < 0 or rest[close + 1 : close + 2] in ("?", "*", "{"):
            return None
        if any(_META & set(w) or len(w) < 3 for w in words):
            return None
        return tuple(words)
    run = ""
    for ch in rest:
        if ch in _META:
            if ch in "?*{":
                run = run[:-1]  # the letter before is optional
            break
        run += ch
    return (run,) if len(run) >= 3 else None


def _needs_of(pattern: str) -> tuple[str, ...] | None:
    """The longest plain text every match of ``pattern`` contains, outside its groups
    ('sleep' for r'co-?sleep', ' of address' for r'(?:changes?|move) of address'), or None."""
    if re.search(r"\\[()|\[\]]", pattern):
        return None  # escaped brackets or bars: the depth count below could not be trusted
    runs, run, depth, i = [], "", 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if depth == 0 and ch not in _META and ch not in "+":
            run += ch
            i += 1
            continue
        if depth == 0 and ch in "?*{":
            run = run[:-1]  # the letter before is optional
        if depth == 0 and ch == "|":
            return None  # an alternative at the top level: no one text
        if ch == "\\":
            i += 1  # an escape (\b, \d, \s): not plain text
        elif ch == "[":
            i = pattern.index("]", i + 2 if pattern[i + 1 : i + 2] == "]" else i + 1)
        elif ch == "{":
            i = pattern.index("}", i)  # a count, {2} or {1,3}: not text either
        depth += (ch == "(") - (ch == ")")
        runs.append(run)
        run = ""
        i += 1
    longest = max([*runs, run], key=len)
    return (longest,) if len(longest) >= 3 else None


def _starts(patterns: tuple[str, ...]) -> tuple[str, ...] | None:
    """Texts one of which a match of any of ``patterns`` must contain (None: no such list)."""
    starts = [_starts_of(p) or _needs_of(p) for p in patterns]
    return None if None in starts else tuple(w for found in starts for w in found)


# (slug, the plain texts one of which its matches contain or None, its patterns, its unless)
_COMPILED = [(t.slug, _starts(t.patterns), _any_of(t.patterns), _any_of(t.unless)) for t in TOPICS]


@lru_cache(maxsize=16384)
def _topics_of_text(text: str) -> tuple[str, ...]:
    found = []
    for slug, starts, pattern, unless in _COMPILED:
        if starts is not None and not any(start in text for start in starts):
            # Plain substring tests first: most topics are not in most texts. (``in`` tests
            # are about twice as fast as one search for the same texts as alternatives, which
            # the engine tries one by one at every position.)
            continue
        if pattern.search(text) and not (unless and unless.search(text)):
            found.append(slug)
    return tuple(found)


ADULT_TYPES = ("sar", "dhr")
_YOUNG_PERSON = rx.compile(
    r"young (?:person|people|man|woman)|adolescen|teenage|\b1[3-8][- ]year[- ]old"
)


def topics_of(
    keywords: list[str] | None = None,
    themes: list[str] | None = None,
    summary: str | None = None,
    title: str | None = None,
    review_type: str | None = None,
) -> list[str]:
    """The topics a review is about, in vocabulary order.

    The review's type says whose review it is: in a review about an adult (a SAR or a DHR) there
    is no child sexual exploitation or parental topic; in a review about a child, misuse of
    drugs or alcohol is the parents' unless the text is about a young person."""
    found: set[str] = set()
    texts = [t for t in [*(keywords or []), *(themes or []), summary or "", title or ""] if t]
    for text in texts:
        found.update(_topics_of_text(text.lower().replace("’", "'")))
    if review_type == "dhr":
        found.add("domestic-abuse")
    if review_type in ADULT_TYPES:
        found -= {
            "child-sexual-exploitation",
            "parental-substance-misuse",
            "parental-mental-health",
        }
    elif (
        review_type
        and "substance-misuse" in found
        and not any(_YOUNG_PERSON.search(t.lower()) for t in texts)
    ):
        found = (found - {"substance-misuse"}) | {"parental-substance-misuse"}
    return [t.slug for t in TOPICS if t.slug in found]


def label(slug: str) -> str:
    topic = BY_SLUG.get(slug)
    return topic.label if topic else slug
