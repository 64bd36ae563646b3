// One row of the API's route table: what a route takes and answers, described once. The
// handler wrapper (lib/http) parses the request with these schemas and the OpenAPI document
// (lib/http/openapi.ts) is generated from them, so the two cannot drift apart.
import { z } from "zod";
import type { AreaName } from "@/lib/auth/areas";
import type { Permission } from "@/lib/auth/permissions";
import type { ErrorCode } from "@/lib/http/errors";
import { SLUG_PATTERN } from "@/lib/tenancy/slug";
import { UUID_PATTERN } from "@/lib/validation";

type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The parts of the API, each a tag of the document. */
export type RouteTag = "admin" | "store" | "storefront" | "platform";

export type ApiRoute = {
  method: RouteMethod;
  /** OpenAPI form: `/api/v1/admin/stores/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: RouteTag;
  /** The area whose Bearer token the route needs; null for a public route. */
  area: AreaName | null;
  /** A store route's permission (lib/auth/permissions), checked after the token. */
  permission?: Permission;
  /** Path parameters besides `{store}` (read by the store resolution): a mismatch is a 404. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body. */
  body?: z.ZodType;
  /** A multipart/form-data upload: documented here, read by the handler (the file is bytes). */
  upload?: z.ZodObject;
  /** Status → body schema; null for an empty body (204). */
  responses: Partial<Record<200 | 201 | 202 | 204 | 503, z.ZodType | null>>;
  /** The errors this route answers itself, beyond those its token, params and body imply. */
  errors?: readonly ErrorCode[];
};

/** Keeps a route's own schema types, for the handler's parsed input. */
export function route<const R extends ApiRoute>(r: R): R {
  return r;
}

/** A UUID in the path; anything else is "No such {what}" (a 404), and the id is lower-cased. */
export function pathId(what: string) {
  return z
    .string()
    .regex(UUID_PATTERN, { message: `No such ${what}` })
    .transform((id) => id.toLowerCase())
    .meta({ description: `The ${what}'s id (a UUID)`, format: "uuid" });
}

/** `{store}` in a path: the store's slug, lower case (other cases are redirected with 308). */
export const storeSlugParam = z
  .string()
  .regex(SLUG_PATTERN)
  .meta({ description: "The store's slug, e.g. `acme`", example: "acme" });

export type RouteInput<R extends ApiRoute> = {
  params: R["params"] extends z.ZodObject ? z.output<R["params"]> : Record<string, never>;
  query: R["query"] extends z.ZodObject ? z.output<R["query"]> : Record<string, never>;
  body: R["body"] extends z.ZodType ? z.output<R["body"]> : undefined;
};
