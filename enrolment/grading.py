"""How answers are checked and scores counted: one rule for lesson quizzes and final
exams, and for rubric scores given by classmates and instructors."""

from django.utils.translation import gettext as _

from .errors import InvalidAnswer

RUBRIC_SCORES = range(1, 6)


def is_correct(question, chosen):
    """Whether the choice ids `chosen` answer `question` (a lesson_blocks.Question)
    right. Choices it does not offer, or several for a one-answer question, are refused."""
    chosen = set(chosen)
    if not chosen <= set(question.choices):
        raise InvalidAnswer(_("Some answers do not belong to this quiz. Reload the page."))
    if not question.multiple and len(chosen) > 1:
        raise InvalidAnswer(_("Choose only one answer for “%(q)s”.") % {"q": question.text})
    return chosen == set(question.correct)


def answers_from_post(post):
    """{question id: [choice ids]} from a quiz or exam form (fields "q-<question id>")."""
    return {key[2:]: post.getlist(key) for key in post if key.startswith("q-") and len(key) > 2}


def percent(correct, total):
    return 100 * correct // total if total else 0


def rubric_scores(criteria, raw):
    """{criterion id: score 1–5} from `raw` ({criterion id: text}); every criterion of
    `criteria` ([(id, name)]) must have one."""
    try:
        cleaned = {cid: int(raw.get(cid) or 0) for cid, _name in criteria}
    except (TypeError, ValueError):
        cleaned = {}
    if not cleaned or not all(score in RUBRIC_SCORES for score in cleaned.values()):
        raise InvalidAnswer(_("Give every criterion a score from 1 to 5."))
    return cleaned


def rubric_percent(scores):
    """A rubric's scores (1–5) as a percentage: 5 everywhere is 100 %."""
    values = list(scores.values())
    return round(100 * sum(values) / (5 * len(values))) if values else 0


def posted_rubric(post):
    """{criterion id: score as typed} from a rubric form's `score-<criterion id>` fields
    (those left blank are left out)."""
    return {key[6:]: value for key, value in post.items() if key.startswith("score-") and value}
