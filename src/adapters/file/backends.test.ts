import type { WorkbookInput } from "../../engine";
import { inputParts } from "../../host/inputParts";
import type { FileWorkerReply, FileWorkerRequest } from "./protocol";
import { workerBackend, type WorkerUnavailableError } from "./backends";
import type { FileBackend } from "./session";

const INPUT: WorkbookInput = { sheets: [{ name: "名单", rows: [["姓名"], ["张三"]] }] };

/** A stand-in for a Web Worker that answers with `respond`. */
class FakeWorker {
  onmessage: ((e: MessageEvent<FileWorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  received: FileWorkerRequest[] = [];
  constructor(private readonly respond: (req: FileWorkerRequest, w: FakeWorker) => void) {}
  postMessage(req: FileWorkerRequest): void {
    this.received.push(req);
    setTimeout(() => this.respond(req, this), 0);
  }
  reply(r: FileWorkerReply): void {
    this.onmessage?.({ data: r } as MessageEvent<FileWorkerReply>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const fallback = (): FileBackend & { used: number } => {
  const b = {
    used: 0,
    async read() {
      b.used++;
      return INPUT;
    },
    async write() {
      b.used++;
      return { bytes: new Uint8Array([9]), outcome: { sheets: [], renamed: [] } };
    },
  };
  return b;
};

beforeAll(() => {
  // Node has no Worker; the backend only checks that one exists before trying it.
  (globalThis as { Worker?: unknown }).Worker ??= class {};
});

describe("workerBackend", () => {
  it("forwards progress and returns the worker's result; the page keeps its bytes", async () => {
    const worker = new FakeWorker((req, w) => {
      w.reply({ id: req.id, type: "progress", fraction: 0.4 });
      w.reply({ id: req.id, type: "read-done", input: INPUT });
    });
    const backend = workerBackend(() => worker as unknown as Worker, fallback());
    const bytes = new Uint8Array([1, 2, 3]);
    const seen: Array<number | undefined> = [];
    await expect(backend.read(bytes, (f) => seen.push(f))).resolves.toBe(INPUT);
    expect(seen).toEqual([0.4]);
    expect(Array.from(bytes)).toEqual([1, 2, 3]);
    expect(worker.received[0]?.type).toBe("read");
  });

  it("keeps a large 1904 workbook in the 1904 system when it arrives in parts", async () => {
    const large: WorkbookInput = {
      date1904: true,
      sheets: [{ name: "活动", rows: Array.from({ length: 7 }, (_, i) => [`活动${i}`, 43000 + i]) }],
    };
    const worker = new FakeWorker((req, w) => {
      for (const part of inputParts(large, 2)) w.reply({ id: req.id, type: "read-part", part });
      w.reply({ id: req.id, type: "read-done", input: null });
    });
    const backend = workerBackend(() => worker as unknown as Worker, fallback());
    await expect(backend.read(new Uint8Array([1]), () => {})).resolves.toEqual(large);
  });

  it("passes a reader error on with its code", async () => {
    const worker = new FakeWorker((req, w) =>
      w.reply({ id: req.id, type: "error", code: "encrypted", message: "EncryptedPackage" }),
    );
    const fb = fallback();
    const backend = workerBackend(() => worker as unknown as Worker, fb);
    await expect(backend.read(new Uint8Array([1]), () => {})).rejects.toMatchObject({
      code: "encrypted",
      message: "EncryptedPackage",
    });
    expect(fb.used).toBe(0);
  });

  it("falls back to the page when the worker cannot run, and stays there", async () => {
    let spawned = 0;
    const worker = new FakeWorker((_req, w) => w.crash("blocked by CSP"));
    const fb = fallback();
    const backend = workerBackend(() => {
      spawned++;
      return worker as unknown as Worker;
    }, fb);
    await expect(backend.read(new Uint8Array([1]), () => {})).resolves.toBe(INPUT);
    expect(worker.terminated).toBe(true);
    await backend.write(new Uint8Array([1]), [], null);
    expect(fb.used).toBe(2);
    expect(spawned).toBe(1);
  });

  it("falls back when the worker cannot even be created", async () => {
    const fb = fallback();
    const backend = workerBackend(() => {
      throw new Error("SecurityError") as WorkerUnavailableError;
    }, fb);
    await expect(backend.read(new Uint8Array([1]), () => {})).resolves.toBe(INPUT);
    expect(fb.used).toBe(1);
  });
});
