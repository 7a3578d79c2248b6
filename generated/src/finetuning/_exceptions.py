# Part of the SDK runtime, copied by the SDK generator from templates/runtime/. Do not edit.
"""Every error the client raises; catch the package's root error (``BaseError`` here) to catch them all."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from contextlib import contextmanager
from typing import Any, Literal, cast

import httpx

from ._base_error import BaseError
from ._constants import ERROR_ENVELOPE, REQUEST_ID_HEADER
from ._redact import redact_text, redact_url, redact_value, redacted_request, redacted_response

__all__ = [
    "MissingAPIKeyError",
    "PaginationError",
    "APIError",
    "APIStatusError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "RedirectError",
    "ResponseTooLargeError",
    "InvalidRequestError",
    "ClientClosedError",
    "status_error",
    "error_details",
    "transport_error",
    "reading_errors",
]

BODY_EXCERPT_CHARS = 500


class InvalidRequestError(BaseError, ValueError):
    """The request cannot be sent as asked, and was not: a header name or value HTTP cannot carry (a line break in
    an API key read from a file, a non-ASCII character), a URL that cannot be built (a base URL without a host or
    with a password in it, an id too long for a URL). Never retried; the message never holds a credential."""


class ClientClosedError(BaseError, RuntimeError):
    """The client was closed (``close()`` or the end of its ``with`` block); create a new one."""


class MissingAPIKeyError(BaseError):
    """No API key was passed to the client and none was found in the environment."""


class PaginationError(BaseError):
    """The server's pages cannot be followed: a cursor repeats, or "more" was promised without a way to get it."""


class APIError(BaseError):
    """A request failed. ``body`` is the decoded JSON error body when there is one (for an error status, the error
    inside the API's envelope, see :func:`error_details`), else the text (or ``None``), with every credential of a
    live client redacted (a server may echo the key). ``code``, ``param`` and ``type`` are the body's fields of
    those names, when it has them.

    Pickled (``multiprocessing``, task queues), an error keeps its message, body and attributes; its ``request``
    and ``response`` become copies without a credential: method, URL and headers redacted, no request body, the
    response's body as far as it was read, redacted."""

    message: str
    request: httpx.Request
    body: object | None
    code: str | None
    """The API's error code (a number is given as its text)."""
    param: str | None
    """The request parameter the error is about."""
    type: str | None
    """The kind of error, as the API names it."""

    def __init__(self, message: str, request: httpx.Request, *, body: object | None) -> None:
        message = redact_text(message)
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body = redact_value(body)
        fields: Mapping[str, object] = cast(Mapping[str, object], body) if isinstance(body, Mapping) else {}
        self.code, self.param, self.type = (_text(fields.get(name)) for name in ("code", "param", "type"))

    def __reduce__(self) -> tuple[Any, ...]:
        """Errors cross process boundaries (``multiprocessing``, task queues) with their attributes, and without a
        credential: the request and response go as redacted copies."""
        state = dict(self.__dict__)
        request = state["request"] = redacted_request(self.request)
        response = state.get("response")
        if isinstance(response, httpx.Response):
            state["response"] = redacted_response(response, request)
        return (_restore, (type(self), self.args), state)


def _restore(cls: type[APIError], args: tuple[object, ...]) -> APIError:
    return cls.__new__(cls, *args)


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else None


class APIResponseValidationError(APIError):
    """The response is not what the method declares: a body that is not JSON (always), or, with
    ``strict_response_validation=True``, any mismatch with the declared type."""

    response: httpx.Response
    status_code: int

    def __init__(self, response: httpx.Response, body: object | None, *, message: str | None = None) -> None:
        super().__init__(message or "The response did not match the expected schema.", response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    response: httpx.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get(REQUEST_ID_HEADER) if REQUEST_ID_HEADER else None


class BadRequestError(APIStatusError):
    status_code: Literal[400] = 400  # pyright: ignore[reportIncompatibleVariableOverride]


class AuthenticationError(APIStatusError):
    status_code: Literal[401] = 401  # pyright: ignore[reportIncompatibleVariableOverride]


class PermissionDeniedError(APIStatusError):
    status_code: Literal[403] = 403  # pyright: ignore[reportIncompatibleVariableOverride]


class NotFoundError(APIStatusError):
    status_code: Literal[404] = 404  # pyright: ignore[reportIncompatibleVariableOverride]


class ConflictError(APIStatusError):
    status_code: Literal[409] = 409  # pyright: ignore[reportIncompatibleVariableOverride]


class UnprocessableEntityError(APIStatusError):
    status_code: Literal[422] = 422  # pyright: ignore[reportIncompatibleVariableOverride]


class RateLimitError(APIStatusError):
    status_code: Literal[429] = 429  # pyright: ignore[reportIncompatibleVariableOverride]


class InternalServerError(APIStatusError):
    """Any 5xx status."""


class RedirectError(APIStatusError):
    """A 3xx the client did not follow: to another host, for a method that is not safe to repeat, too many in a row,
    or a 3xx without a ``Location``. Same-host redirects of GET, HEAD and OPTIONS are followed."""


class ResponseTooLargeError(APIError):
    """The response body (decoded) is larger than the client's ``max_response_size``; the rest was not read."""

    response: httpx.Response
    limit: int

    def __init__(self, response: httpx.Response, limit: int) -> None:
        super().__init__(
            f"The response body is larger than max_response_size ({limit} bytes) and was not read; "
            "pass a larger max_response_size (or None) to the client to accept it.",
            response.request,
            body=None,
        )
        self.response = response
        self.limit = limit


class APIConnectionError(APIError):
    """The request never got a response: DNS, refused or reset connections, TLS failures."""

    def __init__(self, *, message: str = "Connection error.", request: httpx.Request) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The request timed out (connecting, writing, or reading the response)."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(message="Request timed out.", request=request)


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response) -> APIStatusError:
    """The typed error for an error (or unfollowed 3xx) response whose body was read, up to a cap; its message names
    the status (and where a redirect pointed) and an excerpt of the body."""
    whole = decode_error_body(response)
    excerpt = _excerpt(whole if whole is not None else response.text)
    body = error_details(whole)
    message = f"Error code: {response.status_code}"
    if response.status_code < 400:
        location = response.headers.get("location")
        message += (
            f" - redirect to {redact_url(location)} not followed" if location else " - a redirect without a Location"
        )
        return RedirectError(message + (f" - {excerpt}" if excerpt else ""), response=response, body=body)
    message += f" - {excerpt}" if excerpt else ""
    if response.status_code >= 500:
        return InternalServerError(message, response=response, body=body)
    error_class = _STATUS_ERRORS.get(response.status_code, APIStatusError)
    return error_class(message, response=response, body=body)


def transport_error(exc: Exception, request: httpx.Request) -> APIConnectionError:
    """The SDK's error for an httpx failure (a timeout, a broken connection, a body that cannot be decoded) or any
    other failure while sending."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request)
    return APIConnectionError(message=f"Connection error: {exc}", request=request)


@contextmanager
def reading_errors(request: httpx.Request) -> Generator[None]:
    """httpx's errors inside the block raised as the SDK's (reading a body after the call returned)."""
    try:
        yield
    except httpx.HTTPError as exc:
        raise transport_error(exc, request) from exc


def error_details(body: object | None) -> object | None:
    """The error inside the API's envelope (``{"error": {...}}`` gives ``{...}``; ``ERROR_ENVELOPE`` in
    ``_constants``, from the spec's error responses); any other body as it is."""
    if ERROR_ENVELOPE is None or not isinstance(body, Mapping):
        return body
    inner = cast(Mapping[str, object], body).get(ERROR_ENVELOPE)
    return cast(Mapping[str, object], inner) if isinstance(inner, Mapping) else cast(Mapping[str, object], body)


def decode_error_body(response: httpx.Response) -> object | None:
    """The error body as JSON when it is JSON, else as text; ``None`` when empty."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return response.text


def _excerpt(body: object) -> str:
    """A JSON body as Python writes it (``{'error': {'message': ...}}``, as the official SDKs show it), a text
    body on one line; either cut at ``BODY_EXCERPT_CHARS``."""
    text = repr(body) if not isinstance(body, str) else " ".join(body[: BODY_EXCERPT_CHARS * 4].split())
    return text if len(text) <= BODY_EXCERPT_CHARS else text[:BODY_EXCERPT_CHARS] + "…"
