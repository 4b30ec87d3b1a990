"""The project's own promises: dependency lists agree, documented commands exist, nothing reads ../shared."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from .conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml__lists_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        declared |= {_name(r) for r in extra}
    conda, in_dependencies = set(), False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        item = line.strip()
        if not line.startswith(" ") and item:
            in_dependencies = item == "dependencies:"
            continue
        if in_dependencies and item.startswith("- ") and not item.endswith(":"):
            conda.add(_name(item[2:]))
    conda -= {"python", "pip"}
    assert conda == declared


def test_pyproject__lower_bounds_not_exact_pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    assert not [r for r in requirements if "==" in r]


def test_readme__documents_exactly_the_two_setup_commands_and_they_are_make_targets():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert f"make {target}" in readme
        assert re.search(rf"^{target}:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_project__never_reads_the_shared_folder():
    offenders = []
    for path in [*ROOT.glob("reportkit/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("notebooks/*.ipynb"),
                 *ROOT.glob("benchmarks/**/*.py"), ROOT / "Makefile"]:
        if path.name == "test_packaging.py":
            continue
        if re.search(r"\.\./shared|/work/shared", path.read_text(encoding="utf-8", errors="ignore")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_import__reportkit_loads_no_heavy_library():
    code = ("import reportkit, sys; print(','.join(sorted(m for m in "
            "('pandas', 'jieba', 'matplotlib', 'sklearn', 'pyarrow', 'opencc') if m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_pyproject__licence_is_an_spdx_string():
    # a TOML table makes setuptools print a deprecation warning on every install
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    assert any(re.fullmatch(r"setuptools>=(\d+).*", r) and int(re.match(r"setuptools>=(\d+)", r).group(1)) >= 77
               for r in pyproject["build-system"]["requires"])


def test_readme__shows_jupyterlab_another_folder_and_reading_built_tables():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make lab" in readme and re.search(r"^lab:", makefile, re.M)
    assert re.search(r"make demo RAW=\S+ OUT=\S+", readme)
    assert all(f"$({var})" in makefile for var in ("RAW", "OUT", "OUTPUTS"))
    assert 'rk.read_tables("data/processed")' in readme
    assert "notebooks/deck.csv" in readme  # what the deck contains and how to choose its slides


def test_every_third_party_import_of_the_library_is_declared():
    # A library imported directly but only arriving through another package (scipy via scikit-learn, PIL via
    # matplotlib) has no lower bound of its own and may be dropped upstream: each must be declared.
    import ast
    from importlib.metadata import packages_distributions

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        declared |= {_name(r) for r in extra}
    imported = set()
    for path in ROOT.glob("reportkit/**/*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"reportkit"}
    distributions = packages_distributions()
    undeclared = {module: distributions.get(module) for module in third_party
                  if not {_name(d) for d in distributions.get(module, [module])} & declared}
    assert undeclared == {}
    assert {"scipy", "numpy", "PIL", "pdfminer", "threadpoolctl"} <= third_party  # the scan sees the indirect ones
