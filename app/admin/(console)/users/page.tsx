import type { Metadata } from "next";
import { ConfirmButton } from "@/components/confirm-dialog";
import { ActionForm, SubmitButton } from "@/components/forms";
import { Badge, PageHeader, Pagination, SearchBox, Table } from "@/components/ui";
import { listUsers } from "@/lib/admin/users";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { PAGE_SIZE, listQuery, pageQuery } from "@/lib/validation";
import { userActiveAction } from "../../console-actions";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const admin = await requirePagePrincipal("admin");
  const query = pageQuery(listQuery, await searchParams);
  const { items, total } = await listUsers(query);
  return (
    <div>
      <PageHeader
        title="Users"
        description="Platform admins and store staff. Customers belong to their store."
      />
      <SearchBox q={query.q} placeholder="Search users" />
      <Table
        head={["Username", "Email", "Role", "Stores", "Last sign-in", "Status", ""]}
        empty={items.length === 0}
      >
        {items.map((u) => (
          <tr key={u.id}>
            <td className="font-medium">{u.username}</td>
            <td>{u.email}</td>
            <td>{u.role}</td>
            <td>{u.role === "store" ? u.stores : "—"}</td>
            <td className="whitespace-nowrap">
              {u.lastLoginAt ? <LocalTime date={u.lastLoginAt} /> : "never"}
            </td>
            <td>{u.isActive ? <Badge tone="green">active</Badge> : <Badge tone="red">deactivated</Badge>}</td>
            <td>
              {u.id !== admin.id &&
                (u.isActive ? (
                  <ConfirmButton
                    action={userActiveAction.bind(null, u.id, false)}
                    label="Deactivate"
                    name={`Deactivate ${u.username}`}
                    title={`Deactivate ${u.username}?`}
                    description={`${u.username} is signed out everywhere and cannot sign in until reactivated.`}
                    confirmLabel={`Deactivate ${u.username}`}
                  />
                ) : (
                  <ActionForm action={userActiveAction.bind(null, u.id, true)}>
                    <SubmitButton tone="plain" of={u.username}>
                      Reactivate
                    </SubmitButton>
                  </ActionForm>
                ))}
            </td>
          </tr>
        ))}
      </Table>
      <Pagination page={query.page} total={total} pageSize={PAGE_SIZE} base="/admin/users" params={query} />
    </div>
  );
}
