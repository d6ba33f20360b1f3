export type { JsonSchema, ToolInputSchema } from './jsonSchema';
export {
  fieldKind,
  fieldsFromSchema,
  initialDraft,
  initialDrafts,
  isLongText,
  schemaTypeText,
  type DraftValue,
  type Field,
  type FieldKind,
  type FileDraft,
} from './fieldModel';
export {
  FORM_ERROR_KEY,
  readDrafts,
  readField,
  type FieldErrors,
  type ReadResult,
} from './readDrafts';
export { MAX_SCHEMA_DEPTH, SCHEMA_TOO_DEEP, schemaNestsDeeperThan } from './schemaDepth';
export { readFileDraft, MAX_FILE_ARGUMENT_BYTES } from './fileDraft';
export {
  caseDraft,
  initialWitDraft,
  initialWitDrafts,
  readWitDrafts,
  readWitValue,
  type WitDraft,
  type WitErrors,
  type WitRead,
} from './witDraft';
