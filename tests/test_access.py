import pytest

from jzhealth_desktop.services.access import ADMIN, CLERK, REVIEWER, AccessDenied, Principal
from jzhealth_desktop.services.aggregate import aggregate_year
from jzhealth_desktop.services.forms import read_form, save_form


@pytest.fixture
def store_path(any_store):
    """Every test here runs on SQLite and on PostgreSQL: ``store_path`` is a file or a server URL."""
    return any_store


def test_no_accounts_means_operator_with_every_right(ctx):
    save_form(ctx, "410821", 2021, "eldercare", {"ec_beds": "10"})


def test_clerk_is_limited_to_own_county(ctx, store_path, snapshot):
    ctx.principal = Principal("clerk1", CLERK, "410821")
    save_form(ctx, "410821", 2021, "eldercare", {"ec_beds": "10"})
    before = snapshot(store_path)
    with pytest.raises(AccessDenied, match="无权"):
        save_form(ctx, "410822", 2021, "eldercare", {"ec_beds": "10"})
    with pytest.raises(AccessDenied):
        read_form(ctx, "410822", 2021, "eldercare")
    with pytest.raises(AccessDenied):
        aggregate_year(ctx, 2021)
    assert snapshot(store_path) == before


def test_reviewer_reads_all_but_does_not_type_figures(ctx):
    ctx.principal = Principal("rev", REVIEWER)
    read_form(ctx, "410822", 2021, "eldercare")
    aggregate_year(ctx, 2021)
    with pytest.raises(AccessDenied):
        save_form(ctx, "410822", 2021, "eldercare", {"ec_beds": "10"})
    ctx.principal = Principal("adm", ADMIN)
    save_form(ctx, "410822", 2021, "eldercare", {"ec_beds": "10"})


def test_only_an_administrator_reconfigures_the_station_or_loads_the_demo(ctx, store_path, snapshot):
    from jzhealth_desktop.services.demo import load_demo
    from jzhealth_desktop.services.station import configure_station

    before = snapshot(store_path)
    for role in (CLERK, REVIEWER):
        ctx.principal = Principal("u", role, "410821" if role == CLERK else None)
        with pytest.raises(AccessDenied):
            configure_station(ctx, "city", None, "某人")
        with pytest.raises(AccessDenied):
            load_demo(ctx)
    assert snapshot(store_path) == before
    ctx.principal = Principal("adm", ADMIN)
    configure_station(ctx, "county", "410821", "管理员")
