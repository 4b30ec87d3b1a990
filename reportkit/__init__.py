"""reportkit: township rule-of-law annual reports (法治政府建设年度报告) as tidy pandas tables.

The public API is flat and imported lazily, so `import reportkit` stays cheap::

    import reportkit as rk
    tables = rk.build("data/raw", manifest="data/manifest.csv", out="data/processed")
    rk.keyness(tables["term_counts"], tables["documents"], target={"town": "大年乡"})
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# No NullHandler on purpose: where the application configured no logging (a notebook, a script),
# warnings (a cache that cannot be written, a manifest that cannot be read) reach stderr through
# Python's last resort, so that an analyst sees them; configured logging takes them as usual.

# public name → module that defines it
_API = {
    "build": "pipeline.build", "check": "pipeline.build", "BuildReport": "pipeline.build",
    "read_tables": "reading", "read_manifest": "manifest", "discover": "manifest", "extract": "readers",
    "ReadError": "readers",
    "Limits": "config", "BuildConfig": "config", "ReuseOptions": "config", "ThemeOptions": "config",
    "normalize_text": "normalize", "to_simplified": "normalize", "is_traditional": "normalize",
    "infer_metadata": "metadata", "load_gazetteer": "metadata", "title_of": "metadata",
    "split_sections": "sections", "shortcoming_items": "item_cutting", "completeness": "sections",
    "classify_heading": "sections",
    "extract_indicators": "indicators", "density": "indicators", "comparable": "indicators", "own_year": "indicators",
    "unit_kind": "indicators",
    "load_tokenizer": "terms", "count_terms": "terms", "top_terms": "terms", "tfidf": "terms",
    "keyness": "terms", "keyness_by": "terms", "kwic": "terms", "concept_counts": "terms", "load_boilerplate": "terms",
    "cluster_shortcomings": "shortcomings", "theme_summary": "shortcomings",
    "representative_items": "shortcomings",
    "find_reuse": "reuse", "originality": "reuse", "corpus_passages": "reuse",
    "min_docs_for_boilerplate": "reuse",
    "caveats": "findings", "SmallNumbersWarning": "findings",
    "recurring_themes": "across_years", "carried_plans": "across_years",
    "build_deck": "deck", "write_workbook": "workbook", "write_profiles": "profiles",
    # modules: charts and their tables, words for them, the notebooks' helpers
    "plots": None, "export": None, "trends": None, "findings": None, "across_years": None,
    "notebooks": None, "deck": None,
}

__all__ = sorted(_API)


def __getattr__(name: str):
    # Only called for names the package does not hold. No public name is also the name of a
    # submodule of reportkit (importing a submodule sets the package attribute of its name, which
    # would then hide the function: `rk.build` was the module after the first build).
    if name not in _API:
        raise AttributeError(f"module 'reportkit' has no attribute {name!r}")
    module = importlib.import_module(f".{_API[name] or name}", __name__)
    return module if _API[name] is None else getattr(module, name)


def __dir__():
    return __all__
