"""Bench figures reach the log even when the benches share the PostgreSQL pass with the
rest of the suite, spread over processes (pytest-xdist shows no worker's output): what
each bench prints is kept on its report and printed at the end (tests/conftest.py)."""

import pytest

FIGURES = "bench figures"


@pytest.fixture(autouse=True)
def _printed_figures_kept(request, capsys):
    yield
    printed = capsys.readouterr().out
    if printed.strip():
        request.node.user_properties.append((FIGURES, printed))
