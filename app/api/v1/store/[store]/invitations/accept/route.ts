import { otherMethods } from "@/lib/http/methods";
import { ApiError } from "@/lib/http/errors";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";
import { signInToAccept, storeLoginResponse } from "@/lib/store/auth";
import { InvitationError, acceptInvitation, acceptSchema } from "@/lib/store/team";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { apiSlug } from "@/lib/tenancy/slug";

/**
 * Accepts an invitation. With a username: a new account for the invited address. Without: a
 * sign-in as that address's existing account, answered like a login (401, 423, or
 * `mfa_required` with the code then sent to `accept/mfa`); on success 201 with a session.
 */
export const POST = apiRoute<{ store: string }>(async (request, { params }) => {
  const slug = apiSlug(request, (await params).store);
  const store = await storeBySlug(slug);
  if (!store) throw new ApiError("NOT_FOUND", { message: "No such store" });
  const input = await readJson(request, acceptSchema);
  const ctx = requestContext(request.headers);
  try {
    if (input.username === undefined) return storeLoginResponse(await signInToAccept(store, input, ctx), 201);
    const { userId, username } = await acceptInvitation(store.id, input, ctx);
    return json(
      { user_id: userId, username, store: { slug: store.slug, code: store.code } },
      { status: 201 },
    );
  } catch (error) {
    throw InvitationError.toApi(error);
  }
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
