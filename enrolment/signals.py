"""Events other apps listen to. Sent after the transaction commits."""

from django.dispatch import Signal

# Sent once per enrolment when its course becomes complete; kwargs: enrolment_id.
course_completed = Signal()

# Sent when a student loses access to a course (full refund, moderation); kwargs:
# user_id, course_id (the default-locale course).
access_revoked = Signal()
