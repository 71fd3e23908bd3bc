/**
 * Letters in traditional characters (繁體: 聯系人, 部門, 意見) read as those in simplified ones: a pattern written
 * in simplified characters matches either script, and a matched label reads as its simplified form. Only the
 * characters of the words gongwen looks for are listed; a name is always kept as written.
 */
const TRADITIONAL: Record<string, string> = {
  关: '關', 于: '於', 见: '見', 报: '報', 请: '請', 务: '務', 馈: '饋', 发: '發', 复: '復覆', 单: '單', 门: '門', 机: '機',
  构: '構', 员: '員', 厅: '廳', 组: '組', 会: '會', 处: '處', 队: '隊', 办: '辦', 团: '團', 区: '區', 县: '縣', 业: '業',
  联: '聯', 系: '繫係', 电: '電', 话: '話', 传: '傳', 邮: '郵', 编: '編', 讯: '訊', 码: '碼', 决: '決', 议: '議', 纪: '紀',
  预: '預', 辖: '轄', 乡: '鄉', 镇: '鎮', 牵: '牽', 头: '頭', 负: '負', 责: '責', 职: '職', 导: '導', 协: '協', 参: '參', 与: '與',
  体: '體', 时: '時', 间: '間', 为: '為',
};

const SIMPLIFIED: Record<string, string> = Object.fromEntries(
  Object.entries(TRADITIONAL).flatMap(([simple, forms]) => [...forms].filter((form) => form !== simple).map((form) => [form, simple])),
);

/** `联系人` → `[联聯][系繫係]人`: the pattern with every listed character matching its traditional forms too. */
export function eitherScript(pattern: RegExp): RegExp {
  let inClass = false;
  let escaped = false;
  let source = '';
  for (const char of pattern.source) {
    const forms = TRADITIONAL[char];
    if (escaped || !forms) source += char;
    else source += inClass ? `${char}${forms}` : `[${char}${forms}]`;
    if (!escaped && char === '[') inClass = true;
    else if (!escaped && char === ']') inClass = false;
    escaped = !escaped && char === '\\';
  }
  return new RegExp(source, pattern.flags);
}

/** `聯系電話` → `联系电话`, for the listed characters only. */
export function simplifiedOf(text: string): string {
  return [...text].map((char) => SIMPLIFIED[char] ?? char).join('');
}
