// The signed-in security forms of every area, each bound to the principal's area and store:
// change the password, two-factor sign-in, and the list of the principal's sessions. The
// area's page places them in its own layout.
import { ChangePasswordForm } from "@/components/forms";
import { SessionsTable } from "@/components/sessions-table";
import { TwoFactorSettings } from "@/components/two-factor";
import { AREAS } from "@/lib/auth/areas";
import { listSessions } from "@/lib/auth/session-list";
import { totpHolder, totpStatusView } from "@/lib/auth/totp-account";
import { changePasswordAction, endSessionsAction, totpAction } from "@/lib/auth-ui/actions";
import { type AnyPrincipal, type AuthAt, sessionOwnerOf } from "@/lib/auth-ui/rows";

type Props = { principal: AnyPrincipal };

/** What the actions are bound to: the principal's area, and its store's slug ("" without stores). */
const atOf = (p: AnyPrincipal): AuthAt => ({
  area: p.area,
  slug: "store" in p && AREAS[p.area].storeScoped ? p.store.slug : "",
});

export function ChangePassword({ principal }: Props) {
  return (
    <ChangePasswordForm
      action={changePasswordAction.bind(null, atOf(principal))}
      minLength={AREAS[principal.area].minPasswordChars}
    />
  );
}

export async function TwoFactor({ principal }: Props) {
  const status = await totpStatusView(totpHolder(principal));
  const at = atOf(principal);
  return (
    <TwoFactorSettings
      status={status}
      actions={{
        setup: totpAction.bind(null, at, "setup"),
        enable: totpAction.bind(null, at, "enable"),
        disable: totpAction.bind(null, at, "disable"),
        recovery: totpAction.bind(null, at, "recovery"),
      }}
    />
  );
}

export async function Sessions({ principal }: Props) {
  const rows = await listSessions(sessionOwnerOf(principal), principal.sessionId);
  const at = atOf(principal);
  return (
    <SessionsTable
      rows={rows}
      endOne={(id) => endSessionsAction.bind(null, at, id)}
      endOthers={endSessionsAction.bind(null, at, null)}
    />
  );
}
