"""pytest turns facilitator's own warnings into errors (pyproject.toml, filterwarnings):
a deprecation in a call facilitator makes fails the suite the day it appears."""

from __future__ import annotations

import warnings

import pytest


def test_a_warning_raised_in_facilitator_fails_the_test():
    with pytest.raises(DeprecationWarning):
        warnings.warn_explicit("old call", DeprecationWarning, "timer.py", 1,
                               module="facilitator.core.timer")


def test_a_warning_raised_elsewhere_is_left_to_its_project():
    with pytest.warns(DeprecationWarning):
        warnings.warn_explicit("old call", DeprecationWarning, "thing.py", 1,
                               module="somelibrary.thing")
