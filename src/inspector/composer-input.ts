/**
 * What the composer's text box means in each format, checked before anything is sent: text as
 * UTF-8, JSON validated (and sent as typed), binary written as hex or base64.
 */

export type ComposerFormat = 'text' | 'json' | 'hex' | 'base64';

export type ComposerPayload =
  { ok: true; kind: 'text' | 'binary'; data: Uint8Array } | { ok: false; error: string };

export const COMPOSER_FORMATS: { value: ComposerFormat; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'json', label: 'JSON' },
  { value: 'hex', label: 'Binary (hex)' },
  { value: 'base64', label: 'Binary (base64)' },
];

export function composerPayload(format: ComposerFormat, input: string): ComposerPayload {
  switch (format) {
    case 'text':
      return { ok: true, kind: 'text', data: new TextEncoder().encode(input) };
    case 'json':
      try {
        JSON.parse(input);
      } catch (e) {
        return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
      }
      return { ok: true, kind: 'text', data: new TextEncoder().encode(input) };
    case 'hex':
      return hexBytes(input);
    case 'base64':
      return base64Bytes(input);
  }
}

/** "01 ff 7A", "01:ff:7a" and "0x01ff7a" all read as three bytes. */
function hexBytes(input: string): ComposerPayload {
  const digits = input.replace(/^\s*0x/i, '').replace(/[\s:,]/g, '');
  if (!/^[0-9a-f]*$/i.test(digits)) {
    const bad = /[^0-9a-f]/i.exec(digits)![0];
    return { ok: false, error: `not hex: "${bad}" is not a hex digit` };
  }
  if (digits.length % 2 === 1) return { ok: false, error: 'not hex: an odd number of digits' };
  const data = new Uint8Array(digits.length / 2);
  for (let i = 0; i < data.length; i++) data[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return { ok: true, kind: 'binary', data };
}

function base64Bytes(input: string): ComposerPayload {
  const compact = input.replace(/\s/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1)
    return { ok: false, error: 'not base64: only A-Z a-z 0-9 + / (or - _) and = padding' };
  const padded = compact.padEnd(Math.ceil(compact.length / 4) * 4, '=');
  const binary = atob(padded);
  const data = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
  return { ok: true, kind: 'binary', data };
}
