// Lays a letter's text out as an OFD the way 数科 and 福昕 export a Word file: A4, GB/T 9704 margins, 3号
// type (28 characters a line, 22 lines a page), each paragraph's first line indented two characters, page
// numbers `— N —` at the foot. Each line is one TextObject with a DeltaX list (`g 27 5.57` for runs of equal
// steps), or, with `split: 'run'`, one TextObject per run of characters set in one font: Chinese, Latin and
// digits, and curly quotes, the quotes drawn after the rest of the line as a font fallback does.
import { strToU8, zipSync } from 'fflate';

export interface OfdLetterOptions {
  split?: 'line' | 'run';
  /** Extra entries, or replacements, for hostile tests. */
  extra?: Record<string, string>;
  /** Text set in the template page (a letterhead), behind every page. */
  template?: string;
  /** The page number's wording, `— 1 —` by default. */
  pageNumber?: (page: number, pages: number) => string;
  /** Annotations on page 1 (a reader's typed note, a watermark), each drawn as text in its appearance. */
  annotations?: Array<{ type: 'Stamp' | 'Watermark' | 'Highlight'; text: string; y: number }>;
}

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const PAGE = { width: 210, height: 297 };
const LEFT = 28;
const TOP = 37;
const WIDTH = 156;
const SIZE = 5.57;
const PITCH = 10.2;
const LINES_PER_PAGE = 22;

interface Placed {
  text: string;
  x: number;
  /** Baseline, from the page's top. */
  y: number;
}

function advance(character: string): number {
  return character.charCodeAt(0) < 0x2000 && character !== '“' && character !== '”' ? SIZE / 2 : SIZE;
}

/** Every line of every page: paragraphs wrapped at the text width, first lines indented. */
function layOut(text: string): Placed[][] {
  const pages: Placed[][] = [[]];
  let row = 0;
  const place = (line: string, indent: number): void => {
    if (row === LINES_PER_PAGE) {
      pages.push([]);
      row = 0;
    }
    pages.at(-1)?.push({ text: line, x: LEFT + indent, y: TOP + row * PITCH + SIZE * 0.88 });
    row += 1;
  };
  for (const paragraph of text.split(/\r?\n/u).map((line) => line.trim()).filter(Boolean)) {
    let line = '';
    let width = SIZE * 2;
    let indent = SIZE * 2;
    for (const character of paragraph) {
      if (width + advance(character) > WIDTH + 0.01) {
        place(line, indent);
        line = '';
        width = 0;
        indent = 0;
      }
      line += character;
      width += advance(character);
    }
    if (line) place(line, indent);
  }
  return pages;
}

function deltaX(text: string): string {
  const steps = [...text].slice(0, -1).map((character) => advance(character).toFixed(2));
  const parts: string[] = [];
  for (let i = 0; i < steps.length; ) {
    let run = 1;
    while (i + run < steps.length && steps[i + run] === steps[i]) run += 1;
    parts.push(run > 1 ? `g ${run} ${steps[i]}` : (steps[i] as string));
    i += run;
  }
  return parts.join(' ');
}

let nextId = 100;

function textObject(text: string, x: number, y: number, size = SIZE): string {
  const width = [...text].reduce((sum, character) => sum + advance(character), 0);
  const escaped = text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  return (
    `<ofd:TextObject ID="${nextId++}" Font="1" Size="${size}" Boundary="${x.toFixed(2)} ${(y - size).toFixed(2)} ${width.toFixed(2)} ${(size * 1.2).toFixed(2)}">` +
    `<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${size.toFixed(2)}" DeltaX="${deltaX(text)}">${escaped}</ofd:TextCode></ofd:TextObject>`
  );
}

/** A line as one object, or as runs by font with the quotes drawn last. */
function lineObjects(line: Placed, split: 'line' | 'run'): string {
  if (split === 'line') return textObject(line.text, line.x, line.y);
  const kind = (character: string): string => (character === '“' || character === '”' ? 'quote' : character.charCodeAt(0) < 0x2000 ? 'latin' : 'cjk');
  const runs: Array<{ text: string; x: number; kind: string }> = [];
  let x = line.x;
  for (const character of line.text) {
    const last = runs.at(-1);
    if (last && last.kind === kind(character)) last.text += character;
    else runs.push({ text: character, x, kind: kind(character) });
    x += advance(character);
  }
  const ordered = [...runs.filter((run) => run.kind !== 'quote'), ...runs.filter((run) => run.kind === 'quote')];
  return ordered.map((run) => textObject(run.text, run.x, line.y)).join('');
}

/** The OFD package of a letter's text. */
export function letterAsOfd(text: string, options: OfdLetterOptions = {}): Uint8Array {
  const split = options.split ?? 'line';
  const pages = layOut(text);
  const files: Record<string, string> = {
    'OFD.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>gongwen-test</ofd:DocID><ofd:Creator>test/support/ofd.ts</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    'Doc_0/Document.xml':
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${PAGE.width} ${PAGE.height}</ofd:PhysicalBox></ofd:PageArea>` +
      `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${options.template === undefined ? '' : '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>'}</ofd:CommonData><ofd:Pages>` +
      pages.map((_, index) => `<ofd:Page ID="${1000 + index}" BaseLoc="Pages/Page_${index}/Content.xml"/>`).join('') +
      `</ofd:Pages>${options.annotations ? '<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>' : ''}</ofd:Document>`,
    'Doc_0/PublicRes.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>`,
  };
  if (options.template !== undefined) {
    files['Doc_0/Tpls/Tpl_0/Content.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="3">${textObject(options.template, LEFT, 20, 4)}</ofd:Layer></ofd:Content></ofd:Page>`;
  }
  pages.forEach((lines, index) => {
    const number = (options.pageNumber ?? ((page) => `— ${page} —`))(index + 1, pages.length);
    const numberX = index % 2 === 0 ? LEFT + WIDTH - 20 : LEFT + 4;
    files[`Doc_0/Pages/Page_${index}/Content.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Area><ofd:PhysicalBox>0 0 ${PAGE.width} ${PAGE.height}</ofd:PhysicalBox></ofd:Area>` +
      `${options.template === undefined ? '' : '<ofd:Template TemplateID="2" ZOrder="Background"/>'}` +
      `<ofd:Content><ofd:Layer ID="${nextId++}">${lines.map((line) => lineObjects(line, split)).join('')}${textObject(number, numberX, 277, 4.94)}</ofd:Layer></ofd:Content></ofd:Page>`;
  });
  if (options.annotations) {
    files['Doc_0/Annots/Annotations.xml'] = `<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations ${NS}><ofd:Page PageID="1000"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>`;
    files['Doc_0/Annots/Page_0/Annotation.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot ${NS}>` +
      options.annotations
        .map((annotation) => `<ofd:Annot ID="${nextId++}" Type="${annotation.type}"><ofd:Appearance Boundary="${LEFT} ${annotation.y} ${WIDTH} 10">${textObject(annotation.text, 0, SIZE)}</ofd:Appearance></ofd:Annot>`)
        .join('') +
      '</ofd:PageAnnot>';
  }
  Object.assign(files, options.extra ?? {});
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])));
}
