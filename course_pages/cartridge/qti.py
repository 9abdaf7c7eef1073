"""Quizzes as QTI 1.2 in the Common Cartridge profile: multiple choice, multiple
response and true/false, which is what a QuizBlock holds, written and read back."""

import contextlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from . import spec
from .spec import local

SINGLE, MULTIPLE = "single", "multiple"


@dataclass
class Question:
    text: str
    kind: str
    choices: list  # of (text, is_correct)
    explanation: str = ""


@dataclass
class Quiz:
    title: str
    questions: list
    max_attempts: int = 3
    skipped: list = field(default_factory=list)  # what the report lists


def _field(parent, label, entry):
    row = ET.SubElement(parent, "qtimetadatafield")
    ET.SubElement(row, "fieldlabel").text = label
    ET.SubElement(row, "fieldentry").text = str(entry)


def _material(parent, text):
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/plain").text = text


def write_assessment(quiz, ident):
    """The QTI document of one quiz (a Quiz), as bytes."""
    root = ET.Element("questestinterop", xmlns=spec.QTI)
    assessment = ET.SubElement(root, "assessment", ident=ident, title=quiz.title)
    meta = ET.SubElement(assessment, "qtimetadata")
    _field(meta, "cc_profile", "cc.exam.v0p1")
    _field(meta, "qmd_assessmenttype", "Examination")
    _field(meta, "cc_maxattempts", quiz.max_attempts)
    section = ET.SubElement(assessment, "section", ident=f"{ident}_section")
    for number, question in enumerate(quiz.questions, start=1):
        _write_item(section, question, f"{ident}_q{number}")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _write_item(section, question, ident):
    profile = spec.MULTIPLE_RESPONSE if question.kind == MULTIPLE else spec.MULTIPLE_CHOICE
    item = ET.SubElement(section, "item", ident=ident, title=question.text[:80])
    meta = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    _field(meta, "cc_profile", profile)
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, question.text)
    cardinality = "Multiple" if question.kind == MULTIPLE else "Single"
    response = ET.SubElement(
        presentation, "response_lid", ident="response1", rcardinality=cardinality
    )
    render = ET.SubElement(response, "render_choice")
    for number, (text, _correct) in enumerate(question.choices, start=1):
        _material(ET.SubElement(render, "response_label", ident=f"{ident}_c{number}"), text)
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(
        outcomes, "decvar", varname="SCORE", vartype="Decimal", minvalue="0", maxvalue="100"
    )
    condition = ET.SubElement(processing, "respcondition", attrib={"continue": "No"})
    variables = ET.SubElement(condition, "conditionvar")
    if question.kind == MULTIPLE:
        variables = ET.SubElement(variables, "and")
    for number, (_text, correct) in enumerate(question.choices, start=1):
        if correct or question.kind == MULTIPLE:
            target = variables if correct else ET.SubElement(variables, "not")
            ET.SubElement(target, "varequal", respident="response1").text = f"{ident}_c{number}"
            if question.kind == SINGLE:
                break
    ET.SubElement(condition, "setvar", varname="SCORE", action="Set").text = "100"
    if question.explanation:
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
        feedback = ET.SubElement(item, "itemfeedback", ident="general_fb")
        _material(ET.SubElement(feedback, "flow_mat"), question.explanation)


def _text(element):
    """The plain text of a material (HTML in Canvas's, plain in ours)."""
    if element is None:
        return ""
    parts = []
    for mattext in element.iter():
        if local(mattext.tag) != "mattext" or not mattext.text:
            continue
        if "html" in (mattext.get("texttype") or ""):
            html = BeautifulSoup(mattext.text, "html.parser").get_text(" ", strip=True)
            parts.append(" ".join(html.split()))
        else:
            parts.append(mattext.text.strip())
    return " ".join(parts)


def _child(element, name):
    return next((c for c in element if local(c.tag) == name), None)


def _descendants(element, name):
    return [e for e in element.iter() if local(e.tag) == name]


def _metadata(item):
    fields = {}
    for row in _descendants(item, "qtimetadatafield"):
        label, entry = _child(row, "fieldlabel"), _child(row, "fieldentry")
        if label is not None and entry is not None:
            fields[(label.text or "").strip()] = (entry.text or "").strip()
    return fields


def read_assessment(data, title):
    """A Quiz from a QTI document's bytes. Questions of a type we do not hold, or
    without a correct answer, are named in `skipped`, not dropped silently."""
    try:
        root = SafeET.fromstring(data)
    except (ET.ParseError, DefusedXmlException):
        return Quiz(
            title=title,
            questions=[],
            skipped=[_("the quiz “%(title)s” (unreadable QTI)") % {"title": title}],
        )
    assessment = next(iter(_descendants(root, "assessment")), None)
    if assessment is not None:
        title = assessment.get("title") or title
    fields = _metadata(assessment) if assessment is not None else {}
    quiz = Quiz(title=title, questions=[])
    with contextlib.suppress(ValueError):
        quiz.max_attempts = max(1, min(int(fields.get("cc_maxattempts", "3")), 20))
    for item in _descendants(root, "item"):
        question, problem = _read_item(item)
        if question is None:
            quiz.skipped.append(problem)
        else:
            quiz.questions.append(question)
    return quiz


def _read_item(item):
    fields = _metadata(item)
    profile = fields.get("cc_profile") or fields.get("question_type", "")
    presentation = _child(item, "presentation")
    text = _text(_child(presentation, "material")) if presentation is not None else ""
    label = text[:60] or item.get("title", "") or item.get("ident", "")
    kind = spec.QUESTION_KINDS.get(profile)
    if kind is None:
        return None, _(
            "question “%(question)s”: its type (%(type)s) is not one our quizzes hold"
        ) % {
            "question": label,
            "type": profile or _("unknown"),
        }
    labels = [(lab.get("ident"), _text(lab)) for lab in _descendants(item, "response_label")]
    correct = _correct_idents(item)
    choices = [(choice_text[:255], ident in correct) for ident, choice_text in labels]
    if not text or len(choices) < 2 or not any(is_correct for _t, is_correct in choices):
        return None, _(
            "question “%(question)s”: no text, fewer than two answers or no correct answer"
        ) % {"question": label}
    if kind == SINGLE and sum(is_correct for _t, is_correct in choices) > 1:
        kind = MULTIPLE
    feedback = next(
        (f for f in _descendants(item, "itemfeedback") if f.get("ident") == "general_fb"), None
    )
    return Question(text=text[:255], kind=kind, choices=choices, explanation=_text(feedback)), ""


def _correct_idents(item):
    """The answers a full score needs: the `varequal`s (not under a `not`) of the
    conditions that set a positive score."""
    correct = set()
    for condition in _descendants(item, "respcondition"):
        scores = [s for s in condition if local(s.tag) == "setvar"]
        try:
            positive = any(float((s.text or "0").strip()) > 0 for s in scores)
        except ValueError:
            positive = False
        if not positive:
            continue
        variables = _child(condition, "conditionvar")
        if variables is not None:
            correct |= _plain_equals(variables)
    return correct


def _plain_equals(element):
    found = set()
    for child in element:
        name = local(child.tag)
        if name == "varequal":
            found.add((child.text or "").strip())
        elif name in ("and", "or"):
            found |= _plain_equals(child)
    return found
