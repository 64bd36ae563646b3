import type { Metadata } from "next";
import { ConfirmButton } from "@/components/confirm-dialog";
import { ActionForm, Field, SubmitButton, inputClass } from "@/components/forms";
import { Badge, Card, PageHeader, Table } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { STORE_ROLES } from "@/lib/auth/permissions";
import { listTeam, staffMfaRequired } from "@/lib/store/team";
import { changeRoleAction, inviteAction, removeMemberAction, staffMfaPolicyAction } from "../actions";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const member = await requireStorePagePermission(slug, "team.read");
  const canManage = member.permissions.includes("team.manage");
  const [{ members, invitations }, mfaRequired] = await Promise.all([
    listTeam(member.store.id),
    staffMfaRequired(member.store.id),
  ]);
  const activeOwners = members.filter((m) => m.role === "owner" && m.isActive).length;
  return (
    <div className="space-y-8">
      <PageHeader title="Team" description="Who works in this store, and what each may do." />
      <Table
        head={
          canManage
            ? ["Member", "Email", "Role", "Two-factor", "Since", ""]
            : ["Member", "Email", "Role", "Two-factor", "Since"]
        }
      >
        {members.map((m) => (
          <tr key={m.userId}>
            <td className="font-medium">
              {m.username} {m.userId === member.id && <Badge>you</Badge>}
            </td>
            <td>{m.email}</td>
            <td>
              {canManage ? (
                <ActionForm
                  action={changeRoleAction.bind(null, slug, m.userId)}
                  className="flex items-center gap-2"
                >
                  <select
                    name="role"
                    defaultValue={m.role}
                    aria-label={`Role of ${m.username}`}
                    className={`${inputClass} mt-0 w-32`}
                  >
                    {STORE_ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                  <SubmitButton tone="plain" of={`role of ${m.username}`}>
                    Change
                  </SubmitButton>
                </ActionForm>
              ) : (
                <Badge tone="indigo">{m.role}</Badge>
              )}
            </td>
            <td>
              {m.hasTotp ? (
                <Badge tone="green">on</Badge>
              ) : (
                <Badge tone={mfaRequired ? "amber" : "slate"}>off</Badge>
              )}
            </td>
            <td className="whitespace-nowrap">
              <LocalTime date={m.joinedAt} dateOnly />
            </td>
            {canManage && (
              <td>
                {m.role === "owner" && activeOwners === 1 ? (
                  <span className="text-xs text-slate-500">last owner</span>
                ) : (
                  <ConfirmButton
                    action={removeMemberAction.bind(null, slug, m.userId)}
                    label="Remove"
                    name={`Remove ${m.username}`}
                    title={`Remove ${m.username} from the team?`}
                    description={`${m.username} loses access to this store at once and is signed out of it.`}
                    confirmLabel={`Remove ${m.username}`}
                  />
                )}
              </td>
            )}
          </tr>
        ))}
      </Table>
      {invitations.length > 0 && (
        <Card title="Pending invitations">
          <ul className="space-y-1 text-sm">
            {invitations.map((i) => (
              <li key={i.email}>
                {i.email} as <Badge>{i.role}</Badge> · expires <LocalTime date={i.expiresAt} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      {canManage && (
        <Card title="Two-factor sign-in for the team">
          <ActionForm
            action={staffMfaPolicyAction.bind(null, slug, !mfaRequired)}
            aria-label="Two-factor rule"
          >
            <p className="text-sm">
              {mfaRequired
                ? "Every member must sign in with a code from an authenticator app. Members without one are asked to set it up first."
                : "Each member chooses whether to use two-factor sign-in."}
            </p>
            <SubmitButton tone={mfaRequired ? "plain" : "primary"}>
              {mfaRequired ? "Stop requiring two-factor" : "Require two-factor for everyone"}
            </SubmitButton>
          </ActionForm>
        </Card>
      )}
      {canManage && (
        <Card title="Invite someone">
          <ActionForm action={inviteAction.bind(null, slug)} aria-label="Invite">
            <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
              <Field name="email" label="Email" type="email" required autoComplete="off" />
              <div>
                <label htmlFor="field-role" className="block text-sm font-medium">
                  Role
                </label>
                <select id="field-role" name="role" defaultValue="staff" className={inputClass}>
                  {STORE_ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </div>
            </div>
            <SubmitButton>Create invitation</SubmitButton>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
