"""The bilingual catalogue most course_pages tests start from, and Awa, an instructor."""

import pytest

from ..shared_build import built_once_per_module
from .builders import build_site, make_instructor

site = built_once_per_module(build_site, "site")


@pytest.fixture
def awa(site):
    return make_instructor("awa@example.cm", index=site["instructors"], title="Awa Njoya")
