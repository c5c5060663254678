"""The per-product, per-page summary `regen` and `build` print after writing."""

from __future__ import annotations

import json

from ..consistency import summary_line
from ..location import printable
from ..regen import ProductBuild


def summary_lines(builds: list[ProductBuild]) -> list[str]:
    lines = []
    for build in builds:
        report = build.files[f"{build.manifest.provider}/{build.manifest.product}/report.json"]
        data = json.loads(report)
        lines.append(f"{build.manifest.provider}/{build.manifest.product}: "
                     f"{len(build.product.operations)} operations from {len(data['pages'])} pages "
                     f"({data['counts']['error']} errors, {data['counts']['warning']} warnings)")
        if "consistency" in data:
            lines.append("  " + summary_line(data["consistency"]))
        for page in data["pages"]:
            lines.append(f"  {printable(page['page'])}: {page['form'] or '-'}/{page['dialect'] or '-'} "
                         f"ops={','.join(page['operations']) or '-'} params={page['parameters']} "
                         f"response_fields={page['response_fields']} samples={page['samples']} "
                         f"error_codes={page['error_codes']} warnings={page['warnings']} "
                         f"errors={page['errors']}")
    return lines
