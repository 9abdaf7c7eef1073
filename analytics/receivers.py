"""The event stream's inputs: the feature apps' own signals (all sent after their
commit) become events. The apps know nothing of analytics; analytics reads ids only."""

from certificates import signals as certificate_signals
from course_pages.signals import course_viewed
from directory.announcements import searched
from enrolment import signals as learning

from . import tasks
from .models import Event
from .services import track

K = Event.Kind


def _on_view(sender, course_id, **kwargs):
    # On the request path, maybe a page-cache hit: no database here, a worker writes.
    tasks.record_course_view.delay(course_id)


def _on_search(sender, town, category, **kwargs):
    # Also on the request path (a cached search page): a worker writes.
    tasks.record_search.delay(town, category)


def _tracker(kind):
    def receive(sender, user_id, course_id, lesson_id=None, **kwargs):
        track(kind, user_id=user_id, course_id=course_id, lesson_id=lesson_id)

    return receive


def _on_quiz_missed(sender, user_id, course_id, lesson_id, quiz_id, misses, **kwargs):
    for question_id, wrong in misses:
        track(
            K.QUIZ_MISS,
            user_id=user_id,
            course_id=course_id,
            lesson_id=lesson_id,
            props={"quiz": quiz_id, "question": question_id, "chosen": list(wrong)},
        )


RECEIVERS = (
    (course_viewed, _on_view),
    (searched, _on_search),
    (learning.enrolled, _tracker(K.ENROLLED)),
    (learning.lesson_opened, _tracker(K.LESSON_OPENED)),
    (learning.lesson_done, _tracker(K.LESSON_DONE)),
    (learning.course_completed, _tracker(K.COURSE_COMPLETED)),
    (learning.quiz_missed, _on_quiz_missed),
    (certificate_signals.issued, _tracker(K.CERTIFICATE_ISSUED)),
)


def connect():
    for signal, receiver in RECEIVERS:
        signal.connect(receiver, dispatch_uid=f"analytics.events.{id(signal)}")
