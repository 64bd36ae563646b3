import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton, inputClass } from "@/components/forms";
import { Card, PageHeader, Table } from "@/components/ui";
import { AREA_NAMES } from "@/lib/auth/areas";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { lockRows } from "@/lib/admin/locks";
import { LOCKOUT } from "@/lib/auth/throttle";
import { unlockAction } from "../../console-actions";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Locked accounts" };

export default async function LocksPage() {
  await requirePagePrincipal("admin");
  const locks = await lockRows();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Locked accounts"
        description={`After ${LOCKOUT.failures} failed sign-ins in ${LOCKOUT.windowSeconds / 60} minutes an account is locked for ${LOCKOUT.lockSeconds / 60} minutes, whichever spelling of its login was typed; an identifier no account has locks the same way.`}
      />
      {locks === null ? (
        <p className="text-sm text-slate-500">
          Locks are kept in Redis here; unlock by username or email below.
        </p>
      ) : (
        <Table head={["Area", "Store", "Account", "Locked until", ""]} empty={locks.length === 0}>
          {locks.map((l) => (
            <tr key={`${l.area} ${l.store} ${l.account ?? l.identifier}`}>
              <td>{l.area}</td>
              <td>
                {l.storeName ?? l.store ?? "—"}
                {l.storeName && l.store && (
                  <span className="ml-1 font-mono text-xs text-slate-600 dark:text-slate-400">{l.store}</span>
                )}
              </td>
              <td>
                {l.account ?? <span className="text-slate-500">“{l.identifier}” (no such account)</span>}
              </td>
              <td>
                <LocalTime date={l.until} />
              </td>
              <td>
                {l.unlock && (
                  <ActionForm action={unlockAction} aria-label={`Unlock ${l.account ?? l.identifier}`}>
                    <input type="hidden" name="area" value={l.unlock.area} />
                    <input type="hidden" name="identifier" value={l.unlock.identifier} />
                    {l.unlock.store_code && (
                      <input type="hidden" name="store_code" value={l.unlock.store_code} />
                    )}
                    <SubmitButton tone="plain">
                      Unlock<span className="sr-only"> {l.account ?? l.identifier}</span>
                    </SubmitButton>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Card title="Unlock">
        <ActionForm action={unlockAction} aria-label="Unlock">
          <div className="grid gap-4 sm:grid-cols-3">
            <div>
              <label htmlFor="field-area" className="block text-sm font-medium">
                Area
              </label>
              <select id="field-area" name="area" className={inputClass}>
                {AREA_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <Field name="store_code" label="Store code (customers only)" />
            <Field name="identifier" label="Email or username" required />
          </div>
          <SubmitButton>Unlock</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
