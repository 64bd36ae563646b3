// TRACE, TRACK and CONNECT never reach Next (checklist S66): every path answers 405 in the
// API's JSON error shape, with Allow, before any page or route runs.
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { baseUrl, rawRequest } from "../support/http";

describe("methods no one needs", () => {
  it("answers TRACE and TRACK with a JSON 405 on pages and API alike", async () => {
    for (const method of ["TRACE", "TRACK"]) {
      for (const path of [
        "/",
        "/admin/login",
        "/api/v1/health",
        "/api/v1/admin/auth/me",
        "/storefront/orion",
        "/no/such/path",
      ]) {
        const res = await rawRequest(baseUrl(), path, {
          method,
          headers: { cookie: "admin_token=secret-cookie" },
        });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get("allow")).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
        const text = await res.text();
        expect(JSON.parse(text)).toEqual({
          error: { code: "METHOD_NOT_ALLOWED", message: "Method not allowed" },
        });
        // A TRACE echo would hand a script the HttpOnly cookie (cross-site tracing).
        expect(text).not.toContain("secret-cookie");
      }
    }
  });

  it("refuses CONNECT on the socket", async () => {
    const { hostname, port } = new URL(baseUrl());
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        socket.write(`CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`),
      );
      let data = "";
      socket.on("data", (d) => (data += d.toString()));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 405 Method Not Allowed");
  });
});
