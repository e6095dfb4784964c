/**
 * A pid as the console and the inspector's rows show it: the platform's pids read
 * `{app:processes|0x00004}`, and within one run the part after `|` tells them apart.
 */
export function shortPid(pid: string): string {
  return /\|([^}|]+)\}$/.exec(pid)?.[1] ?? pid;
}
