import { otherMethods } from "@/lib/http/methods";
import { ApiError } from "@/lib/http/errors";
import { apiRoute, readJson, requestContext } from "@/lib/http";
import { acceptMfaSchema, completeAcceptMfa, storeLoginResponse } from "@/lib/store/auth";
import { InvitationError } from "@/lib/store/team";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { apiSlug } from "@/lib/tenancy/slug";

/** The second step of joining with an existing account: its code, then the session (201). */
export const POST = apiRoute<{ store: string }>(async (request, { params }) => {
  const slug = apiSlug(request, (await params).store);
  const store = await storeBySlug(slug);
  if (!store) throw new ApiError("NOT_FOUND", { message: "No such store" });
  const { token, ...input } = await readJson(request, acceptMfaSchema);
  try {
    return storeLoginResponse(
      await completeAcceptMfa(store, token, input, requestContext(request.headers)),
      201,
    );
  } catch (error) {
    throw InvitationError.toApi(error);
  }
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
