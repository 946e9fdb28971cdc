/**
 * The committed samples are exactly what scripts/make-samples.ts builds: the generator is
 * deterministic, so a stale sample (generator changed, `npm run samples` not re-run) fails here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SAMPLE_FILES } from "../../scripts/make-samples";
import { ROOT } from "./cli";

describe.each(SAMPLE_FILES.map(([file, build]) => ({ file, build })))("$file", ({ file, build }) => {
  it("is reproduced byte for byte by its generator", async () => {
    const committed = readFileSync(path.join(ROOT, file));
    const built = Buffer.from(await build());
    expect(built.length).toBe(committed.length);
    expect(built.equals(committed)).toBe(true);
  });
});
