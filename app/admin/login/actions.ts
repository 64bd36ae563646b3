"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, parseForm } from "@/lib/actions";
import { loginAdmin } from "@/lib/admin/auth";
import { ApiError } from "@/lib/auth/errors";
import { loginSchema, sessionCookies } from "@/lib/auth/login";
import { safeNext } from "@/lib/auth/safe-next";

const formSchema = loginSchema.extend({
  remember_me: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === "on"),
  next: z.string().optional(),
});

export async function loginAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(formData, formSchema, ["email_or_username"]);
  if (!parsed.ok) return parsed.state;
  const { data, ctx } = parsed;
  try {
    const { tokens } = await loginAdmin(data, ctx);
    const jar = await cookies();
    for (const spec of sessionCookies("admin", {}, tokens)) jar.set(spec);
  } catch (error) {
    if (error instanceof ApiError && error.code === "INVALID_CREDENTIALS") {
      return { error: error.message, values: { email_or_username: data.email_or_username } };
    }
    throw error;
  }
  redirect(safeNext(data.next, "/admin") ?? "/admin");
}
