// A store's theme colours must keep the shop readable: white text on the primary colour
// (header, buttons) and the accent colour as text on white (links, badges) at WCAG AA 4.5:1.
// A yellow primary used to be accepted and gave a header of 1.5:1.
import { afterAll, describe, expect, it } from "vitest";
import { baseUrl, send, storeLogin } from "../support/http";
import { submitFormAt } from "../support/forms";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const theme = (change: Record<string, string>) => ({
  primaryColor: "#4f46e5",
  accentColor: "#b45309",
  logoUrl: "",
  font: "Inter",
  ...change,
});

describe("theme colours below WCAG AA", () => {
  it("are refused by the settings API with the contrast and the rule, and nothing is stored", async () => {
    const owner = await storeLogin("ORION", "store_owner", "store123");
    const [before] = await testSql()`select theme from stores where slug = 'orion'`;
    for (const [field, change, ratio] of [
      ["theme.primaryColor", { primaryColor: "#facc15" }, "1.5:1"],
      ["theme.accentColor", { accentColor: "#f59e0b" }, "2.1:1"],
    ] as const) {
      const res = await send("PATCH", "/api/v1/store/orion/settings", owner.access_token, {
        theme: theme(change),
      });
      expect(res.status, field).toBe(422);
      const body = (await res.json()) as { error: { details: Array<{ field: string; message: string }> } };
      const detail = body.error.details.find((d) => d.field === field);
      expect(detail?.message, field).toContain(`contrast of only ${ratio}`);
      expect(detail?.message, field).toContain("at least 4.5:1 (WCAG AA)");
    }
    const [after] = await testSql()`select theme from stores where slug = 'orion'`;
    expect(after!.theme).toEqual(before!.theme);

    const ok = await send("PATCH", "/api/v1/store/orion/settings", owner.access_token, {
      theme: theme({ primaryColor: "#1e3a8a" }),
    });
    expect(ok.status).toBe(200);
    await send("PATCH", "/api/v1/store/orion/settings", owner.access_token, { theme: before!.theme });
  });

  it("are refused by the settings form with the reason shown under the colour", async () => {
    const owner = await storeLogin("ORION", "store_owner", "store123");
    const answer = await submitFormAt(
      baseUrl(),
      "/store/orion/settings",
      "Store settings",
      {
        name: "Orion Outfitters",
        primaryColor: "#facc15",
        accentColor: "#b45309",
        logoUrl: "",
        font: "Inter",
      },
      `store_token=${owner.access_token}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.html).toContain(
      "White text on this colour has a contrast of only 1.5:1; the shop&#x27;s header and buttons need at least 4.5:1 (WCAG AA). Choose a darker colour.",
    );
    expect(answer.html).not.toContain("Settings saved.");
    const [row] = await testSql()`select theme->>'primaryColor' as primary from stores where slug = 'orion'`;
    expect(row!.primary).not.toBe("#facc15");
  });
});
