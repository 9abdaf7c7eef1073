"""Events other apps listen to. Sent after the transaction commits."""

from django.dispatch import Signal

# Sent once per enrolment when its course becomes complete; kwargs: enrolment_id.
course_completed = Signal()

# Sent when a student loses access to a course (full refund, moderation); kwargs:
# user_id, course_id (the default-locale course).
access_revoked = Signal()

# What happened in a student's learning, for the analytics event stream; all sent after
# the commit, with ids only (user_id, course_id, lesson_id: default-locale pages).
enrolled = Signal()
lesson_opened = Signal()
lesson_done = Signal()
# kwargs also: quiz_id, misses (a list of (question id, the wrong choice ids picked)).
quiz_missed = Signal()
# Practice work was handed in; kwargs: submission_id, user_id, course_id.
work_handed_in = Signal()
# Every required part of a course's final assessment is passed; kwargs: enrolment_id.
assessment_passed = Signal()
