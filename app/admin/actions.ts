"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { assertSameOriginAction } from "@/lib/actions";
import { logoutAdmin } from "@/lib/admin/auth";
import { clearedCookies } from "@/lib/auth/cookies";
import { currentPagePrincipal } from "@/lib/auth/guards";

export async function logoutAction(): Promise<void> {
  const ctx = await assertSameOriginAction();
  if (!ctx) redirect("/admin");
  const principal = await currentPagePrincipal("admin");
  if (principal) await logoutAdmin(principal.id, principal.sessionId, ctx);
  const jar = await cookies();
  for (const spec of clearedCookies("admin", {})) jar.set(spec);
  redirect("/admin/login?signed_out=1");
}
