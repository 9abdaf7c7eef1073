"""A lesson's StreamField value, in one language, from its block list in a course file.
Each block is {kind: value}; the kinds are the lesson blocks of course_pages.blocks."""

from wagtail.rich_text import RichText

from demo.content import tr


def lesson_body(blocks, lang, media):
    """StreamField value of a lesson, in `lang`, from the block list of a course file."""
    body = []
    for block in blocks:
        ((kind, value),) = block.items()
        if kind == "video":
            video = media.video()
            if video is not None:  # no FFmpeg: the lesson simply has no video
                body.append(("video", {"video": video, "caption": tr(value["caption"], lang)}))
        elif kind in BUILDERS:
            body.append((kind, BUILDERS[kind](value, lang, media)))
        else:
            raise ValueError(f"Unknown demo lesson block: {kind}")
    return body


def _heading(value, lang, media):
    return tr(value, lang)


def _paragraph(value, lang, media):
    return RichText(tr(value, lang))


def _guide(value, lang, media):
    return {"document": media.document(value["document"], lang), "title": tr(value["title"], lang)}


def _gallery(value, lang, media):
    images = [
        ("image", {"image": media.image(item["image"]), "caption": tr(item["caption"], lang)})
        for item in value["images"]
    ]
    return {"title": tr(value["title"], lang), "images": images}


def _steps(value, lang, media):
    steps = [
        (
            "step",
            {
                "text": tr(step["text"], lang),
                "image": media.image(step["image"]) if step.get("image") else None,
            },
        )
        for step in value["steps"]
    ]
    return {"title": tr(value["title"], lang), "steps": steps}


def _quiz(value, lang, media):
    questions = []
    for question in value["questions"]:
        correct = sum(1 for choice in question["choices"] if choice["correct"])
        questions.append(
            (
                "question",
                {
                    "text": tr(question["text"], lang),
                    # Several correct answers make a multiple choice.
                    "kind": "multiple" if correct > 1 else "single",
                    "choices": [
                        (
                            "choice",
                            {"text": tr(choice["text"], lang), "is_correct": choice["correct"]},
                        )
                        for choice in question["choices"]
                    ],
                    "explanation": tr(question["explanation"], lang),
                },
            )
        )
    return {
        "title": tr(value["title"], lang),
        "pass_mark": value["pass_mark"],
        "max_attempts_per_day": value["max_attempts_per_day"],
        "questions": questions,
    }


def _assignment(value, lang, media):
    return {
        "title": tr(value["title"], lang),
        "instructions": RichText(tr(value["instructions"], lang)),
        "rubric": [
            (
                "criterion",
                {"name": tr(row["name"], lang), "description": tr(row["description"], lang)},
            )
            for row in value["rubric"]
        ],
        "photos_required": value["photos_required"],
    }


BUILDERS = {
    "heading": _heading,
    "paragraph": _paragraph,
    "guide": _guide,
    "gallery": _gallery,
    "steps": _steps,
    "quiz": _quiz,
    "assignment": _assignment,
}
