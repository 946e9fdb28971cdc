import type { SummarySheetId } from "../types";
import { planPlacement, type FoundMarker } from "./placement";
import {
  freeSheetName,
  isSummarySheetName,
  markedId,
  markerName,
  markerProof,
  sanitizeSheetName,
  STATE_SHEET_NAME,
  verifyMarker,
} from "./sheets";

const TITLE = "校级学生会组织改革自评表";
const ours = (id: SummarySheetId, sheet: string, title = TITLE): FoundMarker => ({
  id,
  sheet,
  title,
  comment: markerProof(id, title),
});

describe("sheet names", () => {
  it("recognises our names with suffixes, and the state sheet", () => {
    for (const n of ["自评表", "自评表 (2)", "自评表（3）", "Problems_2", STATE_SHEET_NAME])
      expect([n, isSummarySheetName(n)]).toEqual([n, true]);
    for (const n of ["名单", "我的自评", "自评表备份", "Sheet1"])
      expect([n, isSummarySheetName(n)]).toEqual([n, false]);
  });

  it("makes valid, free names: sanitised, at most 31 characters, suffixed when taken", () => {
    expect(sanitizeSheetName("a/b:c*?[d]")).toBe("a_b_c___d_");
    expect(sanitizeSheetName("'History'")).toBe("ziping");
    expect(sanitizeSheetName("")).toBe("ziping");
    expect(freeSheetName("自评表", new Set())).toBe("自评表");
    expect(freeSheetName("自评表", new Set(["自评表"]))).toBe("自评表 (2)");
    expect(freeSheetName("Problems", new Set(["problems", "problems (2)"]))).toBe("Problems (3)");
    const long = "x".repeat(40);
    expect(freeSheetName(long, new Set(["x".repeat(31)]))).toBe(`${"x".repeat(27)} (2)`);
    // Cut by characters, never in the middle of a surrogate pair.
    expect(Array.from(freeSheetName("😀".repeat(40), new Set())).length).toBe(31);
  });
});

describe("markers", () => {
  it("names markers by sheet id and reads the id back", () => {
    expect(markerName("assessment")).toBe("_ziping_sheet_assessment");
    expect(markedId("_ZIPING_SHEET_problems")).toBe("problems");
    expect(markedId("_ziping_sheet_roster")).toBeNull();
    expect(markedId("Print_Area")).toBeNull();
  });

  it("proves a sheet only with the proof of its id and its A1 as written", () => {
    const proof = markerProof("assessment", TITLE);
    expect(proof).toMatch(/^ziping assessment [0-9a-f]{8}$/);
    expect(verifyMarker("assessment", TITLE, proof)).toBe(true);
    expect(verifyMarker("problems", TITLE, proof)).toBe(false);
    expect(verifyMarker("assessment", "姓名", proof)).toBe(false);
    expect(verifyMarker("assessment", TITLE, "ziping summary sheet")).toBe(false);
    expect(verifyMarker("assessment", TITLE, null)).toBe(false);
    expect(verifyMarker("assessment", 42, markerProof("assessment", "42"))).toBe(false);
  });
});

describe("planPlacement: the re-run decision, once for every writer", () => {
  const six = (["assessment", "problems"] as const).map((id) => ({
    id,
    name: id === "assessment" ? "自评表" : "问题清单",
  }));

  it("adds every sheet at the end of a workbook without ours", () => {
    const plan = planPlacement({ sheets: ["名单", "活动"], markers: [] }, six);
    expect(plan).toEqual({
      replace: [],
      kept: [],
      place: [
        { id: "assessment", wanted: "自评表", name: "自评表" },
        { id: "problems", wanted: "问题清单", name: "问题清单" },
      ],
      renamed: [],
    });
  });

  it("replaces provably ours sheets under their names", () => {
    const plan = planPlacement(
      {
        sheets: ["名单", "自评表", "问题清单"],
        markers: [ours("assessment", "自评表"), ours("problems", "问题清单", "问题清单")],
      },
      six,
    );
    expect(plan.replace).toEqual(["自评表", "问题清单"]);
    expect(plan.place.map((p) => p.name)).toEqual(["自评表", "问题清单"]);
    expect(plan.renamed).toEqual([]);
  });

  it("replaces only the ids it writes", () => {
    const plan = planPlacement(
      {
        sheets: ["自评表", "问题清单"],
        markers: [ours("assessment", "自评表"), ours("problems", "问题清单")],
      },
      [{ id: "problems", name: "问题清单" }],
    );
    expect(plan.replace).toEqual(["问题清单"]);
  });

  it("keeps a sheet of ours the user renamed, and suffixes nothing for it", () => {
    const plan = planPlacement(
      { sheets: ["名单", "我的自评"], markers: [ours("assessment", "我的自评")] },
      six,
    );
    expect(plan.replace).toEqual([]);
    expect(plan.kept).toEqual(["我的自评"]);
    expect(plan.place.map((p) => p.name)).toEqual(["自评表", "问题清单"]);
  });

  it("keeps user sheets that imitation markers point at, whatever their names", () => {
    const forged: FoundMarker[] = [
      { id: "assessment", sheet: "名单", title: "姓名", comment: "ziping summary sheet" },
      { id: "problems", sheet: "活动记录", title: "活动名称", comment: null },
      // A copied proof does not fit another sheet's A1.
      { id: "structure", sheet: "自评表", title: "我的表", comment: markerProof("structure", TITLE) },
    ];
    const plan = planPlacement({ sheets: ["名单", "活动记录", "自评表"], markers: forged }, six);
    expect(plan.replace).toEqual([]);
    expect(plan.kept).toEqual(["名单", "活动记录", "自评表"]);
    expect(plan.place.map((p) => p.name)).toEqual(["自评表 (2)", "问题清单"]);
    expect(plan.renamed).toEqual([{ wanted: "自评表", used: "自评表 (2)" }]);
  });

  it("never replaces the state sheet, and ignores markers that point nowhere", () => {
    const plan = planPlacement(
      {
        sheets: [STATE_SHEET_NAME],
        markers: [ours("assessment", STATE_SHEET_NAME), ours("problems", null as unknown as string)],
      },
      six,
    );
    expect(plan.replace).toEqual([]);
  });

  it("compares sheet names case-insensitively, as Excel does", () => {
    const plan = planPlacement({ sheets: ["PROBLEMS"], markers: [] }, [{ id: "problems", name: "Problems" }]);
    expect(plan.place[0]?.name).toBe("Problems (2)");
  });
});
