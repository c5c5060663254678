"""A JSON sample that lost closing brackets is read with them put back at its end
(`dialects/samples.py`), but where each object really ended is a guess: `{"Keys": {"Key":
[...], "TotalCount": 3}` closes `Keys` after `TotalCount`, moving the page's top-level fields
into the list's wrapper. When the page prints the same message once more in a form that reads
as printed (the XML sample beside it, another JSON sample), that one is the evidence: this
page pass sets the guessed one aside (kept as text, `sample-set-aside` at its page:line). A
guessed sample with nothing beside it is still used."""

from __future__ import annotations

from dataclasses import replace

from .model import Diagnostic, PageExtract, Sample


def _as_printed(sample: Sample) -> bool:
    """Read without guessing: parsed JSON, or XML (converted later by the documented shape)."""
    return not sample.guessed_closers and (sample.value is not None or sample.syntax == "xml")


def set_aside_guessed_samples(extract: PageExtract, diagnostics: list[Diagnostic]) -> PageExtract:
    if not any(s.guessed_closers and s.value is not None for s in extract.samples):
        return extract
    samples = []
    for sample in extract.samples:
        if sample.guessed_closers and sample.value is not None:
            other = next((s for s in extract.samples if s is not sample and s.kind == sample.kind
                          and s.status == sample.status and _as_printed(s)), None)
            if other is not None:
                where = f" ({other.loc})" if other.loc else ""
                diagnostics.append(Diagnostic(
                    "warning", "sample-set-aside", "the sample lost closing brackets and where "
                    f"its objects end is a guess; the page's other {other.syntax.upper()} sample "
                    f"of this message{where} is used instead", sample.loc,
                    (other.loc,) if other.loc else (), operation=extract.operation_id))
                sample = replace(sample, value=None)
        samples.append(sample)
    return replace(extract, samples=tuple(samples))
