"""Steering PostgreSQL's planner where its estimates lead it to read a whole table."""

from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def index_plans():
    """Plan the queries inside on indexes only (PostgreSQL; elsewhere nothing changes). The
    setting lasts until the block ends, also inside a transaction of the caller's; a query that
    fails inside rolls it back with the block's savepoint."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield
        cursor.execute("SET LOCAL enable_seqscan = on")
