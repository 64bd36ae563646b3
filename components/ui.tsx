// Presentational pieces shared by the console and the dashboards.
import Link from "next/link";
import { Children, type ReactNode, cloneElement, isValidElement } from "react";

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        {description && <p className="mt-1 text-slate-600 dark:text-slate-400">{description}</p>}
      </div>
      {actions && <div className="flex gap-2">{actions}</div>}
    </div>
  );
}

export function Card({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      {title && <h2 className="mb-4 text-lg font-semibold">{title}</h2>}
      {children}
    </section>
  );
}

/**
 * Gives each cell of each row its column's heading as `data-label`, which `.stack-table` shows
 * beside the value when rows become cards on phones. Rows and cells written inline are
 * labelled; a row rendered by a component of its own keeps its cells unlabelled.
 */
function labelled(children: ReactNode, head: string[]): ReactNode {
  return Children.map(children, (row) => {
    if (!isValidElement<{ children?: ReactNode }>(row) || row.type !== "tr") return row;
    let column = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement<{ colSpan?: number; "data-label"?: string }>(cell) || cell.type !== "td")
        return cell;
      const label = head[column];
      column += cell.props.colSpan ?? 1;
      // A cell spanning columns (a total's caption) or under an empty heading has no label.
      if (!label || (cell.props.colSpan ?? 1) > 1 || cell.props["data-label"] !== undefined) return cell;
      return cloneElement(cell, { "data-label": label });
    });
    return cloneElement(row, {}, cells);
  });
}

export function Table({ head, children, empty }: { head: string[]; children: ReactNode; empty?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="stack-table w-full text-left text-sm">
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            {head.map((h, i) => (
              <th key={h || i} className="px-4 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="[&>tr]:border-t [&>tr]:border-slate-100 dark:[&>tr]:border-slate-800 [&_td]:px-4 [&_td]:py-2">
          {labelled(children, head)}
        </tbody>
      </table>
      {empty && (
        <p className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">Nothing here yet.</p>
      )}
    </div>
  );
}

export function Badge({
  children,
  tone = "slate",
}: {
  children: ReactNode;
  tone?: "slate" | "green" | "amber" | "red" | "indigo";
}) {
  const tones = {
    slate: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
    green: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
    amber: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
    red: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
    indigo: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300",
  };
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}

export function SearchBox({ q, placeholder }: { q?: string; placeholder: string }) {
  return (
    <form role="search" className="mb-4 flex gap-2">
      <input
        name="q"
        defaultValue={q}
        placeholder={placeholder}
        aria-label={placeholder}
        className="w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700"
      >
        Search
      </button>
    </form>
  );
}

/** Page links for a list at `base`, keeping its other filters (`params`) in the query string. */
export function Pagination({
  page,
  total,
  pageSize,
  base,
  params = {},
}: {
  page: number;
  total: number;
  pageSize: number;
  base: string;
  params?: Record<string, string | number | undefined>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return <p className="mt-3 text-sm text-slate-500">{total} in all</p>;
  const href = (to: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params))
      if (v !== undefined && v !== "" && k !== "page") query.set(k, String(v));
    query.set("page", String(to));
    return `${base}?${query}`;
  };
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
      {page > 1 && <Link href={href(page - 1)}>← Previous</Link>}
      <span className="text-slate-500">
        Page {page} of {pages} · {total} in all
      </span>
      {page < pages && <Link href={href(page + 1)}>Next →</Link>}
    </nav>
  );
}

export function money(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(cents / 100);
}

export function when(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

const ORDER_TONES = {
  pending_payment: "amber",
  paid: "indigo",
  processing: "indigo",
  shipped: "green",
  delivered: "green",
  cancelled: "red",
  refunded: "slate",
} as const;

/** An order's status as a badge, its colour by where the order stands. */
export function OrderStatusBadge({ status }: { status: keyof typeof ORDER_TONES }) {
  return <Badge tone={ORDER_TONES[status]}>{status.replace("_", " ")}</Badge>;
}

/** Shown wherever a product with no stock is listed or shown. */
export function OutOfStockBadge() {
  return <Badge tone="red">out of stock</Badge>;
}
