// The delivery view of the mail queue: each mail's kind, recipient, store, status, attempts
// and dates, read from pg-boss's job and archive tables. Only those fields are selected: the
// job's data also holds the rendered message with its link, which never leaves the database
// here. Admins also get the last error, sanitised; store owners never do.
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { config } from "@/lib/config";
import { PAGE_SIZE, pageField } from "@/lib/validation";
import { failureLine } from "./delivery-error";

export const DELIVERY_STATUSES = ["queued", "sent", "retrying", "failed"] as const;
type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** `status` and `page` of a delivery list; the API answers 422 to a status it does not know. */
export const deliveryQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  page: pageField,
});
export type DeliveryQuery = z.infer<typeof deliveryQuery>;

export type Delivery = {
  id: string;
  kind: string;
  to: string;
  storeId: string | null;
  storeSlug: string | null;
  status: DeliveryStatus;
  attempts: number;
  /** An attempt is being made right now. */
  underWay: boolean;
  createdAt: Date;
  /** When a queued or retrying mail is next tried. */
  nextAttemptAt: Date | null;
  /** When it was sent, or given up as failed. */
  finishedAt: Date | null;
  /** The last failure, sanitised; only in the admin's view. */
  lastError?: string | null;
};

type Row = {
  id: string;
  state: string;
  status: DeliveryStatus;
  kind: string | null;
  recipient: string | null;
  store_id: string | null;
  store_slug: string | null;
  attempts: number;
  created_on: Date | string;
  start_after: Date | string;
  completed_on: Date | string | null;
  error_message?: string | null;
  error_code?: string | null;
  error_response_code?: string | null;
  error_value?: string | null;
  total: number;
};

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

// pg-boss's states as the four a person reads: `created` is queued; a first attempt under way
// (`active`) still queued, a later one retrying; `retry` retrying; `completed` sent;
// `failed` (and `cancelled`, which Orion never does) failed.
const STATUS = sql.raw(`case
  when state = 'completed' then 'sent'
  when state in ('failed', 'cancelled') then 'failed'
  when state = 'retry' or (state = 'active' and retry_count > 0) then 'retrying'
  else 'queued' end`);

const COLUMNS =
  "id, name, state, data, retry_count, started_on, start_after, created_on, completed_on, output";

async function select(options: {
  storeId?: string;
  id?: string;
  status?: DeliveryStatus;
  withErrors: boolean;
  page: number;
}): Promise<{ rows: Delivery[]; total: number }> {
  const { mailQueue } = config();
  const filters: SQL[] = [sql`true`];
  if (options.status) filters.push(sql`v.status = ${options.status}`);
  if (options.storeId) filters.push(sql`v.store_id = ${options.storeId}`);
  if (options.id) filters.push(sql`v.id::text = ${options.id}`);
  const errors = options.withErrors
    ? sql.raw(`,
        output->>'message' as error_message, output->>'code' as error_code,
        output->>'responseCode' as error_response_code,
        case when jsonb_typeof(output->'value') = 'string' then output->>'value' end as error_value`)
    : sql.raw("");
  const result = await db().execute(sql`
    with mail as (
      select ${sql.raw(COLUMNS)} from pgboss.job where name = ${mailQueue}
      union all
      select ${sql.raw(COLUMNS)} from pgboss.archive where name = ${mailQueue}
    ), v as (
      select id, state, ${STATUS} as status,
        data->>'kind' as kind, data->>'to' as recipient, data->>'storeId' as store_id,
        retry_count + case when started_on is null then 0 else 1 end as attempts,
        created_on, start_after, completed_on ${errors}
      from mail
    )
    select v.*, s.slug as store_slug, count(*) over ()::int as total
    from v left join stores s on s.id::text = v.store_id
    where ${sql.join(filters, sql` and `)}
    order by v.created_on desc, v.id desc
    limit ${PAGE_SIZE} offset ${(options.page - 1) * PAGE_SIZE}`);
  const rows = Array.from(result as unknown as ArrayLike<Row>);
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => {
      const waiting = r.status === "queued" || r.status === "retrying";
      const delivery: Delivery = {
        id: r.id,
        kind: r.kind ?? "mail",
        to: r.recipient ?? "",
        storeId: r.store_id,
        storeSlug: r.store_slug,
        status: r.status,
        attempts: Number(r.attempts),
        underWay: r.state === "active",
        createdAt: date(r.created_on),
        nextAttemptAt: waiting && r.state !== "active" ? date(r.start_after) : null,
        finishedAt: waiting || !r.completed_on ? null : date(r.completed_on),
      };
      if (options.withErrors) {
        delivery.lastError =
          r.status === "sent"
            ? null
            : failureLine({
                message: r.error_message,
                code: r.error_code,
                responseCode: r.error_response_code,
                value: r.error_value,
              });
      }
      return delivery;
    }),
  };
}

/** Every mail of this instance's queue (admin console), newest first, with its last error. */
export function listDeliveries(query: DeliveryQuery) {
  return select({ ...query, withErrors: true });
}

/** The mail sent in the name of one store (its owners' view): no errors, no bodies. */
export function listStoreDeliveries(storeId: string, query: DeliveryQuery) {
  return select({ ...query, storeId, withErrors: false });
}

/** One mail of a store, or null for any id that is not that store's. */
export async function getStoreDelivery(storeId: string, id: string): Promise<Delivery | null> {
  const { rows } = await select({ storeId, id, withErrors: false, page: 1 });
  return rows[0] ?? null;
}

/** One mail of the queue, with its last error (admin console), or null. */
export async function getDelivery(id: string): Promise<Delivery | null> {
  const { rows } = await select({ id, withErrors: true, page: 1 });
  return rows[0] ?? null;
}

/** A delivery as the API shows it to a store. */
export function storeDeliveryView(d: Delivery) {
  return {
    id: d.id,
    kind: d.kind,
    to: d.to,
    status: d.status,
    attempts: d.attempts,
    created_at: d.createdAt.toISOString(),
    next_attempt_at: d.nextAttemptAt?.toISOString() ?? null,
    finished_at: d.finishedAt?.toISOString() ?? null,
  };
}

/** The kind as words: `notice_password_changed` → "password changed notice". */
export function kindLabel(kind: string): string {
  if (kind.startsWith("notice_")) return `${kind.slice(7).replaceAll("_", " ")} notice`;
  return kind.replaceAll("_", " ");
}
