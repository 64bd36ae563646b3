import { and, count, eq, isNull } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { customers, orders, products, storeMembers } from "@/db/schema";
import { PageHeader } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Store dashboard" };

export default async function StoreDashboard({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const member = await requireStorePagePermission(slug, "dashboard.read");
  const storeId = member.store.id;
  const [[p], [o], [open], [c], [t]] = await Promise.all([
    db()
      .select({ n: count() })
      .from(products)
      .where(and(eq(products.storeId, storeId), isNull(products.archivedAt))),
    db().select({ n: count() }).from(orders).where(eq(orders.storeId, storeId)),
    db()
      .select({ n: count() })
      .from(orders)
      .where(and(eq(orders.storeId, storeId), eq(orders.status, "pending_payment"))),
    db().select({ n: count() }).from(customers).where(eq(customers.storeId, storeId)),
    db()
      .select({ n: count() })
      .from(storeMembers)
      .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.isActive, true))),
  ]);
  const cards = [
    { label: "Products", value: p?.n ?? 0, href: "/products" },
    { label: "Orders", value: o?.n ?? 0, href: "/orders" },
    { label: "Awaiting payment", value: open?.n ?? 0, href: "/orders?status=pending_payment" },
    { label: "Customers", value: c?.n ?? 0, href: "/customers" },
    { label: "Team", value: t?.n ?? 0, href: "/team" },
  ];
  return (
    <div>
      <PageHeader title="Dashboard" description={`Welcome back, ${member.username}.`} />
      <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {cards.map((card) => (
          // The whole card is the link: its box stretches over the card (after:inset-0).
          <div
            key={card.label}
            className="relative rounded-xl border border-slate-200 bg-white p-5 hover:border-indigo-400 dark:border-slate-800 dark:bg-slate-900"
          >
            <dt className="text-sm text-slate-600 dark:text-slate-400">
              <Link href={`/store/${slug}${card.href}`} className="after:absolute after:inset-0">
                {card.label}
              </Link>
            </dt>
            <dd className="mt-1 text-3xl font-semibold">{card.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
