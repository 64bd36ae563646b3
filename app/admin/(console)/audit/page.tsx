import type { Metadata } from "next";
import { AuditTable } from "@/components/audit-table";
import { PageHeader } from "@/components/ui";
import { auditQuery, listAuthEvents } from "@/lib/audit-log";
import { pageQuery } from "@/lib/validation";
import { requirePagePrincipal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requirePagePrincipal("admin");
  const query = pageQuery(auditQuery, await searchParams);
  const { rows, total } = await listAuthEvents(query);
  return (
    <div>
      <PageHeader
        title="Audit log"
        description="Every sign-in, sign-out, lock, reset and team or store change."
      />
      <AuditTable rows={rows} total={total} query={query} base="/admin/audit" showStore />
    </div>
  );
}
