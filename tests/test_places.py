"""reportkit.places: the gazetteer's look-ups (most of its behaviour is tested through metadata)."""
from __future__ import annotations

from reportkit.places import _town_index, is_place_name


def test_is_place_name__whole_names_only_and_nothing_kept():
    made = len(_town_index()._made)
    assert is_place_name("三元区") and is_place_name("七个星镇")
    assert not is_place_name("三元") and not is_place_name("覆盖三村")
    assert len(_town_index()._made) == made  # a membership test caches no Town for the names asked
