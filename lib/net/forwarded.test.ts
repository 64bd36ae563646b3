import { describe, expect, it } from "vitest";
import { budgetKeyOfIp, forwardedFrom, normalizeIp, parseTrustedProxies } from "./forwarded";

describe("forwardedFrom", () => {
  const none = parseTrustedProxies("");
  const proxies = parseTrustedProxies("loopback, 10.0.0.0/8, 2001:db8:ffff::/48");

  it("takes the socket's address and ignores every forwarding header from an untrusted peer", () => {
    const headers = {
      host: "localhost:3000",
      "x-forwarded-for": "6.6.6.6",
      "x-forwarded-host": "evil.test",
      "x-forwarded-proto": "https",
    };
    expect(forwardedFrom("203.0.113.9", headers, none)).toEqual({
      ip: "203.0.113.9",
      host: "localhost:3000",
      proto: "http",
    });
    // Loopback is no proxy unless listed: a client on this machine cannot claim another address.
    expect(forwardedFrom("127.0.0.1", headers, none)).toEqual({
      ip: "127.0.0.1",
      host: "localhost:3000",
      proto: "http",
    });
  });

  it("believes a trusted proxy, reading X-Forwarded-For from the right past every trusted hop", () => {
    const headers = {
      host: "internal:3000",
      "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.1.2.3",
      "x-forwarded-host": "shop.example, x",
      "x-forwarded-proto": "https",
    };
    expect(forwardedFrom("127.0.0.1", headers, proxies)).toEqual({
      ip: "198.51.100.4",
      host: "shop.example",
      proto: "https",
    });
  });

  it("stops at a malformed hop, keeping the trusted proxy next to it", () => {
    const headers = { "x-forwarded-for": "1.2.3.4, not-an-ip" };
    expect(forwardedFrom("10.0.0.5", headers, proxies).ip).toBe("10.0.0.5");
  });

  it("falls back to the socket's address when a trusted proxy forwards nothing", () => {
    expect(forwardedFrom("::ffff:10.0.0.7", { host: "a" }, proxies)).toEqual({
      ip: "10.0.0.7",
      host: "a",
      proto: "http",
    });
  });

  it("refuses a TRUSTED_PROXIES entry that is no address or range", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/prefix/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/not an address/);
  });
});

describe("normalizeIp", () => {
  it("spells an IPv4 client of a dual-stack socket as IPv4, and records no free text", () => {
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeIp("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeIp("10.0.0.1 (routine security update)")).toBeNull();
    expect(normalizeIp("::ffff:999.1.1.1")).toBeNull();
    expect(normalizeIp("localhost")).toBeNull();
  });
});

describe("budgetKeyOfIp", () => {
  it("counts IPv4 per address and IPv6 per /64", () => {
    expect(budgetKeyOfIp("203.0.113.7")).toBe("203.0.113.7");
    expect(budgetKeyOfIp("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(budgetKeyOfIp("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(budgetKeyOfIp("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(budgetKeyOfIp("::1")).toBe("0:0:0:0::/64");
    expect(budgetKeyOfIp("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });
});
