// How hard a new password is to guess (docs/security.md, S43): zxcvbn-ts with the common
// password list, English dictionaries, keyboard patterns and the person's own details; a
// password below the bar is refused with zxcvbn's reason. Login never asks: only new passwords.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";
import { ApiError } from "@/lib/http/errors";
import { MAX_PASSWORD_BYTES, passwordBytes } from "./passwords";
import { processSingleton } from "@/lib/process-global";

/**
 * zxcvbn score 3 (about 10^8 guesses or more, "safely unguessable") is the bar.
 * - NIST SP 800-63B (5.1.1.2; 3.1.1.2 in revision 4) requires new passwords to be checked
 *   against a blocklist of commonly used, expected or compromised values, and the reason to be
 *   given. ASVS 5.0 V6.2.4 asks for at least the top 3000 passwords, V6.2.12 for breached ones:
 *   zxcvbn's list is drawn from breach corpora (no online breach lookup is made). Everything in
 *   it, with the usual variations (capitals, l33t, digits or a year appended, repeats, keyboard
 *   rows), and anything built from the person's own details, scores 2 or less.
 * - 10^8 guesses is far past what the login rate limits and lockout let an online attacker
 *   try, and takes an offline attacker hours to days per bcrypt hash at cost 12.
 * - Score 4 (10^10) would refuse many sound 8–12 character passwords and short passphrases and
 *   push people towards composition tricks, which NIST and ASVS V6.2.5 advise against.
 */
export const MIN_PASSWORD_SCORE = 3;

const TOO_EASY = "This password is too easy to guess.";

/** Built once per process, on first use: the dictionaries take a few hundred ms to rank. */
function estimator(): ZxcvbnFactory {
  return processSingleton(
    "orionZxcvbn",
    () =>
      new ZxcvbnFactory({
        dictionary: { ...commonDictionary, ...englishDictionary },
        graphs: adjacencyGraphs,
        translations: {
          ...translations,
          warnings: {
            ...translations.warnings,
            userInputs: "It contains your name, your email address or the store's name.",
          },
        },
        // Each l33t substitution multiplies the variants tried; 10 keeps the worst 72-byte password
        // of symbols around 100 ms of CPU while still seeing "p@$$w0rd" and "s3cr3tp@ssw0rd".
        l33tMaxSubstitutions: 10,
        maxLength: MAX_PASSWORD_BYTES,
      }),
  );
}

/**
 * The person's details as zxcvbn user inputs: each value whole, in its parts and with its
 * separators dropped, so that "jane.doe@example.com" also flags "janedoe2024" and "Acme
 * Supplies" flags "acmesupplies".
 */
function userInputWords(values: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  const add = (word: string) => {
    if ([...word].length >= 3) words.add(word);
  };
  for (const value of values) {
    if (!value) continue;
    const lowered = value.toLowerCase().trim();
    add(lowered);
    const parts = lowered.split(/[^\p{L}\p{N}]+/u);
    parts.forEach(add);
    // The email's name without the domain, and every value without separators.
    add(lowered.split("@")[0]!.replace(/[^\p{L}\p{N}]+/gu, ""));
    add(parts.join(""));
  }
  return [...words];
}

/**
 * Why `password` is too easy to guess, or null when it is strong enough. `userInputs` are the
 * person's own details (email, username, names, store name and slug). The password must
 * already have passed the length rule: the estimate is only ever run on at most 72 bytes.
 */
export function passwordWeakness(
  password: string,
  userInputs: readonly (string | null | undefined)[] = [],
): string | null {
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) throw new RangeError("password longer than 72 bytes");
  const words = userInputWords(userInputs);
  let result = estimator().check(password, words);
  // zxcvbn prices unusual capitals generously ("ACME SuppliesACME Supplies" would pass), while
  // guessing tools try case variants of names and words cheaply: the lower-case form must pass too.
  const lowered = password.toLowerCase();
  if (result.score >= MIN_PASSWORD_SCORE && lowered !== password) result = estimator().check(lowered, words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reason = result.feedback.warning || result.feedback.suggestions[0];
  return reason ? `${TOO_EASY} ${reason}` : TOO_EASY;
}

/**
 * Refuses a weak new password with the API's 422 shape, on `field` (the name the endpoint
 * uses for it). The message says why and never repeats the password.
 */
export function assertStrongPassword(
  password: string,
  userInputs: readonly (string | null | undefined)[],
  field = "password",
): void {
  const weakness = passwordWeakness(password, userInputs);
  if (weakness) throw new ApiError("VALIDATION_ERROR", { details: [{ field, message: weakness }] });
}
