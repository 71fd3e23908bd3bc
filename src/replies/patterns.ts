/**
 * The words of a reply (复函, 反馈意见, a filled-in form, a mail) that the reply recognizers look for, in one
 * place: numbered items by level, the clause a comment names, the frame around the comments (salutation,
 * lead-in, closing formula, contacts), and the ways of saying "no comment".
 */

/** Numbered items, by level as 公文 number them (GB/T 9704 7.3.3.1): 一、 → （一） → 1. → （1）. */
export const ITEM_LEVELS: ReadonlyArray<RegExp> = [
  /^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十百\d]+条\s*)/u,
  /^[（(][一二三四五六七八九十]+[）)]\s*/u,
  /^\d{1,2}(?:[.．、](?!\d)|\s+(?=[\u4e00-\u9fff]))\s*/u,
  /^(?:[（(]\d{1,2}[）)]|[①-⑳])\s*/u,
];

/** Words that name the clause of the draft a comment is about: 第3条, 第三条, 任务3, 第二部分, （一）, 二、…. */
export const CLAUSE =
  /(第[一二三四五六七八九十百\d]+(?:条|章|节|项|部分|款)(?:第[一二三四五六七八九十百\d]+(?:款|项))?|任务\s*\d+|第\d+项任务|附件\s*\d+|[一二三四五六七八九十]+、[^，。；“”]{1,20}|[（(][一二三四五六七八九十]+[）)][^，。；“”]{0,20})/u;

/** `将“X”修改为“Y”`, `“X”改为“Y”`, `把“X”调整为“Y”`: the text replaced and its replacement. */
export const REPLACEMENT = /[“"「]([^”"」]{1,400})[”"」]\s*(?:一句|一词|的表述|表述)?\s*(?:修改|更改|改|调整|替换|修订)(?:为|成)\s*[：:]?\s*[“"「]([^”"」]{1,400})[”"」]/u;

/** `理由：…`, `修改理由：…`, `（理由：…）`. */
export const REASON = /[（(]?\s*(?:修改)?(?:理由|依据|原因)\s*[：:]\s*([^）)]+)[）)]?\s*$/u;

/** Saying there is nothing to change: 无意见, 无修改意见, 没有意见, 无异议, 同意…（无其他意见）. */
export const NO_COMMENT = /无(?:修改|不同|其他|具体)?(?:意见|建议)|没有(?:修改|不同|其他)?(?:意见|建议)|无异议|同意(?:该|此|征求意见稿|文件)?(?:内容|稿)?[，,。]?(?:无|没有)/u;

/** The first line of a reply: 关于…的复函 / 反馈意见 / 意见反馈表. */
export const REPLY_TITLE = /(?:复函|回函|反馈意见|意见反馈表|修改意见|意见建议|的意见|的函)\s*$/u;

/** 省扶贫协作办： — the unit written to, alone on its line. */
export const SALUTATION = /^[^，。；：:]{2,40}[：:]$/u;

/** The lead-in sentence: 你办《…》收悉。经研究，现将有关意见函复如下： */
export const LEAD_IN = /收悉|(?:现将|现就|提出).{0,24}(?:如下|函复|反馈|回复)|(?:意见|建议)如下|如下[：:]?\s*$|^经(?:认真)?研究[，,]?(?:提出|现将)?.{0,12}[：:]\s*$/u;

/** Closing formulas and courtesy that end a reply: 特此函复。以上意见，供参考。 */
export const CLOSING = /^(?:特此(?:函复|复函|回复|反馈|说明)|此复|专此函复|以上意见[，,]?(?:供参考|请酌|妥否|仅供参考|请予考虑|请酌定)?|妥否[，,]?请.{0,6}|请予?(?:参考|研究|采纳|酌定)|谢谢)[。！!.]?$/u;

/** Contact lines: 联系人：张三  电话：… ; 附件：… */
export const CONTACT_LINE = /^[（(]?\s*(?:联\s*系\s*人|联系电话|电\s*话|手\s*机|传\s*真|邮\s*箱|电子邮[箱件]|经办人|承办人|审核人|签发人)\s*[：:]/u;

/** Words that make a sentence a comment rather than courtesy. */
export const SUGGESTION_WORDS = /建议|修改|改为|增加|补充|删除|删去|调整|完善|明确|表述|不妥|有误|重复|应当|应为|需要|为宜|增设|细化|合并/u;

/** Secrecy markings a file may carry (绝密, 机密, 秘密★, 工作秘密, 内部资料). */
export const SECRECY_MARKS = /(绝密|机密|秘密\s*★|工作秘密|内部资料)/gu;

/** A reply that says it replaces an earlier one, or is final. */
export const SUPERSEDING = /(前稿作废|以此(?:稿|版)?为准|以本(?:稿|函|版)为准|替换前稿|更正稿|修订稿|最终稿|定稿|正式稿)/u;

/** Marks of a ticked box: a Word check box read as ☑, or a symbol typed before 无意见. */
export const CHECKED_MARKS = '☑☒√✓✔■▣●';
