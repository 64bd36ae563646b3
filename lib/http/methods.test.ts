import { describe, expect, it } from "vitest";
import { allowHeader, methodAnswer, otherMethods } from "./methods";

const request = (method: string) => new Request("http://orion.test/api/v1/x", { method });

describe("allowHeader", () => {
  it("lists the methods sorted, with OPTIONS, and HEAD wherever GET is", () => {
    expect(allowHeader(["PATCH", "GET"])).toBe("GET, HEAD, OPTIONS, PATCH");
    expect(allowHeader(["POST"])).toBe("OPTIONS, POST");
  });
});

describe("otherMethods", () => {
  const handler = async () => new Response("ok");

  it("gives every method a route lacks a JSON 405 with Allow, and OPTIONS a 204", async () => {
    const rest = otherMethods({ POST: handler });
    expect(Object.keys(rest).sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "PUT"]);
    const refused = await rest.GET(request("GET"));
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("OPTIONS, POST");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("METHOD_NOT_ALLOWED");
    const options = await rest.OPTIONS(request("OPTIONS"));
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("OPTIONS, POST");
  });

  it("leaves HEAD to GET where the route has GET", () => {
    expect(Object.keys(otherMethods({ GET: handler, PATCH: handler })).sort()).toEqual([
      "DELETE",
      "OPTIONS",
      "POST",
      "PUT",
    ]);
  });
});

describe("methodAnswer", () => {
  it("lets a method of the path through (HEAD as GET) and answers the others", async () => {
    expect(methodAnswer(request("GET"), ["GET"])).toBeNull();
    expect(methodAnswer(request("HEAD"), ["GET"])).toBeNull();
    expect(methodAnswer(request("OPTIONS"), ["GET"])?.status).toBe(204);
    const refused = methodAnswer(request("DELETE"), ["GET", "POST"]);
    expect(refused?.status).toBe(405);
    expect(refused?.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
  });
});
