// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the route table. Each
// route's errors are those it names plus those its token, path, query and body imply.
import {
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  createDocument,
} from "zod-openapi";
import { z } from "zod";
import { AREAS, AREA_NAMES, type AreaName } from "@/lib/auth/areas";
import { ERROR_CODES, type ErrorCode } from "@/lib/http/errors";
import { API_ROUTES, type ApiRoute } from "@/lib/http/routes";
import { storeSlugParam } from "@/lib/http/routes/route";
import { errorBody } from "@/lib/http/routes/views";

const SCHEME: Record<AreaName, string> = {
  admin: "adminBearer",
  store: "storeBearer",
  customer: "customerBearer",
};

const SCHEME_TEXT: Record<AreaName, string> = {
  admin: "A platform admin's access token, from `POST /api/v1/admin/auth/login`.",
  store: "A store member's access token for one store, from `POST /api/v1/store/auth/login`.",
  customer: "A customer's access token for one store, from `POST /api/v1/storefront/{store}/auth/login`.",
};

/** Every error code a route may answer, in the order of ERROR_CODES. */
function errorCodesOf(r: ApiRoute): ErrorCode[] {
  const codes = new Set<ErrorCode>(r.errors ?? []);
  // Any request: a host we do not serve, a method the path lacks, a failure, the database away.
  codes.add("BAD_REQUEST").add("METHOD_NOT_ALLOWED").add("INTERNAL_ERROR").add("SERVICE_UNAVAILABLE");
  if (r.method !== "GET") codes.add("FORBIDDEN_ORIGIN");
  if (r.area) {
    codes.add("INVALID_TOKEN").add(AREAS[r.area].wrongPrincipalCode);
    if (r.area === "store") codes.add("MFA_ENROLLMENT_REQUIRED");
  }
  if (r.permission) codes.add("INSUFFICIENT_PERMISSIONS");
  if (r.path.includes("{store}")) codes.add("NOT_FOUND").add("STORE_UNAVAILABLE");
  if (r.params) codes.add("NOT_FOUND");
  if (r.query) codes.add("VALIDATION_ERROR");
  if (r.body)
    codes.add("BAD_REQUEST").add("PAYLOAD_TOO_LARGE").add("UNSUPPORTED_MEDIA_TYPE").add("VALIDATION_ERROR");
  return (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => codes.has(code));
}

/** zod bounds every integer by the safe range; that says nothing to a reader. */
function dropSafeIntegerBounds({ jsonSchema }: { jsonSchema: Record<string, unknown> }): void {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

function operation(r: ApiRoute): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, schema] of Object.entries(r.responses)) {
    responses[status] = schema
      ? { description: "Success", content: { "application/json": { schema } } }
      : { description: "No content" };
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(r)) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of byStatus) {
    if (responses[String(status)]) continue; // readiness's 503 has a body of its own
    responses[String(status)] = {
      description: codes.map((c) => `- \`${c}\`: ${ERROR_CODES[c].message}`).join("\n"),
      content: { "application/json": { schema: errorBody } },
    };
  }
  const path = r.path.includes("{store}")
    ? z.object({ store: storeSlugParam, ...(r.params?.shape ?? {}) })
    : r.params;
  // Every query parameter may be left out: a missing or unreadable one takes its default.
  const query =
    r.query && z.object(Object.fromEntries(Object.entries(r.query.shape).map(([k, s]) => [k, s.optional()])));
  const notes = [
    r.description,
    r.area ? `Needs the ${r.area} area's Bearer token.` : "Public: no token.",
    r.permission ? `Permission: \`${r.permission}\`.` : undefined,
  ].filter(Boolean);
  return {
    operationId: r.operationId,
    summary: r.summary,
    description: notes.join(" "),
    tags: [r.tag],
    security: r.area ? [{ [SCHEME[r.area]]: [] }] : [],
    requestParams: { ...(path && { path }), ...(query && { query }) },
    ...(r.body && { requestBody: { required: true, content: { "application/json": { schema: r.body } } } }),
    ...(r.upload && {
      requestBody: { required: true, content: { "multipart/form-data": { schema: r.upload } } },
    }),
    responses,
  };
}

export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of API_ROUTES) {
    const item = (paths[r.path] ??= {});
    item[r.method.toLowerCase() as "get"] = operation(r);
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Orion API",
        version: "1",
        description:
          "The JSON API of Orion. Every 4xx and 5xx answers the `Error` body. Each area has its own Bearer token; " +
          "cookies are ignored by the API. Store and storefront paths name the store by its slug.",
      },
      servers: [{ url: "/" }],
      tags: [
        { name: "platform", description: "Health and this document" },
        { name: "admin", description: "Platform administration (admin token)" },
        { name: "store", description: "A store's dashboard (store member token)" },
        { name: "storefront", description: "A store's catalog and customer accounts (customer token)" },
      ],
      components: {
        schemas: { Error: errorBody },
        securitySchemes: Object.fromEntries(
          AREA_NAMES.map((area) => [
            SCHEME[area],
            { type: "http", scheme: "bearer", bearerFormat: "JWT", description: SCHEME_TEXT[area] },
          ]),
        ),
      },
      paths,
    },
    { override: dropSafeIntegerBounds },
  );
}
