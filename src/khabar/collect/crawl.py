"""The crawl loop: seeds → feeds, sitemaps, sites → article pages, politely and resumably.

One request at a time (so never more than one connection per host); the
next URL comes from the host whose turn is nearest (:class:`HostGate`), so
a slow host does not hold up the others. Each URL goes: robots.txt check →
conditional GET (ETag/Last-Modified from the crawl state) → 304 costs
nothing; 429/503 wait for Retry-After, other 5xx and timeouts back off
exponentially, then give up; a feed, sitemap or home page is parsed into
more URLs; a page is handed to the caller. Every URL ends in the crawl
state as done or failed, with its reason.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from urllib.parse import urljoin, urlsplit, urlunsplit

import courlan
import httpx

from khabar.collect.detect import Kind, discover_feeds, sniff
from khabar.collect.feeds import parse_feed
from khabar.collect.polite import HostGate, backoff_delay, host_of, parse_retry_after
from khabar.collect.records import Skipped
from khabar.collect.robots import Robots, robots_from_status, robots_url
from khabar.collect.sitemaps import parse_sitemap
from khabar.collect.state import CrawlState, Discovered, Outcome, Task
from khabar.collect.stats import CrawlStats, error_kind
from khabar.collect.warc import WarcRecorder
from khabar.config import FetchSettings
from khabar.data.collect import COMMON_FEED_PATHS, COMMON_SITEMAP_PATHS, ROBOTS_MAX_BYTES
from khabar.errors import FetchError, FetchTimeout, InputError, KhabarError, RobotsDisallowed
from khabar.fetch import Response, bounded_get, make_client
from khabar.records import Page


def canonical(url: str) -> str:
    """courlan's normalisation: lower-case host, default port, tracking parameters and fragment gone."""
    try:
        normal = str(courlan.normalize_url(url, strict=True))
    except ValueError:
        return url
    parts = urlsplit(normal)
    return urlunsplit(parts._replace(path="/")) if not parts.path else normal  # "https://a.example" is "/"


def crawlable(url: str) -> bool:
    """A link worth fetching as an article: http(s), not a file download, not a login page."""
    return (
        url.startswith(("http://", "https://"))
        and courlan.filters.extension_filter(url)
        and not courlan.is_not_crawlable(url)
    )


class Crawler:
    def __init__(
        self,
        settings: FetchSettings,
        state: CrawlState,
        *,
        client: httpx.Client | None = None,
        gate: HostGate | None = None,
        recorder: WarcRecorder | None = None,
        stats: CrawlStats | None = None,
        on_progress: Callable[[CrawlStats], None] | None = None,
    ) -> None:
        self.settings = settings
        self.state = state
        self.client = client or make_client(settings)
        self.gate = gate or HostGate(settings.per_host_delay)
        self.recorder = recorder
        self.stats = stats or CrawlStats()
        self.on_progress = on_progress
        self.robots: dict[str, Robots] = {}
        self.queues: dict[str, deque[Task]] = {}
        self.seen: set[str] = set()
        self.rejected: dict[str, str] = {}
        self.arrived: set[str] = set()  # final URLs of redirected pages

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------ frontier
    def crawl(self, seeds: Sequence[str]) -> Iterator[Page | Skipped]:
        """Every page the seeds lead to; failures come out as :class:`Skipped`."""
        canon = [canonical(seed) for seed in seeds]
        for seed in canon:
            self._push(self.state.seed(seed, Kind.AUTO))
        for waiting in self.state.pending(canon):
            self._push(waiting)
        pages = 0
        while (task := self._next()) is not None:
            for item in self._visit(task):
                if isinstance(item, Page):
                    pages += 1
                yield item
            self._progress()
            if self.settings.max_pages and pages >= self.settings.max_pages:
                return

    def reject(self, url: str, reason: str) -> None:
        """The caller could not use a page (extraction failed): record it as failed, not done."""
        self.rejected[url] = reason

    def _push(self, task: Task, front: bool = False) -> None:
        if not front:
            if task.url in self.seen:
                return
            self.seen.add(task.url)
        queue = self.queues.setdefault(host_of(task.url), deque())
        if front:
            queue.appendleft(task)
        else:
            queue.append(task)

    def _next(self) -> Task | None:
        """The next task of the host whose turn comes first; waits for that turn."""
        while True:
            ready = [(self.gate.ready_at(host), host) for host, queue in self.queues.items() if queue]
            if not ready:
                return None
            _, host = min(ready)
            task = self.queues[host].popleft()
            if task.url in self.arrived:
                continue  # already reached through a redirect in this run
            self.gate.wait(host)
            return task

    def queued(self) -> int:
        return sum(len(queue) for queue in self.queues.values())

    def _progress(self) -> None:
        self.stats.queued = self.queued()
        if self.on_progress is not None:
            self.on_progress(self.stats)

    # ------------------------------------------------------------ one URL
    def _visit(self, task: Task) -> Iterator[Page | Skipped]:
        try:
            response = self._fetch(task)
        except RobotsDisallowed as exc:
            yield from self._fail(task, str(exc), "robots")
            return
        except FetchTimeout as exc:
            if not self._retry(task, None):
                yield from self._fail(task, f"{exc} (gave up after {task.attempts + 1} tries)", "timeout")
            return
        except KhabarError as exc:
            yield from self._fail(task, str(exc), error_kind(exc))
            return
        yield from self._answer(task, response)

    def _answer(self, task: Task, response: Response) -> Iterator[Page | Skipped]:
        status = response.status
        if status == 304:
            self.stats.not_modified += 1
            self._finish(task, Outcome("done", 304))
        elif status in (429, 503) or status >= 500:
            wait = parse_retry_after(response.header("retry-after")) if status in (429, 503) else None
            if not self._retry(task, wait):
                why = f"the server answered {status} {response.reason}".strip()
                if wait is not None and wait > self.settings.max_retry_after:
                    why += f" and asked to wait {wait:g} s, longer than --max-retry-after"
                yield from self._fail(
                    task,
                    f"{task.url}: {why} (gave up after {task.attempts + 1} tries)",
                    f"http-{status}",
                    status,
                )
        elif status >= 400:
            if task.probe:
                self._finish(task, Outcome("done", status, "guessed path not found"))
            else:
                yield from self._fail(
                    task, f"{task.url}: the server answered {status}", f"http-{status}", status
                )
        elif 200 <= status < 300:
            yield from self._content(task, response)
        else:
            yield from self._fail(task, f"{task.url}: unexpected status {status}", f"http-{status}", status)

    def _retry(self, task: Task, retry_after: float | None) -> bool:
        """Queue ``task`` again after a pause, unless its tries are used up."""
        if task.attempts >= self.settings.max_retries:
            return False
        if retry_after is not None and retry_after > self.settings.max_retry_after:
            return False
        self.stats.retries += 1
        wait = (
            retry_after
            if retry_after is not None
            else backoff_delay(task.attempts + 1, self.settings.backoff_base)
        )
        self.gate.push_back(host_of(task.url), wait)
        self._push(Task(task.url, task.kind, task.seed, task.probe, task.attempts + 1), front=True)
        return True

    def _fail(self, task: Task, reason: str, kind: str, status: int | None = None) -> Iterator[Skipped]:
        if task.probe:  # a guessed /feed or /sitemap.xml that is not there is no failure
            self._finish(task, Outcome("done", status, reason, kind))
            return
        self.stats.errors[kind] += 1
        self._finish(task, Outcome("failed", status, reason, kind))
        yield Skipped(task.url, reason, kind)

    def _finish(self, task: Task, outcome: Outcome, children: Iterable[Discovered] = ()) -> None:
        for child in self.state.finish(task.url, outcome, task.seed, children):
            self._push(child)

    # ------------------------------------------------------------ fetching
    def _fetch(self, task: Task) -> Response:
        etag, modified = self.state.validators(task.url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        try:
            response = bounded_get(
                self.client, task.url, self.settings, headers=headers, before_hop=self._hop
            )
        finally:
            self.gate.done(host_of(task.url))
        self.stats.fetched += 1
        self.stats.bytes += len(response.raw)
        if self.recorder is not None:
            self.recorder.record(response)
        return response

    def _hop(self, url: str) -> None:
        """Before each request (redirect hops too): robots.txt, then the host's turn."""
        host = host_of(url)
        rules = self._robots(url)
        if rules.blocked_reason is not None:  # unreachable or failing: transient, tried again next run
            raise FetchError(f"{url}: {rules.blocked_reason}")
        if self.settings.obey_robots and not rules.allowed(url, self.settings.user_agent):
            self.stats.robots_blocked += 1
            raise RobotsDisallowed(f"{url}: robots.txt disallows it for khabar")
        self.gate.wait(host)
        self.gate.done(host)

    def _robots(self, url: str) -> Robots:
        host = host_of(url)
        if not self.settings.obey_robots:
            return Robots.allow_all()
        if host not in self.robots:
            self.robots[host] = self._load_robots(url)
            self.gate.set_crawl_delay(host, self.robots[host].crawl_delay(self.settings.user_agent))
        return self.robots[host]

    def _load_robots(self, url: str) -> Robots:
        where = robots_url(url)
        host = host_of(url)
        self.gate.wait(host)
        try:
            response = bounded_get(
                self.client,
                where,
                self.settings,
                max_bytes=ROBOTS_MAX_BYTES,
                before_hop=lambda hop: self.gate.wait(host_of(hop)),
            )
        except KhabarError as exc:
            return Robots.block_all(f"host unreachable: robots.txt could not be read ({exc})")
        finally:
            self.gate.done(host)
        self.stats.fetched += 1
        if self.recorder is not None:
            self.recorder.record(response)
        return robots_from_status(response.status, response.content)

    # ------------------------------------------------------------ content
    def _content(self, task: Task, response: Response) -> Iterator[Page | Skipped]:
        kind = sniff(response, task.kind)
        outcome = Outcome(
            "done",
            response.status,
            etag=response.header("etag"),
            last_modified=response.header("last-modified"),
        )
        if kind == Kind.PAGE:
            if task.probe:
                self._finish(task, Outcome("done", response.status, "guessed path is a page, not a feed"))
                return
            self.stats.pages += 1
            yield response.to_page()
            self._after_page(task, response, outcome)
            return
        try:
            children = self._children(kind, response)
        except (InputError, FetchError) as exc:
            yield from self._fail(task, str(exc), "parse", response.status)
            return
        self._finish(task, outcome, children)

    def _after_page(self, task: Task, response: Response, outcome: Outcome) -> None:
        reason = self.rejected.pop(response.url, None) or self.rejected.pop(task.url, None)
        if reason is not None:
            self.stats.errors["extract"] += 1
            outcome = Outcome("failed", response.status, reason, "extract")
        self._finish(task, outcome)
        final = canonical(response.url)
        if final != task.url:
            self.seen.add(final)
            self.arrived.add(final)
            self.state.finish(final, outcome, task.seed)

    def _children(self, kind: Kind, response: Response) -> list[Discovered]:
        if kind == Kind.FEED:
            self.stats.feeds += 1
            feed = parse_feed(response.content, response.url)
            return self._pages(Discovered(e.url, Kind.PAGE, lastmod=e.published) for e in feed.entries)
        if kind == Kind.SITEMAP:
            self.stats.sitemaps += 1
            sitemap = parse_sitemap(response.content, response.url, self.settings.max_bytes)
            child = Kind.SITEMAP if sitemap.is_index else Kind.PAGE
            found = (Discovered(e.url, child, lastmod=e.lastmod or e.news_published) for e in sitemap.entries)
            return (
                self._pages(found)
                if child == Kind.PAGE
                else [Discovered(canonical(d.url), d.kind, lastmod=d.lastmod) for d in found]
            )
        return self._site(response)

    def _pages(self, found: Iterable[Discovered]) -> list[Discovered]:
        out: list[Discovered] = []
        for item in found:
            url = canonical(item.url)
            if crawlable(url):
                out.append(Discovered(url, item.kind, lastmod=item.lastmod))
        return out

    def _site(self, response: Response) -> list[Discovered]:
        """A home page: its announced feeds (else the usual feed paths), then its sitemaps."""
        base = response.url
        feeds = discover_feeds(response.content, base)
        found = [Discovered(canonical(url), Kind.FEED) for url in feeds]
        if not found:
            found = [
                Discovered(canonical(urljoin(base, path)), Kind.FEED, probe=True)
                for path in COMMON_FEED_PATHS
            ]
        sitemaps = self._robots(base).sitemaps()
        if sitemaps:
            found += [Discovered(canonical(urljoin(base, url)), Kind.SITEMAP) for url in sitemaps]
        else:
            found += [
                Discovered(canonical(urljoin(base, path)), Kind.SITEMAP, probe=True)
                for path in COMMON_SITEMAP_PATHS
            ]
        return found
