// Reading requests for the JSON API: size, content type, JSON and zod, each failure a named
// ApiError, plus the wrapper every route handler goes through.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { ApiError, errorResponse, validationError } from "@/lib/http/errors";
import type { ApiRoute, RouteInput } from "@/lib/http/routes/route";
import { edgeOf } from "@/lib/net/edge";
import { hostOfRequest } from "@/lib/tenancy/host";
import { queryObject } from "@/lib/validation";

const MAX_BODY_BYTES = 64 * 1024;

/** The body's bytes, refused with 413 (`tooLarge`) as soon as they pass `limit`. */
async function readBodyBytes(request: Request, limit: number, tooLarge: () => ApiError): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  // A chunked body has no length to trust: count while reading and stop at the limit.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readBodyText(request: Request): Promise<string> {
  return (await readBodyBytes(request, MAX_BODY_BYTES, () => new ApiError("PAYLOAD_TOO_LARGE"))).toString(
    "utf8",
  );
}

/**
 * A multipart/form-data upload of at most `limit` bytes (the file's own limit is checked by
 * whoever reads the file, with a clearer message): 415, 413 or 400 when it is not one.
 */
export async function readMultipart(request: Request, limit: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", { message: "Send the upload as multipart/form-data" });
  }
  const mb = Math.floor(limit / (1024 * 1024));
  const bytes = await readBodyBytes(
    request,
    limit,
    () => new ApiError("PAYLOAD_TOO_LARGE", { message: `The upload is larger than ${mb} MB` }),
  );
  try {
    return await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new ApiError("BAD_REQUEST", { message: "The upload could not be read" });
  }
}

/** Parses a JSON body against a zod schema: 415, 413, 400 or 422 when it is not one. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  const text = await readBodyText(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("BAD_REQUEST", { message: "The body is not valid JSON" });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export { json } from "@/lib/http/errors";

/**
 * The caller's address: the socket's peer, or what a trusted proxy said, as Orion's server
 * worked it out (lib/net). Never a header the client wrote.
 */
export function clientIp(headers: Headers): string | null {
  return edgeOf(headers).ip;
}

export type RequestContext = { ip: string | null; userAgent: string | null; requestId: string };

// A front proxy's request id when it sent a plausible one, so its log and ours line up.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestContext(headers: Headers): RequestContext {
  const forwardedId = headers.get("x-request-id");
  return {
    ip: clientIp(headers),
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    requestId: forwardedId && REQUEST_ID.test(forwardedId) ? forwardedId : randomUUID(),
  };
}

/**
 * The JSON API answers only on our own addresses: a Host that is neither the platform nor a
 * store's (Django's poisoned-host rule) is a 400, and the admin and store APIs, like their
 * pages, live on the platform host alone.
 */
async function assertServedHost(request: Request): Promise<void> {
  const host = await hostOfRequest(request.headers);
  if (host.kind === "unknown") throw new ApiError("BAD_REQUEST", { message: "This host is not served here" });
  if (host.kind === "store" && !new URL(request.url).pathname.startsWith("/api/v1/storefront")) {
    throw new ApiError("NOT_FOUND");
  }
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/**
 * The ground under every route handler: the host check, and any thrown error as the one JSON
 * error body. A router behind a catch-all segment (storefront, TOTP) uses it directly and
 * reads each request with `readInput` and the table row it matched; every other route goes
 * through `apiRoute`.
 */
export function apiRouter<P>(handler: Handler<P>): Handler<P> {
  return async (request, context) => {
    try {
      await assertServedHost(request);
      return await handler(request, context);
    } catch (error) {
      // A handler may end early with a finished response (a redirect).
      if (error instanceof Response) return error;
      return errorResponse(error);
    }
  };
}

type RawParams = Record<string, string | string[] | undefined>;

/**
 * A request read with its route's schemas (lib/http/routes): path parameters (one that does
 * not fit is a 404 with the schema's message, "No such product"), then the query string
 * (422), then the JSON body (415, 413, 400 or 422).
 */
export async function readInput<R extends ApiRoute>(
  route: R,
  request: Request,
  raw: RawParams,
): Promise<RouteInput<R>> {
  let params: unknown = {};
  if (route.params) {
    const parsed = route.params.safeParse(raw);
    if (!parsed.success) throw new ApiError("NOT_FOUND", { message: parsed.error.issues[0]?.message });
    params = parsed.data;
  }
  let query: unknown = {};
  if (route.query) {
    const parsed = route.query.safeParse(queryObject(request.url));
    if (!parsed.success) throw validationError(parsed.error);
    query = parsed.data;
  }
  const body = route.body ? await readJson(request, route.body) : undefined;
  return { params, query, body } as RouteInput<R>;
}

export type RouteCall<R extends ApiRoute, L = undefined> = RouteInput<R> & {
  request: Request;
  ctx: RequestContext;
  /** What `load` returned: the principal, or the store the route is about. */
  loaded: L;
};

/**
 * A route handler for one row of the route table. `load` runs first (the area's token, the
 * store of the path), then the request is read with the row's schemas, then `handler` runs
 * with what both gave. Any thrown error becomes the one JSON error body.
 */
export function apiRoute<R extends ApiRoute>(
  route: R,
  handler: (call: RouteCall<R>) => Promise<Response>,
): Handler<RawParams>;
export function apiRoute<R extends ApiRoute, L, P extends RawParams>(
  route: R,
  load: (request: Request, params: P) => Promise<L>,
  handler: (call: RouteCall<R, L>) => Promise<Response>,
): Handler<P>;
export function apiRoute(
  route: ApiRoute,
  ...rest:
    | [(call: RouteCall<ApiRoute>) => Promise<Response>]
    | [
        (request: Request, params: RawParams) => Promise<unknown>,
        (call: RouteCall<ApiRoute, unknown>) => Promise<Response>,
      ]
): Handler<RawParams> {
  const [load, handler] = rest.length === 1 ? [undefined, rest[0]] : rest;
  return apiRouter<RawParams>(async (request, context) => {
    const raw = await context.params;
    const loaded = load ? await load(request, raw) : undefined;
    const input = await readInput(route, request, raw);
    return (handler as (call: RouteCall<ApiRoute, unknown>) => Promise<Response>)({
      ...input,
      request,
      ctx: requestContext(request.headers),
      loaded,
    });
  });
}
