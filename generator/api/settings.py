"""The SDK config's options: every API-specific choice that the document itself does not make, each with its
default and its check, and the defaults derived from the document (:meth:`SdkConfig.resolve`).

An option is one field of :class:`SdkConfig`: :mod:`generator.api.config` reads ``sdk.yaml`` into it (the option's
name and the types its value may have come from the field), runs its check, and the templates read the resolved value
as ``api.settings.<option>``. See the README for each option.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from generator.core.naming import constant_name, package_from_title
from generator.core.reserved import CLIENT_ATTRIBUTES, distribution_clash, package_clash
from generator.inputs.vocabulary import HTTP_TOKEN

VERSION_POLICIES = ("semver", "semver-zero")
VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class PaginationConfig:
    """One pagination scheme; operations whose shape matches it return its page classes."""

    name: str
    """Class name stem: ``CursorPage`` gives ``SyncCursorPage`` and ``AsyncCursorPage``."""
    style: str
    """``cursor`` (pass the last item's id), ``next_token`` (send back the body's token), ``next_url`` (follow the
    body's or the ``Link`` header's URL), ``offset`` (skip N items) or ``page`` (page numbers)."""
    request_param: str = ""
    """The query parameter that selects the page: ``after``, ``page_token``, ``offset`` or ``page`` (none for
    ``next_url``)."""
    items: str | None = "data"
    """The response field holding the page's items; ``null``: the body is the list."""
    has_more: str | None = "has_more"
    """The response field that says whether more pages exist, if the API has one."""
    cursor_field: str = "id"
    """Cursor style: the field of the last item that becomes the next cursor."""
    limit_param: str | None = "limit"
    """Offset style: the page-size parameter, used when the response has no has_more field."""
    total: str | None = None
    """Offset and page styles: the response field with the total number of items, if any."""
    next: str | None = None
    """``next_token``: the response field with the next page's token; ``next_url``: with its URL (none: the ``Link``
    header). A dotted name reaches into an object (``meta.next_cursor``)."""
    total_pages: str | None = None
    """Page style: the response field with the number of pages."""
    operations: tuple[str, ...] = ()
    """The operationIds this scheme is for; none: every list operation of the API that has its shape."""


Check = Callable[[Any], "str | tuple[str, str] | None"]
"""What is wrong with an option's value (a message, or a message and a fix), or ``None``; never called on ``None``."""


def option(default: Any = None, *, check: Check | None = None, factory: Callable[[], Any] | None = None) -> Any:
    """A config option: its default, and the check its value must pass. The option's name is the field's, and the
    types its value may have come from the field's annotation (see :func:`_allowed`)."""
    metadata = {"check": check} if check is not None else {}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


def _identifier(value: str) -> str | None:
    return f"{value!r} is not a Python identifier" if not value.isidentifier() or keyword.iskeyword(value) else None


def _package(value: str) -> str | tuple[str, str] | None:
    clash = package_clash(value)
    if clash is not None:
        return f"package name {value!r} is {clash}: importing the SDK would find that instead", "choose another name"
    return _identifier(value)


def _distribution(value: str) -> tuple[str, str] | None:
    clash = distribution_clash(value)
    return None if clash is None else (f"distribution name {value!r} is {clash}: pip refuses it", "choose another")


def _env_name(value: str) -> tuple[str, str] | None:
    return None if _ENV_NAME.match(value) else (f"{value!r} is not an environment variable name", "use A-Z, 0-9, _")


def _header_name(value: str) -> str | None:
    return None if HTTP_TOKEN.match(value) else f"{value!r} is not a valid HTTP header name"


def _http_url(value: str) -> str | None:
    parts = urlsplit(value)
    ok = parts.scheme in ("http", "https") and parts.hostname
    return None if ok else f"{value!r} is not an http or https URL with a host"


def _version(value: str) -> str | None:
    return None if VERSION.match(value) else f"{value!r} is not a MAJOR.MINOR.PATCH version"


def _policy(value: str) -> tuple[str, str] | None:
    known = value in VERSION_POLICIES
    return None if known else (f"unknown version policy {value!r}", f"use one of {', '.join(VERSION_POLICIES)}")


def _moves(value: dict[str, str]) -> tuple[str, str] | None:
    for name, target in value.items():
        if not all(isinstance(p, str) and _DOTTED.match(p) for p in (name, target)):
            return f"resources: {name!r}: {target!r} does not map a resource path to a resource path", _MOVE_FIX
    return None


_DOTTED = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$")


def _methods(value: tuple[str, ...]) -> tuple[str, str] | None:
    for name in value:
        if not (isinstance(name, str) and _DOTTED.match(name)):
            return f"{name!r} is not a resource or method", "its dotted name, e.g. 'admin.organization.usage'"
    return None


_MOVE_FIX = "write both as the client spells them, e.g. 'assistants: beta.assistants'"


def _class_names(value: dict[str, str]) -> tuple[str, str] | None:
    for name, target in value.items():
        package, _, last = str(name).rpartition(".")
        if not (isinstance(name, str) and last.isidentifier() and not keyword.iskeyword(last)) or (
            package and not _DOTTED.match(package)
        ):
            return f"types: {name!r} is not a class name", "a Python identifier in PascalCase, after its package if any"
        if not isinstance(target, str):
            return f"types: {name!r} must name a schema by its pointer", "'#/components/schemas/Name'"
    return None


TYPE_PACKAGES = ("flat", "resource")


def _type_packages(value: str) -> tuple[str, str] | None:
    known = value in TYPE_PACKAGES
    return None if known else (f"unknown type_packages {value!r}", f"use one of {', '.join(TYPE_PACKAGES)}")


def _patterns(value: dict[str, str]) -> tuple[str, str] | None:
    for pattern, name in value.items():
        try:
            re.compile(str(pattern))
        except re.error as exc:
            return f"type_names: {pattern!r} is not a regular expression ({exc})", "see Python's re module"
        if not isinstance(name, str):
            return f"type_names: {pattern!r} must give a name", "a string, with \\1 for the first group"
    return None


def _response_rules(value: dict[str, str]) -> tuple[str, str] | None:
    for name, rule in value.items():
        filled = str(rule).replace("{Resource}", "R").replace("{Method}", "M")
        if not (isinstance(name, str) and _DOTTED.match(name) and isinstance(rule, str) and filled.isidentifier()):
            return f"response_names: {name!r}: {rule!r} is not a resource and a name", _RULE_FIX
    return None


_RULE_FIX = "e.g. 'containers: '{Resource}{Method}Response'' ({Resource}, {Method}: the method's, in PascalCase)"


CLIENT_ARGUMENTS = CLIENT_ATTRIBUTES | {"default_headers", "default_query", "http_client", "strict_response_validation"}
"""The client's attributes and constructor arguments: no client header argument may take one."""


def _client_headers(value: dict[str, dict[str, str]]) -> tuple[str, str] | None:
    for name, spec in value.items():
        if not (isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)) or name.startswith("_"):
            return f"client_headers: {name!r} is not an argument name", "a Python identifier, e.g. organization"
        if name in CLIENT_ARGUMENTS:
            return f"client_headers: {name!r} is an argument the client has already", "choose another name"
        keys = set(spec) if isinstance(spec, dict) else set()
        header, env = (spec.get("header"), spec.get("env")) if isinstance(spec, dict) else (None, None)
        if not keys <= {"header", "env"} or not isinstance(header, str) or not HTTP_TOKEN.match(header):
            return f"client_headers: {name!r} needs a header (and may name an env)", _HEADER_FIX
        if env is not None and not (isinstance(env, str) and _ENV_NAME.match(env)):
            return f"client_headers: {name!r}: {env!r} is not an environment variable name", "use A-Z, 0-9, _"
    return None


_HEADER_FIX = "e.g. organization: {header: Acme-Organization, env: ACME_ORG_ID}"


def _parameters(value: dict[str, dict[str, Any]]) -> tuple[str, str] | None:
    for wire, spec in value.items():
        keys = set(spec) if isinstance(spec, dict) else set()
        if not isinstance(wire, str) or not keys or not keys <= {"name", "list"}:
            return f"parameters: {wire!r} takes a name, list: true, or both", _PARAMETER_FIX
        name = spec.get("name")
        if name is not None and not (isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)):
            return f"parameters: {wire!r}: {name!r} is not an argument name", "a Python identifier, e.g. betas"
        if not isinstance(spec.get("list", False), bool):
            return f"parameters: {wire!r}: list is true or false", _PARAMETER_FIX
    return None


_PARAMETER_FIX = "e.g. anthropic-beta: {name: betas, list: true}"


def _not_negative(value: int) -> str | None:
    return "max_retries must not be negative" if value < 0 else None


def _terminator(value: str) -> tuple[str, str] | None:
    return ("an empty terminator would end every stream at once", "use null for none") if value == "" else None


@dataclass(frozen=True)
class SdkConfig:
    """Every option of ``sdk.yaml``; :meth:`resolve` fills in the defaults that are derived from the document."""

    package_name: str | None = option(check=_package)
    """Default: from the document's title (with ``_sdk`` after a name that is reserved, see :meth:`package`)."""
    distribution_name: str | None = option(check=_distribution)
    """Default: the package name with dashes."""
    version: str = option("0.1.0", check=_version)
    """The first generation's version; later ones bump the version recorded in the output folder."""
    version_policy: str = option("semver", check=_policy)
    """How API changes bump the version: ``semver`` or ``semver-zero`` (see :mod:`generator.release.versioning`)."""
    description: str | None = option()
    """Default: the document's ``info.description``."""
    client_class: str = option("Client", check=_identifier)
    async_client_class: str = option("AsyncClient", check=_identifier)
    env_prefix: str | None = option(check=_env_name)
    """Default: the package name in capitals."""
    api_key_env: str | None = option(check=_env_name)
    base_url_env: str | None = option(check=_env_name)
    log_env: str | None = option(check=_env_name)
    base_url: str | None = option(check=_http_url)
    """Default: the document's first server."""
    timeout: float = option(600.0)
    connect_timeout: float = option(5.0)
    max_retries: int = option(2, check=_not_negative)
    request_id_header: str | None = option("", check=_header_name)
    """``None``: no request id. Not set (``""``): the header the document's responses declare, else
    ``x-request-id`` (:func:`generator.api.security.request_id_header`)."""
    api_key_header: str | None = option(check=_header_name)
    """For a document that declares no security scheme: the header the API key is sent in (``x-api-key``;
    ``Authorization`` sends it as ``Bearer KEY``). A document's own scheme wins (a warning says the option is unused)."""
    idempotency_header: str | None = option(check=_header_name)
    default_headers: dict[str, str] = option(factory=dict[str, str])
    """Entries are checked as header names and values by :func:`_check_entries`."""
    stream_terminator: str | None = option("[DONE]", check=_terminator)
    """An event whose data starts with this ends a server-sent event stream; ``None``: streams end when the server
    closes them."""
    pagination: tuple[PaginationConfig, ...] = option(())
    operations: dict[str, str] = option(factory=dict[str, str])
    """operationId -> ``resource.path.method`` (for example ``store.orders.list``)."""
    types: dict[str, str] = option(factory=dict[str, str], check=_class_names)
    """A class name -> the component schema it names (``ChatCompletion: '#/components/schemas/CreateChatCompletion
    Response'``); checked against the document by :mod:`generator.pytypes.component_names`."""
    type_names: dict[str, str] = option(factory=dict[str, str], check=_patterns)
    """Renaming rules for component schemas: a pattern of the whole schema name -> its class name (``(.+)Object:
    \\1``); the first pattern that matches decides, and a name that another schema has is never taken."""
    response_names: dict[str, str] = option(factory=dict[str, str], check=_response_rules)
    """A resource -> the name of what each method below it returns (``containers: '{Resource}{Method}Response'``),
    applied by :mod:`generator.api.named_responses`."""
    type_packages: str = option("flat", check=_type_packages)
    """``flat``: every named type in ``types``; ``resource``: each in the ``types`` package of the resources whose
    methods use it, where their params are (:mod:`generator.api.type_packages`); a ``types`` entry's key may pin it
    (``beta.threads.Run``)."""
    unpaginated: tuple[str, ...] = option((), check=_methods)
    """Resources or methods, by dotted name (``admin.organization.usage``), whose list methods return the response as
    the document describes it rather than pages of its items."""
    deprecated: tuple[str, ...] = option((), check=_methods)
    """Resources or methods, by dotted name (``beta.threads``), deprecated as if the document said ``deprecated:
    true`` of each of their operations."""
    resources: dict[str, str] = option(factory=dict[str, str], check=_moves)
    """A resource, as the generator places it, -> where it goes, with everything below it (``threads:
    beta.threads``); the longest prefix that matches wins, and ``operations`` entries are not moved."""
    client_headers: dict[str, dict[str, str]] = option(factory=dict[str, dict[str, str]], check=_client_headers)
    """A client argument -> the header it is sent as and the environment variable it defaults to (``organization:
    {header: Acme-Organization, env: ACME_ORG_ID}``): options the document cannot express."""
    parameters: dict[str, dict[str, Any]] = option(factory=dict[str, dict[str, Any]], check=_parameters)
    """A parameter's name on the wire -> how the SDK takes it, in every operation that has it: ``name``, the argument
    it is (the wire keeps its own), and ``list: true``, a string the API reads as a comma-separated list, taken as
    ``list[str]`` (``anthropic-beta: {name: betas, list: true}``); checked against the document by
    :mod:`generator.api.parameters`."""
    source: str = field(default="sdk.yaml", compare=False)
    """The config file as problems name it (not an option)."""

    def package(self, title: str) -> tuple[str, str]:
        """The package's name, and why the title's name was not taken (empty when it was, or when the config names
        the package): a name that shadows a module of the standard library or of the SDK's dependencies
        (:func:`~generator.core.reserved.package_clash`) gets ``_sdk`` after it."""
        if self.package_name:
            return self.package_name, ""
        package = package_from_title(title)
        clash = package_clash(package)
        if clash is None:
            return package, ""
        renamed = package + "_sdk"
        while package_clash(renamed) is not None:  # pragma: no cover - no such module, but the rule is total
            renamed += "_"
        return renamed, f"the title gives the package name {package!r}, {clash}; the package is {renamed!r}"

    def resolve(self, title: str, description: str, base_url: str, request_id_header: str | None) -> SdkConfig:
        """The config with every default that is derived from the document filled in: what the templates read."""
        package = self.package(title)[0]
        prefix = self.env_prefix or constant_name(package)
        return replace(
            self,
            package_name=package,
            distribution_name=self.distribution_name or package.replace("_", "-"),
            description=self.description or description,
            env_prefix=prefix,
            api_key_env=self.api_key_env or f"{prefix}_API_KEY",
            base_url_env=self.base_url_env or f"{prefix}_BASE_URL",
            log_env=self.log_env or f"{prefix}_LOG",
            base_url=self.base_url or base_url,
            request_id_header=request_id_header,
        )

    @property
    def username_env(self) -> str:
        """Where an HTTP basic client finds its user name: beside the API key's variable (``<PREFIX>_USERNAME``)."""
        return str(self.api_key_env).removesuffix("_API_KEY") + "_USERNAME"

    @property
    def password_env(self) -> str:
        return str(self.api_key_env).removesuffix("_API_KEY") + "_PASSWORD"
