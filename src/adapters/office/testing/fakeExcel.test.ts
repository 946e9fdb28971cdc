import { FAKE_PAYLOAD_LIMIT_BYTES, FakeWorkbook } from "./fakeExcel";

describe("the recording fake of the Excel API", () => {
  const book = () =>
    new FakeWorkbook().addSheet("Sheet1", {
      rows: [
        ["a", 1],
        ["b", 2],
      ],
    });

  it("throws on property reads before load and sync, like Office.js", async () => {
    await book().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([
        ["a", 1],
        ["b", 2],
      ]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
    });
  });

  it("records each sync with its request and response size", async () => {
    const fake = book();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.load("values");
      await context.sync();
      range.values = [
        ["x".repeat(1000), null],
        [null, null],
      ];
      await context.sync();
    });
    expect(fake.syncs).toHaveLength(2);
    expect(fake.syncs[0]?.responseBytes).toBeGreaterThan(10);
    expect(fake.syncs[1]?.requestBytes).toBeGreaterThan(1000);
    expect(fake.syncs[1]?.responseBytes).toBeLessThan(10);
    expect(fake.value("Sheet1", "A1")).toBe("x".repeat(1000));
    expect(fake.value("Sheet1", "B1")).toBe(1);
  });

  it("gives null objects for *OrNullObject and fails the batch for a missing getItem", async () => {
    const fake = book();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("nope");
      const used = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true);
      used.load("address");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.address).toBe("Sheet1!A1:B2");
      context.workbook.worksheets.getItem("nope").activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(fake.syncs[1]?.error).toBe("ItemNotFound");
  });

  it("turns text into a formula or a number the way Excel does unless the cell is formatted as text", async () => {
    const fake = book();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C1:C3").values = [["=1+1"], ["007"], ["text"]];
      const d = sheet.getRange("D1:D2");
      d.numberFormat = [["@"], ["@"]];
      d.values = [["=1+1"], ["007"]];
      await context.sync();
    });
    const snap = fake.snapshot("Sheet1");
    expect(snap.formulas).toEqual({ C1: "=1+1" });
    expect(snap.cells.C2).toBe(7);
    expect(snap.cells.D1).toBe("=1+1");
    expect(snap.cells.D2).toBe("007");
  });

  it("rejects APIs newer than the requirement set it was created with", async () => {
    const fake = new FakeWorkbook(7).addSheet("Sheet1");
    expect(fake.isSetSupported("1.7")).toBe(true);
    expect(fake.isSetSupported("1.8")).toBe(false);
    await fake.run(async (context) => {
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  it("keeps one visible sheet and unique names, case-insensitively", async () => {
    const fake = book();
    await fake.run(async (context) => {
      context.workbook.worksheets.add("sheet1");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      context.workbook.worksheets.getItem("Sheet1").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });

  it("rejects a response over 5 MB like Excel on the web, unless told not to", async () => {
    const big = () =>
      new FakeWorkbook().addSheet("Sheet1", { rows: [Array<string>(60).fill("汉".repeat(32_767))] });
    const fake = big();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:BH1");
      range.load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      // The loads of the rejected sync are lost; the context still works.
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      const one = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      one.load("values");
      await context.sync();
      expect(one.values[0]?.[0]).toHaveLength(32_767);
    });
    const [rejected, ok] = fake.syncs;
    expect(rejected?.error).toBe("ResponsePayloadSizeLimitExceeded");
    expect(rejected?.rejectedResponseBytes).toBeGreaterThan(FAKE_PAYLOAD_LIMIT_BYTES);
    expect(rejected?.responseBytes).toBeLessThan(1000);
    expect(ok?.error).toBeUndefined();

    const unlimited = big();
    unlimited.enforcePayloadLimits = false;
    await unlimited.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:BH1").load("values");
      await context.sync();
    });
    expect(unlimited.maxResponseBytes).toBeGreaterThan(FAKE_PAYLOAD_LIMIT_BYTES);
  });

  it("rejects a request over 5 MB without running any of it", async () => {
    const fake = book();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A60");
      range.values = Array.from({ length: 60 }, () => ["汉".repeat(32_767)]);
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(fake.value("Sheet1", "A1")).toBe("a");
    expect(fake.syncs[0]?.error).toBe("RequestPayloadSizeLimitExceeded");
  });
});

describe("the fake's workbook states that refuse writes", () => {
  const book = () =>
    new FakeWorkbook()
      .addSheet("Sheet1", { rows: [["a", 1]] })
      .addSheet("Hidden", { rows: [["x"]], visibility: "VeryHidden" });

  /** Runs one write and returns the error code it failed with ("" when it succeeded). */
  async function codeOf(fake: FakeWorkbook, write: (context: Excel.RequestContext) => void): Promise<string> {
    return fake
      .run(async (context) => {
        write(context);
        await context.sync();
      })
      .then(
        () => "",
        (e: { code?: string }) => e.code ?? "?",
      );
  }

  const setValue = (c: Excel.RequestContext) =>
    void (c.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["b"]]);
  const addSheet = (c: Excel.RequestContext) => void c.workbook.worksheets.add("New");

  it("a protected sheet refuses cell writes but may be selected", async () => {
    const fake = book().protectSheet("Sheet1");
    expect(await codeOf(fake, setValue)).toBe("AccessDenied");
    expect(fake.value("Sheet1", "A1")).toBe("a");
    expect(await codeOf(fake, (c) => c.workbook.worksheets.getItem("Sheet1").activate())).toBe("");
    expect(await codeOf(fake, addSheet)).toBe("");
  });

  it("a protected structure refuses adding, renaming and deleting sheets but not cell writes", async () => {
    const fake = book();
    fake.structureProtected = true;
    expect(await codeOf(fake, addSheet)).toBe("AccessDenied");
    expect(await codeOf(fake, (c) => void (c.workbook.worksheets.getItem("Sheet1").name = "B"))).toBe(
      "AccessDenied",
    );
    expect(await codeOf(fake, setValue)).toBe("");
  });

  it("a read-only workbook refuses every write; cell-edit mode refuses every batch, reads too", async () => {
    const readOnly = book();
    readOnly.readOnly = true;
    expect(await codeOf(readOnly, setValue)).toBe("AccessDenied");
    const editing = book();
    editing.cellEditMode = true;
    expect(await codeOf(editing, (c) => void c.workbook.worksheets.load("items/name"))).toBe(
      "InvalidOperationInCellEditMode",
    );
    expect(editing.syncs.at(-1)?.error).toBe("InvalidOperationInCellEditMode");
  });

  it("a VeryHidden sheet cannot be deleted; a cell with a threaded comment cannot get a note", async () => {
    const fake = book().setThreadedComment("Sheet1", "A1", "请核对");
    expect(await codeOf(fake, (c) => c.workbook.worksheets.getItem("Hidden").delete())).toBe(
      "InvalidOperation",
    );
    expect(fake.sheetNames()).toContain("Hidden");
    expect(await codeOf(fake, (c) => c.workbook.worksheets.getItem("Sheet1").notes.add("A1", "n"))).toBe(
      "InvalidOperation",
    );
    expect(await codeOf(fake, (c) => c.workbook.worksheets.getItem("Sheet1").notes.add("B1", "n"))).toBe("");
  });
});
