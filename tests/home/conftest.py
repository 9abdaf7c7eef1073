import pytest

from ..shared_build import built_once_per_module
from .builders import build_home_site, build_news_site


@pytest.fixture
def site(db):
    """French and English home, catalogue and directory, and one instructor."""
    return build_home_site()


news_site = built_once_per_module(build_news_site, "news_site")
