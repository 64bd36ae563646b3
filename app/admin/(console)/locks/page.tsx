import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton, inputClass } from "@/components/forms";
import { Card, PageHeader, Table, when } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { LOCKOUT, listLocks } from "@/lib/auth/throttle";
import { unlockAction } from "../../console-actions";

export const metadata: Metadata = { title: "Locked accounts" };

export default async function LocksPage() {
  await requirePagePrincipal("admin");
  const locks = await listLocks();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Locked accounts"
        description={`After ${LOCKOUT.failures} failed sign-ins in ${LOCKOUT.windowSeconds / 60} minutes an identifier is locked for ${LOCKOUT.lockSeconds / 60} minutes, whether or not an account has it.`}
      />
      {locks === null ? (
        <p className="text-sm text-slate-500">Locks are kept in Redis here; unlock by identifier below.</p>
      ) : (
        <Table head={["Area", "Store", "Identifier", "Locked until"]} empty={locks.length === 0}>
          {locks.map((l) => {
            const [area, store, ...rest] = l.key.split(":");
            return (
              <tr key={l.key}>
                <td>{area}</td>
                <td className="font-mono text-xs">{store === "-" ? "—" : store}</td>
                <td>{rest.join(":")}</td>
                <td>{when(l.until)}</td>
              </tr>
            );
          })}
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
                <option value="admin">admin</option>
                <option value="store">store</option>
                <option value="customer">customer</option>
              </select>
            </div>
            <Field name="store_code" label="Store code (store and customer)" />
            <Field name="identifier" label="Email or username" required />
          </div>
          <SubmitButton>Unlock</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
