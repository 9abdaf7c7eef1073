"""The event stream's inputs: the feature apps' own signals (all sent after their
commit) become events. The apps know nothing of analytics; analytics reads ids only."""

from booking import signals as bookings
from certificates import signals as certificate_signals
from course_pages.signals import course_viewed
from directory import audience
from directory.announcements import searched
from directory.selectors import default_locale_page_id
from enrolment import signals as learning
from messaging.signals import conversation_started

from . import counted_events
from .models import Event
from .services import track

K = Event.Kind


def _on_view(sender, course_id, **kwargs):
    # On the request path, maybe a page-cache hit: counted, written after its minute.
    counted_events.count_course_view(course_id)


def _on_search(sender, town, category, **kwargs):
    # Also on the request path (a cached search page).
    counted_events.count_search(town, category)


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


def _on_profile_view(sender, professional_id, **kwargs):
    # Also on the request path (a cached profile page).
    counted_events.count_profile_view(professional_id)


def _on_contact_reveal(sender, professional_id, user_id=None, **kwargs):
    track(K.CONTACT_REVEAL, user_id=user_id, props={"professional": professional_id})


def _on_conversation(sender, context_kind, context_id, started_by_id, **kwargs):
    # An enquiry is written from her page in either language: counted for the
    # default-locale page, like everything about her.
    if context_kind != "enquiry":
        return
    professional_id = default_locale_page_id(context_id)
    if professional_id is not None:
        track(K.ENQUIRY, user_id=started_by_id, props={"professional": professional_id})


def _booking_tracker(kind):
    def receive(sender, booking_id, professional_id, client_id, **kwargs):
        track(kind, user_id=client_id, props={"professional": professional_id})

    return receive


RECEIVERS = (
    (course_viewed, _on_view),
    (searched, _on_search),
    (learning.enrolled, _tracker(K.ENROLLED)),
    (learning.lesson_opened, _tracker(K.LESSON_OPENED)),
    (learning.lesson_done, _tracker(K.LESSON_DONE)),
    (learning.course_completed, _tracker(K.COURSE_COMPLETED)),
    (learning.quiz_missed, _on_quiz_missed),
    (certificate_signals.issued, _tracker(K.CERTIFICATE_ISSUED)),
    (audience.profile_viewed, _on_profile_view),
    (audience.contact_revealed, _on_contact_reveal),
    (conversation_started, _on_conversation),
    (bookings.confirmed, _booking_tracker(K.BOOKING_CONFIRMED)),
    (bookings.completed, _booking_tracker(K.BOOKING_COMPLETED)),
    (bookings.no_show, _booking_tracker(K.BOOKING_NO_SHOW)),
)


def connect():
    counted_events.register()
    for signal, receiver in RECEIVERS:
        signal.connect(receiver, dispatch_uid=f"analytics.events.{id(signal)}")
