"""The enrolment tests' small course (one lesson of each kind) and its people; the
professional with a fortnight of audience, clients and deposits."""

from ..enrolment.conftest import course_site, enrolled  # noqa: F401 (shared fixtures)
from .pro_builders import pro_site  # noqa: F401 (shared fixture: the professional's dashboard)
