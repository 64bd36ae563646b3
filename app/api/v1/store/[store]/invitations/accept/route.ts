import { otherMethods } from "@/lib/http/methods";
import { apiRoute, json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeOfPath } from "@/lib/store/api";
import { signInToAccept, storeLoginResponse } from "@/lib/store/auth";
import { InvitationError, acceptInvitation } from "@/lib/store/team";

/**
 * Accepts an invitation. With a username: a new account for the invited address. Without: a
 * sign-in as that address's existing account, answered like a login (401, 423, or
 * `mfa_required` with the code then sent to `accept/mfa`); on success 201 with a session.
 */
export const POST = apiRoute(
  STORE_ROUTES.acceptInvitation,
  storeOfPath,
  async ({ loaded: store, body, ctx }) => {
    try {
      if (body.username === undefined) return storeLoginResponse(await signInToAccept(store, body, ctx), 201);
      const { userId, username } = await acceptInvitation(store.id, body, ctx);
      return json(
        { user_id: userId, username, store: { slug: store.slug, code: store.code } },
        { status: 201 },
      );
    } catch (error) {
      throw InvitationError.toApi(error);
    }
  },
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
