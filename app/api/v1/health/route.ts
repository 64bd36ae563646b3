// Liveness: answers without touching the database or any auth, on our own hosts only.
import { otherMethods } from "@/lib/http/methods";
import { apiRoute, json } from "@/lib/http";

export const GET = apiRoute(async () => json({ status: "ok" }));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
