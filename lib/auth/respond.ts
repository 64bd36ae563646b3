// Sends cookies with a JSON answer from a route handler.
import { type CookieSpec, serializeCookie } from "./cookies";

export function withCookies(response: Response, specs: CookieSpec[]): Response {
  for (const spec of specs) response.headers.append("Set-Cookie", serializeCookie(spec));
  return response;
}
