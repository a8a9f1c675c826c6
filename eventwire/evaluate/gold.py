"""Gold readers: each gold data set read once, into plain records the evaluations score against.

- PLOVER GSR (`PLOVER_GSR_CAMEO.txt`, a JSON array): `read_plover_records` (one record per coded event),
  `read_plover_sentences` (one per distinct sentence, old labels and modes mapped).
- ACLED exports (CSV): `read_acled`.
- Synthetic PLOVER stories (zipped CSV): `read_synthetic`, held-out split by `is_held_out`.
- GeoWebNews (`GWN.xml`): `read_geowebnews`.
- Halterman (2019) event location (`labeled_text.jsonl.zip`): `read_event_location`.
- TimeML (TempEval-3 `.tml` files): `read_timeml`, `iter_timeml`.
- RAMS excerpts: `read_rams`. WikiEvents documents (KAIROS event mentions): `read_wikievents`.
- Voice of America articles rebuilt from the M2E2 sentences (for evaluation: research use): `read_voa_articles`.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import html
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.model import Document

# ---------------------------------------------------------------- PLOVER GSR

PLOVER_FILE = "PLOVER_GSR_CAMEO.txt"
# Labels of the older PLOVER draft -> (current category, the mode they imply).
OLD_LABELS = {"DEMAND": ("REQUEST", None), "DISAPPROVE": ("ACCUSE", "disapprove"),
              "INVESTIGATE": ("ACCUSE", "investigate"), "FIGHT": ("ASSAULT", None)}  # fmt: skip
# Gold modes of the older PLOVER draft -> current mode names.
OLD_MODES = {"demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot", "riot-org": "riot",
             "strike-hun": "hunger", "strike-gen": "strike", "host": "visit", "detain": "arrest",
             "confiscate": "seize", "assassinate": "targeted"}  # fmt: skip


def read_plover_records(path: Path) -> list[dict[str, Any]]:
    """The coded-event records of the PLOVER gold (a folder holding PLOVER_FILE, or the file): those with a
    sentence, document-level records left out. The file repeats ids and sentences; each record is one event."""
    file = path / PLOVER_FILE if path.is_dir() else path
    records = json.loads(file.read_text(encoding="utf-8"))
    return [r for r in records if isinstance(r, dict) and r.get("event") != "DOCUMENT" and r.get("text")]


@dataclass
class PloverParty:
    text: str
    code: str
    sector: str | None


@dataclass
class PloverEvent:
    category: str
    mode: str | None
    actors: list[PloverParty]
    recipients: list[PloverParty]
    dead: int | None = None
    injured: int | None = None


@dataclass
class PloverSentence:
    doc_id: str
    text: str
    events: list[PloverEvent] = field(default_factory=list)

    @property
    def categories(self) -> set[str]:
        return {event.category for event in self.events}


def as_count(raw: Any) -> int | None:
    """A gold count ("1,200", 3) as an int; None when absent or not a number."""
    try:
        return int(str(raw).replace(",", "")) if raw not in (None, "") else None
    except ValueError:
        return None


def _parties(raw: Any) -> list[PloverParty]:
    if not isinstance(raw, list):
        return []
    return [PloverParty(p.get("actorText", ""), p.get("code", ""), p.get("sector")) for p in raw if p.get("code")]


def plover_event(record: dict[str, Any]) -> PloverEvent:
    """One record's event, its old label and mode mapped to the current ones."""
    category, mode = record["event"], (record.get("mode") or None)
    if category in OLD_LABELS:
        category, implied_mode = OLD_LABELS[category]
        mode = mode or implied_mode
    mode = OLD_MODES.get(mode, mode) if mode else None
    return PloverEvent(
        category, mode, _parties(record.get("source")), _parties(record.get("target")),
        as_count(record.get("dead")), as_count(record.get("injured")),
    )  # fmt: skip


def read_plover_sentences(path: Path) -> list[PloverSentence]:
    """One gold sentence per distinct (stripped) text, with every event coded on it; id of its first record."""
    by_text: dict[str, PloverSentence] = {}
    for record in read_plover_records(path):
        text = record["text"].strip()
        sentence = by_text.setdefault(text, PloverSentence(record["id"], text))
        sentence.events.append(plover_event(record))
    return list(by_text.values())


# ---------------------------------------------------------------- ACLED


@dataclass
class AcledRecord:
    doc_id: str
    notes: str
    event_date: str | None
    event_type: str
    fatalities: int
    country: str


def read_acled(path: Path) -> list[AcledRecord]:
    """The rows of an ACLED export (a CSV file, or every CSV of a folder in name order), text = `notes`."""
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    if not files:
        raise FileNotFoundError(f"no *.csv under {path}")
    records = []
    for file in files:
        with file.open(encoding="utf-8", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle)):
                records.append(
                    AcledRecord(
                        doc_id=row.get("data_id") or row.get("event_id_cnty") or f"{file.stem}-{n}",
                        notes=(row.get("notes") or "").strip(),
                        event_date=row.get("event_date") or None,
                        event_type=(row.get("event_type") or "").strip(),
                        fatalities=int(float(row.get("fatalities") or 0)),
                        country=row.get("country", ""),
                    )
                )
    return records


# ---------------------------------------------------------------- synthetic PLOVER stories

SYNTHETIC_FILE = "gpt_synthetic_events_2023-10-19_19.csv.zip"
HELD_OUT_EVERY = 5


def is_held_out(text: str) -> bool:
    """Every fifth story, by a stable hash of its text, is held out of any fitting."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % HELD_OUT_EVERY == 0


def read_synthetic(path: Path, split: str = "test") -> list[tuple[str, str, str, str | None]]:
    """(id, text, label, mode) of the synthetic stories in `split` ('test' = held out, 'train', 'all')."""
    file = path / SYNTHETIC_FILE if path.is_dir() else path
    with zipfile.ZipFile(file) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open(name), "utf-8")))
    stories = []
    for n, row in enumerate(rows):
        text = (row.get("text") or "").strip()
        if not text or (split == "test" and not is_held_out(text)) or (split == "train" and is_held_out(text)):
            continue
        stories.append((f"synthetic-{n}", text, row["label"].upper(), (row.get("mode") or "").lower() or None))
    return stories


# ---------------------------------------------------------------- GeoWebNews


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    type: str
    geonameid: int | None
    lat: float
    lon: float


@dataclass
class GoldArticle:
    doc_id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def read_geowebnews(folder: Path) -> list[GoldArticle]:
    """GWN.xml articles with their toponyms that carry coordinates (all annotation types)."""
    root = ET.parse(folder / "GWN.xml").getroot()
    articles = []
    for article in root.findall("article"):
        gold = GoldArticle(doc_id=f"gwn-{article.get('file')}", text=article.findtext("text") or "")
        for toponym in article.find("toponyms") or []:
            lat, lon = toponym.findtext("latitude"), toponym.findtext("longitude")
            if not lat or not lon:
                continue
            geonameid = toponym.findtext("geonamesID")
            gold.toponyms.append(
                GoldToponym(
                    start=int(toponym.findtext("start")),
                    end=int(toponym.findtext("end")),
                    text=toponym.findtext("extractedName") or "",
                    type=toponym.findtext("type") or "",
                    geonameid=int(geonameid) if geonameid and geonameid.isdigit() else None,
                    lat=float(lat),
                    lon=float(lon),
                )
            )
        articles.append(gold)
    return articles


# ---------------------------------------------------------------- event location (Halterman 2019)


@dataclass
class LocatedSentence:
    """A labelled sentence: the event's VERB span and the LOCATION spans where it happened (none: no place)."""

    doc_id: str
    text: str
    verb: tuple[int, int]
    locations: list[tuple[int, int]]
    source: str = ""


def _span_offsets(record: dict, span: dict) -> tuple[int, int]:
    """Character offsets of a span; some records carry token indices in place of characters."""
    start, end = span["start"], span["end"]
    expected = span.get("text")
    if start < end and (expected is None or record["text"][start:end] == expected):
        return start, end
    tokens = record.get("tokens") or []
    first, last = span.get("token_start"), span.get("token_end")
    if first is not None and last is not None and last < len(tokens):
        return tokens[first]["start"], tokens[last]["end"]
    return start, end


def read_event_location(folder: Path) -> list[LocatedSentence]:
    with zipfile.ZipFile(folder / "labeled_text.jsonl.zip") as archive:
        records = json.loads(archive.read("labeled_text.jsonl"))
    out = []
    for index, record in enumerate(records):
        spans = record.get("spans") or []
        verbs = [_span_offsets(record, s) for s in spans if s["label"] == "VERB"]
        if not verbs:
            continue
        locations = [_span_offsets(record, s) for s in spans if s["label"] == "LOCATION"]
        out.append(LocatedSentence(f"el-{index}", record["text"], verbs[0], locations, record.get("source", "")))
    return out


# ---------------------------------------------------------------- TimeML (TempEval-3)

TAG_RE = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
DCT_RE = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S)
TEXT_RE = re.compile(r"<TEXT>(.*)</TEXT>", re.S)


@dataclass
class GoldTimex:
    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimemlDoc:
    doc_id: str
    text: str
    published_at: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def _strip_tags(body: str) -> tuple[str, list[GoldTimex]]:
    """The plain text of a TimeML body and its TIMEX3 spans in that text."""
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for match in TAG_RE.finditer(body):
        chunk = html.unescape(body[pos : match.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = match.end()
        closing, name = match.group(1), match.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(ATTR_RE.findall(match.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)[start:length]
            timexes.append(
                GoldTimex(text, start, length, attrs.get("type", "DATE"), attrs.get("value", ""), attrs.get("mod"))
            )
            open_timex = None
    chunk = html.unescape(body[pos:])
    pieces.append(chunk)
    return "".join(pieces), timexes


def read_timeml(path: Path) -> TimemlDoc:
    """One `.tml` file: its `<TEXT>` without tags, its DCT as `published_at`, its TIMEX3 spans in that text."""
    raw = path.read_text(encoding="utf-8")
    dct = DCT_RE.search(raw)
    body = TEXT_RE.search(raw)
    text, timexes = _strip_tags(body.group(1) if body else "")
    return TimemlDoc(path.stem, text, dct.group(1) if dct else None, timexes)


def iter_timeml(root: Path, limit: int | None = None) -> Iterator[TimemlDoc]:
    """TimeML documents under `root` (a folder or one file), sorted by path, skipping stray copies."""
    paths = [root] if root.is_file() else sorted(root.rglob("*.tml"))
    seen: set[str] = set()
    for path in paths:
        if path.name in seen:
            continue
        seen.add(path.name)
        yield read_timeml(path)
        if limit is not None and len(seen) >= limit:
            return


# -- RAMS (news excerpts, CC BY-SA 4.0) -----------------------------------------------------------
def _detokenize(tokens: list[str]) -> str:
    """RAMS keeps Penn-style tokens; join them back into readable text ("ca n't" stays as it is)."""
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text.replace("`` ", '"').replace(" ''", '"')


def read_rams(folder: Path) -> dict[str, Document]:
    """'rams-<last 10 characters of doc_key>' -> the excerpt as a Document (no publication date)."""
    documents = {}
    for split in ("dev", "test"):
        for line in (folder / f"{split}.jsonlines").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            doc_id = "rams-" + record["doc_key"][-10:]
            text = " ".join(_detokenize(sentence) for sentence in record["sentences"])
            documents[doc_id] = Document(id=doc_id, text=text)
    return documents


CAUSAL_NEWS_FILES = ("train_subtask1.csv", "dev_subtask1.csv", "test_subtask1_text.csv")


def read_causal_news(folder: Path) -> dict[str, Document]:
    """'cnc-<index>' -> one Causal News Corpus sentence as a Document (CC0; protest news), each distinct text
    once (its first row in CAUSAL_NEWS_FILES order), detokenised like RAMS."""
    documents: dict[str, Document] = {}
    seen: set[str] = set()
    for name in CAUSAL_NEWS_FILES:
        with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
            for record in csv.DictReader(handle):
                text = _detokenize(record["text"].split(" "))
                if text not in seen:
                    seen.add(text)
                    doc_id = "cnc-" + record["index"]
                    documents[doc_id] = Document(id=doc_id, text=text)
    return documents


# -- Voice of America articles (the M2E2 sentences: research use, so for evaluation only) ----------
M2E2_FILES = ("text_only_event.json.gz", "text_multimedia_event.json")


def read_voa_articles(folder: Path) -> dict[str, Document]:
    """'voa-<date>.<number>' -> the article whose M2E2 sentences ('VOA_EN_NW_<date>.<number>_<n>') are joined
    by line breaks in sentence order, published on the date of its id. The project's reader audits judged
    events at offsets of exactly this text."""
    sentences: dict[str, dict[int, str]] = {}
    for name in M2E2_FILES:
        raw = (folder / name).read_bytes()
        records = json.loads(gzip.decompress(raw) if name.endswith(".gz") else raw)
        for record in records:
            article, number = record["sentence_id"].rsplit("_", 1)
            sentences.setdefault(article.removeprefix("VOA_EN_NW_"), {})[int(number)] = record["sentence"]
    documents = {}
    for key, numbered in sentences.items():
        year, month, day = map(int, key.split(".")[:3])
        text = "\n".join(numbered[n] for n in sorted(numbered))
        documents["voa-" + key] = Document(id="voa-" + key, text=text, published_at=date(year, month, day))
    return documents


# ---------------------------------------------------------------- WikiEvents

WIKIEVENTS_SPLITS = ("dev", "test")


@dataclass
class WikiEventsDoc:
    """A WikiEvents document: its text, where each of its sentences starts, and its gold event mentions
    as (sentence index, KAIROS type)."""

    document: Document
    sentence_starts: list[int]
    mentions: list[tuple[int, str]]


def _wikievents_text(record: dict[str, Any]) -> tuple[str, list[int]]:
    """The text with its sentences where the source glued two together (a headline and the first line) parted
    by a line break (a space after an abbreviation such as "Gov."), and each sentence's start."""
    raw, text, starts, position = record["text"], "", [], 0
    for _tokens, sentence in record["sentences"]:
        found = raw.find(sentence, position)
        start = found if found >= 0 else position
        gap = raw[position:start]
        if text and not gap:
            gap = " " if re.search(r"\b[A-Z][a-z]{1,3}\.$", text) else "\n"
        starts.append(len(text) + len(gap))
        text += gap + (raw[start : start + len(sentence)] if found >= 0 else sentence)
        position = start + len(sentence) if found >= 0 else position
    return text + raw[position:], starts


def read_wikievents(folder: Path) -> list[WikiEventsDoc]:
    """WikiEvents dev+test (Li et al. 2021): 40 news documents, every event mention of 41 KAIROS types.
    VOA documents carry their publication date in the id; the others have none."""
    documents = []
    for split in WIKIEVENTS_SPLITS:
        for line in (folder / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text, starts = _wikievents_text(record)
            dated = re.search(r"VOA_EN_NW_(\d{4})\.(\d\d)\.(\d\d)", record["doc_id"])
            published = date(*map(int, dated.groups())) if dated else None
            document = Document(id="wiki-" + record["doc_id"], text=text, published_at=published)
            mentions = [(m["trigger"]["sent_idx"], m["event_type"]) for m in record["event_mentions"]]
            documents.append(WikiEventsDoc(document, starts, mentions))
    return documents
