// The "where you are signed in" list of every area, with sign-out per session and for all others.
import { ConfirmButton } from "@/components/confirm-dialog";
import { ActionForm, SubmitButton } from "@/components/forms";
import { Badge, Table, when } from "@/components/ui";
import type { ActionState } from "@/lib/actions";
import { LocalTime } from "@/components/local-time";

type Row = {
  id: string;
  userAgent: string | null;
  ip: string | null;
  lastUsedAt: Date;
  createdAt: Date;
  current: boolean;
};
type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** A short name for a user agent: browser and system, enough to recognise a device. */
function device(ua: string | null): string {
  if (!ua) return "Unknown device";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Chrome\//.test(ua)
      ? "Chrome"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Safari\//.test(ua)
          ? "Safari"
          : /curl\//.test(ua)
            ? "curl"
            : "Browser";
  const system = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Mac OS X/.test(ua)
        ? "macOS"
        : /Windows/.test(ua)
          ? "Windows"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return system ? `${browser} on ${system}` : browser;
}

export function SessionsTable({
  rows,
  endOne,
  endOthers,
}: {
  rows: Row[];
  endOne: (id: string) => Action;
  endOthers: Action;
}) {
  const others = rows.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      <Table head={["Device", "IP", "Signed in", "Last used", ""]} empty={rows.length === 0}>
        {rows.map((s) => (
          <tr key={s.id}>
            <td title={s.userAgent ?? undefined}>
              {device(s.userAgent)} {s.current && <Badge tone="green">this device</Badge>}
            </td>
            <td>{s.ip ?? "—"}</td>
            <td className="whitespace-nowrap">
              <LocalTime date={s.createdAt} />
            </td>
            <td className="whitespace-nowrap">
              <LocalTime date={s.lastUsedAt} />
            </td>
            <td className="whitespace-nowrap">
              {!s.current && (
                <ActionForm action={endOne(s.id)}>
                  {/* Each row's button names its session: "Sign out Chrome on Linux, signed in …". */}
                  <SubmitButton tone="plain" of={`${device(s.userAgent)}, signed in ${when(s.createdAt)}`}>
                    Sign out
                  </SubmitButton>
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </Table>
      {rows.length > 1 && (
        <ConfirmButton
          action={endOthers}
          label="Sign out all other sessions"
          title="Sign out all other sessions?"
          description="Every other device signed in to this account is signed out at once and must sign in again. This device stays signed in."
          confirmLabel={`Sign out ${others} other session${others === 1 ? "" : "s"}`}
        />
      )}
    </div>
  );
}
