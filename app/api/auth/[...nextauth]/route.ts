// next-auth's routes on the platform host: the provider's callback (and next-auth's own error
// redirect). Nothing here is served on a store's host.
import type { NextRequest } from "next/server";
import { otherMethods } from "@/lib/http/methods";
import { ApiError, errorResponse } from "@/lib/http/errors";
import { handleNextAuth } from "@/lib/auth/social/flow";
import { requestContext } from "@/lib/http";
import { hostOfRequest } from "@/lib/tenancy/host";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context): Promise<Response> {
  if ((await hostOfRequest(request.headers)).kind !== "platform")
    return errorResponse(new ApiError("NOT_FOUND", { message: "No such API endpoint" }));
  return handleNextAuth(request, context, requestContext(request.headers));
}

export { handler as GET, handler as POST };
export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET: handler, POST: handler });
