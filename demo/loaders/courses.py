"""The demo courses and their lessons, French first then English
(demo/content/courses/*.yaml, in name order)."""

import json
from decimal import Decimal

from django.utils.text import slugify

from course_pages.models import CoursePage, LessonPage
from demo.content import courses as course_files
from demo.content import tr
from demo.media import COVER
from demo.pages import french_child, translate

from .lessons import lesson_body


def items(pairs, lang):
    """A ListBlock of "item" texts in `lang`."""
    return [("item", tr(pair, lang)) for pair in pairs]


def load(index, english, categories, instructors, users, media):
    """Every course under the catalogue `index`; returns the French courses by key."""
    courses = {}
    for spec in course_files():
        owner = users[spec["instructor"]]

        def build(lang, spec=spec, owner=owner):
            fields = {
                "title": tr(spec["title"], lang),
                "slug": slugify(tr(spec["title"], lang)),
                "summary": tr(spec["summary"], lang),
                "category": categories[spec["category"]][lang],
                "learning_outcomes": items(spec["outcomes"], lang),
                "kit_list": items(spec["kit"], lang),
                "owner": owner,
            }
            if lang == "fr":
                # The English copy keeps these, as wagtail-localize does: the instructor
                # and the prerequisites stay the French pages (shown localised).
                fields.update(
                    cover_image=media.image(spec["cover"], COVER),
                    level=spec["level"],
                    video_language=spec["video_language"],
                    estimated_hours=Decimal(spec["hours"]),
                    price_xaf=spec["price"],
                    included_in_subscription=spec["subscription"],
                    instructor=instructors[spec["instructor"]],
                    prerequisites=[("course", courses[key]) for key in spec["prerequisites"]],
                )
                if "assessment" in spec:
                    fields["final_assessment"] = _assessment(spec["assessment"])
            return fields

        course = french_child(
            index, CoursePage, slugify(spec["title"]["fr"]), lambda b=build: b("fr")
        )
        translate(course, english, lambda b=build, c=course, s=spec: _english(b("en"), c, s))
        for position, lesson in enumerate(spec["lessons"]):
            _load_lesson(course, english, lesson, position == 0, owner, media)
        courses[spec["key"]] = course
    return courses


def _english(fields, course, spec):
    """The English fields; the assessment keeps the French question ids (wagtail-localize
    does the same), so an attempt drawn in one language is read in the other."""
    if "assessment" in spec:
        fields["final_assessment"] = _english_assessment(course, spec["assessment"])
    return fields


def _assessment(spec):
    """The French final assessment (demo/content/courses/*.yaml "assessment")."""
    questions = []
    for question in spec["questions"]:
        text = tr(question["text"], "fr")
        if "is_true" in question:
            questions.append(("true_false", {"text": text, "is_true": question["is_true"]}))
            continue
        choices = [
            ("choice", {"text": tr(choice, "fr"), "is_correct": choice.get("right", False)})
            for choice in question["choices"]
        ]
        questions.append(("question", {"text": text, "kind": "single", "choices": choices}))
    settings = {
        "instructions": tr(spec["instructions"], "fr"),
        "questions": questions,
        "draw_size": spec["draw"],
        "time_limit_minutes": spec["minutes"],
        "pass_mark": spec["pass_mark"],
        "practical_required": spec["practical"],
    }
    return [("assessment", settings)]


def _english_assessment(course, spec):
    raw = json.loads(json.dumps(list(course.final_assessment.raw_data)))
    settings = raw[0]["value"]
    settings["instructions"] = tr(spec["instructions"], "en")
    for question, source in zip(settings["questions"], spec["questions"], strict=True):
        question["value"]["text"] = tr(source["text"], "en")
        for choice, text in zip(
            question["value"].get("choices", []), source.get("choices", []), strict=True
        ):
            choice["value"]["text"] = tr(text, "en")
    return json.dumps(raw)


def _load_lesson(course, english, spec, is_preview, owner, media):
    def build(lang):
        return {
            "title": tr(spec["title"], lang),
            "slug": slugify(tr(spec["title"], lang)),
            "summary": tr(spec["summary"], lang),
            "duration_minutes": spec["minutes"],
            "is_preview": is_preview,
            "body": lesson_body(spec["body"], lang, media),
            "owner": owner,
        }

    page = french_child(course, LessonPage, slugify(spec["title"]["fr"]), lambda: build("fr"))
    translate(page, english, lambda: build("en"))
    return page
