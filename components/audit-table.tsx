// The audit trail as a table with its filters, for the admin console and store owners.
import { Pagination, Table } from "@/components/ui";
import type { AuditQuery } from "@/lib/audit-log";
import { AUTH_EVENT_TYPES } from "@/lib/audit-events";
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
  "mt-1 block h-9 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal dark:border-slate-700 dark:bg-slate-900";
const label = "block text-sm font-medium";

/** An event type as people read it: "login failed". */
function eventName(type: string): string {
  return type.replaceAll("_", " ");
}

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
  // A type typed into the address that the list does not know stays selected.
  const types: readonly string[] =
    query.type && !(AUTH_EVENT_TYPES as readonly string[]).includes(query.type)
      ? [...AUTH_EVENT_TYPES, query.type]
      : AUTH_EVENT_TYPES;
  return (
    <div>
      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter events">
        <div>
          <label htmlFor="audit-area" className={label}>
            Area
          </label>
          <select id="audit-area" name="area" defaultValue={query.area ?? ""} className={field}>
            <option value="">All areas</option>
            {AREA_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {showStore && (
          <div>
            <label htmlFor="audit-store" className={label}>
              Store
            </label>
            <input
              id="audit-store"
              name="store"
              defaultValue={query.store}
              placeholder="Code or slug"
              className={field}
            />
          </div>
        )}
        <div>
          <label htmlFor="audit-event-type" className={label}>
            Event type
          </label>
          <select id="audit-event-type" name="type" defaultValue={query.type ?? ""} className={field}>
            <option value="">All events</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {eventName(type)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-who" className={label}>
            Who
          </label>
          <input
            id="audit-who"
            name="who"
            defaultValue={query.who}
            placeholder="Username or email"
            className={field}
          />
        </div>
        <div>
          <label htmlFor="audit-from" className={label}>
            From
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={query.from} className={field} />
        </div>
        <div>
          <label htmlFor="audit-to" className={label}>
            To
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={query.to} className={field} />
        </div>
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
            <td>{eventName(r.event.type)}</td>
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
