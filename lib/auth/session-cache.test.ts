import { describe, expect, it } from "vitest";
import { SessionStateCache } from "./session-cache";

const far = new Date(Date.now() + 3_600_000);
const row = (name: string, sessionExpiresAt = far) => ({ name, sessionExpiresAt });

function liveCache() {
  let t = 1_000;
  const cache = new SessionStateCache(() => t);
  cache.setListening(true);
  cache.echoed();
  return { cache, advance: (ms: number) => (t += ms) };
}

describe("SessionStateCache", () => {
  it("answers a second read from memory while the listener is live", async () => {
    const { cache } = liveCache();
    let queries = 0;
    const load = async () => (queries++, [row("a")]);
    await cache.read("k", ["s1", "u1"], load);
    expect(await cache.read("k", ["s1", "u1"], load)).toEqual([row("a")]);
    expect(queries).toBe(1);
  });

  it("asks the database again once a change of the session, principal or store is announced", async () => {
    for (const id of ["s1", "u1", "t1", "*"]) {
      const { cache } = liveCache();
      let queries = 0;
      const load = async () => (queries++, [row("a")]);
      await cache.read("k", ["s1", "u1", "t1"], load);
      cache.changed(id);
      await cache.read("k", ["s1", "u1", "t1"], load);
      expect(queries, id).toBe(2);
    }
  });

  it("keeps nothing without a listener, nor once its probes stop coming back", async () => {
    const cache = new SessionStateCache(() => 0);
    let queries = 0;
    const load = async () => (queries++, [row("a")]);
    await cache.read("k", ["s1"], load);
    await cache.read("k", ["s1"], load);
    expect(queries).toBe(2);

    const live = liveCache();
    await live.cache.read("k", ["s1"], load);
    live.advance(3_000); // no echo for longer than the probe deadline
    await live.cache.read("k", ["s1"], load);
    expect(queries).toBe(4);
    expect(live.cache.live()).toBe(false);
  });

  it("drops everything when the listener goes down", async () => {
    const { cache } = liveCache();
    await cache.read("k", ["s1"], async () => [row("a")]);
    cache.setListening(false);
    expect(cache.size).toBe(0);
  });

  it("does not keep an answer read while a change was announced", async () => {
    const { cache } = liveCache();
    let queries = 0;
    await cache.read("k", ["s1"], async () => {
      queries++;
      cache.changed("other"); // committed while the query ran: its answer may predate it
      return [row("stale")];
    });
    await cache.read("k", ["s1"], async () => (queries++, [row("fresh")]));
    expect(queries).toBe(2);
  });

  it("keeps no refusal, and nothing past the TTL or the session's end", async () => {
    const { cache, advance } = liveCache();
    let queries = 0;
    await cache.read("none", ["s1"], async () => (queries++, []));
    await cache.read("none", ["s1"], async () => (queries++, []));
    expect(queries).toBe(2);

    await cache.read("ttl", ["s2"], async () => (queries++, [row("a")]));
    advance(10_001);
    cache.echoed();
    await cache.read("ttl", ["s2"], async () => (queries++, [row("a")]));
    expect(queries).toBe(4);

    const soon = new Date(Date.now() + 50);
    await cache.read("end", ["s3"], async () => (queries++, [row("a", soon)]));
    advance(100);
    cache.echoed();
    await cache.read("end", ["s3"], async () => (queries++, [row("a", soon)]));
    expect(queries).toBe(6);
  });
});
