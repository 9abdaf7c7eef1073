"""Page weight and queries of the catalogue, course and home pages with the bilingual
catalogue loaded (one build shared by the module; see bench_page_weight for the table)."""

import pytest

from ..shared_build import built_once_per_module
from .bench_page_weight import (
    COURSE_PAGES,
    FIRST_VIEW_BUDGET,
    HOME_PAGES,
    PAGES,
    load_demo,
    measure,
    print_table,
)

pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def load_catalogue_demo():
    from demo.loaders import catalogue

    load_demo()
    catalogue.load()


# The bilingual catalogue takes ~20 s to build: the two tests below share one build.
catalogue_demo = built_once_per_module(load_catalogue_demo, "catalogue_demo")


def test_course_page_weight_and_queries(client, catalogue_demo):
    """Catalogue and course pages with the full bilingual demo (issue #4: first mobile
    view of each under 60 KB, video excluded)."""
    rows = [(name, path, measure(client, path)) for name, path in COURSE_PAGES]
    print_table(rows)
    for name, path, m in rows:
        print(
            f"{name} first view: {m['total']} bytes (budget {FIRST_VIEW_BUDGET}); "
            f"lazy images further down: {m['images_after_first_screen']} bytes"
        )
        assert m["total"] < FIRST_VIEW_BUDGET, f"{path} first view is {m['total']} bytes"


def test_home_page_with_courses_and_professionals_weight_and_queries(client, catalogue_demo):
    """The home page as the demo fills it (issue 13: featured and newest courses,
    certified professionals near the town, proof): its first view stays under 60 KB."""
    from demo.loaders import certificates, professionals, showcase

    certificates.load()
    professionals.load()
    showcase.load()
    rows = [(name, path, measure(client, path)) for name, path in PAGES if name in HOME_PAGES]
    print_table(rows)
    for name, path, m in rows:
        print(
            f"{name} (full demo) first view: {m['total']} bytes (budget {FIRST_VIEW_BUDGET}); "
            f"lazy images further down: {m['images_after_first_screen']} bytes"
        )
        assert m["total"] < FIRST_VIEW_BUDGET, f"{path} first view is {m['total']} bytes"
