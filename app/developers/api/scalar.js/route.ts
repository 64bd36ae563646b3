import { referenceBundle } from "@/lib/api-reference";

export function GET(): Promise<Response> {
  return referenceBundle();
}
