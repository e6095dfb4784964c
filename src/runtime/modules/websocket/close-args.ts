/**
 * `client:close(code, reason)` as the platform resolves it: the module replaces a missing,
 * non-numeric or out-of-range code with 1000 (module.go:349-369, `safeInt(…, 1000, 4999)`),
 * then coder/websocket decides what goes on the wire (close.go `writeClose`/`bytesErr`): 1005
 * sends a close frame without a code; a code RFC 6455 section 7.4.2 keeps off the wire (1004,
 * 1006, 1015, 1016-2999) or a reason over 123 bytes sends no close frame at all, and the TCP
 * connection is just closed. The platform does all this silently; here each case also warns.
 */

/** What the close puts on the wire. */
export type CloseFrame =
  | { kind: 'code'; code: number; reason: string }
  /** A close frame without a status code (RFC 6455 section 7.1.5: the peer sees 1005). */
  | { kind: 'empty' }
  /** No close frame: the TCP connection is closed (the peer sees 1006). */
  | { kind: 'drop' };

export interface ResolvedClose {
  frame: CloseFrame;
  warnings: string[];
}

const MAX_REASON_BYTES = 123;

function offTheWire(code: number): boolean {
  return code === 1004 || code === 1006 || code === 1015 || (code >= 1016 && code <= 2999);
}

/**
 * `code`: undefined when absent or nil, else the argument as Lua reads it as a number (NaN when
 * it is not one). `reason`: the reason's text and its length in bytes.
 */
export function resolveClose(
  code: number | undefined,
  shown: string,
  reason: string,
  reasonBytes: number,
): ResolvedClose {
  const warnings: string[] = [];
  let c = 1000;
  if (code !== undefined) {
    if (code >= 1000 && code <= 4999) {
      c = Math.trunc(code);
      if (c !== code)
        warnings.push(`client:close: code ${code} is truncated to ${c}, as on the platform`);
    } else {
      warnings.push(
        `client:close: code ${shown} is outside 1000-4999 and replaced with 1000, as on the platform`,
      );
    }
  }
  if (c === 1005) {
    warnings.push(
      'client:close: code 1005 (NO_STATUS) cannot go in a close frame: a close frame without a code is sent and the reason dropped, as on the platform',
    );
    return { frame: { kind: 'empty' }, warnings };
  }
  if (reasonBytes > MAX_REASON_BYTES) {
    warnings.push(
      `client:close: the reason is ${reasonBytes} bytes, over the 123 a close frame holds: no close frame is sent and the connection is just dropped, as on the platform`,
    );
    return { frame: { kind: 'drop' }, warnings };
  }
  if (offTheWire(c)) {
    warnings.push(
      `client:close: code ${c} cannot be sent (RFC 6455 section 7.4.2): no close frame is sent and the connection is just dropped, as on the platform`,
    );
    return { frame: { kind: 'drop' }, warnings };
  }
  return { frame: { kind: 'code', code: c, reason }, warnings };
}
