// next-auth v4's `getServerSession` with the JWT strategy, as a reader of Orion would write it,
// for `npm run bench` to set Orion's GET /api/v1/admin/auth/me beside it (P4, bench/README.md).
// Both answer through apiRouter, so the figure prices the authentication alone. It exists only
// on a server started by the bench (ORION_BENCH_ROUTES=1 and ORION_BENCH_NEXTAUTH_SECRET, the
// secret the bench mints its session cookie with), never in production: elsewhere it is a 404.
import type { AuthOptions } from "next-auth";
import { getServerSession } from "next-auth/next";
import { config } from "@/lib/config";
import { ApiError } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { apiRouter, json } from "@/lib/http";

/** The cookie the bench sets; next-auth's own name for it over plain HTTP. */
const SESSION_COOKIE = "next-auth.session-token";

function benchOptions(): AuthOptions | null {
  const secret = process.env.ORION_BENCH_NEXTAUTH_SECRET;
  if (process.env.ORION_BENCH_ROUTES !== "1" || config().isProduction || !secret) return null;
  return {
    secret,
    providers: [],
    session: { strategy: "jwt" },
    useSecureCookies: false,
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
      },
    },
  };
}

export const GET = apiRouter(async () => {
  const options = benchOptions();
  if (!options) throw new ApiError("NOT_FOUND", { message: "No such API endpoint" });
  const session = await getServerSession(options);
  if (!session?.user) throw new ApiError("INVALID_TOKEN");
  return json({ user: session.user });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
