/**
 * A mail saved as .eml (Foxmail, Coremail, Outlook exports), read by `postal-mime`: its body (plain text,
 * or HTML turned into text) as paragraphs after the subject, and each attachment as an embedded file with
 * its decoded name (RFC 2047 / RFC 2231; GB18030 and GBK bodies are decoded by their charset). A forwarded
 * mail stays an attachment (.eml) of its own, so nesting is counted by whoever opens the attachments.
 */
import PostalMime from 'postal-mime';
import type { EmbeddedFile, ParagraphBlock, SourceDocument } from '../model/document.js';
import { ReadProblem } from './problem.js';

/** MIME nesting a real mail has (mixed › related › alternative, a few levels); a bomb has thousands. */
const MAX_MIME_DEPTH = 16;
const MAX_HEADER_BYTES = 512 * 1024;
/** Where a reply's own words end and the quoted mail begins (Foxmail, Coremail, Outlook, QQ mail). */
const QUOTED_MAIL = /^(?:-{2,}\s*(?:原始邮件|Original Message|转发邮件|Forwarded message)|-{5,}$|_{5,}$|发件人[:：]|From:\s|在.{0,60}写道[:：]$|On .{0,80}wrote:$)/iu;

export async function readMail(bytes: Uint8Array): Promise<SourceDocument> {
  let mail;
  try {
    mail = await PostalMime.parse(bytes, {
      forceRfc822Attachments: true,
      maxRfc822NestingDepth: 0,
      maxNestingDepth: MAX_MIME_DEPTH,
      maxHeadersSize: MAX_HEADER_BYTES,
      attachmentEncoding: 'arraybuffer',
    });
  } catch (error) {
    const reason = error instanceof Error && /depth|size/iu.test(error.message) ? '邮件结构层层嵌套或信头过大，不像是一封正常的邮件' : '邮件已损坏，无法读取';
    throw new ReadProblem(reason);
  }
  const body = mail.text?.trim() ? mail.text : mail.html ? await htmlText(mail.html) : '';
  const own = body.split(/\r?\n/u);
  const quoted = own.findIndex((line) => QUOTED_MAIL.test(line.trim()));
  const lines = [mail.subject ?? '', ...(quoted >= 0 ? own.slice(0, quoted) : own)].map((line) => line.replace(/\s+$/u, ''));
  // The subject is line 1, the body's lines follow it.
  const blocks: ParagraphBlock[] = lines
    .map((text, index) => ({ kind: 'paragraph' as const, runs: [{ text, start: { line: index + 1, column: 1 } }] }))
    .filter(({ runs: [run] }) => run && run.text.trim() !== '' && !/^>/u.test(run.text));
  const embedded: EmbeddedFile[] = mail.attachments
    // Pictures shown inside the HTML body (a signature's logo, image001.png) are part of the body, not files sent.
    .filter((attachment) => !attachment.related)
    .map((attachment, index) => ({
      name: attachment.filename || `附件${index + 1}${attachment.mimeType === 'message/rfc822' ? '.eml' : ''}`,
      bytes: new Uint8Array(attachment.content as ArrayBuffer),
    }));
  return { format: 'eml', encoding: 'eml', blocks, properties: {}, embedded, scanned: false };
}

async function htmlText(html: string): Promise<string> {
  const { convert } = await import('html-to-text');
  return convert(html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }, { selector: 'a', options: { ignoreHref: true } }] });
}
