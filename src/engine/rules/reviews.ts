/**
 * The review family (述职评议): every presidium member and department head is reviewed in every
 * required term, and scores are numbers from 0 to 100 (example report, section (八)).
 */
import { present, str, valueText } from "../i18n/catalogue";
import { OPINIONS, YIJIAN, columnLabel } from "../i18n/labels";
import { REVIEW_SCORES, type Finding, type FieldName } from "../types";
import { cellFinding, okText } from "./context";
import type { Rule } from "./rule";
import { staffName } from "../model";

declare module "../types" {
  interface RuleParamsById {
    "review.missing": { readonly name: string | null; readonly title: string | null; readonly term: string };
    "review.score": {
      readonly name: string | null;
      readonly field: FieldName;
      readonly reason: "not-a-number" | "out-of-range";
      readonly min: number;
      readonly max: number;
    };
  }
}

/** Flags, on the person's roster row, each required term without a review (needs a review sheet). */
export const reviewMissing: Rule<"review.missing"> = {
  meta: {
    id: "review.missing",
    severity: "error",
    indicators: ["reviews"],
    params: {
      name: "the person's name, or null",
      title: "the person's title, or null",
      term: "the term without a review",
    },
    messages: {
      zh: {
        title: "缺少述职评议记录",
        fix: "请组织该学期的述职评议，并在述职评议表中补录结果。",
        basis: `述职评议制度（自评报告第（八）部分）；${YIJIAN}`,
        problem(p) {
          return `${str(p.title)}${present(p.name) ? str(p.name) : "（未填姓名）"}缺少“${str(p.term)}”的述职评议记录。`;
        },
      },
      en: {
        title: "Missing review",
        fix: "Hold the review for that term and record the result in the review sheet.",
        basis: `term reviews (述职评议, report section 八); ${OPINIONS}`,
        problem(p) {
          return `${str(p.title)} ${present(p.name) ? str(p.name) : "(no name)"} has no review for term ${str(p.term)}.`;
        },
      },
    },
  },
  run(ctx) {
    // Without a review sheet table.missing already says so; one finding per person would be noise.
    if (!ctx.has("reviews")) return [];
    return ctx.model.reviewCoverage.missing.map(({ person, term }) =>
      cellFinding(ctx, "review.missing", "error", person.record, "name", person.record.name, {
        name: staffName(person.record),
        title: okText(person.record.title) ?? null,
        term,
      }),
    );
  },
};

const SCORE_FIELDS = [...REVIEW_SCORES, "total"] as const;

/** Flags a score or total that is not a number or lies outside 0–100. */
export const reviewScore: Rule<"review.score"> = {
  meta: {
    id: "review.score",
    severity: "error",
    indicators: [],
    params: {
      name: "the person's name, or null",
      field: "the score's field",
      reason: "not-a-number or out-of-range",
      min: "the lowest score",
      max: "the highest score",
    },
    messages: {
      zh: {
        title: "评议分数有误",
        fix: "请填写0至100之间的数字。",
        basis: "述职评议制度（自评报告第（八）部分）",
        problem(p, f) {
          const v = valueText(f);
          return str(p.reason) === "out-of-range"
            ? `${present(p.name) ? `${str(p.name)}的` : ""}“${columnLabel(f.column, p.field, "zh")}”为${v}，不在0至100之间。`
            : `${present(p.name) ? `${str(p.name)}的` : ""}“${columnLabel(f.column, p.field, "zh")}”为“${v}”，不是数字。`;
        },
      },
      en: {
        title: "Invalid review score",
        fix: "Enter a number from 0 to 100.",
        basis: "term reviews (述职评议, report section 八)",
        problem(p, f) {
          const v = valueText(f);
          return str(p.reason) === "out-of-range"
            ? `${present(p.name) ? `${str(p.name)}: ` : ""}"${columnLabel(f.column, p.field, "en")}" is ${v}, outside 0–100.`
            : `${present(p.name) ? `${str(p.name)}: ` : ""}"${columnLabel(f.column, p.field, "en")}" is "${v}", not a number.`;
        },
      },
    },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const r of ctx.read.reviews) {
      for (const field of SCORE_FIELDS) {
        const p = r[field];
        let reason: "not-a-number" | "out-of-range" | undefined;
        if (p.state === "invalid" || (p.state === "ok" && !Number.isFinite(p.value))) reason = "not-a-number";
        else if (p.state === "ok" && (p.value < 0 || p.value > 100)) reason = "out-of-range";
        if (reason === undefined) continue;
        out.push(
          cellFinding(ctx, "review.score", "error", r, field, p, {
            name: okText(r.name) ?? null,
            field,
            reason,
            min: 0,
            max: 100,
          }),
        );
      }
    }
    return out;
  },
};
