"""Events other apps listen to."""

from django.dispatch import Signal

# A course page was shown, rendered or answered from the page cache; kwargs: course_id
# (the default-locale course). Sent on the request path: receivers hand it to a task.
course_viewed = Signal()
