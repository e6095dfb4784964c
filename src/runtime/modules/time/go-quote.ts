/**
 * Go's `time.quote`, which every error message of the `time` package uses: double quotes,
 * `"` and `\` escaped, and each byte of a non-ASCII or control character as `\xNN`
 * (so `"1µs"` prints as `"1\xc2\xb5s"`, as on the platform).
 */
const encoder = new TextEncoder();

export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80 || code < 0x20) {
      for (const byte of encoder.encode(ch)) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}
