/**
 * The relay's memory budget (RELAY_MAX_MEMORY_BYTES): every byte a session holds for a peer
 * that has not taken it yet (queued towards the page, being written to the page, written
 * towards the upstream and not yet flushed) is charged here first. A charge that would pass
 * the limit is refused, and the session asking for it is closed (its peer is the one not
 * reading); while the budget is used up, new sessions are refused. So the relay as a whole
 * never holds more than the budget, whatever the peers do.
 *
 *   session ── charge(n) ──▶ [ used ≤ limit ] ── release(n) when the bytes are gone
 *                 └─ false: over budget -> the session closes with 1008
 */
export class MemoryBudget {
  private used = 0;
  private peak = 0;

  constructor(readonly limit: number) {}

  /** Bytes held by every session now. */
  get usedBytes(): number {
    return this.used;
  }

  /** The most ever held at once (tests and stats: proves the bound holds). */
  get peakBytes(): number {
    return this.peak;
  }

  /** Take `bytes` out of the budget, or refuse (and take nothing) when it would pass the limit. */
  charge(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    if (this.used > this.peak) this.peak = this.used;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/**
 * One session's share of the budget: what it charged and has not released, so that a session
 * that ends gives back everything at once (write callbacks that never come cannot leak).
 */
export class SessionMemory {
  private held = 0;
  private ended = false;

  constructor(private readonly budget: MemoryBudget) {}

  get heldBytes(): number {
    return this.held;
  }

  charge(bytes: number): boolean {
    if (this.ended || !this.budget.charge(bytes)) return false;
    this.held += bytes;
    return true;
  }

  release(bytes: number): void {
    if (this.ended) return;
    const n = Math.min(bytes, this.held);
    this.held -= n;
    this.budget.release(n);
  }

  /** The session is over: return whatever is still held; later releases are ignored. */
  end(): void {
    if (this.ended) return;
    this.budget.release(this.held);
    this.held = 0;
    this.ended = true;
  }
}
