import { referencePage } from "@/lib/api-reference";

// The API reference (lib/api-reference.ts): a page of its own, under the nonce policy the
// proxy gives every page.
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return referencePage(request);
}
