"""The demo directory puts each professional in a district of her own town."""

from demo.loaders import professionals as demo

# Districts we know, from the towns themselves (not from the demo's own table).
KNOWN = {
    "douala": {"Akwa", "Bonapriso", "Bonamoussadi"},
    "yaounde": {"Bastos", "Mvog-Mbi", "Essos"},
    "buea": {"Molyko"},
    "limbe": {"Mile 4"},
}


def test_every_demo_professional_works_in_a_district_of_her_town():
    for number in range(demo.PROFESSIONALS):
        town, neighbourhood = demo.place_of(number)
        assert neighbourhood in demo.NEIGHBOURHOODS[town], (number, town, neighbourhood)


def test_known_districts_sit_in_their_real_town_and_in_no_other():
    for town, districts in KNOWN.items():
        assert districts <= set(demo.NEIGHBOURHOODS[town])
        for other, other_districts in demo.NEIGHBOURHOODS.items():
            if other != town:
                assert not districts & set(other_districts), (town, other)


def test_every_demo_town_has_districts():
    assert set(demo.TOWNS) == set(demo.NEIGHBOURHOODS)
