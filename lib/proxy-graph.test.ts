// The request layer (proxy.ts) runs before every page; it must not load the login stack. Page
// renewal from the refresh cookie goes through lib/auth/refresh, which stays clear of it.
import { describe, expect, it } from "vitest";
import { importGraph } from "@/scripts/proxy-graph";

describe("the request layer's import graph", () => {
  it("excludes the password worker pool, the mailer, zxcvbn, the throttles and Redis", async () => {
    const graph = await importGraph("proxy.ts");
    expect(graph.files).toContain("lib/auth/page-renewal.ts");
    expect(graph.files).toContain("lib/auth/refresh.ts");
    for (const heavy of [
      "lib/auth/passwords.ts",
      "lib/auth/password-strength.ts",
      "lib/auth/throttle.ts",
      "lib/auth/login.ts",
      "lib/auth/mfa.ts",
      "lib/audit.ts",
      "lib/users.ts",
    ])
      expect(graph.files).not.toContain(heavy);
    expect(graph.files.filter((f) => f.startsWith("lib/mail/"))).toEqual([]);
    for (const pkg of [
      "piscina",
      "bcryptjs",
      "nodemailer",
      "@zxcvbn-ts/core",
      "ioredis",
      "redis",
      "rate-limiter-flexible",
      "pg-boss",
    ])
      expect(graph.packages).not.toContain(pkg);
  });

  it("sees the login stack where it is: from the login module", async () => {
    // The same measure catches the heavy modules, so the test above can fail.
    const graph = await importGraph("lib/auth/login.ts");
    expect(graph.files).toContain("lib/auth/passwords.ts");
    expect(graph.packages).toEqual(expect.arrayContaining(["piscina", "nodemailer", "@zxcvbn-ts/core"]));
  });
});
