from decimal import Decimal

import pytest

from jzhealth_desktop.services.aggregate import aggregate_year, county_table, zero_streak
from jzhealth_desktop.services.forms import save_values


@pytest.fixture
def store_path(any_store):
    """Every test here runs on SQLite and on PostgreSQL: ``store_path`` is a file or a server URL."""
    return any_store


def test_city_rate_is_ratio_of_sums_never_average(ctx):
    save_values(ctx, "410821", 2021, {"imm_clinics": 10, "imm_demo_clinics": 9})     # 90%
    save_values(ctx, "410822", 2021, {"imm_clinics": 100, "imm_demo_clinics": 10})   # 10%
    city = aggregate_year(ctx, 2021)
    assert city["imm_clinics"] == 110 and city["imm_demo_clinics"] == 19
    assert city["imm_demo_rate"] == Decimal("17.27")  # 19/110, not (90+10)/2 = 50
    assert county_table(ctx, 2021)["410821"]["imm_demo_rate"] == Decimal("90.00")


def test_city_own_entries_add_to_counties_and_city_only_items_are_not_summed(ctx):
    save_values(ctx, "410821", 2021, {"ec_beds": 100})
    save_values(ctx, "410800", 2021, {"ec_beds": 50, "ms_city_key": 52})
    city = aggregate_year(ctx, 2021)
    assert city["ec_beds"] == 150 and city["ms_city_key"] == 52


def test_money_sums_exactly(ctx):
    save_values(ctx, "410821", 2021, {"ec_investment": "0.10"})
    save_values(ctx, "410822", 2021, {"ec_investment": "0.20"})
    assert str(aggregate_year(ctx, 2021)["ec_investment"]) == "0.30"


def test_missing_is_none_not_zero(ctx):
    city = aggregate_year(ctx, 2021)
    assert city.get("ec_beds") is None and city["ec_admission_rate"] is None


def test_zero_streak(ctx):
    for year in range(2015, 2022):
        save_values(ctx, "410821", year, {"imm_polio_cases": 0})
    save_values(ctx, "410822", 2014, {"imm_polio_cases": 1})
    assert zero_streak(ctx, "imm_polio_cases", 2021) == 7
