import type { Metadata } from "next";
import { SessionsTable } from "@/components/sessions-table";
import { PageHeader } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { listSessions } from "@/lib/auth/session-list";
import { endAdminSessionAction, endOtherAdminSessionsAction } from "../../console-actions";

export const metadata: Metadata = { title: "Your sessions" };

export default async function AdminSessionsPage() {
  const admin = await requirePagePrincipal("admin");
  const rows = await listSessions({ area: "admin", userId: admin.id }, admin.sessionId);
  return (
    <div>
      <PageHeader title="Your sessions" description="Where your admin account is signed in." />
      <SessionsTable
        rows={rows}
        endOne={(id) => endAdminSessionAction.bind(null, id)}
        endOthers={endOtherAdminSessionsAction}
      />
    </div>
  );
}
