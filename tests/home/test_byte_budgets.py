"""Byte budgets of issue 18: the first view on a 360x800 phone of home, catalogue, course,
lesson, directory search and professional page is at most 60 KB with the data saver and
150 KB without (images as the phone picks them from srcset; photos with real texture,
which weigh what phone pictures weigh, unlike flat demo colours)."""

import pytest

from ..bench.bench_data_saver import NORMAL_BUDGET, SAVER_BUDGET, first_view
from ..shared_build import built_once_per_module
from .builders import build_phone_pages

pytestmark = pytest.mark.django_db


phone_pages = built_once_per_module(build_phone_pages, "phone_pages")


@pytest.mark.parametrize("data_saver", [True, False], ids=["data saver", "normal"])
def test_first_views_on_a_phone_stay_within_budget(client, phone_pages, data_saver):
    budget = SAVER_BUDGET if data_saver else NORMAL_BUDGET
    weights = {name: first_view(client, path, data_saver=data_saver) for name, path in phone_pages}
    for name, weight in weights.items():
        print(f"{name} ({'data saver' if data_saver else 'normal'}): {weight}")
    over = {name: weight["total"] for name, weight in weights.items() if weight["total"] > budget}
    assert not over, f"over {budget} bytes: {over}"


def test_the_data_saver_view_is_lighter_than_the_normal_one(client, phone_pages):
    catalogue = dict(phone_pages)["catalogue"]

    saver = first_view(client, catalogue, data_saver=True)
    normal = first_view(client, catalogue, data_saver=False)

    assert saver["img"] < normal["img"]
