"""The shared cache (Redis) as a help, never a dependency: a Redis outage costs features, not
pages. Reads miss, writes are dropped, `add` answers yes (its callers, the counters, then count
as if for the first time rather than not at all) and `incr` fails as for a missing key.
Sessions live in the database, so editors stay signed in.

After a failure the process leaves Redis alone for OUTAGE_PAUSE_SECONDS (each operation answers
at once as above, and one line is logged per pause, not one per operation), then tries again:
an outage costs no timeout per request, and `is_down()` lets the frame cache keep a generation
of its own meanwhile (core/frame_cache.py)."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)
OUTAGE_PAUSE_SECONDS = 2.0


def _forgiving(when_down):
    def answer_as_down(error, args, kwargs):
        if isinstance(when_down, type) and issubclass(when_down, Exception):
            raise when_down(f"cache unavailable: {error}")
        return when_down(*args, **kwargs) if callable(when_down) else when_down

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self.is_down():
                return answer_as_down("paused after an outage", args, kwargs)
            try:
                return method(self, *args, **kwargs)
            except _OUTAGE as error:
                self._down_until = time.monotonic() + OUTAGE_PAUSE_SECONDS
                logger.warning(
                    "Cache unavailable for %s: %s; not asked again for %s s",
                    method.__name__,
                    error,
                    OUTAGE_PAUSE_SECONDS,
                )
                return answer_as_down(error, args, kwargs)

        return wrapper

    return decorate


class ReusedRedisClients(RedisCacheClient):
    """Django builds a new redis-py client for every operation, and building one fills its table
    of some two hundred reply handlers (0.1-0.2 ms, several times per page). One client per
    connection pool serves the whole process: clients are thread-safe, the pool holds the
    connections (and opens new ones after a fork)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        # A Redis that does not answer must not hold a reader's request for long.
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.25)
        super().__init__(server, params)
        self._class = ReusedRedisClients
        self._down_until = 0.0

    def is_down(self):
        """True within the pause after a failure: Redis is not asked meanwhile."""
        return time.monotonic() < self._down_until

    get = _forgiving(lambda key, default=None, version=None: default)(RedisCache.get)
    get_many = _forgiving({})(RedisCache.get_many)
    has_key = _forgiving(False)(RedisCache.has_key)
    add = _forgiving(True)(RedisCache.add)
    set = _forgiving(None)(RedisCache.set)
    set_many = _forgiving(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = _forgiving(False)(RedisCache.touch)
    delete = _forgiving(False)(RedisCache.delete)
    delete_many = _forgiving(None)(RedisCache.delete_many)
    incr = _forgiving(ValueError)(RedisCache.incr)
    clear = _forgiving(None)(RedisCache.clear)
