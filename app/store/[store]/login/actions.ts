"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, parseForm } from "@/lib/actions";
import { ApiError } from "@/lib/auth/errors";
import { sessionCookies } from "@/lib/auth/login";
import { safeNext } from "@/lib/auth/safe-next";
import { loginStore, storeLoginSchema } from "@/lib/store/auth";

const formSchema = storeLoginSchema.extend({
  remember_me: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === "on"),
  next: z.string().optional(),
});

export async function storeLoginAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  formData.set("store_code", slug);
  const parsed = await parseForm(formData, formSchema, ["email_or_username"]);
  if (!parsed.ok) return parsed.state;
  const { data, ctx } = parsed;
  try {
    const login = await loginStore(data, ctx);
    const jar = await cookies();
    for (const spec of sessionCookies("store", { slug: login.store.slug }, login.tokens)) jar.set(spec);
  } catch (error) {
    if (error instanceof ApiError) {
      return { error: error.message, values: { email_or_username: data.email_or_username } };
    }
    throw error;
  }
  const home = `/store/${slug}`;
  redirect(safeNext(data.next, home) ?? home);
}
