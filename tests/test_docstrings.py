"""The examples in the docstrings run and give what they show."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import reportkit

MODULES = sorted(m.name for m in pkgutil.walk_packages(reportkit.__path__, "reportkit.") if m.name != "reportkit.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples__run_as_shown(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
