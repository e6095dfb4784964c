/**
 * Monitors and links between a run's processes (wippyai/runtime system/topology/topology.go):
 * a monitor watches one way, a link binds both; both go when either side ends.
 */
export class Topology {
  /** target pid → pids monitoring it */
  private readonly monitors = new Map<string, Set<string>>();
  /** pid → pids linked with it (both directions stored) */
  private readonly links = new Map<string, Set<string>>();

  monitor(watcher: string, target: string): void {
    add(this.monitors, target, watcher);
  }

  unmonitor(watcher: string, target: string): void {
    this.monitors.get(target)?.delete(watcher);
  }

  link(a: string, b: string): void {
    add(this.links, a, b);
    add(this.links, b, a);
  }

  unlink(a: string, b: string): void {
    this.links.get(a)?.delete(b);
    this.links.get(b)?.delete(a);
  }

  monitorsOf(pid: string): ReadonlySet<string> {
    return this.monitors.get(pid) ?? EMPTY;
  }

  linksOf(pid: string): ReadonlySet<string> {
    return this.links.get(pid) ?? EMPTY;
  }

  /**
   * `pid` ended: forget every monitor and link it had. Returns who was watching it and who
   * was linked with it, for the EXIT and LINK_DOWN the node sends.
   */
  remove(pid: string): { monitors: string[]; links: string[] } {
    const ended = { monitors: [...this.monitorsOf(pid)], links: [...this.linksOf(pid)] };
    this.monitors.delete(pid);
    for (const watched of this.monitors.values()) watched.delete(pid);
    for (const linked of ended.links) this.links.get(linked)?.delete(pid);
    this.links.delete(pid);
    return ended;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set();
  set.add(value);
  map.set(key, set);
}
