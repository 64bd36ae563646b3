// Reading requests for the JSON API: size, content type, JSON and zod, each failure a named
// ApiError, plus the wrapper every route handler goes through.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { ApiError, errorResponse, validationError } from "@/lib/http/errors";
import { edgeOf } from "@/lib/net/edge";
import { hostOfRequest } from "@/lib/tenancy/host";

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

/** Every route handler runs inside this: any thrown error becomes the one JSON error body. */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>): Handler<P> {
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
