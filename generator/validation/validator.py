"""`Validator`: one picklable object that checks responses and requests against a bundle.

A validator is its `ContractBundle` (plain data) plus caches it builds on first use: the
products compiled for matching (routes, hosts) and the compiled validators per operation. The
caches are dropped when it is pickled (`__getstate__` keeps the bundle only) and rebuilt where it
is unpickled, so the same object can be sent to `multiprocessing` workers, Dask or Spark
executors. Nothing is cached at module level except the default validators the plain functions
(`validate_response`, `validate_request`) use, one per contracts folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .api import ProductRef, check_response, compiled_for
from .bundle import ContractBundle, default_root
from .contracts import Contracts, ProductContracts
from .findings import Finding, ordered, promote
from .requestcheck import check_request


class Validator:
    """Checks captured traffic against one bundle of contracts.

        validator = Validator(ContractBundle.from_folder("generated"))
        validator.validate_response("vpc", "ListIpsecServers", body_bytes)   # -> [Finding]
        pickle.dumps(validator)   # the bundle only; compiled validators rebuild on first use
    """

    __slots__ = ("bundle", "_contracts", "_fast")

    def __init__(self, bundle: ContractBundle | None = None) -> None:
        self.bundle = bundle if bundle is not None else ContractBundle.from_folder()
        self._reset()

    @classmethod
    def from_folder(cls, root: Path | str | None = None) -> Validator:
        return cls(ContractBundle.from_folder(root))

    def _reset(self) -> None:
        self._contracts: Contracts | None = None
        self._fast: dict[str, dict[str, Callable[[bytes], bool]]] = {}
        """operation -> product as given -> the success response's validating decoder
        (`FastDecoder.accepts`): lets the common call skip every lookup."""

    def __getstate__(self) -> dict[str, Any]:
        return {"bundle": self.bundle}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.bundle = state["bundle"]
        self._reset()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Validator) and other.bundle == self.bundle

    __hash__ = None  # type: ignore[assignment]  # mutable caches: not a dict key

    @property
    def contracts(self) -> Contracts:
        if self._contracts is None:
            self._contracts = Contracts(self.bundle)
        return self._contracts

    def product(self, product: ProductRef) -> ProductContracts:
        if isinstance(product, ProductContracts):
            return product
        return self.contracts.product(product)

    def is_compiled(self) -> bool:
        """Whether any cache is built (tests: a fresh or unpickled validator is not)."""
        return self._contracts is not None or bool(self._fast)

    def validate_response(self, product: ProductRef, operation: str, body: Any, *,
                          status: int = 200, method: str | None = None, headers: Any = None,
                          strict: bool = False, warnings: bool = True) -> list[Finding]:
        """Check one response body against the documented success (2xx) or error (4xx/5xx)
        body.

        `product` is "alibabacloud/vpc" or "vpc"; `body` is JSON text or bytes, XML text (read
        by the schema's shape), or an already-parsed JSON value; `headers` (name, value pairs or
        a mapping) undo a `Content-Encoding` and decode a declared charset; `method` HEAD
        expects no body. Returns findings, errors first;
        `strict=True` turns warnings into errors; `warnings=False` skips undocumented-field and
        format-hint checks. Raises `InputError` for a body that cannot be read and `UsageError`
        for an unknown product or operation.
        """
        fast = None
        if (type(body) is bytes and headers is None and status == 200 and warnings
                and type(product) is str):
            # The common call: one validating decode (see `fastpath`), no other lookup (a
            # missing key raises once per operation: cheaper than `get` on every call; two
            # lookups by string, whose hashes are cached, are cheaper than building and
            # hashing a (product, operation) tuple).
            try:
                fast = self._fast[operation][product]
            except KeyError:
                pass
            else:
                if fast(body):
                    return []
        target = self.product(product)
        if isinstance(headers, dict):
            headers = list(headers.items())
        found = check_response(target, operation, body, status=status, method=method,
                               headers=headers, warnings=warnings, fast_tried=fast is not None)
        if type(product) is str and product not in self._fast.get(operation, ()):
            decoder = compiled_for(target, operation, "response").fast
            if decoder is not None:
                self._fast.setdefault(operation, {})[product] = decoder.accepts
        return ordered(promote(found, strict)) if found else found

    def validate_request(self, product: ProductRef, operation: str | None = None, *,
                         url: str | None = None, params: Any = None, method: str | None = None,
                         headers: Any = None, body: Any = None, strict: bool = False,
                         warnings: bool = True) -> list[Finding]:
        """Check one request against the documented parameters.

        Give the request as a `url` (`/?Action=ListIpsecServers&RegionId=cn-hangzhou`,
        `https://vpn.eu-de.myhuaweicloud.com/v5/p1/vpn-connection?limit=10`) and/or `params`:
        a mapping of wire names to values (`{"MaxResults": "50", "Tag.1.Key": "k"}`) or grouped
        (`{"query": {...}, "path": {...}, "header": {...}, "body": ...}`). Without
        `operation`, it is read from `Action=` (RPC) or the method and path (REST). `body` is a
        REST JSON body or an RPC form body.
        """
        _, found = check_request(self.product(product), operation, url=url, params=params,
                                 method=method, headers=headers, body=body, warnings=warnings)
        return ordered(promote(found, strict))


_DEFAULTS: dict[str | None, Validator] = {}
"""The default validator per contracts folder as given (None: `default_root()`)."""


def default_validator(generated: Path | str | None = None) -> Validator:
    """The validator the plain functions use for `generated` (loaded once per folder)."""
    key = None if generated is None else str(generated)
    found = _DEFAULTS.get(key)
    if found is None:
        root = Path(generated) if generated is not None else default_root()
        same = next((v for k, v in _DEFAULTS.items()
                     if v.bundle.origin == str(root.resolve())), None)
        found = _DEFAULTS[key] = same or Validator(ContractBundle.from_folder(root.resolve()))
    return found


def contracts(generated: Path | str | None = None) -> Contracts:
    """The products of the default validator for `generated`."""
    return default_validator(generated).contracts


def forget() -> None:
    """Drop the default validators (after `docs2spec regen` rewrote the contracts)."""
    _DEFAULTS.clear()


def validate_response(product: ProductRef, operation: str, body: Any, *, status: int = 200,
                      method: str | None = None, headers: Any = None, strict: bool = False,
                      warnings: bool = True, generated: Path | str | None = None
                      ) -> list[Finding]:
    """`Validator.validate_response` on the default validator for `generated`."""
    return default_validator(generated).validate_response(
        product, operation, body, status=status, method=method, headers=headers,
        strict=strict, warnings=warnings)


def validate_request(product: ProductRef, operation: str | None = None, *,
                     url: str | None = None, params: Any = None, method: str | None = None,
                     headers: Any = None, body: Any = None, strict: bool = False,
                     warnings: bool = True, generated: Path | str | None = None
                     ) -> list[Finding]:
    """`Validator.validate_request` on the default validator for `generated`."""
    return default_validator(generated).validate_request(
        product, operation, url=url, params=params, method=method, headers=headers, body=body,
        strict=strict, warnings=warnings)
