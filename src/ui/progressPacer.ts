/**
 * Progress for a long step that reports none of its own (the engine's check runs as one call in its
 * worker): while it runs, the bar keeps advancing so the user sees the pane is working — towards
 * `cap` and never reaching it, fast at first and slower as the step runs past its expected time.
 */

/** The fraction shown `elapsedMs` into a step expected to take about `expectedMs`. */
export function pacedFraction(elapsedMs: number, expectedMs: number, cap = 0.95): number {
  const f = cap * (1 - Math.exp(-Math.max(0, elapsedMs) / Math.max(1, expectedMs)));
  // Three decimals: every tick still moves the bar, without flooding it with noise.
  return Math.round(f * 1000) / 1000;
}

/** About how long the engine takes to check `rows` rows (in a worker; generous on slow machines). */
export function expectedCheckMs(rows: number): number {
  return 300 + rows * 0.006;
}

/**
 * Call `onTick` with an advancing fraction every `everyMs` (0 at once) until the returned function
 * is called. A timer that falls behind (a busy main thread) ticks as soon as the thread is free.
 */
export function startPacer(
  expectedMs: number,
  onTick: (fraction: number) => void,
  everyMs = 150,
): () => void {
  const started = Date.now();
  let last = -1;
  const tick = () => {
    const f = pacedFraction(Date.now() - started, expectedMs);
    // A repeated value would be no visible change: nudge it by the smallest step instead.
    last = f > last ? f : Math.min(last + 0.001, 0.999);
    onTick(last);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return () => clearInterval(timer);
}
