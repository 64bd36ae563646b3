// Every path under /api that no route handler has: the API's JSON 404, whatever the method
// (Next.js prefers any more specific route, so this only sees what nothing else matched).
import { ApiError, errorResponse } from "@/lib/http/errors";

async function notFound(): Promise<Response> {
  return errorResponse(new ApiError("NOT_FOUND", { message: "No such API endpoint" }));
}

export {
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
