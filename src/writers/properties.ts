/**
 * What a generated .docx says about itself (docProps/custom.xml), so the tracker recognises a returned file
 * even when a unit renamed it or re-saved it in Word, WPS or LibreOffice (they keep custom properties).
 */
import type { Outline, Recipient } from '../model/outline.js';
import { DOCUMENT_PROPERTY, WORKSPACE_SCHEMA_VERSION, type DocumentKind } from '../model/workspace.js';

export function documentProperties(kind: DocumentKind, outline: Outline, recipient: Recipient | null): Record<string, string> {
  const properties: Record<string, string> = {
    [DOCUMENT_PROPERTY.schema]: String(WORKSPACE_SCHEMA_VERSION),
    [DOCUMENT_PROPERTY.document]: kind,
  };
  const docNumber = outline.letter.docNumber?.text;
  if (docNumber) properties[DOCUMENT_PROPERTY.docNumber] = docNumber;
  if (recipient !== null) {
    // The tracker reads a file carrying a recipient id as that unit's feedback form: only the form has one.
    if (kind === 'feedback-form') properties[DOCUMENT_PROPERTY.recipientId] = recipient.id;
    properties[DOCUMENT_PROPERTY.recipientName] = recipient.name;
  }
  return properties;
}
