/**
 * Hex previews of binary payloads: "48 65 6c 6c 6f  |Hello|". The runtime sends a binary
 * frame's preview as hex of its first bytes; this formats either bytes or such a hex string.
 */

export const HEX_PREVIEW_BYTES = 32;

export function hexPreview(bytes: Uint8Array, maxBytes = HEX_PREVIEW_BYTES): string {
  const shown = bytes.subarray(0, maxBytes);
  const hex = Array.from(shown, (b) => b.toString(16).padStart(2, '0')).join(' ');
  const ascii = Array.from(shown, (b) =>
    b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.',
  ).join('');
  const more = bytes.length > maxBytes ? ` …(+${bytes.length - maxBytes} bytes)` : '';
  return shown.length === 0 ? '(empty)' : `${hex}  |${ascii}|${more}`;
}

/** Bytes of a hex string ("48656c", "48 65 6c", "0x48 0x65"), or null when it is not hex. */
export function parseHex(text: string): Uint8Array | null {
  const compact = text.replace(/0x/gi, '').replace(/[\s:,]/g, '');
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) return null;
  const out = new Uint8Array(compact.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(compact.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Display text of a binary frame's preview: formatted hex when it is hex, else as given. */
export function binaryPreview(preview: string, size: number): string {
  const trimmed = preview.replace(/…$|\.\.\.$/, '');
  const bytes = parseHex(trimmed);
  if (!bytes) return preview;
  const formatted = hexPreview(bytes, bytes.length);
  return size > bytes.length ? `${formatted} …` : formatted;
}

/** A classic hex dump, 16 bytes a line: "0010  48 65 … 6f  |Hello…|". */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16);
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) =>
      b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.',
    ).join('');
    lines.push(`${offset.toString(16).padStart(4, '0')}  ${hex.padEnd(47)}  |${ascii}|`);
  }
  return lines.join('\n');
}

/** The detail view of a binary frame's preview: a hex dump when it is hex, else as given. */
export function binaryDetail(preview: string, size: number): string {
  const bytes = parseHex(preview.replace(/…$|\.\.\.$/, ''));
  if (!bytes) return preview;
  const more =
    size > bytes.length ? `\n… ${size - bytes.length} more bytes not kept by the inspector` : '';
  return bytes.length === 0 ? '(empty)' : hexDump(bytes) + more;
}
