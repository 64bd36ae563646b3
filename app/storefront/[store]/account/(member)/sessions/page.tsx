import type { Metadata } from "next";
import { SessionsTable } from "@/components/sessions-table";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { listSessions } from "@/lib/auth/session-list";
import { endCustomerSessionAction, endOtherCustomerSessionsAction } from "../../../actions";

export const metadata: Metadata = { title: "Sessions" };

export default async function CustomerSessionsPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const rows = await listSessions({ area: "customer", customerId: me.id }, me.sessionId);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">Where you are signed in</h1>
      <SessionsTable
        rows={rows}
        endOne={(id) => endCustomerSessionAction.bind(null, slug, id)}
        endOthers={endOtherCustomerSessionsAction.bind(null, slug)}
      />
    </div>
  );
}
