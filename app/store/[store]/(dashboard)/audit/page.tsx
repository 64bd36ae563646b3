import type { Metadata } from "next";
import { AuditTable } from "@/components/audit-table";
import { PageHeader } from "@/components/ui";
import { auditQuery, listAuthEvents } from "@/lib/audit-log";
import { pageQuery } from "@/lib/validation";
import { requireStorePagePermission } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Activity" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Record<string, string>> };

/** The store's own events only: its team's and its shoppers' sign-ins and changes. */
export default async function StoreAuditPage({ params, searchParams }: Props) {
  const [{ store: slug }, raw] = await Promise.all([params, searchParams]);
  const owner = await requireStorePagePermission(slug, "team.manage");
  const query = pageQuery(auditQuery, raw);
  const { rows, total } = await listAuthEvents(query, owner.store.id);
  return (
    <div>
      <PageHeader title="Activity" description={`Sign-ins and changes at ${owner.store.name}.`} />
      <AuditTable rows={rows} total={total} query={query} base={`/store/${slug}/audit`} showStore={false} />
    </div>
  );
}
