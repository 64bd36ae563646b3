import { describe, expect, it } from "vitest";
import { clientIp } from "./http";

describe("clientIp", () => {
  const ip = (h: Record<string, string>) => clientIp(new Headers(h));

  it("takes the hop our own proxy added, not what the client claimed before it", () => {
    expect(ip({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" })).toBe("203.0.113.7");
    expect(ip({ "x-real-ip": "203.0.113.8" })).toBe("203.0.113.8");
    expect(ip({})).toBeNull();
  });

  it("spells an IPv4 client of a dual-stack socket as IPv4, and leaves IPv6 alone", () => {
    expect(ip({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(ip({ "x-forwarded-for": "::FFFF:10.1.2.3" })).toBe("10.1.2.3");
    expect(ip({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
    expect(ip({ "x-forwarded-for": "::ffff:7f00:1" })).toBe("::ffff:7f00:1");
  });

  it("records no free text as an address", () => {
    expect(ip({ "x-forwarded-for": "10.0.0.1 (routine security update)" })).toBeNull();
    expect(ip({ "x-forwarded-for": "::ffff:999.1.1.1" })).toBeNull();
    expect(ip({ "x-real-ip": "localhost" })).toBeNull();
  });
});
