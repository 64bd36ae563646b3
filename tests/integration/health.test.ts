// Liveness and readiness: /api/v1/health says the process answers (it touches nothing);
// /api/v1/health/ready says whether this instance can serve (database, Redis, mail queue).
import { describe, expect, inject, it } from "vitest";
import { rawRequest } from "../support/http";

describe("health", () => {
  it("answers liveness 200 ok", async () => {
    const res = await rawRequest(inject("baseUrl"), "/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers readiness 200 ready with each check when every dependency is up", async () => {
    const res = await rawRequest(inject("baseUrl"), "/api/v1/health/ready");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      status: "ready",
      checks: { database: "up", redis: "not_configured", mail_queue: "up" },
    });
  });
});
