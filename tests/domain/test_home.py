"""The investor's home economy (coopselect.domain.home): China with Taiwan, Hong Kong and Macao is
never an overseas host."""

from __future__ import annotations

from coopselect.domain.home import HOME_ECONOMY, is_home, left_out_note, overseas_hosts


def test_home_economy_members():
    assert {"CHN", "TWN", "HKG", "MAC"} == HOME_ECONOMY
    assert is_home("twn") and is_home("HKG") and not is_home("MNG") and not is_home("KAZ")


def test_overseas_hosts_keeps_order_and_says_what_it_left_out():
    kept, left = overseas_hosts(["MNG", "HKG", "KAZ", "TWN", "MAC", "PER"])
    assert kept == ("MNG", "KAZ", "PER") and left == ("HKG", "TWN", "MAC")
    assert overseas_hosts(["KAZ"]) == (("KAZ",), ())


def test_every_home_economy_is_in_the_country_table():
    from coopselect.io.data import reference

    assert set(reference.countries()) >= HOME_ECONOMY


def test_note_in_both_languages():
    assert left_out_note([], "en") == ""
    en = left_out_note(["HKG", "MAC", "TWN"], "en")
    assert "home economy" in en and "HKG, MAC, TWN" in en
    zh = left_out_note(["中国香港", "中国澳门"], "zh")
    assert "投资方所在地" in zh and "中国香港、中国澳门" in zh
