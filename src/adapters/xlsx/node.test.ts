import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { HostFailure } from "../../host/errors";
import { readFileBytes, samePath, writeFileAtomic } from "./node";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ziping-node-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "written";
  } catch (err) {
    return err instanceof HostFailure ? err.code : String(err);
  }
}

describe("writeFileAtomic", () => {
  it("creates missing folders and leaves no temporary file behind", async () => {
    const file = path.join(dir, "out", "deep", "a.json");
    await writeFileAtomic(file, "{}\n");
    expect(readFileSync(file, "utf8")).toBe("{}\n");
    expect(readdirSync(path.dirname(file))).toEqual(["a.json"]);
  });

  it("refuses an existing file unless asked to overwrite it", async () => {
    const file = path.join(dir, "a.xlsx");
    writeFileSync(file, "old");
    expect(await codeOf(writeFileAtomic(file, new Uint8Array([1, 2])))).toBe("output-exists");
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(await codeOf(writeFileAtomic(file, new Uint8Array([1, 2]), { overwrite: true }))).toBe("written");
    expect([...readFileSync(file)]).toEqual([1, 2]);
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
  });

  it("never writes a protected path, even through another spelling or a link", async () => {
    const input = path.join(dir, "in.xlsx");
    writeFileSync(input, "original");
    const link = path.join(dir, "link.xlsx");
    symlinkSync(input, link);
    for (const target of [input, path.join(dir, ".", "sub", "..", "in.xlsx"), link]) {
      expect(await codeOf(writeFileAtomic(target, "x", { overwrite: true, protect: [input] }))).toBe(
        "output-same-as-input",
      );
    }
    expect(readFileSync(input, "utf8")).toBe("original");
  });

  it("reads files as bytes and compares paths", async () => {
    const file = path.join(dir, "b.bin");
    writeFileSync(file, Buffer.from([9, 8, 7]));
    expect([...(await readFileBytes(file))]).toEqual([9, 8, 7]);
    expect(await samePath(file, path.join(dir, "x", "..", "b.bin"))).toBe(true);
    expect(await samePath(file, path.join(dir, "c.bin"))).toBe(false);
  });
});
