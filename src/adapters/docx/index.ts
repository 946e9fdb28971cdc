/**
 * The self-assessment report draft as a Word document (.docx), laid out with the `docx` package
 * from the engine's {@link ReportDocument}: A4, CJK typography as such reports use it (仿宋 三号
 * body with a first-line indent of two characters, 黑体/楷体 headings, a 宋体 title), the 自评表 as
 * a real Word table (指标 | 结论 | 备注), and every generated sentence or placeholder marked in a
 * highlighted run. Browser-safe: returns bytes, writes nothing.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from "docx";
import type { ReportDocument, ReportParagraph } from "../../engine";

/** Chinese type sizes in half-points, as Word counts them (二号 22pt, 三号 16pt, 四号 14pt). */
export const TYPE_SIZES = { erhao: 44, sanhao: 32, sihao: 28 } as const;

/** CJK font families of the draft (Latin text in Times New Roman). */
export const FONTS = {
  title: "宋体",
  body: "仿宋",
  heading: "黑体",
  subheading: "楷体",
  table: "宋体",
} as const;

const LATIN = "Times New Roman";
/** Twips per point. */
const TWIPS = 20;
/** 28-point fixed line spacing, the usual spacing of such reports. */
const LINE = 28 * TWIPS;

function font(eastAsia: string): NonNullable<IRunOptions["font"]> {
  return { ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN };
}

function run(text: string, face: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(face), size, ...extra });
}

/** A body paragraph with its mark: generated text ends in 【请核对】, a placeholder starts with 【待填写】. */
function bodyParagraph(p: ReportParagraph, marks: ReportDocument["marks"]): Paragraph {
  const size = TYPE_SIZES.sanhao;
  const highlight = { highlight: HighlightColor.YELLOW } as const;
  const children =
    p.mark === "fill"
      ? [
          run(marks.fill, FONTS.body, size, { ...highlight, bold: true }),
          run(p.text, FONTS.body, size, highlight),
        ]
      : [run(p.text, FONTS.body, size), run(marks.confirm, FONTS.body, size, { ...highlight, bold: true })];
  return new Paragraph({
    children,
    // Two characters of the body size: firstLineChars for Word, the twips for other readers.
    indent: { firstLineChars: 200, firstLine: 2 * 16 * TWIPS },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
  });
}

function heading(text: string, face: string, bold = false): Paragraph {
  return new Paragraph({
    children: [run(text, face, TYPE_SIZES.sanhao, { bold })],
    indent: { firstLineChars: 200, firstLine: 2 * 16 * TWIPS },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 6 * TWIPS },
    keepNext: true,
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const CELL_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN } as const;
/** Column shares of 指标 | 结论 | 备注, in percent of the text width. */
const COLUMN_SHARES = [54, 12, 34] as const;

function cell(text: string, share: number, header: boolean): TableCell {
  return new TableCell({
    children: text.split("\n").map(
      (line) =>
        new Paragraph({
          children: [run(line, FONTS.table, TYPE_SIZES.sihao, { bold: header })],
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        }),
    ),
    width: { size: share, type: WidthType.PERCENTAGE },
    borders: CELL_BORDERS,
    ...(header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "DDEBF7" } } : {}),
  });
}

function assessmentTable(doc: ReportDocument): Table {
  const row = (cells: readonly string[], header: boolean): TableRow =>
    new TableRow({
      children: cells.map((text, i) => cell(text, COLUMN_SHARES[i] ?? 10, header)),
      tableHeader: header,
      cantSplit: true,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(doc.tableHeaders, true), ...doc.tableRows.map((r) => row(r, false))],
  });
}

/** The .docx bytes of a report draft. */
export async function renderReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const centered = (text: string, face: string, size: number, bold = false): Paragraph =>
    new Paragraph({
      children: [run(text, face, size, { bold })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 12 * TWIPS },
    });
  const children: Array<Paragraph | Table> = [
    centered(doc.title, FONTS.title, TYPE_SIZES.erhao, true),
    centered(doc.dateLine, FONTS.body, TYPE_SIZES.sanhao),
    new Paragraph({
      children: [run(doc.legend, FONTS.body, TYPE_SIZES.sihao, { italics: true, color: "595959" })],
      spacing: { after: 12 * TWIPS },
    }),
    ...doc.intro.map((p) => bodyParagraph(p, doc.marks)),
    heading(doc.measuresHeading, FONTS.heading),
  ];
  for (const section of doc.sections) {
    children.push(heading(section.heading, FONTS.subheading, true));
    for (const p of section.paragraphs) children.push(bodyParagraph(p, doc.marks));
  }
  children.push(heading(doc.planHeading, FONTS.heading));
  for (const p of doc.plan) children.push(bodyParagraph(p, doc.marks));
  children.push(heading(doc.tableHeading, FONTS.heading), assessmentTable(doc));

  const document = new Document({
    creator: "ziping",
    title: doc.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: TYPE_SIZES.sanhao } } } },
    sections: [
      {
        properties: {
          // A4 with the margins of Chinese official documents (37/35/28/26 mm).
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["— ", PageNumber.CURRENT, " —"],
                    font: font(FONTS.table),
                    size: TYPE_SIZES.sihao,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.pack(document, "uint8array");
}
