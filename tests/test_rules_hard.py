"""``HardRules`` (the import's rule check, lookups worked out once per catalogue) finds exactly the hard issues
``check`` finds, in the same order, whatever the values."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jzhealth_desktop.domain.catalogue import Indicator
from jzhealth_desktop.store.catalogue_files import load_catalogue
from jzhealth_desktop.domain.rules import HardRules, blocking, check
from jzhealth_desktop.paths import catalogue_dir

CAT = load_catalogue(catalogue_dir())
INDICATORS = [i for i in CAT.indicators()]
CODES = [i.code for i in INDICATORS]
RATES = [r.code for r in CAT.rates()]


def value_for(ind: Indicator):
    """Values around the indicator's bounds (and the other indicators'), so rules and caps both hold and break."""
    whole = st.integers(-3, 5) | st.integers(-10, 10**6) | st.sampled_from([0, 1, 99, 100, 101, 10**5, 10**5 + 1])
    if ind.scale == 0:
        return whole
    return whole.map(lambda n: Decimal(n).scaleb(-ind.scale)) | st.decimals(
        -10, 10**6, places=ind.scale, allow_nan=False, allow_infinity=False)


def plausible_for(ind: Indicator):
    """Values inside the indicator's own bounds: only caps and rules between indicators can break."""
    high = ind.max if ind.max is not None else 10**6
    whole = st.integers(max(ind.min or 0, 0), high)
    return whole if ind.scale == 0 else whole.map(lambda n: Decimal(n).scaleb(-ind.scale))


year_values = st.fixed_dictionaries({}, optional={i.code: value_for(i) for i in INDICATORS})
plausible_years = st.fixed_dictionaries({}, optional={i.code: plausible_for(i) for i in INDICATORS})
wanted = st.lists(st.sampled_from(CODES + RATES + ["no_such_code"]), unique=True)


@settings(max_examples=600, deadline=None)
@given(values=year_values, codes=wanted)
def test_hard_rules_find_what_check_finds(values, codes):
    hard = HardRules(CAT)
    assert hard.issues(values, codes) == blocking(check(CAT, values, None, codes))
    # a second call with the same codes uses what the first worked out: still the same answer
    assert hard.issues(values, codes) == blocking(check(CAT, values, None, codes))


@settings(max_examples=300, deadline=None)
@given(values=year_values | plausible_years)
def test_hard_rules_with_every_code_as_an_import_checks_them(values):
    codes = sorted(values)
    assert HardRules(CAT).issues(values, codes) == blocking(check(CAT, values, None, codes))


def test_a_broken_bound_cap_and_rule_are_all_found_in_checks_order():
    values = {"ec_beds": -1, "imm_clinics": 10, "imm_digital_clinics": 12, "imm_demo_clinics": 11,
              "mch_live_births": 10, "mch_infant_deaths": 12, "mch_under5_deaths": 11}
    codes = sorted(values)
    found = HardRules(CAT).issues(values, codes)
    assert {i.rule for i in found} >= {"min", "imm_digital_le_clinics", "cap:mch_infant_mortality",
                                       "mch_infant_le_under5"}
    assert found == blocking(check(CAT, values, None, codes))
