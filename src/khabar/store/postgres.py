"""The archive on PostgreSQL (``--db postgresql://…``), through psycopg 3.

Search keys become a ``tsvector`` built here, in Python, with positions and weights (title A, lead B,
body D), and queries a ``tsquery`` literal: PostgreSQL's own text parser splits Persian words by the
server's locale and would undo the key folding, so khabar hands it finished lexemes instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from khabar.errors import QueryError, StoreError
from khabar.search import AllOf, AnyOf, Node, Phrase, Query
from khabar.store.base import SQLStore
from khabar.store.rows import Keys
from khabar.store.schema import POSTGRES_MIGRATIONS

#: tsvector limits: positions up to 16383, at most 256 positions kept per lexeme.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 255
#: Gap between title, lead and body so that a phrase cannot run across two fields.
FIELD_GAP = 8
_WEIGHTS = ("A", "B", "D", "C")  # title, lead, body, hidden filter tokens
#: ts_rank weights for {D, C, B, A}: filter tokens (C) weigh nothing.
RANK_WEIGHTS = "{0.1, 0, 0.4, 1.0}"
_LOCK_ID = 0x6B686172  # "khar": serialises schema migrations between processes


def _quote(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(keys: Keys) -> str:
    """A tsvector in its text form, with positions and a weight per field."""
    positions: dict[str, list[str]] = defaultdict(list)
    position = 0
    for key, weight in zip(keys, _WEIGHTS, strict=True):
        for token in key.split():
            position = min(position + 1, MAX_POSITION)
            if len(positions[token]) < MAX_POSITIONS_PER_LEXEME:
                positions[token].append(f"{position}{'' if weight == 'D' else weight}")
        position += FIELD_GAP
    return " ".join(f"{_quote(token)}:{','.join(marks)}" for token, marks in positions.items())


def tsquery_expression(node: Node) -> str:
    if isinstance(node, Phrase):
        words = [_quote(w) for w in node.words]
        if node.prefix:
            words[-1] += ":*"
        return words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")"
    assert isinstance(node, AnyOf | AllOf)
    joiner = " | " if isinstance(node, AnyOf) else " & "
    return "(" + joiner.join(tsquery_expression(item) for item in node.items) + ")"


def tsquery_literal(query: Query) -> str:
    parts = [tsquery_expression(query.include)]
    parts += [f"!{tsquery_expression(node)}" for node in query.exclude]
    return " & ".join(parts)


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.rpartition("@")
    if not sep:
        return url
    scheme, _, credentials = head.partition("://")
    return f"{scheme}://{credentials.split(':')[0]}@{tail}"


class PostgresStore(SQLStore):
    RID = "rid"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        super().__init__(read_only=read_only)
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL needs psycopg; pip install 'khabar[postgres]'") from exc
        self._psycopg = psycopg
        self.url = url
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {_safe_url(url)}: {first}; check the URL and that "
                             "the server runs") from exc
        self._depth = 0
        if self._ready():
            if read_only:
                self._execute("SET default_transaction_read_only = on")
            return
        if read_only:
            self._conn.close()
            raise StoreError(f"archive {_safe_url(url)} is new or needs an upgrade; open it once for writing "
                             "(e.g. khabar reindex --db …)")
        with self._transaction():
            self._execute("SELECT pg_advisory_xact_lock(?)", (_LOCK_ID,))
            self._migrate(POSTGRES_MIGRATIONS, check_keys=False)
        if self._get_meta("key_version") != str(self._key_version):
            self._catch_up()

    def _ready(self) -> bool:
        """Whether the archive is at this schema and key version (two reads, no lock): then opening
        skips the migration lock and the key check."""
        if self._one("SELECT to_regclass('meta')") in (None, (None,)):
            return False
        meta: dict[str, str] = dict(self._all("SELECT key, value FROM meta "
                                              "WHERE key IN ('schema_version', 'key_version')"))
        return meta == {"schema_version": str(len(POSTGRES_MIGRATIONS)), "key_version": str(self._key_version)}

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        statement = sql.replace("%", "%%").replace("?", "%s")
        try:
            return self._conn.execute(statement, tuple(params))
        except self._psycopg.errors.SyntaxError as exc:
            raise QueryError(f"the search index cannot run this query ({exc}); simplify it") from exc
        except self._psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"archive {_safe_url(self.url)}: {first}; check the server") from exc

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        statement = sql.replace("%", "%%").replace("?", "%s")
        try:
            with self._conn.cursor() as cursor:
                cursor.executemany(statement, [tuple(r) for r in rows])
        except self._psycopg.Error as exc:
            raise StoreError(f"archive {_safe_url(self.url)}: {exc}; check the server") from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.read_only:
            raise StoreError(f"archive {_safe_url(self.url)} was opened read-only; open it without "
                             "read_only to write")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._conn.transaction():
                yield
        finally:
            self._depth = 0

    def close(self) -> None:
        try:
            self._helper.close()
        finally:
            self._conn.close()

    def _reserve_rids(self, count: int) -> list[int]:
        rows = self._all("SELECT nextval(pg_get_serial_sequence('articles', 'rid')) FROM generate_series(1, ?)",
                         (count,))
        return [int(r[0]) for r in rows]

    def _index(self, rid: int, keys: Keys, *, old: Keys | None) -> None:
        self._execute("UPDATE articles SET tsv = ?::tsvector WHERE rid = ?", (tsvector_literal(keys), rid))

    INLINE_INDEX = True

    def _inline_index(self, keys: Keys) -> tuple[str, str, Any] | None:
        return "tsv", "CAST(? AS tsvector)", tsvector_literal(keys)

    def _clear_index(self) -> None:
        """Nothing to drop: every row's tsvector is rewritten by the catch-up that follows."""

    def _match(self, query: Query) -> tuple[str, list[Any], str, list[Any], str]:
        return ("articles a, (SELECT CAST(? AS tsquery) AS q) qq", [tsquery_literal(query)],
                "a.tsv @@ qq.q", [], f"ts_rank('{RANK_WEIGHTS}', a.tsv, qq.q)")

    def _author_clause(self, author: str) -> tuple[str, Any]:
        import json

        return "a.authors @> CAST(? AS jsonb)", json.dumps([author], ensure_ascii=False)

    def index_size(self) -> int:
        row = self._one("SELECT pg_relation_size('articles_tsv')")
        return int(row[0]) if row else 0
