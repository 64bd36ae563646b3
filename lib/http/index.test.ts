import { afterEach, describe, expect, it } from "vitest";
import { clientIp } from ".";
import { EDGE_HEADERS, EDGE_SECRET_ENV } from "@/lib/net/edge";

describe("clientIp", () => {
  const ip = (h: Record<string, string>) => clientIp(new Headers(h));
  afterEach(() => {
    delete process.env[EDGE_SECRET_ENV];
  });

  it("reads the address our own server stamped, and only with its secret", () => {
    process.env[EDGE_SECRET_ENV] = "s3cret";
    expect(ip({ [EDGE_HEADERS.secret]: "s3cret", [EDGE_HEADERS.ip]: "203.0.113.7" })).toBe("203.0.113.7");
    expect(ip({ [EDGE_HEADERS.secret]: "guess", [EDGE_HEADERS.ip]: "203.0.113.7" })).toBeNull();
    expect(ip({ [EDGE_HEADERS.ip]: "203.0.113.7" })).toBeNull();
  });

  it("never takes the client's own X-Forwarded-For or X-Real-IP", () => {
    process.env[EDGE_SECRET_ENV] = "s3cret";
    expect(ip({ "x-forwarded-for": "6.6.6.6, 203.0.113.7", "x-real-ip": "203.0.113.8" })).toBeNull();
    expect(ip({ [EDGE_HEADERS.secret]: "s3cret", "x-forwarded-for": "6.6.6.6" })).toBeNull();
  });

  it("without a server in front (no secret set), believes no address header at all", () => {
    expect(ip({ [EDGE_HEADERS.secret]: "", [EDGE_HEADERS.ip]: "203.0.113.7" })).toBeNull();
  });
});
