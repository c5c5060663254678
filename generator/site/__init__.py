"""`docs2spec publish`: a generated folder (plain files: openapi.json, schemas/, report.json) ->
a static reference site that works from file:// with the network off.

`load.py` reads a product folder, `view.py` turns its OpenAPI document into what a page shows
(operations by docs group, parameter rows, schema trees, samples, errors), `render.py` renders
the jinja2 templates and the search index. The site reads files only, so it publishes
`docs2spec build` outputs as well as `generated/`.
"""
