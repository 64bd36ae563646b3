import { desc, eq } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { Card, PageHeader, Table, when } from "@/components/ui";
import { db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { config } from "@/lib/config";

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

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requirePagePrincipal("admin");
  const { id } = await searchParams;
  const messages = await db().select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(50);
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
    <div className="space-y-6">
      <PageHeader
        title="Outbox"
        description={
          config().smtpUrl
            ? "Mail goes out over SMTP; this list shows what was kept before SMTP was set up."
            : "No SMTP server is configured (SMTP_URL), so messages are kept here instead of sent."
        }
      />
      <Table head={["When", "To", "Subject", "Kind"]} empty={messages.length === 0}>
        {messages.map((m) => (
          <tr key={m.id}>
            <td className="whitespace-nowrap">{when(m.createdAt)}</td>
            <td>{m.to}</td>
            <td>
              <Link
                href={`/admin/outbox?id=${m.id}`}
                className="text-indigo-600 underline dark:text-indigo-400"
              >
                {m.subject}
              </Link>
            </td>
            <td>{m.kind.replaceAll("_", " ")}</td>
          </tr>
        ))}
      </Table>
      {selected && (
        <Card title={selected.subject}>
          <p className="mb-3 text-sm text-slate-500">
            To {selected.to} · {when(selected.createdAt)}
          </p>
          <pre className="font-sans whitespace-pre-wrap" data-testid="outbox-body">
            <Linked text={selected.text} />
          </pre>
        </Card>
      )}
    </div>
  );
}
