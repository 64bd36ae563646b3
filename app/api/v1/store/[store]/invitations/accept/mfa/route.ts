import { otherMethods } from "@/lib/http/methods";
import { apiRoute } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeOfPath } from "@/lib/store/api";
import { completeAcceptMfa, storeLoginResponse } from "@/lib/store/auth";
import { InvitationError } from "@/lib/store/team";

/** The second step of joining with an existing account: its code, then the session (201). */
export const POST = apiRoute(
  STORE_ROUTES.acceptInvitationMfa,
  storeOfPath,
  async ({ loaded: store, body: { token, ...input }, ctx }) => {
    try {
      return storeLoginResponse(await completeAcceptMfa(store, token, input, ctx), 201);
    } catch (error) {
      throw InvitationError.toApi(error);
    }
  },
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
