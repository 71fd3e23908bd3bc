/**
 * Where `gongwen adoption` reads and writes in the workspace, relative to it, in one place (to be folded into
 * the workspace contract, src/model/workspace.ts, beside the other commands' paths).
 */
export const ADOPTION_PATHS = {
  /** 意见汇总表.xlsx, written by `gongwen summary` and filled in by the drafting office: what is read. */
  summarySheet: '意见汇总表.xlsx',
  /** 征求意见采纳情况说明.docx, filed with the revised draft. */
  report: '征求意见采纳情况说明.docx',
  /** 采纳情况反馈/NN-单位.docx: one per unit that commented, numbered as in packets/. */
  notesFolder: '采纳情况反馈',
} as const;
