import { desc, eq } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { DeliveryTable } from "@/components/delivery-table";
import { Card, PageHeader, Table } from "@/components/ui";
import { db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { config } from "@/lib/config";
import { deliveryQuery, getDelivery, kindLabel, listDeliveries } from "@/lib/mail/deliveries";
import { pageQuery } from "@/lib/validation";
import { retryMailAction } from "../../console-actions";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Outbox" };

/** Plain text with its URLs as links (rendered by React, so nothing in it is markup). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="break-all text-indigo-600 underline dark:text-indigo-400">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const retry = (id: string) => retryMailAction.bind(null, id);

/**
 * The delivery view of the mail queue (every mail's status, attempts and last error, never
 * its body) and, on a server without SMTP, the dev outbox the mail is delivered into: there
 * an admin reads the message itself, link included, as a stand-in for the recipient's inbox.
 */
export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requirePagePrincipal("admin");
  const raw = await searchParams;
  const query = pageQuery(deliveryQuery, raw);
  const { rows, total } = await listDeliveries(query);
  const retried = raw.retried && UUID.test(raw.retried) ? await getDelivery(raw.retried) : null;
  const smtp = Boolean(config().smtpUrl);
  const messages = await db().select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(50);
  const id = raw.id;
  const selected =
    id && /^\d+$/.test(id)
      ? (
          await db()
            .select()
            .from(outboxMessages)
            .where(eq(outboxMessages.id, Number(id)))
        )[0]
      : undefined;
  return (
    <div className="space-y-8">
      <div>
        <PageHeader
          title="Outbox"
          description={
            smtp
              ? "Every mail and how its delivery over SMTP goes. A mail that fails is tried again, about twice as long after each attempt, until it is sent or given up."
              : "Every mail and its delivery. No SMTP server is configured (SMTP_URL), so messages are kept in the dev outbox below instead of sent."
          }
        />
        {retried && (
          <p
            role="status"
            className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          >
            The {kindLabel(retried.kind)} mail to {retried.to} is in the queue again: it goes out in a moment.
          </p>
        )}
        <DeliveryTable
          rows={rows}
          total={total}
          query={query}
          base="/admin/outbox"
          showStore
          showError
          retry={retry}
        />
      </div>
      {(!smtp || messages.length > 0) && (
        <section aria-labelledby="dev-outbox" className="space-y-4">
          <div>
            <h2 id="dev-outbox" className="text-lg font-semibold">
              Dev outbox
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {smtp
                ? "What was kept here before SMTP was set up."
                : "Without SMTP_URL delivered mail lands here, links included: for development only."}
            </p>
          </div>
          <Table head={["When", "To", "Subject", "Kind"]} empty={messages.length === 0}>
            {messages.map((m) => (
              <tr key={m.id}>
                <td className="whitespace-nowrap">
                  <LocalTime date={m.createdAt} />
                </td>
                <td className="break-all">{m.to}</td>
                <td>
                  <Link
                    href={`/admin/outbox?id=${m.id}#message`}
                    className="text-indigo-600 underline dark:text-indigo-400"
                  >
                    {m.subject}
                  </Link>
                </td>
                <td>{kindLabel(m.kind)}</td>
              </tr>
            ))}
          </Table>
          {selected && (
            <div id="message">
              <Card title={selected.subject}>
                <p className="mb-3 text-sm text-slate-500">
                  To {selected.to} · <LocalTime date={selected.createdAt} />
                </p>
                <pre className="font-sans whitespace-pre-wrap" data-testid="outbox-body">
                  <Linked text={selected.text} />
                </pre>
              </Card>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
