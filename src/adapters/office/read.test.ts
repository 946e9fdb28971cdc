import { STATE_SHEET_NAME } from "../../engine";
import { PAYLOAD_LIMIT_BYTES, PAYLOAD_TARGET_BYTES } from "./budget";
import { errorMessage } from "../../commands/run";
import { HostFailure } from "../../host/errors";
import { PAYLOAD_SIZE_ERROR_CODES, isPayloadSizeError } from "./errors";
import { createOfficeHost } from "./host";
import { FAKE_PAYLOAD_LIMIT_BYTES, FakeWorkbook, type FakeValue } from "./testing/fakeExcel";

const hostFor = (book: FakeWorkbook) =>
  createOfficeHost({ run: (batch) => book.run(batch), isSetSupported: (v) => book.isSetSupported(v) });

const ACTIVITY_HEADER = ["日期", "活动名称", "活动类别", "学号", "姓名", "时长", "部门"];

/** A deterministic activity log of `n` rows under a header. */
function activityRows(n: number): FakeValue[][] {
  const rows: FakeValue[][] = [ACTIVITY_HEADER];
  for (let i = 0; i < n; i++) {
    rows.push([
      44927 + (i % 365),
      `志愿服务活动${i % 40}`,
      i % 3 === 0 ? "志愿服务" : "社会实践",
      `2021${String(i % 40000).padStart(6, "0")}`,
      `学生${i % 40000}`,
      1 + (i % 4) * 0.5,
      "青年志愿者协会",
    ]);
  }
  return rows;
}

describe("reading an ordinary workbook", () => {
  const book = () =>
    new FakeWorkbook()
      .addSheet("工作人员名单", {
        rows: [
          ["姓名", "学号", "入学日期", "备注"],
          ["张三", "2021001", 44805, "=1+1"],
          ["李四", "2021002", 44806.5, "#N/A"],
        ],
        formats: [
          [null, null, null, null],
          [null, "@", "yyyy-mm-dd", "@"],
          [null, "@", 'yyyy"年"m"月"d"日"', "@"],
        ],
      })
      .addSheet("志愿活动", { rows: activityRows(300), formats: [[], [`[$-804]yyyy/m/d`]] })
      .addSheet("空表")
      .addSheet("隐藏", { rows: [["x", true]], visibility: "Hidden", origin: { row: 9, col: 2 } })
      .addSheet("自评表", { rows: [["ours from an earlier run"]] })
      .addSheet(STATE_SHEET_NAME, {
        rows: [['{"version":1,"settings":{},"overrides":[]}', null, "志愿活动", "B2", "", "None", ""]],
        visibility: "VeryHidden",
      });

  it("takes two syncs: sheets and used ranges, then values and formats", async () => {
    const fake = book();
    const input = await hostFor(fake).readWorkbook();
    expect(fake.syncs).toHaveLength(2);
    expect(input.sheets.map((s) => s.name)).toEqual([
      "工作人员名单",
      "志愿活动",
      "空表",
      "隐藏",
      "自评表",
      STATE_SHEET_NAME,
    ]);
  });

  it("converts dates, errors and blanks, and keeps text as text", async () => {
    const input = await hostFor(book()).readWorkbook();
    const staff = input.sheets[0];
    expect(staff?.rows[1]).toEqual(["张三", "2021001", new Date(Date.UTC(2022, 8, 1)), "=1+1"]);
    expect(staff?.rows[2]?.[2]).toEqual(new Date(Date.UTC(2022, 8, 2, 12)));
    expect(staff?.rows[2]?.[3]).toEqual({ error: "#N/A" });
    // Only the first data row of the activity log has a date format; the rest stay serials.
    expect(input.sheets[1]?.rows[1]?.[0]).toEqual(new Date(Date.UTC(2023, 0, 1)));
    expect(input.sheets[1]?.rows[2]?.[0]).toBe(44928);
  });

  it("gives origin and hidden, skips our sheets' cells and reads only A1 of the state sheet", async () => {
    const input = await hostFor(book()).readWorkbook();
    const [, , empty, hidden, ours, state] = input.sheets;
    expect(empty).toEqual({ name: "空表", rows: [], origin: { row: 1, col: 1 } });
    expect(hidden).toMatchObject({ rows: [["x", true]], origin: { row: 10, col: 3 }, hidden: true });
    expect(ours?.rows).toEqual([]);
    expect(state?.rows).toEqual([['{"version":1,"settings":{},"overrides":[]}']]);
    expect(state?.hidden).toBe(true);
  });

  it("reports progress from 0 to 1 at the reading stage", async () => {
    const seen: number[] = [];
    await hostFor(book()).readWorkbook((p) => {
      expect(p.stage).toBe("reading");
      seen.push(p.fraction ?? -1);
    });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("needs no sync beyond the first for a workbook of only empty sheets", async () => {
    const fake = new FakeWorkbook().addSheet("Sheet1");
    const input = await hostFor(fake).readWorkbook();
    expect(input.sheets).toEqual([{ name: "Sheet1", rows: [], origin: { row: 1, col: 1 } }]);
    expect(fake.syncs).toHaveLength(1);
  });

  it("lists more sheets than one walk holds in one more sync, reading small sheets from the samples", async () => {
    const fake = new FakeWorkbook();
    for (let i = 1; i <= 70; i++) fake.addSheet(`S${i}`, { rows: [[i]] });
    const input = await createOfficeHost({
      run: (b) => fake.run(b),
      read: { sheetsPerListing: 64 },
    }).readWorkbook();
    expect(input.sheets.map((s) => s.rows[0]?.[0])).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    // Two listings; every one-cell sheet came with its sample, so no sync loads values.
    expect(fake.syncs).toHaveLength(2);
  });

  it("falls back to listing by collection when a host fails calls on null objects", async () => {
    const fake = book();
    fake.nullChainThrows = true;
    const input = await hostFor(fake).readWorkbook();
    expect(input.sheets).toHaveLength(6);
    expect(input.sheets[1]?.rows).toHaveLength(301);
    // The failed walk, the collection, the used ranges, then the values.
    expect(fake.syncs.map((s) => s.error ?? "ok")).toEqual(["InvalidObjectPath", "ok", "ok", "ok"]);
  });
});

describe("reading a 200,000-row sheet", () => {
  const ROWS = 200_000;
  let fake: FakeWorkbook;
  let rows: ReturnType<typeof activityRows>;

  beforeAll(() => {
    rows = activityRows(ROWS);
    fake = new FakeWorkbook()
      .addSheet("基本信息", { rows: [["学校名称", "示例大学"]] })
      .addSheet("志愿活动", { rows, formats: rows.map((_, i) => (i === 0 ? [] : ["yyyy-mm-dd"])) });
  });

  it("reads every row once, in order, in row chunks that each stay under 4 MB", async () => {
    const input = await hostFor(fake).readWorkbook();
    const log = input.sheets[1];
    expect(log?.rows).toHaveLength(ROWS + 1);
    expect(log?.rows[ROWS]?.[3]).toBe(rows[ROWS]?.[3]);
    expect(log?.rows[12_345]?.[5]).toBe(rows[12_345]?.[5]);
    expect(log?.rows[ROWS]?.[0]).toBeInstanceOf(Date);

    const reads = fake.syncs.slice(1);
    const total = reads.reduce((n, s) => n + s.responseBytes, 0);
    for (const s of fake.syncs) {
      expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(s.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    }
    // One sync per chunk of at least 3/4 of the target (the first is planned at 64 bytes a cell).
    expect(fake.syncs.length).toBeGreaterThanOrEqual(1 + Math.ceil(total / PAYLOAD_LIMIT_BYTES));
    expect(fake.syncs.length).toBeLessThanOrEqual(2 + Math.ceil(total / (0.75 * PAYLOAD_TARGET_BYTES)));
  });

  it("plans the first chunk from the sample and the later ones from the densest chunk", async () => {
    fake.resetSyncs();
    await hostFor(fake).readWorkbook();
    const [listing, first, ...rest] = fake.syncs;
    expect(listing?.responseBytes).toBeLessThan(50_000);
    expect(first?.responseBytes).toBeGreaterThan(PAYLOAD_TARGET_BYTES * 0.75);
    for (const s of rest.slice(0, -1)) expect(s.responseBytes).toBeGreaterThan(PAYLOAD_TARGET_BYTES * 0.95);
  });

  it("takes at most 2 + 1 sync per 4 MB of what it loads (issue 5), none over 4 MB", async () => {
    fake.resetSyncs();
    await hostFor(fake).readWorkbook();
    const total = fake.syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(total).toBeGreaterThan(5 * PAYLOAD_LIMIT_BYTES);
    expect(fake.syncs.length).toBeLessThanOrEqual(2 + Math.ceil(total / PAYLOAD_LIMIT_BYTES));
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  it("honours a smaller budget with more, smaller chunks", async () => {
    fake.resetSyncs();
    const host = createOfficeHost({
      run: (b) => fake.run(b),
      read: { targetBytes: 1_000_000, maxCells: 30_000 },
    });
    const input = await host.readWorkbook();
    expect(input.sheets[1]?.rows).toHaveLength(ROWS + 1);
    for (const s of fake.syncs.slice(1)) expect(s.responseBytes).toBeLessThanOrEqual(1_100_000);
    expect(fake.syncs.length).toBeGreaterThanOrEqual(1 + Math.ceil((ROWS * 7) / 30_000));
  });
});

describe("reading rows of very uneven size", () => {
  it("stays under 4 MB when a few huge text cells follow many small rows", async () => {
    const rows = activityRows(150_000);
    // Four cells at Excel's maximum length (32,767 characters, 3 bytes each in UTF-8) in one
    // stretch of rows, after 150,000 rows of about 25 bytes a cell: about 390 KB more than the
    // densest chunk before them, which the 400 KB under the ceiling absorbs.
    const huge = "汉".repeat(32_767);
    for (let i = 0; i < 4; i++) {
      const row = [...(rows[120_000 + i] ?? [])];
      row[1] = huge;
      rows[120_000 + i] = row;
    }
    const fake = new FakeWorkbook().addSheet("志愿活动", { rows });
    const input = await hostFor(fake).readWorkbook();
    expect(input.sheets[0]?.rows).toHaveLength(150_001);
    expect(input.sheets[0]?.rows[120_003]?.[1]).toBe(huge);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(fake.maxResponseBytes).toBeGreaterThan(PAYLOAD_TARGET_BYTES);
  });

  it("re-plans at the dense rows' density after the chunk that meets them", async () => {
    const rows = activityRows(60_000);
    const long = "说明".repeat(500); // 3 KB a cell
    for (let i = 40_000; i <= 60_000; i++) {
      const row = [...(rows[i] ?? [])];
      row[6] = long;
      rows[i] = row;
    }
    const fake = new FakeWorkbook().addSheet("志愿活动", { rows });
    const input = await hostFor(fake).readWorkbook();
    expect(input.sheets[0]?.rows[59_999]?.[6]).toBe(long);
    // The chunk that meets rows ~40× denser than all before them is planned at the sparse density
    // (nothing in Office.js tells a range's size before loading it): Excel rejects it, or it passes
    // 4 MB, and its rows are read again in halves. Every chunk after the largest is planned from
    // its densest block and stays on target.
    const sizes = fake.syncs.map((s) => s.responseBytes);
    const crossing = sizes.indexOf(Math.max(...sizes));
    for (const size of sizes.slice(crossing + 1)) expect(size).toBeLessThanOrEqual(PAYLOAD_TARGET_BYTES);
  });
});

describe("reading rows denser than Excel on the web's 5 MB limit allows in one chunk", () => {
  it("splits the rejected chunk, reads every value and re-plans from the dense rows", async () => {
    const rows = activityRows(150_000);
    // 2,000 rows of 3 KB cells (each one different) after 150,000 rows of about 25 bytes a cell:
    // the chunk that meets them is planned at the sparse density and is far over 5 MB.
    for (let i = 0; i < 2000; i++) {
      rows.push(ACTIVITY_HEADER.map((_, c) => `${i}-${c}:${"说明".repeat(499)}`));
    }
    const fake = new FakeWorkbook().addSheet("志愿活动", { rows });
    const input = await hostFor(fake).readWorkbook();

    const got = input.sheets[0]?.rows ?? [];
    expect(got).toHaveLength(rows.length);
    let wrong = 0;
    rows.forEach((row, r) => row.forEach((v, c) => (got[r]?.[c] === v ? 0 : wrong++)));
    expect(wrong).toBe(0);

    const log = fake.syncs.map((s) => s.error ?? "ok");
    const rejected = fake.syncs.filter((s) => s.error !== undefined);
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    for (const s of rejected) {
      expect(s.error).toBe("ResponsePayloadSizeLimitExceeded");
      expect(s.rejectedResponseBytes).toBeGreaterThan(FAKE_PAYLOAD_LIMIT_BYTES);
    }
    // Every rejection is followed by the retry of its first half, which succeeds or splits again.
    expect(log[log.length - 1]).toBe("ok");
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT_BYTES);
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // Halving finds the dense rows in a few rejections; once a chunk of them is measured, the rest
    // are planned at their own density: no more rejections, and (past the first chunk planned from
    // a partly dense one, which may pass 4 MB but not 5) every chunk back under the 4 MB ceiling.
    expect(rejected.length).toBeLessThanOrEqual(6);
    const after = fake.syncs.slice(log.lastIndexOf("ResponsePayloadSizeLimitExceeded") + 1);
    expect(after.every((s) => s.error === undefined)).toBe(true);
    expect(after.length).toBeGreaterThan(5);
    for (const s of after.slice(2)) expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  it("fails with a typed error, shown as a message, when one row alone is over the limit", async () => {
    const rows: FakeValue[][] = activityRows(99).map((r) => [...r, ...Array<string>(53).fill("x")]);
    // Row 101: 60 cells of Excel's 32,767-character maximum, 98 KB each, about 5.9 MB.
    rows.push(Array<string>(60).fill("汉".repeat(32_767)));
    rows.push(rows[1] as FakeValue[]);
    const fake = new FakeWorkbook()
      .addSheet("基本信息", { rows: [["学校名称"]] })
      .addSheet("志愿活动", { rows });

    const err: unknown = await hostFor(fake)
      .readWorkbook()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(HostFailure);
    expect(err).toMatchObject({ code: "row-too-large", params: { sheet: "志愿活动", row: 101 } });
    expect((err as HostFailure).cause).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    // Halved down to the one row, never past it (about log2(101) rejections, all of the same code).
    const rejected = fake.syncs.filter((s) => s.error !== undefined);
    expect(rejected.length).toBeGreaterThan(1);
    expect(rejected.length).toBeLessThanOrEqual(10);
    expect(rejected.every((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);

    const shown = errorMessage(err, "en");
    expect(shown.kind).toBe("error");
    expect(shown.text).toContain("Row 101 of the sheet “志愿活动” holds more text than Excel can pass");
    expect(shown.text).not.toContain("RichApi");
  });

  it("recognises Excel's payload-size errors by code or by message", () => {
    for (const code of PAYLOAD_SIZE_ERROR_CODES) expect(isPayloadSizeError({ code, message: "" })).toBe(true);
    expect(isPayloadSizeError(new Error("The response payload size has exceeded the limit."))).toBe(true);
    expect(
      isPayloadSizeError({
        code: "GeneralException",
        debugInfo: { code: "ResponsePayloadSizeLimitExceeded" },
      }),
    ).toBe(true);
    expect(isPayloadSizeError({ code: "ItemNotFound", message: "no such sheet" })).toBe(false);
    expect(isPayloadSizeError(null)).toBe(false);
  });

  it("passes other errors of a read through unchanged", async () => {
    const fake = new FakeWorkbook().addSheet("志愿活动", { rows: activityRows(300) });
    const busy = Object.assign(new Error("The workbook is busy"), { code: "GeneralException" });
    let syncs = 0;
    const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
      fake.run((context) => {
        const sync = context.sync.bind(context);
        context.sync = () => (++syncs === 2 ? Promise.reject(busy) : sync());
        return batch(context);
      });
    await expect(createOfficeHost({ run }).readWorkbook()).rejects.toBe(busy);
  });
});
