// The end of social sign-in on the shop's own host: the one-time code from the platform host
// becomes this shop's customer session, cookie host-only with the shop's Path.
import { accessMethodOf } from "@/lib/auth/guards";
import { AREAS } from "@/lib/auth/areas";
import { ApiError } from "@/lib/http/errors";
import { finishOnShop } from "@/lib/auth/social/finish";
import { messagePage } from "@/lib/auth/social/page";
import { requestContext } from "@/lib/http";
import { edgeOf } from "@/lib/net/edge";
import { storeBySlug } from "@/lib/tenancy/lookup";

type Context = { params: Promise<{ store: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { store: slug } = await params;
  const store = await storeBySlug(slug);
  if (!store || store.status !== "active") return new Response("Not found", { status: 404 });
  const method = accessMethodOf(request.headers);
  const host = edgeOf(request.headers).host?.toLowerCase() ?? "";
  const code = new URL(request.url).searchParams.get("code") ?? "";
  const back = { url: AREAS.customer.loginPath({ slug, method }), label: "Back to sign in" };
  try {
    const refused = await finishOnShop(store, method, host, code, requestContext(request.headers));
    return refused === "inactive"
      ? messagePage(403, "This account cannot sign in", `Contact ${store.name} for help.`, back)
      : messagePage(
          400,
          "This sign-in link has expired",
          "Sign-in links work once, for a minute, in the browser that started the sign-in. Start again.",
          back,
        );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return messagePage(error.status, "Sign-in is not possible right now", error.message, back);
  }
}
