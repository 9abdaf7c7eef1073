"""Reading a checked cartridge into a plan: lessons with their blocks, and the report of
what could not come along. Nothing is stored here (importing.py does that)."""

import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from io import BytesIO
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from . import qti, spec
from .archive import MANIFEST, normalise
from .errors import CartridgeError
from .spec import local

# What never reaches a lesson, whatever the sanitiser would make of it.
DROPPED_ELEMENTS = (
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "noscript",
    "svg",
    "head",
)
CANVAS_FILE_BASE = "$IMS-CC-FILEBASE$"
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024


@dataclass
class Picture:
    path: str
    data: bytes
    alt: str


@dataclass
class LessonPlan:
    title: str
    summary: str = ""
    duration_minutes: int = 10
    # ("heading", text) | ("html", html, [Picture]) | ("guide", title, path, data)
    # | ("quiz", qti.Quiz) | ("link", title, url)
    blocks: list = field(default_factory=list)


@dataclass
class Plan:
    title: str
    summary: str
    lessons: list
    report: list  # translated lines: what was not imported, and why


def read_plan(cartridge):
    manifest = _parse_xml(cartridge.read(MANIFEST))
    if local(manifest.tag) != "manifest":
        raise CartridgeError(_("imsmanifest.xml is not a Common Cartridge manifest."))
    version = _find_text(manifest, "schemaversion")
    if version and not version.startswith(spec.READ_VERSIONS):
        raise CartridgeError(
            _("This cartridge is version %(version)s; we read versions 1.1 to 1.3.")
            % {"version": version}
        )
    resources = {r.get("identifier"): r for r in manifest.iter() if local(r.tag) == "resource"}
    reader = _Reader(cartridge, resources)
    root = _root_item(manifest)
    items = _children(root) if root is not None else []
    items = reader.pick_language(items)
    for item in items:
        reader.walk(item)
    lessons = [lesson for lesson in reader.lessons if lesson.blocks or lesson.summary]
    if not lessons:
        raise CartridgeError(_("This cartridge holds no lesson we can import."))
    title = _lom_text(manifest, "title") or lessons[0].title
    summary = _lom_text(manifest, "description") or title
    return Plan(title=title[:255], summary=summary[:400], lessons=lessons, report=reader.report)


def _parse_xml(data):
    try:
        return SafeET.fromstring(data)
    except (ET.ParseError, DefusedXmlException) as error:
        raise CartridgeError(_("imsmanifest.xml cannot be read as XML.")) from error


def _find_text(element, name):
    found = next((e for e in element.iter() if local(e.tag) == name), None)
    return (found.text or "").strip() if found is not None else ""


def _lom_text(manifest, name):
    metadata = next((e for e in manifest if local(e.tag) == "metadata"), None)
    if metadata is None:
        return ""
    element = next((e for e in metadata.iter() if local(e.tag) == name), None)
    return _find_text(element, "string") if element is not None else ""


def _root_item(manifest):
    organization = next((e for e in manifest.iter() if local(e.tag) == "organization"), None)
    if organization is None:
        return None
    return next((e for e in organization if local(e.tag) == "item"), None)


def _children(item):
    return [e for e in item if local(e.tag) == "item"]


def _title(item):
    return next((e.text or "" for e in item if local(e.tag) == "title"), "").strip()


class _Reader:
    def __init__(self, cartridge, resources):
        self.cartridge = cartridge
        self.resources = resources
        # A web link's address, read once though the folder walk and its item both ask.
        self._urls = {}
        self.lessons = []
        self.report = []
        self.current = None
        self.sibling_targets = set()

    def pick_language(self, items):
        """A cartridge of ours in two languages: the site's language comes in; the
        other is named in the report (translate the course with wagtail-localize)."""
        codes = [item.get("identifier", "") for item in items]
        if not items or not all(code.startswith("LANG_") for code in codes):
            return items
        wanted = f"LANG_{settings.LANGUAGE_CODE[:2]}"
        chosen = items[codes.index(wanted)] if wanted in codes else items[0]
        for item in items:
            if item is not chosen:
                self.report.append(
                    _("the %(language)s version: translate the imported course instead")
                    % {"language": _title(item)}
                )
        return _children(chosen)

    def walk(self, item):
        ref = item.get("identifierref")
        if not ref:
            self.current = None  # a module or lesson folder starts afresh
            children = _children(item)
            outer_targets = self.sibling_targets
            self.sibling_targets = {self._item_target(child) for child in children} - {""}
            for child in children:
                self.walk(child)
            self.current = None
            self.sibling_targets = outer_targets
            return
        resource = self.resources.get(ref)
        title = _title(item) or _("Untitled")
        if resource is None:
            self.report.append(_("“%(title)s”: its resource is missing") % {"title": title})
            return
        self._resource(title, resource)

    def _item_target(self, item):
        """What an item brings that its page may also link to: a PDF or a web address."""
        resource = self.resources.get(item.get("identifierref") or "")
        if resource is None:
            return ""
        kind, path = resource.get("type", ""), self._files(resource)
        if kind == spec.WEBCONTENT and path.lower().endswith(".pdf"):
            return path
        return self._web_link(path) if spec.WEB_LINK_TYPE.match(kind) else ""

    def _lesson(self, title):
        if self.current is None:
            self.current = LessonPlan(title=title[:255])
            self.lessons.append(self.current)
        return self.current

    def _files(self, resource):
        href = resource.get("href") or next(
            (f.get("href") for f in resource if local(f.tag) == "file"), ""
        )
        return normalise(unquote(href or ""))

    def _resource(self, title, resource):
        kind = resource.get("type", "")
        path = self._files(resource)
        if kind == spec.WEBCONTENT and path.lower().endswith((".html", ".htm")):
            self.current = None
            lesson = self._lesson(title)
            self._page(lesson, path)
        elif kind == spec.WEBCONTENT and path.lower().endswith(".pdf"):
            data = self.cartridge.read(path)
            if data is None or not data.startswith(b"%PDF-"):
                self.report.append(
                    _("“%(title)s”: the PDF file is missing or damaged") % {"title": title}
                )
                return
            lesson = self._lesson(title)
            lesson.blocks.append(("guide", title, path, data))
        elif spec.ASSESSMENT_TYPE.match(kind):
            data = self.cartridge.read(path)
            quiz = qti.read_assessment(data or b"", title)
            for line in quiz.skipped:
                self.report.append(
                    _("“%(quiz)s”, %(problem)s") % {"quiz": quiz.title, "problem": line}
                )
            if quiz.questions:
                self._lesson(title).blocks.append(("quiz", quiz))
        elif spec.WEB_LINK_TYPE.match(kind):
            url = self._web_link(path)
            if not url:
                self.report.append(
                    _("“%(title)s”: a web link without a web address") % {"title": title}
                )
                return
            lesson = self._lesson(title)
            lesson.blocks.append(("link", title, url))
        elif spec.DISCUSSION_TYPE.match(kind):
            self.report.append(
                _(
                    "discussion topic “%(title)s”: forums start empty; open it in the course forum once the course is published"
                )
                % {"title": title}
            )
        elif spec.ASSOCIATED_TYPE.match(kind):
            return
        else:
            self.report.append(
                _("“%(title)s”: this kind of content (%(kind)s) cannot be imported")
                % {"title": title, "kind": path if kind == spec.WEBCONTENT else kind or path}
            )

    def _web_link(self, path):
        if path not in self._urls:
            self._urls[path] = self._read_web_link(path)
        return self._urls[path]

    def _read_web_link(self, path):
        data = self.cartridge.read(path)
        if data is None:
            return ""
        try:
            root = SafeET.fromstring(data)
        except (ET.ParseError, DefusedXmlException):
            return ""
        url = next((e.get("href", "") for e in root.iter() if local(e.tag) == "url"), "")
        return url if urlsplit(url).scheme in ("http", "https") else ""

    def _page(self, lesson, path):
        data = self.cartridge.read(path)
        if data is None:
            self.report.append(_("“%(title)s”: its page is missing") % {"title": lesson.title})
            return
        soup = BeautifulSoup(data, "html.parser")
        duration = soup.find("meta", attrs={"name": "duration-minutes"})
        if duration and str(duration.get("content", "")).isdigit():
            lesson.duration_minutes = max(1, min(int(duration["content"]), 600))
        for element in soup.find_all(DROPPED_ELEMENTS):
            element.decompose()
        body = soup.body or soup
        first_heading = body.find("h1")
        if first_heading is not None:
            first_heading.decompose()
        summary = body.find("p", class_="summary")
        if summary is not None:
            lesson.summary = summary.get_text(" ", strip=True)[:2000]
            summary.decompose()
        self._blocks(lesson, body, posixpath.dirname(path))

    def _blocks(self, lesson, container, folder):
        buffer, pictures = [], []

        def flush():
            html = "".join(buffer).strip()
            if html or pictures:
                lesson.blocks.append(("html", html, list(pictures)))
            buffer.clear()
            pictures.clear()

        for element in list(container.children):
            if isinstance(element, Comment | Doctype | ProcessingInstruction):
                continue
            name = getattr(element, "name", None)
            if name in ("div", "section", "article", "main", "body"):
                flush()
                self._blocks(lesson, element, folder)
                continue
            if name in ("h1", "h2"):
                flush()
                text = element.get_text(" ", strip=True)
                if text:
                    lesson.blocks.append(("heading", text[:255]))
                continue
            if name is not None:
                if self._repeats_an_item(element, folder):
                    continue
                self._links(element, folder)
                pictures.extend(self._pictures(lesson, element, folder))
            buffer.append(str(element) if name is not None else escape(str(element)))
        flush()

    def _target(self, href, folder):
        if urlsplit(href).scheme:
            return href
        path = unquote(urlsplit(href.replace(CANVAS_FILE_BASE, "web_resources")).path)
        # Resolved against the page's folder; a path that climbs out comes back empty.
        return normalise(posixpath.normpath(posixpath.join(folder, path)))

    def _repeats_an_item(self, element, folder):
        """Our exports show a guide or a video link in the page too; the item beside
        the page brings it."""
        links = element.find_all("a") if element.name != "a" else [element]
        if len(links) != 1 or links[0].get_text(" ", strip=True) != element.get_text(
            " ", strip=True
        ):
            return False
        return self._target(links[0].get("href", ""), folder) in self.sibling_targets

    def _links(self, element, folder):
        for link in element.find_all("a"):
            href = link.get("href", "")
            if urlsplit(href).scheme not in ("http", "https", "mailto"):
                link.unwrap()  # a file of the cartridge, or a script: its text stays

    def _pictures(self, lesson, element, folder):
        found = []
        images = element.find_all("img") if element.name != "img" else [element]
        for image in images:
            path = self._target(image.get("src", ""), folder)
            data = self.cartridge.read(path) if path and not urlsplit(path).scheme else None
            if data is None or not _is_picture(data):
                self.report.append(
                    _(
                        "a picture in “%(lesson)s” (%(file)s): missing, too large or not a JPEG, PNG or WebP file"
                    )
                    % {"lesson": lesson.title, "file": image.get("src", "")[:80]}
                )
                image.decompose()
                continue
            image["data-cartridge-path"] = path
            found.append(Picture(path=path, data=data, alt=image.get("alt", "")[:255]))
        return found


def _is_picture(data):
    if len(data) > MAX_IMAGE_BYTES:
        return False
    try:
        with Image.open(BytesIO(data)) as picture:
            return picture.format in IMAGE_FORMATS
    except (UnidentifiedImageError, OSError):
        return False
