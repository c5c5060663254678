"""`docs2spec diff`: what changed in the contract between two revisions of the docs.

Both sides are reduced to OpenAPI documents (a specs folder is built on the fly, a generated
folder and a single OpenAPI file are read, `git:REV[:PATH]` is PATH, default `specs/`, at REV),
their operations are paired by identity (the Action for RPC, method plus path template
otherwise), and declared lists of rule families (`rules.OPERATION_RULES`,
`rules.PRODUCT_RULES`) turn each pair into changes. Every change says how bad it is for
clients (`level`), whether the wire contract, only the documentation text, or only the tool's
reading of unchanged pages moved (`kind`), and where both sides' docs say so.

Modules: `model` (the records), `sides` (loading a side), `contract` (OpenAPI -> operations by
identity), `schemas` (schema-to-schema comparison), `rules/` (the rule families, one module per
part of an operation), `engine` (pairing, classification, ids), `render` (text, json, markdown,
junit).
"""
