import pytest

from .builders import build_home_site


@pytest.fixture
def site(db):
    """French and English home, catalogue and directory, and one instructor."""
    return build_home_site()
