"""Shared pieces of the Common Cartridge tests: a lesson body with every block, and
reading a downloaded or built archive."""

import io
import zipfile

from defusedxml import ElementTree

CP = "{http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1}"


def every_block_body(media):
    question = {
        "type": "question",
        "value": {
            "text": "Quelle base pour une peau grasse ?",
            "kind": "single",
            "choices": [
                {"type": "choice", "value": {"text": "Une base matifiante", "is_correct": True}},
                {"type": "choice", "value": {"text": "Une huile", "is_correct": False}},
            ],
            "explanation": "La base matifiante retient le sébum.",
        },
    }
    several = {
        "type": "question",
        "value": {
            "text": "Que mettre dans le kit ?",
            "kind": "multiple",
            "choices": [
                {"type": "choice", "value": {"text": "Éponge", "is_correct": True}},
                {"type": "choice", "value": {"text": "Pinceau", "is_correct": True}},
                {"type": "choice", "value": {"text": "Sel", "is_correct": False}},
            ],
            "explanation": "",
        },
    }
    return [
        ("heading", "Avant de commencer"),
        (
            "paragraph",
            f'<p>Nettoyez la peau <b>avant</b>.</p><embed embedtype="image" id="{media["image"].pk}" format="fullwidth" alt="Teint"/>',
        ),
        ("video", {"video": media["video"], "caption": "La démonstration"}),
        ("guide", {"document": media["document"], "title": "Le guide du teint"}),
        (
            "quiz",
            {
                "title": "Petit test",
                "pass_mark": 70,
                "max_attempts_per_day": 3,
                "questions": [question, several],
                "next_steps": [],
            },
        ),
    ]


def archive(data):
    return zipfile.ZipFile(io.BytesIO(data))


def manifest(data):
    return ElementTree.fromstring(archive(data).read("imsmanifest.xml"))


def resources_of(root):
    return {r.get("identifier"): r for r in root.iter(f"{CP}resource")}


def make_cartridge(files, *, symlinks=(), compression=zipfile.ZIP_DEFLATED):
    """A zip built in memory: {name: bytes or str}; `symlinks` are names stored as links."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive_file:
        for name, data in files.items():
            archive_file.writestr(name, data)
        for name in symlinks:
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o120777 << 16
            archive_file.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def manifest_xml(resources, items, *, version="1.3.0", namespace="imsccv1p3"):
    """A small CC manifest: `resources` as (identifier, type, href), `items` as (title, ref)."""
    resource_xml = "".join(
        f'<resource identifier="{ident}" type="{kind}" href="{href}"><file href="{href}"/></resource>'
        for ident, kind, href in resources
    )
    item_xml = "".join(
        f'<item identifier="I{number}" identifierref="{ref}"><title>{title}</title></item>'
        for number, (title, ref) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><manifest identifier="M" xmlns="http://www.imsglobal.org/xsd/{namespace}/imscp_v1p1">'
        f"<metadata><schema>IMS Common Cartridge</schema><schemaversion>{version}</schemaversion></metadata>"
        f'<organizations><organization identifier="O" structure="rooted-hierarchy"><item identifier="root">'
        f"{item_xml}</item></organization></organizations><resources>{resource_xml}</resources></manifest>"
    )
