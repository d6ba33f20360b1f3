export type { JsonSchema, JsonType, ToolInputSchema } from './jsonSchema';
export {
  branchField,
  childFields,
  fieldKind,
  fieldsFromSchema,
  isLongText,
  itemField,
  MAX_FORM_DEPTH,
  nonNullField,
  schemaTypeText,
  type DraftValue,
  type Field,
  type FieldKind,
  type FileDraft,
  type NestedDraft,
} from './fieldModel';
export {
  draftFromValue,
  draftsFromValue,
  initialDraft,
  initialDrafts,
  readField,
  readNode,
} from './schemaDraft';
export { alternativeLabel, alternativesOf, resolveSchema } from './schemaResolve';
export { FORM_ERROR_KEY, readDrafts, type FieldErrors, type ReadResult } from './readDrafts';
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
export {
  formValue,
  JSON_VIEW_KEY,
  jsonViewText,
  parseJsonView,
  readJsonView,
  toForm,
} from './jsonView';
