// The mail queue as a list (admin Outbox, store Mail page). A table on wide screens; below
// the `sm` breakpoint every row stacks into a card with each value under its label, so a
// phone shows whole rows instead of a table to scroll sideways.
import type { ReactNode } from "react";
import { ActionForm, SubmitButton } from "@/components/forms";
import { Badge, Pagination, when } from "@/components/ui";
import type { ActionState } from "@/lib/actions";
import { DELIVERY_STATUSES, type Delivery, type DeliveryQuery, kindLabel } from "@/lib/mail/deliveries";
import { PAGE_SIZE } from "@/lib/validation";

const TONES = { queued: "slate", sent: "green", retrying: "amber", failed: "red" } as const;

const field =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

type Column = { label: string; cell: (d: Delivery) => ReactNode; className?: string };

/** A time that wraps between date and time of day, never inside the date. */
function Stamp({ at }: { at: Date | null }) {
  if (!at) return "—";
  const [date, ...time] = when(at).split(" ");
  return (
    <>
      <span className="whitespace-nowrap">{date}</span>{" "}
      <span className="whitespace-nowrap">{time.join(" ")}</span>
    </>
  );
}

function next(d: Delivery): ReactNode {
  if (d.underWay) return "under way";
  if (!d.nextAttemptAt) return "—";
  return d.nextAttemptAt.getTime() <= Date.now() ? "now" : <Stamp at={d.nextAttemptAt} />;
}

export function DeliveryTable({
  rows,
  total,
  query,
  base,
  showStore = false,
  showError = false,
  retry,
}: {
  rows: Delivery[];
  total: number;
  query: DeliveryQuery;
  base: string;
  showStore?: boolean;
  showError?: boolean;
  /** The "retry now" action of a mail, for those that may be sent again (failed or retrying). */
  retry?: (id: string) => (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const columns: Column[] = [
    { label: "Created", cell: (d) => <Stamp at={d.createdAt} /> },
    { label: "Kind", cell: (d) => kindLabel(d.kind) },
    { label: "To", cell: (d) => d.to, className: "max-sm:break-all sm:min-w-44 sm:[overflow-wrap:anywhere]" },
    ...(showStore ? [{ label: "Store", cell: (d: Delivery) => d.storeSlug ?? "—" }] : []),
    {
      label: "Status",
      cell: (d) => <Badge tone={TONES[d.status]}>{d.status}</Badge>,
    },
    { label: "Attempts", cell: (d) => d.attempts },
    { label: "Next attempt", cell: next },
    { label: "Sent / failed", cell: (d) => <Stamp at={d.finishedAt} /> },
    ...(showError
      ? [
          {
            label: "Last error",
            cell: (d: Delivery) => <span className="block break-words sm:w-44">{d.lastError ?? "—"}</span>,
          },
        ]
      : []),
  ];
  return (
    <div>
      <form className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter mail">
        <select name="status" defaultValue={query.status ?? ""} aria-label="Status" className={field}>
          <option value="">Every status</option>
          {DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
        >
          Filter
        </button>
      </form>
      <div className="rounded-xl border border-slate-200 bg-white sm:overflow-x-auto dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm max-sm:block" aria-label="Mail">
          <thead className="text-slate-500 max-sm:hidden">
            <tr>
              {columns.map((c) => (
                <th key={c.label} className="px-3 py-2 font-medium whitespace-nowrap">
                  {c.label}
                </th>
              ))}
              {retry && (
                <th className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="max-sm:block [&>tr]:border-t [&>tr]:border-slate-100 max-sm:[&>tr:first-child]:border-t-0 dark:[&>tr]:border-slate-800">
            {rows.map((d) => (
              <tr key={d.id} data-mail-id={d.id} className="max-sm:block max-sm:px-4 max-sm:py-3">
                {columns.map((c) => (
                  <td
                    key={c.label}
                    data-label={c.label}
                    className={`px-3 py-2 align-top max-sm:flex max-sm:gap-3 max-sm:px-0 max-sm:py-0.5 max-sm:before:w-28 max-sm:before:shrink-0 max-sm:before:text-slate-500 dark:max-sm:before:text-slate-400 max-sm:before:content-[attr(data-label)] ${c.className ?? ""}`}
                  >
                    <span className="min-w-0">{c.cell(d)}</span>
                  </td>
                ))}
                {retry && (
                  <td className="px-3 py-2 align-top whitespace-nowrap max-sm:block max-sm:px-0 max-sm:pt-2">
                    {(d.status === "failed" || d.status === "retrying") && !d.underWay && (
                      <ActionForm action={retry(d.id)} className="space-y-2" aria-label={`Retry ${d.id}`}>
                        <SubmitButton tone="plain">Retry now</SubmitButton>
                      </ActionForm>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="px-4 py-6 text-center text-sm text-slate-500">No mail here.</p>}
      </div>
      <Pagination page={query.page} total={total} pageSize={PAGE_SIZE} base={base} params={query} />
    </div>
  );
}
