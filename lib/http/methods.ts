// The HTTP methods of the API's routes. A method a route does not have is a 405 in the API's
// JSON shape with an `Allow` header; OPTIONS answers 204 with the same `Allow` (and no CORS
// headers: the API is not for other sites' scripts); HEAD is GET without a body.
// A route file ends with `export const { …the rest… } = otherMethods({ GET, PATCH })`; a
// router behind a catch-all segment (storefront, TOTP) exports every method and asks
// `methodAnswer` with the methods of the path it matched. Unknown paths: app/api/[[...path]].
import { ApiError, NO_STORE, errorResponse } from "@/lib/http/errors";

const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

type RouteMethod = Exclude<HttpMethod, "HEAD" | "OPTIONS">;

type Handler = (request: Request) => Promise<Response>;

/** `Allow` for a resource with `methods`: OPTIONS always, HEAD wherever GET is. */
export function allowHeader(methods: readonly string[]): string {
  const allowed = new Set<string>([...methods, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  return [...allowed].sort().join(", ");
}

function methodNotAllowed(methods: readonly string[]): ApiError {
  return new ApiError("METHOD_NOT_ALLOWED", { headers: { Allow: allowHeader(methods) } });
}

function optionsResponse(methods: readonly string[]): Response {
  return new Response(null, {
    status: 204,
    headers: { Allow: allowHeader(methods), "Cache-Control": NO_STORE },
  });
}

/**
 * For a router: the answer to OPTIONS, or to a method the matched path does not have; null
 * when the request's method is one of `methods` (HEAD counts as GET) and the router goes on.
 */
export function methodAnswer(request: Request, methods: readonly string[]): Response | null {
  if (request.method === "OPTIONS") return optionsResponse(methods);
  const method = request.method === "HEAD" ? "GET" : request.method;
  return methods.includes(method) ? null : errorResponse(methodNotAllowed(methods));
}

/**
 * The methods a route file does not implement, for it to export. HEAD is left out where GET
 * is given: Next.js answers HEAD with GET and drops the body.
 */
export function otherMethods<H extends Partial<Record<RouteMethod, unknown>>>(
  handlers: H,
): Record<Exclude<HttpMethod, keyof H | ("GET" extends keyof H ? "HEAD" : never)>, Handler> {
  const methods = Object.keys(handlers);
  const refuse: Handler = async () => errorResponse(methodNotAllowed(methods));
  const options: Handler = async () => optionsResponse(methods);
  const rest: Record<string, Handler> = {};
  for (const method of HTTP_METHODS) {
    if (method in handlers || (method === "HEAD" && "GET" in handlers)) continue;
    rest[method] = method === "OPTIONS" ? options : refuse;
  }
  return rest as Record<Exclude<HttpMethod, keyof H | ("GET" extends keyof H ? "HEAD" : never)>, Handler>;
}
