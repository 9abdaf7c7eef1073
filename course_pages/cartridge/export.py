"""Writing a course as an IMS Common Cartridge 1.3 (`.imscc`): lessons as web content
with their pictures, PDF guides as files, quizzes as QTI, videos as links to our lesson
pages, the course forum's topics as discussion topics."""

import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from course_pages.models import LessonPage

from . import discussions, qti, spec
from .errors import CartridgeError

# The picture size lessons show (course_pages/image_formats.py "fullwidth").
IMAGE_RENDITION = "width-720|format-webp"
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


@dataclass
class Item:
    title: str
    ref: str = ""
    children: list = field(default_factory=list)
    # Given only to the language folders of a two-language export (the import reads them).
    identifier: str = ""


@dataclass
class Resource:
    ident: str
    kind: str
    href: str
    files: list


class Package:
    """Files, resources and the organisation tree of the cartridge being written."""

    def __init__(self, request):
        self.request = request
        self.files = {}
        self.resources = []
        self.counter = 0

    def ident(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter:04d}"

    def add_resource(self, kind, href, files, *, with_href=True):
        resource = Resource(self.ident("R"), kind, href if with_href else "", files)
        self.resources.append(resource)
        return resource.ident

    def image_file(self, image):
        path = f"media/images/{image.pk}.webp"
        if path not in self.files:
            rendition = image.get_rendition(IMAGE_RENDITION)
            with rendition.file.open("rb") as handle:
                self.files[path] = handle.read()
        return path

    def guide_file(self, document):
        name = slugify(document.title)[:50] or "guide"
        path = f"media/guides/{document.pk}-{name}.pdf"
        if path not in self.files:
            with document.file.open("rb") as handle:
                self.files[path] = handle.read()
        return path


def export_course(*, course, languages, request):
    """The `.imscc` bytes of a default-locale `course` in `languages` ("fr", "en" or
    both), and a file name for the download."""
    versions = []
    for code in languages:
        locale = Locale.objects.filter(language_code=code).first()
        version = course.get_translation_or_none(locale) if locale else None
        if version is None:
            missing = {
                "fr": _("This course has no French version yet."),
                "en": _("This course has no English version yet."),
            }
            raise CartridgeError(missing.get(code, missing["en"]))
        versions.append((code, version.specific))
    package = Package(request)
    root = Item(title=versions[0][1].title)
    for code, version in versions:
        lessons = [_lesson_folder(package, code, n, lesson) for n, lesson in _lessons(version)]
        if len(versions) > 1:
            root.children.append(
                Item(title=LANGUAGE_NAMES[code], identifier=f"LANG_{code}", children=lessons)
            )
        else:
            root.children.extend(lessons)
    topics = [
        _topic(package, number, topic)
        for number, topic in enumerate(discussions.topics_for(course), 1)
    ]
    if topics:
        root.children.append(Item(title=_("Course forum"), children=topics))
    package.files["imsmanifest.xml"] = _manifest(package, root, versions[0][1], versions[0][0])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", package.files.pop("imsmanifest.xml"))
        for path, data in sorted(package.files.items()):
            archive.writestr(path, data)
    suffix = "-".join(languages)
    return buffer.getvalue(), f"{slugify(course.title) or 'course'}-{suffix}.imscc"


def _lessons(course):
    """The course's lessons in order, each as last saved (drafts included): the author
    exports what she wrote."""
    pages = LessonPage.objects.child_of(course).order_by("path")
    for number, lesson in enumerate(pages, start=1):
        yield (
            number,
            lesson.get_latest_revision_as_object() if lesson.has_unpublished_changes else lesson,
        )


def _lesson_folder(package, code, number, lesson):
    folder = f"{code}/lesson-{number:02d}"
    html, images, extras = _lesson_html(package, code, folder, lesson)
    page_path = f"{folder}/index.html"
    package.files[page_path] = html.encode("utf-8")
    page_ref = package.add_resource(spec.WEBCONTENT, page_path, [page_path, *images])
    return Item(title=lesson.title, children=[Item(title=lesson.title, ref=page_ref), *extras])


def _lesson_html(package, code, folder, lesson):
    """The lesson as one HTML page, the pictures it shows, and the items that go beside
    it (guides, quizzes, video links)."""
    parts = [f"<h1>{escape(lesson.title)}</h1>"]
    if lesson.summary:
        parts.append(f'<p class="summary">{escape(lesson.summary)}</p>')
    images, extras = [], []

    def picture(image, alt=""):
        path = package.image_file(image)
        images.append(path)
        return f'<img src="../../{path}" alt="{escape(alt or image.title)}">'

    for block in lesson.body:
        value = block.value
        kind = block.block_type
        if kind == "heading":
            parts.append(f"<h2>{escape(value)}</h2>")
        elif kind == "paragraph":
            parts.append(_rich_text(value.source, picture))
        elif kind == "video":
            url = lesson.get_full_url(package.request)
            title = value["caption"] or value["video"].title
            href = f"{folder}/video-{len(extras) + 1}.xml"
            package.files[href] = _web_link(title, url)
            ref = package.add_resource(spec.WEB_LINK, href, [href], with_href=False)
            extras.append(Item(title=title, ref=ref))
            parts.append(f'<p><a href="{escape(url)}">{escape(title)}</a></p>')
        elif kind == "guide":
            document = value["document"]
            title = value["title"] or document.title
            path = package.guide_file(document)
            ref = package.add_resource(spec.WEBCONTENT, path, [path])
            extras.append(Item(title=title, ref=ref))
            parts.append(f'<p><a href="../../{path}">{escape(title)}</a></p>')
        elif kind == "gallery":
            if value["title"]:
                parts.append(f"<h3>{escape(value['title'])}</h3>")
            for child in value["images"]:
                caption = child.value["caption"]
                parts.append(f"<p>{picture(child.value['image'], caption)}</p>")
        elif kind == "steps":
            parts.append(f"<h3>{escape(value['title'])}</h3><ol>")
            for step in value["steps"]:
                image = step.value["image"]
                shown = f"<br>{picture(image)}" if image else ""
                parts.append(f"<li>{escape(step.value['text'])}{shown}</li>")
            parts.append("</ol>")
        elif kind == "quiz":
            href = f"{folder}/quiz-{len(extras) + 1}.xml"
            package.files[href] = qti.write_assessment(_quiz(value), package.ident("Q"))
            ref = package.add_resource(spec.ASSESSMENT, href, [href], with_href=False)
            extras.append(Item(title=value["title"], ref=ref))
        elif kind == "assignment":
            parts.append(f"<h3>{escape(value['title'])}</h3>")
            parts.append(_rich_text(value["instructions"].source, picture))
            criteria = "".join(f"<li>{escape(c.value['name'])}</li>" for c in value["rubric"])
            parts.append(f"<ul>{criteria}</ul>")
    html = (
        f'<!DOCTYPE html>\n<html lang="{code}"><head><meta charset="utf-8">'
        f"<title>{escape(lesson.title)}</title>"
        f'<meta name="duration-minutes" content="{lesson.duration_minutes}"></head>'
        f"<body>{''.join(parts)}</body></html>"
    )
    return html, sorted(set(images)), extras


def _rich_text(source, picture):
    """Our stored rich text with its pictures as files of the cartridge and its links
    to our pages as full addresses."""
    soup = BeautifulSoup(source, "html.parser")
    image_model = get_image_model()
    for embed in soup.find_all("embed", attrs={"embedtype": "image"}):
        image = image_model.objects.filter(pk=embed.get("id")).first()
        if image is None:
            embed.decompose()
            continue
        embed.replace_with(BeautifulSoup(picture(image, embed.get("alt", "")), "html.parser"))
    for link in soup.find_all("a", attrs={"linktype": True}):
        page = (
            Page.objects.filter(pk=link.get("id")).first() if link["linktype"] == "page" else None
        )
        if page is None:
            link.unwrap()
            continue
        link.attrs = {"href": page.full_url or ""}
    return str(soup)


def _quiz(value):
    questions = [
        qti.Question(
            text=q.value["text"],
            kind=q.value["kind"],
            choices=[(c.value["text"], bool(c.value["is_correct"])) for c in q.value["choices"]],
            explanation=q.value["explanation"] or "",
        )
        for q in value["questions"]
    ]
    return qti.Quiz(
        title=value["title"], questions=questions, max_attempts=value["max_attempts_per_day"]
    )


def _web_link(title, url):
    root = ET.Element("webLink", xmlns=spec.WEBLINK)
    ET.SubElement(root, "title").text = title
    ET.SubElement(root, "url", href=url, target="_blank")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _topic(package, number, topic):
    href = f"forum/topic-{number:02d}.xml"
    root = ET.Element("topic", xmlns=spec.DISCUSSION)
    ET.SubElement(root, "title").text = topic.title
    ET.SubElement(root, "text", texttype="text/plain").text = topic.text
    package.files[href] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    ref = package.add_resource(spec.DISCUSSION_TOPIC, href, [href], with_href=False)
    return Item(title=topic.title, ref=ref)


def _manifest(package, root, course, code):
    ET.register_namespace("", spec.CP)
    ET.register_namespace("lomimscc", spec.LOM_MANIFEST)
    ET.register_namespace("xsi", spec.XSI)
    cp = f"{{{spec.CP}}}"
    lom = f"{{{spec.LOM_MANIFEST}}}"
    manifest = ET.Element(
        f"{cp}manifest",
        {
            "identifier": f"course-{course.translation_key}",
            f"{{{spec.XSI}}}schemaLocation": spec.SCHEMA_LOCATIONS,
        },
    )
    metadata = ET.SubElement(manifest, f"{cp}metadata")
    ET.SubElement(metadata, f"{cp}schema").text = "IMS Common Cartridge"
    ET.SubElement(metadata, f"{cp}schemaversion").text = spec.VERSION
    general = ET.SubElement(ET.SubElement(metadata, f"{lom}lom"), f"{lom}general")
    title = ET.SubElement(general, f"{lom}title")
    ET.SubElement(title, f"{lom}string", language=code).text = course.title
    ET.SubElement(general, f"{lom}language").text = code
    description = ET.SubElement(general, f"{lom}description")
    ET.SubElement(description, f"{lom}string", language=code).text = course.summary
    organization = ET.SubElement(
        ET.SubElement(manifest, f"{cp}organizations"),
        f"{cp}organization",
        identifier="O_1",
        structure="rooted-hierarchy",
    )
    _write_item(package, organization, Item(title="", children=root.children), cp, "root")
    resources = ET.SubElement(manifest, f"{cp}resources")
    for resource in package.resources:
        attributes = {"identifier": resource.ident, "type": resource.kind}
        if resource.href:
            attributes["href"] = resource.href
        element = ET.SubElement(resources, f"{cp}resource", attributes)
        for path in resource.files:
            ET.SubElement(element, f"{cp}file", href=path)
    return ET.tostring(manifest, encoding="utf-8", xml_declaration=True)


def _write_item(package, parent, item, cp, ident=None):
    attributes = {"identifier": ident or item.identifier or package.ident("I")}
    if item.ref:
        attributes["identifierref"] = item.ref
    element = ET.SubElement(parent, f"{cp}item", attributes)
    if item.title:
        ET.SubElement(element, f"{cp}title").text = item.title
    for child in item.children:
        _write_item(package, element, child, cp)
