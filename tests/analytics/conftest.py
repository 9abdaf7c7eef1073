"""The enrolment tests' small course (one lesson of each kind) and its people."""

from ..enrolment.conftest import course_site, enrolled  # noqa: F401 (shared fixtures)
