/**
 * 中文消息目录：每条规则的标题、整改办法、依据和问题说明都写在规则自己的文件里（`meta.messages.zh`），
 * 这里只有不属于任何规则的话。The Chinese catalogue, the primary language, derived from the rules.
 */
import { catalogueFromRules } from "./derive";

/** The Chinese catalogue. */
export const zh = catalogueFromRules("zh", {
  internalProblem: (title, detail) => `检查“${title}”时出现内部错误（${detail}），此项未完成检查。`,
  internalFix: "请将工作簿和此信息反馈给开发者。",
  unknownProblem: (rule) => `发现问题（${rule}）。`,
  compose: (p, fix, basis) => `${p}${fix}${basis ? `（依据：${basis}）` : ""}`,
});
