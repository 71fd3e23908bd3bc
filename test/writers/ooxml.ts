/** Reading a generated .docx back as its parts' XML, without trusting the code that wrote it. */
import { strFromU8, unzipSync } from 'fflate';

export interface Docx {
  parts: Record<string, string>;
  document: string;
  /** All w:t text of the body, paragraphs joined by newlines. */
  text: string;
  /** Custom document properties, name → value. */
  properties: Record<string, string>;
}

export function readDocx(bytes: Uint8Array): Docx {
  const entries = unzipSync(bytes);
  const parts = Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
  const document = parts['word/document.xml'] ?? '';
  return { parts, document, text: textOf(document), properties: customProperties(parts['docProps/custom.xml'] ?? '') };
}

/** Paragraph texts; a check-box control shows as □. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)]
    .map(([paragraph]) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:sym [^>]*w:char="25A1"/gu)]
        .map((match) => unescapeXml(match[1] ?? '□'))
        .join('')
        // Word joiners (no line break inside 〔2024〕8号, dates, phone numbers) are not seen on the page.
        .replace(/\u2060/gu, ''),
    )
    .join('\n');
}

function unescapeXml(text: string): string {
  const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
  return text.replace(/&(lt|gt|quot|apos|amp);/gu, (_, name: string) => entities[name]!);
}

function customProperties(xml: string): Record<string, string> {
  return Object.fromEntries(
    [...xml.matchAll(/<property [^>]*name="([^"]+)"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/gu)].map((match) => [match[1]!, unescapeXml(match[2]!)]),
  );
}

/** Every run that carries text, as its XML. */
export function textRuns(xml: string): string[] {
  return [...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*<w:t[ >](?:(?!<\/w:r>)[\s\S])*<\/w:r>/gu)].map(([run]) => run);
}

export function attribute(xml: string, element: string, name: string): string | null {
  return new RegExp(`<${element} [^>]*${name}="([^"]*)"`, 'u').exec(xml)?.[1] ?? null;
}

/** The rows of the n-th table (0-based), each row its cells' text. */
export function tableRows(xml: string, index: number): string[][] {
  const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/gu)][index]?.[0] ?? '';
  return [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/gu)].map(([row]) =>
    [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/gu)].map(([cell]) => textOf(cell)),
  );
}
