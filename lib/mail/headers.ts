// Mail headers hold one line each. sendMail passes every header value it sets (subject, the
// addresses and names in From and To) through here, whichever template built the message.

/**
 * A header value on one line: a control character (a CR/LF in a store's name, say) would
 * start a header of its own, so each run of them becomes one space.
 */
export function headerValue(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}
