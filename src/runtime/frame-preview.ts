/**
 * The text the inspector shows for a frame: the start of a text message, or hex of the start
 * of a binary one. Cut short so 50,000 frames stay cheap to keep and to post.
 */
import type { FrameKind } from '../shared/run-events.ts';

export const TEXT_PREVIEW_BYTES = 512;
export const HEX_PREVIEW_BYTES = 48;

const decoder = new TextDecoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function hexPreview(data: Uint8Array, limit = HEX_PREVIEW_BYTES): string {
  const n = Math.min(data.length, limit);
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = HEX[data[i]];
  return parts.join(' ') + (data.length > limit ? ' …' : '');
}

export function framePreview(kind: FrameKind, data: Uint8Array): string {
  if (kind === 'binary') return hexPreview(data);
  if (data.length <= TEXT_PREVIEW_BYTES) return decoder.decode(data);
  return decoder.decode(data.subarray(0, TEXT_PREVIEW_BYTES)) + '…';
}
