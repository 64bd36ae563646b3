// Social sign-in, step 2, on the platform host: next-auth sends the browser to the provider.
import { startAtProvider } from "@/lib/auth/social/flow";
import { hostOfRequest } from "@/lib/tenancy/host";

export async function GET(request: Request): Promise<Response> {
  if ((await hostOfRequest(request.headers)).kind !== "platform")
    return new Response("Not found", { status: 404 });
  return startAtProvider(request);
}
