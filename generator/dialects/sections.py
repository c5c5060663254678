"""Which part of an API reference page a node belongs to.

Reference pages of every vendor follow the same outline (description, request, response,
examples, errors, change history); only the words differ. `walk_sections` pairs each node with
the section it sits in, recognising titles whether a reader made them headings or, for text
scraped from a page, plain one-line paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..http import METHOD, PATH_TEXT
from ..sources.tree import CodeBlock, Document, Heading, Node, Paragraph

SECTION_TITLES: dict[str, tuple[str, ...]] = {
    "request": ("request parameters", "请求参数", "request", "请求", "request parameter",
                "request body", "请求消息", "请求参数说明", "request message", "request messages", "requests",
                "request header", "request headers", "request header parameters",
                "request body parameters", "request parameter description"),
    "response": ("response parameters", "返回数据", "响应参数", "response", "返回参数", "响应",
                 "response parameter", "返回结果", "响应消息", "response body",
                 "return parameters", "response message", "response messages", "responses", "response body parameters",
                 "response parameter description", "normal response"),
    "uri": ("uri", "url", "请求uri"),
    "syntax": ("request syntax", "请求语法", "syntax", "request line", "request structure",
               "请求结构"),
    "examples": ("examples", "example", "示例", "sample", "samples"),
    "errors": ("error codes", "错误码", "error code", "status codes", "状态码", "status code",
               "errors", "abnormal response"),
    "changes": ("change history", "变更历史", "修订记录"),
    "authorization": ("authorization information", "授权信息"),
    "debugging": ("debugging", "调试"),
    "description": ("operation description", "接口说明", "description", "function", "功能介绍",
                    "calling method", "调用方法", "constraints", "约束与限制"),
}
_TITLE_TO_SECTION = {t: s for s, titles in SECTION_TITLES.items() for t in titles}

SAMPLE_LABELS: dict[str, tuple[str, ...]] = {
    "request": ("sample requests", "sample request", "请求示例", "example requests", "example request",
                "request example", "请求样例"),
    "response": ("sample success responses", "sample success response", "正常返回示例",
                 "example responses", "example response", "response example", "响应示例",
                 "响应样例", "success response", "sample responses", "normal return example"),
    "error": ("sample error responses", "sample error response", "异常返回示例", "错误返回示例",
              "error response example", "exception return example"),
}
_LABEL_TO_SAMPLE = {t: s for s, labels in SAMPLE_LABELS.items() for t in labels}


def normalise_title(text: str) -> str:
    text = re.sub(r"^[-•*#\d.\s]+", "", text.strip())
    return re.sub(r"\s+", " ", text).rstrip(":：").lower()


def section_of_title(text: str) -> str:
    """The section a title opens, '' when it is not a known title."""
    if len(text) > 80 or "\n" in text.strip():
        return ""
    return _TITLE_TO_SECTION.get(normalise_title(text), "")


def sample_label(text: str) -> str:
    """`request`/`response`/`error` when a line labels the samples that follow."""
    if len(text) > 120:
        return ""
    key = normalise_title(text)
    if key in _LABEL_TO_SAMPLE:
        return _LABEL_TO_SAMPLE[key]
    if key.startswith(("response to ", "example response", "returned status code")):
        # "Example response (request failed)" introduces an error sample.
        return "error" if _LABEL_WORDS[0][1].search(key) else "response"
    if len(key) <= 60 and _EXAMPLE_WORD.search(key):
        # Other wordings of the same labels: "Successful response examples", "返回结果示例".
        for kind, words in _LABEL_WORDS:
            if words.search(key):
                return kind
    return ""


_EXAMPLE_WORD = re.compile(r"\b(?:examples?|samples?|demo)\b|示例|样例|范例")
_LABEL_WORDS = (
    ("error", re.compile(r"\b(?:errors?|exceptions?|fail(?:ed|ure)?)\b|异常|错误|失败")),
    ("response", re.compile(r"\b(?:responses?|returns?|returned|results?|outputs?)\b|返回|响应|结果")),
    ("request", re.compile(r"\b(?:requests?|calls?|inputs?)\b|请求|调用")),
)
"""Words that say which sample a label introduces, tried in this order (an error response is
an error sample, not a success)."""


_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")


def walk_sections(doc: Document) -> Iterator[tuple[str, str, Node]]:
    """Yield (section, sample label, node) for every node in reading order.

    The sample label is the last label line seen in the section (`response` by default), so a
    code block knows whether it is a request, a success or an error sample.
    """
    section, label = "intro", "response"
    for node in doc.nodes:
        if isinstance(node, (Heading, Paragraph)):
            label_line = isinstance(node, Paragraph) and node.text.rstrip().endswith((":", "："))
            found = "" if label_line else section_of_title(node.text)
            if found == "examples" and isinstance(node, Paragraph) and _LIST_ITEM.match(node.text):
                # `-  Example` under `URI format`: the label of the example URL that follows,
                # not a new section (the URI parameter table after it is still the URI's)
                found = ""
            if found:
                section, label = found, "request" if found == "request" else "response"
                yield section, label, node
                continue
            # A label may be one item of a list (`- Response example` then `  - XML example`):
            # the last line that is a label names the samples after it.
            for line in node.text.splitlines() if isinstance(node, Paragraph) else [node.text]:
                label = sample_label(line) or label
        yield section, label, node


_REQUEST_LINE = re.compile(r"^\s*" + METHOD + r"\s+" + PATH_TEXT + r"\s*$")


def states_request_line(doc: Document) -> bool:
    """Whether a URI section states the request line alone (`DELETE /v2.0/routers/{id}`, as a
    paragraph or a one-line code block): a REST operation even when no table follows."""
    for section, _, node in walk_sections(doc):
        if section == "uri" and isinstance(node, (Paragraph, CodeBlock)) and \
                _REQUEST_LINE.match(node.text.strip()):
            return True
    return False
