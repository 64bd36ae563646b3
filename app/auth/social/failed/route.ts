// Where a social sign-in that could not finish lands: what happened, in words, and the way
// back to the shop it started from. A provider that is down is this page, never a 500.
import type { NextRequest } from "next/server";
import { type FailureReason, shopLoginOf } from "@/lib/auth/social/flow";
import { messagePage } from "@/lib/auth/social/page";
import { hostOfRequest } from "@/lib/tenancy/host";

const MESSAGES: Record<FailureReason, { status: number; title: string; text: string }> = {
  provider: {
    status: 502,
    title: "The sign-in provider did not answer",
    text: "Signing in with the provider could not be completed. Try again in a moment, or sign in with your email and password.",
  },
  expired: {
    status: 400,
    title: "This sign-in has expired",
    text: "Start again from the shop's sign-in page.",
  },
  unavailable: {
    status: 403,
    title: "This sign-in method is not available",
    text: "The shop does not offer this way of signing in. Sign in with your email and password.",
  },
  refused: {
    status: 403,
    title: "Sign-in was refused",
    text: "This account cannot sign in at this shop this way.",
  },
  taken: {
    status: 409,
    title: "An account with this email already exists",
    text: "The provider has not verified this email address, so it cannot sign in to the existing account. Sign in with your password.",
  },
  no_email: {
    status: 400,
    title: "The provider did not share an email address",
    text: "An email address is needed for an account at this shop. Allow it at the provider, or register with your email.",
  },
};

const isReason = (value: string | null): value is FailureReason => !!value && Object.hasOwn(MESSAGES, value);

export async function GET(request: NextRequest): Promise<Response> {
  if ((await hostOfRequest(request.headers)).kind !== "platform")
    return new Response("Not found", { status: 404 });
  const params = request.nextUrl.searchParams;
  const reason = params.get("reason");
  const message = MESSAGES[isReason(reason) ? reason : "provider"];
  const shop = await shopLoginOf(params.get("ticket"));
  return messagePage(
    message.status,
    message.title,
    message.text,
    shop ? { url: shop.url, label: `Back to ${shop.storeName ?? "the shop"}` } : null,
  );
}
