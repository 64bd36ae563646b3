// Pages show the 404 page for a record that is not found (or belongs to another store).
import "server-only";
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/http/errors";

export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
