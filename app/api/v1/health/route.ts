// Liveness: answers without touching the database or any auth.
import { otherMethods } from "@/lib/api-methods";
import { json } from "@/lib/http";

export function GET(): Response {
  return json({ status: "ok" });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
