/**
 * The rule table: every diagnostic gongwen can raise, with its severity, its category and a one-line summary
 * in Chinese (as remark-lint and eslint list theirs). `gongwen check` prints the id; the README lists the table.
 * A diagnostic whose rule is not here is a bug (test/parse/rules.test.ts).
 */
import type { Severity } from './outline.js';

export type RuleCategory = '要素' | '截止日期' | '联系人' | '附件' | '任务' | '单位';

export interface Rule {
  severity: Severity;
  category: RuleCategory;
  /** One line in Chinese: what the rule reports. */
  summary: string;
}

export const RULES = {
  'empty-letter': { severity: 'error', category: '要素', summary: '来函中没有可识别的文字' },
  'missing-title': { severity: 'error', category: '要素', summary: '找不到公文标题' },
  'missing-doc-number': { severity: 'error', category: '要素', summary: '找不到发文字号' },
  'missing-main-recipients': { severity: 'error', category: '要素', summary: '找不到主送机关（公告、通告除外）' },
  'missing-signature': { severity: 'error', category: '要素', summary: '找不到发文机关署名' },
  'missing-date': { severity: 'error', category: '要素', summary: '找不到成文日期' },
  'unknown-kind': { severity: 'warning', category: '要素', summary: '标题不以文种（函、通知、意见等）结尾' },
  'missing-deadline': { severity: 'warning', category: '截止日期', summary: '找不到反馈截止日期' },
  'deadline-year': { severity: 'info', category: '截止日期', summary: '截止日期未写年份，按成文日期的年份理解' },
  'deadline-relative': { severity: 'warning', category: '截止日期', summary: '截止日期写作“×个工作日内”，按成文日期推算，需核对' },
  'deadline-ambiguous': { severity: 'warning', category: '截止日期', summary: '正文有几个可能的截止日期，说明取了哪一个' },
  'missing-contact': { severity: 'warning', category: '联系人', summary: '找不到联系人或联系电话' },
  'contact-names-unclear': { severity: 'warning', category: '联系人', summary: '联系人姓名连写，无法确定怎样分开' },
  'attachment-without-title': { severity: 'warning', category: '附件', summary: '附件没有标题' },
  'attachment-not-noted': { severity: 'warning', category: '附件', summary: '附件未列入附件说明' },
  'attachment-title-mismatch': { severity: 'warning', category: '附件', summary: '附件标题与附件说明不一致' },
  'attachment-missing': { severity: 'warning', category: '附件', summary: '附件说明列出的附件在正文后找不到' },
  'task-without-units': { severity: 'warning', category: '任务', summary: '任务没有写明责任单位' },
  'recipient-group-unlisted': { severity: 'info', category: '单位', summary: '主送机关是统称，来函没有附名单' },
  'recipients-from-list': { severity: 'info', category: '单位', summary: '来函没有主送机关，受文单位取自征求意见单位名单' },
  'recipient-incomplete': { severity: 'warning', category: '单位', summary: '受文单位名称可能不完整，照原样列出' },
  'recipient-group-members': { severity: 'info', category: '单位', summary: '统称按名单文件（--recipients）展开' },
  'recipient-members-unused': { severity: 'warning', category: '单位', summary: '名单文件中有单位没有用上' },
  'recipient-duplicate': { severity: 'warning', category: '单位', summary: '同一受文单位列了两次' },
  'recipient-without-task': { severity: 'info', category: '单位', summary: '受文单位不负责任何任务' },
  'unit-unmatched': { severity: 'warning', category: '单位', summary: '责任单位找不到对应的受文单位（可能漏发）' },
  'unit-uncertain': { severity: 'warning', category: '单位', summary: '责任单位可能是某受文单位，需人工核对' },
  'unit-sender': { severity: 'info', category: '单位', summary: '责任单位是发文机关本身，无需征求其意见' },
  'unit-other-side': { severity: 'info', category: '单位', summary: '责任单位属结对的另一方，不需征求其意见' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}
