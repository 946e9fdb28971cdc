import { expectedCheckMs, pacedFraction, startPacer } from "./progressPacer";

describe("paced progress during a step that reports none", () => {
  it("rises from 0 towards the cap and never reaches it", () => {
    expect(pacedFraction(0, 1000)).toBe(0);
    const samples = [100, 500, 1000, 3000, 10_000, 100_000].map((t) => pacedFraction(t, 1000));
    for (let i = 1; i < samples.length; i++)
      expect(samples[i]).toBeGreaterThanOrEqual(samples[i - 1] as number);
    expect(samples.at(-1)).toBeLessThanOrEqual(0.95);
    expect(pacedFraction(1000, 1000)).toBeCloseTo(0.95 * (1 - Math.exp(-1)), 3);
    expect(pacedFraction(-5, 0)).toBe(0);
  });

  it("expects more time for more rows", () => {
    expect(expectedCheckMs(200_000)).toBeGreaterThan(expectedCheckMs(1_000));
  });

  it("ticks at once, keeps moving on every tick, and stops when told", () => {
    jest.useFakeTimers();
    try {
      const seen: number[] = [];
      const stop = startPacer(1_000_000, (f) => seen.push(f), 150);
      expect(seen).toHaveLength(1);
      jest.advanceTimersByTime(150 * 5);
      expect(seen).toHaveLength(6);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1] as number);
      stop();
      jest.advanceTimersByTime(1500);
      expect(seen).toHaveLength(6);
    } finally {
      jest.useRealTimers();
    }
  });
});
