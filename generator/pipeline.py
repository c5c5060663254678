"""read -> detect dialect -> extract -> reconcile -> check -> emit.

The module that imports every stage; reading pages is its only file access (`regen` and `build`
write the output). Pages are
read and extracted independently (in parallel processes for large sets); one page that cannot
be read becomes a diagnostic, never the end of the run.
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from . import dialects, gcsettings, sources
from .dialects.sections import states_request_line
from .dialects.tables import table_kind
from .dialects.version import stated_version
from .emitters import EMITTERS, EmitContext
from .errors import Docs2SpecError, InputError
from .ir.model import Diagnostic, PageExtract, Product
from .ir.product import build_product
from .ir.reconcile import build_operations, documented_type_names
from .location import SourceLoc
from .manifest import Manifest
from .progress import Progress
from .sources.tree import Document, Table
from .timebox import PAGE_SECONDS, PageTimeout, product_seconds, time_limit

MAX_PAGE_BYTES = 20_000_000
PARALLEL_THRESHOLD = 16
PARALLEL_EMIT_OPERATIONS = 10


def decode_page(path: str, data: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), else UTF-16 with BOM, else GB18030 (Chinese
    pages saved by older tools); NUL bytes mean binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _lines(data.decode("utf-16", errors="replace"))
    if b"\x00" in data[:8192]:
        raise InputError("not a text page (binary data)", SourceLoc(path, 1),
                         hint="give pages saved as HTML, Markdown, reStructuredText or text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
    return _lines(text)


def _lines(text: str) -> str:
    """One line ending for every reader: they split on "\n" (a page saved on Windows says
    "\r\n", an old Mac "\r"), whatever the page's encoding."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_reference(doc: Document) -> bool:
    """An API reference page has at least one table of parameters or fields, or (an operation
    without parameters: `DELETE /v2.0/routers/{router_id}` whose request and response are
    "None") a `METHOD /path` request line right under a URI title."""
    return any(isinstance(node, Table) and table_kind(node.header) in ("request", "fields")
               for node in doc.nodes) or states_request_line(doc)


@dataclass(frozen=True, slots=True)
class PageResult:
    path: str
    extract: PageExtract | None
    error: Diagnostic | None = None
    form: str = ""
    sha256: str = ""
    """The page's bytes, hashed ("" when they could not be read): report.json keeps it so that
    `docs2spec diff` can tell a change of the tool's reading from a change of the page."""


def process_page(path: Path, label: str, form: str | None, dialect: str | None) -> PageResult:
    """Read and extract one page; every failure becomes a diagnostic naming the page."""
    digest = ""
    try:
        if path.stat().st_size > MAX_PAGE_BYTES:
            raise InputError(f"page larger than {MAX_PAGE_BYTES} bytes", SourceLoc(label),
                             hint="an API reference page is far smaller: is this the right file?")
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        with time_limit():
            return replace(read_and_extract(label, decode_page(label, data), form, dialect),
                           sha256=digest)
    except PageTimeout:
        return PageResult(label, None, Diagnostic(
            "error", "page-timeout", f"reading the page took longer than {PAGE_SECONDS:g} s; "
            "skipped", SourceLoc(label)), sha256=digest)
    except Docs2SpecError as exc:
        message = f"{exc.bare_message} ({exc.hint})" if exc.hint else exc.bare_message
        return PageResult(label, None, Diagnostic("error", "page-unreadable", message,
                                                  exc.loc or SourceLoc(label)), sha256=digest)
    except OSError as exc:
        return PageResult(label, None, Diagnostic(
            "error", "page-unreadable", f"cannot read page: {exc.strerror or exc} (check that "
            "it is a readable file)", SourceLoc(label)))
    except RecursionError:
        return PageResult(label, None, Diagnostic("error", "page-unreadable",
                                                  "page nests too deeply to read", SourceLoc(label)))
    except Exception as exc:  # noqa: BLE001 - one page's failure must not stop the others
        return PageResult(label, None, Diagnostic(
            "error", "internal-error", f"docs2spec failed on this page ({type(exc).__name__}: "
            f"{exc}); it was skipped. This is a bug in docs2spec: please report it with the page",
            SourceLoc(label)))


def read_and_extract(label: str, text: str, form: str | None, dialect: str | None) -> PageResult:
    doc = sources.read_page(label, text, form)
    if dialect is None and not looks_like_reference(doc):
        return PageResult(label, None, Diagnostic(
            "info", "page-not-reference", "no parameter table: not an API reference page "
            "(overview, common parameters, index, ...); skipped", SourceLoc(label, 1)),
            form=doc.form)
    extract = dialects.extract_page(doc, dialect)
    if not extract.version:
        extract = replace(extract, version=stated_version(text))
    return PageResult(label, extract, form=doc.form)


STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                     if hasattr(signal, name))
"""Signals that stop a run: the parent's to handle (Ctrl-C, `kill`, a closed terminal)."""


def _worker_init() -> None:
    """Workers leave stopping to the parent: Ctrl-C is ignored (the parent handles it rather
    than every worker printing a traceback), SIGTERM and SIGHUP kill them as by default (not
    the parent's handlers they were forked with), and they die with the parent, even one
    killed with SIGKILL (Linux `PR_SET_PDEATHSIG`), instead of waiting for work forever with
    the caller's pipes open. The garbage collector runs at batch thresholds
    (`gcsettings`). They start with the stop signals blocked (see `_signals_held`):
    one that arrived meanwhile is pending, and is handled by unblocking only now."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOP_SIGNALS:
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)
    _die_with_parent()
    gcsettings.for_batch()
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, set(STOP_SIGNALS))


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request: go now
        os._exit(1)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold the stop signals while worker processes are forked, and deliver them afterwards.

    A Ctrl-C in the middle of `fork()` is otherwise lost or loud: in the parent it lands in
    an at-fork hook, which swallows the KeyboardInterrupt and prints its traceback ("Exception
    ignored in ... _releaseLock") and the build then runs to the end with exit 0; in a child
    that has not yet run `_worker_init` it kills the worker with a traceback (and can leave the
    pool waiting). With the signals blocked they stay pending and are raised here, on leaving,
    as an ordinary KeyboardInterrupt or `Stopped` (forked workers inherit the block; see
    `_worker_init`)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(STOP_SIGNALS))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers are stopped, not waited for, when the run is interrupted
    or fails (a worker may be minutes into a page); on success it shuts down normally."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        yield pool
        # Inside the `try`: a stop signal that lands while the workers are being shut down
        # stops them too. Left idle, they would keep the run alive at exit, where
        # multiprocessing joins every child it started.
        pool.shutdown()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        # ProcessPoolExecutor has no public way to stop running workers (Python 3.14 adds
        # terminate_workers); its `_processes` are the worker processes.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.join(5)
        raise


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page to read: where it is, its label in diagnostics, the forced reader and dialect."""

    path: Path
    label: str
    form: str | None = None
    dialect: str | None = None


def process_pages(pages: list[tuple[Path, str]], form: str | None, dialect: str | None,
                  progress: Progress | None = None) -> list[PageResult]:
    return process_page_jobs([PageJob(p, label, form, dialect) for p, label in pages], progress)


def process_page_jobs(jobs: list[PageJob], progress: Progress | None = None,
                      meanwhile: Callable[[], None] | None = None) -> list[PageResult]:
    """Every page read and extracted (pages of several products in one pool), in the order
    given, whatever order they finish in; `progress` advances as each one finishes.

    `meanwhile` runs in this process while the workers read (`warm_up_emitters`: what the
    emitter processes forked later would each have to import is imported once, here)."""
    progress = progress or Progress(enabled=False)
    if len(jobs) < PARALLEL_THRESHOLD or (os.cpu_count() or 1) < 2:
        results = []
        for job in jobs:
            results.append(process_page(job.path, job.label, job.form, job.dialect))
            progress.advance(job.label)
        return results
    with worker_pool(os.cpu_count() or 2) as pool:
        with _signals_held():  # the workers are forked on the first submit
            futures = {pool.submit(process_page, job.path, job.label, job.form, job.dialect):
                       job.label for job in jobs}
        if meanwhile is not None:
            meanwhile()
        for future in as_completed(futures):
            progress.advance(futures[future])
        return [future.result() for future in futures]  # submission order: the pages' order


def warm_up_emitters() -> None:
    """Import what the emitters import on first use (datamodel-code-generator imports most of
    itself lazily, on its first call: about a second of CPU), in the parent, so that the
    emitter processes forked from it start with it instead of each importing it again."""
    from .emitters.models import warm_up

    warm_up()


def is_reference_page(extract: PageExtract) -> bool:
    """Overviews, common-parameter and "how to call" pages are recognised and skipped, not
    mis-read as operations. They have no parameter tables and no samples, or they have tables
    (common parameters, common headers) but name no operation: no Action on an RPC page, no
    `METHOD /path` and nothing documented of a response on a REST page. A page that documents
    a response but gives no URI stays: that is a broken reference page, reported as an error."""
    has_response = bool(extract.responses or any(s.kind in ("response", "error")
                                                  for s in extract.samples))
    if not (extract.request or extract.types or has_response):
        # Nothing documented but the request line: an operation without parameters or body
        # when its URI section states `METHOD /path` and an example request corroborates it.
        return extract.style == "rest" and bool(extract.path and extract.methods) and any(
            s.kind == "request" for s in extract.samples) and bool(extract.operation_id)
    if not extract.operation_id:
        return False
    return extract.style != "rest" or bool(extract.path) or has_response


def not_reference(extract: PageExtract, path: str) -> Diagnostic:
    """Why a page is skipped. A page that names an operation and documents rows but gives no
    `METHOD /path` (and nothing of a response) loses those rows: a warning naming each one."""
    rows = tuple(r.loc for t in (*extract.request, *extract.responses, *extract.types)
                 for r in t.rows if r.loc is not None)
    if extract.operation_id and rows:
        rest = tuple(x.loc for x in (*extract.samples, *extract.errors) if x.loc is not None)
        return Diagnostic("warning", "page-not-reference", f"the page names the operation "
                          f"{extract.operation_id!r} and documents {len(rows)} rows, but gives "
                          "no `METHOD /path` and documents nothing of a response: not read as "
                          "an API reference page; skipped, its rows are in no parameter or "
                          "field", SourceLoc(path, 1), (*rows, *rest), extract.operation_id)
    return Diagnostic("info", "page-not-reference", "no operation documented (no parameter "
                      "table or sample, or no Action / `METHOD /path`): not an API reference "
                      "page (overview, common parameters, ...); skipped", SourceLoc(path, 1))


def _over_budget(what: str, provider: str, product: str, pages: int) -> InputError:
    return InputError(f"{provider}/{product}: {what} took more than "
                      f"{product_seconds(pages):g} s of CPU time; nothing was written",
                      hint="split the pages into smaller products, or look for a page that "
                      "repeats one operation many times")


def product_from_results(manifest: Manifest, results: list[PageResult],
                         labels: tuple[str, ...]) -> Product:
    """The product of the pages' results: merged, reconciled and checked, within the CPU time
    `product_seconds` allows (`InputError` beyond it)."""
    try:
        with time_limit(product_seconds(len(results))):
            return _product_from_results(manifest, results, labels)
    except PageTimeout:
        raise _over_budget("merging the pages", manifest.provider, manifest.product,
                           len(results)) from None


def _product_from_results(manifest: Manifest, results: list[PageResult],
                          labels: tuple[str, ...]) -> Product:
    extracts = []
    models = []
    diagnostics: list[Diagnostic] = [r.error for r in results if r.error]
    for result in results:
        if result.extract is None:
            continue
        if is_reference_page(result.extract):
            extracts.append(result.extract)
        else:
            if any(t.anchor and t.rows for t in (*result.extract.request,
                                                 *result.extract.responses,
                                                 *result.extract.types)):
                # An object-model page ("Object Model", "Data Structures"): no operation of its
                # own, but its labelled tables are what other pages' rows link to.
                models.append(result.extract)
            diagnostics.append(not_reference(result.extract, result.path))
    operations, found = build_operations(extracts, models)
    diagnostics.extend(found)
    for extract in extracts:
        if extract.style != manifest.style:
            diagnostics.append(Diagnostic("warning", "style-mismatch",
                                          f"page reads as {extract.style} but the product is "
                                          f"{manifest.style}", extract.loc))
    return build_product(manifest.provider, manifest.product, manifest.title, manifest.version,
                         manifest.style, manifest.servers, operations, diagnostics, labels,
                         documented_type_names(extracts))


def with_groups(results: list[PageResult], groups: dict[str, str],
                order: dict[str, int] | None = None) -> list[PageResult]:
    """Each page's extract with the docs' group it sits in and its place in the docs' reading
    order (`generator/groups.py`)."""
    order = order or {}
    return [replace(r, extract=replace(r.extract, group=groups.get(r.path, r.extract.group),
                                       order=order.get(r.path, r.extract.order)))
            if r.extract is not None and (r.path in groups or r.path in order) else r
            for r in results]


_INHERITED: list[tuple[Product, list[PageResult]]] = []
"""The plans `emit_products` hands to the worker processes it forks: a forked worker finds
them here, in the memory it shares with the parent, instead of receiving each product and its
page results pickled (pickling frozen dataclasses field by field was a few percent of a
build). Set only while that pool runs."""


def _emit_inherited(index: int) -> dict[str, str]:
    product, results = _INHERITED[index]
    return emit_product(product, results, False)


def emit_products(plans: list[tuple[Product, list[PageResult]]],
                  progress: Progress | None = None) -> list[dict[str, str]]:
    """Several products at once: one worker process each (2 cores), each emitting serially."""
    progress = progress or Progress(enabled=False)
    if len(plans) < 2 or (os.cpu_count() or 1) < 2:
        emitted = []
        for product, results in plans:
            progress.note(f"writing {product.provider}/{product.name}")
            emitted.append(emit_product(product, results))
        return emitted
    forked = multiprocessing.get_start_method() == "fork"
    _INHERITED[:] = plans if forked else []
    try:
        with worker_pool(min(len(plans), os.cpu_count() or 2)) as pool:
            # The largest products first, so that no worker is left with a large one at the end.
            order = sorted(range(len(plans)), key=lambda i: -len(plans[i][0].operations))
            with _signals_held():
                futures = {i: pool.submit(_emit_inherited, i) if forked else
                           pool.submit(emit_product, plans[i][0], plans[i][1], False)
                           for i in order}
            names = {future: f"{plans[i][0].provider}/{plans[i][0].name}"
                     for i, future in futures.items()}
            progress.note(f"writing {len(plans)} products")
            for done, future in enumerate(as_completed(names), 1):
                progress.note(f"written {names[future]} ({done}/{len(plans)} products)")
            return [futures[i].result() for i in range(len(plans))]
    finally:
        _INHERITED.clear()


def _emit_within(emit, context: EmitContext, seconds: float) -> dict[str, str]:
    """One emitter in a worker process, under the product's CPU-time limit there."""
    with time_limit(seconds):
        return emit(context)


def emit_product(product: Product, results: Iterable[PageResult],
                 parallel: bool = True) -> dict[str, str]:
    """{path relative to the product's output folder: text}, from every registered emitter,
    within the CPU time `product_seconds` allows (`InputError` beyond it).

    The slow emitters (models through datamodel-code-generator, YAML) run in worker processes
    for large products while the others run here."""
    results = tuple(results)
    seconds = product_seconds(len(product.pages) or len(results))
    try:
        with time_limit(seconds):
            return _emit_product(product, results, parallel, seconds)
    except PageTimeout:
        raise _over_budget("writing the outputs", product.provider, product.name,
                           len(product.pages) or len(results)) from None


def _emit_product(product: Product, results: tuple[PageResult, ...], parallel: bool,
                  seconds: float) -> dict[str, str]:
    context = EmitContext(product, results)
    files: dict[str, str] = {}
    if not (parallel and len(product.operations) >= PARALLEL_EMIT_OPERATIONS and
            (os.cpu_count() or 1) > 1):
        for emitter in EMITTERS:
            files.update(emitter.emit(context))
        return dict(sorted(files.items()))
    context.openapi  # noqa: B018 - built once here, shipped to the workers with the context
    with worker_pool(2) as pool:
        with _signals_held():
            pending = [pool.submit(_emit_within, e.emit, context, seconds)
                       for e in EMITTERS if e.slow]
        for emitter in EMITTERS:
            if not emitter.slow:
                files.update(emitter.emit(context))
        for future in pending:
            files.update(future.result())
    return dict(sorted(files.items()))
