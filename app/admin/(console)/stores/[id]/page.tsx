import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmButton } from "@/components/confirm-dialog";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Badge, Card, PageHeader, Table } from "@/components/ui";
import { getStoreDetail } from "@/lib/admin/stores";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/not-found";
import { idParam } from "@/lib/validation";
import { renameStoreAction, storeStatusAction, verifyDomainAction } from "../../../console-actions";

export const metadata: Metadata = { title: "Store" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> };

export default async function AdminStorePage({ params, searchParams }: Props) {
  await requirePagePrincipal("admin");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { store, members, domains } = await orNotFound(() => getStoreDetail(idParam(id, "store")));
  const suspended = store.status === "suspended";
  return (
    <div className="space-y-6">
      <PageHeader
        title={store.name}
        description={`${store.code} · /store/${store.slug}`}
        actions={suspended ? <Badge tone="red">suspended</Badge> : <Badge tone="green">active</Badge>}
      />
      {query.created === "1" && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Store created. Its owner signs in at{" "}
          <Link href={`/store/${store.slug}/login`}>/store/{store.slug}/login</Link>.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Details">
          <ActionForm action={renameStoreAction.bind(null, store.id)} aria-label="Store details">
            <Field name="name" label="Store name" required defaultValue={store.name} />
            <SubmitButton>Save</SubmitButton>
          </ActionForm>
        </Card>
        <Card title={suspended ? "Reactivate" : "Suspend"}>
          {suspended ? (
            <ActionForm action={storeStatusAction.bind(null, store.id, "active")}>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                The dashboard and shop open again and the team can sign in.
              </p>
              <SubmitButton>Reactivate store</SubmitButton>
            </ActionForm>
          ) : (
            <ConfirmButton
              action={storeStatusAction.bind(null, store.id, "suspended")}
              label="Suspend store"
              title={`Suspend ${store.name}?`}
              description="Its dashboard and shop answer “unavailable” and nobody of its team can sign in until the store is reactivated. Everyone signed in is signed out."
              confirmLabel={`Suspend ${store.name}`}
            >
              <p className="text-sm text-slate-600 dark:text-slate-400">
                The dashboard and shop answer “unavailable” and nobody of the team can sign in.
              </p>
            </ConfirmButton>
          )}
        </Card>
      </div>
      <Card title="Team">
        <Table head={["Member", "Email", "Role", "Status"]} empty={members.length === 0}>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>{m.username}</td>
              <td>{m.email}</td>
              <td>{m.role}</td>
              <td>{m.isActive ? "active" : "inactive"}</td>
            </tr>
          ))}
        </Table>
      </Card>
      <Card title="Custom domains">
        <ul className="space-y-2">
          {domains.length === 0 && <li className="text-sm text-slate-500">None.</li>}
          {domains.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-3">
              <span className="font-mono">{d.domain}</span>
              {d.isVerified ? <Badge tone="green">verified</Badge> : <Badge tone="amber">unverified</Badge>}
              <ActionForm action={verifyDomainAction.bind(null, store.id, d.id, !d.isVerified)}>
                <SubmitButton tone="plain" of={d.domain}>
                  {d.isVerified ? "Withdraw verification" : "Mark verified"}
                </SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
