"""Read a page `--format html` wrote: its elements, and for each article the text shown
and the span each mark covers (as offsets into that text). Checks on the way that the
page is well formed (every element closed in order)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = frozenset({"meta", "input", "br", "img", "link", "hr", "wbr"})


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    section: str | None  # the id of the article section it stands in
    text: str = ""

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


@dataclass
class Article:
    id: str
    text: str = ""
    #: mark id -> (start, end) offsets in `text`, all pieces of the mark together
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


class Page(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.articles: dict[str, Article] = {}
        self._stack: list[Element] = []
        self._section: str | None = None
        self._in_text = 0
        self._marks: list[tuple[str, int]] = []
        self.feed(source)
        self.close()
        assert not self._stack, [e.tag for e in self._stack]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "section" and "article" in values.get("class", "").split():
            self._section = values["id"]
            self.articles[self._section] = Article(self._section)
        element = Element(tag, values, self._section)
        self.elements.append(element)
        if tag in _VOID:
            return
        self._stack.append(element)
        if self._in_text or ("text" in element.classes and tag == "div"):
            self._in_text += 1
        if self._in_text and tag == "mark":
            assert self._section is not None
            self._marks.append(
                (values.get("id") or values["data-of"], len(self.articles[self._section].text))
            )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k: v or "" for k, v in attrs}, self._section))

    def handle_endtag(self, tag: str) -> None:
        assert self._stack and self._stack[-1].tag == tag, (tag, [e.tag for e in self._stack])
        closed = self._stack.pop()
        if self._in_text:
            self._in_text -= 1
            if tag == "mark":
                assert self._section is not None
                article = self.articles[self._section]
                ident, start = self._marks.pop()
                end = len(article.text)
                if ident in article.spans:
                    first, last = article.spans[ident]
                    assert last == start, f"pieces of {ident} are not contiguous"
                    start = first
                article.spans[ident] = (start, end)
        if tag == "section" and "article" in closed.classes:
            self._section = None

    def handle_data(self, data: str) -> None:
        for element in self._stack:
            element.text += data
        if self._in_text and self._section is not None:
            self.articles[self._section].text += data

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.elements
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
        ]

    def by_id(self, ident: str) -> Element:
        found = [e for e in self.elements if e.attrs.get("id") == ident]
        assert len(found) == 1, (ident, len(found))
        return found[0]
