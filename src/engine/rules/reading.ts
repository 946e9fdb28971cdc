/**
 * Findings the reader makes while recognising the workbook: a table or a required column that is
 * missing, and a setting that cannot be read. The reader emits them (it runs before any rule);
 * these rules only describe them, so their ids and messages live with the others.
 */
import { str, valueText } from "../i18n/catalogue";
import { fieldName, kindLabel } from "../i18n/labels";
import type { FieldName, TableKind } from "../types";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "table.missing": { readonly kind: TableKind };
    "table.missing-column": {
      readonly kind: TableKind;
      /** The first field that would do, or null. */
      readonly field: FieldName | null;
      /** Other fields that would do instead, comma-separated. */
      readonly or?: string;
    };
    "settings.invalid-value": { readonly key: string; readonly setting: string };
  }
}

/** A table the self-assessment needs was not found (an error for the roster, else info). */
export const tableMissing: Rule<"table.missing"> = {
  meta: {
    id: "table.missing",
    severity: "error",
    indicators: [],
    params: {
      kind: "the table kind not found",
    },
    messages: {
      zh: {
        title: "缺少数据表",
        fix: "请添加该数据表，或在“表格识别”中指定对应的工作表。",
        basis: "自评所需的数据",
        problem(p) {
          return `未找到${kindLabel(p.kind, "zh")}。`;
        },
      },
      en: {
        title: "Table not found",
        fix: "Add the table, or assign the right sheet under table recognition.",
        basis: "data the self-assessment needs",
        problem(p) {
          return `No ${kindLabel(p.kind, "en")} was found.`;
        },
      },
    },
  },
};

/** A recognised table lacks a column the checks need (an error for the roster, else info). */
export const tableMissingColumn: Rule<"table.missing-column"> = {
  meta: {
    id: "table.missing-column",
    severity: "error",
    indicators: [],
    params: {
      kind: "the table's kind",
      field: "the first field that would do, or null",
      or: "other fields that would do, comma-separated",
    },
    messages: {
      zh: {
        title: "缺少必要的列",
        fix: "请在表头添加该列，或更正列名。",
        basis: "自评所需的数据",
        problem(p, f) {
          const fields = [str(p.field), ...str(p.or).split(",")].filter((x) => x !== "");
          const names = fields.map((x) => `“${fieldName(x, "zh")}”`).join("或");
          return `${kindLabel(p.kind, "zh")}${f.sheet !== undefined ? `（工作表“${f.sheet}”）` : ""}缺少${names || "必要的"}列，相关检查无法进行。`;
        },
      },
      en: {
        title: "Required column not found",
        fix: "Add the column to the header row, or correct its header.",
        basis: "data the self-assessment needs",
        problem(p, f) {
          const fields = [str(p.field), ...str(p.or).split(",")].filter((x) => x !== "");
          const names = fields.map((x) => `"${fieldName(x, "en")}"`).join(" or ");
          return `The ${kindLabel(p.kind, "en")}${f.sheet !== undefined ? ` (sheet ${f.sheet})` : ""} has no ${names || "required"} column, so the checks that need it cannot run.`;
        },
      },
    },
  },
};

/** A value on the settings sheet cannot be read; the default is used. */
export const settingsInvalidValue: Rule<"settings.invalid-value"> = {
  meta: {
    id: "settings.invalid-value",
    severity: "error",
    indicators: [],
    params: {
      key: "the key as written on the settings sheet",
      setting: "the setting it names",
    },
    messages: {
      zh: {
        title: "设置值无法识别",
        fix: "请按说明改写：日期写作2022-12-09，是否类写“是”或“否”，人数写数字。",
        basis: "基本信息表",
        problem(p, f) {
          const v = valueText(f);
          return `设置“${str(p.key)}”的值“${v}”无法识别，已按默认值处理。`;
        },
      },
      en: {
        title: "Unreadable setting",
        fix: "Rewrite the value: dates as 2022-12-09, yes/no as 是 or 否, counts as numbers.",
        basis: "settings sheet",
        problem(p, f) {
          const v = valueText(f);
          return `Setting ${str(p.key)} has the value "${v}", which cannot be read; the default is used.`;
        },
      },
    },
  },
};
