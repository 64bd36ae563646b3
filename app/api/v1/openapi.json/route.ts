import { apiRoute, json } from "@/lib/http";
import { otherMethods } from "@/lib/http/methods";
import { openApiDocument } from "@/lib/http/openapi";
import { PLATFORM_ROUTES } from "@/lib/http/routes";

// The document is the same for the life of the process: built on the first request.
let document: ReturnType<typeof openApiDocument> | undefined;

export const GET = apiRoute(PLATFORM_ROUTES.openapi, async () => json((document ??= openApiDocument())));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
