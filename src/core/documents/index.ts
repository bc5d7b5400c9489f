/** Generated documents: one model, rendered as an accessible HTML page and as a tagged PDF. */
export {
  assertDocumentModel,
  type Block,
  type DocumentLang,
  type DocumentModel,
  DocumentModelError,
  type HeadingBlock,
  type ListBlock,
  type ParagraphBlock,
  type SignaturesBlock,
  type TableBlock,
} from './document-model.ts';
export { DOCUMENT_STYLESHEET, renderDocumentHtml } from './render-html.ts';
export { renderDocumentPdf } from './render-pdf.ts';
