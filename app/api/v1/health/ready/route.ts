// Readiness: whether this instance can serve — the database answers, Redis too when it is
// configured, and the mail worker runs. 200 when all do; 503 naming what is down, so a load
// balancer sends traffic elsewhere. Liveness (is the process up at all) is /api/v1/health.
import { databaseReachable } from "@/db/client";
import { otherMethods } from "@/lib/http/methods";
import { ERROR_CODES } from "@/lib/http/errors";
import { redisReachable } from "@/lib/auth/throttle";
import { apiRoute, json } from "@/lib/http";
import { PLATFORM_ROUTES } from "@/lib/http/routes";
import { mailWorkerRunning } from "@/lib/mail/queue";
import { OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/outage-page";

type Check = "up" | "down" | "not_configured";

export const dynamic = "force-dynamic";

export const GET = apiRoute(PLATFORM_ROUTES.ready, async () => {
  const [database, redis, mailQueue] = await Promise.all([
    databaseReachable(),
    redisReachable(),
    mailWorkerRunning(),
  ]);
  const checks: Record<string, Check> = {
    database: database ? "up" : "down",
    redis: redis === null ? "not_configured" : redis ? "up" : "down",
    // The worker polls the database: it is only of use while the database answers.
    mail_queue: mailQueue && database ? "up" : "down",
  };
  const down = Object.keys(checks).filter((name) => checks[name] === "down");
  if (down.length === 0) return json({ status: "ready", checks });
  return json(
    {
      status: "unavailable",
      checks,
      error: {
        code: "SERVICE_UNAVAILABLE",
        message: `Not ready: ${down.join(", ")} down`,
        details: { down },
      },
    },
    {
      status: ERROR_CODES.SERVICE_UNAVAILABLE.status,
      headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) },
    },
  );
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
