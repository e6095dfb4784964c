/**
 * Work in flight that keeps something alive (a process's funcs calls, a run's pending service
 * restarts): each hold returns its release, which counts once however often it is called.
 */
export class Holds {
  private count = 0;

  constructor(
    /** Called after each release (to re-check whether anything is still waited for). */
    private readonly released: () => void,
  ) {}

  get size(): number {
    return this.count;
  }

  hold(): () => void {
    this.count++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.count--;
      this.released();
    };
  }
}
