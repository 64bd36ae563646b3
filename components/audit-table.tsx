// The audit trail as a table with its filters, for the admin console and store owners.
import { Pagination, Table } from "@/components/ui";
import type { AuditQuery } from "@/lib/audit-log";
import { AREA_NAMES } from "@/lib/auth/areas";
import { PAGE_SIZE } from "@/lib/validation";
import { LocalTime } from "@/components/local-time";

type Row = {
  event: {
    id: number;
    createdAt: Date;
    type: string;
    area: string;
    identifier: string | null;
    ip: string | null;
  };
  username: string | null;
  customerEmail: string | null;
  storeSlug: string | null;
};

const field =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

export function AuditTable({
  rows,
  total,
  query,
  base,
  showStore,
}: {
  rows: Row[];
  total: number;
  query: AuditQuery;
  base: string;
  showStore: boolean;
}) {
  return (
    <div>
      <form className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter events">
        <select name="area" defaultValue={query.area ?? ""} aria-label="Area" className={field}>
          <option value="">All areas</option>
          {AREA_NAMES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {showStore && (
          <input
            name="store"
            defaultValue={query.store}
            placeholder="Store code"
            aria-label="Store"
            className={field}
          />
        )}
        <input
          name="type"
          defaultValue={query.type}
          placeholder="Event, e.g. login_failed"
          aria-label="Event type"
          className={field}
        />
        <input
          name="who"
          defaultValue={query.who}
          placeholder="Username or email"
          aria-label="Who"
          className={field}
        />
        <input name="from" type="date" defaultValue={query.from} aria-label="From" className={field} />
        <input name="to" type="date" defaultValue={query.to} aria-label="To" className={field} />
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
        >
          Filter
        </button>
      </form>
      <Table
        head={
          showStore ? ["When", "Event", "Area", "Store", "Who", "IP"] : ["When", "Event", "Area", "Who", "IP"]
        }
        empty={rows.length === 0}
      >
        {rows.map((r) => (
          <tr key={r.event.id}>
            <td className="whitespace-nowrap">
              <LocalTime date={r.event.createdAt} />
            </td>
            <td>{r.event.type.replaceAll("_", " ")}</td>
            <td>{r.event.area}</td>
            {showStore && <td>{r.storeSlug ?? "—"}</td>}
            <td className="break-all">{r.username ?? r.customerEmail ?? r.event.identifier ?? "—"}</td>
            <td>{r.event.ip ?? "—"}</td>
          </tr>
        ))}
      </Table>
      <Pagination page={query.page} total={total} pageSize={PAGE_SIZE} base={base} params={query} />
    </div>
  );
}
