"""A deterministic corpus of synthetic news articles, of any size, for benchmarks and tests.

Article `i` of seed `s` is always the same text, whatever the size of the corpus, so a
corpus of 200 articles is the first tenth of one of 2,000. Articles look like the copy
claimlint is meant for: headlines, datelines (wire style, weekday-and-date, or
Markdown front matter), named people whose names are sometimes misspelled later on,
quotes (curly and straight, a few left open or with text glued after them), relative
and absolute dates, and, in some articles, the debris of translation and scraping.
All names are invented.

    python benchmarks/corpus.py OUT_DIR --articles 2000 [--seed 8]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

DEFAULT_SEED = 8
#: articles per sub-folder, so a big corpus is a tree as archives are
SHARD_SIZE = 500
MANIFEST = "corpus.json"

FIRST = [
    "Karin",
    "Pieter",
    "Amal",
    "Layla",
    "Tomasz",
    "Ingrid",
    "Mehmet",
    "Yusuf",
    "Adaeze",
    "Chidi",
    "Sofia",
    "Mateo",
    "Hana",
    "Kenji",
    "Ravi",
    "Priya",
    "Olga",
    "Dmitri",
    "Fatima",
    "Omar",
    "Elena",
    "Lucas",
    "Aisha",
    "Samuel",
    "Marta",
    "Jonas",
    "Leila",
    "Diego",
    "Nadia",
    "Viktor",
    "Grace",
    "Daniel",
    "Mariam",
    "Hassan",
    "Ana",
    "Paulo",
    "Irina",
    "Stefan",
    "Noor",
    "Tariq",
    "Helen",
    "Marcus",
]
LAST = """de Vries|Bakker|Haddad|Kowalski|Lindqvist|Yilmaz|Okonkwo|Eze|Moreno|Alvarez|Tanaka|
Sato|Raghunathan|Chatterjee|Petrova|Volkov|Al-Rashid|Mansour|Papadopoulos|Schneider|
Abubakar|Mwangi|Kristiansen|Novak|Fitzgerald|Castellanos|Nakamura|Ibrahim|Horvath|Dubois|
Oyelaran|Grigoryan|Saarinen|Whitfield|Quintero|Van der Berg|Hosseini|Kaczmarek""".replace(
    "\n", ""
).split("|")
ROLES = [
    "Foreign Minister",
    "Finance Minister",
    "Labour Minister",
    "Health Minister",
    "government spokeswoman",
    "government spokesman",
    "central bank governor",
    "union leader",
    "opposition leader",
    "police chief",
    "mayor",
    "chief executive",
    "coach",
    "prosecutor",
    "senior analyst",
]
PLACES = [
    ("ROTTERDAM", "Rotterdam", "the Netherlands"),
    ("NAIROBI", "Nairobi", "Kenya"),
    ("WARSAW", "Warsaw", "Poland"),
    ("BAGHDAD", "Baghdad", "Iraq"),
    ("LIMA", "Lima", "Peru"),
    ("OSAKA", "Osaka", "Japan"),
    ("LAGOS", "Lagos", "Nigeria"),
    ("ANKARA", "Ankara", "Turkey"),
    ("HELSINKI", "Helsinki", "Finland"),
    ("MONTREAL", "Montreal", "Canada"),
    ("BOGOTA", "Bogota", "Colombia"),
    ("ATHENS", "Athens", "Greece"),
    ("CHENNAI", "Chennai", "India"),
    ("TBILISI", "Tbilisi", "Georgia"),
]
AGENCIES = ["Reuters", "AP", "AFP", "Bloomberg"]
ORGS = [
    "the port authority",
    "the central bank",
    "the national statistics office",
    "the electoral commission",
    "the football federation",
    "the transport ministry",
    "the health ministry",
    "the state energy company",
    "the supreme court",
    "the city council",
    "the teachers' union",
    "the airline",
]
TOPICS = {
    "labour": (
        "strike",
        [
            "Workers at {org} walked out {rel}, demanding a {pct} pay rise.",
            "The dispute has disrupted {thing} across {country} for {n} days.",
            "Talks between unions and employers broke down {rel} without agreement.",
            "About {big} workers are covered by the deal, which runs until {abs}.",
            "Employers said the demands would cost {money} over three years.",
        ],
    ),
    "economy": (
        "inflation",
        [
            "Consumer prices rose {pct} in the year to {month}, {org} said {rel}.",
            "The figure was higher than the {pct} forecast by economists polled by {agency}.",
            "Officials expect growth to slow to {pct} next year as exports weaken.",
            "Fuel and food accounted for most of the increase, the data showed.",
            "The currency fell {pct} against the dollar after the announcement.",
        ],
    ),
    "politics": (
        "talks",
        [
            "The two governments agreed {rel} to resume talks on trade and security.",
            "The last round of negotiations, held in {city} in {month}, ended without a deal.",
            "Lawmakers are due to vote on the proposal before {abs}.",
            "The opposition called the plan a surrender and promised to fight it in parliament.",
            "Diplomats said a summit could take place as early as {nextrel}.",
        ],
    ),
    "courts": (
        "trial",
        [
            "The court adjourned the hearing until {abs} after defence lawyers asked for more time.",
            "Prosecutors say the company paid {money} in bribes between 2015 and 2019.",
            "The defendants, who deny wrongdoing, face up to {n} years in prison if convicted.",
            "A verdict is expected {nextrel}, a court official said.",
            "The case has been closely watched by investors in {country}.",
        ],
    ),
    "weather": (
        "floods",
        [
            "Heavy rain since {rel} has forced {big} people from their homes.",
            "Rescue teams reached {n} villages cut off by the floods, {org} said.",
            "Forecasters warned of more storms over the weekend.",
            "Damage to roads and bridges was estimated at {money}.",
            "The government declared a state of emergency in {n} provinces.",
        ],
    ),
    "sports": (
        "final",
        [
            "The home side won the final {score} in front of {big} fans.",
            "It was the club's first title since {year}.",
            "The striker scored twice in the second half, the second a header in stoppage time.",
            "The coach said the team had learned from their defeat {rel}.",
            "The league confirmed the new season will start on {abs}.",
        ],
    ),
}
GENERAL = [
    "The announcement came after weeks of pressure from {org} and from business groups.",
    "Officials in {city} declined to comment on the figures when contacted by {agency}.",
    "Similar measures were introduced {rel} in neighbouring countries, with mixed results.",
    "Critics say the government acted too late and has offered too little detail.",
    "The ministry said it would publish a full report on {abs}.",
    "Analysts at {org} said the impact on households would be felt well into next year.",
    "Local media reported that at least {n} people had been detained, citing police sources.",
    "The issue is expected to dominate the campaign ahead of elections due {nextrel}.",
    "A spokesperson for {org} said the organisation was studying the details.",
    "Shares in listed companies most exposed to the sector fell {pct} in {city} trading.",
    "The European Union and the United Nations urged all sides to show restraint.",
    "Figures released {rel} showed unemployment at {pct}, the highest level since {year}.",
    "Residents said they had received little warning and were unsure where to go.",
    "The previous government had promised a review in {month} but never carried it out.",
]
QUOTES = [
    "This is a fair outcome for both sides",
    "We will not accept any deal that leaves workers worse off",
    "The numbers speak for themselves",
    "Nobody wanted this to drag on any longer",
    "We are looking at every option, and nothing has been ruled out",
    "It is too early to say what this means for prices",
    "The talks were constructive, but there is still a long way to go",
    "We owe it to the families to find out what happened",
    "I am proud of these players and of what they have achieved",
    "Our priority now is to get people to safety",
    "The court must be allowed to do its work",
    "There is no question of anyone being above the law",
]
SCRAPED_TAILS = [
    ["Source link"],
    ["Source link", "", "Similar Posts", "", "Leave a Reply", ""],
    [
        "Leave a Reply",
        "",
        "Your email address will not be published. Required fields are marked *",
    ],
    ["Share this:", "", "Facebook", "Twitter"],
    ["Related Posts"],
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True, slots=True)
class Article:
    index: int
    name: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class CorpusStats:
    files: int
    words: int
    bytes: int


def misspell(name: str, rng: random.Random) -> str:
    """A plausible wrong spelling of a surname, as translation produces them."""
    for old, new in (("ph", "f"), ("ck", "k"), ("ss", "s"), ("ll", "l"), ("ou", "u"), ("y", "i")):
        if old in name and rng.random() < 0.5:
            return name.replace(old, new, 1)
    vowels = [i for i, ch in enumerate(name) if ch in "aeiou" and i > 0]
    if vowels:
        i = rng.choice(vowels)
        return name[:i] + rng.choice([v for v in "aeiou" if v != name[i]]) + name[i + 1 :]
    i = rng.randrange(1, len(name))
    return name[:i] + name[i] + name[i:]


class _Writer:
    """Builds one article from its own random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.published = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
        self.topic = rng.choice(sorted(TOPICS))
        self.place = rng.choice(PLACES)
        self.agency = rng.choice(AGENCIES)
        self.people = [
            (rng.choice(FIRST), rng.choice(LAST), rng.choice(ROLES))
            for _ in range(rng.randint(2, 4))
        ]
        self.mentioned: set[int] = set()
        #: one in six articles spells someone's name two ways, as the seed article does
        self.misspelled = rng.randrange(len(self.people)) if rng.random() < 1 / 6 else None
        self.machine_translated = rng.random() < 0.3
        self.templates: list[str] = []

    # -- pieces ----------------------------------------------------------------

    def fill(self, template: str) -> str:
        rng = self.rng
        values = {
            "org": rng.choice(ORGS),
            "pct": f"{rng.randint(1, 12)}.{rng.randint(0, 9)}%",
            "rel": self.relative_date(),
            "nextrel": rng.choice(["next week", "next month", f"next {rng.choice(MONTHS)}"]),
            "abs": self.absolute_date(),
            "thing": rng.choice(["shipping", "rail services", "schools", "hospitals", "flights"]),
            "country": self.place[2],
            "city": rng.choice(PLACES)[1],
            "n": str(rng.randint(2, 40)),
            "big": f"{rng.randint(2, 95) * 1000:,}",
            "money": f"${rng.randint(2, 900)} million",
            "month": rng.choice(MONTHS),
            "agency": self.agency,
            "score": f"{rng.randint(1, 4)}-{rng.randint(0, 3)}",
            "year": str(rng.randint(1968, 2015)),
        }
        return template.format(**values)

    def relative_date(self) -> str:
        rng = self.rng
        return rng.choice(
            [
                f"on {WEEKDAYS[(self.published.weekday() - rng.randint(1, 3)) % 7]}",
                f"last {rng.choice(MONTHS)}",
                "last week",
                "earlier this month",
                "two years ago",
                "on Tuesday",
                "yesterday",
            ]
        )

    def absolute_date(self) -> str:
        day = self.published + timedelta(days=self.rng.randint(-400, 400))
        if self.rng.random() < 0.5:
            return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

    def name(self, who: int) -> str:
        first, last, _ = self.people[who]
        if who not in self.mentioned:
            self.mentioned.add(who)
            return f"{first} {last}"
        if who == self.misspelled and self.rng.random() < 0.6:
            return misspell(last, random.Random(last))
        return last

    def attributed_quote(self) -> str:
        rng = self.rng
        who = rng.randrange(len(self.people))
        first_mention = who not in self.mentioned
        name = self.name(who)
        role = self.people[who][2]
        speaker = f"{role} {name}" if first_mention else name
        words = rng.choice(QUOTES)
        style = rng.random()
        if style < 0.06:  # opened and never closed
            return f"{speaker} said the decision was final, “{words}, and we will say no more."
        if style < 0.10:  # stray text glued after the closing quote
            return f"“{words}.” {self.place[2]} Next {rng.choice(MONTHS)}, {speaker} said."
        if style < 0.35:
            return f'"{words}," {speaker} told reporters.'
        if style < 0.6:
            return f"{speaker} said: “{words}.”"
        return f"“{words},” {speaker} said in a statement."

    def next_template(self) -> str:
        """Templates in a shuffled order, each used once before any is repeated."""
        if not self.templates:
            self.templates = [*TOPICS[self.topic][1], *GENERAL]
            self.rng.shuffle(self.templates)
        return self.templates.pop()

    def paragraph(self) -> str:
        rng = self.rng
        sentences = []
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.3:
                sentences.append(self.attributed_quote())
            else:
                sentences.append(self.fill(self.next_template()))
        text = " ".join(s[:1].upper() + s[1:] for s in sentences)
        if self.machine_translated and rng.random() < 0.15:
            text = text[:-1] + " ." if text.endswith(".") else text
        if self.machine_translated and rng.random() < 0.05:
            text = text.replace(", ", " .. ", 1)
        if rng.random() < 0.02:
            text = text.replace(" and ", " &amp; ", 1)
        return text

    def headline(self) -> str:
        rng = self.rng
        noun = TOPICS[self.topic][0]
        _, last, role = self.people[0]
        options = [
            f"{self.place[1]} {noun} enters second week as talks stall",
            f"{role[0].upper()}{role[1:]} {last} says {noun} will not change course",
            f"{self.place[2]} braces for {noun} after {rng.choice(MONTHS)} warning",
        ]
        head = rng.choice(options)
        if self.machine_translated and rng.random() < 0.3:
            head = head.replace(" after ", " .. ", 1)
        return head

    def dateline(self) -> str:
        style = self.rng.random()
        day = self.published
        if style < 0.5:
            return f"{self.place[0]} ({self.agency}) - "
        if style < 0.8:
            return (
                f"{self.place[1]} announced, {WEEKDAYS[day.weekday()]}, "
                f"{MONTHS[day.month - 1]} {day.day}, {day.year}, that "
            )
        return ""

    # -- whole articles --------------------------------------------------------

    def paragraphs(self) -> list[str]:
        rng = self.rng
        lead = self.paragraph()
        dateline = self.dateline()
        if dateline.endswith("that "):
            lead = lead[:1].lower() + lead[1:]
        body = [dateline + lead]
        for _ in range(rng.randint(10, 20)):
            body.append(self.paragraph())
        if self.machine_translated and rng.random() < 0.4:
            body.insert(
                rng.randint(1, len(body) - 1),
                f"{self.place[2]} {rng.choice(['forces', 'officials', 'workers'])} "
                f"– archive – {self.agency}",
            )
        return body

    def tail(self) -> list[str]:
        if self.rng.random() < 0.25:
            return self.rng.choice(SCRAPED_TAILS)
        if self.rng.random() < 0.5:
            return [f"Reporting by {self.rng.choice(FIRST)} {self.rng.choice(LAST)}"]
        return []

    def plain(self) -> str:
        body = self.paragraphs()
        if self.rng.random() < 0.2:
            body = [_wrap(p, 72) for p in body]
        lines = [self.headline(), "", *_spaced(body), *self.tail()]
        return "\n".join(lines).rstrip("\n") + "\n"

    def markdown(self) -> str:
        rng = self.rng
        head = self.headline()
        body = self.paragraphs()
        if rng.random() < 0.5:
            body.insert(len(body) // 2, f"## {TOPICS[self.topic][0].capitalize()} in numbers")
        if rng.random() < 0.3:
            body.insert(2, f"> “{rng.choice(QUOTES)}.”")
        if rng.random() < 0.3:
            body.append(
                f"Read more: [{self.place[1]} coverage](https://example.com/{self.place[1].lower()})"
            )
        if rng.random() < 0.1:
            body.insert(1, "<!-- ad slot: inline-1 -->")
        front = [
            "---",
            f"title: {json.dumps(head)}",
            f"date: {self.published.isoformat()}",
            f"author: {rng.choice(FIRST)} {rng.choice(LAST)}",
            "---",
            "",
        ]
        return "\n".join([*front, f"# {head}", "", *_spaced(body), *self.tail()]).rstrip() + "\n"


def _spaced(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        out += [paragraph, ""]
    return out


def _wrap(paragraph: str, width: int) -> str:
    lines: list[str] = []
    line = ""
    for word in paragraph.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def article(index: int, seed: int = DEFAULT_SEED) -> Article:
    """Article `index` of the corpus of `seed`: the same text on every machine and run."""
    rng = random.Random(f"claimlint-corpus:{seed}:{index}")
    writer = _Writer(rng)
    markdown = rng.random() < 0.3
    text = writer.markdown() if markdown else writer.plain()
    slug = writer.topic
    name = f"desk-{index // SHARD_SIZE:03d}/{index:06d}-{slug}.{'md' if markdown else 'txt'}"
    return Article(index, name, text)


def generate(count: int, seed: int = DEFAULT_SEED) -> Iterator[Article]:
    for index in range(count):
        yield article(index, seed)


def write_corpus(directory: Path, count: int, seed: int = DEFAULT_SEED) -> CorpusStats:
    """Write `count` articles under `directory` (reused when already written)."""
    manifest = directory / MANIFEST
    if manifest.is_file():
        saved = json.loads(manifest.read_text())
        if saved.get("count") == count and saved.get("seed") == seed:
            return CorpusStats(saved["files"], saved["words"], saved["bytes"])
    files = words = size = 0
    for item in generate(count, seed):
        path = directory / item.name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = item.text.encode("utf-8")
        path.write_bytes(data)
        files += 1
        words += item.words
        size += len(data)
    stats = CorpusStats(files, words, size)
    manifest.write_text(
        json.dumps({"count": count, "seed": seed, "files": files, "words": words, "bytes": size})
    )
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the articles to")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    stats = write_corpus(args.out, args.articles, args.seed)
    print(f"{stats.files} articles, {stats.words:,} words, {stats.bytes:,} bytes in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
