// The end of "Connect" on Sign-in methods, on the shop's own host: the one-time code from the
// platform host is spent here and the page says what happened (a fixed word, never the text).
import { redirect } from "next/navigation";
import { accessMethodOf } from "@/lib/auth/guards";
import { finishConnect } from "@/lib/auth/social/finish";
import { shopHostOf } from "@/lib/auth/social/flow";
import { requestContext } from "@/lib/http";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { storefrontBase } from "@/lib/tenancy/resolve";

type Context = { params: Promise<{ store: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { store: slug } = await params;
  const store = await storeBySlug(slug);
  const host = await shopHostOf(request.headers, slug);
  if (!store || store.status !== "active" || !host) return new Response("Not found", { status: 404 });
  const method = accessMethodOf(request.headers);
  const code = new URL(request.url).searchParams.get("code") ?? "";
  const outcome = await finishConnect(store, method, host, code, requestContext(request.headers));
  redirect(`${storefrontBase(method, slug)}/account/sign-in-methods?connected=${outcome}`);
}
