import { otherMethods } from "@/lib/api-methods";
import { ApiError } from "@/lib/auth/errors";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";
import { InvitationError, acceptInvitation, acceptSchema } from "@/lib/store/team";
import { storeBySlug } from "@/lib/stores/lookup";
import { apiSlug } from "@/lib/stores/slug";

/** Accepts an invitation: a new account (username, password) or an existing one (its password). */
export const POST = apiRoute<{ store: string }>(async (request, { params }) => {
  const slug = apiSlug(request, (await params).store);
  const store = await storeBySlug(slug);
  if (!store) throw new ApiError("NOT_FOUND", { message: "No such store" });
  const input = await readJson(request, acceptSchema);
  try {
    const { userId, username } = await acceptInvitation(store.id, input, requestContext(request.headers));
    return json({ user_id: userId, username, store: { slug: store.slug, code: store.code } }, { status: 201 });
  } catch (error) {
    if (error instanceof InvitationError) {
      throw new ApiError(error.kind === "link" ? "BAD_REQUEST" : "VALIDATION_ERROR", { message: error.message });
    }
    throw error;
  }
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
