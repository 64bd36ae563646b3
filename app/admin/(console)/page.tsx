import { count, desc, eq } from "drizzle-orm";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { authEvents, customers, stores, users } from "@/db/schema";
import { Table } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Admin dashboard" };

async function figures() {
  const [[storeCount], [userCount], [customerCount], recent] = await Promise.all([
    db().select({ n: count() }).from(stores),
    db().select({ n: count() }).from(users).where(eq(users.role, "store")),
    db().select({ n: count() }).from(customers),
    db()
      .select({
        id: authEvents.id,
        type: authEvents.type,
        area: authEvents.area,
        at: authEvents.createdAt,
        ip: authEvents.ip,
      })
      .from(authEvents)
      .orderBy(desc(authEvents.createdAt))
      .limit(8),
  ]);
  return { stores: storeCount?.n ?? 0, users: userCount?.n ?? 0, customers: customerCount?.n ?? 0, recent };
}

export default async function AdminDashboard() {
  const admin = await requirePagePrincipal("admin");
  const data = await figures();
  const cards = [
    { label: "Stores", value: data.stores },
    { label: "Store users", value: data.users },
    { label: "Customers", value: data.customers },
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <p className="text-slate-600 dark:text-slate-400">Welcome back, {admin.username}.</p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-3">
        {cards.map((c) => (
          <div
            key={c.label}
            className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
          >
            <dt className="text-sm text-slate-500">{c.label}</dt>
            <dd className="mt-1 text-3xl font-semibold">{c.value}</dd>
          </div>
        ))}
      </dl>
      <section>
        <h2 className="text-lg font-semibold">Recent sign-in activity</h2>
        <div className="mt-3">
          <Table head={["When (UTC)", "Event", "Area", "IP"]} empty={data.recent.length === 0}>
            {data.recent.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap">{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{e.type.replaceAll("_", " ")}</td>
                <td>{e.area}</td>
                <td>{e.ip ?? "—"}</td>
              </tr>
            ))}
          </Table>
        </div>
      </section>
    </div>
  );
}
