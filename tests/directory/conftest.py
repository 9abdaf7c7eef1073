import pytest

from .builders import build_directory


@pytest.fixture
def directory(db):
    return build_directory()
