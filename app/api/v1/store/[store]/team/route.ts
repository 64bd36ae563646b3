import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { platformLink } from "@/lib/links";
import { storeRoute } from "@/lib/store/api";
import { inviteMember, listTeam } from "@/lib/store/team";

export const GET = storeRoute(STORE_ROUTES.team, async ({ principal }) => {
  const { members, invitations } = await listTeam(principal.store.id);
  return json({
    members: members.map((m) => ({
      user_id: m.userId,
      username: m.username,
      email: m.email,
      role: m.role,
      is_active: m.isActive,
      joined_at: m.joinedAt.toISOString(),
      two_factor: m.hasTotp,
    })),
    invitations: invitations.map((i) => ({
      email: i.email,
      role: i.role,
      expires_at: i.expiresAt.toISOString(),
    })),
  });
});

/** Invites by email; the one-time link is returned to the owner to pass on. */
export const POST = storeRoute(STORE_ROUTES.invite, async ({ principal, body: input, ctx }) => {
  const invitation = await inviteMember(principal, input, ctx);
  const url = platformLink(invitation.path);
  return json(
    {
      email: input.email,
      role: input.role,
      invitation_url: url,
      expires_at: invitation.expiresAt.toISOString(),
    },
    { status: 201 },
  );
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
