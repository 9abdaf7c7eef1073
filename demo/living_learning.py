"""Demo learning: quiz attempts (failed and passed), and practice work handed in with
photos, reviewed by two classmates each and decided on by the instructor."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from enrolment import lesson_blocks
from enrolment.services import decide_submission, review_submission, submit_assignment, submit_quiz


def take_quiz(*, user, lesson, passing):
    """One attempt at the lesson's first quiz: every answer right, or every answer wrong."""
    quiz = lesson_blocks.quizzes(lesson)[0]
    answers = {}
    for question in quiz.questions:
        if passing:
            answers[question.id] = sorted(question.correct)
        else:
            wrong = [choice for choice in question.choices if choice not in question.correct]
            answers[question.id] = wrong[:1] or sorted(question.correct)
    return submit_quiz(user=user, lesson=lesson, quiz_id=quiz.id, answers=answers)


def work_photo(seed, position):
    """A small JPEG, the same for the same seed: a face chart in the seed's colours."""
    palette = ["#c2577f", "#8a4b2a", "#e0a458", "#5b3a29", "#d98c6a", "#3f2a1d"]
    background = palette[seed % len(palette)]
    accent = palette[(seed + position + 2) % len(palette)]
    image = Image.new("RGB", (640, 480), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((200, 80, 440, 400), fill=accent)
    draw.rectangle((40 + 40 * position, 420, 160 + 40 * position, 460), fill="#ffffff")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(
        f"demo-work-{seed}-{position}.jpg", buffer.getvalue(), content_type="image/jpeg"
    )


def hand_in(*, user, lesson, note, seed):
    assignment = lesson_blocks.assignments(lesson)[0]
    uploads = [work_photo(seed, n) for n in range(assignment.photos_required)]
    return submit_assignment(
        user=user, lesson=lesson, assignment_id=assignment.id, note=note, uploads=uploads
    )


def review(*, reviewer, submission, lesson, score, comment):
    """A peer review giving `score` out of 5 on every criterion of the rubric."""
    assignment = lesson_blocks.find_assignment(lesson, submission.assignment_id)
    scores = {criterion: score for criterion, _name in assignment.criteria}
    return review_submission(
        reviewer=reviewer, submission=submission, scores=scores, comment=comment
    )


def decide(*, course, submission, accepted, comment):
    return decide_submission(
        decided_by=course.instructor.user, submission=submission, accepted=accepted, comment=comment
    )
