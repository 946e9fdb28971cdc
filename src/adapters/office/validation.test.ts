/**
 * 校验 (validate) in Excel writes nothing to the user's sheets: checked on the recording fake by
 * whole-sheet snapshots, by each sheet's mutation counter, and by every queued operation's target.
 */
import { check, markerName } from "../../engine";
import { runCommand, type CommandMessage } from "../../commands/run";
import { createOfficeHost, type OfficeHost } from "./host";
import { FakeWorkbook } from "./testing/fakeExcel";
import { TODAY, userWorkbook } from "./testing/fixtures";

/** One operation as the fake's context queued it: readable target path, action and name. */
interface QueuedOp {
  readonly path: string;
  readonly action: string;
  readonly name: string;
}

/**
 * The fake's request context as this test taps it. Its sync log keeps only counts and sizes, so
 * the test wraps the queue itself to learn every operation's target.
 */
interface ContextSeam {
  enqueue(record: { p: string; a: string; n?: unknown }, run: () => unknown): void;
  describe(id: string): string;
}

/** The Office host over `book`, recording every queued operation into `ops`. */
function recordingHost(book: FakeWorkbook, ops: QueuedOp[]): OfficeHost {
  return createOfficeHost({
    run: (batch) =>
      book.run((context) => {
        const seam = context as unknown as ContextSeam;
        const enqueue = seam.enqueue.bind(seam);
        seam.enqueue = (record, run) => {
          ops.push({ path: seam.describe(record.p), action: record.a, name: String(record.n ?? "") });
          enqueue(record, run);
        };
        return batch(context);
      }),
    isSetSupported: (v) => book.isSetSupported(v),
  });
}

/** The sheet an operation's path is rooted at: a name, a sheet being added, none, or unknown. */
function targetOf(path: string, idToName: ReadonlyMap<string, string>): string {
  if (!path.startsWith("worksheets.")) return "(workbook)";
  const rest = path.slice("worksheets.".length);
  const byName = /^getItem(?:OrNullObject)?\(("(?:[^"\\]|\\.)*")\)/.exec(rest);
  if (byName) return JSON.parse(byName[1] as string) as string;
  const byId = /^\[(\{sheet-\d+\})\]/.exec(rest);
  if (byId) return idToName.get(byId[1] as string) ?? "(unknown)";
  if (rest.startsWith("add(")) return "(new)";
  // getFirst()/getActiveWorksheet()/getNext…: the test cannot tell which sheet, so it counts as a user's.
  return "(unknown)";
}

const WRITES = new Set(["set", "call"]);

/** Writes (sets and calls) whose target is a user sheet or cannot be told, or a name not ours. */
function writesToUserSheets(
  ops: readonly QueuedOp[],
  idToName: ReadonlyMap<string, string>,
  users: string[],
) {
  const lower = new Set(users.map((u) => u.toLowerCase()));
  return ops.filter((op) => {
    if (!WRITES.has(op.action)) return false;
    const name = /^names\.(?:\[(.*?)\]|getItem\("(.*?)"\))/.exec(op.path);
    if (name) return !(name[1] ?? name[2] ?? "").startsWith("_ziping_");
    const target = targetOf(op.path, idToName);
    return target === "(unknown)" || lower.has(target.toLowerCase());
  });
}

const HIDDEN = "往届名单";
const USER_SHEETS = ["说明", "志愿活动", "工作人员名单", HIDDEN];

/** The fixture workbook plus a hidden user sheet with problems, a user formula and a user name. */
async function workbookWithProblems(): Promise<FakeWorkbook> {
  const book = userWorkbook({ badEvery: 3 }).addSheet(HIDDEN, {
    rows: [
      ["姓名", "学号", "职务", "政治面貌", "专业排名", "不及格门数"],
      ["赵六", "2019000001", "主席", "群众", "95%", 3],
    ],
    formats: [[], [null, "@"]],
    visibility: "Hidden",
  });
  await book.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("说明");
    sheet.getRange("C2").values = [["=1+1"]];
    context.workbook.names.add("UserList", sheet.getRange("A1:B2"), "the user's own name");
    await context.sync();
  });
  return book;
}

/** Everything about the user's sheets and names that must not change. */
function userState(book: FakeWorkbook) {
  return {
    snapshots: USER_SHEETS.map((n) => book.snapshot(n)),
    // The fake bumps a sheet's counter on every change, fonts and column widths included.
    versions: USER_SHEETS.map((n) => book.sheetByName(n).version),
    names: book.namedItems().filter((n) => !n.name.startsWith("_ziping_")),
    order: book.sheetNames().filter((n) => USER_SHEETS.includes(n)),
  };
}

const idsOf = (book: FakeWorkbook) => new Map(book.sheets.map((s) => [s.id, s.name]));

async function validate(host: OfficeHost): Promise<CommandMessage> {
  return runCommand("validate", { host, lang: "zh", today: () => TODAY, notify: () => Promise.resolve() });
}

describe("validate in Excel leaves the user's sheets alone", () => {
  it("writes nothing to user sheets and adds only 问题清单 and its marker", async () => {
    const book = await workbookWithProblems();
    const before = userState(book);
    const ids = idsOf(book);
    const ops: QueuedOp[] = [];
    const message = await validate(recordingHost(book, ops));

    expect(message.kind).toBe("problems");
    expect(userState(book)).toEqual(before);
    expect(book.sheetNames()).toEqual([...USER_SHEETS, "问题清单"]);
    expect(book.snapshot(HIDDEN).visibility).toBe("Hidden");
    expect(book.namedItems()).toEqual([
      ...before.names,
      { name: markerName("problems"), sheet: "问题清单", address: "A1", visible: false },
    ]);
    // The recorder saw the writes (to the new sheet), and none of them went to a user sheet.
    expect(
      ops.filter((op) => WRITES.has(op.action) && targetOf(op.path, ids) === "(new)").length,
    ).toBeGreaterThan(0);
    expect(writesToUserSheets(ops, ids, USER_SHEETS)).toEqual([]);
    // The problems are there: the list names the user's rows.
    const listed = book.rows("问题清单").map((r) => r[3]);
    expect(listed).toContain("志愿活动");
    expect(listed).toContain(HIDDEN);
  });

  it("replaces its own 问题清单 on a second run and leaves the user sheets identical again", async () => {
    const book = await workbookWithProblems();
    const before = userState(book);
    await validate(recordingHost(book, []));
    const first = { id: book.sheetByName("问题清单").id, rows: book.rows("问题清单") };

    const ids = idsOf(book);
    const ops: QueuedOp[] = [];
    await validate(recordingHost(book, ops));

    expect(book.sheetNames()).toEqual([...USER_SHEETS, "问题清单"]);
    expect(book.sheetByName("问题清单").id).not.toBe(first.id);
    expect(book.rows("问题清单")).toEqual(first.rows);
    expect(book.namedItems().filter((n) => n.name === markerName("problems"))).toEqual([
      { name: markerName("problems"), sheet: "问题清单", address: "A1", visible: false },
    ]);
    // The old sheet was deleted through its own id; nothing was written to a user sheet.
    const deleted = ops
      .filter((op) => op.action === "call" && op.name === "delete")
      .map((op) => targetOf(op.path, ids));
    expect(deleted).toContain("问题清单");
    expect(writesToUserSheets(ops, ids, USER_SHEETS)).toEqual([]);
    expect(userState(book)).toEqual(before);
  });

  it("with highlighting off writes no fill or format to any user sheet; turned on, the recorder sees it", async () => {
    const book = await workbookWithProblems();
    const before = userState(book);
    const ids = idsOf(book);
    const off: QueuedOp[] = [];
    const host = recordingHost(book, off);
    await validate(host);
    expect(writesToUserSheets(off, ids, USER_SHEETS)).toEqual([]);
    expect(userState(book)).toEqual(before);

    // The same recorder catches formatting of user cells when highlighting is on (so the check above can fail).
    const on: QueuedOp[] = [];
    const marking = recordingHost(book, on);
    const findings = check(await marking.readWorkbook(), { today: TODAY }).report.findings.filter(
      (f) => f.sheet !== undefined && f.cell !== undefined,
    );
    await marking.markCells(findings);
    const marked = writesToUserSheets(on, idsOf(book), USER_SHEETS);
    expect(marked.map((op) => op.name)).toContain("color");
    expect(book.snapshot("志愿活动").fills).not.toEqual(before.snapshots[1]?.fills);

    // Switching it off restores every user sheet exactly.
    await marking.clearMarks();
    expect(userState(book).snapshots).toEqual(before.snapshots);
  });
});
