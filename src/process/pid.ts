/**
 * Process ids as the platform prints them (api/pid/pid.go): `{host|0x00004}`, the number a
 * node-wide counter in at least five hex digits (internal/uniqid).
 */
export function formatPid(host: string, n: number): string {
  return `{${host}|0x${n.toString(16).padStart(5, '0')}}`;
}
