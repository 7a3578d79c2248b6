"""The config is checked against the spec in the same pass as the spec itself: every problem of both at once, each
in its own file with its pointer, and a fix where one can be guessed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.api.config import parse_config
from generator.core.errors import GenerationError
from tests.support import FIXTURES, run_generator

BOOKSHELF = FIXTURES / "bookshelf"


def _copy(folder: Path, config_extra: str = "", drop_id: str | None = None, duplicate_id: bool = False) -> Path:
    """The bookshelf spec and config in ``folder``: ``config_extra`` appended to the config; the operation with the
    operationId ``drop_id`` without one; with ``duplicate_id``, two operations sharing one (a spec error)."""
    folder.mkdir(parents=True)
    spec = yaml.safe_load((BOOKSHELF / "openapi.yaml").read_text())
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == drop_id:
                del op["operationId"]
    if duplicate_id:
        spec["paths"]["/books/{book_id}"]["delete"]["operationId"] = "getBook"
    (folder / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    shutil.copy(BOOKSHELF / "sdk.yaml", folder / "sdk.yaml")
    with (folder / "sdk.yaml").open("a") as config:
        config.write(config_extra)
    return folder / "openapi.yaml"


def test_every_problem_of_spec_and_config_is_reported_at_once_in_its_own_file(tmp_path: Path) -> None:
    extra = "max_retries: -1\noperations:\n  lstBooks: books.browse\n  createBook: books\n"
    spec = _copy(tmp_path / "api", extra, duplicate_id=True)
    result = run_generator("generate", "--spec", spec, "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and not (tmp_path / "out").exists()
    lines = result.stderr.splitlines()
    assert lines == [
        "api/openapi.yaml#/paths/~1books~1{book_id}/delete: error: operationId 'getBook' is also used at"
        " /paths/~1books~1{book_id}/get (operationIds must be unique)",
        "api/sdk.yaml#/operations/lstBooks: error: the spec has no operationId 'lstBooks'"
        " (did you mean 'listBooks', the operation at api/openapi.yaml#/paths/~1books/get?)",
        "api/sdk.yaml#/operations/createBook: error: 'books' is not 'resource.method'"
        " (write the resource path and the method name, e.g. 'store.orders.list')",
        "api/sdk.yaml#/max_retries: error: max_retries must not be negative",
        "generation failed: 4 problem(s); out was not changed",
    ]


def test_an_operation_without_an_operation_id_is_a_warning_and_named_in_the_fix(tmp_path: Path) -> None:
    spec = _copy(tmp_path / "api", drop_id="deleteBook")
    result = run_generator("generate", "--spec", spec, "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "api/openapi.yaml#/paths/~1books~1{book_id}/delete: warning: the operation has no operationId (add one: the"
        " config maps operations by operationId, and without one the method is named from the path alone)"
    ]
    mapped = _copy(tmp_path / "mapped", "operations:\n  discard: books.remove\n", drop_id="deleteBook")
    result = run_generator("generate", "--spec", mapped, "--out", tmp_path / "out2", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "mapped/sdk.yaml#/operations/discard: error: the spec has no operationId 'discard' (the spec's"
        " operationIds: createBook, getBook, listAuthorBooks, listBooks; or give an operationId to the operation at"
        " mapped/openapi.yaml#/paths/~1books~1{book_id}/delete)"
    )


def test_diff_checks_each_side_config_against_its_own_spec(tmp_path: Path) -> None:
    good = _copy(tmp_path / "good")
    bad = _copy(tmp_path / "bad", "operations:\n  getBok: books.fetch\n")
    result = run_generator("diff", good, bad, cwd=tmp_path)
    assert result.returncode == 2
    assert "bad/sdk.yaml#/operations/getBok: error: the spec has no operationId 'getBok' (did you mean 'getBook'" in (
        result.stderr
    )


def test_the_stream_terminator_is_written_where_streams_read_it(tmp_path: Path) -> None:
    media = FIXTURES / "media"
    shutil.copytree(media, tmp_path / "api", ignore=shutil.ignore_patterns("expected"))
    config = tmp_path / "api" / "sdk.yaml"
    text = config.read_text() if config.exists() else ""
    config.write_text(text + "stream_terminator: null\n")
    result = run_generator("generate", "--quiet", "--spec", "api/openapi.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (constants,) = (tmp_path / "out" / "src").glob("*/_constants.py")
    assert "STREAM_TERMINATOR: str | None = None\n" in constants.read_text()

    config.write_text(text + 'stream_terminator: ""\n')
    result = run_generator("generate", "--spec", "api/openapi.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert "api/sdk.yaml#/stream_terminator: error: an empty terminator would end every stream at once" in result.stderr


@pytest.mark.parametrize(
    ("config", "line"),
    [
        ({"package_name": "class"}, "sdk.yaml#/package_name: error: 'class' is not a Python identifier"),
        ({"client_class": "None"}, "sdk.yaml#/client_class: error: 'None' is not a Python identifier"),
        ({"base_url": "not a url"}, "sdk.yaml#/base_url: error: 'not a url' is not an http or https URL with a host"),
        ({"base_url": "ftp://files.example"}, "sdk.yaml#/base_url: error: 'ftp://files.example' is not an http"),
        ({"timout": 10}, "sdk.yaml#/timout: error: unknown option 'timout' (did you mean 'timeout'?)"),
    ],
)
def test_config_values_the_sdk_cannot_use_are_refused_where_they_are(config: dict[str, object], line: str) -> None:
    with pytest.raises(GenerationError) as caught:
        parse_config(config, "sdk.yaml")
    assert [str(p) for p in caught.value.problems][0].startswith(line)


def test_pagination_schemes_are_checked_against_the_spec(tmp_path: Path) -> None:
    """A second scheme of the same name and an operationId the spec lacks are errors; a scheme that fits no list
    operation (a misspelt field) is a warning at the scheme."""
    scheme = "  - {name: %s, style: offset, request_param: offset, items: %s, has_more: null, operations: [%s]}\n"
    extra = scheme % ("OffsetPage", "items", "listBookz") + scheme % ("Paged", "itemz", "listBooks")
    spec = _copy(tmp_path / "api", extra)
    result = run_generator("generate", "--spec", spec, "--out", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        "api/sdk.yaml#/pagination/1/name: error: another pagination scheme is named 'OffsetPage' (name each its own)",
        "api/sdk.yaml#/pagination/1/operations/0: error: the spec has no operationId 'listBookz'"
        " (did you mean 'listBooks', the operation at api/openapi.yaml#/paths/~1books/get?)",
    ]

    spec = _copy(tmp_path / "api2", scheme % ("Paged", "itemz", "listBooks"))
    result = run_generator("generate", "--quiet", "--spec", spec, "--out", "out2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "api2/sdk.yaml#/pagination/1: warning: the pagination scheme 'Paged' fits no list operation"
        " (request_param 'offset', items 'itemz') (check them against a list operation's query parameters and"
        " response fields)"
    ]


def test_an_operation_mapped_to_a_taken_name_is_an_error_in_the_config(tmp_path: Path) -> None:
    """The config's choice is never renamed to ``list_2``: the clash is reported where the choice is."""
    spec = _copy(tmp_path / "api", "operations:\n  createBook: books.list\n")
    result = run_generator("generate", "--spec", spec, "--out", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "api/sdk.yaml#/operations/createBook: error: books.list is taken: books has a method or resource named 'list'"
        " (map it to a free name, or map the operation that has the name elsewhere too)"
    )
